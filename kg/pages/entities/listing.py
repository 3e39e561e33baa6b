"""Initiatives in short, a page at a time: the rows of one page of a filtered list (the query list, cut with
LIMIT/OFFSET by kg.pages.paging), their details (initiatives-details, one small query per row shown) and the
counts per kind and status (initiatives-facets, aggregated in SPARQL). Work grows with the page shown, not with
the graph: the store still filters and orders every initiative, but nothing is built in Python for rows that are
not shown. A scope has queries of its own (scoped, scoped-facets) that start from the
scope, so that a focus area's or an organisation's page does work in proportion to its initiatives.

Filters: a kind (class IRI), a status (IRI, or NONE for "not stated") and a scope: a focus area, perspective,
function or theme the initiative is assigned to, or an organisation that takes part in or funds it (itself or
through a sub-organisation). ALL = no filter.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from kg.pages.entities.statements import MAPPINGS, Vocabulary
from kg.pages.entities.summaries import InitiativeSummary, initiative_summaries
from kg.pages.paging import ALL, NONE
from kg.queries import Catalogue
from kg.statecache import per_state

QUERIES = Catalogue(__name__)


@dataclass
class Listed:
    summary: InitiativeSummary
    proposed: bool  # its assignment to the scope (a concept) is only the project's proposal


def facet_counts(
    store: ox.Store, scope: str | None = None, state: Hashable | None = None
) -> list[tuple[str, str | None, int]]:
    """(kind, status or None, number of initiatives) for every combination within the scope; kept per `state` of
    the data (kg.statecache)."""
    name = "scoped-facets" if scope else "facets"

    def compute() -> list[tuple[str, str | None, int]]:
        return [(r["kind"], r["status"], r["count"]) for r in QUERIES.rows(store, name, {"scope": scope or ALL})]

    return per_state(state, ("initiatives-facets", scope), compute)


def _order(store: ox.Store, lang: str) -> list[tuple[str, str | None, str | None, str, str | None]]:
    """Every initiative in the list's order for `lang`, unfiltered: (initiative, labelSv, labelEn, kind, status),
    the strings shared between the languages' lists (each is kept per state of the data)."""
    shared: dict[str, str] = {}

    def one(value: str | None) -> str | None:
        return None if value is None else shared.setdefault(value, value)

    bindings = {"lang": lang, "kindFilter": ALL, "statusFilter": ALL, "scope": ALL}
    return [
        (one(r["initiative"]), r["labelSv"], r["labelEn"], one(r["kind"]), one(r["status"]))
        for r in QUERIES.rows(store, "list", bindings)
    ]


def listed(
    store: ox.Store,
    lang: str,
    limit: int,
    offset: int = 0,
    *,
    kind: str | None = None,
    status: str | None = None,
    scope: str | None = None,
    vocabulary: Vocabulary | None = None,
    state: Hashable | None = None,
) -> list[Listed]:
    """The initiatives `offset`..`offset + limit` of the list in its order (status, then name in `lang`). Without a
    scope and with a `state` of the data, the order of every initiative is read once per state and language
    (kg.statecache: the ORDER BY over every initiative is most of the list's cost) and filtered here as
    list filters; with a scope the store filters, orders and cuts (scoped)."""
    vocabulary = vocabulary or Vocabulary(store, lang)
    bindings = {"lang": lang, "kindFilter": kind or ALL, "statusFilter": status or ALL, "scope": scope or ALL}
    if scope or state is None:
        base = QUERIES.rows(store, "scoped" if scope else "list", bindings, limit=limit, offset=offset)
        return with_details(store, lang, base, scope, vocabulary)
    order = per_state(state, ("initiatives-order", lang), lambda: _order(store, lang))
    chosen = (
        {**bindings, "initiative": iri, "labelSv": sv, "labelEn": en, "kind": k, "status": st}
        for iri, sv, en, k, st in order
        if (kind is None or k == kind) and (status is None or (st or NONE) == status)
    )
    return with_details(store, lang, islice(chosen, offset, offset + limit), scope, vocabulary)


def with_details(
    store: ox.Store, lang: str, base: Iterable[dict], scope: str | None, vocabulary: Vocabulary
) -> list[Listed]:
    rows: list[dict] = []
    order: list[str] = []
    graphs: dict[str, set[str]] = {}
    for row in base:
        iri = row["initiative"]
        order.append(iri)
        graphs[iri] = set()
        rows.append(dict(row))
        for detail in QUERIES.rows(store, "details", {"initiative": iri, "scope": scope or ALL}):
            if detail.get("assignedIn"):
                graphs[iri].add(detail["assignedIn"])
            else:
                rows.append({**row, **detail})
    summaries = initiative_summaries(store, lang, vocabulary, rows)
    return [Listed(summaries[iri], bool(graphs[iri]) and graphs[iri] <= {MAPPINGS}) for iri in order]
