"""The interactive graph: /network (page) and /network/data.json, and the library behind them (kg.network)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg import network
from kg.namespaces import ID, SDG

MEALS = ID + "initiative/maltider-och-moten"
STATIC = Path(__file__).resolve().parent.parent / "webapp" / "static"
VIS = STATIC / "vendor" / "vis-network" / "vis-network.min.js"


def get_data(client: FlaskClient, query: str = "") -> dict:
    response = client.get("/network/data.json" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def ids(data: dict, kind: str | None = None) -> set[str]:
    return {n["id"] for n in data["nodes"] if kind is None or n["type"] == kind}


def edge(data: dict, source: str, target: str) -> dict | None:
    return next((e for e in data["edges"] if e["from"] == source and e["to"] == target), None)


# ---------------------------------------------------------------- the default view


def test_default_data_goals_in_their_colours(client: FlaskClient) -> None:
    data = get_data(client)
    goals = {n["id"]: n for n in data["nodes"] if n["type"] == "goal"}
    assert len(goals) == 17  # every goal, even one no initiative serves
    assert goals[SDG + "3"]["color"]["background"].upper() == "#4C9F38"
    assert goals[SDG + "2"]["color"]["background"].upper() == "#DDA63A"
    assert goals[SDG + "3"]["label"] == "3 Hälsa och välbefinnande"
    assert goals[SDG + "3"]["url"] == "/sdg/3" and goals[SDG + "3"]["shape"] == "box"
    assert goals[SDG + "3"]["font"]["color"] in ("#000000", "#ffffff")


def test_default_data_meals_linked_to_target_and_goal(client: FlaskClient) -> None:
    data = get_data(client)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[MEALS]["label"] == "Måltider och möten" and nodes[MEALS]["type"] == "initiative"
    assert nodes[MEALS]["url"] == "/id/initiative/maltider-och-moten"
    link = edge(data, MEALS, SDG + "2.2")
    assert link is not None and link["relation"] == "serves"
    assert link["status"] == "proposed" and link["dashes"] is True  # a proposal, drawn dashed, never as confirmed
    assert link["relevance"] == "primary" and link["width"] > 1  # primary: thick
    assert "föreslagen" in link["title"]
    assert edge(data, SDG + "2.2", SDG + "2")["relation"] == "broader"
    assert nodes[SDG + "2.2"]["label"] == "2.2" and nodes[SDG + "2.2"]["color"]["border"].upper() == "#DDA63A"
    assert "Delmål 2.2" in nodes[SDG + "2.2"]["title"]
    # every edge joins two nodes that are shown
    assert all(e["from"] in nodes and e["to"] in nodes for e in data["edges"])
    assert data["counts"] == data["counts"] | {"nodes": len(data["nodes"]), "edges": len(data["edges"])}


def test_default_hides_indicators_and_unlinked_targets(client: FlaskClient) -> None:
    data = get_data(client)
    assert not ids(data, "indicator")
    targets = ids(data, "target")
    served = {e["to"] for e in data["edges"] if e["relation"] == "serves"}
    assert targets and targets <= served  # each target shown has an initiative linked to it
    assert SDG + "1.1" not in targets  # no initiative is linked to 1.1
    # asked for, they show
    everything = get_data(client, "?all=1")
    assert SDG + "1.1" in ids(everything, "target") and len(ids(everything, "target")) == 169
    assert ids(everything, "indicator")
    indicator = next(n for n in everything["nodes"] if n["type"] == "indicator")
    assert re.fullmatch(r"\d+\.\w+\.\d+", indicator["label"])
    assert len(everything["nodes"]) > len(data["nodes"])


def test_node_types_have_shape_and_colour(client: FlaskClient) -> None:
    data = get_data(client)
    for node in data["nodes"]:
        assert node["shape"] and node["color"]["background"] and node["title"]
        assert node["url"].startswith("/")
    shapes = {n["type"]: n["shape"] for n in data["nodes"]}
    assert shapes["initiative"] != shapes["organisation"] != shapes["goal"]


# ---------------------------------------------------------------- filters


def test_goal_filter(client: FlaskClient) -> None:
    everything = get_data(client)
    data = get_data(client, "?goal=2")
    initiatives = ids(data, "initiative")
    assert MEALS in initiatives
    assert len(data["nodes"]) < len(everything["nodes"])
    # every initiative kept has a link to a target of goal 2
    goal2_targets = {n["id"] for n in everything["nodes"] if n["type"] == "target" and n["code"].startswith("2.")}
    for initiative in initiatives:
        assert any(e["from"] == initiative and e["to"] in goal2_targets for e in data["edges"])
    dropped = ids(everything, "initiative") - initiatives
    assert dropped  # initiatives without a link to goal 2 are gone
    assert SDG + "2" in ids(data, "goal") and SDG + "2.2" in ids(data, "target")
    # what the initiative connects to is kept: its partners, focus area, perspectives
    kept_types = {n["type"] for n in data["nodes"]}
    assert {"organisation", "focus-area", "perspective"} & kept_types
    # two goals: alternatives
    both = get_data(client, "?goal=2&goal=3")
    assert initiatives < ids(both, "initiative")
    assert get_data(client, "?goal=2,3")["counts"] == both["counts"]


def test_status_filter_keeps_only_ideas(client: FlaskClient) -> None:
    data = get_data(client, "?status=idea")
    initiatives = [n for n in data["nodes"] if n["type"] == "initiative"]
    assert initiatives and all(n["status"] == "idea" for n in initiatives)
    assert MEALS not in ids(data)  # an ongoing pilot
    assert len(data["nodes"]) < len(get_data(client)["nodes"])
    # and what the ideas connect to: each other node touches an idea, or is the goal of a target shown
    kept = ids(data)
    ideas = {n["id"] for n in initiatives}
    touching = {e["to"] for e in data["edges"] if e["from"] in ideas} | {
        e["from"] for e in data["edges"] if e["to"] in ideas
    }
    goals = {e["to"] for e in data["edges"] if e["relation"] == "broader" and e["from"] in touching}
    assert kept - ideas <= touching | goals


@pytest.mark.parametrize(
    "query", ["?focus=nara-vard", "?partner=eskilstuna-kommun", "?perspective=trygghet", "?status=ongoing", "?goal=3"]
)
def test_each_filter_narrows(client: FlaskClient, query: str) -> None:
    everything = get_data(client)
    data = get_data(client, query)
    assert 0 < len(ids(data, "initiative")) < len(ids(everything, "initiative"))
    assert len(data["nodes"]) < len(everything["nodes"])


def test_filters_combine(client: FlaskClient) -> None:
    goal = ids(get_data(client, "?goal=3"), "initiative")
    ongoing = ids(get_data(client, "?status=ongoing"), "initiative")
    both = ids(get_data(client, "?goal=3&status=ongoing"), "initiative")
    assert both == goal & ongoing


def test_partner_filter_includes_sub_organisations(client: FlaskClient) -> None:
    # initiatives of the municipality's care administration count for the municipality
    part = ids(get_data(client, "?partner=vard-och-omsorgsforvaltningen-eskilstuna"), "initiative")
    whole = ids(get_data(client, "?partner=eskilstuna-kommun"), "initiative")
    assert part and part <= whole


def test_focus_area_filter(client: FlaskClient) -> None:
    data = get_data(client, "?focus=nara-vard")
    focus = ID + "focus-area/nara-vard"
    for initiative in ids(data, "initiative"):
        assert edge(data, initiative, focus) is not None


# ---------------------------------------------------------------- neighbourhoods


def test_neighbourhood_depths(client: FlaskClient) -> None:
    sizes = []
    sets = []
    for depth in (1, 2, 3):
        data = get_data(client, f"?node=/id/initiative/maltider-och-moten&depth={depth}")
        sets.append(ids(data))
        sizes.append(len(data["nodes"]))
        assert data["centre"] == MEALS and data["view"]["node"] == "/id/initiative/maltider-och-moten"
    assert sizes[0] < sizes[1] <= sizes[2]
    assert sets[0] < sets[1] and sets[1] <= sets[2]
    assert MEALS in sets[0] and SDG + "2.2" in sets[0] and SDG + "2" not in sets[0]  # the goal is two steps away
    assert SDG + "2" in sets[1]


def test_neighbourhood_by_iri_and_of_a_hidden_node(client: FlaskClient) -> None:
    by_iri = get_data(client, "?node=" + MEALS)
    assert ids(by_iri) == ids(get_data(client, "?node=/id/initiative/maltider-och-moten"))
    hidden = get_data(client, "?node=/sdg/1.1")  # a target no initiative is linked to
    assert SDG + "1.1" in ids(hidden) and SDG + "1" in ids(hidden)
    assert hidden["notice"] == "hidden-node"


def test_neighbourhood_of_a_node_the_filters_leave_out(client: FlaskClient) -> None:
    data = get_data(client, "?status=idea&node=/id/initiative/maltider-och-moten")  # an ongoing pilot
    assert ids(data) == {MEALS} and data["notice"] == "outside-filter"
    html = client.get("/network?status=idea&node=/id/initiative/maltider-och-moten&lang=sv").get_data(as_text=True)
    assert "Filtren utesluter den valda noden" in html


def test_neighbourhood_library(store: ox.Store) -> None:
    one = network.neighbourhood(store, MEALS, 1)
    three = network.neighbourhood(store, MEALS, 3)
    assert {n["id"] for n in one["nodes"]} < {n["id"] for n in three["nodes"]}
    with pytest.raises(network.InvalidParameter):
        network.neighbourhood(store, MEALS, 4)


# ---------------------------------------------------------------- bad input: 400 with a clear message


@pytest.mark.parametrize(
    ("query", "parameter", "words"),
    [
        ("?goal=18", "goal", "18"),
        ("?goal=abc", "goal", "abc"),
        ("?status=dreaming", "status", "dreaming"),
        ("?partner=nobody", "partner", "nobody"),
        ("?focus=space", "focus", "space"),
        ("?perspective=x", "perspective", "x"),
        ("?node=/id/initiative/does-not-exist", "node", "does-not-exist"),
        ("?node=/sdg/3.4&depth=7", "depth", "7"),
        ("?depth=two", "depth", "two"),
        ("?all=maybe", "all", "maybe"),
        ("?node=/sdg/1&node=/sdg/2", "node", "node"),
    ],
)
def test_unknown_values_are_400(client: FlaskClient, query: str, parameter: str, words: str) -> None:
    response = client.get("/network/data.json" + query)
    assert response.status_code == 400
    body = response.get_json()
    assert body["parameter"] == parameter and words in body["error"]
    page = client.get("/network" + query)
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert 'role="alert"' in html and words in html and "Traceback" not in html
    assert "<form" in html  # the form is still there to correct the choice


def test_error_message_in_english(client: FlaskClient) -> None:
    body = client.get("/network/data.json?goal=18&lang=en").get_json()
    assert body["error"].startswith("Unknown value for goal")
    body = client.get("/network/data.json?goal=18&lang=sv").get_json()
    assert body["error"].startswith("Okänt värde för goal")


def test_unrelated_parameters_are_ignored(client: FlaskClient) -> None:
    assert get_data(client, "?utm_source=x&goal=")["counts"] == get_data(client)["counts"]


# ---------------------------------------------------------------- the page


def test_page_in_swedish(client: FlaskClient) -> None:
    response = client.get("/network?lang=sv")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    data = get_data(client)
    assert "<h1>Nätverksgraf</h1>" in html
    assert f"Visar {data['counts']['nodes']} noder och {data['counts']['edges']} kopplingar." in html
    # the canvas has an accessible name that says what it shows
    canvas = re.search(r'<div id="network"[^>]*>', html).group(0)
    assert f'aria-label="Nätverksgraf med {data["counts"]["nodes"]} noder' in canvas
    assert 'data-src="/network/data.json' in canvas
    # the form: a GET form with the filters, the neighbourhood chooser and depth, each with a label
    form = re.search(r'<form class="network-filters" method="get" action="/network">.*?</form>', html, re.S).group(0)
    for name in ("goal", "focus", "status", "partner", "perspective", "node", "depth"):
        assert f'name="{name}"' in form
        assert f'<label for="network-filter-{name}">' in form
    assert '<option value="/id/initiative/maltider-och-moten">Måltider och möten</option>' in form
    assert '<option value="idea">idé</option>' in form
    # the legend: shapes and names, and the edge styles
    assert "Teckenförklaring" in html and "Föreslagen koppling till delmål (streckad)" in html
    assert 'stroke-dasharray="6 4"' in html
    # the text version, collapsed
    details = re.search(r"<details class=\"network-text\">.*?</details>", html, re.S).group(0)
    assert '<a href="/id/initiative/maltider-och-moten">Måltider och möten</a>' in details
    assert "<caption>" in details and 'scope="col"' in details and "föreslagen, primär" in details


def test_page_in_english(client: FlaskClient) -> None:
    html = client.get("/network?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in html and "<h1>Network graph</h1>" in html
    assert "Showing " in html and " nodes and " in html
    assert "Proposed link to a target (dashed)" in html
    assert "Meals and meetings" in html or "Måltider och möten" in html
    assert "Zero hunger" in html
    data = client.get("/network/data.json").get_json()  # the language is remembered
    goal = next(n for n in data["nodes"] if n["id"] == SDG + "3")
    assert goal["label"] == "3 Good health and well-being"
    assert "proposed" in edge(data, MEALS, SDG + "2.2")["title"]


def test_page_reflects_the_filters(client: FlaskClient) -> None:
    html = client.get("/network?goal=2&status=ongoing&node=/id/initiative/maltider-och-moten&depth=2&all=1").get_data(
        as_text=True
    )
    assert '<option value="2" selected>' in html and '<option value="ongoing" selected>' in html
    assert '<option value="/id/initiative/maltider-och-moten" selected>' in html
    assert '<option value="2" selected>2</option>' in html  # the depth
    assert 'name="all" value="1" checked' in html
    data_src = re.search(r'data-src="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "goal=2" in data_src and "status=ongoing" in data_src and "depth=2" in data_src and "all=1" in data_src


def test_page_without_matches(client: FlaskClient) -> None:
    # a valid filter that no initiative matches: an empty graph, said in words
    html = client.get("/network?goal=14&lang=sv").get_data(as_text=True)  # no initiative serves goal 14
    assert "Visar 0 noder och 0 kopplingar." in html and "Inga noder matchar" in html


def test_only_local_scripts_and_styles(client: FlaskClient) -> None:
    html = client.get("/network").get_data(as_text=True)
    urls = re.findall(r'<script[^>]*\ssrc="([^"]*)"', html) + re.findall(
        r'<link[^>]*rel="stylesheet"[^>]*href="([^"]*)"', html
    )
    assert any("vis-network" in u for u in urls) and any(u.endswith("network.js") for u in urls)
    assert urls and all(u.startswith("/static/") for u in urls), urls
    assert "cdn" not in html.lower() and "unpkg" not in html and "jsdelivr" not in html
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        response.close()  # static files are streamed from an open file


def test_page_weight_under_2_mb(client: FlaskClient) -> None:
    html = client.get("/network").get_data()
    js = (STATIC / "network.js").read_bytes()
    total = len(html) + len(js) + VIS.stat().st_size
    assert total < 2_000_000, total


def test_vendored_vis_network() -> None:
    folder = VIS.parent
    assert VIS.stat().st_size > 100_000
    assert (folder / "LICENSE").is_file() and "MIT" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert (folder / "VERSION").read_text(encoding="utf-8").startswith("vis-network@")
    text = VIS.read_text(encoding="utf-8")
    assert "sourceMappingURL" not in text


def test_network_js_opens_node_pages() -> None:
    js = (STATIC / "network.js").read_text(encoding="utf-8")
    assert "window.location.href = node.url" in js
    assert "physics: { enabled: false }" in js  # the layout stops once stable


# ---------------------------------------------------------------- the cache


def test_base_is_computed_once_per_data(store: ox.Store, store_path: Path) -> None:
    first = network.network_base(store, "sv", path=store_path)
    assert network.network_base(store, "sv", path=store_path) is first
    assert network.network_base(store, "en", path=store_path) is not first
    view = network.View(goal=("2",))
    assert network.select_view(first, view) is network.select_view(first, view)  # answers are remembered


def test_cache_follows_changes_of_a_store_in_memory(store: ox.Store) -> None:
    memory = ox.Store()
    memory.bulk_extend(store.quads_for_pattern(None, None, None, None))
    before = network.network_base(memory, "sv")
    assert network.network_base(memory, "sv") is before
    # a new initiative linked to a focus area: the data changes, so does the graph
    initiative = ox.NamedNode(ID + "initiative/test-initiative")
    skk = "https://w3id.org/samhallskontraktet/ontology#"
    graph = ox.NamedNode("https://w3id.org/samhallskontraktet/graph/collaboration")
    memory.add(
        ox.Quad(
            initiative,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(skk + "Pilot"),
            graph,
        )
    )
    memory.add(ox.Quad(initiative, ox.NamedNode(skk + "focusArea"), ox.NamedNode(ID + "focus-area/nara-vard"), graph))
    after = network.network_base(memory, "sv")
    assert after is not before and initiative.value in after.nodes and initiative.value not in before.nodes


def test_every_text_of_the_page_exists_in_both_languages() -> None:
    from kg.texts import TEXTS

    template = (STATIC.parent / "templates" / "pages" / "network.html").read_text(encoding="utf-8")
    used = {key for key in re.findall(r"""\bt\(\s*["']([\w.-]+)["']""", template) if not key.endswith(".")}
    used |= {f"network.{name}" for name in network.FILTERS}
    used |= {f"network.type.{kind}" for kind in network.TYPE_ORDER}
    used |= {f"network.legend.{kind}" for kind in ("goal", "target", "indicator")}
    used |= {"network.notice.hidden-node", "network.notice.outside-filter"}
    assert len(used) > 40
    for key in used:
        assert TEXTS[key]["sv"] and TEXTS[key]["en"], key
    for key, value in TEXTS.items():
        if key.startswith("network."):
            assert set(value) == {"sv", "en"} and value["sv"] and value["en"], key


def test_a_graph_too_large_to_draw_is_listed_not_fetched(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import webapp.network

    monkeypatch.setattr(webapp.network, "MAX_DRAWN", 10)
    html = client.get("/network?lang=sv").get_data(as_text=True)
    canvas = re.search(r'<div id="network"[^>]*>', html).group(0)
    assert "data-src" not in canvas  # network.js does not fetch what it would not draw
    assert "för många noder för att ritas" in html and "Måltider och möten" in html  # the text version lists them
