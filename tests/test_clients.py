"""Real SPARQL clients against the live server: SPARQLWrapper and rdflib's SPARQLStore.

SPARQLWrapper is used the way its users use it: GET, URL-encoded POST and direct POST; results as JSON, XML,
CSV and TSV; graphs as Turtle, JSON-LD and RDF/XML. By default it also sends `format=`, `output=` and `results=`
parameters next to the Accept header (with odd values such as `json-ld`), which the endpoint must tolerate.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any
from xml.dom.minidom import Document, Element

import pytest
import requests
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from .conftest import LiveServer

SDG = Namespace("http://metadata.un.org/sdg/")
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
GRAPH = "https://w3id.org/samhallskontraktet/graph/"
TARGET_TRIPLE = (SDG["3.4"], RDF.type, SDGO.Target)
XSD_NS = str(XSD)

METHODS = ["GET", "POST", "POSTDIRECTLY"]
#: Virtuoso 7.2 refuses BNODE() ("SP031 Built-in function is not implemented"), and the data has no blank node
NO_BNODE = pytest.mark.virtuoso_differs("Virtuoso 7.2 does not implement BNODE() (SP031), and no data has a blank node")

# ---------------------------------------------------------------- a SELECT with every kind of value

PLAIN = 'a, "quoted"\ttab\nline'
VALUES_QUERY = r"""
SELECT ?int ?zero ?false ?true ?decimal ?date ?lang ?plain ?empty ?iri ?bnode ?unbound WHERE {
  VALUES (?int ?zero ?false ?true ?decimal ?date ?lang ?plain ?empty ?iri) {
    (42 0 false true 2.5 "2030-12-31"^^<http://www.w3.org/2001/XMLSchema#date> "hållbarhet"@sv
     "a, \"quoted\"\ttab\nline" "" <http://metadata.un.org/sdg/3.4>)
  }
  BIND(BNODE() AS ?bnode)
}
"""
VARIABLES = ["int", "zero", "false", "true", "decimal", "date", "lang", "plain", "empty", "iri", "bnode", "unbound"]
#: the row in the SPARQL 1.1 JSON results form (the blank node's label is the server's choice)
EXPECTED_JSON: dict[str, dict[str, str]] = {
    "int": {"type": "literal", "datatype": XSD_NS + "integer", "value": "42"},
    "zero": {"type": "literal", "datatype": XSD_NS + "integer", "value": "0"},
    "false": {"type": "literal", "datatype": XSD_NS + "boolean", "value": "false"},
    "true": {"type": "literal", "datatype": XSD_NS + "boolean", "value": "true"},
    "decimal": {"type": "literal", "datatype": XSD_NS + "decimal", "value": "2.5"},
    "date": {"type": "literal", "datatype": XSD_NS + "date", "value": "2030-12-31"},
    "lang": {"type": "literal", "xml:lang": "sv", "value": "hållbarhet"},
    "plain": {"type": "literal", "value": PLAIN},
    "empty": {"type": "literal", "value": ""},
    "iri": {"type": "uri", "value": str(SDG["3.4"])},
}
#: the same row as rdflib terms (None: unbound)
EXPECTED_TERMS: dict[str, Any] = {
    "int": Literal("42", datatype=XSD.integer),
    "zero": Literal("0", datatype=XSD.integer),
    "false": Literal("false", datatype=XSD.boolean),
    "true": Literal("true", datatype=XSD.boolean),
    "decimal": Literal("2.5", datatype=XSD.decimal),
    "date": Literal("2030-12-31", datatype=XSD.date),
    "lang": Literal("hållbarhet", lang="sv"),
    "plain": Literal(PLAIN),
    "empty": Literal(""),
    "iri": SDG["3.4"],
    "unbound": None,
}
#: the same row in CSV, which keeps only the lexical forms
EXPECTED_CSV = ["42", "0", "false", "true", "2.5", "2030-12-31", "hållbarhet", PLAIN, "", str(SDG["3.4"])]

CONSTRUCT_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { <http://metadata.un.org/sdg/3.4> } ?s ?p ?o }"


def wrapper(live_server: LiveServer, method: str, return_format: str, query: str, conneg_only: bool = False):
    client = SPARQLWrapper(live_server.sparql)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    client.setOnlyConneg(conneg_only)
    if method != "GET":
        client.setMethod(POST)
    if method == "POSTDIRECTLY":
        client.setRequestMethod(POSTDIRECTLY)
    client.setTimeout(30)
    return client


def _xml_children(element: Element | Document, name: str) -> Iterator[Element]:
    for node in element.childNodes:
        if isinstance(node, Element) and node.localName == name:
            yield node


def _text(element: Element) -> str:
    return "".join(node.data for node in element.childNodes if node.nodeType == node.TEXT_NODE)


def xml_results(document: Document) -> tuple[list[str], list[dict[str, dict[str, str]]]]:
    """SPARQL XML results (a DOM) in the shape of the JSON results: the variables and the bindings."""
    (sparql,) = _xml_children(document, "sparql")
    assert sparql.namespaceURI == "http://www.w3.org/2005/sparql-results#"
    (head,) = _xml_children(sparql, "head")
    variables = [v.getAttribute("name") for v in _xml_children(head, "variable")]
    (results,) = _xml_children(sparql, "results")
    rows = []
    for result in _xml_children(results, "result"):
        row = {}
        for binding in _xml_children(result, "binding"):
            (term,) = (n for n in binding.childNodes if isinstance(n, Element))
            kind = {"literal": "literal", "uri": "uri", "bnode": "bnode"}[term.localName]
            value: dict[str, str] = {"type": kind, "value": _text(term)}
            if term.hasAttribute("datatype"):
                value["datatype"] = term.getAttribute("datatype")
            if term.hasAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"):
                value["xml:lang"] = term.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")
            row[binding.getAttribute("name")] = value
        rows.append(row)
    return variables, rows


def xml_boolean(document: Document) -> bool:
    (sparql,) = _xml_children(document, "sparql")
    (boolean,) = _xml_children(sparql, "boolean")
    assert _text(boolean) in ("true", "false")
    return _text(boolean) == "true"


def check_json_row(variables: list[str], rows: list[dict[str, dict[str, str]]]) -> None:
    assert variables == VARIABLES
    assert len(rows) == 1
    row = dict(rows[0])
    bnode = row.pop("bnode")
    assert bnode["type"] == "bnode" and bnode["value"] and set(bnode) == {"type", "value"}
    assert row == EXPECTED_JSON  # `unbound` has no binding; 0, false and "" are there


# ---------------------------------------------------------------- SPARQLWrapper: SELECT


@NO_BNODE
@pytest.mark.parametrize("conneg_only", [False, True], ids=["with-format-params", "conneg-only"])
@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_select_json(live_server: LiveServer, method: str, conneg_only: bool) -> None:
    result = wrapper(live_server, method, JSON, VALUES_QUERY, conneg_only).queryAndConvert()
    assert isinstance(result, dict)
    check_json_row(result["head"]["vars"], result["results"]["bindings"])


@NO_BNODE
@pytest.mark.parametrize("conneg_only", [False, True], ids=["with-format-params", "conneg-only"])
@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_select_xml(live_server: LiveServer, method: str, conneg_only: bool) -> None:
    response = wrapper(live_server, method, XML, VALUES_QUERY, conneg_only).query()
    assert response.info()["content-type"].startswith("application/sparql-results+xml")
    document = response.convert()
    assert isinstance(document, Document)
    check_json_row(*xml_results(document))


@NO_BNODE
@pytest.mark.parametrize("conneg_only", [False, True], ids=["with-format-params", "conneg-only"])
@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_select_csv(live_server: LiveServer, method: str, conneg_only: bool) -> None:
    response = wrapper(live_server, method, CSV, VALUES_QUERY, conneg_only).query()
    assert response.info()["content-type"].startswith("text/csv")
    data = response.convert()
    assert isinstance(data, bytes)
    text = data.decode("utf-8")
    assert text.startswith(",".join(VARIABLES) + "\r\n")  # CRLF line ends (RFC 4180)
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert header == VARIABLES
    assert len(rows) == 1
    *values, bnode, unbound = rows[0]
    assert values == EXPECTED_CSV
    assert bnode.startswith("_:") and len(bnode) > 2
    assert unbound == ""


@NO_BNODE
@pytest.mark.parametrize("conneg_only", [False, True], ids=["with-format-params", "conneg-only"])
@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_select_tsv(live_server: LiveServer, method: str, conneg_only: bool) -> None:
    response = wrapper(live_server, method, TSV, VALUES_QUERY, conneg_only).query()
    assert response.info()["content-type"].startswith("text/tab-separated-values")
    data = response.convert()
    assert isinstance(data, bytes)
    assert data.decode("utf-8").split("\n")[0] == "\t".join("?" + v for v in VARIABLES)
    result = Result.parse(io.BytesIO(data), format="tsv")  # the terms, in the TSV form's Turtle syntax
    assert [str(v) for v in result.vars or []] == VARIABLES
    rows = list(result)
    assert len(rows) == 1
    row = dict(zip(VARIABLES, rows[0], strict=True))
    assert isinstance(row.pop("bnode"), BNode)
    assert row == EXPECTED_TERMS
    # rdflib compares literals by value; the exact forms too:
    for name, term in row.items():
        if isinstance(term, Literal):
            expected = EXPECTED_TERMS[name]
            assert (str(term), term.datatype, term.language) == (str(expected), expected.datatype, expected.language)


@NO_BNODE
def test_sparqlwrapper_blank_nodes_are_blank_nodes(live_server: LiveServer) -> None:
    query = "SELECT ?s WHERE { BIND(BNODE() AS ?s) }"
    result = wrapper(live_server, "GET", JSON, query).queryAndConvert()
    assert isinstance(result, dict)
    [binding] = result["results"]["bindings"]
    assert binding["s"]["type"] == "bnode"
    variables, rows = xml_results(wrapper(live_server, "GET", XML, query).queryAndConvert())
    assert variables == ["s"] and rows[0]["s"]["type"] == "bnode"


# ---------------------------------------------------------------- SPARQLWrapper: ASK and CONSTRUCT


@pytest.mark.parametrize("answer", [True, False])
@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_ask(live_server: LiveServer, method: str, answer: bool) -> None:
    query = "ASK { <http://metadata.un.org/sdg/3.4> a <http://metadata.un.org/sdg/ontology#Target> }"
    if not answer:
        query = query.replace("3.4", "3.99")
    result = wrapper(live_server, method, JSON, query).queryAndConvert()
    assert result == {"head": {}, "boolean": answer}
    document = wrapper(live_server, method, XML, query).query().convert()
    assert isinstance(document, Document)
    assert xml_boolean(document) is answer


def _check_graph(graph: Graph) -> None:
    assert TARGET_TRIPLE in graph
    assert (SDG["3.4"], SKOS.broader, SDG["3"]) in graph
    labels = {o.language for o in graph.objects(SDG["3.4"], SKOS.prefLabel) if isinstance(o, Literal)}
    assert {"sv", "en"} <= labels
    assert set(graph.subjects()) == {SDG["3.4"]}


@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_construct_turtle(live_server: LiveServer, method: str) -> None:
    response = wrapper(live_server, method, TURTLE, CONSTRUCT_QUERY).query()
    assert response.info()["content-type"].startswith("text/turtle")
    data = response.convert()
    assert isinstance(data, bytes)
    _check_graph(Graph().parse(data=data, format="turtle"))


@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_construct_jsonld(live_server: LiveServer, method: str) -> None:
    response = wrapper(live_server, method, JSONLD, CONSTRUCT_QUERY).query()
    assert response.info()["content-type"].startswith("application/ld+json")
    graph = response.convert()
    assert isinstance(graph, Graph)
    _check_graph(graph)


@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_construct_rdfxml(live_server: LiveServer, method: str) -> None:
    response = wrapper(live_server, method, RDFXML, CONSTRUCT_QUERY).query()
    assert response.info()["content-type"].startswith("application/rdf+xml")
    graph = response.convert()
    assert isinstance(graph, Graph)
    _check_graph(graph)


# ---------------------------------------------------------------- rdflib's SPARQLStore


def count(live_server: LiveServer, query: str) -> int:
    response = requests.get(
        live_server.sparql,
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    [row] = response.json()["results"]["bindings"]
    return int(row["n"]["value"])


@pytest.fixture
def store(live_server: LiveServer) -> SPARQLStore:
    return SPARQLStore(query_endpoint=live_server.sparql)


def test_sparqlstore_default_graph_is_the_whole_dataset(live_server: LiveServer, store: SPARQLStore) -> None:
    graph = Graph(store)
    size = len(graph)
    assert size == count(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert size > count(live_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}sdg> {{ ?s ?p ?o }} }}")
    triples = set(graph.triples((SDG["3.4"], None, None)))
    assert TARGET_TRIPLE in triples
    assert (SDG["3.4"], SKOS.broader, SDG["3"]) in triples
    assert all(s == SDG["3.4"] for s, _, _ in triples)
    assert TARGET_TRIPLE in graph
    assert (SDG["3.99"], RDF.type, SDGO.Target) not in graph


def test_sparqlstore_query(store: SPARQLStore) -> None:
    graph = Graph(store)
    rows = list(
        graph.query(
            "SELECT ?label WHERE { sdg:3.4 skos:prefLabel ?label FILTER(lang(?label) = 'sv') }",
            initNs={"sdg": SDG, "skos": SKOS},
        )
    )
    assert len(rows) == 1
    label = rows[0][0]
    assert isinstance(label, Literal) and label.language == "sv" and str(label)
    assert graph.query("ASK { ?t a <http://metadata.un.org/sdg/ontology#Target> }").askAnswer is True
    constructed = graph.query(CONSTRUCT_QUERY).graph
    assert constructed is not None and TARGET_TRIPLE in constructed


def test_sparqlstore_graph_with_an_identifier_sees_only_that_graph(live_server: LiveServer, store: SPARQLStore) -> None:
    sdg = Graph(store, identifier=URIRef(GRAPH + "sdg"))  # sends default-graph-uri=<…/graph/sdg>
    assert len(sdg) == count(live_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}sdg> {{ ?s ?p ?o }} }}")
    assert TARGET_TRIPLE in sdg
    # a triple of the mappings graph (IRIs only, so that it can be asked for) that the sdg graph does not have
    query = (
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH}mappings> {{ ?s ?p ?o }} FILTER(isIRI(?s) && isIRI(?o)) "
        f"FILTER NOT EXISTS {{ GRAPH <{GRAPH}sdg> {{ ?s ?p ?o }} }} }} ORDER BY ?s ?p ?o LIMIT 1"
    )
    [mapping] = list(Graph(store).query(query))
    triple = (mapping[0], mapping[1], mapping[2])
    assert triple in Graph(store)
    assert triple not in sdg
    assert triple in Graph(store, identifier=URIRef(GRAPH + "mappings"))
    [row] = list(sdg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(row[0]) == len(sdg)
