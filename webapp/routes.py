"""Every page of the viewer: one row per kind of page, with its URL rule, its view, the kg function that builds its
model, named by the module that defines it (which owns its queries: kg/queries/<module path>/, or names in its
docstring the readings it uses) and its template (tests/test_page_contexts.py keeps the names true).

A view builds one context (webapp.contexts.Context) with that kg function, and webapp.contexts.respond serves it
as HTML, as JSON and as RDF:

* a page with a rule is there (`/initiatives`), its JSON at the rule with `.json` (`/initiatives.json`, `/` gives
  `/index.json`, `/overviews/` `/overviews.json`) and its RDF with `.ttl`, `.jsonld`, `.nt`, `.rdf`; or by `Accept`
  at the rule itself; the query (`?page=2&kind=…`) asks the same of every form;
* a resource's page (rule None) is at the path of its IRI (`/id/…`, `/sdg/…`, and `/ontology`, `/graph/…`), its
  forms after a suffix (`/sdg/3.json`, `/sdg/3.ttl`) or by `Accept`; which row serves it is the kind of page its class
  has in the ontology (`skk:pageKind`, kg.pages.kind_of); a resource of no kind, or whose own page does not know it,
  gets the generic page (`resource`).

Nothing registers itself: `init_app` adds these rules to the app, and the editing (webapp.curate), login
(webapp.auth), SPARQL (webapp.sparql), downloads and VoID (webapp.linked), the network's data
(`/network/data.json`) and the report's CSV files (webapp.reports) keep their own blueprints.
"""

# ruff: noqa: E501  (the table's rows stay one line each, to be read as a table)
from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, abort, current_app, g, request

import kg.analysis.model
import kg.network.views
import kg.pages.entities.concepts
import kg.pages.entities.events
import kg.pages.goals
import kg.pages.home
import kg.pages.initiatives
import kg.pages.overviews.budget_tables
import kg.pages.overviews.gap_lists
import kg.pages.overviews.matrices
import kg.pages.partners
import kg.report.compute
import kg.resource
import kg.search
from kg.linkeddata import NotAnIri, iri_for_path
from kg.pages import kind_of
from webapp import analysis, entities, network, overviews, pages, reports, search
from webapp.contexts import HTML, SUFFIXES, Context, Page, respond, wanted
from webapp.services import graph

IRI = None  # the rule of a resource's page: it is at the path of the resource's IRI

# fmt: off
ROUTES: tuple[Page, ...] = (
    #    kind                 URL rule (IRI: at its path)     view (webapp)                builds the model (kg)                 template (webapp/templates)
    Page("home",              "/",                            pages.home,                  kg.pages.home.home,                   "pages/home.html"),
    Page("goals",             "/goals",                       pages.goals,                 kg.pages.goals.goals_overview,        "pages/goals.html"),
    Page("goal",              IRI,                            pages.goal,                  kg.pages.goals.goal_page,             "pages/goal.html"),
    Page("target",            IRI,                            pages.target,                kg.pages.goals.target_page,           "pages/target.html"),
    Page("indicator",         IRI,                            pages.indicator,             kg.pages.goals.indicator_page,        "pages/indicator.html"),
    Page("initiatives",       "/initiatives",                 entities.initiatives,        kg.pages.initiatives.initiative_list, "pages/entity-initiatives.html"),
    Page("initiative",        IRI,                            entities.initiative,         kg.pages.initiatives.initiative_page, "pages/entity-initiative.html"),
    Page("partners",          "/partners",                    entities.partners,           kg.pages.partners.partner_list,       "pages/entity-partners.html"),
    Page("organisation",      IRI,                            entities.organisation,       kg.pages.partners.organisation_page,  "pages/entity-organisation.html"),
    Page("focus-area",        IRI,                            entities.concept,            kg.pages.entities.concepts.concept_page, "pages/entity-concept.html"),
    Page("perspective",       IRI,                            entities.concept,            kg.pages.entities.concepts.concept_page, "pages/entity-concept.html"),
    Page("function",          IRI,                            entities.concept,            kg.pages.entities.concepts.concept_page, "pages/entity-concept.html"),
    Page("theme",             IRI,                            entities.concept,            kg.pages.entities.concepts.concept_page, "pages/entity-concept.html"),
    Page("challenge",         IRI,                            entities.concept,            kg.pages.entities.concepts.concept_page, "pages/entity-concept.html"),
    Page("event",             IRI,                            entities.event,              kg.pages.entities.events.event_page, "pages/entity-event.html"),
    Page("resource",          IRI,                            entities.resource,           kg.resource.resource_view,            "resource.html"),
    Page("overviews",         "/overviews/",                  overviews.index,             None,                                 "pages/overview-index.html"),
    Page("initiatives-goals", "/overviews/initiatives-goals", overviews.initiatives_goals, kg.pages.overviews.matrices.initiatives_goals, "pages/overview-initiatives-goals.html"),
    Page("partners-goals",    "/overviews/partners-goals",    overviews.partners_goals,    kg.pages.overviews.matrices.partners_goals, "pages/overview-partners-goals.html"),
    Page("gaps",              "/overviews/gaps",              overviews.gaps,              kg.pages.overviews.gap_lists.gaps, "pages/overview-gaps.html"),
    Page("budget",            "/overviews/budget",            overviews.budget,            kg.pages.overviews.budget_tables.budget, "pages/overview-budget.html"),
    Page("search",            "/search",                      search.search,               kg.search.search,                     "pages/search.html"),
    Page("network",           "/network",                     network.graph_page,          kg.network.views.select_view, "pages/network.html"),
    Page("analysis",          "/analysis/",                   analysis.index,              kg.analysis.model.analysis_for, "pages/analysis.html"),
    Page("analysis-partners", "/analysis/partners",           analysis.partners,           kg.analysis.model.analysis_for, "pages/analysis-partners.html"),
    Page("analysis-goals",    "/analysis/goals",              analysis.goals,              kg.analysis.model.analysis_for, "pages/analysis-goals.html"),
    Page("report",            "/report/",                     reports.index,               kg.report.compute.report, "pages/report.html"),
    Page("report-focus-area", "/report/<slug>",               reports.area,                kg.report.compute.report, "pages/report.html"),
)
# fmt: on

#: the rows of the pages of resources, by kind of page
RESOURCE_PAGES: dict[str, Page] = {page.kind: page for page in ROUTES if page.rule is None}
GENERIC = RESOURCE_PAGES["resource"]
#: what `/ontology.ttl`, `/id/….html` and the like ask for
IRI_SUFFIXES = {f".{suffix}": media_type for suffix, media_type in SUFFIXES.items()} | {".html": HTML}
#: the suffixes of a page with a rule, as a part of a URL rule
FORMS = "<any(" + ",".join(f"'{suffix}'" for suffix in SUFFIXES) + "):form>"


def rule_view(page: Page) -> Callable[..., Response]:
    """The Flask view of a page with a rule: its context in the form the suffix (`form`) or `Accept` asks for."""

    def view(form: str | None = None, **args: str) -> Response:
        path = request.path.removesuffix("." + form) if form else request.path
        path = "/" if path == "/index" else path
        response = respond(lambda: (page, page.view(page, **args)), wanted(form), path)
        return with_headers(response, form)

    view.__name__ = page.view.__name__
    return view


def resource_page(path: str) -> Response:
    """The page of the resource at `path` (`id/…`, `sdg/…`, `graph/…`, `ontology`, with a suffix or not) in the form
    asked for: the row of its kind of page, else (and when that page does not know it) the generic one."""
    form = next((suffix for suffix in IRI_SUFFIXES if path.endswith(suffix)), None)
    path = path.removesuffix(form) if form else path
    media_type = g.page_form = IRI_SUFFIXES[form] if form else wanted()  # an error answers in the same form
    try:
        iri = iri_for_path(path, current_app.config["BASE_IRI"])
    except NotAnIri:
        abort(404)  # the path stands for no IRI, so for nothing the graph could hold

    def build() -> tuple[Page, Context | None]:
        page = RESOURCE_PAGES.get(kind_of(graph().store, iri) or "", GENERIC)
        found = page.view(page, iri)
        if found is None and page is not GENERIC:
            page, found = GENERIC, GENERIC.view(GENERIC, iri)
        return page, found

    return with_headers(respond(build, media_type, "/" + path, iri), form, linked_data=True)


def with_headers(response: Response, form: str | None, linked_data: bool = False) -> Response:
    """`Vary: Accept` on what was negotiated; JSON and RDF (and every form of a resource, linked data) may be read
    from any site: public data, no cookies."""
    if not form:
        response.vary.add("Accept")
    if linked_data or response.mimetype != HTML:
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def init_app(app: Flask) -> None:
    """Add the rules of the table: each page with a rule there and at its suffixes; the pages of resources at the
    paths of their IRIs."""
    for page in ROUTES:
        if page.rule is None:
            continue
        view = rule_view(page)
        # /report and /report/ are the same page (as a printed address may have it either way)
        app.add_url_rule(page.rule, page.endpoint, view, strict_slashes=page.rule != "/report/")
        stem = "/index" if page.rule == "/" else page.rule.rstrip("/")
        app.add_url_rule(f"{stem}.{FORMS}", page.endpoint, view)
    app.add_url_rule("/id/<path:path>", "linked.resource", lambda path: resource_page(f"id/{path}"))
    app.add_url_rule("/sdg/<path:path>", "linked.sdg", lambda path: resource_page(f"sdg/{path}"))
    app.add_url_rule("/graph/<path:path>", "linked.named_graph", lambda path: resource_page(f"graph/{path}"))
    app.add_url_rule("/ontology", "linked.ontology", ontology)
    app.add_url_rule("/ontology<any(" + ",".join(f"'{s}'" for s in IRI_SUFFIXES) + "):suffix>", "linked.ontology")


def ontology(suffix: str = "") -> Response:
    return resource_page("ontology" + suffix)
