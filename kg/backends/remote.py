"""A remote SPARQL 1.1 store behind the interface of `pyoxigraph.Store` that the library uses (see kg.backends).

Queries go to the query endpoint (SPARQL 1.1 Protocol, POST form) with our graphs as the dataset: each of them in
`default-graph-uri` (their union is the default graph, as `use_default_graph_as_union` does on Oxigraph) and in
`named-graph-uri`. Results come back as SPARQL JSON or N-Triples/Turtle and are parsed by pyoxigraph into the same
objects an embedded store returns. Bound values are sent as an inline VALUES block (kg.sparqltext). Changes go to
the update endpoint (SPARQL 1.1 Update, authenticated); loading uses the Graph Store protocol when one is configured,
else INSERT DATA in chunks.

Errors: a refused query raises SyntaxError (HTTP 400) or OSError (any other failure) like pyoxigraph does; a store
that cannot be reached raises StoreUnavailable (an OSError).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.backends.config import RemoteConfig
from kg.namespaces import GRAPH, PUBLIC_GRAPHS, SKK
from kg.sparqltext import query_form, with_values, without_services

#: where the remote store keeps a stamp that changes with every change made through kg (not a public graph)
STATE_GRAPH = GRAPH + "state"
STAMP = SKK + "dataStamp"
#: an empty in-memory store: a query is parsed by it before it leaves, so that only a single SPARQL 1.1 query (never
#: an update) is sent, and a syntax error reads the same as on the embedded store
_EMPTY = ox.Store()
CHUNK = 5000  # triples per INSERT DATA request when no Graph Store endpoint is configured
_JSON = "application/sparql-results+json"
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


class StoreUnavailable(OSError):
    """The remote store cannot be reached or refused our credentials."""


class RemoteTriples(list):
    """The triples of a CONSTRUCT or DESCRIBE, like pyoxigraph's QueryTriples (iterable)."""


def _stamp_update(stamp: str) -> str:
    state, prop = f"<{STATE_GRAPH}>", f"<{STAMP}>"
    return (
        f"DELETE {{ GRAPH {state} {{ {state} {prop} ?old }} }} WHERE {{ GRAPH {state} {{ {state} {prop} ?old }} }} ;\n"
        f'INSERT DATA {{ GRAPH {state} {{ {state} {prop} "{stamp}" }} }}'
    )


class RemoteStore:
    def __init__(self, config: RemoteConfig):
        self.config = config
        self._local = threading.local()
        self._stamp: tuple[float, str | None] | None = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.config.query})"

    # ------------------------------------------------------------ HTTP

    @property
    def graphs(self) -> list[str]:
        """The graphs that make up the dataset: the project's public graphs and any configured further ones."""
        return [*PUBLIC_GRAPHS.values(), *self.config.graphs]

    def _session(self):
        import requests

        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            if self.config.user:
                from requests.auth import HTTPBasicAuth, HTTPDigestAuth

                kind = HTTPDigestAuth if self.config.auth == "digest" else HTTPBasicAuth
                session.auth = kind(self.config.user, self.config.password or "")
            self._local.session = session
        return session

    def _send(self, method: str, url: str, **options):
        import requests

        try:
            answer = self._session().request(method, url, timeout=self.config.timeout, **options)
        except requests.Timeout:
            raise StoreUnavailable(f"the store did not answer within {self.config.timeout:g} s: {url}") from None
        except requests.RequestException as err:
            raise StoreUnavailable(f"the store cannot be reached at {url}: {err}") from None
        if answer.encoding is None or answer.encoding.lower() == "iso-8859-1":
            answer.encoding = "utf-8"  # SPARQL's formats are UTF-8 (servers often leave the charset out)
        if answer.status_code in (401, 403):
            raise StoreUnavailable(f"the store refused our credentials ({answer.status_code}) at {url}")
        if answer.status_code == 400:
            raise SyntaxError(_message(answer.text) or "the store refused the request (400)")
        if answer.status_code >= 300:
            raise OSError(f"the store answered {answer.status_code}: {_message(answer.text)}")
        return answer

    # ------------------------------------------------------------ reading

    def query(
        self,
        query: str,
        *,
        base_iri: str | None = None,
        prefixes: dict | None = None,
        use_default_graph_as_union: bool = False,
        default_graph=None,
        named_graphs=None,
        substitutions: dict | None = None,
    ):
        """Like `pyoxigraph.Store.query`: QuerySolutions, QueryBoolean or an iterable of Triples."""
        # SyntaxError as on the embedded store, and never an update; SERVICE read as GRAPH, since Oxigraph would
        # call the service even on an empty store
        _EMPTY.query(without_services(query), base_iri=base_iri, prefixes=prefixes, substitutions=substitutions)
        values = {variable.value: term for variable, term in (substitutions or {}).items()}
        text = with_values(query, values) if values else query
        if prefixes:
            text = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items()) + text
        if base_iri:
            text = f"BASE <{base_iri}>\n{text}"
        form: list[tuple[str, str]] = [("query", text)]
        if default_graph is not None or named_graphs is not None:
            chosen = default_graph if isinstance(default_graph, list) else [default_graph]
            form += [("default-graph-uri", g.value) for g in chosen if isinstance(g, ox.NamedNode)]
            form += [("named-graph-uri", g.value) for g in named_graphs or ()]
        elif use_default_graph_as_union:
            form += [("default-graph-uri", g) for g in self.graphs] + [("named-graph-uri", g) for g in self.graphs]
        kind = query_form(text)
        accept = _JSON if kind in ("SELECT", "ASK", None) else "application/n-triples, text/turtle;q=0.9"
        answer = self._send("POST", self.config.query, data=form, headers={"Accept": accept})
        media = answer.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media in _GRAPH_TYPES:
            return RemoteTriples(q.triple for q in ox.parse(answer.content, format=_GRAPH_TYPES[media]))
        if media in (_JSON, "application/json"):
            result = ox.parse_query_results(_without_star_fake(answer.content), format=ox.QueryResultsFormat.JSON)
            if kind == "ASK" and isinstance(result, ox.QuerySolutions):
                # Virtuoso answers ASK with one row (true) or none (false) of a variable __ASK_RETVAL
                return _boolean(next(iter(result), None) is not None)
            return result
        raise OSError(f"the store answered in an unexpected format: {media or '(none)'}")

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:  # noqa: A002
        """The quads matching the pattern in the dataset's graphs (None matches anything)."""
        bound = {name: term for name, term in (("s", subject), ("p", predicate), ("o", object)) if term is not None}
        graphs = [graph_name] if isinstance(graph_name, ox.NamedNode) else [ox.NamedNode(g) for g in self.graphs]
        if isinstance(graph_name, ox.NamedNode):
            bound["g"] = graph_name
        result = self.query(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            named_graphs=graphs,
            default_graph=[],
            substitutions={ox.Variable(k): v for k, v in bound.items()},
        )
        for row in result:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern()

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        found = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            default_graph=[],
            named_graphs=[ox.NamedNode(g) for g in self.graphs],
        )
        return iter([row["g"] for row in found])

    def __len__(self) -> int:
        found = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            default_graph=[],
            named_graphs=[ox.NamedNode(g) for g in self.graphs],
        )
        return int(next(iter(found))["n"].value)

    def stamp(self, fresh_for: float = 1.0) -> str | None:
        """The data stamp (changed by every change kg makes), read at most once a second per process."""
        now = time.monotonic()
        if self._stamp is not None and now - self._stamp[0] < fresh_for:
            return self._stamp[1]
        found = self.query(
            f"SELECT ?stamp WHERE {{ GRAPH <{STATE_GRAPH}> {{ <{STATE_GRAPH}> <{STAMP}> ?stamp }} }}",
            default_graph=[],
            named_graphs=[ox.NamedNode(STATE_GRAPH)],
        )
        value = next((row["stamp"].value for row in found), None)
        self._stamp = (now, value)
        return value

    # ------------------------------------------------------------ writing

    def update(self, update: str) -> None:
        """One SPARQL Update request (with a new data stamp); the store applies it as one request."""
        self._send("POST", self.config.update_endpoint, data={"update": update + " ;\n" + _stamp_update(_new())})
        self._stamp = None

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads: per graph, Graph Store protocol POST when configured, else INSERT DATA in chunks."""
        self._write(quads, replace=False)

    bulk_extend = extend

    def replace_graphs(self, quads: Iterable[ox.Quad], graphs: Iterable[str]) -> None:
        """Make each of `graphs` hold exactly its quads of `quads` (a build): graph by graph, not one transaction."""
        self._write(quads, replace=True, graphs=list(graphs))

    def _write(self, quads: Iterable[ox.Quad], replace: bool, graphs: list[str] | None = None) -> None:
        by_graph: dict[str, list[ox.Triple]] = {g: [] for g in graphs or ()}
        for quad in quads:
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise ValueError("a remote store takes quads in named graphs only / endast namngivna grafer")
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
        for graph, triples in by_graph.items():
            if replace and not triples:
                self._send("POST", self.config.update_endpoint, data={"update": f"DROP SILENT GRAPH <{graph}>"})
            elif self.config.graph_store:
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
                self._send(
                    "PUT" if replace else "POST",
                    self.config.graph_store,
                    params={self.config.graph_parameter: graph},
                    data=body,
                    headers={"Content-Type": "text/turtle; charset=utf-8"},
                )
            else:
                if replace:
                    self._send("POST", self.config.update_endpoint, data={"update": f"DROP SILENT GRAPH <{graph}>"})
                for chunk in _chunks(triples):
                    text = "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in chunk)
                    self._send(
                        "POST",
                        self.config.update_endpoint,
                        data={"update": f"INSERT DATA {{ GRAPH <{graph}> {{\n{text}}} }}"},
                    )
        self._send("POST", self.config.update_endpoint, data={"update": _stamp_update(_new())})
        self._stamp = None

    def flush(self) -> None:
        """Nothing to do: the remote store keeps what it has acknowledged."""

    def backup(self, _target: str) -> None:
        raise OSError(
            "a remote store is backed up with its own tools / ett fjärrlager säkerhetskopieras med dess "
            "egna verktyg (`kg export` gives the public graphs)"
        )


def _message(text: str) -> str:
    """The server's error message without the query it echoes (Virtuoso repeats it after "SPARQL query:")."""
    return text.split("\nSPARQL query:", 1)[0].strip()[:2000]


def _without_star_fake(body: bytes) -> bytes:
    """Virtuoso answers `SELECT *` over a pattern without variables with a made-up variable `_star_fake`: drop it."""
    if b"_star_fake" not in body:
        return body
    data = json.loads(body)
    data["head"]["vars"] = [v for v in data["head"].get("vars", []) if v != "_star_fake"]
    for row in data.get("results", {}).get("bindings", []):
        row.pop("_star_fake", None)
    return json.dumps(data).encode("utf-8")


def _boolean(value: bool) -> ox.QueryBoolean:
    body = b'{"head":{},"boolean":' + (b"true" if value else b"false") + b"}"
    return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)


def _new() -> str:
    return uuid.uuid4().hex


def _chunks(triples: list[ox.Triple]) -> Iterator[list[ox.Triple]]:
    """Chunks of at most CHUNK triples; every triple with a blank node goes in one chunk, so that a blank node
    stays one node (INSERT DATA makes new blank nodes per request)."""
    blank = [t for t in triples if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)]
    plain = [t for t in triples if not (isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode))]
    for start in range(0, len(plain), CHUNK):
        yield plain[start : start + CHUNK]
    if blank:
        yield blank


_SHARED: dict[RemoteConfig, RemoteStore] = {}
_SHARED_LOCK = threading.Lock()


def shared(config: RemoteConfig) -> RemoteStore:
    """One RemoteStore per configuration in this process (its HTTP sessions are per thread), so that a change made
    through it is seen at once by the caches keyed on its data stamp."""
    with _SHARED_LOCK:
        if config not in _SHARED:
            _SHARED[config] = RemoteStore(config)
        return _SHARED[config]
