"""The state of the data and the figures computed once per state: the one cache of the read side.

`state_key(path)` is the data's fingerprint (it changes with every build and every curation change).
`per_state(state, name, compute)` keeps the result of `compute()` under (`state`, `name`), so a changed graph
is read again; None = no fingerprint known: computed every time. `name` says what is kept and for which
arguments (language, filters, page), e.g. ("initiatives-order", "sv").

Every figure of the read side is kept here: the pages' lists and matrices, the overviews and reports, the search
and suggestion indexes, the network drawing and the network analysis. webapp.services.compute_figures warms them
after a start and after each change; a new state makes the old one's figures unreachable, and `clear()` forgets all.

- The cache holds the entries of at most KEPT_STATES states (the newest): old states are dropped as new ones come.
- Within a state, at most MAX_ENTRIES entries, the least recently used dropped first; `pinned` figures (the
  indexes, the drawing, the analysis: seconds to compute at national scale) are not counted and stay.
- Two callers who want the same missing figure at once: one computes it, the other waits for it.
- `remember`/`recall` keep large values (the SPARQL endpoint's answers) in a region bounded in bytes.
- `store_state(store, path)` is the state of a store on disk (state_key) or, for a store in memory, of that very
  store object and its size.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from kg.backends import Location, RemoteConfig
from kg.snapshots import current_generation
from kg.store import open_store

T = TypeVar("T")
KEPT_STATES = 2  # a change publishes a new state while readers may still be on the previous one
MAX_ENTRIES = 256  # per state: languages × filters × pages of the paged lists


def state_key(path: Location | str) -> tuple:
    """A cheap fingerprint of a store on disk and its state, for caches of figures computed from it: the
    folder's path, and the inode and modification time of the folder (a build swaps in a new one) and of
    its CURRENT file (RocksDB rewrites it as the data changes), and the generation of the published snapshot
    (kg.snapshots: it grows with every curation change)."""
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


_CACHE: OrderedDict[Hashable, OrderedDict[Hashable, Any]] = OrderedDict()
_PINNED: dict[Hashable, dict[Hashable, Any]] = {}
_COMPUTING: dict[tuple[Hashable, Hashable], threading.Lock] = {}
_SIZED: OrderedDict[tuple[Hashable, Hashable], tuple[Any, int]] = OrderedDict()  # see remember
_SIZED_BYTES = 0
_LOCK = threading.Lock()
_MISSING = object()


def store_state(store: ox.Store, path: Location | str | None) -> Hashable:
    """The state of the data of `store`: state_key(path) for a store on disk or remote; for a store in memory
    (no path) the store itself with its size (the key holds the store, so that its id is not reused meanwhile)."""
    return state_key(path) if path is not None else ("memory", id(store), len(store), store)


def _lookup(state: Hashable, name: Hashable) -> Any:
    pinned = _PINNED.get(state)
    if pinned is not None and name in pinned:
        return pinned[name]
    entries = _CACHE.get(state)
    if entries is not None and name in entries:
        entries.move_to_end(name)
        _CACHE.move_to_end(state)
        return entries[name]
    return _MISSING


def _keep(state: Hashable, name: Hashable, value: Any, pinned: bool) -> None:
    entries = _CACHE.setdefault(state, OrderedDict())
    _CACHE.move_to_end(state)
    if pinned:
        _PINNED.setdefault(state, {})[name] = value
    else:
        entries[name] = value
        while len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
    while len(_CACHE) > KEPT_STATES:
        old, _ = _CACHE.popitem(last=False)
        _PINNED.pop(old, None)


def per_state(state: Hashable | None, name: Hashable, compute: Callable[[], T], pinned: bool = False) -> T:
    """The value of `compute()` for this state of the data, computed on the first call; a second caller of the
    same (state, name) meanwhile waits for the first one's value."""
    if state is None:
        return compute()
    with _LOCK:
        value = _lookup(state, name)
        if value is not _MISSING:
            return value
        computing = _COMPUTING.setdefault((state, name), threading.Lock())
    with computing:
        with _LOCK:
            value = _lookup(state, name)
        if value is _MISSING:
            value = compute()
            with _LOCK:
                _keep(state, name, value, pinned)
        with _LOCK:
            _COMPUTING.pop((state, name), None)
    return value


def remember(state: Hashable, name: Hashable, value: Any, size: int, budget: int) -> None:
    """Keep a large value (a SPARQL answer) for (state, name), in a region of at most `budget` bytes shared by all
    such values, the least recently used dropped first; a value above a quarter of the budget is not kept."""
    if state is None or size > budget // 4:
        return
    with _LOCK:
        global _SIZED_BYTES
        key = (state, name)
        if key in _SIZED:
            _SIZED_BYTES -= _SIZED.pop(key)[1]
        _SIZED[key] = (value, size)
        _SIZED_BYTES += size
        while budget < _SIZED_BYTES and _SIZED:
            _SIZED_BYTES -= _SIZED.popitem(last=False)[1][1]


def recall(state: Hashable, name: Hashable) -> Any | None:
    """The value `remember` kept for (state, name), or None."""
    with _LOCK:
        found = _SIZED.get((state, name))
        if found is None:
            return None
        _SIZED.move_to_end((state, name))
        return found[0]


def cached(state: Hashable, name: Hashable) -> Any | None:
    """The figure kept for (state, name), or None when it has not been computed (nothing is computed here)."""
    with _LOCK:
        value = _lookup(state, name)
    return None if value is _MISSING else value


def clear() -> None:
    """Forget every figure of every state."""
    global _SIZED_BYTES
    with _LOCK:
        _CACHE.clear()
        _PINNED.clear()
        _SIZED.clear()
        _SIZED_BYTES = 0
