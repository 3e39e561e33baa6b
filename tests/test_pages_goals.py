"""The home page and the pages of goals, targets and indicators, in Swedish and English, on the real data
(and, for the core team's decisions, on the real data with a few decisions added)."""

from __future__ import annotations

import html as entities
import re
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from kg.build import build
from webapp import create_app

HTML = {"Accept": "text/html"}
TILE = re.compile(
    r'<a class="goal-tile" href="(?P<href>[^"]+)" data-goal="(?P<code>\d+)"\s+'
    r'style="background-color: (?P<bg>#[0-9A-Fa-f]{6}); color: (?P<fg>#[0-9A-Fa-f]{6})">(?P<body>.*?)</a>',
    re.S,
)


def page(client: FlaskClient, path: str, lang: str | None = None) -> str:
    response = client.get(path + (f"?lang={lang}" if lang else ""), headers=HTML)
    assert response.status_code == 200, (path, response.status_code)
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def text_of(html: str) -> str:
    """The visible text: tags dropped, white space collapsed."""
    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def section(html: str, element_id: str) -> str:
    """The <section> (or element) with the given id, up to the next one of the same kind."""
    start = html.index(f'id="{element_id}"')
    following = html.find('<section class="target"', start)
    return html[start : following if following != -1 else len(html)]


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def assert_rdf_alternates(client: FlaskClient, html: str, path: str) -> None:
    for media_type, suffix in (
        ("text/turtle", ".ttl"),
        ("application/ld+json", ".jsonld"),
        ("application/n-triples", ".nt"),
    ):
        assert f'<link rel="alternate" type="{media_type}" href="{path}{suffix}">' in html
        assert f'href="{path}{suffix}" download' in html
    response = client.get(path + ".ttl")
    assert response.status_code == 200 and response.mimetype == "text/turtle"


# ---------------------------------------------------------------- home


def test_home_has_17_tiles_in_swedish(client: FlaskClient) -> None:
    html = page(client, "/", "sv")
    tiles = {m["code"]: m for m in TILE.finditer(html)}
    assert sorted(tiles, key=int) == [str(n) for n in range(1, 18)]
    three = text_of(tiles["3"]["body"])
    assert tiles["3"]["href"] == "/sdg/3"
    assert "Mål 3" in three and "Hälsa och välbefinnande" in three
    assert re.search(r"\d+ initiativ \(förslag\)", three)  # every link is a proposal: said in text
    assert "Inga valda delmål" in three
    assert "Inga initiativ" in text_of(tiles["1"]["body"])  # goal 1 has no initiative
    assert "1 initiativ (förslag)" in text_of(tiles["2"]["body"])  # Måltider och möten -> 2.2


def test_home_tiles_in_english(client: FlaskClient) -> None:
    html = page(client, "/", "en")
    tiles = {m["code"]: m for m in TILE.finditer(html)}
    assert len(tiles) == 17
    three = text_of(tiles["3"]["body"])
    assert "Goal 3" in three and "Good health and well-being" in three
    assert re.search(r"\d+ initiatives? \(proposed\)", three)
    assert "No selected targets" in three
    assert "1 initiative (proposed)" in text_of(tiles["2"]["body"])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_tile_text_is_readable_on_its_colour(client: FlaskClient, lang: str) -> None:
    html = page(client, "/", lang)
    tiles = list(TILE.finditer(html))
    assert len(tiles) == 17
    for tile in tiles:
        assert contrast(tile["bg"], tile["fg"]) >= 4.5, (tile["code"], tile["bg"], tile["fg"])
        assert 'style="' not in tile["body"]  # no inner colour overrides the tile's text colour
    # the official colours, e.g. goal 3 green
    assert {t["code"]: t["bg"].upper() for t in tiles}["3"] == "#4C9F38"


def test_home_vision_mission_focus_areas_and_perspectives(client: FlaskClient) -> None:
    for lang in ("sv", "en"):
        html = page(client, "/", lang)
        # the vision and mission exist only in Swedish: marked as Swedish on the English page too
        assert '<p lang="sv">Ett tryggt och hållbart samhälle präglat av tillit' in html
        assert '<p lang="sv">Tillsammans lösa komplexa samhällsutmaningar' in html
        assert len(re.findall(r'<h3 id="focus-\d+">', html)) == 2
        assert len(re.findall(r'<h3 id="perspective-\d+">', html)) == 9
        assert 'href="/id/initiative/maltider-och-moten"' in html
        assert 'href="/id/focus-area/nara-vard"' in html
        assert 'href="/id/perspective/trygghet"' in html
        for target in ("/goals", "/overviews/?", "/network", "/sparql/?", "/download/"):
            assert re.search(f'href="{target}"', html), target
    sv, en = page(client, "/", "sv"), page(client, "/", "en")
    assert "Nära vård inklusive välfärdsteknik" in sv and "Local health care including welfare technology" in en
    assert "only in Swedish" in en
    # the assignments are proposals, and the page says so
    assert '<span class="badge proposal">förslag</span>' in sv
    assert '<span class="badge proposal">proposal</span>' in en
    assert "projektets förslag" in text_of(sv) and "the project's proposals" in text_of(en)


def test_home_offers_rdf_and_sources(client: FlaskClient) -> None:
    html = page(client, "/", "sv")
    assert_rdf_alternates(client, html, "/id/organisation/samhallskontraktet")
    assert 'href="/id/source/samhallskontraktet-webb"' in html


def test_language_is_remembered(client: FlaskClient) -> None:
    response = client.get("/?lang=en", headers=HTML)
    assert "lang=en" in response.headers.get("Set-Cookie", "")
    html = page(client, "/")  # no parameter: the cookie decides
    assert '<html lang="en">' in html and "Good health and well-being" in html
    html = page(client, "/sdg/3")
    assert '<html lang="en">' in html and "Ensure healthy lives and promote well-being for all at all ages" in html
    page(client, "/", "sv")
    html = page(client, "/sdg/3")
    assert '<html lang="sv">' in html and "Säkerställa hälsosamma liv" in html


# ---------------------------------------------------------------- all goals


def test_goals_overview(client: FlaskClient) -> None:
    sv, en = page(client, "/goals", "sv"), page(client, "/goals", "en")
    for html in (sv, en):
        assert len(re.findall(r'<a class="code" href="/sdg/\d+\.\w+"', html)) == 169
        assert len(re.findall(r'<h2 id="goal-\d+" class="goal-band"', html)) == 17
        assert_rdf_alternates(client, html, "/graph/sdg")
    item = re.search(r'<li[^>]*>\s*<a class="code" href="/sdg/2\.2".*?</li>', sv, re.S)
    assert item and "1 initiativ (förslag)" in text_of(item[0])
    assert "Till 2030 genom förebyggande åtgärder och behandling" in sv
    assert "By 2030, reduce by one third premature mortality" in en
    item = re.search(r'<li[^>]*>\s*<a class="code" href="/sdg/2\.2".*?</li>', en, re.S)
    assert item and "1 initiative (proposed)" in text_of(item[0])
    # targets in code order: 3.9 before 3.a, 1.5 before 1.a, 17.19 last
    assert sv.index('href="/sdg/3.9"') < sv.index('href="/sdg/3.a"') < sv.index('href="/sdg/4.1"')
    assert sv.index('href="/sdg/10.1"') > sv.index('href="/sdg/9.c"')


# ---------------------------------------------------------------- a goal


def test_goal_2_lists_meals_and_meetings_under_2_2(client: FlaskClient) -> None:
    sv = page(client, "/sdg/2", "sv")
    part = section(sv, "target-2.2")
    assert "Måltider och möten" in part and 'href="/id/initiative/maltider-och-moten"' in part
    assert "föreslagen" in part and "primär" in part
    assert "Till 2030 avskaffa alla former av felnäring" in part
    assert 'href="/sdg/C020201"' in part  # indicator 2.2.1
    en = page(client, "/sdg/2", "en")
    part = section(en, "target-2.2")
    assert "Meals and meetings" in part and "proposed" in part and "primary" in part
    assert "By 2030, end all forms of malnutrition" in part


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_goal_3_page(client: FlaskClient, lang: str) -> None:
    html = page(client, "/sdg/3", lang)
    words = text_of(html)
    if lang == "sv":
        assert "Hälsa och välbefinnande" in words
        assert "Säkerställa hälsosamma liv och främja välbefinnande för alla i alla åldrar" in words
        assert "Inga delmål valda ännu" in words
        assert "projektets översättning" in words
    else:
        assert "Good health and well-being" in words
        assert "Ensure healthy lives and promote well-being for all at all ages" in words
        assert "No targets selected yet" in words
    assert 'style="background-color: #4C9F38; color: #' in html  # the colour band
    assert len(re.findall(r'<section class="target"', html)) == 13
    # indicator texts are English: marked as such on both pages
    assert '<span lang="en">Suicide mortality rate</span>' in html
    assert 'href="/sdg/C030401">3.4.1</a>' in html
    part = section(html, "target-3.4")
    assert "Statsbidrag mot ofrivillig ensamhet" in part or "State grant against involuntary loneliness" in part
    assert_rdf_alternates(client, html, "/sdg/3")
    assert 'href="http://metadata.un.org/sdg"' in html  # the UN as the source


# ---------------------------------------------------------------- a target


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_target_3_4(client: FlaskClient, lang: str) -> None:
    html = page(client, "/sdg/3.4", lang)
    swedish = "Till 2030 genom förebyggande åtgärder och behandling minska den förtida dödligheten"
    english = "By 2030, reduce by one third premature mortality from non-communicable diseases"
    assert f'<dd lang="sv">{swedish}' in html and f'<dd lang="en">{english}' in html
    first, second = (swedish, english) if lang == "sv" else (english, swedish)
    assert html.index(first) < html.index(second)  # the chosen language first
    words = text_of(html)
    assert ("projektets översättning" if lang == "sv" else "the project's translation") in words
    # the link from Statsbidrag mot ofrivillig ensamhet, with its Swedish rationale and its status
    row = re.search(
        r"<tr>\s*<th scope=\"row\"><a href=\"/id/initiative/statsbidrag-ofrivillig-ensamhet\".*?</tr>", html, re.S
    )
    assert row, "no row for Statsbidrag mot ofrivillig ensamhet"
    assert '<span lang="sv">Ofrivillig ensamhet påverkar psykisk hälsa och välbefinnande.</span>' in row[0]
    assert ("föreslagen" if lang == "sv" else "proposed") in row[0]
    assert ("primär" if lang == "sv" else "primary") in row[0]
    assert "<caption" in html and 'scope="col"' in html
    assert 'href="/sdg/3"' in html  # its goal
    assert 'href="/sdg/C030401">3.4.1</a>' in html and 'href="/sdg/C030402">3.4.2</a>' in html
    assert ("har inte valt delmålet ännu" if lang == "sv" else "has not selected this target yet") in words
    assert_rdf_alternates(client, html, "/sdg/3.4")
    assert 'href="http://metadata.un.org/sdg/3.4"' in html


# ---------------------------------------------------------------- an indicator


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_indicator_c030401(client: FlaskClient, lang: str) -> None:
    html = page(client, "/sdg/C030401", lang)
    assert "C030401" in html and "3.4.1" in html
    assert (
        '<dd lang="en">Mortality rate attributed to cardiovascular disease, cancer, diabetes or chronic '
        "respiratory disease</dd>"
    ) in html
    assert 'href="/sdg/3.4"' in html and 'href="/sdg/3"' in html
    assert ("Indikator 3.4.1" if lang == "sv" else "Indicator 3.4.1") in html
    assert_rdf_alternates(client, html, "/sdg/C030401")
    assert 'href="http://metadata.un.org/sdg"' in html


def test_indicator_listed_under_several_targets(client: FlaskClient) -> None:
    html = page(client, "/sdg/C200303", "en")
    for code in ("1.5", "11.5", "13.1"):
        assert f'href="/sdg/{code}"' in html
    assert "1.5.1, 11.5.1, 13.1.1" in html


# ---------------------------------------------------------------- not found


@pytest.mark.parametrize("path", ["/sdg/18", "/sdg/3.99", "/sdg/C999999", "/sdg/0"])
def test_unknown_sdg_resources_are_404(client: FlaskClient, path: str) -> None:
    for lang in ("sv", "en"):
        response = client.get(f"{path}?lang={lang}", headers=HTML)
        assert response.status_code == 404
        assert "Traceback" not in response.get_data(as_text=True)


# ---------------------------------------------------------------- the core team's decisions (added test data)

DECISIONS = """
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix focusarea: <https://w3id.org/samhallskontraktet/id/focus-area/> .
@prefix initiative: <https://w3id.org/samhallskontraktet/id/initiative/> .
@prefix link: <https://w3id.org/samhallskontraktet/id/link/> .
@prefix organisation: <https://w3id.org/samhallskontraktet/id/organisation/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix sdg: <http://metadata.un.org/sdg/> .
@prefix selection: <https://w3id.org/samhallskontraktet/id/selection/> .
@prefix skk: <https://w3id.org/samhallskontraktet/ontology#> .
@prefix source: <https://w3id.org/samhallskontraktet/id/source/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

selection:test--3.4 a skk:TargetSelection ;
    skk:target sdg:3.4 ; skk:focusArea focusarea:nara-vard ;
    skk:reason "Psykisk hälsa är en av utmaningarna inom fokusområdet Nära vård."@sv ;
    skk:selectedBy organisation:samhallskontraktet-core-team ;
    prov:wasAttributedTo organisation:samhallskontraktet-core-team ;
    prov:generatedAtTime "2024-02-27T10:00:00+01:00"^^xsd:dateTime ;
    dcterms:source source:core-team-2024-02-27 .

selection:test--3.8 a skk:TargetSelection ;
    skk:target sdg:3.8 ;
    skk:reason "Vård för äldre som bor hemma (upphört)."@sv ;
    skk:selectedBy organisation:samhallskontraktet-core-team ;
    prov:wasAttributedTo organisation:samhallskontraktet-core-team ;
    prov:generatedAtTime "2024-02-27T10:00:00+01:00"^^xsd:dateTime ;
    prov:invalidatedAtTime "2024-06-01T09:00:00+02:00"^^xsd:dateTime ;
    dcterms:source source:core-team-2024-02-27 .

link:test-salus-mea--3.4 a skk:TargetLink ;
    skk:initiative initiative:salus-mea ; skk:target sdg:3.4 ; skk:relevance skk:secondary ;
    skk:rationale "Trygghetslarmet minskar oro och främjar välbefinnande."@sv ;
    skk:linkStatus skk:confirmed ;
    prov:wasAttributedTo organisation:samhallskontraktet-core-team ;
    prov:generatedAtTime "2024-03-01T10:00:00+01:00"^^xsd:dateTime .

link:test-angsgardet--3.4 a skk:TargetLink ;
    skk:initiative initiative:angsgardet ; skk:target sdg:3.4 ; skk:relevance skk:secondary ;
    skk:rationale "Testbädden gäller inte förtida dödlighet."@sv ;
    skk:linkStatus skk:rejected ;
    prov:wasAttributedTo organisation:samhallskontraktet-core-team ;
    prov:generatedAtTime "2024-03-01T10:00:00+01:00"^^xsd:dateTime .
"""


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    folder = tmp_path_factory.mktemp("goals-decisions")
    extra = folder / "decisions.ttl"
    extra.write_text(DECISIONS, encoding="utf-8")
    build(folder / "store", extra=[extra])
    app = create_app({"KG_STORE": str(folder / "store"), "SECRET_KEY": "test", "TESTING": True})
    yield app.test_client()
    app.extensions["kg"].close()


def test_selection_and_decided_links_on_the_target_page(decided: FlaskClient) -> None:
    html = page(decided, "/sdg/3.4", "sv")
    words = text_of(html)
    assert "Ja, delmålet är valt." in words
    assert "Psykisk hälsa är en av utmaningarna inom fokusområdet Nära vård." in words
    assert "Samhällskontraktets core team" in words and "2024-02-27 10:00 UTC+01:00" in words
    assert 'href="/id/focus-area/nara-vard"' in html
    # confirmed counts, rejected does not: 8 initiatives, one confirmed; the rejected one listed apart
    assert "bekräftade: 1" in words and "Avvisade kopplingar" in words
    row = re.search(r'<tr>\s*<th scope="row"><a href="/id/initiative/salus-mea".*?</tr>', html, re.S)
    assert row and "bekräftad" in row[0]
    assert not re.search(r'<tr>\s*<th scope="row"><a href="/id/initiative/angsgardet"', html)
    en = text_of(page(decided, "/sdg/3.4", "en"))
    assert "Yes, the target is selected." in en and "confirmed: 1" in en and "Rejected links" in en


def test_selection_on_the_goal_page_home_and_overview(decided: FlaskClient) -> None:
    html = page(decided, "/sdg/3", "sv")
    words = text_of(html)
    assert "Inga delmål valda ännu" not in words
    selected = html[html.index('id="selected-heading"') : html.index('id="targets-heading"')]
    assert 'href="/sdg/3.4"' in selected and "Psykisk hälsa är en av utmaningarna" in selected
    assert 'href="/sdg/3.8"' not in selected  # that selection has ended
    tiles = {m["code"]: text_of(m["body"]) for m in TILE.finditer(page(decided, "/", "sv"))}
    assert "1 valt delmål" in tiles["3"] and "bekräftade: 1" in tiles["3"]
    assert "Inga valda delmål" in tiles["2"]
    tiles = {m["code"]: text_of(m["body"]) for m in TILE.finditer(page(decided, "/", "en"))}
    assert "1 selected target" in tiles["3"] and "confirmed: 1" in tiles["3"]
    overview = page(decided, "/goals", "sv")
    item = re.search(r'<li[^>]*>\s*<a class="code" href="/sdg/3\.4".*?</li>', overview, re.S)
    assert item and "valt av core team" in text_of(item[0])
    ended = page(decided, "/sdg/3.8", "sv")
    assert "Tidigare val" in ended and "2024-06-01 09:00 UTC+02:00" in text_of(ended)
    assert "Nej, core team har inte valt delmålet ännu." in text_of(ended)


# ---------------------------------------------------------------- a larger synthetic graph: capped lists


def load_synthetic():
    """benchmarks/synthetic.py as a module (the benchmarks folder is not a package)."""
    import importlib.util

    from kg.layout import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location("synthetic", PROJECT_ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    import pyoxigraph as ox

    folder = tmp_path_factory.mktemp("goals-synthetic")
    trig = load_synthetic().generate(20000, folder / "synthetic.trig")
    store = ox.Store(str(folder / "store"))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    app = create_app({"KG_STORE": str(folder / "store"), "SECRET_KEY": "test", "TESTING": True})
    yield app.test_client()
    app.extensions["kg"].close()


GROUP = re.compile(r'<section class="group" aria-labelledby="(?:focus|perspective)-\d+">(.*?)</section>', re.S)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_home_shows_counts_and_at_most_24_names_per_group(synthetic: FlaskClient, lang: str) -> None:
    html = page(synthetic, "/", lang)
    groups = GROUP.findall(html)
    assert len(groups) == 11
    total, capped = 0, 0
    for group in groups:
        shown = len(re.findall(r'<li><a href="/id/initiative/', group))
        assert shown <= 24
        count = re.search(r'<p class="group-count">(\d+) initiati', group)
        assert count, group[:200]
        count = int(count[1])
        total += count
        more = re.search(r'<p class="more"><a href="(/id/(?:focus-area|perspective)/[^"]+)">(.*?)</a></p>', group)
        if count > shown:
            capped += 1
            assert shown == 24 and more, group[:200]
            assert more[1] in group.split("</h3>")[0]  # links to the group's own page
            word = "och {} till" if lang == "sv" else "and {} more"
            assert more[2] == word.format(count - shown)
        else:
            assert not more
    assert capped >= 2 and total > 11 * 24  # the synthetic graph has more than the page names
    # the names shown are sorted
    for group in groups:
        names = [text_of(n) for n in re.findall(r'<li><a href="/id/initiative/[^"]+">(.*?)</a>', group)]
        assert names == sorted(names, key=str.casefold)
    # every assignment used to be listed (over 1,000 list items); now the page stays small
    assert len(html.encode()) < 80_000


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_goal_page_shows_counts_and_at_most_10_initiatives_per_target(synthetic: FlaskClient, lang: str) -> None:
    html = page(synthetic, "/sdg/3", lang)
    capped = 0
    for match in re.finditer(r'<section class="target" aria-labelledby="target-([\d.a-z]+)"', html):
        code = match[1]
        part = section(html, f"target-{code}")
        items = re.findall(r'<li><a href="/id/initiative/.*?</li>', part, re.S)
        assert len(items) <= 10
        if not items:
            continue
        count = int(re.search(r'<p class="target-count">(\d+) initiati', part)[1])
        more = re.search(r'<p class="more"><a href="(/sdg/[^"]+)">(.*?)</a></p>', part)
        if count > len(items):
            capped += 1
            assert len(items) == 10 and more and more[1] == f"/sdg/{code}"
            assert more[2].startswith(("och {} till" if lang == "sv" else "and {} more").format(count - 10))
            # the whole list is on the target's page
            rows = re.findall(r'<tr>\s*<th scope="row"><a href="/id/initiative/', page(synthetic, f"/sdg/{code}", lang))
            assert len(rows) >= count
        else:
            assert not more
        # confirmed before proposed, and within each, primary before secondary
        statuses = [re.search(r'class="status status-(\w+)"', item)[1] for item in items]
        assert statuses == sorted(statuses, key=["confirmed", "proposed"].index)
        for status in ("confirmed", "proposed"):
            primary = "primär" if lang == "sv" else "primary"
            relevance = [primary in item for item, s in zip(items, statuses, strict=True) if s == status]
            assert relevance == sorted(relevance, reverse=True)
    assert capped >= 1
    assert len(html.encode()) < 60_000
