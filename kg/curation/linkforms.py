"""What the forms of initiative–target links show: one link's current state (with its version for the optimistic
check) and the initiatives to choose from when adding one. Queries: kg/queries/curation/linkforms/."""

from __future__ import annotations

import pyoxigraph as ox

from kg.curation.forms import as_text, labelled, version_text
from kg.curation.model import SKK, State
from kg.queries import Catalogue
from kg.toolkit import Record, initiative_names, sort_key, text

QUERIES = Catalogue(__name__)


def initiatives(store: ox.Store, lang: str) -> list[Record]:
    """Every initiative as {"iri", "label"}, by name (the Swedish way in Swedish)."""
    choices = labelled(initiative_names(store), "initiative", lang)
    return sorted(choices, key=lambda c: sort_key(c.label, lang))


def link_form(state: State, store: ox.Store, lang: str) -> Record:
    """A link as its forms show it: `exists` (False for an unknown or removed link: nothing to change), its
    initiative and target with their names, relevance and status (local names: primary, confirmed, ...), rationale
    and version."""
    initiative, target = state.value(SKK + "initiative"), state.value(SKK + "target")
    exists = state.active and initiative is not None and target is not None
    form = Record(
        {
            "iri": state.iri,
            "exists": exists,
            "version": version_text(state),
            "initiative": None,
            "target": None,
            "relevance": local(state.value(SKK + "relevance")),
            "status": local(state.value(SKK + "linkStatus")),
            "rationale": as_text(state.value(SKK + "rationale")),
        }
    )
    if not exists:
        return form
    rows = QUERIES.rows(store, "link", {"initiative": initiative, "target": target})
    row = rows[0] if rows else {}
    form["initiative"] = Record(
        {
            "iri": initiative.value,
            "name": text(row, "initiative", lang) or Record({"text": initiative.value, "lang": lang}),
        }
    )
    form["target"] = Record(
        {"iri": target.value, "code": row.get("code") or target.value, "text": text(row, "text", lang)}
    )
    return form


def local(term: ox.Term | None) -> str | None:
    """The local name of a value of the ontology (skk:confirmed -> "confirmed")."""
    return None if term is None else term.value.removeprefix(SKK)
