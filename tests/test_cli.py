"""The command line through click's runner, against a store built by the command line itself."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.queries import named_queries


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(main, ["--store", str(path), "build"])
    assert result.exit_code == 0, result.output
    return path


def run(store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--store", str(store), *args])
    return result.exit_code, result.output


def test_build_prints_the_summary(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["--store", str(tmp_path / "s"), "build"])
    assert result.exit_code == 0, result.output
    for line in (
        "mål / goals: 17",
        "delmål / targets: 169",
        "indikatorer / indicators: 232",
        "prioriterade perspektiv / priority perspectives: 9",
        "fokusområden / focus areas: 2",
        "funktioner / functions: 3",
        "LEDA för smartare välfärd",
        "Måsta äng",
        "Stödet",
    ):
        assert line in result.output
    assert "redovisad summa 797 500 kr" in result.output  # the budget discrepancy is reported


def test_store_from_environment(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats"], env={"KG_STORE": str(tmp_path / "none")})
    assert result.exit_code == 1
    assert "kg build" in result.output and "Traceback" not in result.output


def test_stats(cli_store: Path) -> None:
    code, out = run(cli_store, "stats")
    assert code == 0 and "initiativ / initiatives: 26" in out


def test_queries_lists_every_named_query(cli_store: Path) -> None:
    code, out = run(cli_store, "queries")
    assert code == 0
    for name, query in named_queries().items():
        assert name in out and query.title["sv"] in out and query.title["en"] in out


def test_query_table_with_parameter(cli_store: Path) -> None:
    code, out = run(cli_store, "query", "initiatives-per-goal", "--param", "goal=http://metadata.un.org/sdg/2")
    assert code == 0, out
    assert "Måltider och möten" in out and "(1 rader / rows)" in out


def test_query_csv_keeps_zeros(cli_store: Path) -> None:
    code, out = run(cli_store, "query", "initiatives-per-goal", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 17
    assert rows[0]["code"] == "1" and rows[0]["initiatives"] == "0"


def test_query_json_is_sparql_results(cli_store: Path) -> None:
    code, out = run(cli_store, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?g a sdgo:Goal }", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["results"]["bindings"][0]["n"]["value"] == "17"


def test_query_limit_and_offset_give_the_rows_page_by_page(cli_store: Path) -> None:
    def rows(*args: str) -> list[list[str]]:
        code, out = run(cli_store, "query", "initiatives-per-target", "--format", "csv", *args)
        assert code == 0, out
        return list(csv.reader(io.StringIO(out)))[1:]

    everything = rows()
    assert len(everything) > 10
    assert rows("--limit", "4") + rows("--limit", "4", "--offset", "4") == everything[:8]
    assert rows("--limit", "5", "--offset", str(len(everything) - 2)) == everything[-2:]
    for bad in (["--limit", "0"], ["--offset", "3"], ["--limit", "x"]):
        code, out = run(cli_store, "query", "initiatives-per-target", *bad)
        assert code == 2 and "Traceback" not in out, bad
    code, out = run(cli_store, "query", "SELECT ?g WHERE { ?g a sdgo:Goal } LIMIT 3", "--limit", "2")
    assert code == 1 and "LIMIT" in out


def test_query_from_file_and_ask(cli_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "fraga.rq"
    path.write_text("ASK { sdg:3.4 a sdgo:Target }", encoding="utf-8")
    assert run(cli_store, "query", str(path)) == (0, "true\n")


def test_malformed_query_gets_the_parsers_message(cli_store: Path) -> None:
    code, out = run(cli_store, "query", "SELECT ?x WHERE { ?x ?y }")
    assert code == 1
    assert "line 1" in out and "Traceback" not in out


def test_unknown_named_query(cli_store: Path) -> None:
    code, out = run(cli_store, "query", "initiativ-per-mal")
    assert code == 1 and "initiatives-per-goal" in out


def test_bad_parameter_syntax(cli_store: Path) -> None:
    code, out = run(cli_store, "query", "initiatives-per-goal", "--param", "goal")
    assert code == 2 and "namn=värde" in out


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_export_round_trips(cli_store: Path, tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    out = tmp_path / f"export.{fmt}"
    code, _ = run(cli_store, "export", "--format", fmt, "-o", str(out))
    assert code == 0
    dataset = rdflib.Dataset()
    dataset.parse(data=out.read_text(encoding="utf-8"), format=rdflib_format)
    triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    assert len(triples) > 5000
    assert (
        rdflib.URIRef("http://metadata.un.org/sdg/3.4"),
        rdflib.RDF.type,
        rdflib.URIRef("http://metadata.un.org/sdg/ontology#Target"),
    ) in triples
    if fmt in ("trig", "nquads", "jsonld"):
        graphs = {str(g.identifier) for g in dataset.graphs()}
        assert "https://w3id.org/samhallskontraktet/graph/mappings" in graphs


def test_export_to_stdout(cli_store: Path) -> None:
    code, out = run(cli_store, "export", "--format", "nquads")
    assert code == 0 and "<http://metadata.un.org/sdg/3.4>" in out
