"""One context per page, served as HTML, as JSON and as RDF from one place (the Datasette way).

A page kind's view (webapp.routes lists them) builds one `Context`: `data`, what the kg function built for the
page (public: the JSON form, and the template's values), the resource the page is about (`iri`), and `html`, what
only the HTML needs (helpers, the editing controls and the history as a logged-in member sees it). `respond`
serves it in the form asked for, by `Accept` or by a suffix after the path:

* HTML (`text/html`, and what asks for nothing in particular, such as `*/*`): the page kind's template with `data`
  and `html`, with `Link: <…>; rel="alternate"` headers naming the other forms;
* JSON (`application/json`, `.json`): `{"kind", "lang", "iri", "path", "context"}`, the context being `data` as
  JSON (dataclasses as objects, texts as {"text", "lang"}, IRIs as strings, dates in ISO 8601). Only `data` goes
  out: nothing that only a logged-in member sees, and the same public data the HTML shows to everyone;
* RDF (Turtle `.ttl`, JSON-LD `.jsonld`, N-Triples `.nt`, RDF/XML `.rdf`, or by Accept): the page's resource,
  kg.linkeddata.describe of its IRI; a list page, which is about no one resource, gives kg.linkeddata.outline of
  the resources it lists (the rdf:type and names of every `iri` in its JSON, or of `Context.listed`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from flask import Response, abort, current_app, g, render_template, request

from kg.linkeddata import describe, outline
from kg.namespaces import PREFIXES
from kg.results import GRAPH, RDF_FORMATS, negotiate, write_graph
from webapp.i18n import current
from webapp.paths import site_path
from webapp.services import graph

HTML, JSON = "text/html", "application/json"
#: the suffix after a page's path and the form it asks for
SUFFIXES = {
    "json": JSON,
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
#: what a `Link` header and the page's <link rel="alternate"> name, in this order
ALTERNATES = tuple(SUFFIXES.items())
#: other names of RDF formats that clients send (kg.results.ALIASES)
RDF_ALIASES = ("text/plain", "application/x-turtle")


@dataclasses.dataclass(frozen=True)
class Page:
    """A row of the routing table (webapp.routes): a kind of page, where it is, the webapp view that builds its
    context, the kg function that builds its model (whose module owns its queries), and its template.

    `rule` is the URL rule of a page with its own path (its other forms at `rule.json`, `rule.ttl`, ...), or None
    for the page of a resource, served at the path of its IRI (`/id/…`, `/sdg/…`) by the kind the ontology gives
    its class (`skk:pageKind`, kg.pages.kind_of). `view(page, **rule arguments)`, or `view(page, iri)`, returns the
    Context (None: the page does not exist)."""

    kind: str
    rule: str | None
    view: Callable[..., Context | None]
    build: Callable[..., Any] | None
    template: str

    @property
    def endpoint(self) -> str:
        """The name `url_for` knows the page by: the view's module and name (`entities.initiatives`)."""
        return self.view.__module__.rpartition(".")[2] + "." + self.view.__name__


@dataclasses.dataclass
class Context:
    """What one page shows. `data`: public, the JSON form and the template's values; `html`: only for the template
    (helpers, editing controls, the member's view of the history); `iri`: the resource the page is about (its RDF
    form is what the graph says about it), None for a list page."""

    data: dict[str, Any]
    html: dict[str, Any] = dataclasses.field(default_factory=dict)
    iri: str | None = None
    status: int = 200
    #: the JSON form when it is not `data` itself, computed only when asked for (e.g. the analysis' figures)
    json: Callable[[], Any] | None = None
    #: the resources a list page lists, for its RDF, when they are not the `iri`s of its JSON
    listed: Callable[[], Iterable[str]] | None = None


# ---------------------------------------------------------------- which form


def wanted(suffix: str | None = None) -> str:
    """The media type to answer with: the suffix's, else the best of HTML, JSON and RDF that `Accept` names.

    HTML wins ties and whatever names none of them (`*/*`, as curl and scripts send): the page is the default,
    JSON and RDF must be asked for. `application/json` is the page's JSON; JSON-LD is `application/ld+json`."""
    if suffix:
        return SUFFIXES[suffix]
    accept, header = request.accept_mimetypes, request.headers.get("Accept", "")
    best, quality = HTML, accept.quality(HTML) if HTML in header else 0
    if JSON in header and accept.quality(JSON) > quality:
        best, quality = JSON, accept.quality(JSON)
    named = [f"{m};q={q}" for m, q in accept if m in RDF_FORMATS or m in RDF_ALIASES]
    rdf = negotiate(GRAPH, ",".join(named)) if named else None
    if rdf and accept.quality(rdf) > quality:
        best = rdf
    return best


def suffixed(path: str, suffix: str) -> str:
    """The path of a page's other form: `/initiatives` -> `/initiatives.json`, `/overviews/` -> `/overviews.json`,
    `/` -> `/index.json`."""
    if path == "/":
        return "/index." + suffix
    return path.rstrip("/") + "." + suffix


def alternates(path: str) -> list[tuple[str, str]]:
    """(link, media type) of the page's JSON and RDF forms, with the request's query kept: links on this site
    whatever the request's path held (webapp.paths.site_path)."""
    query = request.query_string.decode("utf-8", "replace")
    escaped = path.replace("%", "%25")  # the path is decoded: its `%` are characters
    tail = f"?{query}" if query else ""
    return [(site_path(suffixed(escaped, suffix) + tail), media_type) for suffix, media_type in ALTERNATES]


# ---------------------------------------------------------------- the forms


def plain(value: Any) -> Any:
    """`value` as JSON: dataclasses and dicts as objects (a dataclass's properties too), lists, tuples and sets as
    arrays, dates and times in ISO 8601, Decimals as numbers, RDF terms as their value (a literal with a language as
    {"text", "lang"}); functions are left out."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return str(value)  # Markup as its text
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
        for name in _properties(type(value)):
            found[name] = plain(getattr(value, name))
        return found
    if isinstance(value, Mapping):
        return {_key(k): plain(v) for k, v in value.items() if not callable(v)}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=str)
    if isinstance(value, (list, tuple, Iterator)):
        return [plain(v) for v in value if not callable(v)]
    if isinstance(value, ox.Literal):
        return {"text": value.value, "lang": value.language} if value.language else value.value
    if isinstance(value, (ox.NamedNode, ox.BlankNode)):
        return value.value
    return str(value)


def _properties(cls: type) -> list[str]:
    return [
        name
        for klass in reversed(cls.__mro__)
        for name, member in vars(klass).items()
        if isinstance(member, property) and not name.startswith("_")
    ]


def _key(key: Any) -> str:
    if isinstance(key, tuple):
        return ",".join(str(plain(k)) for k in key)
    return str(plain(key))


def iris_in(value: Any) -> Iterator[str]:
    """Every `iri` the JSON of a page names, in order (the resources a list page lists)."""
    if isinstance(value, dict):
        if isinstance(value.get("iri"), str):
            yield value["iri"]
        for item in value.values():
            yield from iris_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from iris_in(item)


def public(context: Context) -> Any:
    """The context as JSON: what everyone may see (never `html`)."""
    return plain(context.json() if context.json else context.data)


def as_json(kind: str, context: Context, path: str) -> dict[str, Any]:
    return {"kind": kind, "lang": current(), "iri": context.iri, "path": path, "context": public(context)}


def rdf_response(triples: list[ox.Triple], media_type: str, empty_is_404: bool = True) -> Response:
    """The triples in `media_type`; none is 404 for a resource (the graph does not know it), not for a list page
    (which may name no resource: an empty graph)."""
    if not triples and empty_is_404:
        abort(404)
    return Response(write_graph(triples, media_type, PREFIXES), content_type=f"{media_type}; charset=utf-8")


def respond(
    build: Callable[[], tuple[Page, Context | None]], media_type: str, path: str, iri: str | None = None
) -> Response:
    """A page in the form `media_type`: `build` gives the row of its kind of page and its context (None: 404).
    `path`: the page's own path (without a suffix); `iri`: the resource of a resource's page, whose RDF is what the
    graph says about it (no context needed)."""
    g.page_form = media_type  # an error answers in the same form (webapp.errors)
    if media_type not in (HTML, JSON) and iri is not None:
        return rdf_response(describe(graph().store, iri), media_type)
    page, context = build()
    if context is None:
        abort(404)
    if media_type == JSON:
        body = json.dumps(as_json(page.kind, context, path), ensure_ascii=False, separators=(",", ":"))
        return current_app.response_class(body, status=context.status, mimetype=JSON)
    if media_type == HTML:
        links = alternates(path)
        html = render_template(page.template, **{**context.data, **context.html, "page_forms": links})
        response = Response(html, status=context.status)
        response.headers["Link"] = ", ".join(f'<{href}>; rel="alternate"; type="{kind}"' for href, kind in links)
        return response
    if context.iri:
        response = rdf_response(describe(graph().store, context.iri), media_type)
    else:
        listed = context.listed() if context.listed else iris_in(public(context))
        response = rdf_response(outline(graph().store, listed), media_type, empty_is_404=False)
    response.status_code = context.status
    return response
