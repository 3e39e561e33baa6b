"""Pages of initiatives, partners, focus areas, perspectives, functions, themes and events."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("entities", __name__)


@bp.route("/initiatives")
def initiatives():
    return render_template("pages/stub.html", title="nav.initiatives")


@bp.route("/partners")
def partners():
    return render_template("pages/stub.html", title="nav.partners")
