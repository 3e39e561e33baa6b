"""How the graph is drawn: the names of node types and relations, each type's shape, colour and SVG icon, and
the node and edge dicts vis-network draws (with their tooltips)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from kg.linkeddata import path_for_iri
from kg.toolkit import text_colour

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


def display(node: dict[str, Any]) -> str:
    """A node's label in the drawing: goals by number and name, targets and indicators by code."""
    if node["type"] == "goal":
        return f"{node['code']} {node['label']}"
    if node["type"] in ("target", "indicator") and node["code"]:
        return node["code"]
    return node["label"]


def drawn_node(
    iri: str, nodes: dict[str, dict], lang: str, base_iri: str, statuses: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """A node as vis-network draws it (see kg.network.select_view)."""
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
        "label": display(node),
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


def drawn_edge(pair: tuple[str, str], edge: dict[str, Any], lang: str, vocabulary: dict[str, Any]) -> dict[str, Any]:
    """An edge as vis-network draws it: links to targets dashed while proposed, thick when primary."""
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
