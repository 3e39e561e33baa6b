"""Paged lists and matrices (issue 7: the viewer at scale): /initiatives with its counts from SPARQL, paging links
that keep the filters, page bounds (400 for a page that is not a whole number from 1, 404 past the last page), the
scopes (focus area, perspective, function, theme, partner), the capped lists of concept and organisation pages, and
the paged overview matrices; on the shipped graph and on a synthetic graph of ~20k triples."""

from __future__ import annotations

import re
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.namespaces import ID, SKK
from kg.pages import overviews
from kg.pages.initiatives import initiative_list, resolve_scope
from kg.pages.paging import PAGE_SIZE, PageOutOfRange, paging
from kg.sparql import select
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
CARD = '<li class="card">'


def get(client: FlaskClient, url: str, status: int = 200) -> str:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def count(store: ox.Store, where: str) -> int:
    """COUNT(DISTINCT ?i) of the initiatives matching `where` (constants of the test only), asked directly. The
    kinds of initiative come from a sub-select first (Virtuoso 7.2 drops rows where `rdfs:subClassOf*` is joined)."""
    kinds = "{ SELECT ?kind WHERE { ?kind rdfs:subClassOf* skk:Initiative } LIMIT 1000 }"
    query = f"SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {{ {kinds} ?i a ?kind . {where} }}"
    return select(store, query)[0]["n"]


def pager_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="pager".*?</nav>', html, re.S)
    assert nav, "no pager"
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', nav.group(0))]


# ---------------------------------------------------------------- the paging arithmetic


def test_paging_bounds_and_numbers() -> None:
    assert paging(1, 0).pages == 1 and paging(1, 0).first == 0  # page 1 of an empty list exists
    page = paging(7, 700, 50)
    assert (page.pages, page.offset, page.first, page.last) == (14, 300, 301, 350)
    assert page.numbers() == [1, None, 5, 6, 7, 8, 9, None, 14]
    assert paging(1, 120, 50).numbers() == [1, 2, 3]
    with pytest.raises(PageOutOfRange):
        paging(4, 120, 50)
    for bad in (0, -1):
        with pytest.raises(ValueError):
            paging(bad, 120)
    with pytest.raises(ValueError):
        paging("2", 120)  # type: ignore[arg-type]  # never text


# ---------------------------------------------------------------- the model on the shipped graph


def test_pages_of_the_list_together_are_the_whole_list(store: ox.Store) -> None:
    whole = initiative_list(store, "sv")
    everything = [s.iri for g in whole.groups for s in g.initiatives]
    assert len(everything) == whole.total == whole.shown == 26
    pieces = []
    for number in range(1, 7):
        part = initiative_list(store, "sv", page=number, size=5)
        assert part.paging.pages == 6 and len([s for g in part.groups for s in g.initiatives]) <= 5
        pieces += [s.iri for g in part.groups for s in g.initiatives]
    assert pieces == everything
    with pytest.raises(PageOutOfRange):
        initiative_list(store, "sv", page=7, size=5)


def test_counts_equal_direct_sparql_counts(store: ox.Store) -> None:
    model = initiative_list(store, "en")
    assert model.total == count(store, "")
    statuses = {o.key: o.count for o in model.statuses}
    for key in ("idea", "planned", "ongoing", "completed"):
        assert statuses[key] == count(store, f"?i skk:status <{SKK}{key}> ."), key
    assert statuses["none"] == count(store, "FILTER NOT EXISTS { ?i skk:status ?any }")
    kinds = {o.key: o.count for o in model.kinds}
    assert kinds["pilot"] == count(store, "?i a skk:Pilot .") and sum(kinds.values()) == model.total
    # the group headings count the whole (filtered) list
    ongoing = initiative_list(store, "sv", status="ongoing", size=3)
    assert ongoing.shown == statuses["ongoing"] == 10 and ongoing.paging.pages == 4
    assert [(g.key, g.count, len(g.initiatives)) for g in ongoing.groups] == [("ongoing", 10, 3)]
    # a scope, and a scope with a status
    area = resolve_scope(store, "sv", "focus-area", "nara-vard")
    assert area is not None and area.label.text == "Nära vård inklusive välfärdsteknik"
    scoped = initiative_list(store, "sv", scope=area)
    assert scoped.total == count(store, f"?i skk:focusArea <{ID}focus-area/nara-vard> .") == 21
    both = initiative_list(store, "sv", status="ongoing", scope=area)
    assert both.shown == count(store, f"?i skk:focusArea <{ID}focus-area/nara-vard> ; skk:status skk:ongoing .")
    partner = resolve_scope(store, "sv", "partner", "eskilstuna-kommun")
    assert initiative_list(store, "sv", scope=partner).total == 4  # as its page says, with its administration's


def test_unknown_scopes_are_none(store: ox.Store) -> None:
    assert resolve_scope(store, "sv", "focus-area", "does-not-exist") is None
    assert resolve_scope(store, "sv", "focus-area", "trygghet") is None  # a perspective, not a focus area
    assert resolve_scope(store, "sv", "partner", "../../sdg/3") is None
    assert resolve_scope(store, "sv", "nonsense", "nara-vard") is None


def test_matrices_page_by_rows_with_totals_over_every_row(store: ox.Store) -> None:
    whole = overviews.initiatives_goals(store, "sv")
    parts = [overviews.initiatives_goals(store, "sv", page=n, size=10) for n in (1, 2, 3)]
    assert [r.iri for p in parts for r in p.rows] == [r.iri for r in whole.rows]
    assert all(p.per_goal == whole.per_goal and p.links == whole.links == 50 and p.total == 26 for p in parts)
    links = select(
        store,
        "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?l skk:initiative ?i ; skk:target ?t ; "
        "skk:linkStatus ?s ; skk:relevance ?r . FILTER(?s != skk:rejected) }",
    )[0]["n"]
    assert whole.links == links
    partners = overviews.partners_goals(store, "sv")
    second = overviews.partners_goals(store, "sv", page=2, size=5)
    assert [r.iri for r in second.rows] == [r.iri for r in partners.rows[5:10]]
    assert second.per_goal == partners.per_goal and second.total == len(partners.rows)
    with pytest.raises(PageOutOfRange):
        overviews.partners_goals(store, "sv", page=99)


# ---------------------------------------------------------------- the pages on the shipped graph


@pytest.mark.parametrize("url", ["/initiatives", "/overviews/initiatives-goals", "/overviews/partners-goals"])
@pytest.mark.parametrize("bad", ["0", "abc", "-1", "1.5", "%C2%B2", "1" * 12])
def test_a_page_that_is_not_a_whole_number_from_1_is_refused(client: FlaskClient, url: str, bad: str) -> None:
    html = get(client, f"{url}?page={bad}&lang=en", status=400)
    assert "The page number must be a whole number from 1." in html and "Traceback" not in html


@pytest.mark.parametrize("url", ["/initiatives", "/overviews/initiatives-goals", "/overviews/partners-goals"])
def test_a_page_past_the_last_is_404_and_page_1_always_exists(client: FlaskClient, url: str) -> None:
    get(client, f"{url}?page=9999", status=404)
    get(client, f"{url}?page=1")
    assert '<nav class="pager"' not in get(client, url)  # one page: no page links


def test_scope_filters_in_both_languages(client: FlaskClient) -> None:
    sv = get(client, "/initiatives?focus-area=nara-vard&status=ongoing&lang=sv")
    assert "Avgränsat till fokusområdet" in sv and 'href="/id/focus-area/nara-vard"' in sv
    assert "Visar 8 av 21 initiativ" in re.sub(r"\s+", " ", sv)
    assert '<input type="hidden" name="focus-area" value="nara-vard">' in sv  # the form keeps the scope
    assert 'href="/initiatives?status=ongoing">ta bort avgränsningen' in sv
    en = get(client, "/initiatives?perspective=trygghet&lang=en")
    assert "Narrowed to the perspective" in en and "Safety and security" in en and en.count(CARD) == 2
    partner = get(client, "/initiatives?partner=eskilstuna-kommun&lang=en")
    assert "initiatives the organisation takes part in or funds" in partner and partner.count(CARD) == 4
    assert get(client, "/initiatives?focus-area=nope").count(CARD) == 26  # unknown: ignored, as kind and status


# ---------------------------------------------------------------- a synthetic graph of ~20k triples


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, ox.Store]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    folder = tmp_path_factory.mktemp("synthetic-20k")
    trig = generate(20_000, folder / "synthetic.trig")
    store_dir = folder / "store"
    writable = ox.Store(str(store_dir))
    writable.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    writable.flush()
    del writable
    app = create_app(
        {
            "KG_STORE": str(store_dir),
            "SECRET_KEY": secrets.token_urlsafe(16),
            "TESTING": True,
            "ACCOUNTS_FILE": str(folder / "accounts.json"),
        }
    )
    yield app, ox.Store.read_only(str(store_dir))
    app.extensions["kg"].close()


def test_synthetic_initiatives_show_one_page_and_the_right_total(synthetic) -> None:
    app, store = synthetic
    client = app.test_client()
    total = count(store, "")
    assert total > 400
    pages = -(-total // PAGE_SIZE)
    html = get(client, "/initiatives?lang=sv")
    assert html.count(CARD) == PAGE_SIZE
    assert f"Visar {total} av {total} initiativ" in html and f"Sida 1 av {pages}" in html
    assert '<nav class="pager" aria-label="Sidor">' in html
    assert 'href="/initiatives" aria-current="page"' in html
    links = pager_links(html)
    assert "/initiatives?page=2" in links and f"/initiatives?page={pages}" in links
    last = get(client, f"/initiatives?page={pages}&lang=en")
    assert last.count(CARD) == total - (pages - 1) * PAGE_SIZE and f"Page {pages} of {pages}" in last
    assert 'rel="next"' not in last and 'rel="prev"' in last
    get(client, f"/initiatives?page={pages + 1}", status=404)


def test_synthetic_filters_are_kept_in_the_paging_links(synthetic) -> None:
    app, store = synthetic
    client = app.test_client()
    ongoing = count(store, "?i skk:status skk:ongoing .")
    html = get(client, "/initiatives?status=ongoing&page=2&lang=en")
    assert f"Showing {ongoing} of" in html and html.count(CARD) == min(PAGE_SIZE, ongoing - PAGE_SIZE)
    links = pager_links(html)
    assert links and all("status=ongoing" in link for link in links)
    assert "/initiatives?status=ongoing" in links  # page 1 has no page parameter
    assert 'href="/initiatives?status=ongoing&amp;page=2" aria-current="page"' in html
    area = count(store, f"?i skk:focusArea <{ID}focus-area/skolresultat> .")
    scoped = get(client, "/initiatives?focus-area=skolresultat&page=2&lang=sv")
    assert f"Visar {area} av {area} initiativ" in scoped
    assert all("focus-area=skolresultat" in link for link in pager_links(scoped))


def test_synthetic_concept_and_organisation_pages_cap_their_lists(synthetic) -> None:
    app, store = synthetic
    client = app.test_client()
    area = count(store, f"?i skk:focusArea <{ID}focus-area/skolresultat> .")
    html = get(client, "/id/focus-area/skolresultat?lang=sv")
    assert html.count(CARD) == 20 and f"Initiativ ({area})" in re.sub(r"<[^>]+>", "", html)
    assert f'<a href="/initiatives?focus-area=skolresultat">och {area - 20} till' in html
    en = get(client, "/id/perspective/trygghet?lang=en")
    perspective = count(store, f"?i skk:perspective <{ID}perspective/trygghet> .")
    assert f"and {perspective - 20} more" in en and 'href="/initiatives?perspective=trygghet"' in en
    orgs = select(
        store,
        "SELECT ?o (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i skk:participant ?o } GROUP BY ?o ORDER BY DESC(?n) LIMIT 1",
    )
    org, n = orgs[0]["o"], orgs[0]["n"]
    assert n > 20
    slug = org.rsplit("/", 1)[-1]
    page = get(client, f"/id/organisation/{slug}?lang=sv")
    assert page.count(CARD) == 20 and f'href="/initiatives?partner={slug}"' in page
    listed = get(client, f"/initiatives?partner={slug}&lang=sv")
    assert f"Visar {n} av {n} initiativ" in listed


def test_synthetic_matrices_are_paged(synthetic) -> None:
    app, store = synthetic
    client = app.test_client()
    total = count(store, "")
    html = get(client, "/overviews/initiatives-goals?lang=en")
    assert html.count('<th scope="row">') == PAGE_SIZE + 1  # the page's rows and the totals row
    assert f"Rows 1–{PAGE_SIZE} of {total}" in html
    assert "/overviews/initiatives-goals?page=2#matrix-caption" in pager_links(html)
    second = get(client, "/overviews/initiatives-goals?page=2&lang=sv")
    assert 'aria-current="page"' in second and f"Sida 2 av {-(-total // PAGE_SIZE)}" in second
    partners = select(
        store,
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?i skk:participant|skk:funder ?o . "
        "?l skk:initiative ?i ; skk:target ?t ; skk:relevance ?r ; skk:linkStatus ?s . "
        "FILTER(?s != skk:rejected) }",
    )[0]["n"]
    matrix = overviews.partners_goals(store, "sv")
    assert matrix.total == partners and len(matrix.rows) == min(partners, PAGE_SIZE)
    goal_3 = select(
        store,
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?i skk:participant|skk:funder ?o . "
        "?l skk:initiative ?i ; skk:target ?t ; skk:relevance ?r ; skk:linkStatus ?s . "
        "?t skos:broader <http://metadata.un.org/sdg/3> . FILTER(?s != skk:rejected) }",
    )[0]["n"]
    assert matrix.per_goal[2] == goal_3


def test_a_concept_page_lists_all_when_few_would_be_left_out(store: ox.Store) -> None:
    from kg.pages.entities import concept_page
    from kg.pages.entities.concepts import SHOWN, SLACK, shown_of

    page = concept_page(store, ID + "focus-area/nara-vard", "sv", "focus-area")
    assert page is not None and page.total == 21 and len(page.initiatives) == 21 and not page.more
    assert page.proposals == 21  # every assignment to it is the project's proposal
    assert shown_of(SHOWN + SLACK) == SHOWN + SLACK and shown_of(SHOWN + SLACK + 1) == SHOWN
