"""The graph backend the tests run on: the embedded Oxigraph store (default) or Virtuoso over HTTP.

`pytest --backend virtuoso` (or KG_TEST_BACKEND=virtuoso) runs every test that touches the graph through the
fixtures `backend`, `store`, `app`, `client`, `live_server`, `edit_app` and `member` on a private Virtuoso server
(tests/virtuoso.py) holding the built dataset, reached the way a user configures it (kg.backends: a RemoteConfig,
or a `.toml` file for `kg serve`). Tests that never touch those fixtures do not depend on the backend and run once,
in the default run; tests of the embedded store's own machinery (snapshots, RocksDB locks, kill -9) are marked
`embedded_only`, and tests that meet a known limit of Virtuoso 7.2 `virtuoso_differs(reason)` (a strict xfail there).

Two servers are used: one holds the built dataset unchanged for the whole session; the other is reset to it before
each editing test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.backends import RemoteConfig
from kg.namespaces import PUBLIC_GRAPHS
from kg.store import open_store
from tests.virtuoso import Virtuoso

BACKENDS = ("oxigraph", "virtuoso")
#: the fixtures through which a test reaches the graph: with --backend virtuoso only tests using one of them run
BACKEND_FIXTURES = {"backend", "store", "app", "client", "live_server", "edit_app", "member", "edit_backend"}
PASSWORD_VARIABLE = "KG_STORE_PASSWORD"


def remote_config(server: Virtuoso, graphs: tuple[str, ...] = ()) -> RemoteConfig:
    """How the product reaches a Virtuoso server (its documented settings: see README, "Virtuoso")."""
    return RemoteConfig(
        query=server.sparql,
        update=server.sparql_auth,
        graph_store=server.graph_store,
        graph_parameter="graph-uri",
        user="dba",
        password=server.password,
        auth="digest",
        graphs=graphs,
    )


def config_file(config: RemoteConfig, folder: Path) -> tuple[Path, dict[str, str]]:
    """A `.toml` file for `kg --store FILE`, without the password, and the environment that gives the password."""
    lines = ["[store]"]
    for key in ("query", "update", "graph_store", "graph_parameter", "user", "auth"):
        value = getattr(config, key)
        if value:
            lines.append(f'{key} = "{value}"')
    if config.graphs:
        lines.append("graphs = [" + ", ".join(f'"{g}"' for g in config.graphs) + "]")
    path = folder / "store.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, {PASSWORD_VARIABLE: config.password or ""}


def cli_store(where: Path | RemoteConfig, folder: Path) -> tuple[str, dict[str, str]]:
    """What `kg --store …` is given for a location, and the environment it needs (a remote store's password)."""
    if isinstance(where, RemoteConfig):
        path, env = config_file(where, folder)
        return str(path), env
    return str(where), {}


def load_built(config: RemoteConfig, built: Path, extra: Path | None = None) -> None:
    """Make the remote store hold exactly the built dataset (every public graph replaced), plus `extra` (TriG)."""
    import pyoxigraph as ox

    remote = open_store(config)
    remote.replace_graphs(open_store(built), sorted(PUBLIC_GRAPHS.values()))
    if extra is not None:
        remote.extend(ox.parse(path=str(extra), format=ox.RdfFormat.TRIG))


def selected(config: pytest.Config) -> str:
    return config.getoption("--backend")


def skip_unrelated(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With --backend virtuoso: skip the tests that do not reach the graph through a backend fixture, and the
    tests of the embedded store's own machinery."""
    if selected(config) == "oxigraph":
        return
    once = pytest.mark.skip(reason="does not depend on the graph backend: runs in the default (Oxigraph) run")
    embedded = pytest.mark.skip(reason="tests the embedded store's own machinery (Oxigraph on disk)")
    for item in items:
        differs = item.get_closest_marker("virtuoso_differs")
        if differs:  # a known, explained difference of the server: it must still fail, or the mark goes
            item.add_marker(pytest.mark.xfail(strict=True, reason=differs.args[0]))
        if item.get_closest_marker("embedded_only"):
            item.add_marker(embedded)
        elif not BACKEND_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(once)
