"""Nothing is lost under restart, crash or concurrent edits — against the real server (`kg serve` in a subprocess,
logged in over HTTP like a browser): issue 5, items 5 and the "Done when".

How: a member's session makes a burst of changes (each POST answered 303 is committed); the server is killed with
SIGKILL at a random moment, started again on the same store, and every change it had answered 303 must be in the
history (queried over /sparql) with the current state at the last committed change or the one in flight."""

from __future__ import annotations

import os
import random
import re
import signal
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import LiveServer, start_server, stop_server
from tests.editing import MEMBER, OTHER, OTHER_PASSWORD, PASSWORD, accounts_file, copy_store

TARGET = "3.4"
REASONS = """PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?reason WHERE { GRAPH <https://w3id.org/samhallskontraktet/graph/history> {
  ?decision a skk:Decision ; skk:reason ?reason } }"""
CURRENT = """PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#>
SELECT ?reason WHERE { <https://w3id.org/samhallskontraktet/id/selection/3.4> skk:reason ?reason }"""


def log_in(server: LiveServer, name: str = MEMBER, password: str = PASSWORD) -> requests.Session:
    session = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(server.url + "login").text).group(1)
    answer = session.post(
        server.url + "login", data={"csrf_token": token, "username": name, "password": password}, allow_redirects=False
    )
    assert answer.status_code == 303, answer.text[:300]
    return session


def form_of(session: requests.Session, server: LiveServer) -> dict[str, str]:
    """The selection form on the target page as a browser sees it: token, version, first focus area."""
    html = session.get(server.url + "sdg/" + TARGET).text
    return {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),
        "version": re.search(r'name="version" value="([^"]*)"', html).group(1),
        "focus_area": re.search(r'name="focus_area">\s*<option value="([^"]+)"', html).group(1),
    }


def select(session: requests.Session, server: LiveServer, form: dict[str, str], reason: str) -> requests.Response:
    data = {**form, "target": TARGET, "action": "select", "reason": reason, "next": "/sdg/" + TARGET}
    return session.post(server.url + "edit/selection", data=data, allow_redirects=False, timeout=30)


def sparql(server: LiveServer, query: str) -> list[str]:
    answer = requests.get(
        server.sparql, params={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return [row["reason"]["value"] for row in answer.json()["results"]["bindings"]]


@pytest.fixture
def served(store_path: Path, tmp_path: Path):
    store = copy_store(store_path, tmp_path)
    accounts_file(tmp_path)  # tmp_path/accounts.json, which start_server points KG_ACCOUNTS at
    servers: list[LiveServer] = []

    def start() -> LiveServer:
        servers.append(start_server(store, tmp_path, "--workers", "1"))
        return servers[-1]

    yield start
    for server in servers:
        if server.process.poll() is None:
            stop_server(server)


def test_changes_answered_as_saved_survive_kill_9_of_the_server(served) -> None:
    rng = random.Random()
    committed: list[str] = []
    in_flight: list[str] = []
    for round_ in range(3):
        server = served()
        session = log_in(server)
        form = form_of(session, server)

        def burst(
            server: LiveServer = server, session: requests.Session = session, form: dict = form, round_: int = round_
        ) -> None:
            for i in range(10_000):
                reason = f"Runda {round_}, ändring {i}."
                in_flight[:] = [reason]
                try:
                    answer = select(session, server, form, reason)
                except requests.RequestException:
                    return
                if answer.status_code != 303:
                    return
                committed.append(reason)
                form["version"] = str(int(form["version"]) + 1 if form["version"].isdigit() else 0)

        worker = threading.Thread(target=burst)
        worker.start()
        time.sleep(rng.uniform(0.5, 2.0))
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait()
        worker.join(timeout=60)
        assert committed, "no change was committed before the kill"

        again = served()
        history = set(sparql(again, REASONS))
        lost = [reason for reason in committed if reason not in history]
        assert not lost, f"{len(lost)} changes answered 303 are missing after kill -9: {lost[:3]}"
        assert sparql(again, CURRENT)[0] in {committed[-1], *in_flight}
        stop_server(again)


def test_a_restart_keeps_the_changes_and_the_public_page_shows_them(served) -> None:
    server = served()
    session = log_in(server)
    assert select(session, server, form_of(session, server), "Valt före omstarten.").status_code == 303
    stop_server(server)
    again = served()
    assert "Valt före omstarten." in requests.get(again.url + "sdg/" + TARGET, timeout=30).text


def test_two_members_saving_the_same_version_at_once_one_conflict_nothing_lost(served) -> None:
    server = served()
    anna, bertil = log_in(server), log_in(server, OTHER, OTHER_PASSWORD)
    forms = [form_of(anna, server), form_of(bertil, server)]
    assert forms[0]["version"] == forms[1]["version"]
    answers: dict[str, requests.Response] = {}
    barrier = threading.Barrier(2)

    def save(name: str, session: requests.Session, form: dict[str, str]) -> None:
        barrier.wait()
        answers[name] = select(session, server, form, f"Skäl från {name}.")

    threads = [
        threading.Thread(target=save, args=("anna", anna, forms[0])),
        threading.Thread(target=save, args=("bertil", bertil, forms[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(a.status_code for a in answers.values()) == [303, 409]
    loser = next(name for name, a in answers.items() if a.status_code == 409)
    winner = next(name for name, a in answers.items() if a.status_code == 303)
    assert "Någon annan har redan ändrat detta" in answers[loser].text
    assert f"Skäl från {loser}.</textarea>" in answers[loser].text  # what they typed is not lost
    assert sparql(server, CURRENT) == [f"Skäl från {winner}."]
    assert f"Skäl från {loser}." not in sparql(server, REASONS)
