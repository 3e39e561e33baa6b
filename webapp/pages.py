"""The home page and the pages of the Agenda 2030 framework: goals, targets, indicators.

Thin views: each builds its page's context (webapp.contexts.Context) with the kg function that webapp.routes names
for it (kg.pages.home, kg.pages.goals), which webapp.contexts serves as HTML, JSON and RDF. The words for counts
and dates are webapp.formatting's.
"""

from __future__ import annotations

from flask import current_app

from kg.curation.history import history
from kg.linkeddata import path_for_iri
from kg.namespaces import GRAPHS, ID
from kg.statecache import per_state, state_key
from webapp import i18n
from webapp.contexts import Context, Page
from webapp.curate import tools as edit_tools
from webapp.curate.history import history_for, public_history
from webapp.formatting import HELPERS
from webapp.services import graph


def local(iri: str | None) -> str | None:
    return path_for_iri(iri, current_app.config["BASE_IRI"]) if iri else None


#: the collaboration the home page shows when the graph holds several (config HOME_COLLABORATION overrides it)
HOME_COLLABORATION = ID + "organisation/samhallskontraktet"


def home(page: Page) -> Context:
    wanted, lang, services = current_app.config.get("HOME_COLLABORATION") or HOME_COLLABORATION, i18n.current(), graph()
    found = per_state(
        state_key(services.store_path),
        ("home", lang, wanted),  # kept per state of the data
        lambda: page.build(services.store, wanted, lang),
    )
    collaboration = found["collaboration"]
    sources = [{"path": local(s["iri"]), "label": s["label"]} for s in (collaboration or {}).get("sources", [])]
    path = local(collaboration["iri"]) if collaboration else None
    return Context({"page": found, "sources": sources, "path": path, "own": HOME_COLLABORATION}, HELPERS)


def goals(page: Page) -> Context:
    services, lang = graph(), i18n.current()
    found = per_state(  # the counts of every goal and target: an aggregate over every link, kept per data state
        state_key(services.store_path), ("goals", lang), lambda: page.build(services.store, None, lang)
    )
    return Context({"page": found, "path": local(GRAPHS["sdg"])}, HELPERS)


def goal(page: Page, iri: str) -> Context | None:
    found = page.build(graph().store, iri, i18n.current())
    return None if found is None else Context({"page": found, "path": local(iri)}, HELPERS, iri=iri)


def target(page: Page, iri: str) -> Context | None:
    found = page.build(graph().store, iri, i18n.current())
    if found is None:
        return None
    changes = history(graph().store, iri, i18n.current())
    return Context(
        {"page": found, "path": local(iri), "history": public_history(changes)},
        {**HELPERS, "edit": edit_tools.target_tools(iri), "history": history_for(iri, changes)},
        iri=iri,
    )


def indicator(page: Page, iri: str) -> Context | None:
    found = page.build(graph().store, iri, i18n.current())
    return None if found is None else Context({"page": found, "path": local(iri)}, HELPERS, iri=iri)
