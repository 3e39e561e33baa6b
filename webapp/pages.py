"""The home page and the pages of the Agenda 2030 framework: goals, targets, indicators."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.route("/")
def home():
    return render_template("pages/home.html")


@bp.route("/goals")
def goals():
    return render_template("pages/stub.html", title="nav.goals")
