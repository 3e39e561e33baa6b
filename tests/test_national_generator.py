"""benchmarks/national.py: the synthetic national graph passes the project's shapes and checks (as `kg build`
validates), says on every generated resource that it is synthetic, and is the same file for the same size."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.layout import shapes_file
from kg.loader import LoadedDataset
from kg.namespaces import GRAPHS, ID, PREFIXES, SKK
from kg.validate import validate
from tests.national import load_national

NOTE = ox.NamedNode(PREFIXES["skos"] + "editorialNote")
SOURCE = ox.NamedNode(PREFIXES["dcterms"] + "source")
SYNTHETIC = ox.NamedNode(ID + "source/synthetic")
TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ox.Store]:
    folder = tmp_path_factory.mktemp("national")
    trig = load_national().generate(20_000, folder / "national.trig", municipalities=20, regions=3)
    store = ox.Store()
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    return trig, store


def test_passes_the_shapes_and_checks_as_kg_build_validates(generated: tuple[Path, ox.Store]) -> None:
    _, store = generated
    report = validate(LoadedDataset(store), shapes_file())
    assert report.violations == []


def test_size_is_near_the_requested_one_and_uses_the_real_graphs_and_targets(generated) -> None:
    _, store = generated
    assert 15_000 < len(store) < 25_000
    graphs = {q.graph_name.value for q in store}
    assert graphs == {*GRAPHS.values(), *(PREFIXES["graph"] + g for g in ("curation", "history"))}
    targets = {q.object for q in store.quads_for_pattern(None, ox.NamedNode(SKK + "target"), None)}
    real = {q.subject for q in store.quads_for_pattern(None, TYPE, ox.NamedNode(PREFIXES["sdgo"] + "Target"))}
    assert len(real) == 169 and targets <= real


def test_every_generated_resource_says_it_is_synthetic(generated) -> None:
    _, store = generated
    generated_graphs = [GRAPHS["collaboration"], GRAPHS["mappings"]]
    subjects = {q.subject for g in generated_graphs for q in store.quads_for_pattern(None, TYPE, None, ox.NamedNode(g))}
    subjects |= {q.subject for q in store.quads_for_pattern(None, TYPE, ox.NamedNode(SKK + "Decision"))}
    assert len(subjects) > 500
    unmarked = [s for s in subjects if not any(store.quads_for_pattern(s, NOTE, None))]
    assert unmarked == []
    kept = tuple(ID + kind for kind in ("initiative/", "link/", "organisation/"))
    sourced = {q.subject for q in store.quads_for_pattern(None, SOURCE, SYNTHETIC)}
    unsourced = [s for s in subjects if s.value.startswith(kept) and s not in sourced]
    assert unsourced == []


def test_has_every_kind_and_status_and_curation_in_the_writers_shape(generated) -> None:
    _, store = generated
    kinds = {q.object.value.removeprefix(SKK) for q in store.quads_for_pattern(None, TYPE, None)}
    assert {
        "Project",
        "Pilot",
        "Programme",
        "Education",
        "ResearchInitiative",
        "Idea",
        "Testbed",
        "LearningEnvironment",
        "Municipality",
        "Region",
        "University",
        "Collaboration",
        "CoreTeam",
        "Function",
        "BudgetLine",
        "TargetLink",
        "TargetSelection",
        "Decision",
    } <= kinds
    statuses = {
        q.object.value.removeprefix(SKK) for q in store.quads_for_pattern(None, ox.NamedNode(SKK + "status"), None)
    }
    assert {"idea", "planned", "ongoing", "completed"} <= statuses
    link_statuses = {
        q.object.value.removeprefix(SKK) for q in store.quads_for_pattern(None, ox.NamedNode(SKK + "linkStatus"), None)
    }
    assert link_statuses == {"proposed", "confirmed", "rejected"}
    # a decided link: its state with skk:version 1 in graph/curation, its snapshot's prov:value = that state
    curation = ox.NamedNode(PREFIXES["graph"] + "curation")
    version = next(iter(store.quads_for_pattern(None, ox.NamedNode(SKK + "version"), ox.Literal(1), curation)))
    link = version.subject
    state = "".join(
        sorted(
            f"{q.subject} {q.predicate} {q.object} .\n"
            for q in store.quads_for_pattern(link, None, None, curation)
            if q.predicate != version.predicate
        )
    )
    value = store.quads_for_pattern(ox.NamedNode(link.value + "#v1"), ox.NamedNode(PREFIXES["prov"] + "value"), None)
    assert next(iter(value)).object.value == state


def test_is_deterministic(generated, tmp_path: Path) -> None:
    trig, _ = generated
    again = load_national().generate(20_000, tmp_path / "again.trig", municipalities=20, regions=3)
    assert again.read_bytes() == trig.read_bytes()
