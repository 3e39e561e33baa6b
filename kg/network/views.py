"""A request: the view asked for by query parameters (filters, a neighbourhood, whether hidden nodes show) and
the nodes and edges of that view, selected from a `NetworkBase` and remembered beside it. The graph is read by
kg.network.reading (its queries: kg/queries/network/reading/, and kg.graphview's kg/queries/graphview/)."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.linkeddata import NotAnIri, iri_for_path
from kg.namespaces import BASE
from kg.network.model import FILTERS, NetworkBase, network_base

DEPTHS = (1, 2, 3)
_TRUE, _FALSE = ("1", "true", "on", "yes"), ("", "0", "false", "off", "no")
_RESULTS_KEPT = 256  # answers remembered per base
_RESULTS_LOCK = threading.Lock()  # held while an answer is remembered
_EXAMPLE = "/id/initiative/maltider-och-moten"


class InvalidParameter(ValueError):
    """A query parameter with a value the graph does not know; `message(lang)` says which and what is valid."""

    def __init__(self, parameter: str, value: str, valid: Iterable[str] = (), hint: dict[str, str] | None = None):
        self.parameter, self.value, self.valid = parameter, value, list(valid)
        self.hint = hint
        super().__init__(self.message("sv") + " / " + self.message("en"))

    def message(self, lang: str = "sv") -> str:
        if self.hint:
            return self.hint[lang] if lang in self.hint else self.hint["en"]
        shown = ", ".join(self.valid[:20]) + (" …" if len(self.valid) > 20 else "")
        if lang == "sv":
            return f"Okänt värde för {self.parameter}: ”{self.value}”. Giltiga värden: {shown}."
        return f"Unknown value for {self.parameter}: “{self.value}”. Valid values: {shown}."


@dataclass(frozen=True)
class View:
    """What to show: filter values (each a tuple of alternatives), a neighbourhood, and whether hidden nodes show."""

    goal: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    partner: tuple[str, ...] = ()
    perspective: tuple[str, ...] = ()
    node: str | None = None  # the IRI whose neighbourhood is shown
    depth: int = 1
    show_all: bool = False

    @property
    def filtered(self) -> bool:
        return any(getattr(self, name) for name in FILTERS)


def parse_view(base: NetworkBase, args: Mapping[str, str | Iterable[str]]) -> View:
    """The view asked for by query parameters (`goal`, `focus`, `status`, `partner`, `perspective`, each
    repeatable or comma-separated; `node` as local path or IRI, `depth` 1–3, `all`); other parameters are
    ignored. Raises InvalidParameter for a value the graph does not know."""

    def listed(name: str) -> list[str]:
        raw = args.get(name)
        if raw is None:
            return []
        items = [raw] if isinstance(raw, str) else list(raw)
        return [part.strip() for item in items for part in item.split(",") if part.strip()]

    chosen: dict[str, tuple[str, ...]] = {}
    for name in FILTERS:
        accepted = base.values[name]
        picked = []
        for value in listed(name):
            if value not in accepted:
                raise InvalidParameter(name, value, accepted)
            if value not in picked:
                picked.append(value)
        chosen[name] = tuple(sorted(picked))

    node = None
    node_values = listed("node")
    if len(node_values) > 1:
        raise InvalidParameter(
            "node",
            ",".join(node_values),
            hint={"sv": "Ange en enda nod i parametern node.", "en": "Give a single node in the parameter node."},
        )
    if node_values:
        value = node_values[0]
        try:
            iri = value if value.startswith(("http://", "https://")) else iri_for_path(value, base.base_iri)
        except NotAnIri:
            iri = None  # no IRI, so no node: the same message as for an unknown one
        if iri not in base.nodes:
            raise InvalidParameter(
                "node",
                value,
                hint={
                    "sv": f"Okänd nod: ”{value}”. Ange en sökväg som /sdg/2.2 eller {_EXAMPLE}.",
                    "en": f"Unknown node: “{value}”. Give a path such as /sdg/2.2 or {_EXAMPLE}.",
                },
            )
        node = iri

    depth = 1
    depth_values = listed("depth")
    if depth_values:
        text = depth_values[-1]
        if not text.isdigit() or int(text) not in DEPTHS:
            raise InvalidParameter(
                "depth",
                text,
                [str(d) for d in DEPTHS],
                hint={
                    "sv": f"Djupet måste vara 1, 2 eller 3, inte ”{text}”.",
                    "en": f"The depth must be 1, 2 or 3, not “{text}”.",
                },
            )
        depth = int(text)

    show_all = False
    all_values = listed("all")
    if all_values:
        text = all_values[-1].lower()
        if text not in _TRUE + _FALSE:
            raise InvalidParameter("all", text, ["1", "0"])
        show_all = text in _TRUE

    return View(**chosen, node=node, depth=depth, show_all=show_all)


def _matches(base: NetworkBase, view: View, initiative: str) -> bool:
    facets = base.initiative_facets[initiative]
    for name in FILTERS:
        wanted = getattr(view, name)
        if wanted and not facets[name] & {base.values[name][v] for v in wanted}:
            return False
    return True


def _visible(base: NetworkBase, view: View, show_all: bool) -> set[str]:
    nodes = base.nodes
    if not view.filtered:
        if show_all:
            return set(nodes)
        return base.default_nodes
    selected = {iri for iri in base.initiative_facets if _matches(base, view, iri)}
    keep = set(selected)
    for initiative in selected:
        for neighbour in base.undirected.adj[initiative]:
            if nodes[neighbour]["type"] != "initiative" or neighbour in selected:
                keep.add(neighbour)
    keep |= {nodes[iri]["goal"] for iri in keep if nodes[iri]["type"] == "target" and nodes[iri].get("goal")}
    if show_all:
        # every target of the goals asked for (else of the goals shown), and the indicators of the targets shown
        goals = [base.values["goal"][code] for code in view.goal] or [i for i in keep if nodes[i]["type"] == "goal"]
        for goal in goals:
            keep.update(base.targets_of_goal.get(goal, ()))
        for target in [iri for iri in keep if nodes[iri]["type"] == "target"]:
            keep.update(base.indicators_of_target.get(target, ()))
    return keep


def _remember(base: NetworkBase, key: Any, answer: Any) -> None:
    """Keeps an answer beside the base, forgetting the oldest beyond _RESULTS_KEPT."""
    with _RESULTS_LOCK:
        base.results[key] = answer
        while len(base.results) > _RESULTS_KEPT:
            base.results.popitem(last=False)


def select_view(base: NetworkBase, view: View) -> dict[str, Any]:
    """The nodes and edges of one view (remembered per base), as JSON-ready data for vis-network."""
    cached = base.results.get(view)
    if cached is not None:
        return cached
    notice = None
    keep = _visible(base, view, view.show_all)
    if view.node is not None:
        if view.node not in keep:
            if not view.filtered:
                keep = _visible(base, view, True)
                notice = "hidden-node"  # the node is hidden by default: its neighbourhood is shown with all nodes
            else:
                keep = {view.node}
                notice = "outside-filter"  # the filters leave the node out
        keep = set(nx.ego_graph(base.undirected.subgraph(keep), view.node, radius=view.depth).nodes)
    ordered = sorted(keep, key=base.rank.__getitem__)
    edges = [(source, target) for source in ordered for target in base.out[source] if target in keep]
    edges.sort(key=lambda e: (base.rank[e[0]], base.rank[e[1]]))
    types: dict[str, int] = {}
    for iri in ordered:
        types[base.nodes[iri]["type"]] = types.get(base.nodes[iri]["type"], 0) + 1
    shown_targets = sum(1 for iri in keep if base.nodes[iri]["type"] == "target")
    result = {
        "lang": base.lang,
        "view": {name: list(getattr(view, name)) for name in FILTERS}
        | {"node": base.node_value(view.node) if view.node else None, "depth": view.depth, "all": view.show_all},
        "counts": {
            "nodes": len(ordered),
            "edges": len(edges),
            "types": types,
            "targets": shown_targets,
            "total_nodes": len(base.nodes),
            "total_edges": len(base.edge_data),
        },
        "centre": view.node,
        "notice": notice,
        "nodes": [base.node_data[iri] for iri in ordered],
        "edges": [base.edge_data[e] for e in edges],
    }
    _remember(base, view, result)
    return result


def select_json(base: NetworkBase, view: View) -> bytes:
    """`select_view` as compact UTF-8 JSON, serialised once per view (remembered beside it)."""
    key = ("json", view)
    cached = base.results.get(key)
    if cached is None:
        cached = json.dumps(select_view(base, view), ensure_ascii=False, separators=(",", ":")).encode()
        _remember(base, key, cached)
    return cached


def network_data(
    store: ox.Store,
    lang: str = "sv",
    view: View | None = None,
    *,
    base_iri: str = BASE,
    path: str | os.PathLike | None = None,
) -> dict[str, Any]:
    """The graph for vis-network: `{"nodes": [...], "edges": [...], "counts": {...}, "view": {...}, "notice"}`.
    Nodes: id (IRI), label, name, type/group, code, shape, size, color, title (tooltip text), url (local path);
    edges: id, from, to, relation(s), relationName, dashes (proposed links), width (primary links thick), title."""
    return select_view(network_base(store, lang, base_iri=base_iri, path=path), view or View())


def neighbourhood(
    store: ox.Store,
    iri: str,
    depth: int = 1,
    lang: str = "sv",
    *,
    show_all: bool = False,
    base_iri: str = BASE,
    path: str | os.PathLike | None = None,
) -> dict[str, Any]:
    """The nodes within `depth` (1–3) steps of `iri`, in either direction."""
    if depth not in DEPTHS:
        raise InvalidParameter("depth", str(depth), [str(d) for d in DEPTHS])
    base = network_base(store, lang, base_iri=base_iri, path=path)
    if iri not in base.nodes:
        raise InvalidParameter("node", iri, hint={"sv": f"Okänd nod: ”{iri}”.", "en": f"Unknown node: “{iri}”."})
    return select_view(base, View(node=iri, depth=depth, show_all=show_all))
