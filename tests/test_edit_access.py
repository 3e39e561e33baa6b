"""Nobody but a logged-in core team member can change anything (issue 5, items 1 and the tests): every editing
route, found in the app's URL map (so a new one is covered without touching this file), GET and POST, with no
token, a forged token and a token of another session, answers a visitor 401 and changes nothing."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.curation import HISTORY
from tests.editing import log_in, token

FORM = {
    "target": "3.4",
    "action": "select",
    "reason": "Skäl.",
    "version": "new",
    "status": "confirmed",
    "link": "https://w3id.org/samhallskontraktet/id/link/maltider-och-moten--3.4",
    "relevance": "primary",
    "rationale": "Motivering.",
    "initiative": "https://w3id.org/samhallskontraktet/id/initiative/salus-mea",
    "decision": "https://w3id.org/samhallskontraktet/id/decision/0",
    "name_sv": "Nytt",
    "name_en": "New",
}


def editing_rules(app: Flask) -> list[tuple[str, set[str]]]:
    rules = [
        (rule.rule, set(rule.methods or ()) - {"HEAD", "OPTIONS"})
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("curate.")
    ]
    return sorted(rules)


def url(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?\w+>", "x", rule)


def size(app: Flask) -> tuple[int, int]:
    store = app.extensions["kg"].store
    import pyoxigraph as ox

    return len(store), len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(HISTORY))))


def test_the_editing_routes_all_live_under_edit(edit_app: Flask) -> None:
    rules = editing_rules(edit_app)
    assert any(path == "/edit/selection" for path, _ in rules)
    assert all(path.startswith("/edit/") for path, _ in rules)


def test_a_visitor_reaches_no_editing_action_with_or_without_a_token(edit_app: Flask) -> None:
    before = size(edit_app)
    other = edit_app.test_client()
    stolen = token(other)  # a real token, but of another session
    failures = []
    for rule, methods in editing_rules(edit_app):
        for method in sorted(methods):
            for label, extra in (
                ("no token", {}),
                ("forged token", {"csrf_token": "forged"}),
                ("other session's token", {"csrf_token": stolen}),
            ):
                if method == "GET" and extra:
                    continue
                visitor = edit_app.test_client()
                response = visitor.open(
                    url(rule), method=method, data={**FORM, **extra}, query_string=FORM if method == "GET" else None
                )
                plain = edit_app.test_client().open(
                    url(rule), method=method, data={**FORM, **extra}, headers={"Accept": "text/plain"}
                )
                if response.status_code != 401 or plain.status_code != 401:
                    failures.append((method, rule, label, response.status_code, plain.status_code))
                elif "Traceback" in response.get_data(as_text=True):
                    failures.append((method, rule, label, "traceback"))
    assert not failures
    assert size(edit_app) == before


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_other_methods_are_not_allowed(edit_app: Flask, method: str) -> None:
    for rule, _ in editing_rules(edit_app):
        assert edit_app.test_client().open(url(rule), method=method, data=FORM).status_code == 405


def test_a_member_without_a_valid_token_changes_nothing(edit_app: Flask, member: FlaskClient) -> None:
    before = size(edit_app)
    for rule, methods in editing_rules(edit_app):
        if "POST" not in methods:
            continue
        for extra in ({}, {"csrf_token": "forged"}, {"csrf_token": token(edit_app.test_client())}):
            response = member.post(url(rule), data={**FORM, **extra})
            assert response.status_code == 400, (rule, extra)
            assert "säkerhetstoken" in response.get_data(as_text=True)
    assert size(edit_app) == before


def test_a_forged_session_cookie_is_a_visitor(edit_app: Flask) -> None:
    client = edit_app.test_client()
    client.set_cookie("kg_session", "eyJ1c2VyIjoiYW5uYSJ9.forged.signature")
    assert client.get("/edit/selection?target=3.4").status_code == 401


def test_after_logging_out_the_editing_routes_refuse_again(edit_app: Flask) -> None:
    client = log_in(edit_app.test_client())
    assert client.get("/edit/selection?target=3.4").status_code == 200
    client.post("/logout", data={"csrf_token": token(client, "/")})
    assert client.get("/edit/selection?target=3.4").status_code == 401


def test_a_read_only_server_refuses_changes_even_from_members(store_path, tmp_path) -> None:
    from tests.editing import accounts_file, copy_store, editing_app, post

    app = editing_app(copy_store(store_path, tmp_path), accounts_file(tmp_path), EDITING=False)
    try:
        client = log_in(app.test_client())
        assert 'id="selection-form"' not in client.get("/sdg/3.4").get_data(as_text=True)
        response = post(
            client, "/edit/selection", target="3.4", action="select", version="new", reason="x", focus_area="x"
        )
        assert response.status_code == 503
        assert "Ändringar är avstängda på den här servern." in response.get_data(as_text=True)
    finally:
        app.extensions["kg"].close()


def test_visitors_see_no_editing_controls_anywhere(edit_app: Flask) -> None:
    client = edit_app.test_client()
    for path in (
        "/",
        "/goals",
        "/sdg/3",
        "/sdg/3.4",
        "/initiatives",
        "/id/initiative/maltider-och-moten",
        "/partners",
        "/network",
        "/search?q=ensamhet",
    ):
        html = client.get(path).get_data(as_text=True)
        assert "/edit/" not in html, path
        assert 'class="edit-form"' not in html, path


@pytest.mark.embedded_only  # the embedded store's lock; a remote server has no such lock (README: one writer)
def test_kg_build_while_the_server_holds_the_store_says_so_and_changes_nothing(edit_app: Flask, runner) -> None:
    from kg.cli import main

    services = edit_app.extensions["kg"]
    _ = services.curation  # the app now holds the store, as `kg serve` does
    before = size(edit_app)
    result = runner.invoke(main, ["--store", str(services.store_path), "build"])
    assert result.exit_code == 1
    assert "används den av en körande `kg serve`?" in result.output and "Traceback" not in result.output
    assert size(edit_app) == before
