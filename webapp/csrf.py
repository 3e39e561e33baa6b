"""CSRF protection: a random token per session, sent back by every form in a hidden field (`csrf_field()`) or
by scripts in the `X-CSRF-Token` header, and checked on every POST, PUT, PATCH and DELETE.

The one exception is the SPARQL protocol endpoint (`/sparql`, `/sparql/`): it is read-only and accepts queries
POSTed by tools by design. A request whose token is missing or wrong gets 400 before its view runs, so nothing
is changed. Views that need a login (`webapp.auth.login_required`) refuse visitors with 401/403 first.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, abort, current_app, request, session
from markupsafe import Markup, escape

from webapp.i18n import t

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SESSION_KEY = "_csrf"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
EXEMPT_ENDPOINTS = frozenset({"sparql.sparql"})  # /sparql and /sparql/: read-only, POSTed queries by design


def token() -> str:
    """This session's token (made on first use, which gives the visitor a session cookie)."""
    value = session.get(SESSION_KEY)
    if not isinstance(value, str) or not value:
        value = secrets.token_urlsafe(32)
        session[SESSION_KEY] = value
    return value


def csrf_field() -> Markup:
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(token())}">')


def valid(sent: str | None) -> bool:
    expected = session.get(SESSION_KEY)
    if not isinstance(expected, str) or not expected or not isinstance(sent, str) or not sent:
        return False
    return hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))


def exempt() -> bool:
    if request.method not in UNSAFE_METHODS:
        return True
    if request.routing_exception is not None:  # 404/405: no view runs, nothing can change
        return True
    if request.endpoint in EXEMPT_ENDPOINTS:
        return True
    # a view that needs a login refuses this request anyway (401/403) before it does anything
    from webapp.auth import refused_by_login

    view = current_app.view_functions.get(request.endpoint or "")
    return refused_by_login(view)


def init_app(app: Flask) -> None:
    @app.before_request
    def check_csrf() -> None:
        if exempt():
            return
        sent = request.headers.get(HEADER) or request.form.get(FIELD)
        if not valid(sent):
            abort(400, description=t("auth.csrf.failed"))

    app.jinja_env.globals.update(csrf_field=csrf_field, csrf_token=token)
