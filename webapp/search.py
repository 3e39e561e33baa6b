"""Search over labels and texts in both languages."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("search", __name__)


@bp.route("/search")
def search():
    return render_template("pages/stub.html", title="nav.search")
