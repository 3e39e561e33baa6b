"""A private Virtuoso Open Source server for the tests (scripts/install-virtuoso.sh installs Debian's package).

`start_virtuoso(folder)` writes a virtuoso.ini whose database files live in `folder`, listens on two free loopback
ports (SQL and HTTP), starts `virtuoso-t +foreground` as a subprocess, sets a random DBA password (taken from
KG_TEST_VIRTUOSO_PASSWORD when set, never from the repository) and waits until /sparql answers. The `virtuoso`
fixture (session scope) gives one such server and stops it at the end; tests are skipped when virtuoso-t is missing.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORD_VARIABLE = "KG_TEST_VIRTUOSO_PASSWORD"

_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 10
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 20
MaxQueryCostEstimationTime = 0
"""


@dataclass
class Virtuoso:
    folder: Path
    sql_port: int
    http_port: int
    password: str
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/"

    @property
    def sparql(self) -> str:
        """The public SPARQL endpoint (read-only for anonymous users)."""
        return self.url + "sparql"

    @property
    def sparql_auth(self) -> str:
        """The SPARQL endpoint with digest authentication: as dba, updates are allowed."""
        return self.url + "sparql-auth"

    @property
    def graph_store(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP protocol, with digest authentication (`?graph-uri=`)."""
        return self.url + "sparql-graph-crud-auth"

    def auth(self):
        from requests.auth import HTTPDigestAuth

        return HTTPDigestAuth("dba", self.password)

    def isql(self, sql: str, password: str | None = None) -> str:
        """Run SQL statements with isql-vt; the statements (and any password in them) go through stdin."""
        command = ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", password or self.password]
        done = subprocess.run(command, input=sql, capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt failed: {done.stdout}\n{done.stderr}")
        return done.stdout


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def start_virtuoso(folder: Path, timeout: float = 90) -> Virtuoso:
    """Virtuoso on free loopback ports with its database in `folder`; waits until /sparql answers."""
    from tests.conftest import free_port

    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(folder=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    password = os.environ.get(PASSWORD_VARIABLE) or secrets.token_hex(16)
    if not password.isalnum():
        raise RuntimeError(f"{PASSWORD_VARIABLE} must be letters and digits only")
    server = Virtuoso(folder, sql_port, http_port, password, _launch(folder))
    _wait(server, timeout)
    # a new database has the well-known password dba/dba: replace it before anything else happens
    server.isql(f"USER_SET_PASSWORD('dba', '{password}');\n", password="dba")
    return server


def restart_virtuoso(server: Virtuoso, timeout: float = 90) -> None:
    """Kill a server that stopped answering and start it again on the same database (it rolls its log forward)."""
    server.process.kill()
    server.process.wait()
    server.process = _launch(server.folder)
    _wait(server, timeout)


def _launch(folder: Path) -> subprocess.Popen:
    log = (folder / "virtuoso.out").open("ab")
    command = ["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")]
    process = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    return process


def _wait(server: Virtuoso, timeout: float) -> None:
    import requests

    process, folder = server.process, server.folder
    deadline = time.monotonic() + timeout
    while True:
        try:
            answer = requests.get(server.sparql, params={"query": "ASK {}"}, timeout=2)
            if answer.status_code == 200:
                break
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop_virtuoso(server)
            raise RuntimeError("virtuoso-t did not start: " + _log(folder))
        time.sleep(0.3)


def _log(folder: Path) -> str:
    parts = [(folder / name) for name in ("virtuoso.out", "virtuoso.log")]
    return "\n".join(p.read_text(errors="replace")[-4000:] for p in parts if p.is_file())


def stop_virtuoso(server: Virtuoso) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def _private_server(factory: pytest.TempPathFactory, name: str) -> Iterator[Virtuoso]:
    if not available():
        pytest.skip("virtuoso-t not installed (scripts/install-virtuoso.sh installs it)")
    server = start_virtuoso(factory.mktemp(name))
    yield server
    stop_virtuoso(server)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A private Virtuoso server for this test session (skipped when Virtuoso is not installed)."""
    yield from _private_server(tmp_path_factory, "virtuoso")


@pytest.fixture(scope="session")
def virtuoso_editing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A second private Virtuoso server, for tests that change the graph (tests/backends.py resets it per test)."""
    yield from _private_server(tmp_path_factory, "virtuoso-editing")
