"""Read-only snapshots of the curated store, for readers in other processes.

`pyoxigraph.Store.read_only` is undefined behaviour while another process writes the same folder, so
readers never open the live store that `kg.curation.CurationStore` writes. After every committed change
the writer publishes a consistent copy with `Store.backup()` (hard links, cheap) into
`<store>.snapshots/<generation>/` and then replaces `<store>.snapshots/CURRENT` atomically with the new
generation number. A generation is complete before CURRENT names it, so a crash at any point leaves
CURRENT naming a complete copy; the newest `KEEP` generations are kept and older ones removed.

A curation change also leaves its delta beside its generation: `<generation>.update`, the SPARQL update that
turned the previous generation into this one (written before CURRENT names the generation). A reader that keeps
the data in memory (`SnapshotReader(path, in_memory=N)`: an in-memory `pyoxigraph.Store` copy of the current
snapshot when it has at most N quads, because the on-disk store answers the same queries several times slower)
applies the deltas it has not seen, in order, instead of copying the whole snapshot again; when one is missing (a
build, an import, a generation already pruned) it copies the new snapshot. Above N quads it reads the snapshot on
disk. Copying out of RocksDB is slow (~6 s a million quads: reading the quads is most of it), so the first reader
that copies a generation leaves its N-Quads beside it, `<generation>.nq` (only the newest is kept, with the deltas
after it); a later reader (a new query worker, a restart) loads that image (~1.8 s a million) and applies the
deltas since.

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
DELTA = ".update"  # `<generation>.update`: the SPARQL update from the previous generation to this one
IMAGE = ".nq"  # `<generation>.nq`: the N-Quads of that generation, written by the first reader that copied it
REIMAGE = 50  # a reader that had to apply more deltas than this to an image writes a newer image


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


def _write_atomically(path: Path, text: str, encoding: str = "ascii") -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding=encoding) as handle:
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
    for suffix in (DELTA, IMAGE):
        for generation in _numbered(folder, suffix):
            if generation > current:
                (folder / f"{generation}{suffix}").unlink(missing_ok=True)


def _numbered(folder: Path, suffix: str) -> list[int]:
    """The generations that have a `<generation><suffix>` file in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    names = (p.name.removesuffix(suffix) for p in folder.iterdir() if p.name.endswith(suffix))
    return sorted(int(n) for n in names if n.isdigit())


def publish(store: ox.Store, store_path: Path | str, keep: int = KEEP, delta: str | None = None) -> int:
    """Back up the open store as a new generation, make it current and prune old generations. `delta`: the SPARQL
    update that made this state from the previous generation (a curation change), kept beside the generation for
    readers in memory; None when the change is not one update of the previous generation (a build, an import)."""
    folder = snapshots_dir(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    previous = current_generation(store_path)
    generation = max([*_generations(folder), previous or 0]) + 1
    store.backup(str(folder / str(generation)))
    if delta is not None and previous == generation - 1:
        _write_atomically(folder / f"{generation}{DELTA}", delta, encoding="utf-8")
    _write_atomically(folder / CURRENT, f"{generation}\n")
    for old in _generations(folder):
        if old <= generation - keep:
            shutil.rmtree(folder / str(old), ignore_errors=True)
    images = _numbered(folder, IMAGE)  # the deltas after the newest image are kept: a new reader applies them to it
    limit = generation - keep if not images else min(generation - keep, images[-1])
    for old in _numbered(folder, DELTA):
        if old <= limit:
            (folder / f"{old}{DELTA}").unlink(missing_ok=True)
    return generation


def read_delta(store_path: Path | str, generation: int) -> str | None:
    """The update that made `generation` from the one before, or None when it was not kept."""
    try:
        return (snapshots_dir(store_path) / f"{generation}{DELTA}").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


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
    store itself before any is published) and moves on when a newer generation is published. Thread-safe.

    `in_memory`: the most quads kept in memory. A snapshot with at most that many is read into an in-memory
    `pyoxigraph.Store` (kg.store.memory_copy) and kept current by applying the published deltas; a larger one, or
    any with `in_memory=None`, is read on disk (`Store.read_only`)."""

    def __init__(self, store_path: Path | str | RemoteConfig, in_memory: int | None = None):
        self.store_path = store_path if isinstance(store_path, RemoteConfig) else Path(store_path)
        self.in_memory_limit = None if isinstance(store_path, RemoteConfig) else in_memory
        self._store: ox.Store | None = None
        self._generation: int | None = None
        self._memory = False
        self._lock = threading.Lock()

    @property
    def generation(self) -> int | None:
        return self._generation

    @property
    def in_memory(self) -> bool:
        """Whether the store last given is an in-memory copy (False before the first `store`)."""
        return self._memory

    @property
    def above_bound(self) -> bool:
        """Whether the last snapshot opened had more quads than `in_memory` (so it is read on disk)."""
        return self._store is not None and not self._memory and self.in_memory_limit is not None

    @property
    def store(self) -> ox.Store:
        from kg.store import open_store

        if isinstance(self.store_path, RemoteConfig):
            return open_store(self.store_path)
        generation = current_generation(self.store_path)
        with self._lock:
            if self._store is None or generation != self._generation:
                self._follow(generation)
            return self._store

    def _follow(self, generation: int | None) -> None:
        """Move to `generation` (the caller holds the lock): by its deltas when in memory, else by opening it."""
        from kg.store import memory_copy, open_store

        if self._memory and self._apply_deltas(self._store, self._generation, generation):
            self._generation = generation
            return
        folder = snapshots_dir(self.store_path) / str(generation) if generation is not None else None
        if folder is None or not folder.is_dir():
            folder, generation = self.store_path, None
        disk = open_store(folder)
        if self.in_memory_limit is None or len(disk) > self.in_memory_limit:
            self._store, self._memory, self._generation = disk, False, generation
            return
        self._store = None  # the old copy goes first: at most one copy is held at a time
        copy = self._from_image(generation)
        if copy is None:
            copy = memory_copy(disk)
            self._write_image(copy, generation)
        self._store, self._memory, self._generation = copy, True, generation

    def _apply_deltas(self, store: ox.Store | None, since: int | None, generation: int | None) -> bool:
        """Bring an in-memory copy from generation `since` to `generation` with the published deltas; False when
        that cannot be done (a delta is missing or fails: then the caller copies the snapshot)."""
        if store is None or generation is None or since is None or generation < since:
            return False
        updates = [read_delta(self.store_path, g) for g in range(since + 1, generation + 1)]
        if any(update is None for update in updates):
            return False
        try:
            for update in updates:
                store.update(update)
        except (SyntaxError, OSError, ValueError, RuntimeError):
            return False
        return True

    def _from_image(self, generation: int | None) -> ox.Store | None:
        """A copy of `generation` from the newest image at or before it and the deltas since, or None. Loading an
        image is several times faster than copying the snapshot from RocksDB (benchmarks/readers.py)."""
        from kg.store import load_image

        folder = snapshots_dir(self.store_path)
        images = [g for g in _numbered(folder, IMAGE) if generation is not None and g <= generation]
        if not images:
            return None
        try:
            copy = load_image(folder / f"{images[-1]}{IMAGE}")
        except (OSError, SyntaxError, ValueError):
            return None
        if not self._apply_deltas(copy, images[-1], generation):
            return None
        if generation - images[-1] > REIMAGE:
            self._write_image(copy, generation)
        return copy

    def _write_image(self, copy: ox.Store, generation: int | None) -> None:
        """Leave the copy's N-Quads beside the snapshot for the next reader (best effort; not for a store with blank
        nodes, whose labels N-Quads parsing would change), and remove older images."""
        folder = snapshots_dir(self.store_path)
        if generation is None or not folder.is_dir():
            return
        if copy.query("ASK { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o) || isBlank(?g)) }") or copy.query(
            "ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }"
        ):
            return
        temporary = folder / f".{generation}{IMAGE}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            copy.dump(str(temporary), format=ox.RdfFormat.N_QUADS)
            os.replace(temporary, folder / f"{generation}{IMAGE}")
        except OSError:
            temporary.unlink(missing_ok=True)
            return
        for old in _numbered(folder, IMAGE):
            if old < generation:
                (folder / f"{old}{IMAGE}").unlink(missing_ok=True)

    def close(self) -> None:
        with self._lock:
            self._store, self._generation, self._memory = None, None, False
