"""Reading the graph for the drawing: the nodes and edges of `kg.graphview.to_networkx` (with the indicators
added) and the names of the controlled values (initiative statuses, link statuses, relevances)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from kg.graphview import to_networkx
from kg.network.drawing import STATUS_ORDER, UNSTATED
from kg.queries import Catalogue
from kg.toolkit import code_key

QUERIES = Catalogue(__name__)


def _names(row: Mapping[str, Any]) -> dict[str, str]:
    sv, en = row.get("labelSv"), row.get("labelEn")
    return {"sv": sv or en or "", "en": en or sv or ""}


def read_vocabulary(store: ox.Store) -> dict[str, Any]:
    """The names of initiative statuses, relevances and link statuses (by notation), and the functions."""
    functions: set[str] = set()
    concepts: dict[str, dict[str, dict[str, str]]] = {}
    for row in QUERIES.rows(store, "vocabulary"):
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
        "statuses": statuses,
        "link_statuses": concepts.get("linkStatuses", {}),
        "relevances": concepts.get("relevances", {}),
    }


def read_graph(store: ox.Store, lang: str, functions: set[str]) -> tuple[dict[str, dict], dict[tuple, dict]]:
    """Nodes (IRI -> type, label, code, colour; targets: goal; initiatives: status, kind) and edges ((from, to) ->
    relations; links to targets: status, relevance, link) from the networkx view, the indicators added."""
    graph = to_networkx(store, lang)
    initiatives = {row["initiative"]: row for row in QUERIES.rows(store, "initiatives")}
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
    for row in QUERIES.rows(store, "indicators"):
        target, iri = row["target"], row["indicator"]
        if target not in nodes:
            continue
        if iri not in nodes:
            nodes[iri] = {"type": "indicator", "label": _names(row)[lang], "code": None, "colour": None, "codes": []}
        if row["code"] and row["code"] not in nodes[iri]["codes"]:
            nodes[iri]["codes"].append(row["code"])
        edges.setdefault((iri, target), {"relations": ["broader"]})
    for source, target in edges:
        node = nodes[source]
        if node["type"] == "indicator":  # its code under this target (one listed under two shows one of them)
            codes = sorted(node["codes"], key=code_key)
            mine = [c for c in codes if c.startswith((nodes[target]["code"] or "") + ".")]
            node["code"] = node["code"] or (mine or codes or [None])[0]
    return nodes, edges
