"""The viewer's main pages: home, the goals, the initiatives, the partners."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.route("/")
def home():
    return render_template("pages/home.html")


@bp.route("/goals")
def goals():
    return render_template("pages/stub.html", title="nav.goals")


@bp.route("/initiatives")
def initiatives():
    return render_template("pages/stub.html", title="nav.initiatives")


@bp.route("/partners")
def partners():
    return render_template("pages/stub.html", title="nav.partners")
