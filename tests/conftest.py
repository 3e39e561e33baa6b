"""Shared fixtures: the real dataset built once into a temporary store, and the CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from kg.backends import Location, RemoteConfig
from kg.build import build
from kg.layout import PROJECT_ROOT
from tests import backends
from tests.virtuoso import virtuoso, virtuoso_editing  # noqa: F401  (fixtures: private Virtuoso servers)
from webapp import create_app

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
# the UN's official SDG data and the W3C protocol tests (not copied into the project); KG_REFERENCE overrides
REFERENCE = Path(os.environ.get("KG_REFERENCE", PROJECT_ROOT.parent / "shared" / "reference"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=backends.BACKENDS,
        default=os.environ.get("KG_TEST_BACKEND", "oxigraph"),
        help="the graph backend the tests run on (KG_TEST_BACKEND; tests/backends.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "embedded_only: tests the embedded Oxigraph store's own machinery")
    config.addinivalue_line("markers", "virtuoso_differs(reason): a known limit of Virtuoso (strict xfail there)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    backends.skip_unrelated(config, items)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped dataset, built and validated once per test session."""
    path = tmp_path_factory.mktemp("kg") / "store"
    build(path)
    return path


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest, store_path: Path) -> Location:
    """Where the built dataset is served from: the built store's folder, or (--backend virtuoso) a private Virtuoso
    server holding the same quads; it does not change during the session."""
    if backends.selected(request.config) == "oxigraph":
        return store_path
    config = backends.remote_config(request.getfixturevalue("virtuoso"))
    backends.load_built(config, store_path)
    return config


@pytest.fixture(scope="session")
def store(backend: Location) -> ox.Store:
    """The built dataset, read-only (on Virtuoso: kg.backends.remote.RemoteStore, the same interface)."""
    from kg.store import open_store

    return open_store(backend)


@pytest.fixture(scope="module")
def app(backend: Location) -> Iterator[Flask]:
    """The web app over the shipped dataset, for Flask's test client (one per test module)."""
    app = create_app({"KG_STORE": backend, "SECRET_KEY": "test", "TESTING": True})
    yield app
    app.extensions["kg"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def reference_file(name: str) -> Path:
    """A file of ../shared/reference; the test is skipped when the folder is absent."""
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"reference data not available: {path}")
    return path


# ---------------------------------------------------------------- a live server, started the way a user starts it

W3C = REFERENCE / "w3c-sparql11-protocol"
W3C_GRAPH = "http://kasei.us/2009/09/sparql/data/"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def w3c_dataset(folder: Path) -> Path | None:
    """The W3C protocol tests' data files as named graphs (data1.nt -> <…/data1.rdf>), or None."""
    if not W3C.is_dir():
        return None
    lines = []
    for name in ("data1", "data2", "data3"):
        triples = (W3C / f"{name}.nt").read_text(encoding="utf-8")
        lines.append(f"<{W3C_GRAPH}{name}.rdf> {{\n{triples}\n}}")
    path = folder / "w3c-protocol.trig"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@dataclass
class LiveServer:
    url: str  # e.g. http://127.0.0.1:PORT/ (with the trailing slash)
    process: subprocess.Popen
    w3c_loaded: bool

    @property
    def sparql(self) -> str:
        return self.url + "sparql"


def start_server(store: Path, folder: Path, *args: str, env: dict[str, str] | None = None) -> LiveServer:
    """`kg serve` on `store` in a subprocess on a free loopback port, started the way a user starts it; waits until
    it answers. Its output goes to `folder`/server.log."""
    import requests

    port = free_port()
    command = [sys.executable, "-m", "kg.cli", "--store", str(store), "serve", "--port", str(port), *args]
    environment = {
        **os.environ,
        "KG_SECRET_KEY": "live-server-test-key",  # sessions are signed with it; no key file is needed
        "KG_ACCOUNTS": str(folder / "accounts.json"),  # no accounts unless the test makes some: nobody logs in
        **(env or {}),
    }
    log = (folder / "server.log").open("ab")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    log.close()
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(url + "sparql", headers={"Accept": "text/turtle"}, timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("kg serve did not start: " + (folder / "server.log").read_text(errors="replace"))
        time.sleep(0.2)
    return LiveServer(url, process, False)


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def live_server(
    request: pytest.FixtureRequest, store_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """`kg serve` in a subprocess on a copy of the built store, with the W3C test data loaded (when available),
    a 3 s query time limit and a 1,000-row limit. With --backend virtuoso: on the session's unchanging Virtuoso server,
    configured by a `.toml` file (the password from the environment), the W3C data loaded into it and named there."""
    from tests.editing import copy_store

    folder = tmp_path_factory.mktemp("serve")
    args = ["--workers", "2"]
    extra = w3c_dataset(folder)
    env = {"KG_SPARQL_TIMEOUT": "3", "KG_SPARQL_MAX_ROWS": "1000"}
    if backends.selected(request.config) == "oxigraph":
        if extra:
            args += ["--load", str(extra)]
        where = copy_store(store_path, folder)
    else:
        graphs = tuple(f"{W3C_GRAPH}{name}.rdf" for name in ("data1", "data2", "data3")) if extra else ()
        config = backends.remote_config(request.getfixturevalue("virtuoso"), graphs)  # the unchanging server
        backends.load_built(config, store_path, extra)
        where, password = backends.config_file(config, folder)
        env.update(password)
        # Virtuoso writes the JSON of the 8,400 rows of `SELECT *` in ~2 s on a busy 2-core machine: a longer limit
        env["KG_SPARQL_TIMEOUT"] = "15"  # below the test server's MaxQueryExecutionTime (20 s)
    server = start_server(where, folder, *args, env=env)
    server.w3c_loaded = extra is not None
    yield server
    stop_server(server)


@pytest.fixture
def edit_backend(request: pytest.FixtureRequest, store_path: Path, tmp_path: Path) -> Location:
    """A store of the test's own, holding the built dataset, that the test may change: a copy of the built store's
    folder, or (--backend virtuoso) the editing Virtuoso server reset to the built dataset."""
    from tests.editing import copy_store

    if backends.selected(request.config) == "oxigraph":
        return copy_store(store_path, tmp_path)
    config: RemoteConfig = backends.remote_config(request.getfixturevalue("virtuoso_editing"))
    backends.load_built(config, store_path)
    return config


@pytest.fixture
def edit_app(edit_backend: Location, tmp_path: Path) -> Iterator[Flask]:
    """The app over a store of the test's own, with two core team accounts (tests/editing.py); it owns the
    curation writer of that store once something is changed."""
    from tests.editing import accounts_file, editing_app

    app = editing_app(edit_backend, accounts_file(tmp_path))
    yield app
    app.extensions["kg"].close()


@pytest.fixture
def member(edit_app: Flask) -> FlaskClient:
    """A test client logged in as the core team member `anna`."""
    from tests.editing import log_in

    return log_in(edit_app.test_client())
