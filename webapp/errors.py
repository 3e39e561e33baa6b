"""Errors as clear pages or plain text, never a stack trace."""

from __future__ import annotations

from flask import Flask, current_app, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from kg.backends.remote import StoreUnavailable
from kg.store import StoreMissing

MESSAGES = {
    400: ("Felaktig begäran", "Bad request"),
    401: ("Inloggning krävs", "Login required"),
    403: ("Inte tillåtet", "Forbidden"),
    404: ("Sidan finns inte", "Not found"),
    405: ("Metoden stöds inte", "Method not allowed"),
    406: ("Formatet kan inte levereras", "Not acceptable"),
    413: ("Begäran är för stor", "Request too large"),
    415: ("Innehållstypen stöds inte", "Unsupported media type"),
    429: ("För många försök", "Too many attempts"),
    500: ("Något gick fel", "Something went wrong"),
    503: ("Tjänsten är inte tillgänglig", "Service unavailable"),
}


def wants_html() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "text/plain", "application/json"])
    return best == "text/html" and not request.path.startswith("/sparql")


def error_response(status: int, detail: str = ""):
    sv, en = MESSAGES.get(status, ("Fel", "Error"))
    if g.get("page_form") == "application/json":  # a page's JSON form was asked for (webapp.contexts)
        return jsonify(error={"status": status, "sv": sv, "en": en, "detail": detail}), status
    if wants_html():
        return render_template("error.html", status=status, sv=sv, en=en, detail=detail), status
    text = f"{status} {sv} / {en}\n{detail}".rstrip() + "\n"
    return text, status, {"Content-Type": "text/plain; charset=utf-8"}


def _detail(err: HTTPException) -> str:
    """The explanation under the heading: Werkzeug's own (English) text, in both languages where we know it."""
    if err.code == 404:
        return ""
    if err.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return (
            f"Innehållet i begäran är större än gränsen {limit} byte. / "
            f"The request's content is larger than the limit of {limit} bytes."
        )
    return err.description or ""


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        response = error_response(err.code or 500, _detail(err))
        if err.code == 405 and err.valid_methods:
            body, status, *rest = response
            headers = dict(rest[0]) if rest else {}
            headers["Allow"] = ", ".join(err.valid_methods)
            return body, status, headers
        return response

    @app.errorhandler(StoreMissing)
    def store_missing(err: StoreMissing):
        return error_response(503, str(err))

    @app.errorhandler(StoreUnavailable)
    def store_unavailable(err: StoreUnavailable):
        app.logger.error("the remote graph store is unavailable: %s", err)
        body, status, *rest = error_response(
            503,
            "Grafdatabasen svarar inte just nu; försök igen om en stund. / "
            "The graph store does not answer right now; try again in a moment.",
        )
        return body, status, {**(dict(rest[0]) if rest else {}), "Retry-After": "30"}

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        app.logger.exception("Unexpected error", exc_info=err)
        return error_response(InternalServerError.code)
