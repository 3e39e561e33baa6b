"""The W3C SPARQL 1.1 Protocol tests (manifest.ttl, service-description-manifest.ttl), run against the live server.

Our own runner: the manifest is read with rdflib, every `query_*` and `bad_*` case is sent over HTTP exactly as
the manifest describes it (method, raw path with its query string, headers, body in the given character
encoding), and the status class, the boolean and the format of the answer are checked. The `update_*` cases
need an update endpoint and are left out; the `bad_update_*` cases expect a 4xx, which a read-only endpoint must
answer anyway, so they are run. A failing case is a conformance failure of the endpoint and stays a failing test.
"""

from __future__ import annotations

import codecs
import csv
import http.client
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .conftest import W3C, W3C_GRAPH, LiveServer, reference_file

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SRX = "{http://www.w3.org/2005/sparql-results#}"
PROJECT_GRAPHS = [
    "https://w3id.org/samhallskontraktet/graph/" + name for name in ("ontology", "sdg", "collaboration", "mappings")
]
W3C_GRAPHS = [f"{W3C_GRAPH}{name}.rdf" for name in ("data1", "data2", "data3")]
MANIFEST_PREFIX = "/sparql/"  # every ht:absolutePath of the manifest starts with it

#: the media types of SPARQL results, and which kinds of result each can carry
RESULT_TYPES = {
    "application/sparql-results+json": {"tabular", "boolean"},
    "application/sparql-results+xml": {"tabular", "boolean"},
    "text/csv": {"tabular"},
    "text/tab-separated-values": {"tabular"},
}
#: the media types of RDF graphs, with the rdflib parser for each
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "text/n3": "n3",
}


# ---------------------------------------------------------------- the manifest


@dataclass(frozen=True)
class Expected:
    statuses: tuple[str, ...]  # "2xx" for a class, "200" for one code
    boolean: bool | None
    format: str | None  # "boolean", "tabular" or "RDF"

    def allows(self, status: int) -> bool:
        return any(str(status) == s or (s.endswith("xx") and str(status)[0] == s[0]) for s in self.statuses)


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str  # the raw path and query string, as in the manifest
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    expected: Expected


@dataclass(frozen=True)
class ProtocolCase:
    name: str
    title: str
    requests: tuple[HttpRequest, ...]


def local_name(node: Node) -> str:
    return re.split(r"[#/]", str(node))[-1]


def _one(graph: Graph, subject: Node, predicate: URIRef) -> Node:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} should have exactly one {predicate}, not {values}"
    return values[0]


def _optional(graph: Graph, subject: Node, predicate: URIRef) -> Node | None:
    values = list(graph.objects(subject, predicate))
    assert len(values) <= 1, f"{subject} should have at most one {predicate}, not {values}"
    return values[0] if values else None


def _status(node: Node) -> str:
    match = re.fullmatch(r"StatusCode(\d(?:xx|\d\d))", local_name(node))
    assert match, f"unknown expected status {node}"
    return match.group(1)


def _boolean(node: Node) -> bool:
    assert isinstance(node, Literal) and isinstance(node.toPython(), bool), node
    return bool(node.toPython())


def _request(graph: Graph, node: Node) -> HttpRequest:
    headers: list[tuple[str, str]] = []
    header_list = _optional(graph, node, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            headers.append((str(_one(graph, header, HT.fieldName)), str(_one(graph, header, HT.fieldValue))))
    body: bytes | None = None
    body_node = _optional(graph, node, HT.body)
    if body_node is not None:
        encoding = codecs.lookup(str(_one(graph, body_node, CNT.characterEncoding))).name
        body = str(_one(graph, body_node, CNT.chars)).encode(encoding)
    response = _one(graph, node, HT.resp)
    boolean = _optional(graph, response, MF.expectedBoolean)
    expected_format = _optional(graph, response, MF.expectedFormat)
    expected = Expected(
        statuses=tuple(sorted(_status(s) for s in graph.objects(response, MF.expectedStatus))),
        boolean=None if boolean is None else _boolean(boolean),
        format=None if expected_format is None else str(expected_format),
    )
    assert expected.statuses, f"{node}: no mf:expectedStatus"
    return HttpRequest(
        method=str(_one(graph, node, HT.methodName)),
        path=str(_one(graph, node, HT.absolutePath)),
        headers=tuple(headers),
        body=body,
        expected=expected,
    )


def _one_subject(graph: Graph, predicate: URIRef, value: Node) -> Node:
    subjects = list(graph.subjects(predicate, value))
    assert len(subjects) == 1, subjects
    return subjects[0]


def manifest_entries(path: Path) -> tuple[Graph, list[Node]]:
    graph = Graph().parse(path, format="turtle")
    manifest = _one_subject(graph, RDF.type, MF.Manifest)
    return graph, list(Collection(graph, _one(graph, manifest, MF.entries)))


def protocol_cases(path: Path) -> list[ProtocolCase]:
    """Every entry of the protocol manifest, in manifest order."""
    graph, entries = manifest_entries(path)
    cases = []
    for entry in entries:
        action = _one(graph, entry, MF.action)
        request_nodes = list(Collection(graph, _one(graph, action, HT.requests)))
        cases.append(
            ProtocolCase(
                name=local_name(entry),
                title=str(_one(graph, entry, MF.name)),
                requests=tuple(_request(graph, node) for node in request_nodes),
            )
        )
    return cases


def selected(case: ProtocolCase) -> bool:
    """The cases for a read-only query endpoint: queries, and bad requests that must be refused with a 4xx."""
    if case.name.startswith("query_"):
        return True
    if case.name.startswith("bad_"):
        # a bad update must be refused by a read-only endpoint too; any other expectation needs an update endpoint
        return all(r.expected.statuses == ("4xx",) for r in case.requests)
    return False


ALL_CASES = protocol_cases(W3C / "manifest.ttl") if (W3C / "manifest.ttl").is_file() else []
CASES = [case for case in ALL_CASES if selected(case)]
#: the 2013 manifest has 13 query_* and 14 bad_* cases (7 of them bad updates); 7 update_* cases are left out
EXPECTED_SELECTED = 27
ran_cases: list[str] = []  # the names of the cases run in this session, in order


# ---------------------------------------------------------------- talking to the server


@dataclass
class HttpResponse:
    status: int
    content_type: str  # the media type, lower case, without parameters
    body: bytes


def send(live_server: LiveServer, request: HttpRequest) -> HttpResponse:
    """Send a request exactly as described: the raw path (repeated parameters and escapes as they are)."""
    assert request.path.startswith(MANIFEST_PREFIX), request.path
    endpoint = urlsplit(live_server.sparql + "/")
    path = endpoint.path + request.path[len(MANIFEST_PREFIX) :]
    connection = http.client.HTTPConnection(endpoint.hostname, endpoint.port, timeout=30)
    try:
        connection.request(request.method, path, body=request.body, headers=dict(request.headers))
        response = connection.getresponse()
        body = response.read()
        content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        return HttpResponse(response.status, content_type, body)
    finally:
        connection.close()


def select(live_server: LiveServer, query: str) -> list[dict[str, str]]:
    response = requests.get(
        live_server.sparql,
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in row.items()} for row in response.json()["results"]["bindings"]]


COUNT = "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def counts_before(live_server: LiveServer) -> dict[str, str]:
    """The size of the dataset before any of this module's requests."""
    reference_file("w3c-sparql11-protocol/manifest.ttl")
    return select(live_server, COUNT)[0]


# ---------------------------------------------------------------- reading answers


def boolean_of(response: HttpResponse) -> bool:
    if response.content_type == "application/sparql-results+json":
        document = json.loads(response.body.decode("utf-8"))
        assert set(document) <= {"head", "boolean", "link"}, document
        value = document["boolean"]
    elif response.content_type == "application/sparql-results+xml":
        root = ET.fromstring(response.body)
        assert root.tag == SRX + "sparql"
        element = root.find(SRX + "boolean")
        assert element is not None and element.text in ("true", "false"), response.body
        value = element.text == "true"
    else:
        raise AssertionError(f"not a boolean result: {response.content_type}")
    assert isinstance(value, bool)
    return value


def check_tabular(response: HttpResponse) -> None:
    text = response.body.decode("utf-8")
    if response.content_type == "application/sparql-results+json":
        document = json.loads(text)
        assert isinstance(document["head"]["vars"], list)
        assert isinstance(document["results"]["bindings"], list)
    elif response.content_type == "application/sparql-results+xml":
        root = ET.fromstring(response.body)
        assert root.tag == SRX + "sparql"
        assert root.find(SRX + "head") is not None and root.find(SRX + "results") is not None
    elif response.content_type == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(rows[0])
    else:
        header = text.split("\n")[0].split("\t")
        assert all(name.startswith("?") for name in header), header


def check_format(response: HttpResponse, expected: str) -> None:
    if expected in ("tabular", "boolean"):
        assert expected in RESULT_TYPES.get(response.content_type, set()), (
            f"{response.content_type!r} is not a SPARQL results type for {expected} results"
        )
        if expected == "boolean":
            boolean_of(response)
        else:
            check_tabular(response)
    elif expected == "RDF":
        assert response.content_type in RDF_TYPES, f"{response.content_type!r} is not an RDF type"
        Graph().parse(data=response.body, format=RDF_TYPES[response.content_type], publicID="http://example.org/")
    else:
        raise AssertionError(f"unknown mf:expectedFormat {expected!r}")


# ---------------------------------------------------------------- the protocol tests


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_protocol_case(live_server: LiveServer, counts_before: dict[str, str], case: ProtocolCase) -> None:
    reference_file("w3c-sparql11-protocol/manifest.ttl")
    assert live_server.w3c_loaded
    ran_cases.append(case.name)
    for number, request in enumerate(case.requests, 1):
        response = send(live_server, request)
        where = f"{case.name} ({case.title}), request {number}: {request.method} {request.path}"
        assert request.expected.allows(response.status), (
            f"{where}: status {response.status}, expected {'/'.join(request.expected.statuses)}; "
            f"{response.body[:300]!r}"
        )
        if request.expected.format is not None:
            check_format(response, request.expected.format)
        if request.expected.boolean is not None:
            assert boolean_of(response) is request.expected.boolean, where


def test_the_selection_is_the_query_and_bad_request_cases() -> None:
    reference_file("w3c-sparql11-protocol/manifest.ttl")
    names = [case.name for case in ALL_CASES]
    assert len(names) == len(set(names)) == 34
    assert all(case.requests for case in ALL_CASES)
    left_out = [name for name in names if name not in {case.name for case in CASES}]
    assert all(name.startswith("update_") for name in left_out), left_out
    assert [case.name for case in CASES] == [n for n in names if n.startswith(("query_", "bad_"))]
    assert len(CASES) == EXPECTED_SELECTED


def test_every_selected_case_ran(request: pytest.FixtureRequest) -> None:
    """Runs after the cases (pytest keeps the order of the module): no case may silently drop out."""
    reference_file("w3c-sparql11-protocol/manifest.ttl")
    collected = [item for item in request.session.items if getattr(item, "originalname", "") == "test_protocol_case"]
    if len(collected) != len(CASES):
        pytest.skip("only some protocol cases were selected (-k); run the whole module to count them")
    assert ran_cases == [case.name for case in CASES]
    assert len(ran_cases) == EXPECTED_SELECTED


def test_the_data_is_unchanged_after_the_bad_requests(live_server: LiveServer, counts_before: dict[str, str]) -> None:
    reference_file("w3c-sparql11-protocol/manifest.ttl")
    assert select(live_server, COUNT)[0] == counts_before
    graphs = {row["g"] for row in select(live_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {*PROJECT_GRAPHS, *W3C_GRAPHS}
    for iri in W3C_GRAPHS:
        ask = f"SELECT * WHERE {{ GRAPH <{iri}> {{ <{iri}> a <http://xmlns.com/foaf/0.1/Document> }} }}"
        assert select(live_server, ask) == [{}]


# ---------------------------------------------------------------- the service description tests


def _service_description(url: str, accept: str | None = "text/turtle") -> Graph:
    response = requests.get(url, headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200, response.text
    media_type = response.headers["Content-Type"].split(";")[0].strip()
    assert media_type in RDF_TYPES, media_type
    if accept is not None and accept in RDF_TYPES:
        assert media_type == accept
    return Graph().parse(data=response.content, format=RDF_TYPES[media_type], publicID=url)


def has_endpoint_triple(url: str) -> None:
    graph = _service_description(url)
    assert (None, SD.endpoint, URIRef(url)) in graph, sorted(graph.objects(None, SD.endpoint))


def returns_rdf(url: str) -> None:
    for accept in (None, "text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"):
        graph = _service_description(url, accept)
        assert len(list(graph.subjects(RDF.type, SD.Service))) == 1, accept


def conforms_to_schema(url: str) -> None:
    graph = _service_description(url)
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    service = services[0]
    endpoints = list(graph.objects(service, SD.endpoint))
    assert endpoints and all(isinstance(e, URIRef) for e in endpoints)
    languages = set(graph.objects(service, SD.supportedLanguage))
    assert SD.SPARQL11Query in languages
    assert languages <= {SD.SPARQL10Query, SD.SPARQL11Query}  # read-only: no SPARQL11Update
    formats = list(graph.objects(service, SD.resultFormat))
    assert formats and all(isinstance(f, URIRef) for f in formats)
    assert all(isinstance(f, URIRef) for f in graph.objects(service, SD.feature))
    datasets = list(graph.objects(service, SD.defaultDataset))
    assert len(datasets) == 1
    dataset = datasets[0]
    assert (dataset, RDF.type, SD.Dataset) in graph
    assert len(list(graph.objects(dataset, SD.defaultGraph))) <= 1
    names = []
    for named in graph.objects(dataset, SD.namedGraph):
        assert (named, RDF.type, SD.NamedGraph) in graph
        graph_names = list(graph.objects(named, SD.name))
        assert len(graph_names) == 1 and isinstance(graph_names[0], URIRef), graph_names
        names.append(str(graph_names[0]))
    assert sorted(names) == sorted([*PROJECT_GRAPHS, *W3C_GRAPHS])


SERVICE_DESCRIPTION_TESTS: dict[str, Callable[[str], None]] = {
    "has-endpoint-triple": has_endpoint_triple,
    "returns-rdf": returns_rdf,
    "conforms-to-schema": conforms_to_schema,
}


def test_the_service_description_manifest_is_covered() -> None:
    path = reference_file("w3c-sparql11-protocol/service-description-manifest.ttl")
    _, entries = manifest_entries(path)
    assert sorted(local_name(e) for e in entries) == sorted(SERVICE_DESCRIPTION_TESTS)


@pytest.mark.parametrize("slash", ["", "/"], ids=["sparql", "sparql-slash"])
@pytest.mark.parametrize("name", list(SERVICE_DESCRIPTION_TESTS))
def test_service_description(live_server: LiveServer, name: str, slash: str) -> None:
    reference_file("w3c-sparql11-protocol/service-description-manifest.ttl")
    SERVICE_DESCRIPTION_TESTS[name](live_server.sparql + slash)
