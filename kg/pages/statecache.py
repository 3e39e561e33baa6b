"""Figures of a page that depend only on the state of the data, computed once per state.

`per_state(state, name, compute)` keeps the result of `compute()` under (`state`, `name`): `state` is the data's
fingerprint, kg.store.state_key(path) (it changes with every build and every curation change), so a changed graph
is read again; None = no fingerprint known (a store in memory): computed every time. `name` says what is kept and
for which arguments (language, filters, page), e.g. ("initiatives-order", "sv"). The cache holds the entries of
at most KEPT_STATES states (the newest): old states are dropped as new ones come.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
KEPT_STATES = 2  # a change publishes a new state while readers may still be on the previous one
MAX_ENTRIES = 256  # per state: languages × filters × pages of the paged lists

_CACHE: OrderedDict[Hashable, dict[Hashable, Any]] = OrderedDict()
_LOCK = threading.Lock()


def per_state(state: Hashable | None, name: Hashable, compute: Callable[[], T]) -> T:
    """The value of `compute()` for this state of the data, computed on the first call (two callers at once may
    both compute it; the values are the same)."""
    if state is None:
        return compute()
    with _LOCK:
        entries = _CACHE.get(state)
        if entries is not None and name in entries:
            _CACHE.move_to_end(state)
            return entries[name]
    value = compute()
    with _LOCK:
        entries = _CACHE.setdefault(state, {})
        _CACHE.move_to_end(state)
        if len(entries) >= MAX_ENTRIES:
            entries.clear()
        entries[name] = value
        while len(_CACHE) > KEPT_STATES:
            _CACHE.popitem(last=False)
    return value


def clear() -> None:
    """Forget everything (tests)."""
    with _LOCK:
        _CACHE.clear()
