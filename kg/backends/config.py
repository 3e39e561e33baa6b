"""How to reach a remote SPARQL 1.1 store: endpoints, credentials (from the environment or a config file outside
the repository, never from it), extra graphs and a time limit.

`--store` / KG_STORE may name
- an http(s) URL: the query endpoint; the rest from the environment: KG_STORE_UPDATE (update endpoint, default the
  query endpoint), KG_STORE_GRAPH_STORE (Graph Store protocol endpoint, optional), KG_STORE_GRAPH_PARAMETER (its
  graph parameter: `graph`, Virtuoso: `graph-uri`), KG_STORE_USER, KG_STORE_PASSWORD, KG_STORE_AUTH (basic or
  digest), KG_STORE_GRAPHS (further graph IRIs to include, separated by spaces), KG_STORE_TIMEOUT (seconds);
- a `.toml` file with a `[store]` table of the same settings (`query`, `update`, `graph_store`, `graph_parameter`,
  `user`, `password` or `password_env` = the name of an environment variable holding it, `auth`, `graphs`,
  `timeout`); environment variables win over the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(ValueError):
    """The store configuration cannot be used; the message says why in sv and en."""


@dataclass(frozen=True)
class RemoteConfig:
    query: str
    update: str | None = None
    graph_store: str | None = None
    graph_parameter: str = "graph"
    user: str | None = None
    password: str | None = field(default=None, repr=False, compare=False)
    auth: str = "basic"
    graphs: tuple[str, ...] = ()
    timeout: float = 60.0

    @property
    def update_endpoint(self) -> str:
        return self.update or self.query


_SETTINGS = ("query", "update", "graph_store", "graph_parameter", "user", "password", "auth", "graphs", "timeout")


def _from_environment() -> dict:
    found: dict = {}
    for name in _SETTINGS:
        value = os.environ.get("KG_STORE_" + name.upper())
        if value:
            found[name] = value.split() if name == "graphs" else value
    return found


def _from_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path} kan inte läsas / cannot be read: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: ogiltig TOML / invalid TOML: {err}") from None
    table = data.get("store")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tabellen [store] saknas / the [store] table is missing")
    unknown = sorted(set(table) - set(_SETTINGS) - {"password_env"})
    if unknown:
        raise ConfigError(f"{path}: okända inställningar / unknown settings: {', '.join(unknown)}")
    found = dict(table)
    variable = found.pop("password_env", None)
    if variable:
        if variable not in os.environ:
            raise ConfigError(f"{path}: miljövariabeln {variable} saknas / environment variable {variable} is not set")
        found["password"] = os.environ[variable]
    return found


def _check_url(name: str, value: object) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} måste vara en http(s)-adress / {name} must be an http(s) URL: {value!r}")
    return value


def remote_config(settings: dict) -> RemoteConfig:
    """A checked RemoteConfig from settings (file values, then the environment's)."""
    auth = str(settings.get("auth", "basic")).lower()
    if auth not in ("basic", "digest"):
        raise ConfigError(f"auth måste vara basic eller digest / auth must be basic or digest: {auth!r}")
    try:
        timeout = float(settings.get("timeout", 60))
    except (TypeError, ValueError):
        raise ConfigError(f"timeout måste vara sekunder / timeout must be seconds: {settings['timeout']!r}") from None
    graphs = settings.get("graphs", ())
    if isinstance(graphs, str):
        graphs = graphs.split()
    return RemoteConfig(
        query=_check_url("query", settings.get("query")),
        update=_check_url("update", settings["update"]) if settings.get("update") else None,
        graph_store=_check_url("graph_store", settings["graph_store"]) if settings.get("graph_store") else None,
        graph_parameter=str(settings.get("graph_parameter", "graph")),
        user=settings.get("user") or None,
        password=settings.get("password") or None,
        auth=auth,
        graphs=tuple(_check_url("graphs", g) for g in graphs),
        timeout=timeout,
    )


def read_location(text: str) -> Path | RemoteConfig:
    """A folder, or a RemoteConfig for an http(s) URL or a `.toml` file (see the module's docstring)."""
    if text.startswith(("http://", "https://")):
        return remote_config({**_from_environment(), "query": text})
    if text.endswith(".toml"):
        return remote_config({**_from_file(Path(text)), **_from_environment()})
    return Path(text)
