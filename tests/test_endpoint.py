"""The SPARQL endpoint through Flask's test client: formats, negotiation, the service description and
every kind of bad request (each refused with a 4xx, nothing changed)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app

VALUES = """SELECT ?iri ?n ?zero ?no ?sv ?plain ?b WHERE {
  VALUES (?iri ?n ?zero ?no ?sv ?plain) {
    (<http://metadata.un.org/sdg/3.4> 42 0 false "ensamhet"@sv "text") }
  BIND(BNODE() AS ?b) }"""
RESULTS = "{http://www.w3.org/2005/sparql-results#}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def app(store_path: Path) -> Iterator[Flask]:
    app = create_app({"KG_STORE": str(store_path), "SECRET_KEY": "test", "TESTING": True, "SPARQL_MAX_ROWS": 50})
    yield app
    app.extensions["kg"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def count(client: FlaskClient) -> int:
    response = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": "application/json"})
    return int(response.get_json()["results"]["bindings"][0]["n"]["value"])


def test_json_results_are_exact(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": VALUES}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert response.headers["Vary"] == "Accept"
    row = response.get_json()["results"]["bindings"][0]
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert row["iri"] == {"type": "uri", "value": "http://metadata.un.org/sdg/3.4"}
    assert row["n"] == {"type": "literal", "value": "42", "datatype": xsd + "integer"}
    assert row["zero"] == {"type": "literal", "value": "0", "datatype": xsd + "integer"}
    assert row["no"] == {"type": "literal", "value": "false", "datatype": xsd + "boolean"}
    assert row["sv"] == {"type": "literal", "value": "ensamhet", "xml:lang": "sv"}
    assert row["plain"] == {"type": "literal", "value": "text"}
    assert row["b"]["type"] == "bnode"


def test_xml_results_keep_falsy_values(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": VALUES}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert response.mimetype == "application/sparql-results+xml"
    root = ET.fromstring(response.data)
    bindings = {b.get("name"): b[0] for b in root.iter(RESULTS + "binding")}
    assert bindings["zero"].tag == RESULTS + "literal" and bindings["zero"].text == "0"
    assert bindings["no"].text == "false"
    assert bindings["sv"].get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    assert bindings["b"].tag == RESULTS + "bnode"
    assert bindings["iri"].tag == RESULTS + "uri"


def test_csv_and_tsv(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": VALUES}, headers={"Accept": "text/csv"})
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0]["zero"] == "0" and rows[0]["no"] == "false" and rows[0]["sv"] == "ensamhet"
    assert rows[0]["b"].startswith("_:")
    response = client.get("/sparql", query_string={"query": VALUES}, headers={"Accept": "text/tab-separated-values"})
    header, values = response.get_data(as_text=True).splitlines()
    assert header.split("\t") == ["?iri", "?n", "?zero", "?no", "?sv", "?plain", "?b"]
    fields = values.split("\t")
    assert fields[0] == "<http://metadata.un.org/sdg/3.4>"
    assert fields[2] == '"0"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert fields[4] == '"ensamhet"@sv'


def test_ask_in_json_and_xml(client: FlaskClient) -> None:
    no = client.get("/sparql", query_string={"query": "ASK { <urn:x> ?p ?o }"}, headers={"Accept": "application/json"})
    assert no.get_json() == {"head": {}, "boolean": False}
    yes = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(yes.data).find(RESULTS + "boolean").text == "true"


@pytest.mark.parametrize(
    ("accept", "fmt", "rdflib_format"),
    [
        ("text/turtle", None, "turtle"),
        ("application/n-triples", None, "nt"),
        ("application/ld+json", None, "json-ld"),
        ("application/rdf+xml", None, "xml"),
        ("text/html", "turtle", "turtle"),
        ("text/html", "jsonld", "json-ld"),
    ],
)
def test_construct_in_every_rdf_format(client: FlaskClient, accept: str, fmt: str | None, rdflib_format: str) -> None:
    query = "CONSTRUCT WHERE { <http://metadata.un.org/sdg/3.4> ?p ?o }"
    params = {"query": query, **({"format": fmt} if fmt else {})}
    response = client.get("/sparql", query_string=params, headers={"Accept": accept})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.get_data(as_text=True), format=rdflib_format)
    assert (
        rdflib.URIRef("http://metadata.un.org/sdg/3.4"),
        rdflib.RDF.type,
        rdflib.URIRef("http://metadata.un.org/sdg/ontology#Target"),
    ) in graph
    assert (
        None,
        rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
        rdflib.Literal(
            "By 2030, reduce by one third premature mortality from non-communicable diseases through "
            "prevention and treatment and promote mental health and well-being",
            lang="en",
        ),
    ) in graph


def test_format_parameter_and_wildcards(client: FlaskClient) -> None:
    assert (
        client.get("/sparql", query_string={"query": "ASK {}", "format": "xml"}).mimetype
        == "application/sparql-results+xml"
    )
    assert (
        client.get("/sparql", query_string={"query": "SELECT * {}"}, headers={"Accept": "*/*"}).mimetype
        == "application/sparql-results+json"
    )
    assert (
        client.get("/sparql", query_string={"query": "SELECT * {}"}, headers={"Accept": "text/*"}).mimetype
        == "text/csv"
    )
    response = client.get("/sparql", query_string={"query": "SELECT * {}", "output": "json", "results": "json"})
    assert response.status_code == 200  # SPARQLWrapper's extra parameters are tolerated


def test_nothing_acceptable_is_406(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * {}"}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.get_data(as_text=True)
    construct = client.get(
        "/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"}
    )
    assert construct.status_code == 406


def test_post_form_and_direct(client: FlaskClient) -> None:
    form = client.post("/sparql", data={"query": "ASK {}"}, headers={"Accept": "application/json"})
    assert form.get_json()["boolean"] is True
    direct = client.post(
        "/sparql", data=b"ASK {}", content_type="application/sparql-query", headers={"Accept": "application/json"}
    )
    assert direct.get_json()["boolean"] is True


def test_dataset_parameters_override_from(client: FlaskClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/samhallskontraktet/graph/sdg> WHERE { ?s ?p ?o }"
    sdg = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    mappings = client.get(
        "/sparql",
        query_string={"query": query, "default-graph-uri": "https://w3id.org/samhallskontraktet/graph/mappings"},
        headers={"Accept": "application/json"},
    )
    from_mappings = client.get(
        "/sparql",
        query_string={"query": query.replace("graph/sdg", "graph/mappings")},
        headers={"Accept": "application/json"},
    )
    n_sdg = int(sdg.get_json()["results"]["bindings"][0]["n"]["value"])
    n_mappings = int(mappings.get_json()["results"]["bindings"][0]["n"]["value"])
    expected = int(from_mappings.get_json()["results"]["bindings"][0]["n"]["value"])
    assert n_sdg > 4000 and 0 < n_mappings == expected != n_sdg  # the parameter replaced the query's FROM


def test_row_limit_cuts_and_flags(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "application/json"}
    )
    data = response.get_json()
    assert len(data["results"]["bindings"]) == 50 and data["truncated"] is True
    assert response.headers["X-SPARQL-Truncated"] == "rows=50"


BAD = [
    ("update in query=", "get", {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, None, None, 400, "read-only"),
    (
        "update= parameter",
        "post",
        None,
        "update=INSERT%20DATA%20%7B%3Curn%3Aa%3E%20%3Curn%3Ab%3E%20%3Curn%3Ac%3E%7D",
        "application/x-www-form-urlencoded",
        403,
        "read-only",
    ),
    ("sparql-update body", "post", None, "DROP ALL", "application/sparql-update", 403, "read-only"),
    ("missing content type", "post", None, "ASK {}", None, 400, "Content-Type"),
    ("wrong content type", "post", None, "ASK {}", "text/plain", 415, "Content-Type"),
    ("two queries", "get", [("query", "ASK {}"), ("query", "SELECT * {}")], None, None, 400, "more than one query"),
    ("UTF-16 body", "post", None, "ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16", 415, "UTF-8"),
    ("invalid UTF-8 body", "post", None, b'ASK { ?s ?p "\xff" }', "application/sparql-query", 400, "UTF-8"),
    ("invalid UTF-8 in form", "post", None, "query=ASK%20%7B%7D%FF", "application/x-www-form-urlencoded", 400, "UTF-8"),
    ("malformed query", "get", {"query": "SELECT ?x WHERE { ?x ?y }"}, None, None, 400, "line 1, column 26"),
    ("empty query", "get", {"query": "  "}, None, None, 400, "empty"),
]


@pytest.mark.parametrize(
    ("case", "method", "params", "body", "content_type", "status", "words"), BAD, ids=[b[0] for b in BAD]
)
def test_bad_requests_get_a_4xx_and_change_nothing(
    client: FlaskClient, case: str, method: str, params, body, content_type: str | None, status: int, words: str
) -> None:
    before = count(client)
    headers = {} if content_type is None else {"Content-Type": content_type}
    if method == "get":
        response = client.get("/sparql", query_string=params)
    else:
        response = client.post("/sparql", data=body, headers=headers)
    assert response.status_code == status, response.get_data(as_text=True)
    text = response.get_data(as_text=True)
    assert words in text
    assert "Traceback" not in text
    assert count(client) == before


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_405(client: FlaskClient, method: str) -> None:
    response = getattr(client, method)("/sparql", query_string={"query": "ASK {}"})
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_service_description(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"}, base_url="http://kg.example:8080")
    assert response.mimetype == "text/turtle"
    graph = rdflib.Graph().parse(data=response.get_data(as_text=True), format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef("http://kg.example:8080/sparql")) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in graph
    names = {str(o) for o in graph.objects(None, sd.name)}
    assert "https://w3id.org/samhallskontraktet/graph/sdg" in names and len(names) == 4
    assert (None, sd.resultFormat, rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV")) in graph


def test_a_browser_gets_the_editor(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.mimetype == "text/html"
    assert "Initiativ per mål" in response.get_data(as_text=True)  # the menu of named queries


def test_an_internal_error_shows_no_stack_trace(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.extensions["kg"].pool, "run", broken)
    response = client.get("/sparql", query_string={"query": "ASK {}"})
    assert response.status_code == 500
    assert "secret internals" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_json_is_valid_utf8_with_swedish_letters(client: FlaskClient) -> None:
    query = (
        "SELECT ?t WHERE { <http://metadata.un.org/sdg/3> <https://w3id.org/samhallskontraktet/ontology#shortTitle> ?t"
        ' FILTER(LANG(?t) = "sv") }'
    )
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert response.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert (
        json.loads(response.data.decode("utf-8"))["results"]["bindings"][0]["t"]["value"] == "Hälsa och välbefinnande"
    )


def test_the_same_request_on_the_same_data_is_answered_once(store_path: Path, tmp_path: Path) -> None:
    """An answer is kept per data state (SPARQL_CACHE_MB): the same request again gets the same bytes without a
    worker, and a change of the data gives a fresh answer."""
    import shutil

    from kg.curation import CurationStore, agent_iri
    from kg.engine import PoolLimits, QueryPool, Request

    json_results = "application/sparql-results+json"

    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/samhallskontraktet/ontology#reason> ?o }"
    pool = QueryPool(copy, 1, limits=PoolLimits(cache=8 * 1024 * 1024))
    runs: list[Request] = []
    real = pool._run

    def counting(request, timeout, client):
        runs.append(request)
        return real(request, timeout, client)

    pool._run = counting  # type: ignore[method-assign]
    try:
        first = pool.run(Request(query, accept=json_results))
        again = pool.run(Request(query, accept=json_results))
        assert first.status == again.status == 200 and first.body == again.body and len(runs) == 1
        other = pool.run(Request(query, accept="text/csv"))  # another format is another answer
        assert other.body != first.body and len(runs) == 2
        writer = CurationStore(copy)
        try:
            area = "https://w3id.org/samhallskontraktet/id/focus-area/nara-vard"
            writer.select_target("3.4", "Valt i ett test.", area, agent_iri("kim"))
        finally:
            writer.close()
        changed = pool.run(Request(query, accept=json_results))
        assert len(runs) == 3 and changed.body != first.body  # the new state's answer counts the new reason
    finally:
        pool.close()
