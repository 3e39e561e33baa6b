"""Choosing targets: select a target for the collaboration (reason, focus area) or end its selection."""

from __future__ import annotations

from flask import abort, render_template, request

from kg.curation import CurationError
from kg.curation.forms import selection_form
from kg.linkeddata import path_for_iri
from kg.namespaces import SDG
from kg.pages.goals import target_page
from webapp.auth import login_required
from webapp.curate.common import apply, back, bp, curation, field, message, version, who
from webapp.i18n import current
from webapp.services import EditingUnavailable, graph


def target_code(value: str) -> str:
    return value.strip().removeprefix(SDG)


def selection_page(code: str, error: str | None = None, status: int = 200, typed: dict | None = None):
    """The selection form of one target; `typed` refills what the member sent when a change was refused."""
    store = graph().store
    target = target_page(store, SDG + code, current()) if code else None
    if target is None:
        abort(400 if error else 404, description=error)
    try:
        state = curation().selection(code)
    except EditingUnavailable as err:
        error, status, state = message(err), 503, None
    form = selection_form(state, store, current()) if state is not None else None
    page_path = path_for_iri(SDG + code, graph_base())
    html = render_template(
        "curate/selection.html",
        target=target["target"],
        form=form,
        error=error,
        typed=typed or {},
        next=back(page_path),
        page_path=page_path,
    )
    return html, status


def graph_base() -> str:
    from flask import current_app

    return current_app.config["BASE_IRI"]


@bp.get("/selection")
@login_required
def selection():
    return selection_page(target_code(request.args.get("target", "")))


@bp.post("/selection")
@login_required
def change_selection():
    code = target_code(field("target"))
    typed = {k: field(k) for k in ("action", "reason", "focus_area", "version")}

    def form(error: str, status: int):
        return selection_page(code, error, status, typed if status != 409 else {**typed, "version": None})

    def change():
        expected = version()
        if typed["action"] == "select":
            return curation().select_target(code, field("reason"), field("focus_area"), who(), expected)
        if typed["action"] == "deselect":
            return curation().deselect_target(code, field("reason"), who(), expected)
        raise CurationError(
            "Välj om delmålet ska väljas eller väljas bort.", "Choose whether to select or deselect the target."
        )

    done = "curate.selection.done." + ("deselect" if typed["action"] == "deselect" else "select")
    return apply(change, form, done, path_for_iri(SDG + code, graph_base()))
