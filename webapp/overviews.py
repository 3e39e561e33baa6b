"""Overviews: initiatives × goals, partners × goals, gaps and budget.

The page models come from kg.pages.overviews; the two matrices are paged by rows (`?page=N`, see
kg.pages.paging: 400 for a page that is not a whole number from 1, 404 past the last page). They depend only on
the store, which does not change while the app runs, so each (and each page) is kept per store state
(kg.statecache.state_key: the store's path, inode and modification time; a rebuild swaps in a new folder) and
language: the first request computes it, later ones reuse it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, url_for

from kg.pages.paging import PageOutOfRange
from kg.statecache import per_state, state_key
from webapp.contexts import Context, Page
from webapp.entities import page_number
from webapp.i18n import current, t
from webapp.services import graph

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
    state = state_key(services.store_path)

    def compute() -> Any:
        return build(services.store, lang) if page is None else build(services.store, lang, page, state=state)

    try:
        return per_state(state, ("overview", build.__name__, lang, page), compute)
    except PageOutOfRange:
        abort(404)


def index(page: Page) -> Context:
    listed = [{"path": url_for(endpoint), "title": t(title), "about": t(about)} for endpoint, title, about in PAGES]
    return Context({"overviews": listed}, {"pages": PAGES})


def initiatives_goals(page: Page) -> Context:
    return Context({"matrix": model(page.build, page_number())})


def partners_goals(page: Page) -> Context:
    return Context({"matrix": model(page.build, page_number())})


def gaps(page: Page) -> Context:
    """Gaps; the initiatives without a confirmed target are paged (the figures of every page are kept per state)."""
    services, lang, number = graph(), current(), page_number()
    state = state_key(services.store_path)
    try:
        found = per_state(state, ("gaps", lang, number), lambda: page.build(services.store, lang, number, state=state))
    except PageOutOfRange:
        abort(404)
    return Context({"gaps": found})


def budget(page: Page) -> Context:
    return Context({"budget": model(page.build)})
