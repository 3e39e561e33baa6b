"""`kg export --curated`, `kg import` and `kg backup` (kg.backup, kg.curated_import): the core team's work to data
files and back without loss, a bad file changing nothing, and consistent copies while the writer is changing the
store."""

from __future__ import annotations

import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.backup import BackupError, backup
from kg.cli import main
from kg.curated_import import import_curated
from kg.curation import CURATION, HISTORY, CurationStore, agent_iri
from kg.curation.model import MAPPINGS
from kg.namespaces import ID, SKK
from kg.snapshots import current_generation
from tests.editing import copy_store

LINK = ID + "link/maltider-och-moten--2.2"
REMOVED = ID + "link/maltider-och-moten--3.4"
INITIATIVE = ID + "initiative/maltider-och-moten"
AREA = ID + "focus-area/nara-vard"
ANNA, BERTIL = agent_iri("anna"), agent_iri("bertil")


def cli(runner: CliRunner, store: Path, *args: str):
    return runner.invoke(main, ["--store", str(store), *args])


def quads(path: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(path))
    try:
        return set(store)
    finally:
        del store


def graph(path: Path, iri: str) -> set[ox.Quad]:
    return {q for q in quads(path) if q.graph_name == ox.NamedNode(iri)}


def file_quads(path: Path, fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=fmt))


def curate(path: Path) -> CurationStore:
    """A writer that has made every kind of change: select, confirm, add, edit, remove (tombstone), undo; text with
    quotes, a line break and non-ASCII letters."""
    cur = CurationStore(path)
    cur.select_target("3.4", "Närvården först.", AREA, ANNA)
    cur.set_link_status(LINK, "confirmed", ANNA, "Stämmer.", None)
    added = cur.add_link(INITIATIVE, "3.8", "secondary", 'Motivering med "citat"\noch en rad till: åäö.', BERTIL)
    edited = cur.edit_link(added.iri, "primary", "Ny motivering.", ANNA, added.version, reason="Efter mötet.")
    cur.undo(edited.decision, BERTIL)
    cur.remove_link(REMOVED, ANNA, "Hör inte hit.", None)
    return cur


@pytest.fixture
def curated(store_path: Path, tmp_path: Path) -> Path:
    """A store of the test's own with curation in it (the writer closed again)."""
    path = copy_store(store_path, tmp_path / "curated")
    curate(path).close()
    return path


@pytest.fixture
def fresh(store_path: Path, tmp_path: Path) -> Path:
    """A store built from the files alone: no curation."""
    return copy_store(store_path, tmp_path / "fresh")


# ---------------------------------------------------------------- export and import


@pytest.mark.parametrize(
    "fmt,suffix,rdf", [("trig", "trig", ox.RdfFormat.TRIG), ("nquads", "nq", ox.RdfFormat.N_QUADS)]
)
def test_round_trip_loses_nothing(
    runner: CliRunner, curated: Path, fresh: Path, tmp_path: Path, fmt: str, suffix: str, rdf: ox.RdfFormat
) -> None:
    exported = tmp_path / f"curated.{suffix}"
    result = cli(runner, curated, "export", "--curated", "--format", fmt, "-o", str(exported))
    assert result.exit_code == 0, result.output
    written = file_quads(exported, rdf)
    assert {q.graph_name for q in written} == {ox.NamedNode(CURATION), ox.NamedNode(HISTORY)}
    assert written == graph(curated, CURATION) | graph(curated, HISTORY)

    assert graph(fresh, CURATION) == set() and graph(fresh, MAPPINGS) != graph(curated, MAPPINGS)
    result = cli(runner, fresh, "import", str(exported))
    assert result.exit_code == 0, result.output
    assert "graph/curation" in result.output and "graph/history" in result.output

    again = tmp_path / f"again.{suffix}"
    assert cli(runner, fresh, "export", "--curated", "--format", fmt, "-o", str(again)).exit_code == 0
    assert file_quads(again, rdf) == written
    assert again.read_bytes() == exported.read_bytes()  # sorted: the same state gives the same file
    # the whole store is the same: the proposals the curation overrides have left graph/mappings again
    assert quads(fresh) == quads(curated)


def test_export_curated_default_is_trig_on_standard_output(runner: CliRunner, curated: Path) -> None:
    result = cli(runner, curated, "export", "--curated")
    assert result.exit_code == 0, result.output
    parsed = set(ox.parse(result.stdout_bytes, format=ox.RdfFormat.TRIG))
    assert parsed == graph(curated, CURATION) | graph(curated, HISTORY)
    assert "graph:curation {" in result.output  # named graphs kept, with the project's prefixes


def test_export_curated_refuses_a_format_without_named_graphs(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    result = cli(runner, curated, "export", "--curated", "--format", "turtle", "-o", str(tmp_path / "x.ttl"))
    assert result.exit_code == 1
    assert "namngivna grafer" in result.output and "named graphs" in result.output
    assert "Traceback" not in result.output and not list(tmp_path.glob("x.ttl*"))


def test_the_public_export_carries_the_curated_graphs_too(runner: CliRunner, curated: Path) -> None:
    """The published dataset is the whole graph: the core team's decisions and their history included."""
    result = cli(runner, curated, "export", "--format", "nquads")
    assert result.exit_code == 0
    graphs = {q.graph_name.value for q in ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS)}
    assert {MAPPINGS, CURATION, HISTORY} <= graphs


def _bad_files(folder: Path, good: Path) -> dict[str, tuple[Path, str]]:
    text = good.read_text(encoding="utf-8")
    files = {
        "not RDF": ("notes.trig", b"\x89PNG\r\n\x1a\n not a graph at all", "not valid RDF"),
        "cut off": ("cut.trig", text[: len(text) * 2 // 3].encode(), "not valid RDF"),
        "other graph": (
            "other.trig",
            (text + f"\n<{MAPPINGS}> {{ <{LINK}> <{SKK}linkStatus> <{SKK}rejected> }}\n").encode(),
            "outside",
        ),
        "default graph": ("default.nq", f"<{LINK}> <{SKK}linkStatus> <{SKK}rejected> .\n".encode(), "default graph"),
        "turtle": ("curated.ttl", b"<http://a> <http://b> <http://c> .\n", "TriG"),
    }
    made = {}
    for name, (file, content, why) in files.items():
        (folder / file).write_bytes(content)
        made[name] = (folder / file, why)
    return made


@pytest.mark.parametrize("case", ["not RDF", "cut off", "other graph", "default graph", "turtle"])
def test_import_of_a_bad_file_changes_nothing_and_says_why(
    runner: CliRunner, curated: Path, fresh: Path, tmp_path: Path, case: str
) -> None:
    good = tmp_path / "good.trig"
    assert cli(runner, curated, "export", "--curated", "-o", str(good)).exit_code == 0
    bad, why = _bad_files(tmp_path, good)[case]
    for target in (curated, fresh):  # a store with curation and one without
        before = quads(target)
        result = cli(runner, target, "import", str(bad))
        assert result.exit_code == 1, result.output
        assert why in result.output and bad.name in result.output
        assert "Traceback" not in result.output
        assert quads(target) == before


def test_import_is_refused_while_a_writer_holds_the_store(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    exported = tmp_path / "curated.trig"
    assert cli(runner, curated, "export", "--curated", "-o", str(exported)).exit_code == 0
    writer = CurationStore(curated)  # what `kg serve` holds
    try:
        writer.set_link_status(LINK, "rejected", BERTIL, "Ändrat medan servern kör.", None)
        result = cli(runner, curated, "import", str(exported))
        assert result.exit_code == 1, result.output
        assert "kg serve" in result.output and "stoppa den först" in result.output and "stop it first" in result.output
        assert "Traceback" not in result.output
        with pytest.raises(BackupError):
            import_curated(curated, exported)
        # export works meanwhile: it reads the published snapshot, which has the server's latest change
        result = cli(runner, curated, "export", "--curated")
        assert result.exit_code == 0, result.output
        parsed = set(ox.parse(result.stdout_bytes, format=ox.RdfFormat.TRIG))
        assert (
            ox.Quad(
                ox.NamedNode(LINK),
                ox.NamedNode(SKK + "linkStatus"),
                ox.NamedNode(SKK + "rejected"),
                ox.NamedNode(CURATION),
            )
            in parsed
        )
    finally:
        writer.close()


def test_import_publishes_a_snapshot_for_readers(curated: Path, fresh: Path, tmp_path: Path, runner: CliRunner) -> None:
    exported = tmp_path / "curated.trig"
    assert cli(runner, curated, "export", "--curated", "-o", str(exported)).exit_code == 0
    CurationStore(fresh).close()  # a server ran on it once: readers follow its snapshots
    before = current_generation(fresh)
    result = import_curated(fresh, exported)
    assert before is not None and result.generation == before + 1 == current_generation(fresh)
    assert cli(runner, fresh, "export", "--curated").stdout_bytes == exported.read_bytes()


# ---------------------------------------------------------------- backup


def test_backup_of_a_store_nobody_holds(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "today"
    result = cli(runner, curated, "backup", str(target))
    assert result.exit_code == 0, result.output
    count = len(quads(curated))
    assert f"{count} tripplar / triples" in result.output and str(target) in result.output
    assert quads(target) == quads(curated)
    stats = cli(runner, target, "stats")
    assert stats.exit_code == 0 and f"tripplar / triples: {count}" in stats.output
    copy = CurationStore(target, publish=False)  # an independent store: it opens read-write
    copy.close()


def test_backup_refuses_a_folder_that_is_not_empty(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    target = tmp_path / "used"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    result = cli(runner, curated, "backup", str(target))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "finns redan" in result.output and "exists" in result.output
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli(runner, curated, "backup", str(empty)).exit_code == 0
    assert quads(empty) == quads(curated)


def test_backup_of_a_missing_store_says_so(runner: CliRunner, tmp_path: Path) -> None:
    result = cli(runner, tmp_path / "none", "backup", str(tmp_path / "copy"))
    assert result.exit_code == 1 and "kg build" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "copy").exists()


def test_backup_while_the_writer_keeps_changing_the_store(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    """The server holds the store and commits changes in another thread; the backup opens as a store and has
    every change committed before it started."""
    writer = CurationStore(curated)
    committed: list[str] = []  # decisions whose commit has returned
    started, stop = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def keep_writing() -> None:
        try:
            i = 0
            while not stop.is_set() or i < 12:  # at least 12 changes: older snapshot generations get pruned
                change = writer.edit_link(LINK, ("primary", "secondary")[i % 2], f"Motivering {i}.", ANNA, None)
                committed.append(change.decision)
                i += 1
                if i == 3:
                    started.set()
        except BaseException as err:  # reported by the test below
            failures.append(err)
            started.set()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        assert started.wait(60)
        before = list(committed)
        results = [cli(runner, curated, "backup", str(tmp_path / f"copy{n}")) for n in range(3)]
    finally:
        stop.set()
        thread.join(60)
        writer.close()
    assert not failures, failures
    for n, result in enumerate(results):
        assert result.exit_code == 0, result.output
        assert "ögonblicksbild / snapshot" in result.output  # taken from the published snapshot
        copy = tmp_path / f"copy{n}"
        history = {q.subject.value for q in graph(copy, HISTORY)}
        assert set(before) <= history
        stats = cli(runner, copy, "stats")
        assert stats.exit_code == 0, stats.output
    assert len(committed) >= 12
    # a copy is a consistent state: the current version of the link has its history entry, and nothing newer
    copy = tmp_path / "copy2"
    version = next(
        int(q.object.value)
        for q in graph(copy, CURATION)
        if q.subject.value == LINK and q.predicate.value == SKK + "version"
    )
    versions = {
        int(q.object.value)
        for q in graph(copy, HISTORY)
        if q.predicate.value == SKK + "version" and q.subject.value.startswith(LINK + "#v")
    }
    assert max(versions) == version >= len(before)


def test_backup_library_refuses_when_there_is_nothing_to_copy(fresh: Path, tmp_path: Path) -> None:
    writer = CurationStore(fresh, publish=False)  # holds the lock and has published no snapshot
    try:
        with pytest.raises(BackupError) as caught:
            backup(fresh, tmp_path / "copy")
        assert "ingen ögonblicksbild" in caught.value.sv and "no snapshot" in caught.value.en
    finally:
        writer.close()


def test_backup_moves_on_when_the_snapshot_is_pruned_meanwhile(
    curated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CURRENT named a generation that the server removed before the backup opened it: the backup takes the
    generation CURRENT names now."""
    import kg.snapshots

    writer = CurationStore(curated)
    try:
        real = kg.snapshots.current_generation
        calls: list[int | None] = []

        def stale_first(path: Path | str) -> int | None:
            calls.append(None)
            return 10_000 if len(calls) == 1 else real(path)  # a generation that no longer exists

        monkeypatch.setattr(kg.snapshots, "current_generation", stale_first)
        result = backup(curated, tmp_path / "copy")
        assert result.generation == writer.generation and len(calls) >= 3
    finally:
        monkeypatch.undo()
        writer.close()
    assert quads(tmp_path / "copy") == quads(curated)


def test_round_trip_of_edited_and_added_initiatives(curated: Path, fresh: Path, tmp_path: Path) -> None:
    """An edited shipped initiative moves its facts out of graph/collaboration; the import does the same (the rule
    of `kg build`), so the union never shows the shipped name beside the curated one."""
    from kg.backup import export_curated

    writer = CurationStore(curated)
    try:
        state = writer.initiative(INITIATIVE)
        kind = next(o.value for p, o in state.statements if p.value.endswith("#type") and o.value != SKK + "Initiative")
        writer.edit_initiative(
            INITIATIVE,
            "Måltider och möten (nytt namn)",
            "Meals and meetings (new name)",
            kind,
            None,
            "2021-03",
            None,
            [],
            AREA,
            [],
            ANNA,
            "Namnbyte.",
            None,
        )
        writer.add_initiative(
            "Ett nytt initiativ",
            "A new initiative",
            kind,
            None,
            None,
            None,
            [],
            AREA,
            [],
            BERTIL,
            "Beslut i core team.",
        )
    finally:
        writer.close()
    exported = tmp_path / "curated.trig"
    exported.write_bytes(export_curated(ox.Store.read_only(str(curated))))
    import_curated(fresh, exported)
    assert quads(fresh) == quads(curated)
    names = {
        q.object.value
        for q in quads(fresh)
        if q.subject.value == INITIATIVE and q.predicate.value.endswith("prefLabel") and q.object.language == "sv"
    }
    assert names == {"Måltider och möten (nytt namn)"}
