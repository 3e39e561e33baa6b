"""Undoing a change: GET /edit/undo?decision=IRI shows the change and what undoing it restores, with an optional
reason; POST /edit/undo restores it (kg.curation's `undo`: a new change in the history, informed by the undone one).
Only the latest change of a thing can be undone: otherwise 409 and nothing changes."""

from __future__ import annotations

from flask import abort, current_app, render_template, request

from kg.curation.history import decision
from kg.linkeddata import path_for_iri
from kg.toolkit import Record
from webapp.auth import login_required
from webapp.curate.common import apply, back, bp, curation, field, who
from webapp.curate.history import shown_entry
from webapp.i18n import current, t
from webapp.services import graph


def home_of(entry: Record) -> str:
    """The page a change belongs to: a selection's target, a link's initiative, an initiative itself."""
    about = {a.kind: a.iri for a in entry.about}
    iri = about.get("initiative") or about.get("target") or entry.thing
    return path_for_iri(iri, current_app.config["BASE_IRI"]) or "/"


def undo_page(iri: str, error: str | None = None, status: int = 200, typed: dict | None = None):
    """The change `iri` and the undo form; `typed` refills what the member sent when the undo was refused."""
    entry = decision(graph().store, iri, current()) if iri.strip() else None
    if entry is None and error is None:
        abort(404 if iri.strip() else 400)
    if entry is not None and not entry.undoable and error is None:
        error, status = t("curate.undo.stale"), 409
    html = render_template(
        "curate/undo.html",
        entry=shown_entry(entry, None) if entry else None,
        decision=iri,
        error=error,
        typed=typed or {},
        next=back(home_of(entry) if entry else "/"),
    )
    return html, status


@bp.get("/undo")
@login_required
def undo_form():
    return undo_page(request.args.get("decision", "")[:2000])


@bp.post("/undo")
@login_required
def undo():
    iri, typed = field("decision")[:2000], {"reason": field("reason")}

    def form(error: str, status: int):
        return undo_page(iri, t("curate.undo.stale") if status == 409 else error, status, typed)

    entry = decision(graph().store, iri, current()) if iri.strip() else None
    reason = typed["reason"] if typed["reason"].strip() else None
    return apply(
        lambda: curation().undo(iri, who(), reason), form, "curate.undo.done", home_of(entry) if entry else "/"
    )
