"""Each kind of bad input gets a clear message naming the file and the resource, and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import FIXTURES

BROKEN = FIXTURES / "broken"

# fixture file -> (the resource or position the message must name, the rule, a word of the message)
CASES = {
    "syntax-error.ttl": ("syntax-error.ttl:6:", None, "syntax error"),
    "unknown-sdg-code.ttl": ("link:maltider-och-moten--3.99", "shape:TargetLink-target", "Okänt delmål"),
    "link-to-missing-target.ttl": ("link:salus-mea--3.4.1", "shape:TargetLink-target", "Unknown target"),
    "missing-label.ttl": ("initiative:namnlos", "shape:Initiative-label-sv", "Saknar namn"),
    "negative-budget.ttl": ("budget:negativ", "shape:BudgetLine-amount", "non-negative"),
    "unknown-status.ttl": ("initiative:pausad", "shape:Initiative-status", "Okänd status"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_names_file_resource_rule_and_message(runner: CliRunner, name: str) -> None:
    where, rule, words = CASES[name]
    result = runner.invoke(main, ["validate", "--errors-only", "--add", str(BROKEN / name)])
    assert result.exit_code == 1
    output = result.output
    assert f"tests/fixtures/broken/{name}" in output or str(BROKEN / name) in output
    assert where in output
    if rule:
        assert f"[{rule}]" in output
    assert words in output
    assert "Traceback" not in output


@pytest.mark.parametrize("name", sorted(CASES))
def test_build_with_bad_input_writes_nothing(runner: CliRunner, tmp_path: Path, name: str) -> None:
    store = tmp_path / "store"
    result = runner.invoke(main, ["--store", str(store), "build", "--add", str(BROKEN / name)])
    assert result.exit_code == 1
    assert "orörd" in result.output and "intact" in result.output
    assert not store.exists()
    assert list(tmp_path.iterdir()) == []


def test_every_broken_fixture_is_tested() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.ttl")) == sorted(CASES)


def test_shipped_data_validates(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "0 fel / errors" in result.output


def test_a_missing_extra_file_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", "--add", str(tmp_path / "finns-inte.ttl")])
    assert result.exit_code == 1
    assert "finns-inte.ttl" in result.output
    assert "Traceback" not in result.output
