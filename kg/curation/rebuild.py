"""Keeping the core team's work when `kg build` replaces the store (and when `kg import` reads it back)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.backends import RemoteConfig
from kg.curation.initiatives import COLLABORATION, initiative_kinds, is_fact
from kg.curation.model import CURATION, HISTORY, MAPPINGS, TYPE, _n
from kg.store import open_store


def curated_quads(store: ox.Store) -> list[ox.Quad]:
    """The core team's work: every quad of graph/curation and graph/history."""
    return [q for g in (CURATION, HISTORY) for q in store.quads_for_pattern(None, None, None, _n(g))]


def superseded(store: ox.Store, curated: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The shipped quads in `store` that the curated quads replace: every graph/mappings quad of a curated link or
    selection; of a curated initiative only its edited facts (kg.curation.initiatives.is_fact), in
    graph/collaboration and graph/mappings; its other statements (sources, descriptions, function...) stay."""
    kinds, by_subject = initiative_kinds(store), {}
    for q in curated:
        if q.graph_name == _n(CURATION):
            by_subject.setdefault(q.subject, []).append(q)
    gone: list[ox.Quad] = []
    for subject, quads in by_subject.items():
        initiative = any(q.predicate == TYPE and q.object in kinds for q in quads) or any(
            q.object in kinds for q in store.quads_for_pattern(subject, TYPE, None, _n(COLLABORATION)))
        if initiative:
            gone += [q for g in (COLLABORATION, MAPPINGS) for q in store.quads_for_pattern(subject, None, None, _n(g))
                     if is_fact(q.predicate, q.object, kinds)]
        else:
            gone += list(store.quads_for_pattern(subject, None, None, _n(MAPPINGS)))
    return gone


def preserve_curation(old_store_path: Path | str | RemoteConfig, dataset) -> None:
    """Before `kg build` replaces the store: copy graph/curation and graph/history from the existing store into
    the new dataset and drop from it what the curation replaces (`superseded`). Opening the old store
    read-write takes its lock, so a build is refused (OSError) while a CurationStore has it open."""
    if isinstance(old_store_path, RemoteConfig):
        old = open_store(old_store_path)
    else:
        path = Path(old_store_path)
        if not path.is_dir() and not path.with_name(path.name + ".old").is_dir():
            return
        old = open_store(path, read_only=False)
    try:
        kept = curated_quads(old)
    finally:
        del old
    dataset.store.extend(kept)
    for quad in superseded(dataset.store, kept):
        dataset.store.remove(quad)
