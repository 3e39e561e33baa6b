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


def state_key(path: Location | str) -> tuple:
    """A cheap fingerprint of a store on disk and its state, for caches of figures computed from it: the
    folder's path, and the inode and modification time of the folder (a build swaps in a new one) and of
    its CURRENT file (RocksDB rewrites it as the data changes), and the generation of the published snapshot
    (kg.snapshots: it grows with every curation change)."""
    from kg.snapshots import current_generation

    if isinstance(path, RemoteConfig):  # a remote store: its data stamp, changed by every change made through kg
        return ("remote", path.query, open_store(path).stamp())
    folder = Path(path)
    stamp: list = [str(folder.resolve()), current_generation(folder)]
    for item in (folder, folder / "CURRENT"):
        try:
            st = item.stat()
            stamp.append((st.st_ino, st.st_mtime_ns))
        except OSError:
            stamp.append(None)
    return tuple(stamp)
