"""A networkx view of the graph: resources as nodes, the relations between them as edges.

Built with two SPARQL queries (never Python loops over triples), so that it stays fast
on the Oxigraph store; the web app's interactive graph and the analyses start from here.
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from kg.queries import Catalogue

QUERIES = Catalogue(__name__)


def to_networkx(store: ox.Store, lang: str = "sv") -> nx.MultiDiGraph:
    """Nodes carry `type`, `label` (in `lang`, else the other language), `code` and `colour`;
    edges carry `relation` and, for initiative -> target, `relevance`, `status` and `link`."""
    graph = nx.MultiDiGraph()
    for row in QUERIES.rows(store, "nodes", {"lang": lang}):
        graph.add_node(row["node"], type=row["type"], label=row["label"], code=row["code"], colour=row["colour"])
    for row in QUERIES.rows(store, "edges"):
        source, target = row["source"], row["target"]
        if source in graph and target in graph:
            attrs = {k: row[k] for k in ("relevance", "status", "link") if row[k] is not None}
            graph.add_edge(
                source, target, key=row["relation"] if not attrs else row["link"], relation=row["relation"], **attrs
            )
    return graph
