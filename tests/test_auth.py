"""Logging in and out, sessions, the rate limit, CSRF, `login_required` and the secret key (issue 5, item 1)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Blueprint, Flask
from flask.testing import FlaskClient

from kg.accounts import Accounts
from kg.cli import main
from webapp import ConfigurationError, create_app
from webapp.auth import login_required

PASSWORD = "rätt häst batteri häftklammer"
OTHER_PASSWORD = "ett helt annat lösenord"

# ---------------------------------------------------------------- a tiny editing route, for these tests only

CHANGES: list[str] = []
editing = Blueprint("test_editing", __name__)


@editing.route("/test-edit", methods=["GET", "POST", "PUT", "DELETE"])
@login_required
def edit():
    CHANGES.append("edit")
    return "changed"


@editing.route("/test-board", methods=["GET", "POST"])
@login_required(role="board")
def board_only():
    CHANGES.append("board")
    return "changed"


@pytest.fixture(scope="module")
def accounts_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("accounts") / "accounts.json"
    accounts = Accounts(path)
    accounts.add("anna", PASSWORD, "Anna Andersson")
    accounts.add("bo", OTHER_PASSWORD, "<script>alert(1)</script> Bo")
    return path


def make_app(store_path: Path, accounts_file: Path, **config) -> Flask:
    app = create_app(
        {
            "KG_STORE": str(store_path),
            "SECRET_KEY": "test",
            "TESTING": True,
            "ACCOUNTS_FILE": str(accounts_file),
            **config,
        }
    )
    app.register_blueprint(editing)
    return app


@pytest.fixture
def app(store_path: Path, accounts_file: Path) -> Iterator[Flask]:
    CHANGES.clear()
    app = make_app(store_path, accounts_file)
    yield app
    app.extensions["kg"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def token_of(client: FlaskClient, path: str = "/login") -> str:
    response = client.get(path)
    match = TOKEN.search(response.get_data(as_text=True))
    assert match, path
    return match.group(1)


def log_in(client: FlaskClient, name: str = "anna", password: str = PASSWORD, ip: str = "127.0.0.1", **form):
    token = token_of(client)
    return client.post(
        "/login",
        data={"csrf_token": token, "username": name, "password": password, **form},
        environ_base={"REMOTE_ADDR": ip},
    )


def logged_in_as(client: FlaskClient) -> str | None:
    html = client.get("/goals").get_data(as_text=True)
    match = re.search(r'<span class="account-name">.*?</span>([^<]*)</span>', html)
    return match.group(1).strip() if match else None


# ---------------------------------------------------------------- visitors


def test_a_visitor_sees_a_discreet_login_link_and_no_editing_controls(client: FlaskClient) -> None:
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'class="login-link"' in html and ">Logga in</a>" in html
    assert 'method="post"' not in html.lower() and "csrf_token" not in html
    assert "kg_session" not in response.headers.get("Set-Cookie", "")  # visitors get no session
    english = client.get("/goals?lang=en").get_data(as_text=True)
    assert ">Log in</a>" in english and 'href="/login?next=/goals"' in english


def test_the_login_form(client: FlaskClient) -> None:
    response = client.get("/login")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<form class="auth-form" method="post" action="/login">' in html
    assert 'name="csrf_token"' in html and 'type="password"' in html and 'autocomplete="current-password"' in html
    assert '<label for="login-username">Användarnamn</label>' in html
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Password" in client.get("/login?lang=en").get_data(as_text=True)


# ---------------------------------------------------------------- logging in


def test_login_succeeds_and_shows_the_user_with_a_logout_button(client: FlaskClient) -> None:
    response = log_in(client)
    assert response.status_code == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("kg_session=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie and "Expires=" in cookie
    page = client.get("/goals")
    html = page.get_data(as_text=True)
    assert logged_in_as(client) == "Anna Andersson"
    assert re.search(r'<form class="account" method="post" action="/logout"', html)
    assert 'name="csrf_token"' in html and ">Logga ut</button>" in html
    assert page.headers["Cache-Control"] == "private, no-store" and "Cookie" in page.headers["Vary"]
    assert "Du är inloggad som Anna Andersson." in client.get("/login").get_data(as_text=True)


def test_display_names_are_escaped(client: FlaskClient) -> None:
    assert log_in(client, "bo", OTHER_PASSWORD).status_code == 303
    html = client.get("/goals").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Bo" in html


def test_the_user_name_is_not_case_sensitive_but_the_password_is(client: FlaskClient) -> None:
    assert log_in(client, " Anna ", PASSWORD.upper()).status_code == 401
    assert log_in(client, " Anna ", PASSWORD).status_code == 303


@pytest.mark.parametrize(("name", "password"), [("anna", "fel lösenord helt och hållet"), ("nobody", PASSWORD)])
def test_login_fails_with_one_message_for_a_wrong_password_and_an_unknown_user(
    client: FlaskClient, name: str, password: str
) -> None:
    response = log_in(client, name, password)
    html = response.get_data(as_text=True)
    assert response.status_code == 401
    assert "Fel användarnamn eller lösenord." in html
    assert logged_in_as(client) is None
    assert f'value="{name}"' in html  # the name is kept in the form, the password is not
    assert password not in html


def test_missing_fields_are_a_bad_request(client: FlaskClient) -> None:
    token = token_of(client)
    response = client.post("/login", data={"csrf_token": token, "username": "anna"})
    assert response.status_code == 400 and "Fyll i användarnamn och lösenord." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/goals", "/goals"),
        ("/sdg/3.4?lang=en", "/sdg/3.4?lang=en"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_login_returns_only_to_a_page_of_this_site(client: FlaskClient, target: str, expected: str) -> None:
    response = log_in(client, next=target)
    assert response.status_code == 303 and response.headers["Location"] == expected


def test_login_regenerates_the_session(client: FlaskClient) -> None:
    token = token_of(client)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    response = client.post("/login", data={"csrf_token": token, "username": "anna", "password": PASSWORD})
    assert response.status_code == 303
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session.get("_csrf") != token
        assert session["user"] == "anna"
    assert token_of(client, "/goals") != token  # a new CSRF token after the login


def test_the_secure_flag_is_a_setting(store_path: Path, accounts_file: Path) -> None:
    app = make_app(store_path, accounts_file, SESSION_COOKIE_SECURE=True)
    response = log_in(app.test_client())
    assert "; Secure" in response.headers["Set-Cookie"]
    app.extensions["kg"].close()


def test_a_login_ends_after_the_session_lifetime(client: FlaskClient) -> None:
    log_in(client)
    assert logged_in_as(client) == "Anna Andersson"
    with client.session_transaction() as session:
        session["login_at"] -= 8 * 3600 + 1
    assert logged_in_as(client) is None


def test_a_forged_session_is_not_accepted(client: FlaskClient) -> None:
    log_in(client)
    with client.session_transaction() as session:
        session["user"] = "bo"  # even with the signing key, the fingerprint of the account does not match
    assert logged_in_as(client) is None


def test_changing_the_password_or_removing_the_account_ends_its_sessions(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    accounts = Accounts(path)
    accounts.add("cia", PASSWORD)
    app = make_app(store_path, path)
    client = app.test_client()
    log_in(client, "cia")
    assert logged_in_as(client) == "cia"
    accounts.set_password("cia", OTHER_PASSWORD)
    assert logged_in_as(client) is None
    log_in(client, "cia", OTHER_PASSWORD)
    assert logged_in_as(client) == "cia"
    accounts.remove("cia")
    assert logged_in_as(client) is None
    app.extensions["kg"].close()


# ---------------------------------------------------------------- the rate limit


def test_the_sixth_failure_is_refused_even_with_the_right_password(client: FlaskClient) -> None:
    for _ in range(5):
        assert log_in(client, "anna", "fel lösenord helt och hållet").status_code == 401
    response = log_in(client, "anna", PASSWORD)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 600
    assert "För många misslyckade inloggningsförsök. Försök igen om 10 minuter." in response.get_data(as_text=True)
    assert logged_in_as(client) is None
    client.get("/?lang=en")
    english = log_in(client, "anna", PASSWORD)
    assert english.status_code == 429 and "Too many failed login attempts" in english.get_data(as_text=True)


def test_failures_from_one_address_do_not_keep_the_member_out_elsewhere(client: FlaskClient) -> None:
    """Issue 12, item 7: five wrong passwords for a member's name from anywhere locked the member out."""
    for _ in range(5):
        assert log_in(client, "anna", "fel lösenord helt och hållet", ip="127.0.0.9").status_code == 401
    assert log_in(client, "anna", PASSWORD, ip="127.0.0.9").status_code == 429  # that address, that account
    assert log_in(client, "bo", OTHER_PASSWORD, ip="127.0.0.9").status_code == 303  # that address, another account
    client.post("/logout", data={"csrf_token": token_of(client, "/goals")})
    assert log_in(client, "anna", PASSWORD, ip="127.0.0.2").status_code == 303  # the member, from elsewhere
    assert logged_in_as(client) == "Anna Andersson"


def test_the_limit_per_account_over_all_addresses_slows_a_spread_guess(store_path: Path, accounts_file: Path) -> None:
    app = make_app(store_path, accounts_file, LOGIN_MAX_FAILURES_PER_ACCOUNT=8)
    try:
        client = app.test_client()
        for i in range(8):  # two failures from each of four addresses: none reaches the limit of its address
            assert log_in(client, "anna", "fel lösenord helt och hållet", ip=f"10.0.1.{i // 2}").status_code == 401
        response = log_in(client, "anna", PASSWORD, ip="10.0.1.99")
        assert response.status_code == 429 and 0 < int(response.headers["Retry-After"]) <= 600
        assert log_in(client, "bo", OTHER_PASSWORD, ip="10.0.1.99").status_code == 303  # other users are not locked
    finally:
        app.extensions["kg"].close()


def test_the_limit_per_address_holds_across_user_names(client: FlaskClient) -> None:
    for i in range(20):  # the default: 20 failures from one address, whatever the user names
        assert log_in(client, f"guess{i}", "fel lösenord helt och hållet", ip="10.0.2.1").status_code == 401
    assert log_in(client, "guess20", "fel lösenord helt och hållet", ip="10.0.2.1").status_code == 429
    assert log_in(client, "anna", PASSWORD, ip="10.0.2.1").status_code == 429
    assert log_in(client, "anna", PASSWORD, ip="10.0.2.2").status_code == 303  # another address is not locked


def test_a_success_does_not_reset_the_count_of_the_address(store_path: Path, accounts_file: Path) -> None:
    app = make_app(store_path, accounts_file, LOGIN_MAX_FAILURES_PER_ADDRESS=6)
    try:
        client, ip = app.test_client(), "10.0.3.1"
        for i in range(5):
            assert log_in(client, f"guess{i}", "fel lösenord helt och hållet", ip=ip).status_code == 401
        assert log_in(client, "bo", OTHER_PASSWORD, ip=ip).status_code == 303  # an attacker's own valid account
        client.post("/logout", data={"csrf_token": token_of(client, "/goals")})
        assert log_in(client, "guess5", "fel lösenord helt och hållet", ip=ip).status_code == 401
        assert log_in(client, "guess6", "fel lösenord helt och hållet", ip=ip).status_code == 429
    finally:
        app.extensions["kg"].close()


def test_a_success_forgets_the_members_own_mistakes_from_that_address(client: FlaskClient) -> None:
    for _ in range(4):
        assert log_in(client, "anna", "fel lösenord helt och hållet").status_code == 401
    assert log_in(client, "anna", PASSWORD).status_code == 303
    client.post("/logout", data={"csrf_token": token_of(client, "/goals")})
    for _ in range(4):
        assert log_in(client, "anna", "fel lösenord helt och hållet").status_code == 401
    assert log_in(client, "anna", PASSWORD).status_code == 303


def test_the_limits_are_settings(store_path: Path, accounts_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from webapp.auth import LOGIN_LIMITS, login_limits

    app = make_app(store_path, accounts_file)
    try:
        assert login_limits(app) == LOGIN_LIMITS == {"pair": 5, "ip": 20, "user": 100}
    finally:
        app.extensions["kg"].close()
    monkeypatch.setenv("KG_LOGIN_MAX_FAILURES_PER_ADDRESS", "7")
    app = make_app(store_path, accounts_file, LOGIN_MAX_FAILURES_PER_ACCOUNT=50, LOGIN_MAX_FAILURES=3)
    try:
        assert app.extensions["login_limiter"].limits == {"pair": 3, "ip": 7, "user": 50}
    finally:
        app.extensions["kg"].close()


def test_the_limit_ends_after_the_window(app: Flask, client: FlaskClient) -> None:
    now = [1000.0]
    app.extensions["login_limiter"].clock = lambda: now[0]
    for _ in range(5):
        log_in(client, "anna", "fel lösenord helt och hållet")
    response = log_in(client, "anna", PASSWORD)
    assert response.status_code == 429 and response.headers["Retry-After"] == "600"
    now[0] += 300
    assert log_in(client, "anna", PASSWORD).headers["Retry-After"] == "300"
    now[0] += 301
    assert log_in(client, "anna", PASSWORD).status_code == 303


def test_parallel_attempts_cannot_pass_the_limit_together() -> None:
    import threading

    from webapp.auth import LoginLimiter

    limiter = LoginLimiter({"ip": 5}, 600)
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(limiter.attempt([("ip", "x")])[0])) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(0) == 5  # only five attempts were let through to the password check


# ---------------------------------------------------------------- logging out and CSRF


def test_logout_needs_a_post_with_a_valid_token(client: FlaskClient) -> None:
    log_in(client)
    assert client.get("/logout").status_code == 405
    assert logged_in_as(client) == "Anna Andersson"
    assert client.post("/logout").status_code == 400
    assert client.post("/logout", data={"csrf_token": "forged"}).status_code == 400
    assert logged_in_as(client) == "Anna Andersson"
    response = client.post("/logout", data={"csrf_token": token_of(client, "/goals")})
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert logged_in_as(client) is None


def test_a_copy_of_the_session_cookie_stops_working_at_logout(app: Flask) -> None:
    """The session cookie is signed, not stored: logging out must end copies of it too (e.g. one taken from
    another device or stolen) — every session of the account that began before the logout."""
    laptop, phone = app.test_client(), app.test_client()
    log_in(laptop)
    copied = laptop.get_cookie("kg_session").value
    phone.set_cookie("kg_session", copied)
    assert logged_in_as(phone) == "Anna Andersson"
    laptop.post("/logout", data={"csrf_token": token_of(laptop, "/goals")})
    assert logged_in_as(phone) is None
    log_in(laptop)  # a new login after the logout works
    assert logged_in_as(laptop) == "Anna Andersson"


def test_a_post_without_a_valid_token_is_refused_with_a_clear_message(client: FlaskClient) -> None:
    response = client.post("/login", data={"username": "anna", "password": PASSWORD})
    assert response.status_code == 400
    assert "säkerhetstoken (CSRF)" in response.get_data(as_text=True)
    assert logged_in_as(client) is None
    token_of(client)  # the session has a token, but another one is sent
    response = client.post(
        "/login",
        data={"csrf_token": "x" * 43, "username": "anna", "password": PASSWORD},
        headers={"Accept": "text/plain"},
    )
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert logged_in_as(client) is None
    other = client.application.test_client()  # a token of another session does not count either
    response = client.post("/login", data={"csrf_token": token_of(other), "username": "anna", "password": PASSWORD})
    assert response.status_code == 400 and logged_in_as(client) is None


def test_the_token_may_come_in_a_header(client: FlaskClient) -> None:
    log_in(client)
    token = token_of(client, "/goals")
    assert client.post("/test-edit", headers={"X-CSRF-Token": token}).status_code == 200
    assert CHANGES == ["edit"]


def test_the_sparql_endpoint_takes_posts_without_a_token(client: FlaskClient) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    for _ in range(2):  # as a visitor, then with a session
        response = client.post("/sparql", data={"query": "ASK {}"}, headers=accept)
        assert response.status_code == 200 and response.get_json() == {"head": {}, "boolean": True}
        response = client.post("/sparql/", data="ASK {}", content_type="application/sparql-query", headers=accept)
        assert response.status_code == 200
        log_in(client)
    assert client.post("/sparql", data={"update": "CLEAR ALL"}).status_code == 403  # still read-only


def test_unknown_paths_and_methods_are_not_turned_into_csrf_errors(client: FlaskClient) -> None:
    assert client.post("/no-such-page").status_code == 404
    assert client.post("/goals").status_code == 405


# ---------------------------------------------------------------- login_required


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_visitors_are_refused_with_401_and_nothing_changes(client: FlaskClient, method: str) -> None:
    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": token_of(client)}):
        response = client.open("/test-edit", method=method, data=data)
        assert response.status_code == 401
    html = client.open("/test-edit", method=method, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Du behöver logga in som medlem av core team" in html and 'action="/login"' in html
    plain = client.open("/test-edit", method=method, headers={"Accept": "text/plain"})
    assert plain.status_code == 401 and "Login required" in plain.get_data(as_text=True)
    assert CHANGES == []


def test_the_login_form_of_a_refusal_returns_to_the_page(client: FlaskClient) -> None:
    html = client.get("/test-edit?x=1", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert '<input type="hidden" name="next" value="/test-edit?x=1">' in html


def test_a_wrong_role_is_refused_with_403_and_nothing_changes(client: FlaskClient) -> None:
    log_in(client)
    token = token_of(client, "/goals")
    assert client.get("/test-board").status_code == 403
    response = client.post("/test-board", data={"csrf_token": token})
    assert response.status_code == 403 and "inte behörighet" in response.get_data(as_text=True)
    assert client.post("/test-board").status_code == 403
    assert CHANGES == []


def test_a_member_needs_a_valid_token_to_change_anything(client: FlaskClient) -> None:
    log_in(client)
    assert client.post("/test-edit").status_code == 400
    assert client.post("/test-edit", data={"csrf_token": "forged"}).status_code == 400
    assert CHANGES == []
    assert client.post("/test-edit", data={"csrf_token": token_of(client, "/goals")}).status_code == 200
    assert client.get("/test-edit").status_code == 200
    assert CHANGES == ["edit", "edit"]


# ---------------------------------------------------------------- the secret key


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("KG_SECRET_KEY", "KG_DEV", "KG_DEV_MODE", "KG_SECRET_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "secret_key"


def test_a_missing_secret_key_stops_the_app_with_a_clear_message(store_path: Path, no_key: Path) -> None:
    with pytest.raises(ConfigurationError) as raised:
        create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key)})
    message = str(raised.value)
    assert "Ingen hemlig nyckel" in message and "No secret key" in message
    assert "kg secret init" in message and "KG_SECRET_KEY" in message


def test_the_key_comes_from_the_environment_or_the_key_file(
    store_path: Path, no_key: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_key.write_text("från filen\n", encoding="utf-8")
    app = create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key)})
    assert app.secret_key == "från filen"
    monkeypatch.setenv("KG_SECRET_KEY", "från miljön")
    assert create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key)}).secret_key == "från miljön"
    app = create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key), "SECRET_KEY": "från config"})
    assert app.secret_key == "från config"


def test_dev_mode_uses_a_random_key_per_process(
    store_path: Path, no_key: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    first = create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key), "DEV_MODE": True})
    assert "DEV_MODE" in caplog.text
    monkeypatch.setenv("KG_DEV", "1")
    second = create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key)})
    assert first.secret_key and second.secret_key and first.secret_key != second.secret_key
    assert len(first.secret_key) >= 48
    with pytest.raises(ConfigurationError):  # the config can still turn it off
        create_app({"KG_STORE": str(store_path), "SECRET_KEY_FILE": str(no_key), "DEV_MODE": False})


def test_kg_serve_without_a_key_exits_1_without_a_traceback(store_path: Path, no_key: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_SECRET_KEY", "KG_DEV", "KG_DEV_MODE")}
    env["KG_SECRET_KEY_FILE"] = str(no_key)
    command = [sys.executable, "-m", "kg.cli", "--store", str(store_path), "serve", "--port", "1"]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "kg: Ingen hemlig nyckel" in result.stderr and "kg secret init" in result.stderr
    assert time.monotonic() - started < 60


def test_kg_serve_reports_the_error_through_click(store_path: Path, no_key: Path, runner) -> None:
    result = runner.invoke(main, ["--store", str(store_path), "serve"], env={"KG_SECRET_KEY_FILE": str(no_key)})
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "No secret key" in result.output
