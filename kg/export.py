"""Exporting the public dataset in the usual RDF formats."""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.namespaces import PUBLIC_GRAPHS as GRAPHS

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

PUBLIC_GRAPHS = tuple(GRAPHS.values())  # the built graphs and the core team's curation and history


def public_quads(store: ox.Store) -> list[ox.Quad]:
    """The quads of the public named graphs (never anything private)."""
    quads: list[ox.Quad] = []
    for graph in PUBLIC_GRAPHS:
        quads.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    return quads


def export(store: ox.Store, fmt: str, output: IO[bytes] | None = None) -> bytes | None:
    """Serialise the public dataset. Formats without named graphs get the union of the graphs."""
    rdf_format = FORMATS[fmt]
    quads = public_quads(store)
    items = quads if rdf_format.supports_datasets else list(dict.fromkeys(q.triple for q in quads))
    prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(items, output, rdf_format, prefixes=prefixes)
