"""The core team's work to and from data files, and consistent copies of the whole store.

- `export_curated`: graph/curation and graph/history as TriG (or N-Quads), named graphs kept, quads sorted so
  that two exports of the same state are byte for byte the same.
  Read back by kg.curated_import (`kg import`).
- `backup`: `Store.backup()` (RocksDB checkpoint: a consistent copy, hard links where possible). When a server
  holds the store, the copy is taken from the newest published snapshot (kg.snapshots), which contains every
  change committed before it was named in CURRENT; a generation pruned meanwhile is retried with the new one.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg import snapshots
from kg.backends import RemoteConfig
from kg.curation.model import CURATION, HISTORY
from kg.curation.rebuild import curated_quads
from kg.export import FORMATS
from kg.namespaces import PREFIXES
from kg.store import open_store

CURATED_GRAPHS = (CURATION, HISTORY)
RETRIES = 20  # snapshot generations a backup tries before giving up (a busy server prunes old ones)


class BackupError(Exception):
    """Nothing was changed; the message is in Swedish and English."""

    def __init__(self, sv: str, en: str):
        self.sv, self.en = sv, en
        super().__init__(f"{sv} / {en}")


def _sorted(quads: list[ox.Quad]) -> list[ox.Quad]:
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


# ---------------------------------------------------------------- export


def dataset_format(fmt: str) -> ox.RdfFormat:
    """The RDF format called `fmt` if it keeps named graphs, else BackupError."""
    rdf_format = FORMATS[fmt]
    if not rdf_format.supports_datasets:
        raise BackupError(
            f"Formatet {fmt} saknar namngivna grafer; använd trig eller nquads.",
            f"The format {fmt} has no named graphs; use trig or nquads.",
        )
    return rdf_format


def export_curated(store: ox.Store, fmt: str = "trig", output: IO[bytes] | None = None) -> bytes | None:
    """Serialise graph/curation and graph/history (a format with named graphs: trig, nquads, jsonld)."""
    rdf_format = dataset_format(fmt)
    prefixes = PREFIXES if rdf_format == ox.RdfFormat.TRIG else None
    return ox.serialize(_sorted(curated_quads(store)), output, rdf_format, prefixes=prefixes)


# ---------------------------------------------------------------- backup


@dataclass(frozen=True)
class Backup:
    path: Path
    quads: int
    generation: int | None  # the snapshot copied, None when the store itself was copied (no server held it)


def _prepare_target(target: Path) -> None:
    if target.exists():
        if not target.is_dir() or any(target.iterdir()):
            raise BackupError(
                f"{target} finns redan och är inte en tom katalog; välj en ny.",
                f"{target} exists and is not an empty folder; choose a new one.",
            )
        target.rmdir()  # RocksDB makes the folder itself
    target.parent.mkdir(parents=True, exist_ok=True)


def _count(folder: Path) -> int:
    copy = ox.Store.read_only(str(folder))
    try:
        return len(copy)
    finally:
        del copy


def backup(store_path: Path | str | RemoteConfig, target: Path | str) -> Backup:
    """A consistent copy of the whole store in `target` (a new or empty folder), also while a server changes
    it. Raises BackupError, StoreMissing."""
    if isinstance(store_path, RemoteConfig):
        raise BackupError(
            "Ett fjärrlager säkerhetskopieras med serverns egna verktyg; `kg export` och `kg export --curated` ger "
            "de publika graferna och core teams arbete.",
            "A remote store is backed up with the server's own tools; `kg export` and `kg export --curated` give "
            "the public graphs and the core team's work.",
        )
    store_path, target = Path(store_path), Path(target)
    try:
        store = open_store(store_path, read_only=False)  # StoreMissing, or finishes an interrupted swap
    except OSError:  # locked: a server (CurationStore) is its writer
        _prepare_target(target)
        return _backup_snapshot(store_path, target)
    try:
        _prepare_target(target)
        store.backup(str(target))
    finally:
        del store
    return Backup(target, _count(target), None)


def _backup_snapshot(store_path: Path, target: Path) -> Backup:
    """The store is locked by its writer: copy the newest published snapshot, retrying if it is pruned."""
    failure: Exception | None = None
    for _ in range(RETRIES):
        generation = snapshots.current_generation(store_path)
        if generation is None:
            break
        folder = snapshots.snapshots_dir(store_path) / str(generation)
        try:
            snapshot = ox.Store.read_only(str(folder))
            try:
                snapshot.backup(str(target))
            finally:
                del snapshot
            return Backup(target, _count(target), generation)
        except (OSError, RuntimeError) as err:
            shutil.rmtree(target, ignore_errors=True)
            failure = err
            if snapshots.current_generation(store_path) == generation and folder.is_dir():
                break  # not pruned meanwhile: a real failure
    if failure is not None:
        raise BackupError(
            f"Ögonblicksbilden av grafen i {store_path} kunde inte kopieras: {failure}",
            f"The snapshot of the graph in {store_path} could not be copied: {failure}",
        )
    raise BackupError(
        f"Grafen i {store_path} används av en annan process och ingen ögonblicksbild av den finns att kopiera.",
        f"The graph in {store_path} is in use by another process and there is no snapshot of it to copy.",
    )
