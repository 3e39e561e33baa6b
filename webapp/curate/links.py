"""Links between initiatives and targets: confirm or reject one, change its relevance and rationale, remove it,
and add a new one (the target found by code or by words, kg.curation.find)."""

from __future__ import annotations

from flask import abort, current_app, render_template, request

from kg.curation import CurationError
from kg.curation.find import MAX_CANDIDATES, find_targets, target_code
from kg.curation.linkforms import initiatives, link_form
from kg.linkeddata import path_for_iri
from kg.statecache import state_key
from webapp.auth import login_required
from webapp.curate.common import apply, back, bp, curation, field, message, version, who
from webapp.i18n import current, t
from webapp.services import EditingUnavailable, graph

DECISIONS = ("confirmed", "rejected")
#: how much of what was typed as the target a message repeats
SHOWN = 100


def page_path(iri: str) -> str:
    return path_for_iri(iri, current_app.config["BASE_IRI"])


# ---------------------------------------------------------------- one link


def link_page(link: str, error: str | None = None, status: int = 200, typed: dict | None = None):
    """The page of one link with its three forms; `typed` (with `form`: status, edit or remove) refills the form
    the member sent when their change was refused."""
    try:
        state = curation().state(link)
    except CurationError:
        state = None  # not an IRI
    except EditingUnavailable as err:
        error, status, state = message(err), 503, None
    form = link_form(state, graph().store, current()) if state is not None else None
    if (form is None or not form.exists) and status == 200:
        abort(404)
    default = page_path(form.target.iri) if form is not None and form.exists else "/"
    html = render_template("curate/link.html", form=form, error=error, typed=typed or {}, next=back(default))
    return html, status


def link_home(link: str) -> str:
    """Where to go after changing a link when the form says nothing: its target's page."""
    try:
        form = link_form(curation().state(link), graph().store, current())
    except (CurationError, EditingUnavailable):
        return "/"
    return page_path(form.target.iri) if form.exists else "/"


def change_link(name: str, fields: tuple[str, ...], change, done: str):
    """Apply a change of the link named in the form; when refused, its page again with what was typed (on a
    conflict with the current version instead of the stale one)."""
    link = field("link").strip()
    typed = {"form": name, **{k: field(k) for k in fields}, "version": field("version")}

    def form(error: str, status: int):
        return link_page(link, error, status, typed if status != 409 else {**typed, "version": None})

    return apply(lambda: change(link, typed), form, done, link_home(link))


@bp.get("/link")
@login_required
def link():
    return link_page(request.args.get("link", "").strip())


@bp.post("/link/status")
@login_required
def change_link_status():
    def change(link: str, typed: dict):
        if typed["status"] not in DECISIONS:
            raise CurationError(
                "Välj om kopplingen ska bekräftas eller avvisas.", "Choose whether to confirm or reject the link."
            )
        return curation().set_link_status(link, typed["status"], who(), typed["reason"], version())

    status = field("status")
    done = "curate.link.done." + (status if status in DECISIONS else "confirmed")
    return change_link("status", ("status", "reason"), change, done)


@bp.post("/link/edit")
@login_required
def edit_link():
    def change(link: str, typed: dict):
        return curation().edit_link(
            link, typed["relevance"], typed["rationale"], who(), version(), typed["reason"].strip() or None
        )

    return change_link("edit", ("relevance", "rationale", "reason"), change, "curate.link.done.edited")


@bp.post("/link/remove")
@login_required
def remove_link():
    def change(link: str, typed: dict):
        return curation().remove_link(link, who(), typed["reason"], version())

    return change_link("remove", ("reason",), change, "curate.link.done.removed")


# ---------------------------------------------------------------- a new link


def new_link_page(
    error: str | None = None,
    status: int = 200,
    typed: dict | None = None,
    candidates: list | None = None,
    words: str = "",
):
    """The form that adds a link; after words that fit several targets, those targets to choose from."""
    choices = initiatives(graph().store, current())
    typed = typed or {}
    html = render_template(
        "curate/link-new.html",
        initiatives=choices,
        error=error,
        typed=typed,
        candidates=candidates or [],
        words=words,
        next=back(typed.get("back") or "/"),
    )
    return html, status


@bp.get("/link/new")
@login_required
def new_link():
    initiative, target = request.args.get("initiative", "").strip(), request.args.get("target", "").strip()
    choices = initiatives(graph().store, current())
    if initiative and initiative not in {c.iri for c in choices}:
        abort(404)
    back_to = page_path(initiative) if initiative else page_path(find_one(target)) if target_code(target) else "/"
    return new_link_page(typed={"initiative": initiative, "target": target, "back": back_to})


def find_one(code: str) -> str:
    found = find_targets(graph().store, code, current(), state_key(graph().store_path))
    if not found:
        abort(404)
    return found[0].iri


@bp.post("/link/new")
@login_required
def add_link():
    typed = {k: field(k) for k in ("initiative", "target", "target_code", "relevance", "rationale", "reason")}
    words = " ".join((typed["target_code"] or typed["target"]).split())
    shown = words if len(words) <= SHOWN else words[:SHOWN] + "…"
    if not words:
        return new_link_page(t("curate.link.new.missing"), 400, typed)
    services = graph()
    found = find_targets(services.store, words, current(), state_key(services.store_path), MAX_CANDIDATES + 1)
    if not found:
        code = target_code(words)
        error = t("curate.link.new.none.code", code=code) if code else t("curate.link.new.none", words=shown)
        return new_link_page(error, 400, typed)
    if len(found) > 1:
        many = len(found) > MAX_CANDIDATES
        error = t(
            "curate.link.new." + ("many" if many else "ambiguous"), n=min(len(found), MAX_CANDIDATES), words=shown
        )
        return new_link_page(error, 400, typed, found[:MAX_CANDIDATES], shown)
    target = found[0]

    def change():
        return curation().add_link(
            typed["initiative"],
            target.iri,
            typed["relevance"],
            typed["rationale"],
            who(),
            typed["reason"].strip() or None,
        )

    def form(error: str, status: int):
        return new_link_page(error, status, typed)

    return apply(change, form, "curate.link.done.added", page_path(target.iri))
