"""Linked Data: every IRI of the project at its path as HTML or RDF, downloads, VoID, base IRI as setting."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from flask.testing import FlaskClient

from webapp import create_app

MEALS = "https://w3id.org/samhallskontraktet/id/initiative/maltider-och-moten"
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
SKK = rdflib.Namespace("https://w3id.org/samhallskontraktet/ontology#")


def parse(response, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=response.get_data(as_text=True), format=fmt)


def test_resource_as_html_for_a_browser(client: FlaskClient) -> None:
    response = client.get("/id/initiative/maltider-och-moten", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "Accept" in response.headers["Vary"]  # and Cookie: the language is remembered in one
    page = response.get_data(as_text=True)
    assert "<h1>Måltider och möten</h1>" in page
    assert 'rel="alternate" type="text/turtle" href="/id/initiative/maltider-och-moten.ttl"' in page
    assert 'href="/id/source/core-team-2024-02-27"' in page  # its source, linked


@pytest.mark.parametrize(
    ("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt")]
)
def test_resource_as_rdf_by_accept(client: FlaskClient, accept: str, fmt: str) -> None:
    response = client.get("/id/initiative/maltider-och-moten", headers={"Accept": accept})
    assert response.mimetype == accept and response.headers["Vary"] == "Accept"
    graph = parse(response, fmt)
    assert (rdflib.URIRef(MEALS), SKOS.prefLabel, rdflib.Literal("Måltider och möten", lang="sv")) in graph
    # the links that point at it come along, so the proposed targets can be followed
    assert (None, SKK.initiative, rdflib.URIRef(MEALS)) in graph


@pytest.mark.parametrize(("suffix", "fmt"), [(".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt")])
def test_resource_as_rdf_by_suffix(client: FlaskClient, suffix: str, fmt: str) -> None:
    response = client.get("/id/initiative/maltider-och-moten" + suffix, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert (rdflib.URIRef(MEALS), rdflib.RDF.type, SKK.Pilot) in parse(response, fmt)


def test_sdg_concepts_are_described_at_a_local_path(client: FlaskClient) -> None:
    response = client.get("/sdg/3.4", headers={"Accept": "text/turtle"})
    graph = parse(response, "turtle")
    target = rdflib.URIRef("http://metadata.un.org/sdg/3.4")
    assert (target, SKOS.notation, rdflib.Literal("3.4")) in graph
    assert len(list(graph.objects(target, SKOS.prefLabel))) == 2  # Swedish and English
    html = client.get("/sdg/3.4", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/sdg/3"' in html  # the goal, at its local path


def test_the_ontology_document(client: FlaskClient) -> None:
    graph = parse(client.get("/ontology.ttl"), "turtle")
    assert (SKK.TargetLink, rdflib.RDF.type, rdflib.OWL.Class) in graph
    assert (SKK.rationale, rdflib.RDFS.label, rdflib.Literal("motivering", lang="sv")) in graph


def test_a_named_graph_is_its_content(client: FlaskClient, store: ox.Store) -> None:
    graph = parse(client.get("/graph/mappings", headers={"Accept": "application/n-triples"}), "nt")
    expected = len(
        list(
            store.quads_for_pattern(
                None, None, None, ox.NamedNode("https://w3id.org/samhallskontraktet/graph/mappings")
            )
        )
    )
    assert len(graph) == expected


def test_unknown_resource_is_404_in_html_and_rdf(client: FlaskClient) -> None:
    html = client.get("/id/initiative/finns-inte", headers={"Accept": "text/html"})
    assert html.status_code == 404 and "Sidan finns inte" in html.get_data(as_text=True)
    assert client.get("/id/initiative/finns-inte.ttl").status_code == 404


@pytest.mark.parametrize(("ext", "fmt"), [("trig", "trig"), ("nq", "nquads"), ("ttl", "turtle"), ("jsonld", "json-ld")])
def test_download_the_whole_dataset(client: FlaskClient, store: ox.Store, ext: str, fmt: str) -> None:
    response = client.get(f"/download/samhallskontraktet.{ext}")
    assert response.status_code == 200
    assert f'filename="samhallskontraktet.{ext}"' in response.headers["Content-Disposition"]
    dataset = rdflib.Dataset()
    dataset.parse(data=response.get_data(as_text=True), format=fmt)
    triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    assert len(triples) == len({q.triple for q in store})


def test_void_counts_every_graph(client: FlaskClient, store: ox.Store) -> None:
    graph = parse(client.get("/void", headers={"Accept": "text/turtle"}), "turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    for name in ("ontology", "sdg", "collaboration", "mappings"):
        iri = f"https://w3id.org/samhallskontraktet/graph/{name}"
        size = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(iri))))
        assert (rdflib.URIRef(iri), void.triples, rdflib.Literal(size)) in graph
    dataset = rdflib.URIRef("https://w3id.org/samhallskontraktet/dataset")
    assert (dataset, rdflib.DCTERMS.license, None) in graph
    assert len(list(graph.objects(dataset, rdflib.DCTERMS.source))) == 6  # five seeds and the UN's SDG data
    assert (dataset, void.sparqlEndpoint, rdflib.URIRef("http://localhost/sparql")) in graph


def test_the_base_iri_is_a_setting(store_path: Path) -> None:
    app = create_app({"KG_STORE": str(store_path), "SECRET_KEY": "test", "BASE_IRI": "http://example.org/kg/"})
    client = app.test_client()
    assert client.get("/id/initiative/maltider-och-moten.ttl").status_code == 404  # not under that base
    app.extensions["kg"].close()


def test_a_client_that_accepts_anything_gets_the_page(client) -> None:
    """curl, requests and scripts send `Accept: */*`: they get the HTML page, not RDF (which they must ask for)."""
    response = client.get("/sdg/3.4", headers={"Accept": "*/*"})
    assert response.status_code == 200 and response.mimetype == "text/html"
