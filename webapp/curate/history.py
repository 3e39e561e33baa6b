"""The history of changes shown on a page (public: the history is part of the graph, kg.curation.history).

Privacy: visitors see who made a change only as "a member of the core team"; logged-in members see the display
name from the accounts (which never enter the graph; the graph has the agent IRI .../agent/<opaque id>, which
pages do not show). Members who can edit get a link to undo the latest change of each thing (webapp.curate.undo).
"""

from __future__ import annotations

from flask import current_app, url_for

from kg.accounts import AccountError
from kg.curation.history import History, history
from kg.linkeddata import path_for_iri
from kg.namespaces import ID
from kg.texts import TEXTS
from kg.toolkit import Record
from webapp.auth import accounts, current_user
from webapp.curate.common import can_edit
from webapp.formatting import when
from webapp.i18n import current, t
from webapp.services import graph

AGENTS = ID + "agent/"


def history_for(iri: str, found: History | None = None) -> History:
    """The entries of the page of `iri` (`found`: kg.curation.history.history of it, when already read) as this
    request may see them (History: `total` and `more` count)."""
    found = history(graph().store, iri, current()) if found is None else found
    page = path_for_iri(iri, current_app.config["BASE_IRI"])
    shown = History(shown_entry(entry, page) for entry in found)
    shown.total = found.total
    return shown


def public_history(found: History) -> dict:
    """The history as everyone may see it, for a page's JSON: the entries without the agent (a member's identity
    stays out, as on the page), with how many there are in all."""
    entries = [Record({k: v for k, v in entry.items() if k != "agent"}) for entry in found]
    return {"entries": entries, "total": found.total, "more": found.more}


def shown_entry(entry: Record, page: str | None) -> Record:
    """An entry without the agent IRI: `who` (a display name for members, None for visitors), `what` (the change in
    words), `when_text`, field labels, and `undo_url` when this member can undo it (back to `page`)."""
    shown = Record({k: v for k, v in entry.items() if k != "agent"})
    shown["who"] = display_name(entry.agent) if current_user() is not None else None
    shown["what"] = t(f"curate.history.change.{entry.kind}.{entry.change}")
    shown["when_text"] = when(entry.when)
    shown["changes"] = [Record({**c, "label": field_label(c.field)}) for c in entry.changes]
    shown["before"] = Record(
        {**entry.before, "fields": [Record({**f, "label": field_label(f.field)}) for f in entry.before.fields]}
    )
    undo = entry.undoable and can_edit()
    shown["undo_url"] = url_for("curate.undo_form", decision=entry.decision, next=page) if undo else None
    return shown


def display_name(agent: str) -> str:
    """The display name of the account behind an agent IRI (the agent's opaque id when the account is gone)."""
    agent_id = agent.removeprefix(AGENTS) if agent.startswith(AGENTS) else agent.rsplit("/", 1)[-1]
    try:
        account = accounts().by_agent(agent_id)
    except AccountError:
        account = None
    return account.display_name if account is not None else agent_id


def field_label(field: str) -> str:
    key = "curate.history.field." + field
    return t(key) if key in TEXTS else field
