"""The login rate limit against the real server (`kg serve` in a subprocess, accounts made with `kg user add`):
wrong passwords from one address do not keep a member out who logs in from another (issue 12, item 7). The
clients are bound to different loopback addresses, so the server sees two places."""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import LiveServer, start_server, stop_server
from tests.editing import copy_store

PASSWORD = "rätt häst batteri häftklammer"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    headers: Message
    text: str


class Place:
    """An HTTP client at one loopback address that keeps its cookies, like a browser there."""

    def __init__(self, server: LiveServer, address: str):
        url = urlsplit(server.url)
        self.host, self.port, self.address = url.hostname, url.port, address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Answer:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30, source_address=(self.address, 0))
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=urlencode(form) if form is not None else None, headers=headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read().decode("utf-8"))
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return answer

    def log_in(self, name: str, password: str) -> Answer:
        token = TOKEN.search(self.request("GET", "/login").text).group(1)
        return self.request("POST", "/login", {"csrf_token": token, "username": name, "password": password})


@pytest.fixture
def server(store_path: Path, tmp_path: Path, runner: CliRunner) -> Iterator[LiveServer]:
    added = runner.invoke(
        main,
        [
            "--accounts",
            str(tmp_path / "accounts.json"),
            "user",
            "add",
            "anna",
            "--display-name",
            "Anna Andersson",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
    )
    assert added.exit_code == 0, added.output
    live = start_server(copy_store(store_path, tmp_path), tmp_path, "--workers", "1", "--read-only")
    yield live
    stop_server(live)


def test_a_stranger_elsewhere_cannot_keep_a_member_out(server: LiveServer) -> None:
    stranger, member = Place(server, "127.0.0.2"), Place(server, "127.0.0.3")
    for _ in range(5):
        assert stranger.log_in("anna", "fel lösenord helt och hållet").status == 401
    refused = stranger.log_in("anna", PASSWORD)
    assert refused.status == 429 and 0 < int(refused.headers["Retry-After"]) <= 600
    assert "För många misslyckade inloggningsförsök" in refused.text
    answer = member.log_in("anna", PASSWORD)
    assert answer.status == 303, answer.text
    assert "Anna Andersson" in member.request("GET", "/goals").text
