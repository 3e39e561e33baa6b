"""Running SPARQL protocol requests: in-process, or in worker processes that can be stopped.

pyoxigraph has no query timeout and runs an aggregate to its end before Python sees a row, so
a runaway query can only be stopped from outside: each worker process opens the on-disk store
read-only, and a worker that passes the time limit is killed and replaced while the others go on.

What a request may do is checked before any parser or worker sees it (`check_request`): no SERVICE
unless the operator named the endpoint, no nesting the parser would die on. Every answer is bounded
in rows and bytes (kg.results), a worker whose memory passes its limit is stopped, and one that grew
is replaced after its answer. Who gets a worker when all are busy is kg.fairshare's rule.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.backends import RemoteConfig
from kg.backends.remote import StoreUnavailable
from kg.fairshare import FairShare, Refused
from kg.namespaces import PREFIXES
from kg.results import (
    BOOLEAN,
    GRAPH,
    RESULT_TYPES,
    SOLUTIONS,
    TooLarge,
    negotiate,
    write_boolean,
    write_bounded_graph,
    write_solutions,
)
from kg.snapshots import SnapshotReader, current_generation
from kg.sparql import describe_syntax_error
from kg.sparqltext import has_dataset_clause, looks_like_update, nesting_depth, service_calls
from kg.statecache import recall, remember, state_key

MAX_NESTING = 200  # brackets deep; Oxigraph's parser dies on its stack a few thousand levels down
MAX_BYTES = 16 * 1024 * 1024  # the default cap on an answer's size


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
    max_bytes: int | None = MAX_BYTES
    services: tuple[str, ...] = ()  # endpoint prefixes the operator allows SERVICE to call (none by default)


@dataclass
class Response:
    status: int
    content_type: str = "text/plain; charset=utf-8"
    body: bytes = b""
    truncated: bool = False
    rows: int | None = None
    retry_after: int | None = None
    generation: int | None = None  # the snapshot generation a worker answered from (kg.snapshots)

    @classmethod
    def error(cls, status: int, message: str, retry_after: int | None = None) -> Response:
        body = (message.rstrip() + "\n").encode("utf-8")
        return cls(status, "text/plain; charset=utf-8", body, retry_after=retry_after)


def allowed_service(endpoint: str, allowed: tuple[str, ...]) -> bool:
    """Whether `endpoint` lies under one of the allowed prefixes, at a boundary: `https://a.example/sparql` allows
    itself and `https://a.example/sparql/x` or `?x`, not `https://a.example/sparqlx` or `https://a.example.evil/`."""
    for prefix in allowed:
        if endpoint == prefix:
            return True
        if endpoint.startswith(prefix) and (prefix[-1] in "/?#=&" or endpoint[len(prefix)] in "/?#"):
            return True
    return False


def check_request(request: Request) -> Response | None:
    """The refusal a request gets before it is parsed, or None: too deep a nesting, or a SERVICE call to an
    endpoint the operator has not allowed (Oxigraph would connect to any address a query names)."""
    depth = nesting_depth(request.query)
    if depth > MAX_NESTING:
        return Response.error(
            400,
            f"Frågan är nästlad {depth} nivåer djupt; högst {MAX_NESTING} tas emot. / "
            f"The query nests {depth} levels deep; at most {MAX_NESTING} are accepted.",
        )
    for call in service_calls(request.query, request.base_iri):
        if call.endpoint is not None and allowed_service(call.endpoint, request.services):
            continue
        named = f"SERVICE {call.written}".strip()
        allowed = ", ".join(request.services) if request.services else "inga / none"
        return Response.error(
            400,
            f"Frågan anropar en annan SPARQL-tjänst ({named}). Den här tjänsten gör inga anrop till andra "
            f"adresser utom dem som driftansvarig har tillåtit (SPARQL_SERVICES). / The query calls another "
            f"SPARQL service ({named}). This endpoint makes no requests to other addresses except those the "
            f"operator has allowed (SPARQL_SERVICES). Tillåtna / allowed: {allowed}",
        )
    return None


def _cannot_run(err: Exception) -> Response:
    return Response.error(400, f"Frågan kunde inte köras / the query could not be run: {err}")


def execute_request(store: ox.Store, request: Request) -> Response:
    """Run one query and serialise its result in the negotiated format, within the request's row and byte caps."""
    refusal = check_request(request)
    if refusal is not None:
        return refusal
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
        return _cannot_run(err)

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
            written = write_bounded_graph(result, media_type, PREFIXES, request.max_bytes)
        else:
            variables = [v.value for v in result.variables]
            rows = ([solution[v] for v in variables] for solution in result)
            written = write_solutions(media_type, variables, rows, request.max_rows, request.max_bytes)
        return Response(200, media_type, written.body, written.truncated, written.rows)
    except TooLarge:
        limit = (request.max_bytes or 0) / 1024 / 1024
        return Response.error(
            400,
            f"Svaret blir större än gränsen {limit:g} MB, och {media_type} kan inte visa att det är avkortat. "
            "Välj Turtle eller N-Triples (då avkortas svaret och märks) eller begränsa frågan med LIMIT. / "
            f"The answer would pass the limit of {limit:g} MB, and {media_type} cannot show that it was cut. "
            "Ask for Turtle or N-Triples (the answer is then cut and marked) or narrow the query with LIMIT.",
        )
    except (OSError, ValueError, TypeError, RuntimeError) as err:
        return _cannot_run(err)


# ---------------------------------------------------------------- worker processes


READY = "ready"
IDLE_LOOK = 0.5  # seconds between an idle worker's looks for a newer published snapshot
STARTUP_LIMIT = 60.0  # seconds a new worker may take to open the store (not counted against any query)
WATCH_EVERY = 0.05  # seconds between looks at a running worker's memory
MB = 1024 * 1024


def _data_bytes() -> int:
    """The worker's data segment now (Linux /proc: what RLIMIT_DATA counts), 0 where that cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[5]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _ceiling(memory_limit: int | None) -> None:
    """A soft ceiling on the worker's memory above what it holds now (its copy of the graph): twice the watched
    limit; the parent stops it long before, the ceiling only catches a sudden allocation. Soft, so that it can be
    raised again when the worker copies a newer snapshot."""
    if not memory_limit:
        return
    try:
        import resource

        hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
        soft = _data_bytes() + 2 * memory_limit + 512 * MB
        resource.setrlimit(resource.RLIMIT_DATA, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (OSError, ValueError, ImportError):
        pass


def _settle() -> None:
    """Give the memory freed while loading a copy of the graph back to the system (glibc keeps it otherwise), so
    that the size the parent measures as the worker's idle size is what it holds, not what loading left behind."""
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _lift_ceiling() -> None:
    try:
        import resource

        hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
        resource.setrlimit(resource.RLIMIT_DATA, (hard, hard))
    except (OSError, ValueError, ImportError):
        pass


def _worker_main(
    conn: Connection, store_path: str | RemoteConfig, memory_limit: int | None = None, in_memory: int | None = None
) -> None:
    """A worker: open the store read-only, say so, and answer requests until the pipe closes. The worker reads
    the newest published snapshot of the store (kg.snapshots; in memory up to `in_memory` quads) and moves to a
    newer one between queries: while it waits for a request it looks for a newer generation every IDLE_LOOK s, so
    that copying it is not paid by a query. It runs at a lower priority than the web server, so that pages keep the
    processor, and its memory has a ceiling above its copy of the graph (_ceiling)."""
    with contextlib.suppress(OSError):
        os.nice(10)
    reader = SnapshotReader(store_path, in_memory=in_memory)
    _ = reader.store
    _settle()
    _ceiling(memory_limit)
    conn.send((READY, reader.generation, reader.in_memory))
    while True:
        try:
            while not conn.poll(IDLE_LOOK):
                if reader.in_memory:
                    _follow(reader, memory_limit)
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            response = execute_request(_follow(reader, memory_limit), request)
        except MemoryError:
            response = Response.error(503, _memory_message(memory_limit))
        response.generation = reader.generation
        conn.send(response)


def _follow(reader: SnapshotReader, memory_limit: int | None) -> ox.Store:
    """The reader's store at the newest generation; the ceiling is lifted while a new snapshot is copied."""
    if reader.in_memory and reader.generation != current_generation(reader.store_path):
        _lift_ceiling()
        store = reader.store
        _settle()
        _ceiling(memory_limit)
        return store
    return reader.store


def _memory_message(limit: int | None) -> str:
    size = f"{(limit or 0) // MB} MB"
    return (
        f"Frågan behövde mer minne än gränsen {size} och avbröts. Begränsa frågan (t.ex. med LIMIT, eller utan "
        f"ORDER BY och DISTINCT över stora mängder). / The query needed more memory than the limit of {size} and "
        "was stopped. Narrow it (e.g. with LIMIT, or without ORDER BY and DISTINCT over large sets)."
    )


def resident_bytes(pid: int) -> int | None:
    """A process's resident memory (Linux /proc), or None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _portable(store_path: Path | RemoteConfig) -> str | RemoteConfig:
    """What a worker process is given to open the store: a folder's path, or the remote store's settings."""
    return store_path if isinstance(store_path, RemoteConfig) else str(store_path)


class _Worker:
    def __init__(
        self, context, store_path: Path | RemoteConfig, memory_limit: int | None, in_memory: int | None = None
    ):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, _portable(store_path), memory_limit, in_memory), daemon=True
        )
        self.process.start()
        child.close()
        self.idle_size: int | None = None  # resident memory once the store is open (with its copy of the graph)
        self.generation: int | None = None  # the generation of its last answer
        self.in_memory = False  # it holds a copy of the graph in memory: its memory limit counts above idle_size

    def size(self) -> int | None:
        return resident_bytes(self.process.pid) if self.process.pid else None

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


@dataclass
class PoolLimits:
    """The pool's bounds (webapp settings SPARQL_*): seconds per query and for waiting, requests in flight per
    client and in all, a worker's memory while it runs (stopped past it; for a worker that holds the graph in memory,
    its memory above its idle size with the graph loaded) and the growth after which it is replaced once it has
    answered."""

    timeout: float = 10.0
    wait: float = 10.0
    per_client: int = 2
    in_flight: int = 6
    memory: int | None = 512 * MB
    growth: int | None = 32 * MB
    cache: int = 64 * MB  # bytes of answers kept per data state for the same request again (0: none)


class QueryPool:
    """A fixed number of worker processes, each with the store open read-only, shared fairly (kg.fairshare)."""

    def __init__(
        self,
        store_path: Path | RemoteConfig,
        workers: int = 2,
        timeout: float = 10.0,
        limits: PoolLimits | None = None,
        in_memory: int | None = None,
    ):
        """`in_memory`: each worker reads the published snapshot from an in-memory copy when it has at most this
        many quads (kg.snapshots.SnapshotReader); None: on disk."""
        self.store_path = store_path if isinstance(store_path, RemoteConfig) else Path(store_path)
        self.in_memory = in_memory
        self.limits = limits or PoolLimits(timeout=timeout, wait=timeout)
        self.timeout = self.limits.timeout
        self.share = FairShare(
            workers, per_client=self.limits.per_client, in_flight=self.limits.in_flight, limit=self.timeout
        )
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
        worker = _Worker(self._context, self.store_path, self.limits.memory, self.in_memory)
        with self._lock:
            self._all.add(worker)
        return worker

    def _admit(self, worker: _Worker) -> None:
        """Put a worker to use once it has opened the store; a start-up never counts against a query."""
        try:
            message = worker.conn.recv() if worker.conn.poll(STARTUP_LIMIT) else None
            ready = isinstance(message, tuple) and message[0] == READY
        except (EOFError, OSError):
            ready = False
        if ready and not self._closed:
            worker.idle_size, worker.generation, worker.in_memory = worker.size(), message[1], message[2]
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

    def _grown(self, worker: _Worker) -> bool:
        """Whether a worker that has answered holds more memory than it should keep: replaced, not reused."""
        if self.limits.growth is None or worker.idle_size is None:
            return False
        size = worker.size()
        return size is not None and size > worker.idle_size + self.limits.growth

    def run(self, request: Request, timeout: float | None = None, client: str = "") -> Response:
        """Answer a request in a worker, in `client`'s fair turn. The time limit starts when the worker is given;
        a query past it (503), or past the memory limit (503), is stopped and its worker replaced."""
        refusal = check_request(request)  # before a turn: a refused query never holds a worker
        if refusal is not None:
            return refusal
        key = self._answer_key(request)
        if key is not None:
            kept = recall(*key)
            if kept is not None:  # the same request on the same data: the same answer, without a worker
                return dataclasses.replace(kept)
        response = self._run(request, timeout, client)
        if key is not None and response.status == 200:
            remember(*key, response, len(response.body), self.limits.cache)
        return response

    def _answer_key(self, request: Request) -> tuple | None:
        """(data state, request) under which an answer is kept (kg.statecache.remember): only for the embedded
        store, whose state is known here without a query (a remote store keeps its own cache)."""
        if not self.limits.cache or isinstance(self.store_path, RemoteConfig):
            return None
        fields = dataclasses.astuple(request)
        return state_key(self.store_path), ("sparql-answer", *(tuple(f) if isinstance(f, list) else f for f in fields))

    def _run(self, request: Request, timeout: float | None, client: str) -> Response:
        limit = self.timeout if timeout is None else timeout
        try:
            turn = self.share.acquire(client, self.limits.wait)
        except Refused as refused:
            return Response.error(refused.status, refused.message, refused.retry_after)
        try:
            try:
                worker = self._idle.get(timeout=STARTUP_LIMIT)  # a turn means a worker is free or starting
            except queue.Empty:
                return Response.error(503, "Ingen frågeprocess kunde startas. / No query worker could be started.")
            return self._answer(worker, request, limit)
        finally:
            self.share.release(turn)

    def _answer(self, worker: _Worker, request: Request, limit: float) -> Response:
        deadline = time.monotonic() + limit
        try:
            worker.conn.send(request)
            while True:
                if worker.conn.poll(min(WATCH_EVERY, max(0.0, deadline - time.monotonic()))):
                    response = worker.conn.recv()
                    if response.generation != worker.generation:  # it moved to a newer snapshot: a new idle size
                        worker.generation, worker.idle_size = response.generation, worker.size()
                        self._idle.put(worker)
                    elif self._grown(worker):
                        self._retire(worker)
                    else:
                        self._idle.put(worker)
                    return response
                if time.monotonic() >= deadline:
                    break
                size = worker.size()
                held = (worker.idle_size or 0) if worker.in_memory else 0  # its copy of the graph is not the query's
                ceiling = None if self.limits.memory is None else held + self.limits.memory
                if ceiling is not None and size is not None and size > ceiling:
                    self._retire(worker)
                    return Response.error(503, _memory_message(self.limits.memory))
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
