"""The on-disk Oxigraph store: building it atomically and opening it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.backends import Location, RemoteConfig, describe
from kg.loader import LoadedDataset


class StoreMissing(Exception):
    """No store has been built at the given path."""

    def __init__(self, path: Location):
        self.path = path
        where = describe(path)
        super().__init__(
            f"Ingen graf finns i {where}: kör först `kg build`. / No graph at {where}: run `kg build` first."
        )


def write_store(dataset: LoadedDataset, path: Location) -> None:
    """Replace the store at `path` with the dataset's quads.

    The new store is written beside the old one and swapped in only when complete,
    so a failure at any point leaves the previous store as it was. A remote store gets each of its graphs
    replaced in turn (Graph Store protocol PUT, or DROP + INSERT DATA): not one transaction.
    """
    if isinstance(path, RemoteConfig):
        from kg.namespaces import PUBLIC_GRAPHS

        remote = open_store(path, read_only=False)
        graphs = {*PUBLIC_GRAPHS.values(), *(g.value for g in dataset.store.named_graphs())}
        remote.replace_graphs(dataset.store, sorted(graphs))
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=path.name + ".new-", dir=path.parent))
    try:
        new = ox.Store(str(staging))
        new.bulk_extend(dataset.store)
        new.flush()
        del new
        retired = path.with_name(path.name + ".old")
        if retired.exists():
            shutil.rmtree(retired)
        if path.exists():
            path.rename(retired)
        staging.rename(path)
        if retired.exists():
            shutil.rmtree(retired)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def open_store(path: Location, read_only: bool = True) -> ox.Store:
    """Open the built store; read-only by default so that several processes can read it. A remote store is
    reached over HTTP (kg.backends.remote; its own access rules decide what may be changed)."""
    if isinstance(path, RemoteConfig):
        from kg.backends.remote import shared

        return shared(path)  # type: ignore[return-value]  # the same interface (kg.backends)
    path = Path(path)
    if not path.is_dir():
        retired = path.with_name(path.name + ".old")
        if retired.is_dir():  # a swap was interrupted between its two renames
            retired.rename(path)
        else:
            raise StoreMissing(path)
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))


def memory_copy(store: ox.Store) -> ox.Store:
    """An in-memory `pyoxigraph.Store` with every quad of `store` (a snapshot on disk, for readers: Oxigraph answers
    the same queries several times faster from memory). `bulk_extend` from the store was the fastest of the ways
    measured from RocksDB, and the lightest (benchmarks/readers.py): reading the quads out of RocksDB is most of
    the time, whatever the way; the blank nodes keep their labels."""
    copy = ox.Store()
    copy.bulk_extend(store)
    return copy


def load_image(path: Path | str) -> ox.Store:
    """An in-memory store from an N-Quads file written by `Store.dump` (kg.snapshots: a snapshot's image); the file
    was written from a valid store, so IRIs are not checked again (`lenient`)."""
    copy = ox.Store()
    copy.load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=True)
    return copy


def serving_copy(store_path: Path, extra: list[Path], folder: Path) -> Path:
    """A new store in `folder` with the quads of the built store plus extra RDF files (e.g. test data
    for `kg serve --load`). The built store itself is never changed. Raises LoadError for a bad file."""
    from kg.loader import LoadError

    if isinstance(store_path, RemoteConfig):
        raise LoadError(
            describe(store_path),
            "--load fungerar bara med den inbäddade grafdatabasen; läs in filerna i "
            "fjärrlagret med dess egna verktyg / --load works with the embedded store only; load the files "
            "into the remote store with its own tools (and name their graphs in KG_STORE_GRAPHS)",
        )
    target = Path(folder) / "store"
    copy = ox.Store(str(target))
    copy.bulk_extend(open_store(store_path))
    for path in extra:
        fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".").lower())
        if fmt is None:
            raise LoadError(str(path), f"okänt filformat / unknown file format '{Path(path).suffix}'")
        try:
            copy.bulk_load(path=str(path), format=fmt)
        except SyntaxError as err:
            raise LoadError(str(path), f"syntaxfel / syntax error: {err.args[0] if err.args else err}") from None
        except OSError as err:
            raise LoadError(str(path), f"kan inte läsas / cannot be read: {err.strerror or err}") from None
    copy.flush()
    del copy
    return target
