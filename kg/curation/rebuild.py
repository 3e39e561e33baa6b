"""Keeping the core team's work when `kg build` replaces the store."""

from __future__ import annotations

from pathlib import Path

from kg.curation.model import CURATION, HISTORY, MAPPINGS, _n
from kg.store import open_store


def preserve_curation(old_store_path: Path | str, dataset) -> None:
    """Before `kg build` replaces the store: copy graph/curation and graph/history from the existing store into
    the new dataset and drop from its graph/mappings every subject the curation overrides. Opening the old store
    read-write takes its lock, so a build is refused (OSError) while a CurationStore has it open."""
    path = Path(old_store_path)
    if not path.is_dir() and not path.with_name(path.name + ".old").is_dir():
        return
    old = open_store(path, read_only=False)
    try:
        kept = [q for g in (CURATION, HISTORY) for q in old.quads_for_pattern(None, None, None, _n(g))]
    finally:
        del old
    dataset.store.extend(kept)
    mappings = _n(MAPPINGS)
    for subject in {q.subject for q in kept if q.graph_name.value == CURATION}:
        for quad in list(dataset.store.quads_for_pattern(subject, None, None, mappings)):
            dataset.store.remove(quad)
