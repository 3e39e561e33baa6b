"""The remote backend (kg.backends): a SPARQL 1.1 store reached over HTTP behind the interface the library uses.

Library: how a remote store is configured (URL and environment, or a `.toml` file with the password from the
environment) and refused with a clear message; how bound values reach a remote query (kg.sparqltext). Against
Virtuoso (tests/virtuoso.py, skipped when not installed): the remote store answers like the embedded one; updates
never pass through the read-only endpoint; an unreachable store is a 503, not a stack trace; and the product runs on
Virtuoso with one configuration file, the way a user starts it: `kg --store FILE build`, `kg --store FILE serve`, a
core team member's change over HTTP lands in Virtuoso and outlives a restart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from kg.backends import ConfigError, RemoteConfig, location
from kg.backends.remote import RemoteStore, StoreUnavailable
from kg.namespaces import CURATED_GRAPHS, PUBLIC_GRAPHS, SKK
from kg.sparqltext import BindingError, query_form, where_group, with_values
from kg.store import open_store
from tests import backends
from tests.conftest import free_port, start_server, stop_server
from tests.editing import MEMBER, PASSWORD, accounts_file
from tests.virtuoso import Virtuoso
from webapp import ConfigurationError, create_app

INITIATIVE = "https://w3id.org/samhallskontraktet/id/initiative/maltider-och-moten"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

# ---------------------------------------------------------------- configuration


def test_a_url_is_a_remote_store_configured_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE_UPDATE", "http://db.example:8890/sparql-auth")
    monkeypatch.setenv("KG_STORE_USER", "kg")
    monkeypatch.setenv("KG_STORE_PASSWORD", "s3cret-from-env")
    monkeypatch.setenv("KG_STORE_AUTH", "digest")
    where = location("http://db.example:8890/sparql")
    assert isinstance(where, RemoteConfig)
    assert (where.query, where.update_endpoint, where.user, where.auth) == (
        "http://db.example:8890/sparql",
        "http://db.example:8890/sparql-auth",
        "kg",
        "digest",
    )
    assert where.password == "s3cret-from-env"
    assert "s3cret" not in repr(where)  # never in a log line or an error message
    assert location("var/store") == Path("var/store")  # a folder: the embedded store


def test_a_config_file_takes_its_password_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.toml"
    path.write_text(
        '[store]\nquery = "http://db.example/sparql"\ngraph_store = "http://db.example/gsp"\n'
        'user = "kg"\npassword_env = "MY_DB_PASSWORD"\ngraphs = ["http://example.org/extra"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="MY_DB_PASSWORD"):
        location(str(path))
    monkeypatch.setenv("MY_DB_PASSWORD", "from-env")
    where = location(str(path))
    assert where.password == "from-env" and where.graphs == ("http://example.org/extra",)
    assert where.graph_store == "http://db.example/gsp" and where.update_endpoint == "http://db.example/sparql"


@pytest.mark.parametrize(
    "text,expected",
    [
        ('query = "http://x/sparql"\n', "[store]"),
        ('[store]\nquery = "ftp://x/sparql"\n', "http(s)"),
        ('[store]\nquery = "http://x/sparql"\npasword = "typo"\n', "pasword"),
        ('[store]\nquery = "http://x/sparql"\nauth = "kerberos"\n', "basic or digest"),
        ('[store]\nquery = "http://x/sparql"\ntimeout = "soon"\n', "seconds"),
        ("[store\n", "TOML"),
    ],
)
def test_a_bad_config_file_is_refused_with_the_reason(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "store.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(expected)):
        location(str(path))
    with pytest.raises(ConfigurationError, match=re.escape(expected)):
        create_app({"KG_STORE": str(path), "SECRET_KEY": "test", "TESTING": True})
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "--store", str(path), "stats"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0 and expected in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- bound values in a remote query


def test_values_are_bound_at_the_start_of_the_outer_where_group() -> None:
    query = (
        "PREFIX ex: <http://example.org/vocab#where>\n# a comment with { and WHERE\n"
        'SELECT ?where ("{ WHERE" AS ?text) WHERE { ?where ex:p ?x . { SELECT ?x WHERE { ?x ?p ?o } } }'
    )
    bound = with_values(query, {"x": ox.Literal('a "quoted" }\nline', language="sv")})
    opened = query.index("WHERE { ?where") + len("WHERE {")
    assert bound[:opened] == query[:opened]
    assert bound[opened:].lstrip().startswith('VALUES (?x) { ("a \\"quoted\\" }\\nline"@sv) }')
    assert ox.Store().query(bound) is not None  # still one valid query
    assert where_group("ASK { ?s ?p ?o }") == 5 and where_group("DESCRIBE <http://x>") is None
    assert query_form("PREFIX select: <http://x#> CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT"


def test_a_sub_select_that_uses_a_bound_variable_gets_it_too() -> None:
    """As pyoxigraph's substitutions replace a variable everywhere, sub-selects included; a sub-select that does not
    use it is left alone (Virtuoso loses rows when VALUES precedes some patterns, e.g. `rdfs:subClassOf*`)."""
    query = (
        "SELECT ?r ?t WHERE { { SELECT DISTINCT ?r ?t WHERE { ?t ?p ?r } } "
        "{ SELECT ?k WHERE { ?k rdfs:subClassOf* ?c } LIMIT 10 } }"
    )
    bound = with_values(query, {"r": ox.NamedNode("http://example.org/r")})
    assert bound.count("VALUES (?r) { (<http://example.org/r>) }") == 2
    assert "{ SELECT ?k WHERE { ?k rdfs:subClassOf*" in bound


def test_only_iris_and_literals_can_be_bound() -> None:
    with pytest.raises(BindingError):
        with_values("SELECT * WHERE { ?s ?p ?o }", {"s": ox.BlankNode("b")})
    with pytest.raises(BindingError):
        with_values("DESCRIBE <http://x>", {"s": ox.NamedNode("http://x")})


# ---------------------------------------------------------------- against Virtuoso


@pytest.fixture(scope="module")
def remote(virtuoso: Virtuoso, store_path: Path) -> RemoteStore:
    """Virtuoso holding the built dataset, reached the way the product reaches it."""
    config = backends.remote_config(virtuoso)
    backends.load_built(config, store_path)
    return open_store(config)


def _quads(quads) -> Counter:
    return Counter(str(q) for q in quads)


def test_the_remote_store_answers_like_the_embedded_one(remote: RemoteStore, store_path: Path) -> None:
    embedded = open_store(store_path)
    assert len(remote) == len(embedded)
    assert {g.value for g in remote.named_graphs()} == {g.value for g in embedded.named_graphs()}
    node, graph = ox.NamedNode(INITIATIVE), ox.NamedNode(PUBLIC_GRAPHS["collaboration"])
    for pattern in [
        (node, None, None, None),
        (None, TYPE, ox.NamedNode(SKK + "Pilot"), None),
        (node, None, None, graph),
        (None, None, ox.Literal("Måltider och möten", language="sv"), None),
    ]:
        assert _quads(remote.quads_for_pattern(*pattern)) == _quads(embedded.quads_for_pattern(*pattern)), pattern
    construct = f"CONSTRUCT {{ <{INITIATIVE}> ?p ?o }} WHERE {{ <{INITIATIVE}> ?p ?o }}"
    assert Counter(map(str, remote.query(construct, use_default_graph_as_union=True))) == Counter(
        map(str, embedded.query(construct, use_default_graph_as_union=True))
    )
    assert bool(remote.query("ASK { FILTER(false) }")) is False  # Virtuoso says it with an empty row set
    assert bool(remote.query(f"ASK {{ <{INITIATIVE}> ?p ?o }}", use_default_graph_as_union=True)) is True


def test_bound_values_select_the_same_rows(remote: RemoteStore, store_path: Path) -> None:
    from kg.queries import run_named

    embedded = open_store(store_path)
    for name, bindings in [("links-of-initiative", {"initiative": INITIATIVE}), ("initiatives-per-target", {})]:
        expected = run_named(embedded, name, bindings)
        assert expected, name
        assert Counter(map(repr, run_named(remote, name, bindings))) == Counter(map(repr, expected)), name


def test_updates_never_pass_through_the_read_only_endpoint(remote: RemoteStore) -> None:
    before = len(remote)
    insert = f'INSERT DATA {{ GRAPH <{CURATED_GRAPHS["curation"]}> {{ <{INITIATIVE}> <{SKK}note> "x" }} }}'
    with pytest.raises(SyntaxError):
        remote.query(insert)
    app = create_app({"KG_STORE": remote.config, "SECRET_KEY": "test", "TESTING": True})
    try:
        for method in ("get", "post"):
            answer = getattr(app.test_client(), method)("/sparql", query_string={"query": insert})
            assert answer.status_code == 400, answer.get_data(as_text=True)
        answer = app.test_client().post("/sparql", data=insert, content_type="application/sparql-update")
        assert answer.status_code in (400, 403, 415)  # the endpoint takes no updates
    finally:
        app.extensions["kg"].close()
    assert len(remote) == before


def test_an_unreachable_store_is_a_clear_503(tmp_path: Path) -> None:
    config = RemoteConfig(query=f"http://127.0.0.1:{free_port()}/sparql", timeout=5)
    with pytest.raises(StoreUnavailable):
        len(open_store(config))
    app = create_app({"KG_STORE": config, "SECRET_KEY": "test", "TESTING": True, "SPARQL_WORKERS": 1})
    try:
        client = app.test_client()
        page = client.get("/", headers={"Accept": "text/html"})
        assert page.status_code == 503 and page.headers["Retry-After"]
        assert "Grafdatabasen svarar inte" in page.get_data(as_text=True)
        answer = client.get("/sparql", query_string={"query": "ASK {}"})
        assert answer.status_code == 503 and "does not answer" in answer.get_data(as_text=True)
    finally:
        app.extensions["kg"].close()


# ---------------------------------------------------------------- the product on Virtuoso, started like a user


def _log_in(url: str) -> requests.Session:
    session = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(url + "login").text).group(1)
    answer = session.post(
        url + "login", data={"csrf_token": token, "username": MEMBER, "password": PASSWORD}, allow_redirects=False
    )
    assert answer.status_code == 303, answer.text[:300]
    return session


def _selected(virtuoso: Virtuoso, reason: str) -> dict[str, int]:
    """Straight from Virtuoso (not through kg): the selection of 3.4 with this reason, and its decision."""
    query = f"""SELECT (COUNT(DISTINCT ?selection) AS ?current) (COUNT(DISTINCT ?decision) AS ?decisions) WHERE {{
      {{ GRAPH <{CURATED_GRAPHS["curation"]}> {{ ?selection <{SKK}target> <http://metadata.un.org/sdg/3.4> ;
                                                          <{SKK}reason> ?r }} FILTER(STR(?r) = "{reason}") }}
      UNION {{ GRAPH <{CURATED_GRAPHS["history"]}> {{ ?decision <{SKK}reason> ?d }} FILTER(STR(?d) = "{reason}") }}
    }}"""
    answer = requests.post(
        virtuoso.sparql, data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=30
    )
    row = answer.json()["results"]["bindings"][0]
    return {key: int(row[key]["value"]) for key in ("current", "decisions")}


def test_the_product_runs_on_virtuoso_with_one_config_file(
    virtuoso_editing: Virtuoso, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    config = backends.remote_config(virtuoso_editing)
    path, env = backends.config_file(config, tmp_path)
    open_store(config).replace_graphs([], sorted(PUBLIC_GRAPHS.values()))  # an empty server, as a new user has
    environment = {**os.environ, **env}
    built = subprocess.run(
        [sys.executable, "-m", "kg.cli", "--store", str(path), "build"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert config.password not in built.stdout + built.stderr
    accounts_file(tmp_path)
    reason = "Vald i testet mot Virtuoso " + tmp_path.name
    server = start_server(path, tmp_path, "--workers", "1", env=env)
    try:
        assert "Samhällskontraktet" in requests.get(server.url, timeout=30).text
        session = _log_in(server.url)
        html = session.get(server.url + "sdg/3.4").text
        form = {
            "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),
            "version": re.search(r'name="version" value="([^"]*)"', html).group(1),
            "focus_area": re.search(r'name="focus_area">\s*<option value="([^"]+)"', html).group(1),
            "target": "3.4",
            "action": "select",
            "reason": reason,
            "next": "/sdg/3.4",
        }
        answer = session.post(server.url + "edit/selection", data=form, allow_redirects=False, timeout=60)
        assert answer.status_code == 303, answer.text[:500]
        assert _selected(virtuoso_editing, reason) == {"current": 1, "decisions": 1}  # it landed in Virtuoso
        assert reason in requests.get(server.url + "sdg/3.4", timeout=30).text  # and the public page shows it
    finally:
        stop_server(server)
    server = start_server(path, tmp_path, "--workers", "1", env=env)  # a restart keeps it: it lives in Virtuoso
    try:
        found = requests.get(
            server.sparql,
            params={"query": f'ASK {{ ?s <{SKK}reason> "{reason}"@sv }}'},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert found.json()["boolean"] is True
        log = (tmp_path / "server.log").read_text(errors="replace")
        assert config.password not in log and "Traceback" not in log
    finally:
        stop_server(server)
