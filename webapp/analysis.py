"""The network analysis pages (/analysis): thin views over kg.analysis. Placeholder."""

from __future__ import annotations

from flask import Blueprint, abort

bp = Blueprint("analysis", __name__, url_prefix="/analysis")


@bp.get("/")
def index():
    abort(404)
