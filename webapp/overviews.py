"""Overviews: initiatives × goals, partners × goals, gaps and budget."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("overviews", __name__, url_prefix="/overviews")


@bp.route("/")
def index():
    return render_template("pages/stub.html", title="nav.overviews")
