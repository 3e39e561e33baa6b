"""What the form of an initiative's basic facts shows: its current values (kg.curation.initiatives), its version,
and the choices (queries in kg/queries/curation/forms/)."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.curation.forms import choices, focus_areas, version_text
from kg.curation.initiatives import END, FOCUS_AREA, INITIATIVE, LABEL, PARTICIPANT, PERSPECTIVE, START, STATUS
from kg.curation.model import TYPE, State
from kg.pages.entities import STATUS_ORDER
from kg.toolkit import Record

#: the single-valued fields and the lists of the form, as the library's parameters name them
FIELDS = ("name_sv", "name_en", "kind", "status", "start", "end", "focus_area")
LISTS = ("partners", "perspectives")


def values(state: State | None) -> dict[str, Any]:
    """The form's values of an initiative's current facts (empty for a new one)."""
    found: dict[str, Any] = {k: "" for k in FIELDS} | {k: [] for k in LISTS}
    for p, o in state.statements if state is not None else ():
        if p == TYPE and o.value != INITIATIVE:
            found["kind"] = o.value
        elif p == LABEL and isinstance(o, ox.Literal) and o.language in ("sv", "en"):
            found["name_" + o.language] = o.value
        else:
            single = {STATUS: "status", START: "start", END: "end", FOCUS_AREA: "focus_area"}.get(p)
            if single:
                found[single] = o.value
            elif p in (PARTICIPANT, PERSPECTIVE):
                found["partners" if p == PARTICIPANT else "perspectives"].append(o.value)
    return found


def label(state: State, lang: str) -> str:
    names = values(state)
    return names["name_" + lang] or names["name_sv"] or names["name_en"] or state.iri


def initiative_form(state: State | None, store: ox.Store, lang: str, typed: dict[str, Any] | None = None) -> Record:
    """The form: `values` (what was typed, when a change was refused, else the current facts), the version it
    sends back, and the choices of kind, status, partners, focus area and perspectives."""
    statuses = choices(store, "initiative-statuses", lang)
    order = {key: i for i, key in enumerate(STATUS_ORDER)}
    statuses.sort(key=lambda r: order.get(r["iri"].rsplit("#", 1)[-1], len(order)))
    return Record(
        {
            "iri": state.iri if state is not None else None,
            "version": version_text(state) if state is not None else "new",
            "values": typed if typed is not None else values(state),
            "kinds": choices(store, "initiative-kinds", lang),
            "statuses": statuses,
            "partners": choices(store, "organisations", lang),
            "focus_areas": focus_areas(store, lang),
            "perspectives": choices(store, "perspectives", lang),
        }
    )
