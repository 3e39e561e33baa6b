"""The interactive graph (vis-network served from the app's own files)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("network", __name__)


@bp.route("/network")
def graph_page():
    return render_template("pages/stub.html", title="nav.graph")
