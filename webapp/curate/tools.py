"""The editing controls that resource pages show to a logged-in core team member (None for everyone else)."""

from __future__ import annotations

from kg.curation.forms import selection_form
from kg.curation.linkforms import initiatives
from kg.namespaces import SDG
from webapp.curate.common import can_edit, curation, message
from webapp.i18n import current
from webapp.services import EditingUnavailable, graph


def target_tools(iri: str) -> dict | None:
    """On a target page: the selection form (with the current version), and the initiatives to choose from when
    adding a link (each link's "Edit…" control needs nothing more)."""
    if not can_edit():
        return None
    try:
        state = curation().selection(iri.removeprefix(SDG))
    except EditingUnavailable as err:
        return {"error": message(err)}
    store = graph().store
    return {"selection": selection_form(state, store, current()), "initiatives": initiatives(store, current())}


def initiative_tools(iri: str) -> dict | None:
    """On an initiative page: the controls of its links (each link's "Edit…" and the form that adds one: they
    need nothing more than `links`), of its facts, and the suggested targets (kg.suggest) with their buttons."""
    if not can_edit():
        return None
    from webapp.curate.suggest import initiative_suggestions

    return {"links": True, "suggestions": initiative_suggestions(iri)}
