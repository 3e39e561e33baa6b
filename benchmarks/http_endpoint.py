"""Benchmark: the named queries through the SPARQL endpoint (`kg serve`) against the in-process floor
(`kg.engine.execute_request`) and against a peer endpoint, rdflib-endpoint (rdflib behind FastAPI and
uvicorn), on the real graph and on synthetic graphs of its shape. Then N concurrent clients send a
mix of the named queries to each server for a while. Prints Markdown tables and writes them to
benchmarks/out/http-<size>.md.

    .venv/bin/python benchmarks/http_endpoint.py --sizes real 100000 [--repeat 5] [--seconds 10] [--clients 4]

The peer runs in its own virtualenv (default /tmp/peer-venv):

    python3 -m venv /tmp/peer-venv && /tmp/peer-venv/bin/pip install rdflib-endpoint uvicorn

A script, not a test: timings depend on the machine. Every request is a form-encoded POST with
`Accept: application/sparql-results+json`, timed by the client until the whole body is read: with
`http.client` for the per-query times (in-process and kg HTTP runs alternate, so that both see the
same load on the machine), with `requests.Session` in the throughput run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlencode

import pyoxigraph as ox
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

from kg.engine import Request, execute_request  # noqa: E402
from kg.namespaces import sparql_prologue  # noqa: E402
from kg.queries import named_queries  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
RESULTS_JSON = "application/sparql-results+json"
FIXED_COST = "ASK {} (fixed cost)"
KG_TIMEOUT_S = 120.0  # the server's own query time limit, raised from 10 s
START_TIMEOUT_S = 600.0  # rdflib parses the whole TriG file before it listens

PEER_LAUNCHER = """
import sys
import rdflib
import uvicorn
from rdflib_endpoint import SparqlEndpoint

trig, port = sys.argv[1], int(sys.argv[2])
dataset = rdflib.Dataset(default_union=True)
dataset.parse(trig, format="trig")
app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
"""


@dataclass
class Timing:
    """One query on one system: the median in ms and the number of rows, or why there is none."""

    median_ms: float | None = None
    rows: int | None = None
    error: str | None = None


@dataclass
class Throughput:
    requests_per_s: float
    median_ms: float
    answered: int
    errors: int
    wall_s: float


@dataclass
class Dataset:
    label: str
    store: Path
    trig: Path
    triples: int


class QueryFailed(Exception):
    pass


class QueryTimedOut(Exception):
    pass


class ConnectionLost(Exception):
    pass


# ---------------------------------------------------------------- data


def prepare(size: str, folder: Path) -> Dataset:
    """The store for `kg serve` and the same quads as TriG for the peer."""
    store = folder / "store"
    if size == "real":
        build = [sys.executable, "-m", "kg.cli", "--store", str(store), "build"]
        subprocess.run(build, check=True, capture_output=True)
        trig = folder / "real.trig"
        ox.Store.read_only(str(store)).dump(str(trig), format=ox.RdfFormat.TRIG)
    else:
        trig = generate(int(size), OUT / f"synthetic-{size}.trig")
        writable = ox.Store(str(store))
        writable.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        writable.flush()
        del writable
    triples = len(ox.Store.read_only(str(store)))
    label = "real graph" if size == "real" else f"synthetic, {int(size):,} requested"
    return Dataset(label, store, trig, triples)


def benchmark_queries() -> dict[str, str]:
    """A trivial query (the per-request cost) and every named query with the prologue it needs."""
    prologue = sparql_prologue()
    return {FIXED_COST: "ASK {}", **{name: prologue + query.text for name, query in named_queries().items()}}


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """An endpoint in a subprocess on a free loopback port (`{port}` in the command); `start` returns
    once it answers a query."""

    def __init__(self, name: str, command: list[str], log: Path, env: dict[str, str] | None = None):
        self.name = name
        self.command = command
        self.log = log
        self.env = {**os.environ, **(env or {})}
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def start(self) -> None:
        self.port = free_port()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [part.replace("{port}", str(self.port)) for part in self.command],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                start_new_session=True,
            )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self.log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{tail}")
            try:
                response = requests.post(
                    self.url, data={"query": "ASK {}"}, headers={"Accept": RESULTS_JSON}, timeout=5
                )
                if response.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer within {START_TIMEOUT_S:.0f} s (log: {self.log})")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        """After a request timed out: the server may still be busy with it."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.start()


def kg_server(store: Path, log: Path) -> Server:
    command = [sys.executable, "-m", "kg.cli", "--store", str(store), "serve", "--host", "127.0.0.1"]
    command += ["--port", "{port}"]
    env = {
        "KG_SPARQL_TIMEOUT": str(KG_TIMEOUT_S),
        "KG_SPARQL_MAX_ROWS": "1000000",
        "KG_SECRET_KEY": secrets.token_urlsafe(32),  # `kg serve` stops without one
    }
    return Server("kg serve", command, log, env)


def peer_server(python: Path, trig: Path, log: Path) -> Server:
    return Server("rdflib-endpoint", [str(python), "-c", PEER_LAUNCHER, str(trig), "{port}"], log)


# ---------------------------------------------------------------- runners


class Runner(Protocol):
    warm_up: int  # untimed runs of each query first
    timeout: float  # seconds before a request is dropped

    def run(self, text: str) -> tuple[float, int | None]:
        """Seconds and rows (None for ASK); raises QueryFailed, QueryTimedOut or ConnectionLost."""
        ...

    def recover(self) -> None:
        """Called after a timeout or a lost connection."""
        ...


class InProcess:
    """The floor: `execute_request` on the store opened read-only in this process."""

    warm_up = 1
    timeout = float("inf")  # a query in process cannot be stopped

    def __init__(self, store: Path):
        self.store = ox.Store.read_only(str(store))

    def run(self, text: str) -> tuple[float, int | None]:
        start = time.perf_counter()
        response = execute_request(self.store, Request(query=text, accept=RESULTS_JSON))
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise QueryFailed(f"status {response.status}: {response.body[:80].decode(errors='replace')}")
        return elapsed, response.rows

    def recover(self) -> None:
        pass


class Http:
    """Form-encoded POSTs to a server on one kept-alive `http.client` connection: the lightest Python
    client, so that the time is the server's and the network's rather than the client library's."""

    def __init__(self, server: Server, timeout: float, warm_up: int):
        self.server = server
        self.timeout = timeout
        self.warm_up = warm_up
        self.connection: http.client.HTTPConnection | None = None

    def run(self, text: str) -> tuple[float, int | None]:
        body = urlencode({"query": text})
        try:
            return self._post(body)
        except ConnectionLost:  # the server may have closed an idle kept-alive connection: once more
            return self._post(body)

    def _post(self, body: str) -> tuple[float, int | None]:
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=self.timeout)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_JSON}
        try:
            start = time.perf_counter()
            self.connection.request("POST", "/sparql", body, headers)
            response = self.connection.getresponse()
            payload = response.read()
            elapsed = time.perf_counter() - start
        except TimeoutError:
            raise QueryTimedOut from None
        except (OSError, http.client.HTTPException) as err:
            self.connection.close()
            raise ConnectionLost(type(err).__name__) from None
        return elapsed, count_rows(response.status, payload)

    def recover(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.server.restart()


def send(session: requests.Session, url: str, text: str, timeout: float) -> tuple[float, int | None]:
    """One request with `requests`: the seconds until the whole body is read, and the number of rows."""
    start = time.perf_counter()
    # without stream=True, requests has read the whole body when post() returns
    response = session.post(url, data={"query": text}, headers={"Accept": RESULTS_JSON}, timeout=timeout)
    elapsed = time.perf_counter() - start
    return elapsed, count_rows(response.status_code, response.content)


def count_rows(status: int, body: bytes) -> int | None:
    """The number of rows of a JSON result (None for ASK); raises QueryFailed for an error."""
    if status != 200:
        raise QueryFailed(f"HTTP {status}: {error_message(body)}")
    try:
        result = json.loads(body)
        return len(result["results"]["bindings"]) if "results" in result else None
    except (ValueError, KeyError, TypeError) as err:
        raise QueryFailed(f"unreadable result: {err}") from None


def error_message(body: bytes) -> str:
    """The gist of an error body: rdflib-endpoint sends JSON `{"message": "context: cause"}`."""
    text = body.decode("utf-8", errors="replace")
    try:
        message = str(json.loads(text)["message"]).rsplit(": ", 1)[-1]
    except (ValueError, KeyError, TypeError):
        message = text.strip().split("\n", 1)[0]
    return message[:80]


def attempt(runner: Runner, text: str) -> tuple[float, int | None] | str:
    """One run, or the reason it failed (after which the runner recovers if it must)."""
    try:
        return runner.run(text)
    except QueryTimedOut:
        runner.recover()
        return f"timed out (> {runner.timeout:.0f} s)"
    except ConnectionLost as err:
        runner.recover()
        return f"connection failed ({err})"
    except QueryFailed as err:
        return str(err)


def measure(runners: dict[str, Runner], queries: dict[str, str], repeat: int) -> dict[str, dict[str, Timing]]:
    """The median of `repeat` runs of each query on each runner, the runners taking turns."""
    results: dict[str, dict[str, Timing]] = {name: {} for name in runners}
    for query, text in queries.items():
        times: dict[str, list[float]] = {name: [] for name in runners}
        rows: dict[str, int | None] = {}
        failed: dict[str, str] = {}
        for name, runner in runners.items():
            for _ in range(runner.warm_up):
                outcome = attempt(runner, text)
                if isinstance(outcome, str):
                    failed[name] = outcome
                    break
        for _ in range(repeat):
            for name, runner in runners.items():
                if name in failed:
                    continue
                outcome = attempt(runner, text)
                if isinstance(outcome, str):
                    failed[name] = outcome
                else:
                    times[name].append(outcome[0])
                    rows[name] = outcome[1]
        for name in runners:
            if name in failed:
                results[name][query] = Timing(error=failed[name])
            else:
                results[name][query] = Timing(statistics.median(times[name]) * 1000, rows[name])
    return results


class _FromAddress(requests.adapters.HTTPAdapter):
    """Connections from one loopback address, so that a server's per-client limits see distinct clients."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def measure_throughput(url: str, queries: list[str], clients: int, seconds: float, timeout: float) -> Throughput:
    """`clients` threads, each with its own session from its own loopback address (127.0.0.2, …), cycle through
    the queries and start new requests until `seconds` have passed; then each waits for its last answer.
    Requests/s = answers / wall time."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    deadline = 0.0

    def client(offset: int) -> None:
        nonlocal errors
        with requests.Session() as session:
            session.mount("http://", _FromAddress(f"127.0.0.{2 + offset}"))
            barrier.wait()
            i = offset
            while time.perf_counter() < deadline:
                try:
                    elapsed, _ = send(session, url, queries[i % len(queries)], timeout)
                    with lock:
                        latencies.append(elapsed)
                except (requests.RequestException, QueryFailed):
                    with lock:
                        errors += 1
                i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    deadline = start + seconds
    barrier.wait()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    median = statistics.median(latencies) * 1000 if latencies else float("nan")
    return Throughput(len(latencies) / wall, median, len(latencies), errors, wall)


def throughput_mix(queries: dict[str, str], timings: dict[str, Timing]) -> list[str]:
    """The named queries that the server answered in the latency runs."""
    return [queries[name] for name in named_queries() if timings[name].error is None]


# ---------------------------------------------------------------- report


def ms(value: float) -> str:
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def cell(timing: Timing) -> str:
    return ms(timing.median_ms) if timing.error is None else timing.error.replace("|", "\\|")


def rows_cell(floor: Timing, *others: Timing) -> str:
    if floor.rows is None:
        return "–"
    differing = [str(t.rows) for t in others if t.error is None and t.rows != floor.rows]
    return f"{floor.rows}" + (f" (≠ {', '.join(differing)})" if differing else "")


def peer_ratio(ours: Timing, peer: Timing, timeout: float) -> str:
    if ours.error is not None:
        return "–"
    if peer.error is None:
        return f"{peer.median_ms / ours.median_ms:.1f}×"
    if peer.error.startswith("timed out"):
        return f"> {timeout * 1000 / ours.median_ms:.0f}×"
    return "–"


def render(
    data: Dataset,
    args: argparse.Namespace,
    timings: dict[str, dict[str, Timing]],
    throughput: dict[str, Throughput],
) -> str:
    floor, ours, peer = timings["in-process"], timings["kg"], timings.get("peer", {})
    runs = f"{args.repeat} runs" + (f" ({args.peer_repeat} for the peer)" if args.peer_repeat != args.repeat else "")
    lines = [
        f"## {data.label}: {data.triples:,} triples",
        "",
        f"Medians of {runs} after warm-up runs. Overhead = kg HTTP − in-process; "
        "peer / ours = rdflib-endpoint HTTP / kg HTTP.",
        "",
        "| query | rows | in-process | kg HTTP | overhead | rdflib-endpoint | peer / ours |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in floor:
        f, o, p = floor[name], ours[name], peer.get(name, Timing(error="not run"))
        overhead = f"{o.median_ms - f.median_ms:+.2f} ms" if f.error is None and o.error is None else "–"
        lines.append(
            f"| {name} | {rows_cell(f, o, p)} | {cell(f)} | {cell(o)} | {overhead} | {cell(p)} "
            f"| {peer_ratio(o, p, args.peer_timeout)} |"
        )
    lines += [
        "",
        f"Throughput: {args.clients} clients send the named queries (those answered above) round-robin "
        f"for {args.seconds:g} s, then wait for their last answers; requests/s = answers / wall time.",
        "",
        "| server | requests/s | median latency | answers | errors | wall time |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t in throughput.items():
        lines.append(
            f"| {name} | {t.requests_per_s:.2f} | {ms(t.median_ms)} | {t.answered} | {t.errors} | {t.wall_s:.1f} s |"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main


def bench_size(size: str, queries: dict[str, str], args: argparse.Namespace) -> str:
    """Every measurement for one size; the servers run one at a time."""
    with tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        folder = Path(tmp)
        data = prepare(size, folder)
        kg = kg_server(data.store, folder / "kg.log")
        kg.start()
        try:
            runners = {"in-process": InProcess(data.store), "kg": Http(kg, KG_TIMEOUT_S, warm_up=2)}
            timings = measure(runners, queries, args.repeat)
            mix = throughput_mix(queries, timings["kg"])
            throughput = {"kg serve": measure_throughput(kg.url, mix, args.clients, args.seconds, KG_TIMEOUT_S)}
        finally:
            kg.stop()
        if not args.no_peer:
            peer = peer_server(args.peer_python, data.trig, folder / "peer.log")
            peer.start()
            try:
                peer_runner = Http(peer, args.peer_timeout, warm_up=1)
                timings.update(measure({"peer": peer_runner}, queries, args.peer_repeat))
                mix = throughput_mix(queries, timings["peer"])
                throughput["rdflib-endpoint"] = measure_throughput(
                    peer.url, mix, args.clients, args.seconds, args.peer_timeout
                )
            finally:
                peer.stop()
    return render(data, args, timings, throughput)


def size_argument(value: str) -> str:
    if value == "real" or value.isdigit():
        return value
    raise argparse.ArgumentTypeError("a size is `real` or a number of triples")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=size_argument, nargs="+", default=["real", "100000"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peer-repeat", type=int, help="runs of each query on the peer (default: --repeat)")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each throughput run")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients in the throughput run")
    parser.add_argument("--peer-python", type=Path, default=Path("/tmp/peer-venv/bin/python"))
    parser.add_argument("--peer-timeout", type=float, default=120.0, help="seconds before a peer request is dropped")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    if args.peer_repeat is None:
        args.peer_repeat = args.repeat
    OUT.mkdir(exist_ok=True)
    queries = benchmark_queries()
    for size in args.sizes:
        table = bench_size(size, queries, args)
        (OUT / f"http-{size}.md").write_text(table, encoding="utf-8")
        print("\n" + table, flush=True)


if __name__ == "__main__":
    main()
