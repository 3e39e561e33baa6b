"""Honest data: sources on every fact, proposals marked as proposals, no contact details, budget as stated."""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph as ox

from kg.budget import budget_discrepancies
from kg.layout import PROJECT_ROOT
from kg.sparql import select

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\b0\d{1,3}-\d{2,3}( ?\d{2}){2,3}\b")


def test_no_contact_details_in_any_data_file() -> None:
    for path in [*PROJECT_ROOT.glob("data/**/*.ttl"), *PROJECT_ROOT.glob("ontology/*.ttl")]:
        text = path.read_text(encoding="utf-8")
        assert not EMAIL.search(text), path
        assert not PHONE.search(text), path


def test_people_only_with_name_and_public_role(store: ox.Store) -> None:
    rows = select(store, "SELECT DISTINCT ?p WHERE { ?person a skk:Person ; ?p ?o }")
    assert {r["p"].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for r in rows} <= {
        "type",
        "name",
        "source",
        "hiddenLabel",
        "editorialNote",
    }
    posts = select(store, "SELECT ?person WHERE { ?post org:heldBy ?person }")
    people = select(store, "SELECT ?person WHERE { ?person a skk:Person }")
    assert {r["person"] for r in people} <= {r["person"] for r in posts}


def test_every_described_resource_of_the_collaboration_has_a_source(store: ox.Store) -> None:
    rows = select(
        store,
        """
        SELECT DISTINCT ?s WHERE { GRAPH graph:collaboration { ?s ?p ?o }
          FILTER NOT EXISTS { ?s a skk:SourceDocument } FILTER NOT EXISTS { ?s dcterms:source ?src } }""",
    )
    assert rows == []


def test_every_link_is_a_proposal_with_rationale_and_provenance(store: ox.Store) -> None:
    rows = select(
        store,
        """
        SELECT ?link ?status ?who ?rationale WHERE { ?link a skk:TargetLink ; skk:linkStatus ?status ;
          prov:wasAttributedTo ?who ; skk:rationale ?rationale }""",
    )
    assert len(rows) >= 26
    assert {r["status"].rsplit("#")[-1] for r in rows} == {"proposed"}
    assert all(len(r["rationale"]) > 20 for r in rows)
    text = (PROJECT_ROOT / "data" / "mappings" / "proposals.ttl").read_text(encoding="utf-8")
    assert text.startswith("# PROPOSALS")


def test_budget_lines_as_stated(store: ox.Store) -> None:
    rows = {
        r["line"].rsplit("/", 1)[-1]: r["value"]
        for r in select(store, "SELECT ?line ?value WHERE { ?line a skk:BudgetLine ; schema:value ?value }")
    }
    assert rows["maltider-och-moten"] == Decimal(285000)
    assert rows["maltider-och-moten-pilot"] == Decimal(100000)
    assert rows["framtidens-aldreboende-och-angsgardet"] == Decimal(375000)
    assert rows["trygghetslosning"] == Decimal(260000)
    assert rows["civilsamhallet-som-partner"] == Decimal(540000)
    assert rows["servicetjanster"] == Decimal(200000)


def test_budget_discrepancy_is_reported_not_fixed(store: ox.Store) -> None:
    gaps = {d.key.rsplit("#", 1)[-1]: d for d in budget_discrepancies(store)}
    assert gaps["pilotBudget"].reported == Decimal(797500)
    assert gaps["pilotBudget"].computed == Decimal(900000)  # 100 000 + 260 000 + 540 000
    assert gaps["ordinaryBudget"].reported == Decimal(1310000)
    assert gaps["all"].reported == Decimal(2107500) and gaps["all"].computed == Decimal(1660000)


def test_events_with_date_time_and_place(store: ox.Store) -> None:
    rows = select(
        store,
        """
        SELECT ?start ?place WHERE { ?e a skk:Event ; schema:startDate ?start ; schema:location/skos:prefLabel ?place }
        ORDER BY ?start""",
    )
    assert [(r["start"].isoformat(), r["place"]) for r in rows] == [
        ("2024-03-15T08:30:00+01:00", "Elite Stadshotell, Eskilstuna"),
        ("2024-04-19T08:30:00+02:00", "Plaza hotell, Västerås"),
    ]


def test_cited_figure_of_older_people_living_alone(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?v ?q WHERE { ?f a skk:CitedFigure ; schema:value ?v ; skk:qualifier ?q ;
        dcterms:source/skk:seedFile "004_0d8d381320448269.txt" FILTER(LANG(?q) = "sv") }""",
    )
    assert rows == [{"v": Decimal(75), "q": "drygt"}]


def test_every_ontology_term_is_labelled_and_defined_in_both_languages(store: ox.Store) -> None:
    rows = select(
        store,
        """
        SELECT ?term WHERE { VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }
          ?term a ?kind . FILTER(STRSTARTS(STR(?term), STR(skk:)))
          FILTER NOT EXISTS { ?term rdfs:label ?a FILTER(LANG(?a) = "sv") ?term rdfs:label ?b FILTER(LANG(?b) = "en")
            ?term skos:definition ?c FILTER(LANG(?c) = "sv") ?term skos:definition ?d FILTER(LANG(?d) = "en") } }""",
    )
    assert rows == []
