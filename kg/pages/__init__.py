"""Page models: what each page of the viewer shows, one module per kind of page, each with its queries in
kg/queries/pages/<module>/ (kg.queries.Catalogue)."""

from __future__ import annotations

import pyoxigraph as ox

from kg.queries import Catalogue

QUERIES = Catalogue(__name__)


def kind_of(store: ox.Store, iri: str) -> str | None:
    """The kind of page a resource gets: goal, target, initiative, organisation, focus-area, perspective,
    function, event, ... or None when the graph does not know it."""
    rows = QUERIES.rows(store, "resource-kind", {"resource": iri})
    return rows[0]["kind"] if rows else None
