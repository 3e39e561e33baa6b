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


def init_app(app: Flask) -> None:
    app.extensions["kg"] = GraphServices(app)


def graph() -> GraphServices:
    return current_app.extensions["kg"]
