"""The scopes of a report: the focus areas (by slug or IRI), or the whole collaboration."""

from __future__ import annotations

import pyoxigraph as ox

from kg.namespaces import ID
from kg.queries import Catalogue
from kg.report.model import FocusArea
from kg.toolkit import pick

QUERIES = Catalogue(__name__)

AREA_PREFIX = ID + "focus-area/"


class UnknownFocusArea(LookupError):
    """No focus area is known by that name; the message lists the known ones in Swedish and English."""

    def __init__(self, key: str, known: list[FocusArea]):
        self.key = key
        names = ", ".join(a.slug for a in known) or "–"
        self.sv = f"Okänt fokusområde: '{key}'. Kända fokusområden: {names}."
        self.en = f"Unknown focus area: '{key}'. Known focus areas: {names}."
        super().__init__(f"{self.sv} / {self.en}")


def slug_of(iri: str) -> str:
    return iri.removeprefix(AREA_PREFIX) if iri.startswith(AREA_PREFIX) else iri.rstrip("/").rsplit("/", 1)[-1]


def focus_areas(store: ox.Store, lang: str) -> list[FocusArea]:
    """Every focus area, with its name and definition in `lang` (falling back to the other language)."""
    found: dict[str, FocusArea] = {}
    for row in QUERIES.rows(store, "focus-areas"):
        if row["area"] not in found:
            found[row["area"]] = FocusArea(
                row["area"],
                slug_of(row["area"]),
                pick(row, "label", lang) or slug_of(row["area"]),
                pick(row, "definition", lang) or "",
                lang if row["definition" + lang.capitalize()] else ("sv" if row["definitionSv"] else "en"),
            )
    return list(found.values())


def find_focus_area(store: ox.Store, key: str, lang: str = "sv") -> FocusArea:
    """The focus area named by `key`: its slug ("nara-vard") or its IRI. Raises UnknownFocusArea."""
    areas = focus_areas(store, lang)
    wanted = (key or "").strip()
    for area in areas:
        if wanted in (area.slug, area.iri):
            return area
    raise UnknownFocusArea(key, areas)
