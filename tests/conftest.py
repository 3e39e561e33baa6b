"""Shared fixtures: the real dataset built once into a temporary store, and the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.layout import PROJECT_ROOT

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
REFERENCE = PROJECT_ROOT.parent / "shared" / "reference"


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped dataset, built and validated once per test session."""
    path = tmp_path_factory.mktemp("kg") / "store"
    build(path)
    return path


@pytest.fixture(scope="session")
def store(store_path: Path) -> ox.Store:
    return ox.Store.read_only(str(store_path))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def reference_file(name: str) -> Path:
    """A file of ../shared/reference; the test is skipped when the folder is absent."""
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"reference data not available: {path}")
    return path
