"""IRIs of the project: namespaces, named graphs and the prefixes every query and export shares."""

from __future__ import annotations

BASE = "https://w3id.org/samhallskontraktet/"
SKK = BASE + "ontology#"
SHAPES = BASE + "shapes#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
SDG = "http://metadata.un.org/sdg/"
SDGO = "http://metadata.un.org/sdg/ontology#"

#: The named graphs of the public dataset, in build order.
GRAPHS = {
    "ontology": GRAPH + "ontology",
    "sdg": GRAPH + "sdg",
    "collaboration": GRAPH + "collaboration",
    "mappings": GRAPH + "mappings",
}
#: the graphs the core team's work lives in (kg.curation), kept by `kg build` rather than built from files
CURATED_GRAPHS = {
    "curation": GRAPH + "curation",
    "history": GRAPH + "history",
}
#: every graph that is published: downloads, /graph/…, VoID (the accounts are never in any graph)
PUBLIC_GRAPHS = {**GRAPHS, **CURATED_GRAPHS}

PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
    "sdg": SDG,
    "sdgo": SDGO,
    "skk": SKK,
    "shape": SHAPES,
    "graph": GRAPH,
    "organisation": ID + "organisation/",
    "person": ID + "person/",
    "post": ID + "post/",
    "initiative": ID + "initiative/",
    "link": ID + "link/",
    "selection": ID + "selection/",
    "focusarea": ID + "focus-area/",
    "challenge": ID + "challenge/",
    "perspective": ID + "perspective/",
    "function": ID + "function/",
    "theme": ID + "theme/",
    "scheme": ID + "scheme/",
    "event": ID + "event/",
    "place": ID + "place/",
    "budget": ID + "budget/",
    "figure": ID + "figure/",
    "source": ID + "source/",
    "agent": ID + "agent/",
}


def sparql_prologue() -> str:
    """PREFIX declarations for every project prefix, to put before a query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def expand(curie_or_iri: str) -> str:
    """`skk:Initiative` -> full IRI; a full IRI is returned as it is."""
    prefix, sep, local = curie_or_iri.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return curie_or_iri


def sdg_iri(code: str) -> str:
    """The UN linked-data IRI of a goal (`3`) or target (`3.4`)."""
    return SDG + code
