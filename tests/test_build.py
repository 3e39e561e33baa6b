"""Building the store from the shipped files: what it contains and that a failure changes nothing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import BuildFailed, build
from kg.loader import LoadError
from kg.stats import stats
from kg.store import StoreMissing, open_store

from .conftest import FIXTURES

# Every initiative the seeds name (../shared/seeds), by the name the graph gives it.
SEED_INITIATIVES = [
    "Måltider och möten",
    "Testbädd Ängsgärdet",
    "Salus mea – trygghetslarm med civilsamhället",
    "Utbildning Systematisk innovationsledning",
    "Utvecklingsprogram Future impact champions",
    "Project management i Innovationsmaster",
    "Servicetjänster – kommunens nya roll i servicelandskapet",
    "Utvecklat samarbete med civilsamhället",
    "Framtidens äldreboende",
    "Policy för äldre – kraftsamling Västerås",
    "KUG självständigt liv",
    "Existentiell hälsa eller psykosocial hälsa",
    "Hälsoekonomi",
    "Datadrivet arbete och AI",
    "Statsbidrag mot ofrivillig ensamhet",
    "Forsknings- och utbildningsinsatser om existentiell hälsa",
    "Tvärvetenskapligt forskningsinitiativ om tryggt och självständigt liv i hemmet",
    "Samtal om forskning kring livslångt lärande",
    "Examensarbeten kopplade till testbädd Ängsgärdet",
    "Studentuppdrag om marknadsföring och äldrebössan",
    "Måsta äng",
    "Stödet",
    "FoUiS utvecklingsprojekt om omställning till nära vård",
    "Modellkommun inom äldreomsorgens digitalisering",
    "LEDA för smartare välfärd",
    "Ökad samverkan med civilsamhället genom digital mötesplats",
]


def test_counts_of_the_framework_and_the_collaboration(store: ox.Store) -> None:
    counts = stats(store).counts
    assert counts["goals"] == 17
    assert counts["targets"] == 169
    assert counts["indicators"] == 232
    assert counts["perspectives"] == 9
    assert counts["focus areas"] == 2
    assert counts["functions"] == 3
    assert counts["events"] == 2
    assert counts["source documents"] == 5


def test_every_initiative_of_the_seeds_is_in_the_graph(store: ox.Store) -> None:
    names = sorted(row["labelSv"] for row in stats(store).initiatives)
    assert names == sorted(SEED_INITIATIVES)


def test_every_initiative_has_a_proposed_link(store: ox.Store) -> None:
    result = stats(store)
    assert result.links == {"proposed": result.counts["target links"]}
    assert result.counts["target links"] >= len(SEED_INITIATIVES)


def test_a_failed_build_leaves_the_previous_store_intact(tmp_path: Path) -> None:
    path = tmp_path / "store"
    build(path)
    before = len(open_store(path))
    for broken in ("negative-budget.ttl", "syntax-error.ttl"):
        with pytest.raises((BuildFailed, LoadError)):
            build(path, extra=[FIXTURES / "broken" / broken])
    store = open_store(path)
    assert len(store) == before
    assert not store.contains_named_graph(ox.NamedNode("urn:x"))  # opens and answers
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no staging folders left behind


def test_a_rebuild_replaces_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store"
    build(path)
    build(path)
    assert stats(open_store(path)).counts["goals"] == 17


def test_opening_a_store_that_was_never_built_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="kg build"):
        open_store(tmp_path / "nothing")
