"""Linked Data: every IRI of the project (and the SDG concepts it holds) at its own path, as HTML or
RDF by Accept or by suffix; the whole dataset for download; its VoID description."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request

from kg.export import export
from kg.linkeddata import NotAnIri, describe, iri_for_path, path_for_iri, void_description
from kg.namespaces import PREFIXES
from kg.pages import kind_of
from kg.resource import resource_view
from kg.results import GRAPH, RDF_FORMATS, negotiate, write_graph
from webapp import i18n
from webapp.errors import error_response
from webapp.resource_pages import RENDERERS
from webapp.services import graph

bp = Blueprint("linked", __name__)

SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
    ".html": "text/html",
}
DUMPS = {"trig": "trig", "nq": "nquads", "ttl": "turtle", "jsonld": "jsonld"}
DUMP_TYPES = {
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
}


def split_suffix(path: str) -> tuple[str, str | None]:
    for suffix, media_type in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], media_type
    return path, None


def wants_rdf() -> str | None:
    """The RDF media type the client prefers over HTML, or None for HTML."""
    accept = request.accept_mimetypes
    html = accept.quality("text/html") if "text/html" in request.headers.get("Accept", "") else 0
    also = ("application/json", "text/plain", "application/x-turtle")
    named = [f"{m};q={q}" for m, q in accept if m in RDF_FORMATS or m in also]
    if not named:  # no RDF type named (e.g. `*/*`, as curl and scripts send): the page
        return None
    chosen = negotiate(GRAPH, ",".join(named))
    if chosen and accept.quality(chosen) > html:
        return chosen
    return None


def render_page(store, iri: str, path: str, base: str) -> str:
    """The resource's own page (goal, initiative, ...) or the generic one; 404 when the graph does not know it."""
    kind = kind_of(store, iri)
    renderer = RENDERERS.get(kind) if kind else None
    page = renderer(iri) if renderer else None
    if page is not None:
        return page
    view = resource_view(store, iri, i18n.current())
    if view is None:
        abort(404)
    alternates = {s: "/" + path.lstrip("/") + s for s in (".ttl", ".jsonld", ".nt")}
    return render_template("resource.html", view=view, local=lambda i: path_for_iri(i, base), alternates=alternates)


def serve(path: str):
    base = current_app.config["BASE_IRI"]
    path, suffix_type = split_suffix(path)
    try:
        iri = iri_for_path(path, base)
    except NotAnIri:
        abort(404)  # the path stands for no IRI, so for nothing the graph could hold
    store = graph().store
    media_type = suffix_type or wants_rdf() or "text/html"
    if media_type == "text/html":
        response = Response(render_page(store, iri, path, base))
    else:
        triples = describe(store, iri)
        if not triples:
            abort(404)
        response = Response(write_graph(triples, media_type, PREFIXES), content_type=f"{media_type}; charset=utf-8")
    if not suffix_type:
        response.headers["Vary"] = "Accept"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/id/<path:path>")
def resource(path: str):
    return serve(f"id/{path}")


@bp.route("/ontology")
@bp.route("/ontology<any('.ttl','.jsonld','.nt','.rdf','.html'):suffix>")
def ontology(suffix: str = ""):
    return serve("ontology" + suffix)


@bp.route("/graph/<path:path>")
def named_graph(path: str):
    return serve(f"graph/{path}")


@bp.route("/sdg/<path:path>")
def sdg(path: str):
    return serve(f"sdg/{path}")


@bp.route("/download/")
def downloads():
    return render_template("download.html", dumps=DUMPS)


@bp.route("/download/samhallskontraktet.<ext>")
def download(ext: str):
    if ext not in DUMPS:
        abort(404)
    fmt = DUMPS[ext]
    body = export(graph().store, fmt)
    return Response(
        body,
        content_type=f"{DUMP_TYPES[fmt]}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="samhallskontraktet.{ext}"'},
    )


@bp.route("/void")
@bp.route("/.well-known/void")
def void():
    media_type = negotiate(GRAPH, request.headers.get("Accept"), request.args.get("format"))
    if media_type is None:
        return error_response(
            406,
            "VoID finns som / VoID is available as text/turtle, application/ld+json, "
            "application/n-triples, application/rdf+xml.",
        )
    site = request.host_url
    triples = void_description(graph().store, site, current_app.config["DATA_LICENSE"])
    body = write_graph(triples, media_type, {**PREFIXES, "void": "http://rdfs.org/ns/void#"})
    return Response(body, content_type=f"{media_type}; charset=utf-8", headers={"Vary": "Accept"})
