"""Overviews: initiatives × goals, partners × goals, gaps and budget.

The page models come from kg.pages.overviews; the two matrices are paged by rows (`?page=N`, see
kg.pages.paging: 400 for a page that is not a whole number from 1, 404 past the last page). They depend only on
the store, which does not change while the app runs, so each (and each page) is kept per store state
(kg.search.store_key: the store's path, inode and modification time; a rebuild swaps in a new folder) and
language: the first request computes it, later ones reuse it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, render_template

from kg.pages import overviews as models
from kg.pages.paging import PageOutOfRange
from kg.pages.statecache import per_state
from kg.search import store_key
from webapp.entities import page_number
from webapp.i18n import current
from webapp.services import graph

bp = Blueprint("overviews", __name__, url_prefix="/overviews")

_CACHE: dict[tuple, Any] = {}
_LOCK = threading.Lock()

#: the overviews in the order the index lists them: (endpoint, title key, explanation key)
PAGES = [
    ("overviews.initiatives_goals", "overviews.initiatives_goals", "overviews.initiatives_goals.about"),
    ("overviews.partners_goals", "overviews.partners_goals", "overviews.partners_goals.about"),
    ("overviews.gaps", "overviews.gaps", "overviews.gaps.about"),
    ("overviews.budget", "overviews.budget", "overviews.budget.about"),
]


def model(build: Callable[..., Any], page: int | None = None) -> Any:
    """The page model of `build` for the current store and language (and page of a paged matrix), computed once
    per store state; 404 for a page past the last one."""
    services = graph()
    lang = current()
    key = (store_key(services.store_path), build.__name__, lang, page)
    with _LOCK:
        found = _CACHE.get(key)
    if found is None:
        try:
            found = build(services.store, lang) if page is None else build(services.store, lang, page, state=key[0])
        except PageOutOfRange:
            abort(404)
        with _LOCK:
            if len(_CACHE) > 64:
                _CACHE.clear()
            _CACHE[key] = found
    return found


@bp.route("/")
def index():
    return render_template("pages/overview-index.html", pages=PAGES)


@bp.route("/initiatives-goals")
def initiatives_goals():
    return render_template(
        "pages/overview-initiatives-goals.html", matrix=model(models.initiatives_goals, page_number())
    )


@bp.route("/partners-goals")
def partners_goals():
    return render_template("pages/overview-partners-goals.html", matrix=model(models.partners_goals, page_number()))


@bp.route("/gaps")
def gaps():
    """Gaps; the initiatives without a confirmed target are paged (the figures of every page are kept per state)."""
    services, lang, number = graph(), current(), page_number()
    state = store_key(services.store_path)
    try:
        found = per_state(state, ("gaps", lang, number), lambda: models.gaps(services.store, lang, number, state=state))
    except PageOutOfRange:
        abort(404)
    return render_template("pages/overview-gaps.html", gaps=found)


@bp.route("/budget")
def budget():
    return render_template("pages/overview-budget.html", budget=model(models.budget))
