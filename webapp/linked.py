"""Linked Data: the whole dataset for download and its VoID description. (Every IRI of the project, and the SDG
concepts it holds, at its own path as HTML, JSON or RDF: webapp.routes.)"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request

from kg.export import export
from kg.linkeddata import void_description
from kg.namespaces import PREFIXES
from kg.results import GRAPH, negotiate, write_graph
from webapp.errors import error_response
from webapp.services import graph

bp = Blueprint("linked", __name__)

DUMPS = {"trig": "trig", "nq": "nquads", "ttl": "turtle", "jsonld": "jsonld"}
DUMP_TYPES = {
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
}


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
