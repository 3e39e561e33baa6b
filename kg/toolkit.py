"""What the read side (kg.pages, kg.report, kg.search, ...) and the write side (kg.curation) share: the record the
templates read, the choice of a text's language, the sort keys of names and SDG codes, the ink for a colour, and
the initiatives with their names. One definition of each, imported from here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from kg.queries import Catalogue

QUERIES = Catalogue(__name__)

LANGS = ("sv", "en")


class Record(dict):
    """A dict whose keys also read as attributes: templates reach `page.goal.code` without a failed getattr
    first (Jinja tries attributes before items, and the failed lookups cost more than the page's queries)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


# ---------------------------------------------------------------- texts in two languages
# The one rule for a text in two languages: the text in the reader's language, else in the other language, else
# one without a language tag, else any (`in_lang`); every other helper here is a shape of it.


def other_lang(lang: str) -> str:
    return "en" if lang == "sv" else "sv"


def with_lang(texts: Mapping[str, Any] | None, lang: str) -> tuple[Any, str] | None:
    """From {"sv": …, "en": …, "": …}, (the text, its language) by the rule above; None when there is none."""
    if not texts:
        return None
    for candidate in (lang, other_lang(lang), ""):
        if texts.get(candidate):
            return texts[candidate], candidate
    return next(((value, key) for key, value in texts.items() if value), None)


def in_lang(texts: Mapping[str, Any] | None, lang: str) -> Any:
    """From {"sv": …, "en": …}, the text by the rule above (None when there is none)."""
    found = with_lang(texts, lang)
    return found[0] if found else None


def pick(row: Mapping[str, Any], name: str, lang: str) -> Any:
    """From a row with `nameSv` and `nameEn` columns, the value by the rule above."""
    return in_lang({"sv": row.get(name + "Sv"), "en": row.get(name + "En")}, lang)


def text(row: Mapping[str, Any], name: str, lang: str) -> dict[str, str] | None:
    """`{"text", "lang"}` from the `nameSv`/`nameEn` columns, by the rule above."""
    found = with_lang({"sv": row.get(name + "Sv"), "en": row.get(name + "En")}, lang)
    return Record({"text": found[0], "lang": found[1]}) if found else None


def both(row: dict[str, Any], name: str, lang: str) -> list[dict[str, str]]:
    """The texts in both languages, the chosen one first (missing ones left out)."""
    order = (lang, *(other for other in LANGS if other != lang))
    return [Record({"text": row[name + c.capitalize()], "lang": c}) for c in order if row.get(name + c.capitalize())]


# ---------------------------------------------------------------- sort keys

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y", "æ": "|", "ø": "}"})


def sort_key(text: str | None, lang: str = "sv") -> str:
    """A key that sorts names the Swedish way (å, ä, ö after z) in Swedish, by letters otherwise."""
    lowered = (text or "").lower()
    return lowered.translate(_SWEDISH_ORDER) if lang == "sv" else lowered


def code_key(code: str | None) -> tuple:
    """Sort key of SDG codes: 2 < 10, 3.4 < 3.10 < 3.a, 3.4.1 < 3.4.2 (no code sorts first)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in (code or "").split("."))


# ---------------------------------------------------------------- colours


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on a `#RRGGBB` background (WCAG relative luminance)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(background.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


# ---------------------------------------------------------------- shared readings


def initiative_names(store: ox.Store) -> list[dict[str, Any]]:
    """Every initiative with its names: rows of `initiative`, `labelSv`, `labelEn` (the overviews' rows, the
    initiatives a link form offers)."""
    return QUERIES.rows(store, "initiatives")
