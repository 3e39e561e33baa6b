"""What the core team's forms show: the choices (focus areas, ...) and the current state of the thing edited,
with its version for the optimistic check (kg.curation.core). Queries: kg/queries/curation/forms/."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.curation.model import SKK, State
from kg.queries import Catalogue
from kg.toolkit import Record, pick

QUERIES = Catalogue(__name__)

#: the choices a form offers: query (kg/queries/curation/forms/) -> the column of the IRI beside ?labelSv, ?labelEn
CHOICES = {
    "focus-areas": "area",
    "initiative-kinds": "kind",
    "initiative-statuses": "status",
    "organisations": "organisation",
    "perspectives": "perspective",
}


def labelled(rows: list[dict[str, Any]], column: str, lang: str) -> list[Record]:
    """`{"iri", "label"}` for each row with `?<column>`, `?labelSv` and `?labelEn`."""
    return [Record({"iri": row[column], "label": pick(row, "label", lang) or row[column]}) for row in rows]


def choices(store: ox.Store, name: str, lang: str) -> list[Record]:
    """The choices `name` of CHOICES as `{"iri", "label"}`."""
    return labelled(QUERIES.rows(store, name), CHOICES[name], lang)


def focus_areas(store: ox.Store, lang: str) -> list[Record]:
    return choices(store, "focus-areas", lang)


def selection_form(state: State, store: ox.Store, lang: str) -> Record:
    """The selection of one target as a form shows it: selected or not, its focus area, and its version."""
    area = state.value(SKK + "focusArea")
    return Record(
        {
            "iri": state.iri,
            "selected": state.active,
            "version": version_text(state),
            "focus_area": area.value if area is not None else None,
            "focus_areas": focus_areas(store, lang),
        }
    )


def version_text(state: State) -> str:
    """The version a form sends back: a number, or `new` for something that has never existed."""
    return "new" if state.version is None else str(state.version)


def as_text(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))
