"""Interface texts of the suggested targets in the curation view (kg.suggest): the section on an initiative's page
and /edit/suggest."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "curate.suggest.heading": {"sv": "Förslag på delmål", "en": "Suggested targets"},
    "curate.suggest.help": {
        "sv": "Delmål som passar initiativets namn och beskrivning, utifrån delmålens texter, projektets ordlista och "
        "liknande initiativs kopplingar. Knappen lägger till delmålet som en föreslagen koppling, som core team "
        "sedan bekräftar eller avvisar.",
        "en": "Targets that fit the initiative's name and description, from the targets' texts, the project's "
        "lexicon and the links of similar initiatives. The button adds the target as a proposed link, for the "
        "core team to confirm or reject.",
    },
    "curate.suggest.target": {"sv": "Delmål {code}", "en": "Target {code}"},
    "curate.suggest.why": {"sv": "Varför", "en": "Why"},
    "curate.suggest.kind.lexicon": {"sv": "ordlista", "en": "lexicon"},
    "curate.suggest.kind.text": {"sv": "delmålets text", "en": "the target's text"},
    "curate.suggest.kind.goal": {"sv": "målets text", "en": "the goal's text"},
    "curate.suggest.kind.indicator": {"sv": "indikator", "en": "indicator"},
    "curate.suggest.kind.initiative": {
        "sv": "liknande initiativ med delmålet",
        "en": "similar initiative with this target",
    },
    "curate.suggest.kind.prior": {"sv": "redan kopplat till {n} initiativ", "en": "already linked to initiatives: {n}"},
    "curate.suggest.add": {"sv": "Lägg till som föreslagen koppling", "en": "Add as a proposed link"},
    "curate.suggest.add.of": {"sv": "till delmål {code}", "en": "to target {code}"},
    "curate.suggest.link": {"sv": "Koppla ett initiativ…", "en": "Link an initiative…"},
    "curate.suggest.none.initiative": {
        "sv": "Inga förslag: initiativets namn och beskrivning liknar inget delmål som det inte redan är kopplat till.",
        "en": "No suggestions: the initiative's name and description fit no target it is not linked to already.",
    },
    "curate.suggest.none": {"sv": "Inga delmål passar texten.", "en": "No target fits the text."},
    "curate.suggest.more": {"sv": "Fler förslag…", "en": "More suggestions…"},
    "curate.suggest.done": {
        "sv": "Delmålet är tillagt som en föreslagen koppling.",
        "en": "The target has been added as a proposed link.",
    },
    # /edit/suggest
    "curate.suggest.title": {"sv": "Föreslå delmål för en text", "en": "Suggest targets for a text"},
    "curate.suggest.title.initiative": {"sv": "Förslag på delmål för {name}", "en": "Suggested targets for {name}"},
    "curate.suggest.back": {"sv": "Tillbaka till {name}", "en": "Back to {name}"},
    "curate.suggest.legend": {"sv": "Beskriv ett initiativ", "en": "Describe an initiative"},
    "curate.suggest.text": {"sv": "Beskrivning", "en": "Description"},
    "curate.suggest.text.help": {
        "sv": "Initiativets namn och beskrivning på svenska eller engelska (högst 20 000 tecken). Texten sparas inte.",
        "en": "The initiative's name and description in Swedish or English (at most 20,000 characters). The text is "
        "not saved.",
    },
    "curate.suggest.lang": {"sv": "Språk", "en": "Language"},
    "curate.suggest.lang.auto": {"sv": "Känn igen språket", "en": "Detect the language"},
    "curate.suggest.lang.sv": {"sv": "Svenska", "en": "Swedish"},
    "curate.suggest.lang.en": {"sv": "Engelska", "en": "English"},
    "curate.suggest.button": {"sv": "Föreslå delmål", "en": "Suggest targets"},
    "curate.suggest.too_long": {
        "sv": "Texten är för lång (högst {n} tecken).",
        "en": "The text is too long (at most {n} characters).",
    },
}
