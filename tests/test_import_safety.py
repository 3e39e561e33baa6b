"""`kg import` cannot lose the core team's work (kg.curated_import): an empty, cut-off or incomplete file is refused
and changes nothing; the curation replaced is saved first, in backups/ beside the store, and reads back to the same
state; `--dry-run` says what would change and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.backup import BackupError
from kg.curated_import import read_curated
from kg.curation import CURATION, HISTORY, CurationStore
from kg.curation.rebuild import incomplete_history, undecided_states
from kg.namespaces import ID
from tests import test_backup
from tests.test_backup import ANNA, LINK, cli, graph, quads

DECISION = ID + "decision/"
curated = test_backup.curated  # the fixtures of the backup tests: a store with curation, one without
fresh = test_backup.fresh


def export(runner: CliRunner, store: Path, target: Path, fmt: str = "trig") -> Path:
    result = cli(runner, store, "export", "--curated", "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    return target


def curated_graphs(store: Path) -> set[ox.Quad]:
    return graph(store, CURATION) | graph(store, HISTORY)


def backups(store: Path) -> list[Path]:
    folder = store.parent / "backups"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def change_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("  ")]


# ---------------------------------------------------------------- refused files


def _cut_inside_history(text: str) -> str:
    """TriG cut after a whole statement in the middle of the graph:history block (its `}` missing)."""
    start = text.index("graph:history {")
    return text[: text.index(" .\n", (start + len(text)) // 2) + 3]


def _decisions(nquads: str) -> list[str]:
    return sorted({line.split(" ", 1)[0] for line in nquads.splitlines() if line.startswith(f"<{DECISION}")})


def _without_decision(nquads: str, n: int) -> str:
    """N-Quads without the statements about the `n`th decision (those that name it as an object stay)."""
    one = _decisions(nquads)[n]
    return "".join(line for line in nquads.splitlines(keepends=True) if not line.startswith(one + " "))


#: case -> (the file's name, how it is made from the TriG and the N-Quads export, words the refusal has)
BAD = {
    "empty": ("e.trig", lambda trig, nq: "", ("inga tripplar", "no triples")),
    "prefixes only": (
        "p.trig",
        lambda trig, nq: trig[: trig.index("graph:curation {")],
        ("inga tripplar", "no triples"),
    ),
    "nquads without its last dot": ("a.nq", lambda trig, nq: nq[: nq.rindex(" .\n")] + "\n", ("avkortad", "cut off")),
    "nquads cut in a line": ("b.nq", lambda trig, nq: nq[: len(nq) * 3 // 4], ("avkortad", "cut off")),
    "nquads without the last line break": (
        "c.nq",
        lambda trig, nq: nq[: nq.index(" .\n", len(nq) // 2) + 2],
        ("radbrytning", "line break"),
    ),
    "nquads cut at a line": (
        "d.nq",
        lambda trig, nq: nq[: nq.index(f" <{HISTORY}> .\n") + len(HISTORY) + 6],
        ("saknar sitt beslut", "lack their decision"),
    ),  # after the first line of the history
    "trig cut in the history block": ("f.trig", lambda trig, nq: _cut_inside_history(trig), ("avkortad", "cut off")),
    "trig without its history": (
        "g.trig",
        lambda trig, nq: trig[: trig.index("graph:history {")],
        ("saknar sitt beslut", "lack their decision"),
    ),
    "a decision missing": ("h.nq", lambda trig, nq: _without_decision(nq, 0), ("ofullständig", "incomplete")),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_file_that_would_lose_curation_is_refused_and_changes_nothing(
    runner: CliRunner, curated: Path, fresh: Path, tmp_path: Path, case: str
) -> None:
    trig = export(runner, curated, tmp_path / "good.trig").read_text(encoding="utf-8")
    nq = export(runner, curated, tmp_path / "good.nq", "nquads").read_text(encoding="utf-8")
    name, make, (sv, en) = BAD[case]
    bad = tmp_path / name
    bad.write_text(make(trig, nq), encoding="utf-8")
    for target in (curated, fresh):  # a store with curation and one without
        before, curated_before = quads(target), len(curated_graphs(target))
        for args in (["import", str(bad)], ["import", "--dry-run", str(bad)]):
            result = cli(runner, target, *args)
            assert result.exit_code == 1, result.output
            assert sv in result.output and en in result.output and bad.name in result.output
            assert "Traceback" not in result.output
        assert len(curated_graphs(target)) == curated_before
        assert quads(target) == before
        assert backups(target) == []


def test_the_file_of_the_issue_is_refused(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    """`: > e.trig; kg import e.trig` with the server stopped emptied graph/curation and graph/history."""
    empty = tmp_path / "e.trig"
    empty.touch()
    before = curated_graphs(curated)
    result = cli(runner, curated, "import", str(empty))
    assert result.exit_code == 1 and "Nothing was imported" in result.output
    assert curated_graphs(curated) == before and len(before) > 100


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_an_export_cut_at_any_line_is_refused(runner: CliRunner, curated: Path, tmp_path: Path, fmt: str) -> None:
    """A file cut at a line boundary parses; what is left of it must still be refused (as empty, cut off, or a
    curation without its decisions), wherever the cut is."""
    whole = export(runner, curated, tmp_path / f"whole.{fmt}", fmt)
    assert set(read_curated(whole, fmt)) == curated_graphs(curated)  # the whole file is read
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / f"cut.{fmt}"
    for n in range(len(lines)):
        cut.write_text("".join(lines[:n]), encoding="utf-8")
        with pytest.raises(BackupError):
            read_curated(cut, fmt)


def test_a_history_without_any_one_of_its_decisions_is_refused(
    runner: CliRunner, curated: Path, tmp_path: Path
) -> None:
    nq = export(runner, curated, tmp_path / "good.nq", "nquads").read_text(encoding="utf-8")
    cut = tmp_path / "cut.nq"
    assert len(_decisions(nq)) >= 6
    for n in range(len(_decisions(nq))):
        cut.write_text(_without_decision(nq, n), encoding="utf-8")
        with pytest.raises(BackupError) as caught:
            read_curated(cut)
        assert "incomplete" in caught.value.en


def test_the_invariants_hold_for_every_change_the_writer_makes(curated: Path) -> None:
    everything = list(curated_graphs(curated))
    assert undecided_states(everything) == [] and incomplete_history(everything) == []
    curation = [q for q in everything if q.graph_name == ox.NamedNode(CURATION)]
    assert len(undecided_states(curation)) == len({q.subject for q in curation}) > 0
    versions = [q for q in everything if q.predicate.value.endswith("#value")]
    assert incomplete_history([q for q in everything if q not in versions])


# ---------------------------------------------------------------- the backup before an import


def test_an_import_saves_the_curation_it_replaces_and_the_copy_reads_back(
    runner: CliRunner, curated: Path, tmp_path: Path
) -> None:
    older = export(runner, curated, tmp_path / "older.trig")
    writer = CurationStore(curated)
    writer.set_link_status(LINK, "rejected", ANNA, "Ändrat efter exporten.", None)
    writer.close()
    current = export(runner, curated, tmp_path / "current.trig").read_bytes()
    whole = quads(curated)

    result = cli(runner, curated, "import", str(older))
    assert result.exit_code == 0, result.output
    [saved] = backups(curated)
    assert saved.parent == curated.parent / "backups" and saved.name.startswith("curation-")
    assert saved.suffix == ".trig" and str(saved) in result.output
    assert "sparades i / the previous curation was saved in" in result.output
    assert saved.read_bytes() == current  # what `kg export --curated` gave: sorted TriG
    assert curated_graphs(curated) == set(ox.parse(path=str(older), format=ox.RdfFormat.TRIG))

    result = cli(runner, curated, "import", str(saved))
    assert result.exit_code == 0, result.output
    assert quads(curated) == whole  # the state before the import, the whole store
    assert len(backups(curated)) == 2  # the second import saved what the first one brought


def test_an_import_into_a_store_without_curation_saves_nothing(
    runner: CliRunner, curated: Path, fresh: Path, tmp_path: Path
) -> None:
    result = cli(runner, fresh, "import", str(export(runner, curated, tmp_path / "curated.trig")))
    assert result.exit_code == 0, result.output
    assert backups(fresh) == [] and "saved in" not in result.output


# ---------------------------------------------------------------- --dry-run


def test_dry_run_says_what_the_import_changes_and_changes_nothing(
    runner: CliRunner, curated: Path, fresh: Path, tmp_path: Path
) -> None:
    exported = export(runner, curated, tmp_path / "curated.trig")
    before = quads(fresh)
    planned = cli(runner, fresh, "import", "--dry-run", str(exported))
    assert planned.exit_code == 0, planned.output
    assert "ingenting ändrades / dry run: nothing was changed" in planned.output
    assert quads(fresh) == before and backups(fresh) == []
    lines = change_lines(planned.output)
    assert f"  graph/curation: +{len(graph(curated, CURATION))} −0 tripplar / triples" in lines
    assert f"  graph/history: +{len(graph(curated, HISTORY))} −0 tripplar / triples" in lines
    states = len({q.subject for q in graph(curated, CURATION)})
    assert f"  kurerade saker som ändras / curated things that change: {states}" in lines
    assert any(line.startswith("  graph/mappings: +0 −") and "−0 " not in line for line in lines)  # proposals

    done = cli(runner, fresh, "import", str(exported))
    assert done.exit_code == 0, done.output
    assert change_lines(done.output) == lines  # what was said is what happened
    assert quads(fresh) == quads(curated)


def test_dry_run_counts_one_changed_state(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    older = export(runner, curated, tmp_path / "older.trig")
    writer = CurationStore(curated)
    writer.set_link_status(LINK, "rejected", ANNA, "Ändrat efter exporten.", None)
    writer.close()
    result = cli(runner, curated, "import", "--dry-run", str(older))
    assert result.exit_code == 0, result.output
    assert "  kurerade saker som ändras / curated things that change: 1" in result.output
    assert "  graph/curation: +0 −0" not in result.output and "  graph/history: +0 −" in result.output


@pytest.mark.embedded_only
def test_dry_run_works_while_the_server_holds_the_store(runner: CliRunner, curated: Path, tmp_path: Path) -> None:
    exported = export(runner, curated, tmp_path / "curated.trig")
    writer = CurationStore(curated)  # what `kg serve` holds: the dry run reads its newest snapshot
    try:
        result = cli(runner, curated, "import", "--dry-run", str(exported))
        assert result.exit_code == 0, result.output
        assert "curated things that change: 0" in result.output
        refused = cli(runner, curated, "import", str(exported))
        assert refused.exit_code == 1 and "stop it first" in refused.output
    finally:
        writer.close()
    assert backups(curated) == []
