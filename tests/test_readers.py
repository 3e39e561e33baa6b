"""Readers in memory (issue 13, item 5): pages and query workers read an in-memory copy of the published snapshot
(kg.snapshots.SnapshotReader with `in_memory`), kept current by each change's delta; above the bound they read on
disk. What a user depends on: a change shows at once, and the answers are the same as from the store on disk."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.curation import CurationStore, agent_iri
from kg.engine import PoolLimits, QueryPool, Request
from kg.namespaces import ID, SKK
from kg.queries import named_queries, run_named
from kg.snapshots import IMAGE, SnapshotReader, current_generation, current_snapshot, snapshots_dir
from tests.editing import accounts_file, editing_app, log_in, post

pytestmark = pytest.mark.embedded_only  # the embedded store's snapshots and copies (a remote store has neither)

LINK = ID + "link/maltider-och-moten--2.2"
ANNA = agent_iri("anna")
RATIONALE = ox.NamedNode(SKK + "rationale")
PLENTY = 10_000_000  # quads: the real graph (8k) fits


@pytest.fixture
def path(store_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy, ignore=shutil.ignore_patterns("LOCK"))
    return copy


def rationale(store: ox.Store) -> str:
    return next(store.quads_for_pattern(ox.NamedNode(LINK), RATIONALE, None)).object.value


def quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


def example_bindings() -> list[tuple[str, dict[str, ox.NamedNode]]]:
    """Every named query without parameters, and each with its parameter bound to the example its description gives."""
    runs: list[tuple[str, dict[str, ox.NamedNode]]] = []
    for name, query in named_queries().items():
        runs.append((name, {}))
        for parameter in query.parameters:
            example = re.search(r"https?://\S+", parameter.description["sv"])
            if example:
                runs.append((name, {parameter.name: ox.NamedNode(example.group(0).rstrip(".,)"))}))
    return runs


def rows(store: ox.Store, name: str, bindings: dict) -> list[str]:
    return sorted(repr(sorted(row.items())) for row in run_named(store, name, bindings))


# ---------------------------------------------------------------- the same answers as on disk


def test_a_reader_in_memory_answers_every_named_query_as_the_store_on_disk(path: Path) -> None:
    reader = SnapshotReader(path, in_memory=PLENTY)
    memory, disk = reader.store, ox.Store.read_only(str(path))
    assert reader.in_memory and len(memory) == len(disk) > 8000
    runs = example_bindings()
    assert any(bindings for _, bindings in runs)  # some with a parameter bound
    for name, bindings in runs:
        assert rows(memory, name, bindings) == rows(disk, name, bindings), (name, bindings)


def test_after_changes_the_copy_in_memory_holds_the_same_quads_as_the_snapshot(path: Path) -> None:
    writer = CurationStore(path)
    reader = SnapshotReader(path, in_memory=PLENTY)
    first = reader.store
    try:
        version = writer.state(LINK).version
        for i in range(3):
            version = writer.edit_link(LINK, ("primary", "secondary")[i % 2], f"Motivering {i}.", ANNA, version).version
        assert rationale(reader.store) == "Motivering 2."
        assert reader.store is first  # followed by the deltas, not copied again
        assert reader.generation == current_generation(path)
        assert quads(reader.store) == quads(ox.Store.read_only(str(current_snapshot(path))))
    finally:
        writer.close()


def test_a_new_reader_starts_from_the_image_and_the_deltas_and_holds_the_same_quads(path: Path) -> None:
    writer = CurationStore(path)
    try:
        assert SnapshotReader(path, in_memory=PLENTY).store  # the first copy leaves its image beside the snapshot
        images = [p.name for p in snapshots_dir(path).iterdir() if p.name.endswith(IMAGE)]
        assert images == [f"{current_generation(path)}{IMAGE}"]
        version = writer.state(LINK).version
        writer.edit_link(LINK, "primary", "Efter avbilden.", ANNA, version)
        later = SnapshotReader(path, in_memory=PLENTY)
        assert rationale(later.store) == "Efter avbilden." and later.in_memory
        assert quads(later.store) == quads(ox.Store.read_only(str(current_snapshot(path))))
    finally:
        writer.close()


def test_a_missing_delta_makes_the_reader_copy_the_new_snapshot(path: Path) -> None:
    writer = CurationStore(path)
    reader = SnapshotReader(path, in_memory=PLENTY)
    first = reader.store
    try:
        version = writer.edit_link(LINK, "primary", "Ett.", ANNA, writer.state(LINK).version).version
        (snapshots_dir(path) / f"{current_generation(path)}.update").unlink()  # e.g. pruned, or an import
        writer.edit_link(LINK, "primary", "Två.", ANNA, version)
        assert rationale(reader.store) == "Två." and reader.store is not first
    finally:
        writer.close()


# ---------------------------------------------------------------- above the bound: on disk


def test_above_the_bound_the_reader_reads_on_disk_and_follows_changes(path: Path) -> None:
    writer = CurationStore(path)
    reader = SnapshotReader(path, in_memory=100)
    try:
        assert rationale(reader.store) and not reader.in_memory and reader.above_bound
        writer.edit_link(LINK, "primary", "På disk.", ANNA, writer.state(LINK).version)
        assert rationale(reader.store) == "På disk." and not reader.in_memory
    finally:
        writer.close()


# ---------------------------------------------------------------- pages and workers see a change at once


@pytest.mark.parametrize("bound", [PLENTY, 100], ids=["in-memory", "above-the-bound"])
def test_a_page_right_after_a_change_shows_it(path: Path, tmp_path: Path, bound: int) -> None:
    app = editing_app(path, accounts_file(tmp_path), READ_IN_MEMORY_MAX_TRIPLES=bound)
    services = app.extensions["kg"]
    member = log_in(app.test_client())
    before = member.get("/id/initiative/maltider-och-moten").get_data(as_text=True)
    assert "Ändrad motivering efter läsning." not in before
    assert services._reader.in_memory is (bound == PLENTY)
    version = str(services.curation.state(LINK).version)
    answer = post(
        member,
        "/edit/link/edit",
        link=LINK,
        relevance="primary",
        rationale="Ändrad motivering efter läsning.",
        reason="",
        version=version,
        next="/id/initiative/maltider-och-moten",
    )
    assert answer.status_code == 303, answer.get_data(as_text=True)[:300]
    after = app.test_client().get("/id/initiative/maltider-och-moten").get_data(as_text=True)
    assert "Ändrad motivering efter läsning." in after
    assert services._reader.in_memory is (bound == PLENTY)
    services.close()


def test_a_query_worker_in_memory_answers_with_the_change_right_after_it(path: Path) -> None:
    writer = CurationStore(path)
    pool = QueryPool(path, 1, limits=PoolLimits(timeout=30, wait=30), in_memory=PLENTY)
    query = f"SELECT ?r WHERE {{ <{LINK}> <{SKK}rationale> ?r }}"
    try:
        assert "Motivering" not in pool.run(Request(query, accept="text/csv")).body.decode()
        writer.edit_link(LINK, "primary", "Motivering i arbetaren.", ANNA, writer.state(LINK).version)
        answer = pool.run(Request(query, accept="text/csv"))
        assert answer.status == 200 and "Motivering i arbetaren." in answer.body.decode()
        assert answer.generation == current_generation(path)
    finally:
        pool.close()
        writer.close()
