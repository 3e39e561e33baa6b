"""One resource, one context: every kind of page in the routing table (webapp/routes.py) answers as HTML, as JSON
(`Accept: application/json` or `.json` after the path) and as RDF, the JSON and the HTML show the same things, the
HTML names the other forms in `Link` headers that stay on this site, 404 is 404 in every form, and the JSON holds
nothing that only a logged-in member sees."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

import pytest
import rdflib
from flask import Flask
from flask.testing import FlaskClient

from kg.namespaces import ID
from kg.privacy import contact_data
from tests.editing import DISPLAY, agent, log_in
from webapp.routes import ROUTES

Probe = Callable[[dict[str, Any]], list[str]]


def label_texts(items: list[dict[str, Any]], key: str = "label") -> list[str]:
    return [item[key]["text"] if isinstance(item[key], dict) else item[key] for item in items]


#: kind -> (path of an example page, what its JSON context holds that its HTML must show too)
EXAMPLES: dict[str, tuple[str, Probe]] = {
    "home": ("/", lambda c: [t["short"]["text"] for t in c["page"]["tiles"]]),
    "goals": ("/goals", lambda c: [t["code"] for g in c["page"]["goals"] for t in g["targets"]]),
    "goal": (
        "/sdg/3",
        lambda c: (
            [c["page"]["goal"]["title"]["text"]] + [k["name"]["text"] for t in c["page"]["targets"] for k in t["links"]]
        ),
    ),
    "target": (
        "/sdg/3.4",
        lambda c: [c["page"]["target"]["text"]["text"]] + [k["name"]["text"] for k in c["page"]["links"]],
    ),
    "indicator": ("/sdg/C030401", lambda c: [c["page"]["identifier"], c["page"]["text"]["text"]]),
    "initiatives": (
        "/initiatives",
        lambda c: [i["label"]["text"] for g in c["page"]["groups"] for i in g["initiatives"]],
    ),
    "initiative": (
        "/id/initiative/maltider-och-moten",
        lambda c: (
            [c["page"]["label"]["text"], *label_texts(c["page"]["focus_areas"])]
            + [k["code"] for k in c["page"]["links"]]
        ),
    ),
    "partners": (
        "/partners",
        lambda c: [e["ref"]["label"]["text"] for e in c["page"]["collaborations"] + c["page"]["parties"]],
    ),
    "organisation": (
        "/id/organisation/samhallskontraktet",
        lambda c: [c["page"]["label"]["text"], *(v["text"] for v in c["page"]["vision"])],
    ),
    "focus-area": ("/id/focus-area/nara-vard", lambda c: [c["page"]["label"]["text"]]),
    "perspective": ("/id/perspective/trygghet", lambda c: [c["page"]["label"]["text"]]),
    "function": ("/id/function/samhallsforum", lambda c: [c["page"]["label"]["text"]]),
    "theme": ("/id/theme/valmaende-sjalvstandiga-aldre", lambda c: [c["page"]["label"]["text"]]),
    "challenge": ("/id/challenge/egenvard", lambda c: [c["page"]["label"]["text"]]),
    "event": (
        "/id/event/oppen-verkstad-2024-03-15",
        lambda c: [c["page"]["label"]["text"], c["page"]["when"], c["page"]["locality"]],
    ),
    "resource": ("/id/person/helene-ohrlind", lambda c: [c["view"]["label"]]),
    "overviews": ("/overviews/", lambda c: [o["title"] for o in c["overviews"]]),
    "initiatives-goals": ("/overviews/initiatives-goals", lambda c: label_texts(c["matrix"]["rows"][:5], "label")),
    "partners-goals": ("/overviews/partners-goals", lambda c: label_texts(c["matrix"]["rows"][:5], "label")),
    "gaps": ("/overviews/gaps", lambda c: label_texts(c["gaps"]["initiatives_without_confirmed"][:10])),
    "budget": ("/overviews/budget", lambda c: c["budget"]["discrepancies"]),
    "search": (
        "/search?q=ensamhet",
        lambda c: [
            c["query"],
            *("".join(s[0] for s in h["name"]) for g in c["results"]["groups"] for h in g["hits"] if h["name"]),
        ],
    ),
    "network": ("/network?goal=3", lambda c: [n["label"] for n in c["data"]["nodes"][:10]]),
    "analysis": ("/analysis/", lambda c: [str(len(c["figures"]["networks"][0]["nodes"]))]),
    "analysis-partners": (
        "/analysis/partners",
        lambda c: [n["name"] for n in c["figures"]["networks"][0]["nodes"][:5]],
    ),
    "analysis-goals": (
        "/analysis/goals?links=all",
        lambda c: [b["name"] for b in c["figures"]["bridges"]["initiatives"][:5]],
    ),
    "report": ("/report", lambda c: [i["label"] for i in c["report"]["initiatives"][:10]]),
    "report-focus-area": (
        "/report/nara-vard",
        lambda c: [c["report"]["area"]["label"], *(i["label"] for i in c["report"]["initiatives"][:10])],
    ),
}
KINDS = list(EXAMPLES)


def iris(value: Any) -> list[str]:
    """Every `iri` in a JSON value."""
    if isinstance(value, dict):
        own = [value["iri"]] if isinstance(value.get("iri"), str) else []
        return own + [i for item in value.values() for i in iris(item)]
    if isinstance(value, list):
        return [i for item in value for i in iris(item)]
    return []


def with_suffix(path: str, suffix: str) -> str:
    """`/initiatives?x=1` -> `/initiatives.json?x=1`; `/` -> `/index.json`; `/overviews/` -> `/overviews.json`."""
    path, question, query = path.partition("?")
    stem = "/index" if path == "/" else path.rstrip("/")
    return f"{stem}.{suffix}{question}{query}"


def visible(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_every_kind_of_page_in_the_table_is_tested() -> None:
    assert {page.kind for page in ROUTES} == set(EXAMPLES)


def test_the_table_is_the_routing(app: Flask) -> None:
    """Each page with a rule is at that rule (and at its suffixes) under the table's endpoint, and nothing of the
    page modules registers routes by being imported."""
    import webapp.analysis
    import webapp.overviews
    import webapp.pages

    rules: dict[str, str] = {rule.rule: rule.endpoint for rule in app.url_map.iter_rules()}
    for page in ROUTES:
        if page.rule is not None:
            assert rules[page.rule] == page.endpoint, page.kind
            assert page.view.__module__.startswith("webapp.") and page.template.endswith(".html")
    forms = "<any('json','ttl','jsonld','nt','rdf'):form>"
    assert rules[f"/initiatives.{forms}"] == "entities.initiatives" and rules[f"/index.{forms}"] == "pages.home"
    for module in (webapp.pages, webapp.overviews, webapp.analysis):
        assert not hasattr(module, "bp"), module.__name__


def test_the_table_names_each_builder_where_it_is_defined_and_its_queries_are_one_hop_away() -> None:
    """A reader goes from a row to the builder's module, and from there to its queries (kg/queries/<module path>/)
    or to the readings its docstring names: the table writes each builder by the module that defines it."""
    import ast
    import importlib
    from pathlib import Path

    from kg.queries import owners

    source = Path(importlib.import_module("webapp.routes").__file__).read_text(encoding="utf-8")
    written = [
        ast.unparse(call.args[3])
        for call in ast.walk(ast.parse(source))
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Page" and len(call.args) > 3
    ]
    assert len(written) == len(ROUTES)
    for page, name in zip(ROUTES, written, strict=True):
        if page.build is None:
            continue
        module = page.build.__module__
        assert name == f"{module}.{page.build.__name__}", f"{page.kind}: write {module}.{page.build.__name__}"
        doc = importlib.import_module(module).__doc__ or ""
        assert module in owners() or "kg/queries/" in doc, f"{module} owns no queries and names none"


@pytest.mark.parametrize("kind", KINDS)
def test_html_json_and_rdf_of_every_kind_of_page(client: FlaskClient, kind: str) -> None:
    path, probe = EXAMPLES[kind]
    page = client.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html", (path, page.status_code)
    by_accept = client.get(path, headers={"Accept": "application/json"})
    by_suffix = client.get(with_suffix(path, "json"), headers={"Accept": "text/html"})
    for response in (by_accept, by_suffix):
        assert response.status_code == 200 and response.mimetype == "application/json", path
    found = by_suffix.get_json()
    assert found["kind"] == kind and found["lang"] == "sv"
    again = by_accept.get_json()["context"]
    assert {k: v for k, v in again.items() if k != "made"} == {k: v for k, v in found["context"].items() if k != "made"}
    assert "Accept" in by_accept.headers["Vary"]
    shown = probe(found["context"])
    assert shown and all(shown), (kind, shown)
    text = visible(page)
    missing = [value for value in shown if value not in text]
    assert not missing, f"{path}: the JSON has what the page does not show: {missing[:5]}"

    turtle = client.get(with_suffix(path, "ttl"))
    assert turtle.status_code == 200 and turtle.mimetype == "text/turtle", path
    graph = rdflib.Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    if found["iri"]:  # a resource's page: what the graph says about the resource
        assert (rdflib.URIRef(found["iri"]), None, None) in graph
    elif kind != "overviews":  # a list page: the resources it names, with their kinds and names
        named = (
            found["context"]["data"]["nodes"][0]["id"]
            if kind == "network"
            else next(iri for iri in iris(found["context"]) if iri.startswith(("http://", "https://")))
        )
        assert (rdflib.URIRef(named), rdflib.RDF.type, None) in graph, named
    jsonld = client.get(path, headers={"Accept": "application/ld+json"})
    assert jsonld.status_code == 200 and jsonld.mimetype == "application/ld+json", path
    assert len(rdflib.Graph().parse(data=jsonld.get_data(as_text=True), format="json-ld")) == len(graph)
    for suffix, media_type in (("nt", "application/n-triples"), ("rdf", "application/rdf+xml")):
        response = client.get(with_suffix(path, suffix))
        assert response.status_code == 200 and response.mimetype == media_type, (path, suffix)


@pytest.mark.parametrize("kind", KINDS)
def test_the_html_names_its_other_forms(client: FlaskClient, kind: str) -> None:
    path, _ = EXAMPLES[kind]
    response = client.get(path, headers={"Accept": "text/html"})
    links = response.headers["Link"]
    for suffix, media_type in (("json", "application/json"), ("ttl", "text/turtle"), ("jsonld", "application/ld+json")):
        assert f'<{with_suffix(path, suffix)}>; rel="alternate"; type="{media_type}"' in links, (path, links)
    assert f'<link rel="alternate" type="application/json" href="{html.escape(with_suffix(path, "json"))}">' in (
        response.get_data(as_text=True)
    )
    target = links.split(">", 1)[0].lstrip("<")
    assert client.get(target).status_code == 200  # the form it names is there


def test_the_json_keeps_the_query_of_a_list(client: FlaskClient) -> None:
    everything = client.get("/initiatives.json").get_json()["context"]["page"]
    pilots = client.get("/initiatives.json?kind=pilot").get_json()["context"]["page"]
    assert pilots["kind"] == "pilot" and 0 < pilots["shown"] < everything["shown"]
    kinds = {i["kind_key"] for g in pilots["groups"] for i in g["initiatives"]}
    assert kinds == {"pilot"}
    page = client.get("/initiatives?kind=pilot", headers={"Accept": "text/html"})
    assert '</initiatives.json?kind=pilot>; rel="alternate"' in page.headers["Link"]
    english = client.get("/sdg/3.json?lang=en").get_json()
    assert english["lang"] == "en" and english["context"]["page"]["goal"]["title"]["lang"] == "en"


def test_application_json_is_the_context_and_ld_json_the_rdf(client: FlaskClient) -> None:
    path = "/id/initiative/maltider-och-moten"
    assert client.get(path, headers={"Accept": "application/json"}).get_json()["kind"] == "initiative"
    assert client.get(path, headers={"Accept": "application/ld+json"}).mimetype == "application/ld+json"
    assert client.get(path, headers={"Accept": "*/*"}).mimetype == "text/html"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get(path, headers={"Accept": browser}).mimetype == "text/html"


@pytest.mark.parametrize(
    "path",
    [
        "/id/initiative/finns-inte",
        "/sdg/99",
        "/sdg/3.99",
        "/id/organisation/finns-inte",
        "/report/finns-inte",
        "/initiatives?page=999",
        "/overviews/gaps?page=999",
    ],
)
def test_404_is_404_in_every_form(client: FlaskClient, path: str) -> None:
    assert client.get(path, headers={"Accept": "text/html"}).status_code == 404
    for response in (client.get(with_suffix(path, "json")), client.get(path, headers={"Accept": "application/json"})):
        assert response.status_code == 404 and response.mimetype == "application/json", path
        error = response.get_json()["error"]
        assert error["status"] == 404 and error["sv"] == "Sidan finns inte" and error["en"] == "Not found"
    for suffix in ("ttl", "jsonld", "nt"):
        assert client.get(with_suffix(path, suffix)).status_code == 404, (path, suffix)


def test_a_bad_request_is_a_clear_json_error(client: FlaskClient) -> None:
    response = client.get("/initiatives.json?page=x")
    assert response.status_code == 400 and response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["sv"] and error["en"] and error["detail"]
    assert "Traceback" not in response.get_data(as_text=True)


def test_the_link_header_stays_on_this_site(client: FlaskClient) -> None:
    response = client.get("/search?q=a%0D%0ALocation:%20//evil.example", headers={"Accept": "text/html"})
    links = response.headers["Link"]
    assert "\r" not in links and "\n" not in links
    for part in links.split(", <"):
        href = part.lstrip("<").split(">", 1)[0]
        assert href.startswith("/search.") and not href.startswith("//"), href


def test_the_json_holds_no_member_only_data(edit_app: Flask) -> None:
    """A logged-in member sees editing controls and display names on the page; the JSON is the public one."""
    visitor = edit_app.test_client()
    cur = edit_app.extensions["kg"].curation
    cur.select_target("3.4", "Viktigt för samverkan.", ID + "focus-area/nara-vard", agent(edit_app))
    public = visitor.get("/sdg/3.4.json").get_json()
    member = log_in(edit_app.test_client())
    page = member.get("/sdg/3.4", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert DISPLAY in page and "csrf_token" in page  # the member's page has them
    seen = member.get("/sdg/3.4.json")
    body = seen.get_data(as_text=True)
    assert seen.get_json() == public  # the same as a visitor's
    assert DISPLAY not in body and "csrf" not in body.lower() and '"edit"' not in body
    history = public["context"]["history"]
    assert history["total"] >= 1 and history["entries"][0]["reason"] == "Viktigt för samverkan."
    assert all("agent" not in entry and "who" not in entry for entry in history["entries"])


@pytest.mark.parametrize("kind", KINDS)
def test_the_json_has_no_contact_data(client: FlaskClient, kind: str) -> None:
    path, _ = EXAMPLES[kind]
    body = client.get(with_suffix(path, "json")).get_data(as_text=True)
    assert contact_data(json.dumps(json.loads(body), ensure_ascii=False)) == []
