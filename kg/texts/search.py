"""Interface texts of the search page (the header form's texts are in common.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "search.title": {"sv": "Sök", "en": "Search"},
    "search.title.query": {"sv": "Sök: {query}", "en": "Search: {query}"},
    "search.field": {"sv": "Sökord", "en": "Search term"},
    "search.intro": {
        "sv": "Sök bland initiativ, organisationer, fokusområden, perspektiv, funktioner, evenemang och "
        "Agenda 2030:s mål, delmål och indikatorer – på svenska och engelska. Du hittar också delmål "
        "genom motiveringarna till varför initiativ är kopplade till dem.",
        "en": "Search the initiatives, organisations, focus areas, perspectives, functions, events and the "
        "Agenda 2030 goals, targets and indicators – in Swedish and English. Targets are also found "
        "through the rationales for why initiatives are linked to them.",
    },
    "search.hints": {"sv": "Tips", "en": "Tips"},
    "search.hint.parts": {
        "sv": "Sök på en del av ett ord: ”äldre” hittar också ”äldreomsorg” och ”äldreboende”.",
        "en": "Search for part of a word: \u201cäldre\u201d also finds \u201cäldreomsorg\u201d and "
        "\u201cäldreboende\u201d.",
    },
    "search.hint.languages": {
        "sv": "Både svenska och engelska fungerar: ”ensamhet” och ”loneliness” hittar samma initiativ.",
        "en": "Both Swedish and English work: \u201cloneliness\u201d and \u201censamhet\u201d find the same "
        "initiative.",
    },
    "search.hint.codes": {
        "sv": "Sök på ett nummer för att hitta ett mål, delmål eller en indikator, t.ex. 3.4 eller 3.4.1.",
        "en": "Search for a number to find a goal, target or indicator, e.g. 3.4 or 3.4.1.",
    },
    "search.hint.case": {
        "sv": "Stora och små bokstäver spelar ingen roll; å, ä och ö räknas som egna bokstäver.",
        "en": "Upper and lower case do not matter; å, ä and ö count as letters of their own.",
    },
    "search.examples": {"sv": "Prova", "en": "Try"},
    "search.results": {"sv": "Träffar", "en": "Results"},
    "search.count": {"sv": "{n} träffar för ”{query}”", "en": "{n} results for \u201c{query}\u201d"},
    "search.count.one": {"sv": "1 träff för ”{query}”", "en": "1 result for \u201c{query}\u201d"},
    "search.approximate": {
        "sv": "Inga träffar med exakt stavning; visar träffar där å, ä, ö och andra tecken med accent räknas som "
        "a, a, o (t.ex. ”aldre” som ”äldre”).",
        "en": "No results with the exact spelling; showing results where å, ä, ö and other accented letters count "
        "as a, a, o (e.g. \u201caldre\u201d as \u201cäldre\u201d).",
    },
    "search.by_kind": {"sv": "Träffar per slag", "en": "Results by kind"},
    "search.shown": {
        "sv": "Visar de {shown} bästa av {total}. Gör sökningen mer precis för att se andra.",
        "en": "Showing the best {shown} of {total}. Make the search more precise to see others.",
    },
    "search.none": {"sv": "Inga träffar för ”{query}”.", "en": "No results for \u201c{query}\u201d."},
    "search.suggestions": {"sv": "Förslag", "en": "Suggestions"},
    "search.suggest.spelling": {
        "sv": "Kontrollera stavningen, eller sök på en kortare del av ordet (t.ex. ”äldre” i stället för "
        "”äldreomsorgen”).",
        "en": "Check the spelling, or search for a shorter part of the word (e.g. \u201cäldre\u201d instead of "
        "\u201cäldreomsorgen\u201d).",
    },
    "search.suggest.language": {
        "sv": "Prova samma ord på engelska eller svenska.",
        "en": "Try the same word in Swedish or English.",
    },
    "search.suggest.fewer": {
        "sv": "Använd färre ord: alla ord måste finnas i samma resurs.",
        "en": "Use fewer words: every word has to occur in the same resource.",
    },
    "search.suggest.browse": {"sv": "Eller bläddra:", "en": "Or browse:"},
    "search.too_long": {
        "sv": "Sökfrågan är för lång ({n} tecken). Skriv högst {max} tecken, till exempel ett eller några ord.",
        "en": "The search is too long ({n} characters). Use at most {max} characters, for example a word or a few.",
    },
    # the kinds of resources: headings with counts
    "search.kind.goal": {"sv": "Mål", "en": "Goals"},
    "search.kind.target": {"sv": "Delmål", "en": "Targets"},
    "search.kind.indicator": {"sv": "Indikatorer", "en": "Indicators"},
    "search.kind.initiative": {"sv": "Initiativ", "en": "Initiatives"},
    "search.kind.organisation": {"sv": "Organisationer", "en": "Organisations"},
    "search.kind.focus-area": {"sv": "Fokusområden", "en": "Focus areas"},
    "search.kind.challenge": {"sv": "Utmaningar", "en": "Challenges"},
    "search.kind.perspective": {"sv": "Perspektiv", "en": "Perspectives"},
    "search.kind.function": {"sv": "Funktioner", "en": "Functions"},
    "search.kind.theme": {"sv": "Teman", "en": "Themes"},
    "search.kind.event": {"sv": "Evenemang", "en": "Events"},
    # titles of coded resources
    "search.goal": {"sv": "Mål {code}", "en": "Goal {code}"},
    "search.target": {"sv": "Delmål {code}", "en": "Target {code}"},
    "search.indicator": {"sv": "Indikator {code}", "en": "Indicator {code}"},
    # where a hit was found
    "search.in.alt": {"sv": "Även kallad", "en": "Also called"},
    "search.in.name": {"sv": "Namn", "en": "Name"},
    "search.in.code": {"sv": "Kod", "en": "Code"},
    "search.in.rationale.target": {
        "sv": "Motivering till kopplingen från {name} ({status})",
        "en": "Rationale for the link from {name} ({status})",
    },
    "search.in.rationale.initiative": {
        "sv": "Motivering till kopplingen till delmål {code} ({status})",
        "en": "Rationale for the link to target {code} ({status})",
    },
    "search.status.proposed": {"sv": "förslag", "en": "proposal"},
    "search.status.confirmed": {"sv": "bekräftad", "en": "confirmed"},
    "search.status.other": {"sv": "status {status}", "en": "status {status}"},
    "search.lang.sv": {"sv": "på svenska", "en": "in Swedish"},
    "search.lang.en": {"sv": "på engelska", "en": "in English"},
}
