"""Adding an initiative and editing its basic facts (names, kind, status, dates, partners, focus area,
perspectives): /edit/initiative/new and /edit/initiative?iri=…"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, render_template, request

from kg.curation import Change, CurationError
from kg.curation.initiative_form import FIELDS, LISTS, initiative_form, label
from kg.curation.initiatives import MAX_CHOSEN
from kg.curation.model import State
from kg.linkeddata import path_for_iri
from webapp.auth import login_required
from webapp.curate.common import MAX_FIELD, apply, back, bp, curation, field, message, version, who
from webapp.i18n import current
from webapp.services import EditingUnavailable, graph


def page_path(iri: str) -> str:
    return path_for_iri(iri, current_app.config["BASE_IRI"]) or "/initiatives"


def typed_values() -> dict[str, Any]:
    """What the member sent: the fields, the checked partners and perspectives, and the reason."""
    typed: dict[str, Any] = {k: field(k) for k in (*FIELDS, "reason", "version")}
    for name in LISTS:
        typed[name] = [value[:MAX_FIELD] for value in request.form.getlist(name)[: MAX_CHOSEN + 1]]
    return typed


def facts(typed: dict[str, Any]) -> dict[str, Any]:
    return {k: typed[k] for k in (*FIELDS, *LISTS)}


def form_page(iri: str | None, error: str | None = None, status: int = 200, typed: dict[str, Any] | None = None):
    """The form of a new initiative (`iri` None) or of an existing one; `typed` refills what was sent when a change
    was refused (after a conflict the form shows the current facts and version, and keeps only the reason)."""
    state: State | None = None
    try:
        if iri is not None:
            state = curation().initiative(iri)
            if not state.active:
                abort(400 if error else 404, description=error)
        else:
            curation()  # a clear message now when changes cannot be made
    except CurationError:
        abort(400 if error else 404, description=error)
    except EditingUnavailable as err:
        error, status = message(err), 503
        return render_template(
            "curate/initiative.html",
            form=None,
            error=error,
            title=None,
            typed={},
            sent_version=None,
            next=None,
            page_path=None,
        ), status
    shown = typed if typed is not None and status != 409 else None
    form = initiative_form(state, graph().store, current(), shown)
    path = page_path(state.iri) if state is not None else None
    html = render_template(
        "curate/initiative.html",
        form=form,
        error=error,
        typed=typed or {},
        sent_version=shown.get("version") if shown else None,
        title=label(state, current()) if state is not None else None,
        next=back(path) if path else None,
        page_path=path,
    )
    return html, status


@bp.get("/initiative/new")
@login_required
def new_initiative():
    return form_page(None)


@bp.post("/initiative/new")
@login_required
def add_initiative():
    typed = typed_values()
    made: list[Change] = []

    def change() -> Change:
        made.append(curation().add_initiative(**facts(typed), who=who(), reason=typed["reason"]))
        return made[0]

    response = apply(
        change,
        lambda error, status: form_page(None, error, status, typed),
        "curate.initiative.done.add",
        "/initiatives",
    )
    if made:
        response.headers["Location"] = page_path(made[0].iri)  # the new initiative's page
    return response


@bp.get("/initiative")
@login_required
def initiative_form_page():
    return form_page(request.args.get("iri", "").strip())


@bp.post("/initiative")
@login_required
def edit_initiative():
    iri, typed = field("iri").strip(), typed_values()

    def change() -> Change:
        return curation().edit_initiative(
            iri, **facts(typed), who=who(), reason=typed["reason"], expected_version=version()
        )

    return apply(
        change,
        lambda error, status: form_page(iri, error, status, typed),
        "curate.initiative.done.edit",
        page_path(iri) if iri.startswith("http") else "/initiatives",
    )
