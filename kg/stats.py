"""Counts that describe the graph: kinds of resource, initiatives by kind and status, triples per graph."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.queries import Catalogue

QUERIES = Catalogue(__name__)


#: The order in which counts are shown, with Swedish and English names.
KINDS: dict[str, tuple[str, str]] = {
    "goals": ("mål", "goals"),
    "targets": ("delmål", "targets"),
    "indicators": ("indikatorer", "indicators"),
    "focus areas": ("fokusområden", "focus areas"),
    "challenges": ("utmaningar", "challenges"),
    "perspectives": ("prioriterade perspektiv", "priority perspectives"),
    "functions": ("funktioner", "functions"),
    "initiatives": ("initiativ", "initiatives"),
    "organisations": ("organisationer", "organisations"),
    "people": ("personer i offentliga roller", "people in public roles"),
    "events": ("evenemang", "events"),
    "budget lines": ("budgetposter", "budget lines"),
    "reported totals": ("redovisade summor", "reported totals"),
    "cited figures": ("citerade siffror", "cited figures"),
    "source documents": ("källdokument", "source documents"),
    "target links": ("kopplingar till delmål", "target links"),
    "target selections": ("valda delmål", "target selections"),
}


@dataclass
class Stats:
    counts: dict[str, int] = field(default_factory=dict)
    initiatives: list[dict[str, str | None]] = field(default_factory=list)
    links: dict[str, int] = field(default_factory=dict)
    graphs: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def stats(store: ox.Store) -> Stats:
    result = Stats()
    counts = {row["kind"]: row["count"] for row in QUERIES.rows(store, "counts")}
    result.counts = {kind: counts.get(kind, 0) for kind in KINDS}
    result.initiatives = QUERIES.rows(store, "initiatives")
    result.links = {r["status"]: r["count"] for r in QUERIES.rows(store, "link-statuses")}
    result.graphs = {r["graph"]: r["triples"] for r in QUERIES.rows(store, "graph-sizes")}
    return result
