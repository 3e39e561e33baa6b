"""Shared by the tests of the core team's editing: a member account, a store of one's own, logging in, tokens."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
from flask import Flask
from flask.testing import FlaskClient

from kg.accounts import Accounts
from kg.backends import RemoteConfig
from webapp import create_app

MEMBER, PASSWORD, DISPLAY = "anna", "correct horse battery staple", "Anna Andersson"
OTHER, OTHER_PASSWORD = "bertil", "another long passphrase"


def copy_store(built: Path, folder: Path) -> Path:
    """A store of the test's own (the session's built store is shared and must not change)."""
    target = folder / "store"
    shutil.copytree(built, target, ignore=shutil.ignore_patterns("LOCK"))
    return target


_TEMPLATE: dict[str, bytes] = {}


def accounts_file(folder: Path) -> Path:
    """`folder`/accounts.json with the two members. The scrypt hashes are made once per test session and the file
    copied (hashing costs ~0.1 s an account)."""
    path = folder / "accounts.json"
    if "file" not in _TEMPLATE:
        accounts = Accounts(path)
        accounts.add(MEMBER, PASSWORD, DISPLAY)
        accounts.add(OTHER, OTHER_PASSWORD, "Bertil Berg")
        _TEMPLATE["file"] = path.read_bytes()
    else:
        path.write_bytes(_TEMPLATE["file"])
        path.chmod(0o600)
    return path


def editing_app(store: Path | RemoteConfig, accounts: Path, **config) -> Flask:
    return create_app(
        {
            "KG_STORE": store,
            "SECRET_KEY": "test",
            "TESTING": True,
            "ACCOUNTS_FILE": str(accounts),
            "REFRESH_FIGURES": False,
            **config,
        }
    )


def token(client: FlaskClient, path: str = "/login") -> str:
    """The session's CSRF token, as a form on `path` carries it."""
    html = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, f"no CSRF field on {path}"
    return found.group(1)


def log_in(client: FlaskClient, name: str = MEMBER, password: str = PASSWORD) -> FlaskClient:
    response = client.post("/login", data={"csrf_token": token(client), "username": name, "password": password})
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    return client


def post(client: FlaskClient, path: str, **form):
    """POST a form with the session's CSRF token."""
    return client.post(path, data={"csrf_token": token(client, "/"), **form})


def form_error(html: str) -> str | None:
    found = re.search(r'class="form-error"[^>]*>([^<]*)<', html)
    return found.group(1) if found else None


def agent(app: Flask, name: str = MEMBER) -> str:
    """The agent IRI the graph knows a member by (an opaque id kept with the account, never the user name)."""
    from kg.curation import agent_iri

    return agent_iri(Accounts(app.config["ACCOUNTS_FILE"]).agent_of(name))


def quads(store: ox.Store) -> int:
    return len(store)
