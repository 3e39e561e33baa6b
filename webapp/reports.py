"""The board report (/report): thin views over kg.report. Placeholder."""

from __future__ import annotations

from flask import Blueprint, abort

bp = Blueprint("reports", __name__, url_prefix="/report")


@bp.get("/")
def index():
    abort(404)
