"""The real server (`kg serve` on waitress) answers over HTTP: limits and robustness that need a live server."""

from __future__ import annotations

import threading

import requests

from .conftest import LiveServer

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_serves_queries(live_server: LiveServer) -> None:
    response = requests.get(
        live_server.sparql,
        params={"query": "ASK { <http://metadata.un.org/sdg/3.4> ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=10,
    )
    assert response.status_code == 200
    assert response.json() == {"head": {}, "boolean": True}
    assert response.headers["Server"] == "kg"  # waitress, not Flask's development server


def test_a_query_over_the_time_limit_is_stopped_while_others_are_served(live_server: LiveServer) -> None:
    results: dict[str, requests.Response] = {}

    def slow() -> None:
        results["slow"] = requests.get(live_server.sparql, params={"query": SLOW}, timeout=30)

    thread = threading.Thread(target=slow)
    thread.start()
    quick = requests.get(live_server.sparql, params={"query": "ASK {}"}, timeout=10)
    assert quick.status_code == 200
    thread.join()
    assert results["slow"].status_code == 503
    assert "time limit" in results["slow"].text and "tidsgränsen" in results["slow"].text
    after = requests.get(live_server.sparql, params={"query": "ASK {}"}, timeout=10)
    assert after.status_code == 200  # the stopped worker was replaced


def test_select_results_over_the_row_limit_are_cut_and_flagged(live_server: LiveServer) -> None:
    response = requests.get(
        live_server.sparql,
        params={"query": "SELECT * WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,  # all 8,400 rows are read before they are cut (Virtuoso: seconds on a busy machine)
    )
    assert response.status_code == 200
    data = response.json()
    assert len(data["results"]["bindings"]) == 1000
    assert data["truncated"] is True
    assert response.headers["X-SPARQL-Truncated"] == "rows=1000"
