"""A network of things that share initiatives, and its measures with networkx (betweenness with rustworkx).

Two things are tied when at least one initiative has both (two organisations take part in it; it serves both
goals); the weight of the tie is the number of such initiatives. Per node: degree (how many others it is tied
to), weighted degree (the sum of its ties' weights), betweenness centrality (the share of shortest paths between
two other nodes that pass through it; counted in steps, weights ignored) and its community (Louvain, a fixed
seed: groups tied more closely among themselves than to the rest). Deterministic for the same data.

Betweenness is exact: rustworkx computes the same values as networkx's exact algorithm (tests/test_analysis.py
compares them) about a hundred times faster, in Rust on every core; networkx took 29 of 37 s of the whole analysis
at a million triples even when it estimated from 500 sample sources (benchmarks/analysis.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx
import rustworkx as rx

from kg.analysis.layout import SEED, Drawing, draw
from kg.analysis.reading import Names, Thing, display
from kg.toolkit import code_key

_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e"})


@dataclass(frozen=True)
class Node:
    iri: str
    names: Names
    code: str | None
    colour: str | None
    initiatives: int  # the initiatives it has (takes part in; is served by)
    degree: int  # how many others it is tied to
    strength: int  # weighted degree: the sum of its ties' weights
    betweenness: float  # 0..1
    community: int  # 1 = the largest group

    @property
    def linked(self) -> bool:
        return self.degree > 0


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int  # initiatives both have
    confirmed: int  # of those, the initiatives whose links to both ends are confirmed
    initiatives: tuple[str, ...]

    @property
    def proposed_only(self) -> bool:
        return self.confirmed == 0


@dataclass(frozen=True)
class Network:
    kind: str  # "partners", "goals" or "targets"
    confirmed_only: bool  # goals, targets: only confirmed links counted
    nodes: tuple[Node, ...]  # most connected first
    edges: tuple[Edge, ...]  # heaviest first
    communities: tuple[tuple[str, ...], ...]  # every node in exactly one; largest first
    modularity: float
    density: float
    components: int
    drawing: Drawing
    by_iri: dict[str, Node] = field(default_factory=dict, compare=False, repr=False)

    def node(self, iri: str) -> Node:
        return self.by_iri[iri]

    @property
    def unlinked(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if not n.linked)


def sort_name(thing: Thing) -> tuple:
    return (code_key(thing.code) if thing.code else (), thing.names["sv"].casefold().translate(_SWEDISH), thing.iri)


def betweenness_centrality(graph: nx.Graph) -> dict[str, float]:
    """Each node's exact betweenness centrality, normalised as networkx normalises it (steps, weights ignored)."""
    if len(graph) < 3:  # no node lies between two others
        return dict.fromkeys(graph, 0.0)
    copy = rx.networkx_converter(graph)  # node payloads are the networkx nodes
    found = rx.graph_betweenness_centrality(copy, normalized=True, endpoints=False, parallel_threshold=50)
    return {copy[index]: value for index, value in found.items()}


def build_network(
    kind: str,
    things: Mapping[str, Thing],
    groups: Mapping[str, Mapping[str, bool]],
    *,
    confirmed_only: bool = False,
    always: tuple[str, ...] = (),
) -> Network:
    """The network of `things` tied by `groups` (initiative -> its members -> confirmed?). Nodes: every member of
    a group, and `always` (e.g. the 17 goals, also those no initiative serves)."""
    present = {m for members in groups.values() for m in members} | set(always)
    order = {iri: i for i, iri in enumerate(sorted(present, key=lambda iri: sort_name(things[iri])))}
    count = dict.fromkeys(order, 0)
    pairs: dict[tuple[str, str], list] = {}
    for initiative in sorted(groups):
        members = sorted(groups[initiative], key=order.__getitem__)
        for i, a in enumerate(members):
            count[a] += 1
            for b in members[i + 1 :]:
                entry = pairs.setdefault((a, b), [0, 0, []])
                entry[0] += 1
                entry[1] += groups[initiative][a] and groups[initiative][b]
                entry[2].append(initiative)

    graph = nx.Graph()
    graph.add_nodes_from(order)
    for (a, b), (weight, _, _) in pairs.items():
        graph.add_edge(a, b, weight=weight)
    betweenness = betweenness_centrality(graph)
    if graph.number_of_edges():
        found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
        modularity = nx.community.modularity(graph, found, weight="weight")
    else:
        found, modularity = [{v} for v in graph], 0.0
    groups_found = sorted((sorted(c, key=order.__getitem__) for c in found), key=lambda c: (-len(c), order[c[0]]))
    community = {iri: number for number, members in enumerate(groups_found, 1) for iri in members}

    nodes = []
    for iri in order:
        thing = things[iri]
        nodes.append(
            Node(
                iri,
                thing.names,
                thing.code,
                thing.colour,
                count[iri],
                graph.degree(iri),
                int(graph.degree(iri, weight="weight")),
                round(betweenness[iri], 6),
                community[iri],
            )
        )
    nodes.sort(key=lambda n: (-n.strength, -n.degree, -n.betweenness, order[n.iri]))
    edges = sorted(
        (Edge(a, b, weight, confirmed, tuple(shared)) for (a, b), (weight, confirmed, shared) in pairs.items()),
        key=lambda e: (-e.weight, -e.confirmed, order[e.source], order[e.target]),
    )
    dashed = kind != "partners"
    chars = {iri: max(len(display(things[iri], lang)) for lang in ("sv", "en")) for iri in order}
    drawing = draw(
        [(n.iri, n.strength, chars[n.iri]) for n in nodes],
        [(e.source, e.target, e.weight, dashed and e.proposed_only) for e in edges],
    )
    return Network(
        kind,
        confirmed_only,
        tuple(nodes),
        tuple(edges),
        tuple(tuple(c) for c in groups_found),
        round(modularity, 4),
        round(nx.density(graph), 4) if len(graph) > 1 else 0.0,
        nx.number_connected_components(graph) if len(graph) else 0,
        drawing,
        {n.iri: n for n in nodes},
    )
