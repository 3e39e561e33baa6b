"""The home page and the pages of the Agenda 2030 framework: goals, targets, indicators.

Thin views: the page models come from kg.pages.goals; this module only picks the language, renders, and turns
counts into words.
"""

from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint, current_app, render_template

from kg.linkeddata import path_for_iri
from kg.namespaces import GRAPHS, ID
from kg.pages import goals as model
from kg.pages import home as home_model
from kg.pages.statecache import per_state
from kg.store import state_key
from webapp import i18n
from webapp.curate import tools as edit_tools
from webapp.curate.history import history_for
from webapp.i18n import t
from webapp.resource_pages import page_for
from webapp.services import graph
from webapp.texts import TEXTS

bp = Blueprint("pages", __name__)


def local(iri: str | None) -> str | None:
    return path_for_iri(iri, current_app.config["BASE_IRI"]) if iri else None


def count_text(initiatives: int, confirmed: int) -> str:
    """How many initiatives serve a goal or target, saying whether the links are proposals or confirmed."""
    proposed = initiatives - confirmed
    if initiatives == 0:
        return t("goals.count.none")
    if confirmed == 0:
        return t("goals.count.proposed." + ("one" if proposed == 1 else "many"), n=proposed)
    if proposed == 0:
        return t("goals.count.confirmed." + ("one" if confirmed == 1 else "many"), n=confirmed)
    return t("goals.count.mixed", n=initiatives, confirmed=confirmed, proposed=proposed)


def selected_text(selected: int) -> str:
    if selected == 0:
        return t("goals.selected.count.none")
    return t("goals.selected.count." + ("one" if selected == 1 else "many"), n=selected)


def term(kind: str, code: str | None) -> str:
    """The word for a code of the graph (a link status, a relevance), or the code itself when there is none."""
    if not code:
        return ""
    key = f"goals.{kind}.{code}"
    return t(key) if key in TEXTS else code


def when(value: datetime | date | str | None) -> str:
    """A date, or a date and time with its offset, as ISO text: 2024-02-27, 2026-11-22 12:00 UTC."""
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.utcoffset()
        if offset is None:
            return text
        if not offset:
            return text + " UTC"
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"{text} UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    if isinstance(value, date):
        return value.isoformat()
    return value or ""


def render(template: str, **context) -> str:
    helpers = {"count_text": count_text, "selected_text": selected_text, "when": when, "term": term}
    return render_template(template, **helpers, **context)


#: the collaboration the home page shows when the graph holds several (config HOME_COLLABORATION overrides it)
HOME_COLLABORATION = ID + "organisation/samhallskontraktet"


@bp.route("/")
def home():
    wanted, lang, services = current_app.config.get("HOME_COLLABORATION") or HOME_COLLABORATION, i18n.current(), graph()
    page = per_state(
        state_key(services.store_path),
        ("home", lang, wanted),  # kept per state of the data
        lambda: home_model.home(services.store, wanted, lang),
    )
    collaboration = page["collaboration"]
    sources = [{"path": local(s["iri"]), "label": s["label"]} for s in (collaboration or {}).get("sources", [])]
    path = local(collaboration["iri"]) if collaboration else None
    return render("pages/home.html", page=page, sources=sources, path=path, own=HOME_COLLABORATION)


@bp.route("/goals")
def goals():
    page = model.goals_overview(graph().store, None, i18n.current())
    return render("pages/goals.html", page=page, path=local(GRAPHS["sdg"]))


@page_for("goal")
def goal_page(iri: str) -> str | None:
    page = model.goal_page(graph().store, iri, i18n.current())
    return None if page is None else render("pages/goal.html", page=page, path=local(iri))


@page_for("target")
def target_page(iri: str) -> str | None:
    page = model.target_page(graph().store, iri, i18n.current())
    if page is None:
        return None
    return render(
        "pages/target.html", page=page, path=local(iri), edit=edit_tools.target_tools(iri), history=history_for(iri)
    )


@page_for("indicator")
def indicator_page(iri: str) -> str | None:
    page = model.indicator_page(graph().store, iri, i18n.current())
    return None if page is None else render("pages/indicator.html", page=page, path=local(iri))
