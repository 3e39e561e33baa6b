"""What every editing view shares: the blueprint its routes are on (/edit), who is changing, reading the form, and
answering a change."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, current_app, flash, redirect, request
from werkzeug.wrappers import Response

from kg.curation import Change, Conflict, CurationError, agent_iri
from kg.curation.model import NEVER
from webapp.auth import accounts, current_user, safe_next
from webapp.i18n import current, t
from webapp.paths import site_path
from webapp.services import EditingUnavailable, data_changed, graph

bp = Blueprint("curate", __name__, url_prefix="/edit")

#: longest value of any one form field that reaches the library (a longer one is refused there, with a message)
MAX_FIELD = 1_100_000


def can_edit() -> bool:
    """Editing controls are shown: a core team member is logged in and the server takes changes."""
    user = current_user()
    return user is not None and bool(current_app.config["EDITING"])


def who() -> str:
    """The agent IRI of the logged-in member: an opaque id kept with the account (kg.accounts.Account.agent), so
    that neither the user name nor anything else of the account enters the graph."""
    user = current_user()
    assert user is not None  # the views are login_required
    return agent_iri(accounts().agent_of(user.name))


def field(name: str) -> str:
    return request.form.get(name, "")[:MAX_FIELD]


def version() -> int | None:
    """The version the form was made from: `new` when the thing did not exist then, empty when the form does not
    care (nothing is checked); anything else not a number is refused."""
    text = request.form.get("version", "").strip()
    if not text:
        return None
    if text == "new":
        return NEVER
    if not text.isdigit() or len(text) > 12:
        raise CurationError("Ogiltig version i formuläret.", "Invalid version in the form.")
    return int(text)


def message(err: CurationError | EditingUnavailable) -> str:
    return err.sv if current() == "sv" else err.en


def back(default: str) -> str:
    """Where to go after a change: the form's `next` when it is a path on this site, else `default` (either way a
    link that stays on this site: webapp.paths)."""
    return site_path(safe_next(request.form.get("next") or request.args.get("next")) or default)


def apply(
    change: Callable[[], Change], form: Callable[[str, int], Response | str | tuple], done: str, default_back: str
) -> Response | str | tuple:
    """Make the change; on success 303 to the page with the message `done` (a text key); when refused, the form
    again (`form(message, status)`) with what was typed."""
    try:
        change()
    except Conflict as err:
        return form(message(err), 409)
    except CurationError as err:
        return form(message(err), 400)
    except EditingUnavailable as err:
        return form(message(err), 503)
    data_changed()
    flash(t(done), "success")
    return redirect(back(default_back), 303)


def curation():
    return graph().curation
