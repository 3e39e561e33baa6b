"""Read-only snapshots of the curated store, for readers in other processes.

`pyoxigraph.Store.read_only` is undefined behaviour while another process writes the same folder, so
readers never open the live store that `kg.curation.CurationStore` writes. After every committed change
the writer publishes a consistent copy with `Store.backup()` (hard links, cheap) into
`<store>.snapshots/<generation>/` and then replaces `<store>.snapshots/CURRENT` atomically with the new
generation number. A generation is complete before CURRENT names it, so a crash at any point leaves
CURRENT naming a complete copy; the newest `KEEP` generations are kept and older ones removed.

A remote store (kg.backends) has no snapshots: the server isolates its readers from its writers itself, so
readers query it directly and there is no generation.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox

from kg.backends import RemoteConfig

KEEP = 5  # generations kept: a reader moves to the newest before each query, so 5 leaves ample time
CURRENT = "CURRENT"


def snapshots_dir(store_path: Path | str) -> Path:
    path = Path(store_path)
    return path.with_name(path.name + ".snapshots")


def current_generation(store_path: Path | str | RemoteConfig) -> int | None:
    """The generation CURRENT names, or None when nothing has been published (or CURRENT is unreadable, or the
    store is remote)."""
    if isinstance(store_path, RemoteConfig):
        return None
    try:
        text = (snapshots_dir(store_path) / CURRENT).read_text(encoding="ascii").strip()
        return int(text)
    except (OSError, ValueError):
        return None


def current_snapshot(store_path: Path | str) -> Path:
    """The folder readers should open with `Store.read_only`: the current snapshot, or the store itself
    when no snapshot has been published yet."""
    generation = current_generation(store_path)
    if generation is not None:
        folder = snapshots_dir(store_path) / str(generation)
        if folder.is_dir():
            return folder
    return Path(store_path)


def _generations(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit())


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def discard_unpublished(store_path: Path | str) -> None:
    """Remove generations newer than CURRENT: left behind by a crash between a backup and its publication."""
    folder = snapshots_dir(store_path)
    current = current_generation(store_path) or 0
    for generation in _generations(folder):
        if generation > current:
            shutil.rmtree(folder / str(generation), ignore_errors=True)


def publish(store: ox.Store, store_path: Path | str, keep: int = KEEP) -> int:
    """Back up the open store as a new generation, make it current and prune old generations."""
    folder = snapshots_dir(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    generation = max([*_generations(folder), current_generation(store_path) or 0]) + 1
    store.backup(str(folder / str(generation)))
    _write_atomically(folder / CURRENT, f"{generation}\n")
    for old in _generations(folder):
        if old <= generation - keep:
            shutil.rmtree(folder / str(old), ignore_errors=True)
    return generation


def refresh_after_build(store_path: Path | str) -> int | None:
    """After `kg build` swapped in a new store: publish it, if readers use snapshots of this store."""
    if isinstance(store_path, RemoteConfig):
        return None
    if not snapshots_dir(store_path).is_dir():
        return None
    store = ox.Store(str(store_path))
    try:
        return publish(store, store_path)
    finally:
        del store


class SnapshotReader:
    """A read-only view that follows the published snapshots: `store` opens the current generation (or the
    store itself before any is published) and reopens when a newer generation is published. Thread-safe."""

    def __init__(self, store_path: Path | str | RemoteConfig):
        self.store_path = store_path if isinstance(store_path, RemoteConfig) else Path(store_path)
        self._store: ox.Store | None = None
        self._generation: int | None = None
        self._lock = threading.Lock()

    @property
    def generation(self) -> int | None:
        return self._generation

    @property
    def store(self) -> ox.Store:
        from kg.store import open_store

        if isinstance(self.store_path, RemoteConfig):
            return open_store(self.store_path)
        generation = current_generation(self.store_path)
        with self._lock:
            if self._store is None or generation != self._generation:
                folder = snapshots_dir(self.store_path) / str(generation) if generation is not None else None
                if folder is None or not folder.is_dir():
                    folder, generation = self.store_path, None
                self._store = open_store(folder)
                self._generation = generation
            return self._store
