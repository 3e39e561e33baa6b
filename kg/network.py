"""The interactive graph's data: nodes and edges for vis-network, built from `kg.graphview.to_networkx`.

The expensive part (the networkx view, a few page queries, every node's and edge's drawing data) is
computed once per store, language and base IRI and kept until the data changes (`network_base`); a
request only selects from it (`network_data`), and its answer is remembered too. What is shown:

* by default the whole graph except indicators, the targets that no initiative is linked to and the
  nodes left without relations (goals always show); `View(show_all=True)` shows those too;
* filters (goal, focus area, initiative status, partner, perspective) select initiatives and keep
  what they connect to: their targets and those targets' goals, partners, focus areas, perspectives,
  themes, events; values of one filter are alternatives, different filters must all hold;
* `View(node=IRI, depth=1..3)`: the neighbourhood of one node (networkx `ego_graph` on the
  undirected graph of what the filters keep).

Links to targets are drawn dashed while proposed and solid when confirmed, thick when primary;
rejected links are not drawn.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox

from kg.graphview import to_networkx
from kg.linkeddata import iri_for_path, path_for_iri
from kg.namespaces import BASE
from kg.pages import run_page_query, text_colour
from kg.store import state_key

# ---------------------------------------------------------------- the vocabulary of the drawing

#: node types in the order they are listed (legend, text alternative, choosers)
TYPE_ORDER = (
    "goal",
    "target",
    "indicator",
    "initiative",
    "organisation",
    "function",
    "focus-area",
    "challenge",
    "perspective",
    "theme",
    "event",
    "place",
    "person",
)

TYPE_NAMES: dict[str, dict[str, str]] = {
    "goal": {"sv": "Mål", "en": "Goal"},
    "target": {"sv": "Delmål", "en": "Target"},
    "indicator": {"sv": "Indikator", "en": "Indicator"},
    "initiative": {"sv": "Initiativ", "en": "Initiative"},
    "organisation": {"sv": "Organisation", "en": "Organisation"},
    "function": {"sv": "Funktion", "en": "Function"},
    "focus-area": {"sv": "Fokusområde", "en": "Focus area"},
    "challenge": {"sv": "Utmaning", "en": "Challenge"},
    "perspective": {"sv": "Prioriterat perspektiv", "en": "Priority perspective"},
    "theme": {"sv": "Tema", "en": "Theme"},
    "event": {"sv": "Händelse", "en": "Event"},
    "place": {"sv": "Plats", "en": "Place"},
    "person": {"sv": "Person", "en": "Person"},
}

#: relation -> its name, read from the edge's start to its end ("Måltider och möten – bidrar till – 2.2")
RELATION_NAMES: dict[str, dict[str, str]] = {
    "serves": {"sv": "bidrar till", "en": "contributes to"},
    "broader": {"sv": "ingår i", "en": "is part of"},
    "participant": {"sv": "deltagare", "en": "participant"},
    "funder": {"sv": "finansiär", "en": "funder"},
    "focus-area": {"sv": "fokusområde", "en": "focus area"},
    "perspective": {"sv": "perspektiv", "en": "perspective"},
    "function": {"sv": "inom funktion", "en": "within function"},
    "theme": {"sv": "tema", "en": "theme"},
    "part-of": {"sv": "del av", "en": "part of"},
    "partner": {"sv": "partner", "en": "partner"},
    "sub-organisation": {"sv": "underorganisation", "en": "sub-organisation"},
    "party": {"sv": "part", "en": "party"},
    "has-function": {"sv": "har funktion", "en": "has function"},
    "location": {"sv": "plats", "en": "location"},
    "related-initiative": {"sv": "relaterat initiativ", "en": "related initiative"},
    "responsible": {"sv": "ansvarig", "en": "responsible"},
}

STATUS_ORDER = ("idea", "planned", "ongoing", "completed")
UNSTATED = "unstated"  # the status value for initiatives whose source states no status
UNSTATED_NAMES = {"sv": "status ej angiven", "en": "status not stated"}


@dataclass(frozen=True)
class Style:
    shape: str  # a vis-network shape; "image" draws `icon`
    background: str
    border: str
    size: int
    dashed: bool = False  # a dashed border
    icon: str | None = None  # SVG (24 x 24) for shape "image"; the legend draws the same


def _svg(body: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">{body}</svg>'


#: how each type is drawn: shape AND colour differ, so colour is never the only cue (goals use their SDG colour)
STYLES: dict[str, Style] = {
    "goal": Style("box", "#19486a", "#19486a", 20),
    "target": Style("dot", "#dfe7ec", "#5b6770", 9),
    "indicator": Style("dot", "#f4f4f4", "#9aa5ad", 5),
    "initiative": Style("diamond", "#00689d", "#004f77", 14),
    "organisation": Style("square", "#f2a541", "#b36b00", 11),
    "function": Style("square", "#ffe3a6", "#b36b00", 11, dashed=True),
    "focus-area": Style("triangle", "#7b4fa0", "#54306f", 14),
    "challenge": Style("hexagon", "#d9c2e6", "#7b4fa0", 10),
    "perspective": Style("triangleDown", "#2a9d8f", "#1b6b61", 12),
    "theme": Style("star", "#e9c46a", "#9c7a1c", 13),
    "event": Style(
        "image",
        "#ffffff",
        "#c0462a",
        12,
        icon=_svg(
            '<rect x="3" y="4.5" width="18" height="16.5" rx="2" fill="#ffffff" stroke="#c0462a" stroke-width="2"/>'
            '<rect x="3" y="4.5" width="18" height="5" fill="#c0462a"/>'
            '<path d="M8 2.5v4M16 2.5v4" stroke="#c0462a" stroke-width="2"/>'
        ),
    ),
    "place": Style(
        "image",
        "#6b7a88",
        "#6b7a88",
        12,
        icon=_svg(
            '<path d="M12 1.5C7.6 1.5 4.2 4.9 4.2 9.2 4.2 15 12 22.5 12 22.5s7.8-7.5 7.8-13.3c0-4.3-3.4-7.7-7.8-7.7z" '
            'fill="#6b7a88"/><circle cx="12" cy="9.3" r="3" fill="#ffffff"/>'
        ),
    ),
    "person": Style(
        "image",
        "#577590",
        "#577590",
        12,
        icon=_svg(
            '<circle cx="12" cy="7.5" r="4.5" fill="#577590"/><path d="M3 22.5c0-5.2 4-8.7 9-8.7s9 3.5 9 8.7z" '
            'fill="#577590"/>'
        ),
    ),
}
# edge colours (grey; links to targets in the accent colour) and the highlight are set by webapp/static/network.js

#: the query parameters that select initiatives; values of one parameter are alternatives
FILTERS = ("goal", "focus", "status", "partner", "perspective")
DEPTHS = (1, 2, 3)
_TRUE, _FALSE = ("1", "true", "on", "yes"), ("", "0", "false", "off", "no")
_PARTNER_RELATIONS = ("participant", "funder", "function")  # initiative -> organisation or function
_HIERARCHY = ("sub-organisation", "has-function")  # organisation -> its parts
_RESULTS_KEPT = 256
_EXAMPLE = "/id/initiative/maltider-och-moten"  # answers remembered per base


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


# ---------------------------------------------------------------- the part computed once per data change


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
    linked_targets: set[str]
    default_nodes: set[str]  # what the unfiltered view shows unless everything is asked for
    targets_of_goal: dict[str, list[str]]
    indicators_of_target: dict[str, list[str]]
    initiative_facets: dict[str, dict[str, set[str]]]  # initiative -> filter -> the values it matches
    values: dict[str, dict[str, str]]  # filter -> value -> IRI (status: value -> value)
    choices: dict[str, list[tuple[str, str]]]  # filter -> (value, label) for the form
    node_choices: list[tuple[str, list[tuple[str, str]]]]  # (type, [(local path or IRI, label)])
    concept_names: dict[str, dict[str, dict[str, str]]]  # scheme -> notation -> {"sv", "en"}
    results: OrderedDict = field(default_factory=OrderedDict)

    def node_value(self, iri: str) -> str:
        """How a node is named in the `node` parameter: its local path, else its IRI."""
        return path_for_iri(iri, self.base_iri) or iri


def _sort_text(text: str) -> str:
    """A sort key that puts å, ä, ö after z, as Swedish does."""
    return text.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e"}))


def _code_key(code: str | None) -> tuple:
    parts = []
    for part in (code or "").split("."):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return tuple(parts)


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _names(row: Mapping[str, Any]) -> dict[str, str]:
    sv, en = row.get("labelSv"), row.get("labelEn")
    return {"sv": sv or en or "", "en": en or sv or ""}


def _build(store: ox.Store, lang: str, base_iri: str) -> NetworkBase:
    vocabulary = _vocabulary(store)
    nodes, edges = _read_graph(store, lang, vocabulary["functions"])
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
        rank[iri] = (order, _code_key(node["code"]) if node["code"] else (), _sort_text(node["label"] or ""), iri)
    node_choices = []
    for kind in TYPE_ORDER:
        members = sorted((iri for iri, n in nodes.items() if n["type"] == kind), key=rank.__getitem__)
        if members and kind != "indicator":
            entries = []
            for iri in members:
                text = _display(nodes[iri])
                if kind == "target":
                    label = nodes[iri]["label"] or ""
                    text = f"{text} {label[:70]}…" if len(label) > 70 else f"{text} {label}"
                entries.append((path_for_iri(iri, base_iri) or iri, text))
            node_choices.append((kind, entries))

    node_data = {iri: _drawn_node(iri, nodes, lang, base_iri, vocabulary["statuses"]) for iri in nodes}
    edge_data = {pair: _drawn_edge(pair, edge, lang, vocabulary) for pair, edge in edges.items()}

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
        linked_targets,
        default_nodes,
        targets_of_goal,
        indicators_of_target,
        facets,
        values,
        choices,
        node_choices,
        vocabulary["concepts"],
    )


def _vocabulary(store: ox.Store) -> dict[str, Any]:
    """The names of initiative statuses, relevances and link statuses (by notation), and the functions."""
    functions: set[str] = set()
    concepts: dict[str, dict[str, dict[str, str]]] = {}
    for row in run_page_query(store, "network-vocabulary"):
        if row["function"]:
            functions.add(row["function"])
        else:
            concepts.setdefault(row["scheme"].rsplit("#", 1)[-1], {})[row["notation"]] = _names(row)
    statuses = dict(
        sorted(
            concepts.get("initiativeStatuses", {}).items(),
            key=lambda item: (STATUS_ORDER.index(item[0]) if item[0] in STATUS_ORDER else 99, item[0]),
        )
    )
    return {
        "functions": functions,
        "concepts": concepts,
        "statuses": statuses,
        "link_statuses": concepts.get("linkStatuses", {}),
        "relevances": concepts.get("relevances", {}),
    }


def _read_graph(store: ox.Store, lang: str, functions: set[str]) -> tuple[dict[str, dict], dict[tuple, dict]]:
    """Nodes (IRI -> type, label, code, colour; targets: goal; initiatives: status, kind) and edges ((from, to) ->
    relations; links to targets: status, relevance, link) from the networkx view, the indicators added."""
    graph = to_networkx(store, lang)
    initiatives = {row["initiative"]: row for row in run_page_query(store, "network-initiatives")}
    nodes: dict[str, dict[str, Any]] = {}
    for iri, data in graph.nodes(data=True):
        kind = "function" if iri in functions else data["type"]
        node = {"type": kind, "label": data["label"], "code": data["code"], "colour": data["colour"]}
        if kind == "initiative":
            row = initiatives.get(iri, {})
            node["status"] = row.get("status") or UNSTATED
            node["kind"] = {"sv": row.get("kindSv") or row.get("kindEn"), "en": row.get("kindEn") or row.get("kindSv")}
        nodes[iri] = node

    # one edge per ordered pair; of several links to a target the confirmed one counts; rejected links are left out
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    strength = {"confirmed": 2, "proposed": 1}
    for source, target, data in graph.edges(data=True):
        relation = data["relation"]
        if relation == "serves" and data.get("status") not in strength:
            continue
        edge = edges.setdefault((source, target), {"relations": []})
        if relation not in edge["relations"]:
            edge["relations"].append(relation)
        if relation == "serves":
            old = edge.get("status")
            if (
                old is None
                or strength[data["status"]] > strength[old]
                or (data["status"] == old and data.get("relevance") == "primary")
            ):
                edge.update(status=data["status"], relevance=data.get("relevance"), link=data.get("link"))
    for (source, target), edge in edges.items():
        if "broader" in edge["relations"] and nodes[source]["type"] == "target" and nodes[target]["type"] == "goal":
            nodes[source]["goal"] = target

    # indicators (not in the networkx view), each with an edge to its target(s)
    for row in run_page_query(store, "network-indicators"):
        target, iri = row["target"], row["indicator"]
        if target not in nodes:
            continue
        if iri not in nodes:
            nodes[iri] = {"type": "indicator", "label": _names(row)[lang], "code": None, "colour": None, "codes": []}
        if row["code"] and row["code"] not in nodes[iri]["codes"]:
            nodes[iri]["codes"].append(row["code"])
        edges.setdefault((iri, target), {"relations": ["broader"]})
    for (source, target), _edge in edges.items():
        node = nodes[source]
        if node["type"] == "indicator":  # its code under this target (one listed under two shows one of them)
            codes = sorted(node["codes"], key=_code_key)
            mine = [c for c in codes if c.startswith((nodes[target]["code"] or "") + ".")]
            node["code"] = node["code"] or (mine or codes or [None])[0]
    return nodes, edges


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
        (i for i, n in nodes.items() if n["type"] == "goal" and n["code"]), key=lambda i: _code_key(nodes[i]["code"])
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
        "goal": [(nodes[iri]["code"], _display(nodes[iri])) for iri in goals],
        "status": [
            (v, (UNSTATED_NAMES if v == UNSTATED else statuses.get(v, {})).get(lang, v)) for v in values["status"]
        ],
    }
    for name in ("focus", "partner", "perspective"):
        choices[name] = sorted(
            ((v, nodes[iri]["label"]) for v, iri in values[name].items()), key=lambda choice: _sort_text(choice[1])
        )
    return values, choices


def _display(node: dict[str, Any]) -> str:
    """A node's label in the drawing: goals by number and name, targets and indicators by code."""
    if node["type"] == "goal":
        return f"{node['code']} {node['label']}"
    if node["type"] in ("target", "indicator") and node["code"]:
        return node["code"]
    return node["label"]


def _drawn_node(
    iri: str, nodes: dict[str, dict], lang: str, base_iri: str, statuses: dict[str, dict[str, str]]
) -> dict[str, Any]:
    node = nodes[iri]
    kind = node["type"]
    style = STYLES.get(kind, STYLES["place"])
    background, border = style.background, style.border
    if kind == "goal" and node["colour"]:
        background = border = node["colour"]
    if kind == "target" and node.get("goal") and nodes[node["goal"]]["colour"]:
        border = nodes[node["goal"]]["colour"]
    item: dict[str, Any] = {
        "id": iri,
        "label": _display(node),
        "name": node["label"],
        "type": kind,
        "group": kind,
        "code": node["code"],
        "shape": style.shape,
        "size": style.size,
        "borderWidth": 3 if kind == "target" else 2,
        "color": {"background": background, "border": border},
        "title": _tooltip(node, lang, statuses),
        "url": path_for_iri(iri, base_iri),
    }
    if style.dashed:
        item["shapeProperties"] = {"borderDashes": [3, 2]}
    if style.icon:
        item["image"] = "data:image/svg+xml," + quote(style.icon)
    if kind == "goal":
        item["font"] = {"color": text_colour(background), "size": 16}
    if kind == "initiative":
        item["status"] = node["status"]
    return item


def _drawn_edge(pair: tuple[str, str], edge: dict[str, Any], lang: str, vocabulary: dict[str, Any]) -> dict[str, Any]:
    relations = edge["relations"]
    relation = "serves" if "serves" in relations else relations[0]
    names = [RELATION_NAMES.get(r, {}).get(lang, r) for r in relations]
    item: dict[str, Any] = {
        "from": pair[0],
        "to": pair[1],
        "relation": relation,
        "relationName": ", ".join(names),
        "width": 1,
        "dashes": False,
    }
    if len(relations) > 1:
        item["relations"] = relations
    title = item["relationName"]
    if relation == "serves":
        status, relevance = edge.get("status"), edge.get("relevance")
        item.update(
            status=status,
            relevance=relevance,
            link=edge.get("link"),
            statusName=vocabulary["link_statuses"].get(status, {}).get(lang, status),
            relevanceName=vocabulary["relevances"].get(relevance, {}).get(lang, relevance),
        )
        item["dashes"] = status != "confirmed"  # a proposal is never drawn as confirmed
        item["width"] = 3 if relevance == "primary" else 1.5
        title = " · ".join(x for x in (title, item["statusName"], item["relevanceName"]) if x)
    item["title"] = title  # network.js puts the labels of the two ends before it
    return item


def _tooltip(node: dict[str, Any], lang: str, statuses: dict[str, dict[str, str]]) -> str:
    kind = node["type"]
    type_name = TYPE_NAMES.get(kind, {}).get(lang, kind)
    if kind == "goal":
        return f"{type_name} {node['code']}: {node['label']}"
    if kind in ("target", "indicator"):
        return f"{type_name} {node['code'] or ''}\n{node['label']}".strip()
    if kind == "initiative":
        status = (
            UNSTATED_NAMES[lang]
            if node["status"] == UNSTATED
            else statuses.get(node["status"], {}).get(lang, node["status"])
        )
        details = " · ".join(x for x in (type_name, node["kind"].get(lang), status) if x)
        return f"{node['label']}\n{details}"
    return f"{node['label']}\n{type_name}"


# ---------------------------------------------------------------- the cache


@dataclass
class _Entry:
    store: ox.Store  # held, so that its id cannot be reused while the entry lives
    stamp: Any
    base: NetworkBase


_CACHE: dict[tuple, _Entry] = {}
_LOCK = threading.Lock()  # held while a base is built
_RESULTS_LOCK = threading.Lock()  # held while an answer is remembered


def _stamp(store: ox.Store, path: str | os.PathLike | None) -> Any:
    """A cheap fingerprint of the data: kg.store.state_key for a store on disk, the size of one in memory."""
    return len(store) if path is None else state_key(path)


def network_base(
    store: ox.Store, lang: str = "sv", *, base_iri: str = BASE, path: str | os.PathLike | None = None
) -> NetworkBase:
    """The graph's drawing data, computed once per store (by `path`, else by the store object), language and
    base IRI, and again only when the fingerprint of the data changes. Thread-safe."""
    key = (str(path) if path is not None else id(store), lang, base_iri)
    stamp = _stamp(store, path)
    entry = _CACHE.get(key)
    if entry is not None and entry.store is store and entry.stamp == stamp:
        return entry.base
    with _LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry.store is store and entry.stamp == stamp:
            return entry.base
        base = _build(store, lang, base_iri)
        _CACHE[key] = _Entry(store, stamp, base)
        return base


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


# ---------------------------------------------------------------- a request: parameters in, data out


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
        iri = value if value.startswith(("http://", "https://")) else iri_for_path(value, base.base_iri)
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
    with _RESULTS_LOCK:
        base.results[view] = result
        while len(base.results) > _RESULTS_KEPT:
            base.results.popitem(last=False)
    return result


def select_json(base: NetworkBase, view: View) -> bytes:
    """`select_view` as compact UTF-8 JSON, serialised once per view (remembered beside it)."""
    key = ("json", view)
    cached = base.results.get(key)
    if cached is None:
        cached = json.dumps(select_view(base, view), ensure_ascii=False, separators=(",", ":")).encode()
        with _RESULTS_LOCK:
            base.results[key] = cached
            while len(base.results) > _RESULTS_KEPT:
                base.results.popitem(last=False)
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
