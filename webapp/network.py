"""The interactive graph (vis-network served from the app's own files): the page and its JSON data.

`/network` shows the canvas, a GET form of filters (it works without JavaScript: it reloads the page),
a legend and a text version; `/network/data.json` gives the same view as JSON, which network.js draws.
The data comes from kg.network, computed once per data change; a request only selects from it.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify, request, url_for
from markupsafe import Markup, escape

from kg.network import (
    FILTERS,
    STYLES,
    TYPE_ORDER,
    InvalidParameter,
    NetworkBase,
    View,
    network_base,
    parse_view,
    select_json,
)
from webapp.contexts import Context, Page
from webapp.i18n import current, t
from webapp.services import graph

bp = Blueprint("network", __name__)

_CHOOSERS: dict[int, tuple[NetworkBase, str]] = {}  # id(base) -> (base, the chooser's options as HTML)
MAX_DRAWN = 1500  # network.js draws at most this many nodes; the text version lists them all
TABLE_ROWS = 1000  # rows of each table of the text version


def _base() -> NetworkBase:
    services = graph()
    return network_base(services.store, current(), base_iri=current_app.config["BASE_IRI"], path=services.store_path)


def _view_params(base: NetworkBase, view: View) -> dict[str, Any]:
    """The query parameters that ask for `view` (for links to the JSON data)."""
    params: dict[str, Any] = {name: list(getattr(view, name)) for name in FILTERS if getattr(view, name)}
    if view.node:
        params["node"] = base.node_value(view.node)
        params["depth"] = view.depth
    if view.show_all:
        params["all"] = 1
    return params


def graph_page(page: Page) -> Context:
    """The view the filters ask for (kg.network.select_view); 400 with the form again for a value the graph does not
    know. Its JSON is the view's nodes and edges (as /network/data.json gives them), the filters and the error."""
    base = _base()
    args = request.args.to_dict(flat=False)
    error = None
    try:
        view = parse_view(base, args)
        data = page.build(base, view)
    except InvalidParameter as err:
        error, view, data = err, View(), None
    selected = (
        _selected(args)
        if error
        else {
            **{name: list(getattr(view, name)) for name in FILTERS},
            "node": base.node_value(view.node) if view.node else "",
            "depth": str(view.depth),
            "all": view.show_all,
        }
    )
    return Context(
        {"data": data, "error": error.message(current()) if error else None, "selected": selected},
        {
            "base": base,
            "filters": FILTERS,
            "data_url": url_for("network.data", **(_view_params(base, view) if data else {}), lang=current()),
            "node_labels": {n["id"]: n for n in data["nodes"]} if data else {},
            "legend": _legend(data),
            "node_options": _node_options(base, selected["node"]),
            "styles": STYLES,
            "max_drawn": MAX_DRAWN,
            "table_rows": TABLE_ROWS,
        },
        status=400 if error else 200,
        listed=lambda: [node["id"] for node in data["nodes"]] if data else [],
    )


@bp.route("/network/data.json")
def data():
    base = _base()
    try:
        view = parse_view(base, request.args.to_dict(flat=False))
    except InvalidParameter as err:
        return jsonify(error=err.message(current()), parameter=err.parameter, value=err.value, valid=err.valid), 400
    return current_app.response_class(select_json(base, view), mimetype="application/json")


def _selected(args: dict[str, list[str]]) -> dict[str, Any]:
    """The form's values as the request gave them (when they could not be used)."""
    chosen: dict[str, Any] = {
        name: [v for item in args.get(name, []) for v in item.split(",") if v] for name in FILTERS
    }
    chosen["node"] = (args.get("node") or [""])[0]
    chosen["depth"] = (args.get("depth") or ["1"])[-1]
    chosen["all"] = (args.get("all") or [""])[-1] in ("1", "true", "on", "yes")
    return chosen


def _node_options(base: NetworkBase, selected: str) -> Markup:
    """The <optgroup>s of the neighbourhood chooser (every node but the indicators), rendered once per base:
    with thousands of nodes, rendering them on every request would dominate the page's time."""
    entry = _CHOOSERS.get(id(base))
    if entry is None or entry[0] is not base:
        parts = []
        for kind, entries in base.node_choices:
            parts.append(f'<optgroup label="{escape(t("network.type." + kind))}">')
            parts.extend(f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in entries)
            parts.append("</optgroup>")
        if len(_CHOOSERS) >= 8:
            _CHOOSERS.clear()
        entry = _CHOOSERS[id(base)] = (base, "\n".join(parts))
    html = entry[1]
    if selected:
        option = f'<option value="{escape(selected)}">'
        html = html.replace(option, option[:-1] + " selected>", 1)
    return Markup(html)


def _legend(data: dict[str, Any] | None) -> list[str]:
    """The node types to explain: those shown, in the usual order (all but indicators when nothing is shown)."""
    if not data or not data["nodes"]:
        return [kind for kind in TYPE_ORDER if kind != "indicator"]
    return [kind for kind in TYPE_ORDER if kind in data["counts"]["types"]]
