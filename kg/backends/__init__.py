"""Where the graph lives: the embedded Oxigraph store (a folder, the default) or a remote SPARQL 1.1 store.

Both are used through the same interface, the part of `pyoxigraph.Store` the library relies on: `query(text,
substitutions=…, use_default_graph_as_union=…, default_graph=…, named_graphs=…, base_iri=…)` returning pyoxigraph's
result objects, `quads_for_pattern(s, p, o, g)`, `update(text)` (one SPARQL Update request: the curation writes
one change as `DELETE DATA … ; INSERT DATA …`), `extend(quads)`, `named_graphs()`, `len()` and `flush()`.
`kg.backends.remote.RemoteStore` implements it over HTTP (SPARQL 1.1 Query, Update and Graph Store protocols), so
pages, the endpoint, the curation and the command line run unchanged on Virtuoso, Fuseki, GraphDB or Oxigraph
server.

A location is what `--store` / KG_STORE names (`location()`): a folder (embedded), an http(s) URL of a query
endpoint, or a TOML file describing a remote store (kg.backends.config).
"""

from __future__ import annotations

from pathlib import Path

from kg.backends.config import ConfigError, RemoteConfig, read_location

Location = Path | RemoteConfig


def location(value: str | Path | RemoteConfig) -> Location:
    """A store location from `--store`/KG_STORE text: a RemoteConfig for a URL or a `.toml` file, else a folder."""
    if isinstance(value, (Path, RemoteConfig)) and not (isinstance(value, Path) and value.suffix == ".toml"):
        return value
    return read_location(str(value))


def is_remote(where: object) -> bool:
    return isinstance(where, RemoteConfig)


def describe(where: Location) -> str:
    """The location in words, without any credential."""
    return where.query if isinstance(where, RemoteConfig) else str(where)


__all__ = ["ConfigError", "Location", "RemoteConfig", "describe", "is_remote", "location"]
