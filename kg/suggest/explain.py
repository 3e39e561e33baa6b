"""A suggestion's reasons as one line of text: `ensamhet (ordlista), psykisk hälsa (delmålets text)`."""

from __future__ import annotations

from kg.suggest.rank import Reason, Suggestion
from kg.toolkit import in_lang

#: what each kind of evidence is called, by language
SOURCES = {
    "lexicon": {"sv": "ordlista", "en": "lexicon"},
    "text": {"sv": "delmålets text", "en": "the target's text"},
    "goal": {"sv": "målets text", "en": "the goal's text"},
    "indicator": {"sv": "indikator", "en": "indicator"},
    "initiative": {"sv": "liknande initiativ med delmålet", "en": "similar initiative with this target"},
    "prior": {"sv": "redan kopplat till {n} initiativ", "en": "already linked to initiatives: {n}"},
}
#: at most this many words are named per kind
WORDS = 6


def name_of(reason: Reason, lang: str) -> str:
    """An `initiative` reason's initiative name in `lang` (else the other language, else its IRI)."""
    return in_lang(reason.names, lang) or (reason.initiative or "")


def describe(reason: Reason, lang: str) -> str:
    source = SOURCES[reason.kind][lang]
    if reason.kind == "initiative":
        return f"«{name_of(reason, lang)}» ({source})"
    if reason.kind == "prior":
        return source.format(n=reason.count)
    words = reason.words[:WORDS] + (["…"] if len(reason.words) > WORDS else [])
    return f"{', '.join(words)} ({source})"


def explain(suggestion: Suggestion, lang: str = "sv") -> str:
    """The reasons, strongest first, in `lang` (sv or en)."""
    return ", ".join(describe(r, lang) for r in suggestion.reasons)
