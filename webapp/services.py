"""The app's connection to the graph: the store (read-only) and the query workers, opened on first use."""

from __future__ import annotations

import atexit
import threading
from pathlib import Path

import pyoxigraph as ox
from flask import Flask, current_app

from kg.engine import QueryPool
from kg.store import open_store


class GraphServices:
    def __init__(self, app: Flask):
        self.store_path = Path(app.config["KG_STORE"])
        self.workers = int(app.config["SPARQL_WORKERS"])
        self.timeout = float(app.config["SPARQL_TIMEOUT"])
        self._store: ox.Store | None = None
        self._pool: QueryPool | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> ox.Store:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.store_path)
            return self._store

    @property
    def pool(self) -> QueryPool:
        with self._lock:
            if self._pool is None:
                open_store(self.store_path)  # a clear error if the store is missing
                self._pool = QueryPool(self.store_path, self.workers, self.timeout)
                atexit.register(self._pool.close)
            return self._pool

    def start(self) -> None:
        """Start the query workers now rather than on the first query."""
        _ = self.pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


def warm_caches(app: Flask) -> threading.Thread:
    """Compute the figures that pages keep per data state (graph drawing, search index) in the background,
    so that the first visitor does not wait for them."""
    from kg.network import network_base
    from kg.search import index_for
    from kg.store import state_key

    def run() -> None:
        services: GraphServices = app.extensions["kg"]
        for lang in ("sv", "en"):
            network_base(services.store, lang, base_iri=app.config["BASE_IRI"], path=services.store_path)
        index_for(services.store, state_key(services.store_path))

    thread = threading.Thread(target=run, name="warm-caches", daemon=True)
    thread.start()
    return thread


def init_app(app: Flask) -> None:
    app.extensions["kg"] = GraphServices(app)


def graph() -> GraphServices:
    return current_app.extensions["kg"]
