"""Running SPARQL protocol requests: in-process, or in worker processes that can be stopped.

pyoxigraph has no query timeout and runs an aggregate to its end before Python sees a row, so
a runaway query can only be stopped from outside: each worker process opens the on-disk store
read-only, and a worker that passes the time limit is killed and replaced while the others go on.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.backends import RemoteConfig
from kg.backends.remote import StoreUnavailable
from kg.namespaces import PREFIXES
from kg.results import (
    BOOLEAN,
    GRAPH,
    RESULT_TYPES,
    SOLUTION_WRITERS,
    SOLUTIONS,
    negotiate,
    write_boolean,
    write_graph,
)
from kg.snapshots import SnapshotReader
from kg.sparql import describe_syntax_error
from kg.sparqltext import has_dataset_clause, looks_like_update


@dataclass
class Request:
    """One SPARQL protocol query request, after the web layer has checked its form."""

    query: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    accept: str | None = None
    format: str | None = None
    max_rows: int | None = None
    base_iri: str | None = None


@dataclass
class Response:
    status: int
    content_type: str = "text/plain; charset=utf-8"
    body: bytes = b""
    truncated: bool = False
    rows: int | None = None

    @classmethod
    def error(cls, status: int, message: str) -> Response:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def execute_request(store: ox.Store, request: Request) -> Response:
    """Run one query and serialise its result in the negotiated format."""
    options: dict = {}
    if request.default_graphs or request.named_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs] or [ox.DefaultGraph()]
        options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    elif not has_dataset_clause(request.query):
        options["use_default_graph_as_union"] = True  # the data lives in named graphs
    try:
        result = store.query(request.query, base_iri=request.base_iri, **options)
    except SyntaxError as err:
        message = describe_syntax_error(str(err))
        if looks_like_update(request.query):
            message += (
                "\nDen här tjänsten är skrivskyddad: uppdateringar (SPARQL Update) tas inte emot. / "
                "This endpoint is read-only: updates (SPARQL Update) are not accepted."
            )
        return Response.error(400, message)
    except StoreUnavailable as err:
        return Response.error(503, f"Grafdatabasen svarar inte / the graph store does not answer: {err}")
    except (OSError, ValueError, TypeError, RuntimeError) as err:
        return Response.error(400, f"Frågan kunde inte köras / the query could not be run: {err}")

    if isinstance(result, ox.QueryBoolean):
        kind = BOOLEAN
    elif isinstance(result, ox.QuerySolutions):
        kind = SOLUTIONS
    else:
        kind = GRAPH
    media_type = negotiate(kind, request.accept, request.format)
    if media_type is None:
        return Response.error(
            406,
            "Inget av de begärda formaten kan levereras / none of the requested formats "
            f"can be produced. Möjliga / available: {', '.join(RESULT_TYPES[kind])}",
        )
    try:
        if kind == BOOLEAN:
            return Response(200, media_type, write_boolean(bool(result), media_type))
        if kind == GRAPH:
            return Response(200, media_type, write_graph(result, media_type, PREFIXES))
        variables = [v.value for v in result.variables]
        rows, truncated = [], False
        for solution in result:
            if request.max_rows is not None and len(rows) >= request.max_rows:
                truncated = True
                break
            rows.append([solution[v] for v in variables])
        body = SOLUTION_WRITERS[media_type](variables, rows, truncated)
        return Response(200, media_type, body, truncated, len(rows))
    except (OSError, ValueError, TypeError, RuntimeError) as err:
        return Response.error(400, f"Frågan kunde inte köras / the query could not be run: {err}")


# ---------------------------------------------------------------- worker processes


READY = "ready"
STARTUP_LIMIT = 60.0  # seconds a new worker may take to open the store (not counted against any query)


def _worker_main(conn: Connection, store_path: str | RemoteConfig) -> None:
    """A worker: open the store read-only, say so, and answer requests until the pipe closes. The worker reads
    the newest published snapshot of the store (kg.snapshots) and moves to a newer one before a query."""
    reader = SnapshotReader(store_path)
    _ = reader.store
    conn.send(READY)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(execute_request(reader.store, request))


def _portable(store_path: Path | RemoteConfig) -> str | RemoteConfig:
    """What a worker process is given to open the store: a folder's path, or the remote store's settings."""
    return store_path if isinstance(store_path, RemoteConfig) else str(store_path)


class _Worker:
    def __init__(self, context, store_path: Path | RemoteConfig):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, _portable(store_path)), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """A fixed number of worker processes, each with the store open read-only."""

    def __init__(self, store_path: Path | RemoteConfig, workers: int = 2, timeout: float = 10.0):
        self.store_path = store_path if isinstance(store_path, RemoteConfig) else Path(store_path)
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._start() for _ in range(workers)]
        for worker in started:  # the first workers are waited for, so the first query is not slowed
            self._admit(worker)
        if self._idle.empty():
            self.close()
            raise OSError(f"no query worker could open the store at {self.store_path}")

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.store_path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _admit(self, worker: _Worker) -> None:
        """Put a worker to use once it has opened the store; a start-up never counts against a query."""
        try:
            ready = worker.conn.poll(STARTUP_LIMIT) and worker.conn.recv() == READY
        except (EOFError, OSError):
            ready = False
        if ready and not self._closed:
            self._idle.put(worker)
        else:
            with self._lock:
                self._all.discard(worker)
            worker.stop()

    def _retire(self, worker: _Worker) -> None:
        """Stop a worker and start its replacement in the background."""
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        if not self._closed:
            replacement = self._start()
            threading.Thread(target=self._admit, args=(replacement,), daemon=True).start()

    def run(self, request: Request, timeout: float | None = None) -> Response:
        """Answer a request in a worker; a query past the time limit is stopped (503)."""
        limit = self.timeout if timeout is None else timeout
        started = time.monotonic()
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            return Response.error(
                503,
                f"Alla frågeprocesser är upptagna; försök igen. / All query workers are busy; try again. ({limit:g} s)",
            )
        remaining = max(0.001, limit - (time.monotonic() - started))
        try:
            worker.conn.send(request)
            if worker.conn.poll(remaining):
                response = worker.conn.recv()
                self._idle.put(worker)
                return response
        except (EOFError, OSError):
            self._retire(worker)
            return Response.error(500, "Frågeprocessen avbröts oväntat. / The query worker stopped unexpectedly.")
        self._retire(worker)
        return Response.error(
            503,
            f"Frågan avbröts efter tidsgränsen {limit:g} s. Begränsa frågan (t.ex. med "
            f"LIMIT) eller kör den mot en egen kopia av data. / The query was stopped after "
            f"the time limit of {limit:g} s. Narrow it (e.g. with LIMIT) or run it on your "
            f"own copy of the data.",
        )

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
