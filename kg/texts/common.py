"""Interface texts shared by every page."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "site.name": {"sv": "Samhällskontraktets kunskapsgraf", "en": "Samhällskontraktet knowledge graph"},
    "site.tagline": {"sv": "Agenda 2030", "en": "Agenda 2030"},
    "skip": {"sv": "Till innehållet", "en": "Skip to content"},
    "nav.label": {"sv": "Huvudmeny", "en": "Main menu"},
    "nav.home": {"sv": "Start", "en": "Home"},
    "nav.goals": {"sv": "Mål", "en": "Goals"},
    "nav.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "nav.partners": {"sv": "Partner", "en": "Partners"},
    "nav.overviews": {"sv": "Översikter", "en": "Overviews"},
    "nav.graph": {"sv": "Graf", "en": "Graph"},
    "nav.search": {"sv": "Sök", "en": "Search"},
    "nav.sparql": {"sv": "SPARQL", "en": "SPARQL"},
    "nav.download": {"sv": "Ladda ner", "en": "Download"},
    "lang.switch": {"sv": "In English", "en": "På svenska"},
    "lang.switch.label": {"sv": "Byt språk till engelska", "en": "Switch language to Swedish"},
    "search.label": {"sv": "Sök i grafen", "en": "Search the graph"},
    "search.placeholder": {"sv": "t.ex. ensamhet, äldre, 3.4", "en": "e.g. loneliness, older people, 3.4"},
    "search.button": {"sv": "Sök", "en": "Search"},
    "error.404": {"sv": "Sidan finns inte", "en": "Page not found"},
    "error.404.text": {
        "sv": "Det finns ingen sida eller resurs med den adressen. Sök efter det du letar efter:",
        "en": "There is no page or resource at that address. Search for what you are looking for:",
    },
    "error.home": {"sv": "Till startsidan", "en": "To the start page"},
    "rdf.alternate": {"sv": "Data om sidan", "en": "Data about this page"},
    "sources": {"sv": "Källor", "en": "Sources"},
    "statements": {"sv": "Uppgifter", "en": "Statements"},
    "links.here": {"sv": "Pekar hit", "en": "Links here"},
    "download.title": {"sv": "Ladda ner data", "en": "Download the data"},
    "download.text": {
        "sv": "Hela den publika datamängden: ontologin, Agenda 2030-ramverket, samverkans data och "
        "förslagen, som namngivna grafer.",
        "en": "The whole public dataset: the ontology, the Agenda 2030 framework, the collaboration's "
        "data and the proposals, as named graphs.",
    },
    "download.void": {"sv": "VoID-beskrivning", "en": "VoID description"},
    "footer.text": {
        "sv": "Mälardalens universitet, Eskilstuna kommun och Västerås stad i samverkan.",
        "en": "Mälardalen University, Eskilstuna municipality and the City of Västerås in collaboration.",
    },
}
