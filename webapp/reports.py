"""The board report (/report): thin views over kg.report.

/report is the whole collaboration's report with a link to each focus area's, /report/<slug> a focus area's; both
print well (webapp/static/css/report.css). /report/links.csv and /report/matrix.csv export the links and the
initiatives × goals matrix (?focus-area=<slug> for one focus area): UTF-8 with BOM, ';'-separated (kg.report.exports).
A report is computed once per store state, scope and language (kg.store.state_key changes with every build and
every curation change); the time it was made is the time of the request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from kg.linkeddata import path_for_iri
from kg.report import Report, UnknownFocusArea, report
from kg.report.document import context, now
from kg.report.exports import links_csv, matrix_csv
from kg.store import state_key
from webapp.i18n import current
from webapp.services import graph

bp = Blueprint("reports", __name__, url_prefix="/report")

_CACHE: dict[tuple, Report] = {}
_LOCK = threading.Lock()


def model(slug: str | None) -> Report:
    """The report of the focus area `slug` (None: the whole collaboration); 404 when no focus area has that slug."""
    services = graph()
    lang = current()
    key = (state_key(services.store_path), slug, lang)
    with _LOCK:
        found = _CACHE.get(key)
    if found is None:
        try:
            found = report(services.store, lang, slug)
        except UnknownFocusArea:
            abort(404)
        with _LOCK:
            if len(_CACHE) > 32:
                _CACHE.clear()
            _CACHE[key] = found
    return found


def _local(iri: str) -> str:
    return path_for_iri(iri, current_app.config["BASE_IRI"])


def _absolute(iri: str) -> str:
    path = _local(iri)
    return request.host_url.rstrip("/") + path if path.startswith("/") else path


def page(found: Report) -> str:
    args = {"focus-area": found.area.slug} if found.area else {}
    own = url_for("reports.area", slug=found.area.slug) if found.area else url_for("reports.index")
    web = {
        "self": request.host_url.rstrip("/") + own + ("?lang=en" if found.lang == "en" else ""),
        "links_csv": url_for("reports.links", **args),
        "matrix_csv": url_for("reports.matrix", **args),
    }
    return render_template("pages/report.html", **context(found, now(), _local, _absolute, web))


@bp.get("/", strict_slashes=False)
def index():
    return page(model(None))


@bp.get("/<slug>")
def area(slug: str):
    return page(model(slug))


def csv_response(build: Callable[[Report], str], name: str) -> Response:
    found = model(request.args.get("focus-area") or None)  # 404 for an unknown focus area
    filename = f"{name}-{found.area.slug if found.area else 'samverkan'}-{found.lang}.csv"
    return Response(
        build(found).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/links.csv")
def links():
    return csv_response(links_csv, "kopplingar" if current() == "sv" else "links")


@bp.get("/matrix.csv")
def matrix():
    return csv_response(lambda found: matrix_csv(graph().store, found), "matris" if current() == "sv" else "matrix")
