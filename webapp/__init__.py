"""The web app: `create_app(config)` builds it; importing this package starts nothing."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask

from kg.accounts import default_accounts_path
from kg.backends import ConfigError, location
from kg.layout import default_secret_key_path, default_store_path
from kg.namespaces import BASE

DEFAULTS: dict[str, Any] = {
    "KG_STORE": None,  # the store folder (default: var/store in the project), or a remote store (kg.backends)
    "BASE_IRI": BASE,  # the IRI that the app's root path stands for
    "SPARQL_TIMEOUT": 10.0,  # seconds before a query is stopped
    "SPARQL_MAX_ROWS": 10000,  # SELECT results are cut (and flagged) after this many rows
    "SPARQL_WORKERS": 2,  # query worker processes
    "SPARQL_MAX_MB": 16,  # an answer is cut (and flagged) before it passes this many megabytes
    "SPARQL_WAIT": None,  # seconds a query may wait for a worker (503 after); None: SPARQL_TIMEOUT
    "SPARQL_PER_CLIENT": 2,  # queries in flight (running or waiting) per client address; 429 beyond
    "SPARQL_IN_FLIGHT": 6,  # queries in flight in all; keep it below the server's threads (`kg serve` sets it)
    "SPARQL_WORKER_MEMORY_MB": 512,  # a worker past this while it runs is stopped (503)
    "SPARQL_WORKER_GROWTH_MB": 32,  # a worker that grew this much is replaced after its answer
    "SPARQL_CACHE_MB": 64,  # answers kept per data state for the same request again (0: none)
    "SPARQL_SERVICES": [],  # endpoint URL prefixes SERVICE may call (none: federation is off)
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # bytes of a request body (413 beyond)
    "READ_IN_MEMORY": True,  # pages and query workers read an in-memory copy of the published graph (4-5× faster)
    "READ_IN_MEMORY_MAX_TRIPLES": 3_000_000,  # ... at most this many quads: each process holds a copy (~0.5 GB per 1M)
    "REFRESH_FIGURES": True,  # after a change, compute the analysis, graph drawing and indexes again in the background
    "EDITING": True,  # logged-in core team members may change the curated graph (False: a read-only server)
    "DATA_LICENSE": "https://creativecommons.org/licenses/by/4.0/",
    "ACCOUNTS_FILE": None,  # the accounts (default: var/accounts.json; KG_ACCOUNTS or `kg --accounts`)
    "SECRET_KEY_FILE": None,  # read for SECRET_KEY when that is not set (default: var/secret_key)
    "DEV_MODE": False,  # without a secret key, use a random one per process (KG_DEV=1); never in production
    "SESSION_COOKIE_SECURE": False,  # True in production behind HTTPS: the session cookie only over HTTPS
    "PERMANENT_SESSION_LIFETIME": 8 * 3600,  # seconds a login lasts
    "LOGIN_MAX_FAILURES": 5,  # failed logins per user name and per address within LOGIN_WINDOW ...
    "LOGIN_WINDOW": 600,  # ... seconds, before further attempts get 429
}

# fixed cookie settings of the session (not advertised as settings, but a config may still override them)
SESSION_COOKIE = {
    "SESSION_COOKIE_NAME": "kg_session",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
}


class ConfigurationError(RuntimeError):
    """The app cannot start as configured (the message says why, in Swedish and English)."""


def read_secret_key(path: Path) -> str | None:
    """The key in a key file, or None when the file is missing or empty."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise ConfigurationError(
            f"Den hemliga nyckeln i {path} kan inte läsas / the secret key in {path} cannot be read: {err}"
        ) from err
    return key or None


def configure_secret_key(app: Flask) -> None:
    """SECRET_KEY from the config or KG_SECRET_KEY, else the key file; else a random key in DEV_MODE, else an error."""
    if app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = str(app.config["SECRET_KEY"])
        return
    path = Path(app.config["SECRET_KEY_FILE"])
    key = read_secret_key(path)
    if key:
        app.config["SECRET_KEY"] = key
        return
    if app.config["DEV_MODE"]:
        app.config["SECRET_KEY"] = secrets.token_urlsafe(48)
        app.logger.warning(
            "DEV_MODE: ingen hemlig nyckel; en slumpad nyckel gäller för den här processen (inloggningar "
            "överlever inte en omstart) / no secret key; a random key is used for this process (logins do not "
            "survive a restart). Never use DEV_MODE in production."
        )
        return
    raise ConfigurationError(
        f"Ingen hemlig nyckel (SECRET_KEY): kör `kg secret init` (skriver {path}) eller sätt KG_SECRET_KEY; "
        f"KG_DEV=1 för utveckling. / No secret key (SECRET_KEY): run `kg secret init` (writes {path}) or set "
        "KG_SECRET_KEY; KG_DEV=1 for development."
    )


def service_prefixes(value: Any) -> list[str]:
    """SPARQL_SERVICES as a list of absolute http(s) URL prefixes: from a list, or a text of them separated by
    spaces or commas (KG_SPARQL_SERVICES="https://a.example/sparql https://b.example/"). Raises
    ConfigurationError for anything else, so that a typing error never opens federation wider than meant."""
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value or [])
    for item in items:
        if not isinstance(item, str) or urlsplit(item).scheme not in ("http", "https") or not urlsplit(item).netloc:
            raise ConfigurationError(
                f"SPARQL_SERVICES: {item!r} är inte en http(s)-adress / is not an http(s) URL prefix"
            )
    return items


def truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. Settings come from DEFAULTS, then `KG_*` environment variables, then `config`.

    Raises ConfigurationError when there is no secret key (and DEV_MODE is off)."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(SESSION_COOKIE)
    if truthy(os.environ.get("KG_DEV")):
        app.config["DEV_MODE"] = True
    if os.environ.get("KG_ACCOUNTS"):
        app.config["ACCOUNTS_FILE"] = os.environ["KG_ACCOUNTS"]
    app.config.from_prefixed_env("KG")  # e.g. KG_SPARQL_TIMEOUT=5, KG_SECRET_KEY=…
    if config:
        app.config.update(config)
    app.config["SPARQL_SERVICES"] = service_prefixes(app.config["SPARQL_SERVICES"])
    if not app.config["KG_STORE"]:
        app.config["KG_STORE"] = str(default_store_path())
    try:  # a folder, or a remote store: a SPARQL endpoint URL, a .toml file or its settings (kg.backends)
        app.config["KG_STORE"] = location(app.config["KG_STORE"])
    except ConfigError as err:
        raise ConfigurationError(str(err)) from None
    if not app.config["ACCOUNTS_FILE"]:
        app.config["ACCOUNTS_FILE"] = str(default_accounts_path())
    if not app.config["SECRET_KEY_FILE"]:
        app.config["SECRET_KEY_FILE"] = str(default_secret_key_path())
    configure_secret_key(app)
    app.json.ensure_ascii = False

    from kg.linkeddata import path_for_iri
    from webapp import (
        auth,
        csrf,
        curate,
        entities,
        errors,
        i18n,
        linked,
        network,
        paths,
        reports,
        routes,
        search,
        security,
        services,
        sparql,
    )

    services.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    auth.init_app(app)
    csrf.init_app(app)
    curate.init_app(app)
    routes.init_app(app)  # every page: the table in webapp/routes.py
    for blueprint in (  # what is not a page: template helpers, the network's data, CSV files, SPARQL, downloads, login
        entities.bp,
        search.bp,
        network.bp,
        reports.bp,
        sparql.bp,
        linked.bp,
        auth.bp,
    ):
        app.register_blueprint(blueprint)
    app.jinja_env.globals["local"] = lambda iri: path_for_iri(iri, app.config["BASE_IRI"])
    app.jinja_env.globals["current_path"] = paths.current_path  # self-links that stay on this site
    return app
