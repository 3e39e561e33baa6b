"""The editing controls that resource pages show to a logged-in core team member (None for everyone else)."""

from __future__ import annotations

from kg.curation.forms import selection_form
from kg.namespaces import SDG
from webapp.curate.common import can_edit, curation, message
from webapp.i18n import current
from webapp.services import EditingUnavailable, graph


def target_tools(iri: str) -> dict | None:
    """On a target page: the selection form (with the current version)."""
    if not can_edit():
        return None
    try:
        state = curation().selection(iri.removeprefix(SDG))
    except EditingUnavailable as err:
        return {"error": message(err)}
    return {"selection": selection_form(state, graph().store, current())}


def initiative_tools(iri: str) -> dict | None:
    """On an initiative page: the controls of its links and of its facts (none yet)."""
    if not can_edit():
        return None
    return {}
