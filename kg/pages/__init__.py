"""Page models: what each page of the viewer shows, computed with named queries (kg/queries/pages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.queries import NamedQuery, parse_query_file
from kg.sparql import Binding, select

PAGE_QUERIES = Path(__file__).resolve().parent.parent / "queries" / "pages"


@cache
def _page_queries() -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(PAGE_QUERIES.glob("*.rq"))}


def run_page_query(store: ox.Store, name: str, bindings: dict[str, Binding] | None = None) -> list[dict[str, Any]]:
    """Rows of a page query. Every bound variable must be projected by the query (pyoxigraph's rule)."""
    return select(store, _page_queries()[name].text, bindings)


def kind_of(store: ox.Store, iri: str) -> str | None:
    """The kind of page a resource gets: goal, target, initiative, organisation, focus-area, perspective,
    function, event, ... or None when the graph does not know it."""
    rows = run_page_query(store, "resource-kind", {"resource": iri})
    return rows[0]["kind"] if rows else None
