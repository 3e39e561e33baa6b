"""The edge under attack (issue 12, rows 1, 2, 3 and 10): no request leaves the server for a visitor, memory and
request bodies are bounded, the query workers are shared fairly, and a query nested too deeply is refused.

The attacks are sent as the issue sent them, to `kg serve` started as the README starts it (`live_server`); a
loopback listener that must receive nothing stands for the address an attacker names. Each client talks from its
own loopback address (127.0.0.2x), so the per-client limits see distinct clients and other tests are not touched.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import json
import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from kg.backends import RemoteConfig
from kg.backends.remote import RemoteStore, StoreUnavailable
from kg.engine import MB, PoolLimits, QueryPool, Request, allowed_service, execute_request
from kg.fairshare import FairShare, Refused
from kg.snapshots import SnapshotReader
from tests.conftest import LiveServer

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BIG = 'CONSTRUCT { ?s ?p ?big } WHERE { ?s ?p ?o BIND(CONCAT(STR(?o), "' + "x" * 50_000 + '") AS ?big) }'
JSON = "application/sparql-results+json"


class Listener:
    """A loopback socket that counts every connection made to it (it never answers)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.close()


def send(server: LiveServer, query: str, source: str, accept: str = JSON, timeout: float = 60):
    """POST a query from the loopback address `source`: (status, headers, body)."""
    where = urlsplit(server.url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request(
            "POST",
            "/sparql",
            body=urlencode({"query": query}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        answer = conn.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        conn.close()


def get(server: LiveServer, path: str, source: str):
    where = urlsplit(server.url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=60, source_address=(source, 0))
    try:
        conn.request("GET", path, headers={"Accept": "text/html"})
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


# ---------------------------------------------------------------- row 1: SERVICE


def service_attacks(port: int, own: str) -> list[str]:
    target = f"http://127.0.0.1:{port}/x"
    return [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE e:x {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/>\nASK {{ SERVICE <x> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE#comment\n<{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{target}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        # three nested calls to our own endpoint, which held both workers until the time limit
        f"SELECT * WHERE {{ SERVICE <{own}> {{ SERVICE <{own}> {{ SERVICE <{target}> {{ ?s ?p ?o }} }} }} }}",
    ]


def test_service_is_refused_and_no_connection_leaves(live_server: LiveServer, listener: Listener) -> None:
    for query in service_attacks(listener.port, live_server.sparql):
        status, _, body = send(live_server, query, "127.0.0.20")
        text = body.decode()
        assert status == 400, (query, text)
        assert "Frågan anropar en annan SPARQL-tjänst" in text and "The query calls another SPARQL service" in text
    time.sleep(0.5)
    assert listener.connections == 0
    status, _, body = send(live_server, "ASK {}", "127.0.0.20")  # the workers were never held
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_service_word_in_a_string_or_iri_is_not_a_call(live_server: LiveServer) -> None:
    query = 'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:1/>" AS ?x) FILTER(?x != <http://e.org/SERVICE>) }'
    status, _, body = send(live_server, query, "127.0.0.20")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_the_remote_store_checks_syntax_without_calling_a_service(listener: Listener) -> None:
    store_listener = Listener()  # stands for the remote store: it is asked, the service is not
    try:
        remote = RemoteStore(RemoteConfig(query=f"http://127.0.0.1:{store_listener.port}/sparql", timeout=1))
        with pytest.raises(StoreUnavailable):
            remote.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}")
        with pytest.raises(SyntaxError):
            remote.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }}")
        time.sleep(0.3)
        assert listener.connections == 0 and store_listener.connections >= 1
    finally:
        store_listener.close()


class _Service(http.server.BaseHTTPRequestHandler):
    """A SPARQL service stand-in on loopback: one binding for any query."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps(
            {"head": {"vars": ["o"]}, "results": {"bindings": [{"o": {"type": "literal", "value": "från tjänsten"}}]}}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", JSON)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args) -> None:
        pass


@pytest.mark.embedded_only  # the embedded engine makes the call itself
def test_an_endpoint_the_operator_allows_is_called(store_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Service)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    allowed = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        query = f"SELECT ?o WHERE {{ SERVICE <{allowed}> {{ ?s ?p ?o }} }}"
        store = SnapshotReader(store_path).store
        answer = execute_request(store, Request(query=query, accept=JSON, services=(allowed,)))
        assert answer.status == 200, answer.body
        assert json.loads(answer.body)["results"]["bindings"] == [{"o": {"type": "literal", "value": "från tjänsten"}}]
        other = execute_request(store, Request(query=query.replace("/sparql", "/sparqlx"), services=(allowed,)))
        assert other.status == 400
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("endpoint", "allowed"),
    [
        ("https://a.example/sparql", True),
        ("https://a.example/sparql?default-graph-uri=x", True),
        ("https://a.example/sparql/x", True),
        ("https://a.example/sparqlx", False),
        ("https://a.example.evil/sparql", False),
        ("http://a.example/sparql", False),
    ],
)
def test_allowed_endpoints_match_at_a_boundary(endpoint: str, allowed: bool) -> None:
    assert allowed_service(endpoint, ("https://a.example/sparql",)) is allowed
    assert allowed_service(endpoint, ()) is False


# ---------------------------------------------------------------- row 2: memory and request bodies


def group_memory(pid: int) -> int:
    """Resident bytes of a process and its children (the query workers)."""
    pids = [pid] + [int(entry) for entry in os.listdir("/proc") if entry.isdigit() and _parent(int(entry)) == pid]
    total = 0
    for one in pids:
        with contextlib.suppress(OSError):
            total += int(Path(f"/proc/{one}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return total


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def settled_memory(pid: int, limit: float = 30.0) -> int:
    """The group's memory once it has stopped moving (within 2 % over a second): the server loads its readers'
    copies of the graph and fills its caches in the background after it starts."""
    deadline, last = time.monotonic() + limit, group_memory(pid)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = group_memory(pid)
        if abs(now - last) <= 0.02 * last:
            return now
        last = now
    return last


@pytest.mark.embedded_only  # the query runs in our workers (on Virtuoso it runs in Virtuoso)
def test_two_huge_constructs_are_cut_flagged_and_memory_stays_bounded(live_server: LiveServer) -> None:
    pid = live_server.process.pid
    idle = settled_memory(pid)
    peak, answers, running = [idle], [None, None], [True]

    def sample() -> None:
        while running[0]:
            peak.append(group_memory(pid))
            time.sleep(0.05)

    def attack(index: int) -> None:
        answers[index] = send(live_server, BIG, f"127.0.0.2{index + 1}", accept="text/turtle")

    sampler = threading.Thread(target=sample)
    sampler.start()
    threads = [threading.Thread(target=attack, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    running[0] = False
    sampler.join()
    for status, headers, body in answers:
        assert status == 200, body[:500]
        assert len(body) <= 16 * MB and headers["x-sparql-truncated"]
        assert body.endswith(b"# avkortat / truncated\n")
    assert max(peak) < 1024 * MB
    deadline = time.monotonic() + 15  # grown workers are replaced after their answer, and the new ones load the graph
    while group_memory(pid) >= 1.2 * idle and time.monotonic() < deadline:
        time.sleep(0.5)
    assert group_memory(pid) < 1.2 * idle


def test_a_cut_graph_in_json_ld_is_refused_clearly(store_path: Path) -> None:
    store = SnapshotReader(store_path).store
    answer = execute_request(store, Request(query=BIG, accept="application/ld+json", max_bytes=MB))
    assert answer.status == 400
    assert "kan inte visa att det är avkortat" in answer.body.decode() and "cannot show that it was cut" in (
        answer.body.decode()
    )


@pytest.mark.parametrize("accept", [JSON, "application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_select_answers_are_cut_at_the_byte_limit(store_path: Path, accept: str) -> None:
    store = SnapshotReader(store_path).store
    query = 'SELECT ?s ?big WHERE { ?s ?p ?o BIND(CONCAT(STR(?o), "' + "y" * 10_000 + '") AS ?big) }'
    answer = execute_request(store, Request(query=query, accept=accept, max_bytes=MB))
    assert answer.status == 200 and answer.truncated
    assert len(answer.body) <= MB and 50 < answer.rows < 110
    if accept == JSON:
        document = json.loads(answer.body)
        assert document["truncated"] is True and len(document["results"]["bindings"]) == answer.rows


def test_a_request_body_past_the_limit_is_413_and_not_read(live_server: LiveServer) -> None:
    where = urlsplit(live_server.url)
    with socket.create_connection((where.hostname, where.port), timeout=10) as sock:
        head = (
            "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {100 * MB}\r\n\r\n"
        )
        sock.sendall(head.encode() + b"x" * 65536)  # the rest (100 MB) is never sent
        answer = sock.recv(65536).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413")
    status, _, body = send(live_server, "ASK {} #" + "x" * (1024 * 1024 + 100), "127.0.0.22")
    assert status == 413
    assert "större än gränsen" in body.decode() and "larger than the limit" in body.decode()


# ---------------------------------------------------------------- row 10: nesting


def test_deep_nesting_is_a_400_and_the_workers_live_on(live_server: LiveServer) -> None:
    query = "ASK { FILTER(" + "(" * 50_000 + "true" + ")" * 50_000 + ") }"
    status, _, body = send(live_server, query, "127.0.0.23")
    assert status == 400
    assert "nästlad" in body.decode() and "nests" in body.decode()
    nested = "SELECT * WHERE " + "{ " * 30 + "?s ?p ?o" + " }" * 30 + " LIMIT 1"
    assert send(live_server, nested, "127.0.0.23")[0] == 200  # ordinary nesting still runs


# ---------------------------------------------------------------- row 3: a fair share


def test_a_client_with_enough_in_flight_gets_429(live_server: LiveServer) -> None:
    answers: list = []
    threads = [
        threading.Thread(target=lambda: answers.append(send(live_server, RUNAWAY, "127.0.0.24"))) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
        time.sleep(0.2)
    for thread in threads:
        thread.join()
    refused = [a for a in answers if a[0] == 429]
    assert len(refused) == 1 and int(refused[0][1]["retry-after"]) >= 1
    assert "frågor igång" in refused[0][2].decode() and "in flight" in refused[0][2].decode()


@pytest.mark.embedded_only  # needs a query that runs to the time limit; Virtuoso may end it early (anytime answers)
def test_a_heavy_client_leaves_a_worker_and_the_pages_to_others(live_server: LiveServer) -> None:
    heavy = "127.0.0.25"
    assert send(live_server, RUNAWAY, heavy)[0] == 503  # stopped at the time limit: this client is now heavy
    done: list[str] = []

    def runaway() -> None:
        send(live_server, RUNAWAY, heavy)
        done.append("runaway")

    threads = [threading.Thread(target=runaway) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    status, _, body = send(live_server, "ASK {}", "127.0.0.26")
    page, _ = get(live_server, "/", "127.0.0.27")
    answered_while_busy = not done
    for thread in threads:
        thread.join()
    assert status == 200 and json.loads(body)["boolean"] is True and page == 200
    assert answered_while_busy  # both runaway queries were still in flight


# ---------------------------------------------------------------- the pool: waiting, memory, growth


@pytest.mark.embedded_only  # worker memory is the embedded engine's (Virtuoso's is its own server's)
def test_waiting_for_a_worker_does_not_eat_the_time_limit(store_path: Path) -> None:
    pool = QueryPool(store_path, 2, limits=PoolLimits(timeout=2, wait=10))
    try:
        busy = [threading.Thread(target=pool.run, args=(Request(RUNAWAY),), kwargs={"client": c}) for c in "ab"]
        for thread in busy:
            thread.start()
        time.sleep(0.3)
        answer = pool.run(Request("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept=JSON), client="c")
        for thread in busy:
            thread.join()
        assert answer.status == 200  # it waited about 2 s for a worker, then had its own 2 s
    finally:
        pool.close()


@pytest.mark.embedded_only
def test_a_worker_past_its_memory_limit_is_stopped_and_one_that_grew_is_replaced(store_path: Path) -> None:
    pool = QueryPool(store_path, 1, limits=PoolLimits(timeout=30, wait=30, memory=300 * MB, growth=8 * MB))
    try:
        hungry = 'SELECT ?big WHERE { ?s ?p ?o BIND(CONCAT(STR(?o), "' + "z" * 50_000 + '") AS ?big) } ORDER BY ?big'
        answer = pool.run(Request(hungry, accept=JSON))
        assert answer.status == 503
        assert "mer minne än gränsen" in answer.body.decode() and "more memory than the limit" in answer.body.decode()
        before = next(iter(pool._all)).process.pid
        cut = pool.run(Request(BIG, accept="text/turtle", max_bytes=16 * MB))
        assert cut.status == 200 and cut.truncated
        time.sleep(1)
        assert pool.run(Request("ASK {}", accept=JSON)).status == 200
        assert next(iter(pool._all)).process.pid != before  # the worker that grew was replaced
    finally:
        pool.close()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_heavy_clients_leave_a_worker_to_the_light_ones() -> None:
    clock = Clock()
    share = FairShare(2, per_client=2, in_flight=6, heavy_after=3.0, clock=clock)
    first = share.acquire("heavy", 0)
    clock.now += 5
    share.release(first)  # 5 s of worker time: heavy
    assert share.usage("heavy") == pytest.approx(5.0)
    share.acquire("heavy", 0)
    with pytest.raises(Refused) as waited:
        share.acquire("heavy", 0)  # a second worker is free, but heavy clients leave it to the others
    assert waited.value.status == 503
    assert share.acquire("light", 0).started is not None
    clock.now += 120
    assert share.usage("heavy") == pytest.approx(5.0 / 4 + 120)  # halved twice, and its query still runs


def test_the_least_used_client_goes_first() -> None:
    clock = Clock()
    share = FairShare(1, per_client=4, in_flight=10, heavy_after=1000.0, clock=clock)
    used = share.acquire("used", 0)
    clock.now += 2
    share.release(used)
    running = share.acquire("third", 0)
    order: list[str] = []

    def wait_for(client: str) -> None:
        turn = share.acquire(client, 5)
        order.append(client)
        share.release(turn)

    threads = [threading.Thread(target=wait_for, args=(c,)) for c in ("used", "fresh")]
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    share.release(running)
    for thread in threads:
        thread.join()
    assert order == ["fresh", "used"]  # "used" came first but had used more


def test_per_client_and_total_limits() -> None:
    share = FairShare(1, per_client=1, in_flight=3, clock=Clock())
    share.acquire("a", 0)
    with pytest.raises(Refused) as same:
        share.acquire("a", 0)
    assert same.value.status == 429 and same.value.retry_after >= 1
    for client in ("b", "c"):
        threading.Thread(target=lambda c=client: _try(share, c), daemon=True).start()
    time.sleep(0.1)
    with pytest.raises(Refused) as full:
        share.acquire("d", 0)
    assert full.value.status == 503


def _try(share: FairShare, client: str) -> None:
    with contextlib.suppress(Refused):
        share.acquire(client, 1)
