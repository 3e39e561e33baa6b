"""The network analysis (kg.analysis, /analysis, `kg analyse`) on the real data: the ties agree with a direct
count in SPARQL, communities cover every node once, the same data gives the same results, the results are kept
per state of the data, and the pages and the command line show them in Swedish and English."""

from __future__ import annotations

import csv
import io
import json
import re
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg.analysis import analysis_for, compute
from kg.analysis import model as analysis_model
from kg.cli import main
from kg.curation import CurationStore, agent_iri
from kg.namespaces import ID, SDG
from kg.sparql import select
from kg.statecache import clear as clear_cache

ORG = ID + "organisation/"
ESKILSTUNA, MDU, SKK_ORG, FOUIS = (
    ORG + "eskilstuna-kommun",
    ORG + "malardalens-universitet",
    ORG + "samhallskontraktet",
    ORG + "fouis",
)
MALTIDER = ID + "initiative/maltider-och-moten"

PARTNER_PAIRS = """
SELECT ?a ?b (COUNT(DISTINCT ?initiative) AS ?shared) WHERE {
  ?initiative skk:participant|skk:funder ?a, ?b . FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b"""
GOAL_PAIRS = """
SELECT ?a ?b (COUNT(DISTINCT ?initiative) AS ?shared) WHERE {
  ?l1 skk:initiative ?initiative ; skk:target ?t1 ; skk:linkStatus ?s1 .
  ?l2 skk:initiative ?initiative ; skk:target ?t2 ; skk:linkStatus ?s2 .
  FILTER(?s1 IN (skk:confirmed, skk:proposed) && ?s2 IN (skk:confirmed, skk:proposed))
  ?a sdgo:hasTarget ?t1 . ?b sdgo:hasTarget ?t2 . FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b"""


def pair_counts(store: ox.Store, query: str) -> dict[frozenset, int]:
    return {frozenset((row["a"], row["b"])): row["shared"] for row in select(store, query)}


def ties(network) -> dict[frozenset, int]:
    return {frozenset((e.source, e.target)): e.weight for e in network.edges}


# ---------------------------------------------------------------- the library on the real data


def test_partner_ties_are_the_shared_initiatives_counted_in_sparql(store: ox.Store) -> None:
    partners = compute(store).partners
    expected = pair_counts(store, PARTNER_PAIRS)
    assert expected, "the data has organisations that take part in the same initiatives"
    assert ties(partners) == expected
    by_pair = {frozenset((e.source, e.target)): e for e in partners.edges}
    shared = by_pair[frozenset((ESKILSTUNA, MDU))]
    assert shared.weight == 2
    assert set(shared.initiatives) == {ID + "initiative/masta-ang", ID + "initiative/digital-motesplats-civilsamhallet"}


def test_partner_figures_follow_from_the_ties(store: ox.Store) -> None:
    partners = compute(store).partners
    for node in partners.nodes:
        mine = [e for e in partners.edges if node.iri in (e.source, e.target)]
        assert node.degree == len(mine)
        assert node.strength == sum(e.weight for e in mine)
        assert 0.0 <= node.betweenness <= 1.0
    # Samhällskontraktet runs many initiatives, mostly on its own; FoU i Sörmland works with nobody else
    assert partners.node(SKK_ORG).initiatives == 14
    assert partners.node(SKK_ORG).degree < partners.node(SKK_ORG).initiatives
    assert not partners.node(FOUIS).linked and partners.node(FOUIS) in partners.unlinked
    # Eskilstuna kommun is the broker between its own group and SKR's: the highest betweenness
    assert max(partners.nodes, key=lambda n: n.betweenness).iri == ESKILSTUNA
    strengths = [n.strength for n in partners.nodes]
    assert strengths == sorted(strengths, reverse=True), "the most connected come first"


def test_betweenness_is_networkx_exact_betweenness(store: ox.Store) -> None:
    """rustworkx (fast, in Rust) gives the values of networkx's exact algorithm on the real networks, on a dense
    random graph of national size, and 0 where no node can lie between two others."""
    import networkx as nx

    from kg.analysis.measures import betweenness_centrality

    analysis = compute(store)
    for network in (analysis.partners, analysis.goal_network("goals"), analysis.goal_network("targets")):
        graph = nx.Graph()
        graph.add_nodes_from(n.iri for n in network.nodes)
        graph.add_edges_from((e.source, e.target) for e in network.edges)
        expected = nx.betweenness_centrality(graph)
        assert {n.iri: n.betweenness for n in network.nodes} == pytest.approx(
            {iri: round(value, 6) for iri, value in expected.items()}, abs=1e-6
        )
    dense = nx.gnm_random_graph(300, 3000, seed=7)
    assert betweenness_centrality(dense) == pytest.approx(nx.betweenness_centrality(dense), abs=1e-12)
    assert betweenness_centrality(nx.path_graph(2)) == {0: 0.0, 1: 0.0}


def test_goal_ties_are_the_shared_initiatives_counted_in_sparql(store: ox.Store) -> None:
    analysis = compute(store)
    goals = analysis.goal_network("goals")
    assert ties(goals) == pair_counts(store, GOAL_PAIRS)
    assert len(goals.nodes) == 17, "every goal is a node, also those no initiative serves"
    # Måltider och möten serves 2.2, 3.4 and 10.2: it ties goals 2, 3 and 10, and all its links are proposals
    for a, b in combinations((SDG + "2", SDG + "3", SDG + "10"), 2):
        edge = next(e for e in goals.edges if {e.source, e.target} == {a, b})
        assert MALTIDER in edge.initiatives and edge.proposed_only
    targets = analysis.goal_network("targets")
    assert frozenset((SDG + "2.2", SDG + "3.4")) in ties(targets)


def test_with_only_proposed_links_nothing_is_confirmed(store: ox.Store) -> None:
    analysis = compute(store)
    assert all(e.confirmed == 0 for e in analysis.goal_network("goals").edges)
    assert analysis.goal_network("goals", confirmed_only=True).edges == ()
    assert analysis.bridges[True] == ()


def test_the_initiatives_that_bridge_the_most_goals(store: ox.Store) -> None:
    bridges = compute(store).bridges[False]
    first = bridges[0]
    assert first.initiative == MALTIDER
    assert first.goals == (SDG + "2", SDG + "3", SDG + "10") and first.pairs == 3 and first.targets == 3
    assert first.only_tie == 2  # 2–3 and 2–10: no other initiative serves goal 2
    counts = [len(b.goals) for b in bridges]
    assert counts == sorted(counts, reverse=True)


def test_communities_cover_every_node_exactly_once(store: ox.Store) -> None:
    analysis = compute(store)
    for network in (analysis.partners, *analysis.networks.values()):
        members = [iri for community in network.communities for iri in community]
        assert sorted(members) == sorted(n.iri for n in network.nodes), network.kind
        for number, community in enumerate(network.communities, 1):
            assert all(network.node(iri).community == number for iri in community)
        sizes = [len(c) for c in network.communities]
        assert sizes == sorted(sizes, reverse=True)


def test_the_same_data_gives_the_same_analysis(store: ox.Store) -> None:
    one, two = compute(store), compute(store)
    for a, b in [(one.partners, two.partners), *((one.networks[k], two.networks[k]) for k in one.networks)]:
        assert a.nodes == b.nodes and a.edges == b.edges and a.communities == b.communities
        assert a.drawing == b.drawing
    assert one.bridges == two.bridges


def test_the_picture_places_every_drawn_node_inside_the_view(store: ox.Store) -> None:
    drawing = compute(store).partners.drawing
    assert drawing.shown == drawing.linked == 11
    for placed in drawing.nodes:
        assert placed.x - placed.r >= 0 and placed.x + placed.r <= drawing.width
        assert placed.y - placed.r >= 0 and placed.y + placed.r <= drawing.height
    positions = {(p.x, p.y) for p in drawing.nodes}
    assert len(positions) == drawing.shown, "no two nodes on the same spot"


def test_the_analysis_is_kept_until_the_data_changes(store_path: Path, tmp_path: Path) -> None:
    from tests.editing import copy_store

    path = copy_store(store_path, tmp_path)
    clear_cache()
    curation = CurationStore(path)
    try:
        first = analysis_for(curation.store, path)
        assert analysis_for(curation.store, path) is first, "computed once per state of the data"
        anna = agent_iri("anna")
        for code in ("2.2", "3.4"):
            curation.set_link_status(ID + f"link/maltider-och-moten--{code}", "confirmed", anna, "Stämmer.", None)
        curation.set_link_status(ID + "link/maltider-och-moten--10.2", "rejected", anna, "Passar inte.", None)
        second = analysis_for(curation.store, path)
        assert second is not first
        confirmed = second.goal_network("goals", confirmed_only=True)
        assert ties(confirmed) == {frozenset((SDG + "2", SDG + "3")): 1}
        edge = next(e for e in second.goal_network("goals").edges if {e.source, e.target} == {SDG + "2", SDG + "3"})
        assert edge.confirmed == 1 and not edge.proposed_only
        # the rejected link no longer ties goal 2 to goal 10
        assert frozenset((SDG + "2", SDG + "10")) not in ties(second.goal_network("goals"))
        assert second.bridges[True][0].initiative == MALTIDER
        assert second.bridges[True][0].confirmed_goals == (SDG + "2", SDG + "3")
    finally:
        curation.close()
        clear_cache()


# ---------------------------------------------------------------- the pages


def page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def table_rows(html: str, caption: str) -> int:
    """The body rows of the table with this caption."""
    start = html.index(caption)
    body = html[html.index("<tbody>", start) : html.index("</tbody>", start)]
    return body.count("<tr>")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_index_names_the_questions(client: FlaskClient, lang: str) -> None:
    html = page(client, f"/analysis/?lang={lang}")
    questions = {
        "sv": [
            "Vilka partner samarbetar mest med varandra?",
            "Vilka mål arbetas med tillsammans, i samma initiativ?",
            "Vilka initiativ förbinder flest mål?",
        ],
        "en": [
            "Which partners work together most?",
            "Which goals are worked on together, in the same initiatives?",
            "Which initiatives bridge the most goals?",
        ],
    }[lang]
    for question in questions:
        assert question in html
    assert 'href="/analysis/partners' in html and 'href="/analysis/goals' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_partner_page_shows_picture_tables_and_method(client: FlaskClient, store: ox.Store, lang: str) -> None:
    html = page(client, f"/analysis/partners?lang={lang}")
    partners = compute(store).partners
    question = {"sv": "Vilka partner samarbetar mest med varandra?", "en": "Which partners work together most?"}[lang]
    table = {"sv": "Tabell: ", "en": "Table: "}[lang]
    assert f'<h2 id="ties">{question}</h2>' in html
    svg = r'<svg class="network-svg"[^>]*role="img"[^>]*aria-labelledby="ties-figure-title ties-figure-desc"'
    assert re.search(svg, html)
    assert html.count('<g class="point">') == partners.drawing.shown == 11
    assert table_rows(html, table + question) == len(partners.edges)
    central = {"sv": "Vilka partner har flest samarbeten", "en": "Which partners have the most collaborations"}[lang]
    assert table_rows(html, table + central) == len(partners.nodes)
    names = {"sv": ("Civilsamhället", "Kommunala pensionärsrådet"), "en": ("Civil society", "Municipal pensioners")}
    for name in names[lang]:
        assert name in html
    assert {"sv": "Mellanhet (betweenness centrality)", "en": "Betweenness centrality"}[lang] in html
    assert {"sv": "Utan band till andra:", "en": "Without ties to others:"}[lang] in html
    assert "/edit/" not in html


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_goal_page_in_both_languages(client: FlaskClient, lang: str) -> None:
    html = page(client, f"/analysis/goals?lang={lang}")
    for question in {
        "sv": [
            "Vilka mål arbetas med tillsammans, i samma initiativ?",
            "Vilka mål hänger ihop med flest andra mål?",
            "Vilka grupper av mål arbetas med tillsammans?",
            "Vilka initiativ förbinder flest mål?",
        ],
        "en": [
            "Which goals are worked on together, in the same initiatives?",
            "Which goals are tied to the most other goals?",
            "Which groups of goals are worked on together?",
            "Which initiatives bridge the most goals?",
        ],
    }[lang]:
        assert question in html
    assert {"sv": "3 Hälsa och välbefinnande", "en": "3 Good health and well-being"}[lang] in html
    assert {"sv": "Måltider och möten", "en": "Meals and meetings"}[lang] in html
    assert 'class="tie proposed"' in html, "ties resting on proposals are drawn dashed"
    assert '<label for="analysis-links">' in html and '<label for="analysis-level">' in html
    assert "/edit/" not in html


def test_the_goal_page_counts_confirmed_links_only_when_asked(client: FlaskClient) -> None:
    html = page(client, "/analysis/goals?links=confirmed&lang=en")
    assert "No confirmed links tie two goals together yet" in html
    assert '<g class="point">' not in html
    html = page(client, "/analysis/goals?level=targets&lang=en")
    assert "Which targets are worked on together, in the same initiatives?" in html
    assert ">3.4<" in html and ">2.2<" in html


def test_a_bad_choice_is_refused(client: FlaskClient) -> None:
    assert client.get("/analysis/goals?links=everything").status_code == 400
    assert client.get("/analysis/goals?level=indicators").status_code == 400


def test_the_menu_links_to_the_analysis(client: FlaskClient) -> None:
    assert '<a href="/analysis/">Analys</a>' in page(client, "/?lang=sv")
    assert '<a href="/analysis/">Analysis</a>' in page(client, "/?lang=en")


def test_pages_reuse_the_analysis(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = analysis_model.compute
    monkeypatch.setattr(analysis_model, "compute", lambda store: calls.append(1) or real(store))
    clear_cache()
    for path in ("/analysis/", "/analysis/partners", "/analysis/goals", "/analysis/goals?links=confirmed&lang=en"):
        page(client, path)
    assert len(calls) == 1


# ---------------------------------------------------------------- the command line


def analyse(runner, store_path: Path, *args: str):
    result = runner.invoke(main, ["--store", str(store_path), "analyse", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_prints_the_tables_under_their_questions(runner, store_path: Path) -> None:
    text = analyse(runner, store_path)
    for question in (
        "Vilka partner samarbetar mest med varandra?",
        "Vilka mål hänger ihop med flest andra mål?",
        "Vilka delmål arbetas med tillsammans, i samma initiativ?",
        "Vilka initiativ förbinder flest mål?",
    ):
        assert f"== {question}" in text
    assert re.search(r"Eskilstuna kommun\s+Mälardalens universitet\s+2\b", text)
    english = analyse(runner, store_path, "partners", "--lang", "en")
    assert "== Which partners work together most?" in english and "Civil society" in english
    assert "Which goals" not in english and "bridge" not in english


def test_cli_json_and_csv(runner, store_path: Path, store: ox.Store, tmp_path: Path) -> None:
    data = json.loads(analyse(runner, store_path, "partners", "--format", "json"))
    partners = data["networks"][0]
    assert [n["kind"] for n in data["networks"]] == ["partners"] and "bridges" not in data
    shared = {frozenset((t["source"], t["target"])): t["weight"] for t in partners["ties"]}
    assert shared == pair_counts(store, PARTNER_PAIRS)
    out = tmp_path / "analysis.csv"
    analyse(runner, store_path, "goals", "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["table"] for r in rows} == {"nodes", "ties", "bridges"}
    assert {r["network"] for r in rows} == {"goals", "targets", "bridges"}
    goals = [r for r in rows if r["table"] == "nodes" and r["network"] == "goals"]
    assert len(goals) == 17 and goals[0]["code"] == "3"


def test_cli_counts_confirmed_links_only_when_asked(runner, store_path: Path) -> None:
    data = json.loads(analyse(runner, store_path, "goals", "--format", "json", "--confirmed-only"))
    assert data["confirmed_only"] and all(not n["ties"] for n in data["networks"])


def test_cli_refuses_an_unknown_section(runner, store_path: Path) -> None:
    result = runner.invoke(main, ["--store", str(store_path), "analyse", "indicators"])
    assert result.exit_code == 2
