"""The SDG framework: complete, in both languages, and the same as the UN's official data."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import load_dataset
from kg.cli import main
from kg.sdgcheck import compare, entries_from_reference, entries_from_store
from kg.sparql import select

from .conftest import reference_file

EXPECTED_TARGETS_PER_GOAL = [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]


@pytest.fixture(scope="module")
def sdg() -> ox.Store:
    return load_dataset(graphs=["sdg"]).store


def test_seventeen_goals_with_titles_colours_and_their_targets(sdg: ox.Store) -> None:
    rows = select(
        sdg,
        """
        SELECT ?code ?colour (COUNT(DISTINCT ?t) AS ?targets) (COUNT(DISTINCT ?title) AS ?titles)
               (COUNT(DISTINCT ?full) AS ?fulls) WHERE {
          ?g a sdgo:Goal ; skos:notation ?code ; skk:colour ?colour ; skk:shortTitle ?title ; skos:prefLabel ?full .
          ?t skos:broader ?g ; a sdgo:Target .
        } GROUP BY ?code ?colour ORDER BY xsd:integer(?code)""",
    )
    assert [r["code"] for r in rows] == [str(n) for n in range(1, 18)]
    assert [r["targets"] for r in rows] == EXPECTED_TARGETS_PER_GOAL
    assert all(r["titles"] == 2 and r["fulls"] == 2 for r in rows)  # Swedish and English
    assert all(re.fullmatch(r"#[0-9A-F]{6}", r["colour"]) for r in rows)
    assert len({r["colour"] for r in rows}) == 17
    assert rows[2]["colour"] == "#4C9F38"  # goal 3, the official green


def test_every_target_has_a_swedish_and_an_english_text(sdg: ox.Store) -> None:
    rows = select(
        sdg,
        """
        SELECT ?t ?sv ?en ?wording WHERE {
          ?t a sdgo:Target ; skk:wording ?wording .
          OPTIONAL { ?t skos:prefLabel ?sv FILTER(LANG(?sv) = "sv") }
          OPTIONAL { ?t skos:prefLabel ?en FILTER(LANG(?en) = "en") }
        }""",
    )
    assert len(rows) == 169
    assert all(r["sv"] and r["en"] and r["sv"] != r["en"] for r in rows)
    # honest data: the Swedish texts say whether they are official or the project's translation
    assert {r["wording"] for r in rows} <= {
        "https://w3id.org/samhallskontraktet/ontology#officialWording",
        "https://w3id.org/samhallskontraktet/ontology#projectTranslation",
    }


def test_swedish_texts_keep_the_numbers_of_the_english(sdg: ox.Store) -> None:
    rows = select(
        sdg,
        """
        SELECT ?code ?sv ?en WHERE { ?t a sdgo:Target ; skos:notation ?code ;
          skos:prefLabel ?sv, ?en . FILTER(LANG(?sv) = "sv" && LANG(?en) = "en") }""",
    )
    for row in rows:
        english = set(re.findall(r"\d{4}", row["en"]))  # years such as 2020 and 2030
        assert english <= set(re.findall(r"\d{4}", row["sv"])), row["code"]


def test_indicators_by_permanent_code_with_all_listings(sdg: ox.Store) -> None:
    rows = select(
        sdg,
        """
        SELECT ?i (COUNT(DISTINCT ?code) AS ?listings) (COUNT(DISTINCT ?t) AS ?targets) WHERE {
          ?i a sdgo:Indicator ; skos:notation ?code ; skos:broader ?t . ?t a sdgo:Target .
        } GROUP BY ?i""",
    )
    assert len(rows) == 232
    assert sum(r["listings"] for r in rows) == 248
    repeated = {r["i"]: r["targets"] for r in rows}
    assert repeated["http://metadata.un.org/sdg/C200303"] == 3  # 1.5.1 = 11.5.1 = 13.1.1


def test_same_as_the_un_csv(sdg: ox.Store) -> None:
    differences = compare(entries_from_store(sdg), entries_from_reference(reference_file("sdg_en.csv")))
    assert [d.describe() for d in differences] == []


def test_same_iris_and_permanent_codes_as_the_un(sdg: ox.Store) -> None:
    for name in ("sdg_iris.csv", "sdg_indicator_unsd_codes.csv"):
        differences = compare(entries_from_store(sdg), entries_from_reference(reference_file(name)))
        assert [d.describe() for d in differences] == [], name


def test_every_goal_and_target_of_the_un_skos_dump_is_there(sdg: ox.Store) -> None:
    theirs = entries_from_reference(reference_file("un-sdg-kos.ttl"))
    ours = entries_from_store(sdg)
    for key, entry in theirs.items():
        if key[0] in ("goal", "target"):
            assert key in ours and ours[key].iri == entry.iri, key


def test_check_reports_each_difference(tmp_path: Path) -> None:
    reference = tmp_path / "revised.csv"
    reference.write_text(
        "kind,code,title,text\n"
        "goal,3,Good health and well-being,Ensure healthy lives and promote well-being for all at all ages\n"
        'target,3.4,,"By 2030, reduce by one half premature mortality"\n'
        "target,3.99,,A target the UN added\n",
        encoding="utf-8",
    )
    differences = compare(entries_from_store(load_dataset(graphs=["sdg"]).store), entries_from_reference(reference))
    found = {(d.code, d.what.split(" / ")[1]) for d in differences}
    assert ("3.4", "different English text") in found
    assert ("3.99", "missing in the project") in found
    assert ("3.5", "not in the reference") in found
    assert not any(d.code == "3" for d in differences)


def test_sdg_check_command(runner: CliRunner) -> None:
    result = runner.invoke(main, ["sdg", "check", "--reference", str(reference_file("sdg_en.csv"))])
    assert result.exit_code == 0, result.output
    assert "0 skillnader / differences" in result.output
    dump = runner.invoke(main, ["sdg", "check", "--reference", str(reference_file("un-sdg-kos.ttl"))])
    assert dump.exit_code == 1  # the 2020 dump predates the 2023 revision of the indicators
    assert "indicator" in dump.output and "C" in dump.output


def test_sdg_check_refuses_an_unreadable_reference(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(main, ["sdg", "check", "--reference", str(bad)])
    assert result.exit_code == 1
    assert "kind,code" in result.output
    assert "Traceback" not in result.output
