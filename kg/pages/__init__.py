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


def pick(row: dict[str, Any], name: str, lang: str) -> Any:
    """From a row with `nameSv` and `nameEn` columns, the value in `lang`, else the other language."""
    sv, en = row.get(name + "Sv"), row.get(name + "En")
    return (sv or en) if lang == "sv" else (en or sv)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on a `#RRGGBB` background (WCAG relative luminance)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(background.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"
