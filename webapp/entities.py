"""Pages of initiatives, partners, focus areas, perspectives, functions, themes, challenges and events, and the
generic page of any other resource; the small pieces of markup their templates use many times a page.

Thin: each view builds its page's context (webapp.contexts.Context) with the kg function that webapp.routes names
for it (kg.pages.initiatives, kg.pages.partners, kg.pages.entities, kg.resource)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, request, url_for
from markupsafe import Markup, escape

from kg.curation.history import history
from kg.linkeddata import path_for_iri
from kg.pages.initiatives import SCOPES, resolve_scope
from kg.pages.paging import PageOutOfRange
from kg.statecache import per_state, state_key
from webapp.contexts import Context, Page
from webapp.curate import tools as edit_tools
from webapp.curate.history import history_for, public_history
from webapp.i18n import current, t
from webapp.paths import site_path
from webapp.services import graph

bp = Blueprint("entities", __name__)


def _path(iri: str) -> str:
    return path_for_iri(iri, current_app.config["BASE_IRI"]) or iri


def _sources(refs) -> list[dict[str, str]]:
    return [{"path": _path(ref.iri), "label": ref.label.text} for ref in refs]


# ---------------------------------------------------------------- small pieces of markup used many times a page
# (Python rather than Jinja macros: a list page shows hundreds of them)


@bp.app_template_global("entity_txt")
def entity_txt(text) -> Markup:
    """A kg.pages.entities.Text, marked with its language when it is not the page's."""
    if text is None:
        return Markup("")
    if text.lang and text.lang != current():
        return Markup(f'<span lang="{escape(text.lang)}">{escape(text.text)}</span>')
    return escape(text.text)


@bp.app_template_global("entity_href")
def entity_href(iri: str) -> str:
    return _path(iri)


@bp.app_template_global("entity_proposal")
def entity_proposal() -> Markup:
    return Markup(
        f'<span class="proposal" title="{escape(t("entities.proposal.title"))}">{escape(t("entities.proposal"))}</span>'
    )


@bp.app_template_global("entity_ref")
def entity_ref(ref) -> Markup:
    """A link to a resource, with its abbreviation and, for a proposed statement, the proposal mark."""
    short = ref.extra.get("short")
    html = f'<a href="{escape(_path(ref.iri))}">{entity_txt(ref.label)}{f" ({escape(short)})" if short else ""}</a>'
    return Markup(f"{html} {entity_proposal()}" if ref.proposed else html)


@bp.app_template_global("entity_status")
def entity_status(text, key: str) -> Markup:
    """An initiative's status in words; "not stated in the source" when the source states none."""
    if text is None:
        return Markup(f'<span class="status status-none">{escape(t("entities.status.none"))}</span>')
    return Markup(f'<span class="status status-{escape(key)}">{entity_txt(text)}</span>')


@bp.app_template_global("entity_goal")
def entity_goal(goal, show_status: bool = True) -> Markup:
    """A goal badge in the goal's colour, always with its number and title in words (and the status of the links
    behind it: colour is never the only carrier of the information)."""
    html = (
        f'<a class="goal-badge" href="{escape(_path(goal.iri))}" style="background-color: {escape(goal.colour)}; '
        f'color: {escape(goal.text_colour)}"><span class="goal-number">{escape(t("entities.goal"))} '
        f'{escape(goal.code)}</span> <span class="goal-title">{entity_txt(goal.label)}</span></a>'
    )
    if show_status and goal.statuses:
        words = ", ".join(t("entities.link." + status) for status in goal.statuses)
        html += f' <span class="link-status">({escape(words)})</span>'
    return Markup(html)


@bp.app_template_global("entity_initiative_card")
def entity_initiative_card(summary, proposed: bool = False, note: str | Markup | None = None) -> Markup:
    """An initiative in short, as a list item: name, kind, status, focus area and the goals of its links."""
    mark = f" {entity_proposal()}" if proposed else ""
    kind = entity_txt(summary.kind) if summary.kind else None
    meta = " · ".join(
        part for part in (kind, entity_status(summary.status, summary.status_key), escape(note or "")) if part
    )
    parts = [
        '<li class="card">',
        f'<h3><a href="{escape(_path(summary.iri))}">{entity_txt(summary.label)}</a>{mark}</h3>',
        f'<p class="meta">{meta}</p>',
    ]
    if summary.focus_areas:
        areas = ", ".join(entity_ref(ref) for ref in summary.focus_areas)
        parts.append(f'<p class="focus">{escape(t("entities.focus_area"))}: {areas}</p>')
    if summary.goals:
        goals = "".join(f"<li>{entity_goal(goal)}</li>" for goal in summary.goals)
        parts.append(
            f'<div class="goals"><span class="label">{escape(t("entities.goals"))}:</span> '
            f'<ul class="goal-list">{goals}</ul></div>'
        )
    else:
        parts.append(f'<p class="goals none">{escape(t("entities.goals.none"))}</p>')
    parts.append("</li>")
    return Markup("\n".join(parts))


# ---------------------------------------------------------------- pages


def page_number() -> int:
    """`?page=` as an int: 1 when absent; a page that is not a whole number from 1 is refused (400)."""
    value = request.args.get("page", "")
    if not value:
        return 1
    if not (value.isascii() and value.isdecimal()) or len(value) > 9 or int(value) < 1:
        abort(400, description=t("entities.pager.invalid"))
    return int(value)


@bp.app_template_global("pager")
def pager(paging, endpoint: str, args: dict[str, str] | None = None, anchor: str | None = None) -> Markup:
    """Numbered links to the pages of a list (nothing when it has one page): previous, the first, the last and
    the pages around this one, next. The current page is marked with aria-current."""
    if paging is None or paging.pages <= 1:
        return Markup("")

    def href(n: int) -> str:
        url = url_for(endpoint, **(args or {}), **({"page": n} if n > 1 else {}))
        return site_path(f"{url}#{anchor}" if anchor else url)

    status = escape(t("entities.pager.status", page=paging.page, pages=paging.pages))
    items = []
    if paging.page > 1:
        items.append(
            f'<li class="previous"><a href="{escape(href(paging.page - 1))}" rel="prev">'
            f"{escape(t('entities.pager.previous'))}</a></li>"
        )
    for n in paging.numbers():
        if n is None:
            items.append('<li class="gap" aria-hidden="true">…</li>')
        elif n == paging.page:
            items.append(
                f'<li><a href="{escape(href(n))}" aria-current="page" '
                f'aria-label="{escape(t("entities.pager.page", n=n))}">{n}</a></li>'
            )
        else:
            items.append(
                f'<li><a href="{escape(href(n))}" aria-label="{escape(t("entities.pager.page", n=n))}">{n}</a></li>'
            )
    if paging.page < paging.pages:
        items.append(
            f'<li class="next"><a href="{escape(href(paging.page + 1))}" rel="next">'
            f"{escape(t('entities.pager.next'))}</a></li>"
        )
    return Markup(
        f'<nav class="pager" aria-label="{escape(t("entities.pager"))}">'
        f'<p class="pager-status">{status}</p><ul>{"".join(items)}</ul></nav>'
    )


def initiatives(page: Page) -> Context:
    store = graph().store
    number = page_number()
    scope = None
    for param in SCOPES:
        if request.args.get(param):
            scope = resolve_scope(store, current(), param, request.args.get(param))
            break
    lang, kind, status = current(), request.args.get("kind") or None, request.args.get("status") or None
    state = state_key(graph().store_path)  # the page, its counts and the list's order are kept per state of the data
    try:
        model = per_state(
            state,
            ("initiatives", lang, kind, status, scope.iri if scope else None, number),
            lambda: page.build(store, lang, kind, status, page=number, scope=scope, state=state),
        )
    except PageOutOfRange:
        abort(404)
    return Context({"page": model})


def partners(page: Page) -> Context:
    services, number, lang = graph(), page_number(), current()
    try:
        state = state_key(services.store_path)
        model = per_state(
            state, ("partners", lang, number), lambda: page.build(services.store, lang, number, state=state)
        )
    except PageOutOfRange:
        abort(404)
    return Context({"page": model})


def initiative(page: Page, iri: str) -> Context | None:
    model = page.build(graph().store, iri, current())
    if model is None:
        return None
    changes = history(graph().store, iri, current())
    return Context(
        {"page": model, "path": _path(iri), "sources": _sources(model.sources), "history": public_history(changes)},
        {"edit": edit_tools.initiative_tools(iri), "history": history_for(iri, changes)},
        iri=iri,
    )


def organisation(page: Page, iri: str) -> Context | None:
    model = page.build(graph().store, iri, current())
    if model is None:
        return None
    return Context({"page": model, "path": _path(iri), "sources": _sources(model.sources)}, iri=iri)


def concept(page: Page, iri: str) -> Context | None:
    """A focus area, perspective, function, theme or challenge: one view and template, the kind from the table."""
    model = page.build(graph().store, iri, current(), page.kind)
    if model is None:
        return None
    return Context({"page": model, "path": _path(iri), "sources": _sources(model.sources)}, iri=iri)


def event(page: Page, iri: str) -> Context | None:
    model = page.build(graph().store, iri, current())
    if model is None:
        return None
    return Context({"page": model, "path": _path(iri), "sources": _sources(model.sources)}, iri=iri)


def resource(page: Page, iri: str) -> Context | None:
    """Any other resource the graph knows: its statements and the statements that point at it."""
    view = page.build(graph().store, iri, current())
    if view is None:
        return None
    base = current_app.config["BASE_IRI"]
    alternates = {s: _path(iri) + s for s in (".ttl", ".jsonld", ".nt")}
    return Context({"view": view}, {"local": lambda i: path_for_iri(i, base), "alternates": alternates}, iri=iri)
