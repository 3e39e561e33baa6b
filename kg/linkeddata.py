"""Linked Data: which IRIs the app serves at which paths, what it says about each, and the
dataset's self-descriptions (SPARQL service description, VoID)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.labels import LABEL_PROPERTIES
from kg.namespaces import BASE, SDG, SKK
from kg.namespaces import PUBLIC_GRAPHS as GRAPHS
from kg.results import RESULT_TYPES, SOLUTIONS

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
FORMATS = "http://www.w3.org/ns/formats/"
ONTOLOGY_IRI = SKK.rstrip("#")
SDG_PATH = "sdg/"

RESULT_FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/trig": "TriG",
    "application/n-quads": "N-Quads",
}


class NotAnIri(LookupError):
    """A path that stands for no IRI (`/id/a b`, `/sdg/"`): nothing can be found there."""


def iri_for_path(path: str, base_iri: str = BASE) -> str:
    """The IRI a local path stands for: `/sdg/3.4` is the UN's IRI, everything else is under the base.

    Raises NotAnIri when the path holds what an IRI may not (a space, `<`, `"`, `\\`, a bad `%` escape, ...)."""
    path = path.lstrip("/")
    iri = SDG + path[len(SDG_PATH) :] if path.startswith(SDG_PATH) else base_iri + path
    try:
        ox.NamedNode(iri)  # the store's own IRI parser: what it accepts, every query accepts
    except ValueError as err:
        raise NotAnIri(f"{path!r}: {err}") from None
    return iri


def path_for_iri(iri: str, base_iri: str = BASE) -> str | None:
    """The local path that serves an IRI, or None when the app does not serve it."""
    if iri.startswith(SDG):
        return "/" + SDG_PATH + iri[len(SDG) :]
    if iri.startswith(base_iri):
        rest = iri[len(base_iri) :]
        if rest.startswith("ontology#"):
            return "/ontology#" + rest[len("ontology#") :]
        return "/" + rest
    return None


def describe(store: ox.Store, iri: str) -> list[ox.Triple]:
    """What the graph says about a resource: its own statements (with the blank nodes they lead to),
    the statements that point at it, and, for the ontology and for a named graph, their whole content."""
    node = ox.NamedNode(iri)
    seen: dict[ox.Triple, None] = {}

    def outgoing(subject: ox.NamedNode | ox.BlankNode) -> None:
        for quad in store.quads_for_pattern(subject, None, None, None):
            triple = quad.triple
            if triple not in seen:
                seen[triple] = None
                if isinstance(quad.object, ox.BlankNode):
                    outgoing(quad.object)

    if iri in GRAPHS.values():
        for quad in store.quads_for_pattern(None, None, None, node):
            seen[quad.triple] = None
        return list(seen)
    outgoing(node)
    if iri == ONTOLOGY_IRI:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPHS["ontology"])):
            seen[quad.triple] = None
    for quad in store.quads_for_pattern(None, None, node, None):
        seen[quad.triple] = None
    return list(seen)


def outline(store: ox.Store, iris: Iterable[str]) -> list[ox.Triple]:
    """What a list of resources is, in short: the `rdf:type` and the names (kg.labels.LABEL_PROPERTIES, every
    language) of each of `iris` that the graph knows, in the order given (the RDF form of a list page)."""
    seen: dict[ox.Triple, None] = {}
    predicates = [RDF_TYPE, *(ox.NamedNode(p) for p in LABEL_PROPERTIES)]
    for iri in dict.fromkeys(iris):
        try:
            node = ox.NamedNode(iri)
        except ValueError:  # not an IRI (a code, a slug): nothing to say
            continue
        for predicate in predicates:
            for quad in store.quads_for_pattern(node, predicate, None, None):
                seen[quad.triple] = None
    return list(seen)


def service_description(endpoint_url: str, store: ox.Store) -> list[ox.Triple]:
    """A SPARQL 1.1 service description of the read-only endpoint."""
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")

    def n(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    triples = [
        ox.Triple(service, RDF_TYPE, n(SD + "Service")),
        ox.Triple(service, n(SD + "endpoint"), n(endpoint_url)),
        ox.Triple(service, n(SD + "supportedLanguage"), n(SD + "SPARQL11Query")),
        ox.Triple(service, n(SD + "feature"), n(SD + "UnionDefaultGraph")),
        ox.Triple(service, n(SD + "feature"), n(SD + "BasicFederatedQuery")),
        ox.Triple(service, n(SD + "defaultDataset"), dataset),
        ox.Triple(
            service, n(DCT + "title"), ox.Literal("Samhällskontraktets kunskapsgraf för Agenda 2030", language="sv")
        ),
        ox.Triple(
            service, n(DCT + "title"), ox.Literal("The Samhällskontraktet Agenda 2030 knowledge graph", language="en")
        ),
        ox.Triple(dataset, RDF_TYPE, n(SD + "Dataset")),
    ]
    for media_type in {*RESULT_TYPES[SOLUTIONS], *RESULT_FORMAT_IRIS}:
        triples.append(ox.Triple(service, n(SD + "resultFormat"), n(FORMATS + RESULT_FORMAT_IRIS[media_type])))
    default_graph = ox.BlankNode("defaultGraph")
    triples += [
        ox.Triple(dataset, n(SD + "defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, n(SD + "Graph")),
    ]
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        named = ox.BlankNode()
        triples += [
            ox.Triple(dataset, n(SD + "namedGraph"), named),
            ox.Triple(named, RDF_TYPE, n(SD + "NamedGraph")),
            ox.Triple(named, n(SD + "name"), graph),
        ]
    return triples


def void_description(store: ox.Store, site: str, license_iri: str | None) -> list[ox.Triple]:
    """A VoID description: the dataset, its graphs with their sizes, dumps, endpoint, licence, sources."""

    def n(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    dataset = n(BASE + "dataset")
    triples = [
        ox.Triple(dataset, RDF_TYPE, n(VOID + "Dataset")),
        ox.Triple(
            dataset, n(DCT + "title"), ox.Literal("Samhällskontraktets kunskapsgraf för Agenda 2030", language="sv")
        ),
        ox.Triple(
            dataset, n(DCT + "title"), ox.Literal("The Samhällskontraktet Agenda 2030 knowledge graph", language="en")
        ),
        ox.Triple(dataset, n(VOID + "sparqlEndpoint"), n(site + "sparql")),
        ox.Triple(dataset, n(VOID + "uriSpace"), ox.Literal(BASE + "id/")),
        ox.Triple(dataset, n(VOID + "vocabulary"), n(SKK)),
    ]
    if license_iri:
        triples.append(ox.Triple(dataset, n(DCT + "license"), n(license_iri)))
    for extension in ("trig", "nq", "ttl", "jsonld"):
        triples.append(ox.Triple(dataset, n(VOID + "dataDump"), n(f"{site}download/samhallskontraktet.{extension}")))
    total = 0
    for key, graph in GRAPHS.items():
        size = sum(1 for _ in store.quads_for_pattern(None, None, None, n(graph)))
        total += size
        triples += [
            ox.Triple(dataset, n(VOID + "subset"), n(graph)),
            ox.Triple(n(graph), RDF_TYPE, n(VOID + "Dataset")),
            ox.Triple(n(graph), n(DCT + "title"), ox.Literal(key)),
            ox.Triple(
                n(graph),
                n(VOID + "triples"),
                ox.Literal(str(size), datatype=n("http://www.w3.org/2001/XMLSchema#integer")),
            ),
        ]
    triples.append(
        ox.Triple(
            dataset, n(VOID + "triples"), ox.Literal(str(total), datatype=n("http://www.w3.org/2001/XMLSchema#integer"))
        )
    )
    for quad in store.quads_for_pattern(None, RDF_TYPE, n(SKK + "SourceDocument"), None):
        triples.append(ox.Triple(dataset, n(DCT + "source"), quad.subject))
    triples.append(ox.Triple(dataset, n(DCT + "source"), n("http://metadata.un.org/sdg")))
    return triples
