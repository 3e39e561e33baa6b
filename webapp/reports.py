"""The board report (/report): thin views over kg.report.

/report is the whole collaboration's report with a link to each focus area's, /report/<slug> a focus area's; both
print well (webapp/static/css/report.css). /report/links.csv and /report/matrix.csv export the links and the
initiatives × goals matrix (?focus-area=<slug> for one focus area): UTF-8 with BOM, ';'-separated (kg.report.exports).
A report is computed once per store state, scope and language (kg.statecache.state_key changes with every build and
every curation change), and so is its rendered body; the time it was made is when it was first computed for
that state.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from markupsafe import Markup

from kg.linkeddata import path_for_iri
from kg.report import Report, UnknownFocusArea, report
from kg.report.document import context, now
from kg.report.exports import links_csv, matrix_csv
from kg.statecache import per_state, state_key
from webapp.contexts import Context, Page
from webapp.i18n import current
from webapp.services import graph

bp = Blueprint("reports", __name__, url_prefix="/report")


def model(slug: str | None, build: Callable[..., Report] = report) -> Report:
    """The report of the focus area `slug` (None: the whole collaboration) by `build` (kg.report.report); 404 when
    no focus area has that slug."""
    services = graph()
    lang = current()
    try:
        state = state_key(services.store_path)
        return per_state(state, ("report", slug, lang), lambda: build(services.store, lang, slug, state))
    except UnknownFocusArea:
        abort(404)


def _local(iri: str) -> str:
    return path_for_iri(iri, current_app.config["BASE_IRI"])


def _absolute(iri: str) -> str:
    path = _local(iri)
    return request.host_url.rstrip("/") + path if path.startswith("/") else path


def page_context(found: Report) -> Context:
    """The report and when it was made (public), with the helpers of kg.report.document.context for the template."""
    args = {"focus-area": found.area.slug} if found.area else {}
    own = url_for("reports.area", slug=found.area.slug) if found.area else url_for("reports.index")
    web = {
        "self": request.host_url.rstrip("/") + own + ("?lang=en" if found.lang == "en" else ""),
        "links_csv": url_for("reports.links", **args),
        "matrix_csv": url_for("reports.matrix", **args),
    }
    state, key = state_key(graph().store_path), (found.area.slug if found.area else None, found.lang)
    made = per_state(state, ("report-made", *key), now)  # when this report of this data state was made
    values = context(found, made, _local, _absolute, web)
    public = {name: values[name] for name in ("report", "made", "web")}
    helpers = {k: v for k, v in values.items() if k not in public}
    # the body lists every link (36k rows at national scale, seconds to render): rendered once per data state
    body = per_state(
        state,
        ("report-body", *key, request.host_url),
        lambda: Markup(render_template("pages/report-body.html", **values)),
    )
    return Context(public, {**helpers, "body": body})


def index(page: Page) -> Context:
    return page_context(model(None, page.build))


def area(page: Page, slug: str) -> Context:
    return page_context(model(slug, page.build))


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
