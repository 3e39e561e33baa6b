"""The overviews: initiatives × goals, partners × goals, gaps and budget, in Swedish and English, against
facts known from the data (every link is a proposal; no target selections yet; the budget disagrees)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask, render_template
from flask.testing import FlaskClient

from kg.namespaces import ID, PREFIXES, SDG, SKK
from kg.pages import overviews
from kg.search import CODED, KINDS
from kg.texts import TEXTS
from kg.toolkit import sort_key
from webapp.overviews import PAGES

ROUTES = [
    "/overviews/",
    "/overviews/initiatives-goals",
    "/overviews/partners-goals",
    "/overviews/gaps",
    "/overviews/budget",
]
MEALS = ID + "initiative/maltider-och-moten"
PROV = PREFIXES["prov"]
RDF_TYPE = PREFIXES["rdf"] + "type"


def page(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def row_of(html: str, href: str) -> str:
    """The table row whose header links to `href`."""
    match = re.search(r'<tr>\s*<th scope="row"><a href="' + re.escape(href) + r'"[^>]*>.*?</tr>', html, re.S)
    assert match, f"no row for {href}"
    return match.group(0)


def cells(row: str) -> list[str]:
    return re.findall(r"<td\b.*?</td>", row, re.S)


# ---------------------------------------------------------------- every route, both languages


@pytest.mark.parametrize("url", ROUTES)
@pytest.mark.parametrize(("lang", "heading"), [("sv", "<h1>"), ("en", "<h1>")])
def test_every_route_in_both_languages(client: FlaskClient, url: str, lang: str, heading: str) -> None:
    response = client.get(f"{url}?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html and heading in html
    assert "css/overviews.css" in html
    assert main(html).count("<h1>") == 1


def test_index_links_to_every_overview_with_an_explanation(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/"))
    for url in ROUTES[1:]:
        assert f'href="{url}"' in html
    assert "Initiativ och mål" in html and "Luckor" in html and "Budget" in html
    assert html.count('class="about"') == 4
    english = main(page(client, "/overviews/?lang=en"))
    assert "Initiatives and goals" in english and "Gaps" in english and "The overviews" in english


def test_language_is_remembered(client: FlaskClient) -> None:
    page(client, "/overviews/gaps?lang=en")
    assert "The core team has not selected any targets yet." in page(client, "/overviews/gaps")
    page(client, "/overviews/gaps?lang=sv")
    assert "Core team har inte valt några delmål ännu" in page(client, "/overviews/gaps")


def test_unknown_overview_is_404(client: FlaskClient) -> None:
    assert client.get("/overviews/nothing-here").status_code == 404
    assert client.get("/overviews/budget/extra").status_code == 404


# ---------------------------------------------------------------- initiatives × goals


def test_matrix_cell_meals_and_goal_2_is_a_primary_proposal(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/initiatives-goals"))
    row = row_of(html, "/id/initiative/maltider-och-moten")
    goal_2 = cells(row)[1]  # the columns are goals 1..17
    assert 'href="/sdg/2.2"' in goal_2
    assert 'class="mark proposed primary"' in goal_2 and "○" in goal_2 and "★" in goal_2
    assert "(primär, föreslagen)" in goal_2  # in words, not by colour or symbol alone
    assert 'href="/id/initiative/maltider-och-moten#targets-heading"' in goal_2  # the evidence
    assert "bekräftad" not in goal_2 and "●" not in goal_2
    goal_3 = cells(row)[2]
    assert 'href="/sdg/3.4"' in goal_3 and "(sekundär, föreslagen)" in goal_3
    assert "·" in cells(row)[0]  # goal 1: no link
    english = main(page(client, "/overviews/initiatives-goals?lang=en"))
    assert "(primary, proposed)" in cells(row_of(english, "/id/initiative/maltider-och-moten"))[1]


def test_matrix_never_shows_a_proposal_as_confirmed(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/initiatives-goals"))
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    assert "mark confirmed" not in body and "●" not in body and "bekräftad)" not in body
    assert body.count("mark proposed") == 50
    assert "Alla 50 kopplingar är förslag" in html


def test_matrix_is_an_accessible_table(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/initiatives-goals"))
    assert '<caption id="matrix-caption">' in html
    assert 'role="region" aria-labelledby="matrix-caption" tabindex="0"' in html  # keyboard can scroll it
    assert html.count('<th scope="col" class="goal"') == 17
    assert html.count('<th scope="row">') == 26 + 1  # the initiatives and the totals row
    assert '<abbr title="Mål 1: Ingen fattigdom">1</abbr>' in html
    assert "--goal: #E5243B" in html  # the goal colour, as decoration
    assert "Teckenförklaring" in html and "föreslagen koppling" in html and "primär relevans" in html
    english = main(page(client, "/overviews/initiatives-goals?lang=en"))
    assert '<abbr title="Goal 1: No poverty">1</abbr>' in english and "Legend" in english


def test_matrix_model(store: ox.Store) -> None:
    matrix = overviews.initiatives_goals(store, "sv")
    assert [g.code for g in matrix.goals] == [str(n) for n in range(1, 18)]
    assert len(matrix.rows) == 26 and matrix.links == 50 and matrix.proposed == 50 and matrix.confirmed == 0
    meals = next(r for r in matrix.rows if r.iri == MEALS)
    cell = meals.cells[1]
    assert cell.goal.code == "2" and cell.count == 1 and cell.primary
    assert [(m.code, m.status, m.primary) for m in cell.links] == [("2.2", "proposed", True)]
    assert matrix.per_goal[0] == 0 and matrix.per_goal[2] > 0  # nothing for goal 1, something for goal 3
    assert [r.label for r in matrix.rows] == sorted((r.label for r in matrix.rows), key=lambda s: sort_key(s, "sv"))


# ---------------------------------------------------------------- partners × goals


def test_partner_matrix(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/partners-goals"))
    assert html.count('<th scope="col" class="goal"') == 17
    row = row_of(html, "/id/organisation/samhallskontraktet")
    goal_3 = cells(row)[2]
    assert 'href="/id/organisation/samhallskontraktet"' in goal_3  # the evidence: the partner's page
    assert "Måltider och möten" in goal_3 and "bara förslag" in goal_3
    funder = row_of(html, "/id/organisation/mkl")  # funds the digital meeting place
    assert "◆" in funder and "finansierar" in funder
    english = main(page(client, "/overviews/partners-goals?lang=en"))
    assert "Meals and meetings" in cells(row_of(english, "/id/organisation/samhallskontraktet"))[2]


def test_partner_model(store: ox.Store) -> None:
    matrix = overviews.partners_goals(store, "sv")
    rows = {r.iri: r for r in matrix.rows}
    collaboration = rows[ID + "organisation/samhallskontraktet"]
    assert collaboration is matrix.rows[0]  # the one in most initiatives comes first
    meals_goal_2 = collaboration.cells[1]
    assert [p.initiative for p in meals_goal_2.initiatives] == [MEALS]
    assert not meals_goal_2.confirmed
    mkl = rows[ID + "organisation/mkl"]
    assert any(c.funds for c in mkl.cells)


# ---------------------------------------------------------------- gaps


def test_gaps_page(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/gaps"))
    assert "Core team har inte valt några delmål ännu" in html
    goals = html[html.index('id="goals-heading"') : html.index('id="unconfirmed-heading"')]
    assert "Ingen fattigdom" in goals and 'href="/sdg/1"' in goals
    assert 'href="/sdg/3"' not in goals and 'href="/sdg/17"' not in goals
    unconfirmed = html[html.index('id="unconfirmed-heading"') :]
    assert "26 av 26 initiativ" in unconfirmed and "alla kopplingar är förslag" in unconfirmed
    assert 'href="/id/initiative/maltider-och-moten#targets-heading"' in unconfirmed
    english = main(page(client, "/overviews/gaps?lang=en"))
    assert "The core team has not selected any targets yet." in english and "No poverty" in english


def test_gaps_model(store: ox.Store) -> None:
    gaps = overviews.gaps(store, "en")
    assert gaps.selections == 0 and gaps.selected_without_initiative == []
    assert [g.code for g in gaps.goals_without_initiative][0] == "1"
    assert gaps.goals_without_initiative[0].short == "No poverty"
    assert len(gaps.initiatives_without_confirmed) == gaps.initiatives_total == 26


def _with(store: ox.Store, *quads: tuple[str, str, object]) -> ox.Store:
    """A copy of the store in memory with more triples (in the mappings graph)."""
    copy = ox.Store()
    copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
    graph = ox.NamedNode("https://w3id.org/samhallskontraktet/graph/mappings")
    for s, p, o in quads:
        obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
        copy.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, graph))
    return copy


def test_gaps_with_selections_and_a_confirmed_link(store: ox.Store, app: Flask) -> None:
    selection = ID + "selection/"
    dated = ox.Literal("2027-01-01T00:00:00Z", datatype=ox.NamedNode(PREFIXES["xsd"] + "dateTime"))
    copy = _with(
        store,
        (selection + "a", RDF_TYPE, SKK + "TargetSelection"),
        (selection + "a", SKK + "target", SDG + "1.1"),
        (selection + "a", SKK + "reason", ox.Literal("Fattigdom bland äldre", language="sv")),
        (selection + "b", RDF_TYPE, SKK + "TargetSelection"),
        (selection + "b", SKK + "target", SDG + "3.4"),
        (selection + "b", SKK + "reason", ox.Literal("Psykisk hälsa", language="sv")),
        (selection + "c", RDF_TYPE, SKK + "TargetSelection"),  # ended: does not count
        (selection + "c", SKK + "target", SDG + "5.1"),
        (selection + "c", SKK + "reason", ox.Literal("Jämställdhet", language="sv")),
        (selection + "c", PROV + "invalidatedAtTime", dated),
        (ID + "link/maltider-och-moten--2.2", SKK + "linkStatus", SKK + "confirmed"),
    )
    copy.remove(
        ox.Quad(
            ox.NamedNode(ID + "link/maltider-och-moten--2.2"),
            ox.NamedNode(SKK + "linkStatus"),
            ox.NamedNode(SKK + "proposed"),
            ox.NamedNode(PREFIXES["graph"] + "mappings"),
        )
    )
    gaps = overviews.gaps(copy, "sv")
    assert gaps.selections == 2
    assert [(s.code, s.reason) for s in gaps.selected_without_initiative] == [("1.1", "Fattigdom bland äldre")]
    assert MEALS not in {i.iri for i in gaps.initiatives_without_confirmed}
    assert len(gaps.initiatives_without_confirmed) == 25
    matrix = overviews.initiatives_goals(copy, "sv")
    assert matrix.confirmed == 1 and matrix.proposed == 49
    cell = next(r for r in matrix.rows if r.iri == MEALS).cells[1]
    assert cell.links[0].confirmed and cell.confirmed == 1
    with app.test_request_context("/overviews/gaps"):  # the pages for data the shipped graph does not have yet
        html = render_template("pages/overview-gaps.html", gaps=gaps)
        assert "1 av 2 valda delmål har inget initiativ" in html and 'href="/sdg/1.1"' in html
        assert "Fattigdom bland äldre" in html and "25 av 26 initiativ" in html
        html = render_template("pages/overview-initiatives-goals.html", matrix=matrix)
        row = row_of(html, "/id/initiative/maltider-och-moten")
        assert 'class="mark confirmed primary"' in cells(row)[1] and "(primär, bekräftad)" in cells(row)[1]
        assert "1 av 50 kopplingar är bekräftade av core team, 49 är förslag" in html
        html = render_template("pages/overview-partners-goals.html", matrix=overviews.partners_goals(copy, "sv"))
        assert "minst en bekräftad" in cells(row_of(html, "/id/organisation/samhallskontraktet"))[1]


def test_every_text_of_the_templates_exists_in_both_languages() -> None:
    templates = Path(__file__).resolve().parent.parent / "webapp" / "templates" / "pages"
    used = set()
    for name in (
        "overview-index",
        "overview-initiatives-goals",
        "overview-partners-goals",
        "overview-gaps",
        "overview-budget",
        "search",
    ):
        used |= set(re.findall(r"""\bt\(\s*["']([\w.-]+)["']""", (templates / f"{name}.html").read_text("utf-8")))
    used = {key for key in used if not key.endswith(".")}  # prefixes of keys made in the template:
    used |= {f"search.kind.{kind}" for kind in KINDS} | {f"search.{kind}" for kind in CODED}
    used |= {"search.status.proposed", "search.status.confirmed", "search.lang.sv", "search.lang.en"}
    used |= {key for _, key, about in PAGES for key in (key, about)}
    assert len(used) > 50
    for key in used:
        assert TEXTS[key]["sv"] and TEXTS[key]["en"], key
    for key, value in TEXTS.items():
        if key.startswith(("overviews.", "search.")):
            assert value["sv"] and value["en"] and set(value) == {"sv", "en"}, key


# ---------------------------------------------------------------- budget


def test_budget_page_shows_reported_beside_computed(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/budget"))
    pilot = re.search(r"<tr>\s*<th scope=\"row\">Pilotbudget.*?</tr>", html, re.S).group(0)
    assert "797 500 kr" in pilot and "900 000 kr" in pilot and "−102 500 kr" in pilot and "stämmer inte" in pilot
    ordinary = re.search(r"<tr>\s*<th scope=\"row\">Ordinarie budget.*?</tr>", html, re.S).group(0)
    assert "1 310 000 kr" in ordinary and "375 000 kr" in ordinary
    every = re.search(r'<tr class="all">.*?</tr>', html, re.S).group(0)
    assert "2 107 500 kr" in every and "1 660 000 kr" in every
    assert "summerar inte" in html and "som de står" in html  # the explanation
    assert "Budgetkälla pilotbudget: redovisad summa 797 500 kr" in html  # kg.budget's words


def test_budget_lines_per_status_with_parts(client: FlaskClient) -> None:
    html = main(page(client, "/overviews/budget"))
    ongoing = html[html.index("Status: Pågående") : html.index("Status: Planerat")]
    assert "285 000 kr" in ongoing and "375 000 kr" in ongoing and "260 000 kr" in ongoing
    assert "920 000 kr" in ongoing  # the sum from budget-per-status (parts not counted twice)
    assert 'class="part"' in ongoing and "varav pilotbudget" in ongoing and "100 000 kr" in ongoing
    assert 'href="/id/initiative/salus-mea"' in ongoing
    planned = html[html.index("Status: Planerat") :]
    assert "540 000 kr" in planned and "740 000 kr" in planned and "extern processledare" in planned
    assert 'href="/id/source/core-team-2024-02-27"' in html  # the source
    english = main(page(client, "/overviews/budget?lang=en"))
    assert "Status: Ongoing" in english and "797 500 kr" in english and "900 000 kr" in english
    assert "do not add up" in english and "of which" in english


def test_budget_model(store: ox.Store) -> None:
    budget = overviews.budget(store, "sv")
    assert [g.label for g in budget.groups] == ["pågående", "planerat"]
    assert [g.total for g in budget.groups] == [Decimal(920000), Decimal(740000)]
    pilot = next(f for f in budget.funding if f.funding == SKK + "pilotBudget")
    assert (pilot.reported, pilot.computed, pilot.difference) == (Decimal(797500), Decimal(900000), Decimal(-102500))
    assert (pilot.reported_text, pilot.computed_text) == ("797 500 kr", "900 000 kr")
    assert budget.funding[-1].funding is None and budget.funding[-1].computed == Decimal(1660000)
    assert len(budget.discrepancies) == 3
    assert overviews.format_sek(Decimal("285000.0")) == "285 000 kr"
    assert overviews.format_sek(-102500, signed=True) == "−102 500 kr"
    assert overviews.format_sek(935000, signed=True) == "+935 000 kr"


# ---------------------------------------------------------------- speed


def test_pages_are_cached_per_store(client: FlaskClient) -> None:
    first = page(client, "/overviews/partners-goals")
    assert page(client, "/overviews/partners-goals") == first
