"""Pages at national scale (issue 7): on a small national synthetic graph (benchmarks/national.py: 23 places, each
with a collaboration), the home page shows one collaboration and a capped list of the others, /partners and
/overviews/gaps are paged (400 for a bad page in both languages, 404 past the end, every row on exactly one page),
the figures kept per state of the data equal the ones computed afresh, and a named query can be cut with LIMIT and
OFFSET from checked numbers."""

from __future__ import annotations

import html as entities
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg import statecache as cache
from kg.namespaces import ID
from kg.pages.initiatives import initiative_list
from kg.pages.paging import PageOutOfRange
from kg.pages.partners import partner_list
from kg.queries import QueryError, limited, run_query
from kg.sparql import select, to_python
from kg.statecache import state_key
from tests.national import load_national
from webapp import create_app

HTML = {"Accept": "text/html"}
ORG = ID + "organisation/"
PLACES = 23  # 20 municipalities, 3 regions


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("national-pages")
    trig = load_national().generate(20_000, folder / "national.trig", municipalities=20, regions=3)
    store = ox.Store(str(folder / "store"))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return folder / "store"


@pytest.fixture(scope="module")
def store(national: Path) -> Iterator[ox.Store]:
    yield ox.Store.read_only(str(national))


def client_for(path: Path, **config) -> tuple[FlaskClient, object]:
    app = create_app({"KG_STORE": str(path), "SECRET_KEY": "test", "TESTING": True, **config})
    return app.test_client(), app


@pytest.fixture(scope="module")
def client(national: Path) -> Iterator[FlaskClient]:
    test_client, app = client_for(national)
    yield test_client
    app.extensions["kg"].close()


def get(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path, headers=HTML)
    assert response.status_code == status, (path, response.status_code)
    return response.get_data(as_text=True)


def words(markup: str) -> str:
    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def section(markup: str, heading_id: str) -> str:
    start = markup.index(f'id="{heading_id}"')
    end = markup.find("</section>", start)
    return markup[start:end]


def count_of(store: ox.Store, query: str) -> int:
    return select(store, query)[0]["n"]


# ---------------------------------------------------------------- home


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_home_shows_one_collaboration_and_the_others_capped_with_their_counts(
    client: FlaskClient, store: ox.Store, lang: str
) -> None:
    markup = get(client, f"/?lang={lang}")
    # the configured collaboration (Samhällskontraktet) is not in this graph: the first one stands in, named
    about = section(markup, "about-heading")
    assert ("Om Samverkan Kommun 001" if lang == "sv" else "About Collaboration Kommun 001") in words(about)
    assert 'href="/id/organisation/kommun-001-samverkan"' in about
    assert len(re.findall(r'<h3 id="focus-\d+">', markup)) == 2  # its own two focus areas, not everyone's
    assert len(re.findall(r'<h3 id="perspective-\d+">', markup)) == 3
    others = section(markup, "others-heading")
    listed = re.findall(r'<li><a href="/id/organisation/([^"]+)">.*?</a> <span class="note">(\d+) initiati', others)
    assert len(listed) == 10 and "kommun-001-samverkan" not in {slug for slug, _ in listed}
    intro = "Grafen har 23 samverkan" if lang == "sv" else "The graph holds 23 collaborations"
    assert intro in words(others) and 'href="/partners"' in others
    counts = [int(n) for _, n in listed]
    assert counts == sorted(counts, reverse=True)  # most initiatives first
    for slug, n in listed:  # each count is the collaboration's initiatives
        query = f"SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {{ ?i skk:participant <{ORG}{slug}> }}"
        assert int(n) == count_of(store, query)


def test_home_shows_the_configured_collaboration(national: Path) -> None:
    configured, app = client_for(national, HOME_COLLABORATION=ORG + "region-02-samverkan")
    try:
        markup = get(configured, "/")
    finally:
        app.extensions["kg"].close()
    assert 'href="/id/organisation/region-02-samverkan"' in section(markup, "about-heading")
    assert "Syntetisk vision för Region 02." in markup
    assert "region-02-samverkan" not in section(markup, "others-heading")


def test_home_with_one_collaboration_has_no_list_of_others(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    trig = load_national().generate(8_000, tmp_path / "one.trig", municipalities=1, regions=0)
    writable = ox.Store(str(folder))
    writable.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    writable.flush()
    del writable
    single, app = client_for(folder)
    try:
        markup = get(single, "/")
    finally:
        app.extensions["kg"].close()
    assert 'id="others-heading"' not in markup and 'id="about-heading"' in markup


# ---------------------------------------------------------------- /partners


def partner_links(markup: str) -> list[str]:
    """The organisations listed at the top level of a /partners page (units and administrations left out)."""
    main = markup[markup.index("<h1>") : markup.index('<nav class="onward"')]
    depth, found = 0, []
    for match in re.finditer(r'<ul class="partners">|</ul>|<li><a href="/id/(?:organisation|function)/([^"]+)"', main):
        if match[0].startswith("<ul"):
            depth += 1
        elif match[0] == "</ul>":
            depth -= 1
        elif depth == 1:
            found.append(match[1])
    return found


def test_partners_are_paged_and_every_organisation_is_on_one_page(client: FlaskClient, store: ox.Store) -> None:
    first = get(client, "/partners?lang=sv")
    status = re.search(r"Sida 1 av (\d+)", first)
    assert status, "a pager"
    pages = int(status[1])
    seen: list[str] = []
    for n in range(1, pages + 1):
        markup = first if n == 1 else get(client, f"/partners?page={n}&lang=sv")
        shown = partner_links(markup)
        assert 0 < len(shown) <= 50
        seen += shown
    top = count_of(
        store,
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a/rdfs:subClassOf* org:Organization "
        "FILTER NOT EXISTS { ?o org:subOrganizationOf|org:unitOf ?p } }",
    )
    assert len(seen) == len(set(seen)) == top > 50
    # collaborations first, then parties, then the others
    collaborations = [s for s in seen if s.endswith("-samverkan")]
    assert seen[: len(collaborations)] == collaborations and len(collaborations) == PLACES
    get(client, f"/partners?page={pages + 1}", 404)


def test_partner_list_units_and_counts(store: ox.Store) -> None:
    model = partner_list(store, "sv")
    assert model.paging.total == model.total and len(model.collaborations) == PLACES
    collaboration = next(e for e in model.collaborations if e.ref.iri == ORG + "kommun-003-samverkan")
    units = {c.ref.iri for c in collaboration.children}
    assert units == {
        ID + "function/kommun-003-forum",
        ID + "function/kommun-003-labb",
        ORG + "kommun-003-samverkan-core-team",
    }
    assert all(c.unit for c in collaboration.children)
    query = "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {{ ?i skk:participant|skk:funder <{}> }}"
    assert collaboration.initiatives == count_of(store, query.format(collaboration.ref.iri)) > 0
    with pytest.raises(PageOutOfRange):
        partner_list(store, "sv", page=model.paging.pages + 1)


@pytest.mark.parametrize(
    ("lang", "message"), [("sv", "Sidnumret ska vara ett heltal"), ("en", "The page number must be a whole number")]
)
@pytest.mark.parametrize("path", ["/partners", "/overviews/gaps"])
def test_a_bad_page_is_refused_in_both_languages(client: FlaskClient, path: str, lang: str, message: str) -> None:
    for bad in ("0", "-1", "x", "1.5", "99999999999"):
        assert message in get(client, f"{path}?page={bad}&lang={lang}", 400)


# ---------------------------------------------------------------- /overviews/gaps


def unconfirmed(store: ox.Store) -> set[str]:
    rows = select(
        store,
        "SELECT ?i WHERE { ?i a/rdfs:subClassOf* skk:Initiative "
        "FILTER NOT EXISTS { ?l skk:initiative ?i ; skk:linkStatus skk:confirmed } }",
    )
    return {row["i"] for row in rows}


def test_gaps_page_the_initiatives_without_a_confirmed_target(client: FlaskClient, store: ox.Store) -> None:
    expected = unconfirmed(store)
    assert len(expected) > 50
    first = get(client, "/overviews/gaps?lang=sv")
    assert f"{len(expected)} av " in words(section(first, "unconfirmed-heading"))
    pages = int(re.search(r"Sida 1 av (\d+)", first)[1])
    seen: list[str] = []
    for n in range(1, pages + 1):
        markup = first if n == 1 else get(client, f"/overviews/gaps?page={n}&lang=en")
        listed = re.findall(
            r'<li><a href="/id/initiative/([^"#]+)#targets-heading">', section(markup, "unconfirmed-heading")
        )
        assert 0 < len(listed) <= 50
        seen += [ID + "initiative/" + slug for slug in listed]
        # the other two lists are on every page
        assert 'id="selected-heading"' in markup and 'id="goals-heading"' in markup
    assert len(seen) == len(set(seen)) and set(seen) == expected
    get(client, f"/overviews/gaps?page={pages + 1}", 404)
    assert 'href="/overviews/gaps?page=2#unconfirmed-heading"' in first


# ---------------------------------------------------------------- kept per state


def test_figures_kept_per_state_equal_fresh_ones(national: Path, store: ox.Store) -> None:
    cache.clear()
    state = state_key(national)
    for lang in ("sv", "en"):
        for kind, status, page in [(None, None, 1), (None, None, 2), (None, "ongoing", 1), ("project", None, 1)]:
            fresh = initiative_list(store, lang, kind, status, page=page)
            assert initiative_list(store, lang, kind, status, page=page, state=state) == fresh
            assert initiative_list(store, lang, kind, status, page=page, state=state) == fresh  # from the cache


def test_per_state_computes_once_per_state() -> None:
    cache.clear()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.per_state(("a", 1), "x", compute) == 1
    assert cache.per_state(("a", 1), "x", compute) == 1
    assert cache.per_state(("a", 2), "x", compute) == 2  # a new state of the data: computed again
    assert cache.per_state(None, "x", compute) == 3  # no state known: every time
    cache.clear()


# ---------------------------------------------------------------- named queries cut with LIMIT and OFFSET


def test_a_named_query_is_cut_by_checked_numbers(store: ox.Store) -> None:
    every = [[str(to_python(row[v])) for v in ("link", "code")] for row in run_query(store, "links-of-initiative")]
    page = [
        [str(to_python(row[v])) for v in ("link", "code")]
        for row in run_query(store, "links-of-initiative", limit=7, offset=7)
    ]
    assert len(every) > 14 and page == every[7:14]
    for bad in [(0, 0), (5, -1), ("5", 0), (True, 0), (5, "1; DROP")]:
        with pytest.raises(QueryError):
            limited("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", *bad)
    with pytest.raises(QueryError):
        limited("SELECT * WHERE { ?s ?p ?o } LIMIT 4", 3)
