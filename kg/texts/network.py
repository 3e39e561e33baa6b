"""Interface texts of the interactive graph (/network). Node type and relation names come from kg.network."""

from __future__ import annotations

from kg.network import RELATION_NAMES, TYPE_NAMES, UNSTATED_NAMES

TEXTS: dict[str, dict[str, str]] = {
    "network.title": {"sv": "Nätverksgraf", "en": "Network graph"},
    "network.intro": {
        "sv": "Grafen visar hur samverkans initiativ, parter, fokusområden och prioriterade perspektiv hänger ihop "
        "med Agenda 2030:s mål och delmål. Klicka på en nod för att öppna dess sida.",
        "en": "The graph shows how the collaboration's initiatives, parties, focus areas and priority perspectives "
        "connect to the Agenda 2030 goals and targets. Click a node to open its page.",
    },
    "network.proposals": {
        "sv": "Kopplingar mellan initiativ och delmål är förslag tills core team bekräftar dem: föreslagna ritas "
        "streckade, bekräftade heldragna. Avvisade kopplingar visas inte.",
        "en": "Links between initiatives and targets are proposals until the core team confirms them: proposed links "
        "are drawn dashed, confirmed ones solid. Rejected links are not shown.",
    },
    "network.hidden": {
        "sv": "Delmål som inget initiativ är kopplat till, indikatorerna och noder utan relationer är dolda om du inte "
        "väljer att visa dem.",
        "en": "Targets that no initiative is linked to, the indicators and nodes without relations are hidden unless "
        "you choose to show them.",
    },
    "network.filters": {"sv": "Välj vad som visas", "en": "Choose what is shown"},
    "network.filters.help": {
        "sv": "Filtren väljer initiativ och visar det de är kopplade till.",
        "en": "The filters select initiatives and show what they are connected to.",
    },
    "network.goal": {"sv": "Mål", "en": "Goal"},
    "network.focus": {"sv": "Fokusområde", "en": "Focus area"},
    "network.status": {"sv": "Initiativets status", "en": "Initiative status"},
    "network.partner": {"sv": "Partner", "en": "Partner"},
    "network.perspective": {"sv": "Prioriterat perspektiv", "en": "Priority perspective"},
    "network.any": {"sv": "Alla", "en": "All"},
    "network.neighbourhood": {"sv": "Närområde", "en": "Neighbourhood"},
    "network.node": {"sv": "Närområde kring", "en": "Neighbourhood of"},
    "network.node.none": {"sv": "Ingen nod (hela grafen)", "en": "No node (the whole graph)"},
    "network.depth": {"sv": "Antal steg", "en": "Number of steps"},
    "network.all": {
        "sv": "Visa även delmål utan initiativ, indikatorer och noder utan relationer",
        "en": "Also show targets without initiatives, indicators and nodes without relations",
    },
    "network.apply": {"sv": "Visa", "en": "Show"},
    "network.reset": {"sv": "Återställ", "en": "Reset"},
    "network.count": {
        "sv": "Visar {nodes} noder och {edges} kopplingar.",
        "en": "Showing {nodes} nodes and {edges} links.",
    },
    "network.canvas.label": {
        "sv": "Nätverksgraf med {nodes} noder och {edges} kopplingar. En textversion finns under grafen.",
        "en": "Network graph with {nodes} nodes and {edges} links. A text version follows the graph.",
    },
    "network.canvas.help": {
        "sv": "Klicka på en nod för att öppna dess sida och håll muspekaren över den för detaljer. Dra för att flytta, "
        "scrolla för att zooma. Med fokus på grafen flyttar piltangenterna och + och − zoomar.",
        "en": "Click a node to open its page and hover over it for details. Drag to move, scroll to zoom. With the "
        "graph focused, the arrow keys move it and + and − zoom.",
    },
    "network.zoom.in": {"sv": "Zooma in", "en": "Zoom in"},
    "network.zoom.out": {"sv": "Zooma ut", "en": "Zoom out"},
    "network.fit": {"sv": "Visa hela", "en": "Fit to view"},
    "network.loading": {"sv": "Ritar grafen …", "en": "Drawing the graph …"},
    "network.noscript": {
        "sv": "Grafen ritas med JavaScript. Textversionen nedan visar samma noder och kopplingar.",
        "en": "The graph is drawn with JavaScript. The text version below shows the same nodes and links.",
    },
    "network.load.error": {
        "sv": "Grafen kunde inte laddas. Textversionen nedan visar samma innehåll.",
        "en": "The graph could not be loaded. The text version below shows the same content.",
    },
    "network.too.many": {
        "sv": "Grafen har för många noder för att ritas här. Välj ett filter eller ett närområde; textversionen nedan "
        "och grafens data som JSON listar dem.",
        "en": "The graph has too many nodes to draw here. Choose a filter or a neighbourhood; the text version below "
        "and the graph's data as JSON list them.",
    },
    "network.empty": {"sv": "Inga noder matchar det du valt.", "en": "No nodes match your choice."},
    "network.notice.hidden-node": {
        "sv": "Noden är dold i standardvyn, så dess närområde visas med delmål utan initiativ och indikatorer.",
        "en": "The node is hidden in the default view, so its neighbourhood is shown with targets without initiatives "
        "and indicators.",
    },
    "network.notice.outside-filter": {
        "sv": "Filtren utesluter den valda noden; ta bort filtren för att se dess närområde.",
        "en": "The filters leave out the chosen node; remove the filters to see its neighbourhood.",
    },
    "network.error": {"sv": "Ogiltigt val", "en": "Invalid choice"},
    "network.legend": {"sv": "Teckenförklaring", "en": "Legend"},
    "network.legend.nodes": {"sv": "Noder", "en": "Nodes"},
    "network.legend.edges": {"sv": "Kopplingar", "en": "Links"},
    "network.legend.goal": {
        "sv": "i målets färg, med nummer och namn",
        "en": "in the goal's colour, with number and name",
    },
    "network.legend.target": {
        "sv": "med kod, t.ex. 2.2; kanten i målets färg",
        "en": "with its code, e.g. 2.2; the border in the goal's colour",
    },
    "network.legend.indicator": {"sv": "med kod, t.ex. 2.2.1", "en": "with its code, e.g. 2.2.1"},
    "network.edge.proposed": {
        "sv": "Föreslagen koppling till delmål (streckad)",
        "en": "Proposed link to a target (dashed)",
    },
    "network.edge.confirmed": {
        "sv": "Bekräftad koppling till delmål (heldragen)",
        "en": "Confirmed link to a target (solid)",
    },
    "network.edge.primary": {
        "sv": "Primär relevans (tjock linje); sekundär är tunnare",
        "en": "Primary relevance (thick line); secondary is thinner",
    },
    "network.edge.other": {
        "sv": "Andra relationer (grå, pil mot det som pekas ut)",
        "en": "Other relations (grey, arrow towards what is referred to)",
    },
    "network.text": {
        "sv": "Textversion: noder och kopplingar som visas",
        "en": "Text version: the nodes and links shown",
    },
    "network.table.nodes": {"sv": "Noder som visas", "en": "Nodes shown"},
    "network.table.edges": {"sv": "Kopplingar som visas", "en": "Links shown"},
    "network.col.type": {"sv": "Typ", "en": "Type"},
    "network.col.name": {"sv": "Namn", "en": "Name"},
    "network.col.code": {"sv": "Kod", "en": "Code"},
    "network.col.from": {"sv": "Från", "en": "From"},
    "network.col.relation": {"sv": "Relation", "en": "Relation"},
    "network.col.to": {"sv": "Till", "en": "To"},
    "network.col.status": {"sv": "Status och relevans", "en": "Status and relevance"},
    "network.table.more": {
        "sv": "… och {count} till (se JSON-datan).",
        "en": "… and {count} more (see the JSON data).",
    },
    "network.json": {"sv": "Grafens data som JSON", "en": "The graph's data as JSON"},
    "network.unstated": UNSTATED_NAMES,
}
TEXTS.update({f"network.type.{kind}": dict(names) for kind, names in TYPE_NAMES.items()})
TEXTS.update({f"network.relation.{relation}": dict(names) for relation, names in RELATION_NAMES.items()})
