"""The app's connection to the graph: the store, the query workers and the curation writer, opened on first use.

Reading: pages read the newest published snapshot (kg.snapshots), like the query workers, and move to a newer one
as soon as it is published: from an in-memory copy when the graph has at most READ_IN_MEMORY_MAX_TRIPLES quads
(READ_IN_MEMORY, on by default; Oxigraph answers 4–5× faster from memory), kept current by applying each change's
update, else on disk. The writer publishes before a change returns, so a page after a change shows it. While this
process owns the curation writer and the graph is read on disk, pages read the writer's store directly (they see
every change at once). Writing: one CurationStore per store folder (RocksDB's lock refuses a second writer, in this
process or another).
"""

from __future__ import annotations

import atexit
import threading
import time
from pathlib import Path

import pyoxigraph as ox
from flask import Flask, current_app

from kg.backends import Location, RemoteConfig
from kg.curation import CurationStore
from kg.engine import MB, PoolLimits, QueryPool
from kg.snapshots import SnapshotReader
from kg.store import open_store


class EditingUnavailable(RuntimeError):
    """Changes cannot be made now (editing is off, or another process holds the store); says why in sv and en."""

    def __init__(self, sv: str, en: str):
        self.sv, self.en = sv, en
        super().__init__(f"{sv} / {en}")


def _megabytes(value) -> int | None:
    return None if value in (None, 0, "") else int(float(value) * MB)


def in_memory_limit(config) -> int | None:
    """The most quads readers copy into memory (README: Inställningar / Settings), None: they read on disk."""
    if not config.get("READ_IN_MEMORY", True):
        return None
    bound = config.get("READ_IN_MEMORY_MAX_TRIPLES")
    return None if bound in (None, "") else int(bound)


def pool_limits(config) -> PoolLimits:
    """The query pool's bounds from the app's settings (README: Inställningar / Settings)."""
    timeout = float(config["SPARQL_TIMEOUT"])
    return PoolLimits(
        timeout=timeout,
        wait=float(config["SPARQL_WAIT"] if config["SPARQL_WAIT"] is not None else timeout),
        per_client=int(config["SPARQL_PER_CLIENT"]),
        in_flight=int(config["SPARQL_IN_FLIGHT"]),
        memory=_megabytes(config["SPARQL_WORKER_MEMORY_MB"]),
        growth=_megabytes(config["SPARQL_WORKER_GROWTH_MB"]),
        cache=_megabytes(config["SPARQL_CACHE_MB"]) or 0,
    )


class GraphServices:
    def __init__(self, app: Flask):
        self.store_path: Location = app.config["KG_STORE"]  # a folder, or a remote store (kg.backends)
        self.workers = int(app.config["SPARQL_WORKERS"])
        self.timeout = float(app.config["SPARQL_TIMEOUT"])
        self.limits = pool_limits(app.config)
        self.editing = bool(app.config["EDITING"])
        self.in_memory = in_memory_limit(app.config)
        self._reader = SnapshotReader(self.store_path, in_memory=self.in_memory)
        self._curation: CurationStore | None = None
        self._pool: QueryPool | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> ox.Store:
        """The store pages read (for a remote store: kg.backends.remote.RemoteStore, the same interface)."""
        curation = self._curation
        if curation is None:
            return self._reader.store
        if self.in_memory is None or isinstance(self.store_path, RemoteConfig) or self._reader.above_bound:
            return curation.store  # on disk: the writer's own store (no build or import runs while it is open)
        store = self._reader.store
        return store if self._reader.in_memory else curation.store

    @property
    def curation(self) -> CurationStore:
        """The store's only writer, opened on first use. Raises EditingUnavailable."""
        with self._lock:
            if self._curation is None:
                if not self.editing:
                    raise EditingUnavailable(
                        "Ändringar är avstängda på den här servern.", "Changes are turned off on this server."
                    )
                if isinstance(self.store_path, Path) and not self.store_path.is_dir():
                    open_store(self.store_path)  # StoreMissing, or finishes an interrupted swap
                try:
                    self._curation = CurationStore(self.store_path)
                except OSError as err:
                    raise EditingUnavailable(
                        f"Grafen används för ändringar av en annan process (till exempel en annan `kg serve` eller "
                        f"`kg build`); försök igen senare. ({err})",
                        f"The graph is being changed by another process (for example another `kg serve` or "
                        f"`kg build`); try again later. ({err})",
                    ) from err
            return self._curation

    @property
    def pool(self) -> QueryPool:
        with self._lock:
            if self._pool is None:
                _ = self.store  # a clear error if the store is missing (never the live store beside the writer)
                self._pool = QueryPool(self.store_path, self.workers, limits=self.limits, in_memory=self.in_memory)
                atexit.register(self._pool.close)
            return self._pool

    def start(self) -> None:
        """Open the curation writer (when editing is on) and start the query workers now, rather than on first
        use: the writer publishes a snapshot before any worker opens one. Raises EditingUnavailable."""
        if self.editing:
            _ = self.curation
        _ = self.pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
            if self._curation is not None:
                self._curation.close()
                self._curation = None
            self._reader.close()


#: the pages whose first load at national scale computes figures over the whole graph (seconds at 1M triples)
WARM_PAGES = (
    "/",
    "/goals",
    "/report",
    "/initiatives",
    "/partners",
    "/overviews/gaps",
    "/overviews/partners-goals",
    "/overviews/initiatives-goals",
)


def compute_figures(app: Flask) -> None:
    """The figures that pages keep per data state: graph drawing, search index, target suggestions, network
    analysis, and the first pages of the lists and matrices (each cached by kg.statecache.state_key, so computing them
    again for an unchanged state costs nothing)."""
    from kg.analysis import analysis_for
    from kg.network import network_base
    from kg.search import index_for
    from kg.statecache import state_key
    from kg.suggest.index import index_for as suggestion_index

    services: GraphServices = app.extensions["kg"]
    for lang in ("sv", "en"):
        network_base(services.store, lang, base_iri=app.config["BASE_IRI"], path=services.store_path)
    index_for(services.store, state_key(services.store_path))
    suggestion_index(services.store, state_key(services.store_path))
    analysis_for(services.store, services.store_path)
    client = app.test_client()  # the lists and matrices keep their figures per data state (kg.statecache)
    for path in WARM_PAGES:
        for lang in ("sv", "en"):
            client.get(path, query_string={"lang": lang}, headers={"Accept": "text/html"})


def warm_caches(app: Flask) -> threading.Thread:
    """Compute the figures in the background, so that the first visitor does not wait for them."""
    thread = threading.Thread(target=compute_figures, args=(app,), name="warm-caches", daemon=True)
    thread.start()
    return thread


class Refresher:
    """After a change, computes the figures of the new data state in the background, so that the next visitor of
    the analysis or the graph does not wait. A burst of changes is coalesced: one computation after a short quiet
    moment, always of the newest state."""

    QUIET = 1.0  # seconds without a further change before computing

    def __init__(self, app: Flask):
        self.app = app
        self._changed = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def changed(self) -> None:
        self._changed.set()
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="refresh-figures", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while self._changed.wait(timeout=60):
            while self._changed.is_set():  # wait for a quiet moment
                self._changed.clear()
                time.sleep(self.QUIET)
            try:
                compute_figures(self.app)
            except Exception:  # noqa: BLE001 - a failed refresh only means the next visitor computes them
                self.app.logger.exception("refreshing the figures after a change failed")


def init_app(app: Flask) -> None:
    app.extensions["kg"] = GraphServices(app)
    app.extensions["kg.refresher"] = Refresher(app)


def data_changed() -> None:
    """Say that the data changed (a curation change): the figures are computed again in the background (unless the
    REFRESH_FIGURES setting is off; then the next visitor computes them)."""
    if current_app.config["REFRESH_FIGURES"]:
        current_app.extensions["kg.refresher"].changed()


def graph() -> GraphServices:
    return current_app.extensions["kg"]
