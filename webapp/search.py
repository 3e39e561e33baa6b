"""Search over labels and texts in both languages.

The query never reaches SPARQL: kg.search reads the searchable texts once per store (kept per store path
and modification, see kg.statecache.state_key) and searches them in Python.
"""

from __future__ import annotations

from html import escape

from flask import Blueprint, request
from markupsafe import Markup

from kg.search import MAX_QUERY
from kg.statecache import state_key
from webapp.contexts import Context, Page
from webapp.i18n import current
from webapp.services import graph

bp = Blueprint("search", __name__)

#: example searches offered on the empty page and when nothing is found
EXAMPLES = ["ensamhet", "äldre", "loneliness", "välfärdsteknik", "3.4"]


@bp.app_template_filter("marked")
def marked(segments: list[tuple[str, bool]]) -> Markup:
    """Text segments from kg.search as HTML: every piece escaped, the hits in <mark>."""
    return Markup("".join(f"<mark>{escape(text)}</mark>" if hit else escape(text) for text, hit in segments))


def search(page: Page) -> Context:
    """The results for `?q=` (kg.search.search; None without a query), with example searches."""
    query = request.args.get("q", "")
    results = None
    if query.strip():
        services = graph()
        results = page.build(services.store, query, current(), state_key(services.store_path))
    return Context({"query": " ".join(query.split()), "results": results, "examples": EXAMPLES, "max_query": MAX_QUERY})
