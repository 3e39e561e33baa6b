"""The web app: `create_app(config)` builds it; importing this package starts nothing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from kg.layout import default_store_path
from kg.namespaces import BASE

DEFAULTS: dict[str, Any] = {
    "KG_STORE": None,  # the store folder (default: var/store in the project)
    "BASE_IRI": BASE,  # the IRI that the app's root path stands for
    "SPARQL_TIMEOUT": 10.0,  # seconds before a query is stopped
    "SPARQL_MAX_ROWS": 10000,  # SELECT results are cut (and flagged) after this many rows
    "SPARQL_WORKERS": 2,  # query worker processes
    "DATA_LICENSE": "https://creativecommons.org/licenses/by/4.0/",
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. Settings come from DEFAULTS, then `KG_*` environment variables, then `config`."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("KG")  # e.g. KG_SPARQL_TIMEOUT=5
    if config:
        app.config.update(config)
    if not app.config["KG_STORE"]:
        app.config["KG_STORE"] = str(default_store_path())
    app.json.ensure_ascii = False

    from kg.linkeddata import path_for_iri
    from webapp import entities, errors, i18n, linked, network, overviews, pages, search, services, sparql

    services.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    for blueprint in (pages.bp, entities.bp, overviews.bp, search.bp, network.bp, sparql.bp, linked.bp):
        app.register_blueprint(blueprint)
    app.jinja_env.globals["local"] = lambda iri: path_for_iri(iri, app.config["BASE_IRI"])
    return app
