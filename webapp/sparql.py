"""`/sparql`: the SPARQL 1.1 protocol for queries (read-only), its service description and the editor."""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, render_template, request

from kg.engine import MB, Request
from kg.linkeddata import service_description
from kg.namespaces import PREFIXES
from kg.queries import named_queries
from kg.results import GRAPH, negotiate, write_graph
from webapp.errors import error_response
from webapp.services import graph

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = (
    "Den här tjänsten är skrivskyddad: uppdateringar tas inte emot. / "
    "This endpoint is read-only: updates are not accepted."
)


class ProtocolError(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message


def _params(raw: bytes) -> list[tuple[str, str]]:
    """Parse `a=b&c=d` strictly: a value that is not UTF-8 is an error, not a replacement character."""
    try:
        return parse_qsl(raw.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, "Parametrarna är inte giltig UTF-8 / the parameters are not valid UTF-8.") from None


def _charset_is_utf8() -> bool:
    charset = request.mimetype_params.get("charset")
    return charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8")


def parse_protocol_request() -> tuple[Request | None, list[tuple[str, str]]]:
    """Read a query request in any of the protocol's three forms; None when there is no query."""
    params = _params(request.query_string)
    query: str | None = None
    if request.method == "POST":
        mimetype = request.mimetype
        if not mimetype:
            raise ProtocolError(
                400, f"Content-Type saknas / the Content-Type header is missing (use {FORM} or {DIRECT})."
            )
        if mimetype == UPDATE:
            raise ProtocolError(403, READ_ONLY)
        if not _charset_is_utf8():
            raise ProtocolError(415, "Endast UTF-8 tas emot / only UTF-8 is accepted.")
        body = request.get_data(cache=False)
        if mimetype == FORM:
            params += _params(body)
        elif mimetype == DIRECT:
            try:
                query = body.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolError(400, "Frågan är inte giltig UTF-8 / the query is not valid UTF-8.") from None
        else:
            raise ProtocolError(
                415,
                f"Innehållstypen {mimetype} stöds inte / unsupported Content-Type {mimetype} (use {FORM} or {DIRECT}).",
            )
    names = [name for name, _ in params]
    if "update" in names:
        raise ProtocolError(403, READ_ONLY)
    queries = [value for name, value in params if name == "query"]
    if query is not None and queries:
        raise ProtocolError(400, "Frågan får bara anges en gång / give the query only once.")
    if len(queries) > 1:
        raise ProtocolError(400, "Mer än en fråga (query=) / more than one query (query=).")
    if queries:
        query = queries[0]
    if query is None:
        return None, params
    if not query.strip():
        raise ProtocolError(400, "Frågan är tom / the query is empty.")
    formats = [value for name, value in params if name in ("format", "output", "results")]
    return Request(
        query=query,
        default_graphs=[value for name, value in params if name == "default-graph-uri"],
        named_graphs=[value for name, value in params if name == "named-graph-uri"],
        accept=request.headers.get("Accept"),
        format=formats[0] if formats else None,
        max_rows=int(current_app.config["SPARQL_MAX_ROWS"]),
        max_bytes=int(float(current_app.config["SPARQL_MAX_MB"]) * MB),
        services=tuple(current_app.config["SPARQL_SERVICES"]),
        base_iri=endpoint_url(),  # relative IRIs in a query resolve against the endpoint
    ), params


def endpoint_url() -> str:
    return request.base_url


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def sparql():
    try:
        query_request, params = parse_protocol_request()
    except ProtocolError as err:
        return error_response(err.status, err.message)
    if query_request is None:
        return service_or_editor(params)
    response = graph().pool.run(query_request, client=request.remote_addr or "")
    headers = {"Vary": "Accept", "Access-Control-Allow-Origin": "*"}
    if response.retry_after is not None:
        headers["Retry-After"] = str(response.retry_after)
    if response.truncated:
        headers["X-SPARQL-Truncated"] = f"rows={response.rows}"
    if response.status >= 400:
        return Response(response.body, response.status, headers, content_type=response.content_type)
    content_type = response.content_type
    if (
        content_type.startswith("text/")
        or content_type.endswith(("+json", "+xml", "/json", "/trig"))
        or content_type in ("application/n-triples", "application/n-quads")
    ):
        content_type += "; charset=utf-8"
    return Response(response.body, 200, headers, content_type=content_type)


def service_or_editor(params: list[tuple[str, str]]):
    """GET /sparql without a query: the editor for a browser, the service description for a program."""
    accept = request.accept_mimetypes
    if "text/html" in request.headers.get("Accept", "") and accept.quality("text/html") >= accept.quality(
        "text/turtle"
    ):
        return render_template(
            "editor.html", endpoint=endpoint_url(), prefixes=PREFIXES, queries=list(named_queries().values())
        )
    formats = [value for name, value in params if name in ("format", "output")]
    media_type = negotiate(GRAPH, request.headers.get("Accept"), formats[0] if formats else None)
    if media_type is None:
        return error_response(
            406,
            "Tjänstebeskrivningen finns som / the service description is available as "
            "text/turtle, application/rdf+xml, application/ld+json, application/n-triples.",
        )
    body = write_graph(
        service_description(endpoint_url(), graph().store),
        media_type,
        {"sd": "http://www.w3.org/ns/sparql-service-description#"},
    )
    return Response(
        body, 200, {"Vary": "Accept", "Access-Control-Allow-Origin": "*"}, content_type=f"{media_type}; charset=utf-8"
    )
