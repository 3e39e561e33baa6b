"""Each named query against an answer known from the seeds, and safe binding of parameters."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest

from kg.namespaces import ID, SDG
from kg.queries import named_queries, run_named
from kg.sparql import QueryError

INI = ID + "initiative/"


def test_every_named_query_has_title_and_description_in_both_languages() -> None:
    queries = named_queries()
    assert len(queries) >= 9
    for query in queries.values():
        assert set(query.title) == {"sv", "en"}, query.name
        assert set(query.description) == {"sv", "en"}, query.name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_declared_parameter_can_be_bound(store: ox.Store, name: str) -> None:
    query = named_queries()[name]
    for param in query.parameters:
        run_named(store, name, {param.name: "https://example.org/none"})


def test_initiatives_per_goal(store: ox.Store) -> None:
    rows = {r["code"]: r for r in run_named(store, "initiatives-per-goal")}
    assert len(rows) == 17
    # meals for older people are proposed for target 2.2 (malnutrition of older persons)
    assert rows["2"]["initiatives"] == 1 and rows["2"]["names"] == "Måltider och möten"
    assert rows["1"]["initiatives"] == 0
    assert rows["3"]["titleSv"] == "Hälsa och välbefinnande" and rows["3"]["titleEn"] == "Good health and well-being"
    only = run_named(store, "initiatives-per-goal", {"goal": SDG + "2"})
    assert [r["code"] for r in only] == ["2"]


def test_initiatives_per_target(store: ox.Store) -> None:
    rows = run_named(store, "initiatives-per-target", {"target": SDG + "3.4"})
    names = {r["initiativeSv"] for r in rows}
    assert "Statsbidrag mot ofrivillig ensamhet" in names  # loneliness and target 3.4
    assert "Måltider och möten" in names
    assert {r["code"] for r in rows} == {"3.4"}
    assert {r["status"] for r in rows} == {"proposed"}


def test_selected_targets_without_initiative_is_empty_until_the_core_team_selects(store: ox.Store) -> None:
    # the seeds state no selection by the core team, so nothing is invented here
    assert run_named(store, "selected-targets-without-initiative") == []


def test_selected_targets_without_initiative_finds_a_gap() -> None:
    store = ox.Store()
    store.load(
        """
        @prefix skk: <https://w3id.org/samhallskontraktet/ontology#> .
        @prefix sdg: <http://metadata.un.org/sdg/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        sdg:11.7 skos:notation "11.7" . sdg:3.4 skos:notation "3.4" .
        <urn:sel:1> a skk:TargetSelection ; skk:target sdg:11.7 ; skk:reason "Trygga offentliga miljöer"@sv .
        <urn:sel:2> a skk:TargetSelection ; skk:target sdg:3.4 ; skk:reason "Psykisk hälsa"@sv .
        <urn:link:1> skk:target sdg:3.4 ; skk:linkStatus skk:proposed .
        """,
        format=ox.RdfFormat.TURTLE,
    )
    rows = run_named(store, "selected-targets-without-initiative")
    assert [r["code"] for r in rows] == ["11.7"]


def test_partners_per_goal(store: ox.Store) -> None:
    rows = run_named(store, "partners-per-goal", {"goal": SDG + "17"})
    partners = {r["partnerSv"] for r in rows}
    assert "Civilsamhället" in partners  # Salus mea and the civil society collaboration
    assert "Mälardalens kompetenscentrum för lärande" in partners  # funder of the digital meeting place


def test_initiatives_per_focus_area(store: ox.Store) -> None:
    rows = {r["focusAreaSv"]: r for r in run_named(store, "initiatives-per-focus-area")}
    assert set(rows) == {"Skolresultat", "Nära vård inklusive välfärdsteknik"}
    assert rows["Skolresultat"]["initiatives"] == 0
    assert "Måltider och möten" in rows["Nära vård inklusive välfärdsteknik"]["names"]


def test_initiatives_per_perspective(store: ox.Store) -> None:
    rows = run_named(store, "initiatives-per-perspective")
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 10)]
    trygghet = next(r for r in rows if r["perspectiveSv"] == "Trygghet")
    assert "Salus mea – trygghetslarm med civilsamhället" in trygghet["names"]


def test_budget_per_status_sums_the_slide(store: ox.Store) -> None:
    rows = {r["statusEn"]: r for r in run_named(store, "budget-per-status")}
    # Pågående: 285 000 + 375 000 + 260 000; Uppstart: 540 000 + 200 000 (parts not counted twice)
    assert rows["ongoing"]["total"] == Decimal(920000) and rows["ongoing"]["lines"] == 3
    assert rows["planned"]["total"] == Decimal(740000) and rows["planned"]["lines"] == 2


def test_goals_without_initiative(store: ox.Store) -> None:
    codes = [r["code"] for r in run_named(store, "goals-without-initiative")]
    assert "1" in codes and "3" not in codes and "17" not in codes


def test_links_of_initiative(store: ox.Store) -> None:
    rows = run_named(store, "links-of-initiative", {"initiative": INI + "maltider-och-moten"})
    assert {r["code"]: r["relevance"] for r in rows} == {"2.2": "primary", "3.4": "secondary", "10.2": "secondary"}
    assert all(r["rationale"] for r in rows)


def test_an_unknown_parameter_is_refused(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="no parameter"):
        run_named(store, "initiatives-per-goal", {"gaol": SDG + "3"})


def test_a_bound_value_is_a_value_not_query_text(store: ox.Store) -> None:
    hostile = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert run_named(store, "initiatives-per-goal", {"goal": hostile}) == []
    assert len(run_named(store, "initiatives-per-goal")) == 17
