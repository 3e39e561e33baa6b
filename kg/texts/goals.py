"""Interface texts of the home page and the pages of goals, targets and indicators."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # home
    "goals.home.intro": {
        "sv": "Samhällskontraktets initiativ kopplade till Agenda 2030: de 17 globala målen, deras delmål och "
        "indikatorer. Kopplingarna är projektets förslag tills core team har tagit ställning till dem.",
        "en": "Samhällskontraktet's initiatives linked to Agenda 2030: the 17 Global Goals, their targets and "
        "indicators. The links are the project's proposals until the core team has decided on them.",
    },
    "goals.tiles.heading": {"sv": "De 17 globala målen", "en": "The 17 Global Goals"},
    "goals.tiles.help": {
        "sv": "Varje mål visar hur många initiativ som har en koppling till något av dess delmål (föreslagen eller "
        "bekräftad, inte avvisad) och hur många av målets delmål core team har valt.",
        "en": "Each goal shows how many initiatives have a link to one of its targets (proposed or confirmed, not "
        "rejected) and how many of its targets the core team has selected.",
    },
    "goals.goal.number": {"sv": "Mål {code}", "en": "Goal {code}"},
    "goals.count.none": {"sv": "Inga initiativ", "en": "No initiatives"},
    "goals.count.proposed.one": {"sv": "1 initiativ (förslag)", "en": "1 initiative (proposed)"},
    "goals.count.proposed.many": {"sv": "{n} initiativ (förslag)", "en": "{n} initiatives (proposed)"},
    "goals.count.confirmed.one": {"sv": "1 initiativ (bekräftat)", "en": "1 initiative (confirmed)"},
    "goals.count.confirmed.many": {"sv": "{n} initiativ (bekräftade)", "en": "{n} initiatives (confirmed)"},
    "goals.count.mixed": {
        "sv": "{n} initiativ (bekräftade: {confirmed}, förslag: {proposed})",
        "en": "{n} initiatives (confirmed: {confirmed}, proposed: {proposed})",
    },
    "goals.selected.count.none": {"sv": "Inga valda delmål", "en": "No selected targets"},
    "goals.selected.count.one": {"sv": "1 valt delmål", "en": "1 selected target"},
    "goals.selected.count.many": {"sv": "{n} valda delmål", "en": "{n} selected targets"},
    "goals.about.heading": {"sv": "Om Samhällskontraktet", "en": "About Samhällskontraktet"},
    "goals.vision": {"sv": "Vision", "en": "Vision"},
    "goals.mission": {"sv": "Mission", "en": "Mission"},
    "goals.only.sv": {"sv": "finns bara på svenska", "en": "only in Swedish"},
    "goals.only.en": {"sv": "finns bara på engelska", "en": "only in English"},
    "goals.focus.heading": {"sv": "Fokusområden", "en": "Focus areas"},
    "goals.perspectives.heading": {"sv": "Prioriterade perspektiv", "en": "Priority perspectives"},
    "goals.assignments.note": {
        "sv": "Vilka initiativ som hör till vilket fokusområde och perspektiv är projektets förslag (märkta "
        "”förslag”), inte samverkans beslut.",
        "en": "Which initiatives belong to which focus area and perspective are the project's proposals (marked "
        "“proposal”), not decisions of the collaboration.",
    },
    "goals.proposal": {"sv": "förslag", "en": "proposal"},
    "goals.group.none": {"sv": "Inga initiativ kopplade ännu.", "en": "No initiatives assigned yet."},
    "goals.group.count.one": {"sv": "1 initiativ", "en": "1 initiative"},
    "goals.group.count.many": {"sv": "{n} initiativ", "en": "{n} initiatives"},
    "goals.group.more": {"sv": "och {n} till", "en": "and {n} more"},
    "goals.target.more": {
        "sv": "och {n} till – alla på sidan för delmål {code}",
        "en": "and {n} more – all on the page of target {code}",
    },
    "goals.explore.heading": {"sv": "Utforska vidare", "en": "Explore further"},
    "goals.explore.goals": {"sv": "Alla mål och delmål", "en": "All goals and targets"},
    "goals.explore.overviews": {
        "sv": "Översikter: initiativ per mål, partner, luckor och budget",
        "en": "Overviews: initiatives per goal, partners, gaps and budget",
    },
    "goals.explore.graph": {"sv": "Grafen som nätverk", "en": "The graph as a network"},
    "goals.explore.sparql": {"sv": "Egna frågor med SPARQL", "en": "Your own questions in SPARQL"},
    "goals.explore.download": {"sv": "Ladda ner all data", "en": "Download all the data"},
    # goals overview
    "goals.list.title": {"sv": "Mål och delmål", "en": "Goals and targets"},
    "goals.list.intro": {
        "sv": "Agenda 2030:s 17 mål med sina delmål. Antalet initiativ räknar kopplingar som är föreslagna eller "
        "bekräftade, inte avvisade.",
        "en": "The 17 goals of Agenda 2030 with their targets. The number of initiatives counts links that are "
        "proposed or confirmed, not rejected.",
    },
    "goals.list.targets": {"sv": "Delmål under mål {code}", "en": "Targets of goal {code}"},
    # goal page
    "goals.translation.note": {
        "sv": "Den svenska texten är projektets översättning och ska granskas mot den officiella svenska lydelsen.",
        "en": "The Swedish text is the project's translation, to be checked against the official Swedish wording.",
    },
    "goals.translation.note.goal": {
        "sv": "Den fullständiga titeln och delmålens svenska texter är projektets översättning och ska granskas mot "
        "den officiella svenska lydelsen.",
        "en": "The Swedish full title and target texts are the project's translation, to be checked against the "
        "official Swedish wording.",
    },
    "goals.translation.mark": {"sv": "projektets översättning", "en": "the project's translation"},
    "goals.official.un": {"sv": "FN:s officiella lydelse", "en": "the UN's official wording"},
    "goals.selected.heading": {"sv": "Delmål som core team har valt", "en": "Targets selected by the core team"},
    "goals.selected.none.yet": {"sv": "Inga delmål valda ännu.", "en": "No targets selected yet."},
    "goals.selected.explain": {
        "sv": "Core team väljer vilka delmål i Agenda 2030 som Samhällskontraktet ska arbeta med.",
        "en": "The core team chooses which Agenda 2030 targets Samhällskontraktet works on.",
    },
    "goals.targets.heading": {"sv": "Delmål", "en": "Targets"},
    "goals.target.number": {"sv": "Delmål {code}", "en": "Target {code}"},
    "goals.target.selected": {"sv": "valt av core team", "en": "selected by the core team"},
    "goals.initiatives.heading": {"sv": "Initiativ", "en": "Initiatives"},
    "goals.indicators.heading": {"sv": "Indikatorer", "en": "Indicators"},
    "goals.indicators.english": {
        "sv": "Indikatorernas texter finns bara på engelska (FN:s lydelse).",
        "en": "The indicator texts are the UN's English wording.",
    },
    "goals.no.links": {"sv": "Inget initiativ kopplat.", "en": "No initiative linked."},
    "goals.no.indicators": {"sv": "Inga indikatorer.", "en": "No indicators."},
    "goals.status.note": {
        "sv": "Status ”föreslagen” betyder att kopplingen är projektets förslag som core team ännu inte har tagit "
        "ställning till.",
        "en": "Status “proposed” means the link is the project's proposal that the core team has not decided on yet.",
    },
    "goals.relevance": {"sv": "relevans", "en": "relevance"},
    "goals.relevance.primary": {"sv": "primär", "en": "primary"},
    "goals.relevance.secondary": {"sv": "sekundär", "en": "secondary"},
    "goals.status.proposed": {"sv": "föreslagen", "en": "proposed"},
    "goals.status.confirmed": {"sv": "bekräftad", "en": "confirmed"},
    "goals.status.rejected": {"sv": "avvisad", "en": "rejected"},
    "goals.status": {"sv": "status", "en": "status"},
    # target page
    "goals.target.goal": {"sv": "Hör till", "en": "Part of"},
    "goals.lang.sv": {"sv": "Svenska", "en": "Swedish"},
    "goals.lang.en": {"sv": "Engelska", "en": "English"},
    "goals.texts.heading": {"sv": "Text", "en": "Text"},
    "goals.links.heading": {"sv": "Initiativ kopplade till delmålet", "en": "Initiatives linked to the target"},
    "goals.links.caption": {
        "sv": "Initiativ kopplade till delmål {code}, med relevans, motivering och status",
        "en": "Initiatives linked to target {code}, with relevance, rationale and status",
    },
    "goals.col.initiative": {"sv": "Initiativ", "en": "Initiative"},
    "goals.col.relevance": {"sv": "Relevans", "en": "Relevance"},
    "goals.col.rationale": {"sv": "Motivering", "en": "Rationale"},
    "goals.col.status": {"sv": "Status", "en": "Status"},
    "goals.col.provenance": {"sv": "Av, när", "en": "By, when"},
    "goals.rejected.heading": {"sv": "Avvisade kopplingar", "en": "Rejected links"},
    "goals.selection.heading": {"sv": "Valt av core team?", "en": "Selected by the core team?"},
    "goals.selection.none": {
        "sv": "Nej, core team har inte valt delmålet ännu.",
        "en": "No, the core team has not selected this target yet.",
    },
    "goals.selection.yes": {"sv": "Ja, delmålet är valt.", "en": "Yes, the target is selected."},
    "goals.selection.reason": {"sv": "Skäl", "en": "Reason"},
    "goals.selection.by": {"sv": "Valt av", "en": "Selected by"},
    "goals.selection.when": {"sv": "När", "en": "When"},
    "goals.selection.focus": {"sv": "Fokusområde", "en": "Focus area"},
    "goals.selection.ended.heading": {"sv": "Tidigare val", "en": "Earlier selections"},
    "goals.selection.ended": {"sv": "Upphörde", "en": "Ended"},
    "goals.selection.decision": {"sv": "Beslut", "en": "Decision"},
    # indicator page
    "goals.indicator.title": {"sv": "Indikator {code}", "en": "Indicator {code}"},
    "goals.indicator.identifier": {"sv": "Permanent kod", "en": "Permanent code"},
    "goals.indicator.listings": {"sv": "Listningskoder", "en": "Listing codes"},
    "goals.indicator.text": {"sv": "Text", "en": "Text"},
    "goals.indicator.targets": {"sv": "Delmål som indikatorn hör till", "en": "Targets the indicator belongs to"},
    "goals.indicator.listed.as": {"sv": "listad som {code}", "en": "listed as {code}"},
    "goals.indicator.multi": {
        "sv": "Indikatorn listas under flera delmål, med en egen kod under vart och ett.",
        "en": "The indicator is listed under several targets, with its own code under each.",
    },
    "goals.source.un": {"sv": "FN:s länkade data", "en": "The UN's linked data"},
}
