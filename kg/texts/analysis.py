"""Interface texts of the network analysis (/analysis). The questions come from kg.analysis.questions, so that
the pages and `kg analyse` ask exactly the same ones."""

from __future__ import annotations

from kg.analysis.questions import QUESTIONS

TEXTS: dict[str, dict[str, str]] = {
    "nav.analysis": {"sv": "Analys", "en": "Analysis"},
    # ---------------------------------------------------------------- the index
    "analysis.title": {"sv": "Nätverksanalys", "en": "Network analysis"},
    "analysis.intro": {
        "sv": "Samverkan som nätverk: vilka partner som arbetar ihop, vilka mål som arbetas med i samma initiativ, "
        "vem och vad som står i centrum och vilka grupper som hänger ihop. Varje bild och tabell säger vilken "
        "fråga den besvarar.",
        "en": "The collaboration as a network: which partners work together, which goals are worked on in the same "
        "initiatives, who and what is at the centre and which groups hang together. Every picture and table "
        "says which question it answers.",
    },
    "analysis.questions": {"sv": "Frågorna", "en": "The questions"},
    "analysis.crumb": {"sv": "Sökväg", "en": "Breadcrumb"},
    "analysis.partners.title": {"sv": "Partnernas samarbete", "en": "The partners' collaboration"},
    "analysis.partners.intro": {
        "sv": "Två organisationer är förbundna när de deltar i eller finansierar samma initiativ. Ju fler "
        "gemensamma initiativ, desto starkare band.",
        "en": "Two organisations are tied when they take part in or fund the same initiative. The more initiatives "
        "they share, the stronger the tie.",
    },
    "analysis.partners.numbers": {
        "sv": "{nodes} organisationer deltar i initiativ; {ties} par av dem samarbetar.",
        "en": "{nodes} organisations take part in initiatives; {ties} pairs of them work together.",
    },
    "analysis.goals.title": {"sv": "Mål som arbetas med tillsammans", "en": "Goals worked on together"},
    "analysis.goals.intro": {
        "sv": "Två mål (eller delmål) är förbundna när samma initiativ är kopplat till båda. Kopplingarna är "
        "förslag tills core team bekräftar dem; välj nedan om förslagen ska räknas.",
        "en": "Two goals (or targets) are tied when the same initiative is linked to both. The links are proposals "
        "until the core team confirms them; choose below whether proposals count.",
    },
    "analysis.goals.numbers": {
        "sv": "{linked} av {nodes} har band till andra; {ties} par, varav {confirmed} med bekräftade kopplingar.",
        "en": "{linked} of {nodes} have ties to others; {ties} pairs, {confirmed} of them with confirmed links.",
    },
    # ---------------------------------------------------------------- the choices on /analysis/goals
    "analysis.choose": {"sv": "Vad som räknas", "en": "What counts"},
    "analysis.links": {"sv": "Kopplingar", "en": "Links"},
    "analysis.links.all": {"sv": "bekräftade och föreslagna", "en": "confirmed and proposed"},
    "analysis.links.confirmed": {"sv": "bara bekräftade", "en": "confirmed only"},
    "analysis.level": {"sv": "Nivå", "en": "Level"},
    "analysis.level.goals": {"sv": "mål", "en": "goals"},
    "analysis.level.targets": {"sv": "delmål", "en": "targets"},
    "analysis.apply": {"sv": "Visa", "en": "Show"},
    "analysis.bad_choice": {
        "sv": "Okänt val: links är all eller confirmed, level är goals eller targets.",
        "en": "Unknown choice: links is all or confirmed, level is goals or targets.",
    },
    "analysis.none_confirmed": {
        "sv": "Inga bekräftade kopplingar binder ännu ihop två mål: core team har inte bekräftat några som gör det.",
        "en": "No confirmed links tie two goals together yet: the core team has not confirmed any that do.",
    },
    # ---------------------------------------------------------------- the picture
    "analysis.figure.caption": {"sv": "Bild: {question}", "en": "Picture: {question}"},
    "analysis.table.caption": {"sv": "Tabell: {question}", "en": "Table: {question}"},
    "analysis.figure.about": {
        "sv": "Bilden visar {shown} av {linked} med band till andra. Samma uppgifter står i tabellerna nedan.",
        "en": "The picture shows {shown} of the {linked} with ties to others. The tables below give the same figures.",
    },
    "analysis.figure.desc": {
        "sv": "Nätverk med {nodes} punkter och {ties} band. Starkast band: {strongest}. Grupper: {groups}.",
        "en": "A network of {nodes} points and {ties} ties. Strongest tie: {strongest}. Groups: {groups}.",
    },
    "analysis.figure.pair": {"sv": "{a} och {b} ({weight})", "en": "{a} and {b} ({weight})"},
    "analysis.figure.empty": {"sv": "Inga band att rita.", "en": "No ties to draw."},
    "analysis.legend": {"sv": "Så läser du bilden", "en": "How to read the picture"},
    "analysis.legend.node": {
        "sv": "En punkt: större ju fler band (viktad grad). Siffran i punkten är gruppens nummer; färgen är "
        "gruppens färg.",
        "en": "A point: bigger with more ties (weighted degree). The number in the point is its group's number; "
        "the colour is the group's colour.",
    },
    "analysis.legend.line": {
        "sv": "En linje: ett band, tjockare ju fler gemensamma initiativ.",
        "en": "A line: a tie, thicker with more shared initiatives.",
    },
    "analysis.legend.dashed": {
        "sv": "Streckad linje: bandet bygger bara på föreslagna kopplingar; heldragen: minst ett initiativ med "
        "bekräftade kopplingar till båda.",
        "en": "Dashed line: the tie rests on proposed links only; solid: at least one initiative with confirmed "
        "links to both.",
    },
    "analysis.unlinked": {"sv": "Utan band till andra:", "en": "Without ties to others:"},
    # ---------------------------------------------------------------- tables
    "analysis.table.more": {
        "sv": "De {shown} första av {total} rader; alla med `kg analyse`.",
        "en": "The first {shown} of {total} rows; all of them with `kg analyse`.",
    },
    "analysis.col.organisation": {"sv": "Organisation", "en": "Organisation"},
    "analysis.col.goal": {"sv": "Mål", "en": "Goal"},
    "analysis.col.target": {"sv": "Delmål", "en": "Target"},
    "analysis.col.a": {"sv": "Den ena", "en": "One"},
    "analysis.col.b": {"sv": "Den andra", "en": "The other"},
    "analysis.col.weight": {"sv": "Gemensamma initiativ", "en": "Shared initiatives"},
    "analysis.col.confirmed": {"sv": "varav bekräftade", "en": "of which confirmed"},
    "analysis.col.which": {"sv": "Vilka initiativ", "en": "Which initiatives"},
    "analysis.col.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "analysis.col.degree": {"sv": "Band (grad)", "en": "Ties (degree)"},
    "analysis.col.strength": {"sv": "Viktad grad", "en": "Weighted degree"},
    "analysis.col.betweenness": {"sv": "Mellanhet", "en": "Betweenness"},
    "analysis.col.community": {"sv": "Grupp", "en": "Group"},
    "analysis.col.members": {"sv": "Medlemmar", "en": "Members"},
    "analysis.col.initiative": {"sv": "Initiativ", "en": "Initiative"},
    "analysis.col.goals": {"sv": "Mål", "en": "Goals"},
    "analysis.col.targets": {"sv": "Delmål", "en": "Targets"},
    "analysis.col.pairs": {"sv": "Målpar", "en": "Goal pairs"},
    "analysis.col.only_tie": {"sv": "Målpar bara via detta", "en": "Goal pairs only via this one"},
    "analysis.no_group": {"sv": "–", "en": "–"},
    "analysis.no_group.label": {"sv": "ingen grupp (inga band)", "en": "no group (no ties)"},
    "analysis.group": {"sv": "Grupp {number}", "en": "Group {number}"},
    "analysis.groups.numbers": {
        "sv": "Modularitet {modularity} (över 0,3 brukar betyda tydliga grupper); täthet {density}; {components} "
        "delar som inte hänger ihop.",
        "en": "Modularity {modularity} (above 0.3 usually means clear groups); density {density}; {components} "
        "parts that are not connected.",
    },
    "analysis.confirmed_mark": {"sv": "bekräftad", "en": "confirmed"},
    "analysis.bridges.about": {
        "sv": 'Initiativen som är kopplade till flera mål binder ihop dem. "Målpar bara via detta" räknar par '
        "av mål som inget annat initiativ binder ihop.",
        "en": 'The initiatives linked to several goals tie them together. "Goal pairs only via this one" counts '
        "pairs of goals that no other initiative ties together.",
    },
    # ---------------------------------------------------------------- method
    "analysis.method": {"sv": "Så är det räknat", "en": "How it is computed"},
    "analysis.method.degree": {
        "sv": "Grad: hur många andra en punkt har band till. Viktad grad: summan av banden, där varje band räknas "
        "med antalet gemensamma initiativ.",
        "en": "Degree: how many others a point is tied to. Weighted degree: the sum of its ties, each counted "
        "with the number of shared initiatives.",
    },
    "analysis.method.betweenness": {
        "sv": "Mellanhet (betweenness centrality): hur ofta en punkt ligger på den kortaste vägen mellan två andra, "
        "från 0 (aldrig) till 1 (alltid). Hög mellanhet betyder en brobyggare som förbinder andra som annars "
        "inte möts.",
        "en": "Betweenness centrality: how often a point lies on the shortest path between two others, from 0 "
        "(never) to 1 (always). High betweenness marks a bridge-builder that connects others who would "
        "otherwise not meet.",
    },
    "analysis.method.community": {
        "sv": "Grupper (communities): punkter som har fler och starkare band med varandra än med resten, funna med "
        "Louvain-metoden (med fast frö, så att samma data alltid ger samma grupper). Modularitet mäter hur "
        "tydliga grupperna är.",
        "en": "Groups (communities): points with more and stronger ties to each other than to the rest, found with "
        "the Louvain method (with a fixed seed, so the same data always gives the same groups). Modularity "
        "measures how clear the groups are.",
    },
    "analysis.method.layout": {
        "sv": "Bilden placerar punkter med band nära varandra (en kraftbaserad layout med fast frö). Avstånd och "
        "läge i bilden är en hjälp för ögat, inte ett mått.",
        "en": "The picture places tied points near each other (a force-directed layout with a fixed seed). "
        "Distance and position in the picture help the eye; they are not a measure.",
    },
    "analysis.method.data": {
        "sv": "Underlaget är grafen som den ser ut nu; allt räknas om när data ändras. Samma tabeller finns på "
        "kommandoraden: kg analyse.",
        "en": "The basis is the graph as it is now; everything is recomputed when the data changes. The same "
        "tables are on the command line: kg analyse.",
    },
}

TEXTS.update({f"analysis.q.{key}": value for key, value in QUESTIONS.items()})
