"""The part of the graph's data computed once per data change (`NetworkBase`): nodes and edges as drawn,
their order, what each filter accepts and matches, the default view, and the cache that keeps it per store,
language and base IRI (`network_base`)."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.linkeddata import path_for_iri
from kg.namespaces import BASE
from kg.network.drawing import TYPE_ORDER, UNSTATED, UNSTATED_NAMES, display, drawn_edge, drawn_node
from kg.network.reading import read_graph, read_vocabulary
from kg.statecache import per_state, store_state
from kg.toolkit import code_key

#: the query parameters that select initiatives; values of one parameter are alternatives
FILTERS = ("goal", "focus", "status", "partner", "perspective")
_PARTNER_RELATIONS = ("participant", "funder", "function")  # initiative -> organisation or function
_HIERARCHY = ("sub-organisation", "has-function")  # organisation -> its parts


@dataclass
class NetworkBase:
    lang: str
    base_iri: str
    nodes: dict[str, dict[str, Any]]  # IRI -> type, label, code, colour, goal, status, kind
    out: dict[str, list[str]]  # IRI -> the ends of its outgoing edges (one edge per ordered pair)
    edge_data: dict[tuple[str, str], dict[str, Any]]  # (from, to) -> the edge as drawn
    node_data: dict[str, dict[str, Any]]  # IRI -> the node as drawn
    rank: dict[str, tuple]  # IRI -> sort key (type order, then code or name)
    undirected: nx.Graph
    default_nodes: set[str]  # what the unfiltered view shows unless everything is asked for
    targets_of_goal: dict[str, list[str]]
    indicators_of_target: dict[str, list[str]]
    initiative_facets: dict[str, dict[str, set[str]]]  # initiative -> filter -> the values it matches
    values: dict[str, dict[str, str]]  # filter -> value -> IRI (status: value -> value)
    choices: dict[str, list[tuple[str, str]]]  # filter -> (value, label) for the form
    node_choices: list[tuple[str, list[tuple[str, str]]]]  # (type, [(local path or IRI, label)])
    results: OrderedDict = field(default_factory=OrderedDict)  # view -> its answer (kg.network.views)

    def node_value(self, iri: str) -> str:
        """How a node is named in the `node` parameter: its local path, else its IRI."""
        return path_for_iri(iri, self.base_iri) or iri


def _sort_text(text: str) -> str:
    """A sort key that puts å, ä, ö after z, as Swedish does."""
    return text.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e"}))


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _build(store: ox.Store, lang: str, base_iri: str) -> NetworkBase:
    vocabulary = read_vocabulary(store)
    nodes, edges = read_graph(store, lang, vocabulary["functions"])
    out: dict[str, list[str]] = {iri: [] for iri in nodes}
    undirected = nx.Graph()
    undirected.add_nodes_from(nodes)
    for source, target in edges:
        out[source].append(target)
        undirected.add_edge(source, target)

    linked_targets = {t for (_, t), e in edges.items() if "serves" in e["relations"] and nodes[t]["type"] == "target"}
    targets_of_goal: dict[str, list[str]] = {}
    indicators_of_target: dict[str, list[str]] = {}
    for (source, target), edge in edges.items():
        if "broader" in edge["relations"]:
            if nodes[source]["type"] == "target" and nodes[target]["type"] == "goal":
                targets_of_goal.setdefault(target, []).append(source)
            elif nodes[source]["type"] == "indicator":
                indicators_of_target.setdefault(target, []).append(source)

    facets = _facets(nodes, edges, out)
    values, choices = _filter_values(nodes, facets, vocabulary["statuses"], lang)
    rank: dict[str, tuple] = {}
    for iri, node in nodes.items():
        order = TYPE_ORDER.index(node["type"]) if node["type"] in TYPE_ORDER else len(TYPE_ORDER)
        rank[iri] = (order, code_key(node["code"]) if node["code"] else (), _sort_text(node["label"] or ""), iri)
    node_choices = []
    for kind in TYPE_ORDER:
        members = sorted((iri for iri, n in nodes.items() if n["type"] == kind), key=rank.__getitem__)
        if members and kind != "indicator":
            entries = []
            for iri in members:
                text = display(nodes[iri])
                if kind == "target":
                    label = nodes[iri]["label"] or ""
                    text = f"{text} {label[:70]}…" if len(label) > 70 else f"{text} {label}"
                entries.append((path_for_iri(iri, base_iri) or iri, text))
            node_choices.append((kind, entries))

    node_data = {iri: drawn_node(iri, nodes, lang, base_iri, vocabulary["statuses"]) for iri in nodes}
    edge_data = {pair: drawn_edge(pair, edge, lang, vocabulary) for pair, edge in edges.items()}

    # by default: no indicators, no target without an initiative, no node without relations (but every goal)
    default_nodes = {iri for iri, n in nodes.items() if n["type"] not in ("target", "indicator")} | linked_targets
    default_nodes = {
        iri
        for iri in default_nodes
        if nodes[iri]["type"] == "goal" or any(n in default_nodes for n in undirected.adj[iri])
    }
    return NetworkBase(
        lang,
        base_iri,
        nodes,
        out,
        edge_data,
        node_data,
        rank,
        undirected,
        default_nodes,
        targets_of_goal,
        indicators_of_target,
        facets,
        values,
        choices,
        node_choices,
    )


def _facets(nodes: dict[str, dict], edges: dict[tuple, dict], out: dict[str, list[str]]) -> dict[str, dict]:
    """For each initiative, the IRIs (statuses: the values) each filter matches it by. A partner matches the
    initiatives of its sub-organisations and functions too."""
    parents: dict[str, set[str]] = {}
    for (source, target), edge in edges.items():
        if any(r in _HIERARCHY for r in edge["relations"]):
            parents.setdefault(target, set()).add(source)

    def with_ancestors(start: Iterable[str]) -> set[str]:
        seen, todo = set(), list(start)
        while todo:
            item = todo.pop()
            if item not in seen:
                seen.add(item)
                todo.extend(parents.get(item, ()))
        return seen

    facets: dict[str, dict[str, set[str]]] = {}
    for iri, node in nodes.items():
        if node["type"] != "initiative":
            continue
        mine: dict[str, set[str]] = {name: set() for name in FILTERS}
        mine["status"].add(node["status"])
        partners = set()
        for end in out[iri]:
            relations = edges[(iri, end)]["relations"]
            if "serves" in relations and nodes[end].get("goal"):
                mine["goal"].add(nodes[end]["goal"])
            if "focus-area" in relations:
                mine["focus"].add(end)
            if "perspective" in relations:
                mine["perspective"].add(end)
            if any(r in _PARTNER_RELATIONS for r in relations) and nodes[end]["type"] in ("organisation", "function"):
                partners.add(end)
        mine["partner"] = with_ancestors(partners)
        facets[iri] = mine
    return facets


def _filter_values(
    nodes: dict[str, dict], facets: dict[str, dict], statuses: dict[str, dict[str, str]], lang: str
) -> tuple[dict[str, dict[str, str]], dict[str, list[tuple[str, str]]]]:
    """The values each filter accepts (value -> IRI) and the form's choices (value, label)."""

    def by_name(*kinds: str) -> list[str]:
        return sorted((i for i, n in nodes.items() if n["type"] in kinds), key=lambda i: _sort_text(nodes[i]["label"]))

    goals = sorted(
        (i for i, n in nodes.items() if n["type"] == "goal" and n["code"]), key=lambda i: code_key(nodes[i]["code"])
    )
    values: dict[str, dict[str, str]] = {
        "goal": {nodes[iri]["code"]: iri for iri in goals},
        "focus": {_slug(iri): iri for iri in by_name("focus-area")},
        "status": {notation: notation for notation in statuses} | {UNSTATED: UNSTATED},
        "partner": {},
        "perspective": {_slug(iri): iri for iri in by_name("perspective")},
    }
    for iri in reversed(by_name("function", "organisation")):  # an organisation wins a slug it shares
        values["partner"][_slug(iri)] = iri
    for facet in facets.values():  # a status the data uses but the vocabulary lacks is still valid
        for status in facet["status"]:
            values["status"].setdefault(status, status)
    choices: dict[str, list[tuple[str, str]]] = {
        "goal": [(nodes[iri]["code"], display(nodes[iri])) for iri in goals],
        "status": [
            (v, (UNSTATED_NAMES if v == UNSTATED else statuses.get(v, {})).get(lang, v)) for v in values["status"]
        ],
    }
    for name in ("focus", "partner", "perspective"):
        choices[name] = sorted(
            ((v, nodes[iri]["label"]) for v, iri in values[name].items()), key=lambda choice: _sort_text(choice[1])
        )
    return values, choices


# ---------------------------------------------------------------- the cache


def network_base(
    store: ox.Store, lang: str = "sv", *, base_iri: str = BASE, path: str | os.PathLike | None = None
) -> NetworkBase:
    """The graph's drawing data, computed once per store (by `path`, else by the store object), language and
    base IRI, and again only when the fingerprint of the data changes. Thread-safe."""
    state = store_state(store, path)
    return per_state(state, ("network", lang, base_iri), lambda: _build(store, lang, base_iri), pinned=True)
