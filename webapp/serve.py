"""`kg serve`: the web app on a production WSGI server (waitress). A command of the web layer, added to the `kg`
command group through the entry point group kg.commands (pyproject.toml), so that kg never imports webapp."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kg import build as building
from kg.backends import describe
from kg.clitools import Context, fail
from kg.loader import LoadError
from kg.store import open_store


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adress att lyssna på / address to listen on.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port.")
@click.option(
    "--load",
    "extra",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra RDF-fil att servera (kan upprepas; grafen på disk ändras inte) / extra RDF file to serve "
    "(repeatable; the store on disk is not changed).",
)
@click.option("--threads", default=8, show_default=True, type=int, help="Trådar i webbservern / server threads.")
@click.option("--workers", default=None, type=int, help="Frågeprocesser / query worker processes (KG_SPARQL_WORKERS).")
@click.option(
    "--read-only",
    is_flag=True,
    help="Inga ändringar, inte ens av inloggade / no changes, not even by logged-in members (KG_EDITING=false).",
)
@click.pass_obj
def serve_command(
    obj: Context, host: str, port: int, extra: tuple[Path, ...], threads: int, workers: int | None, read_only: bool
) -> None:
    """Starta webbappen på en produktionsserver (waitress); bygger grafen först om den saknas.

    Run the web app on a production WSGI server (waitress); builds the graph first if it is missing.
    """
    import tempfile

    import waitress

    from kg.store import serving_copy
    from webapp import ConfigurationError, create_app
    from webapp.services import EditingUnavailable, warm_caches

    if _missing(obj):
        click.echo(f"Grafen saknas i {describe(obj.store_path)}; bygger den. / The graph is missing; building it.")
        try:
            building.build(obj.store_path)
        except (LoadError, building.BuildFailed) as err:
            fail(f"bygget misslyckades / the build failed: {err}")
    config: dict = {"KG_STORE": obj.store_path}
    if obj.accounts_path:
        config["ACCOUNTS_FILE"] = str(obj.accounts_path)
    if workers:
        config["SPARQL_WORKERS"] = workers
    if read_only:
        config["EDITING"] = False
    if "KG_SPARQL_IN_FLIGHT" not in os.environ:  # queries in flight leave the server threads for pages
        config["SPARQL_IN_FLIGHT"] = max(1, threads - 2)
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as folder:
        if extra:
            try:
                config["KG_STORE"] = str(serving_copy(obj.store_path, list(extra), Path(folder)))
            except LoadError as err:
                fail(str(err))
        try:
            app = create_app(config)
        except ConfigurationError as err:
            fail(str(err))
        try:
            app.extensions["kg"].start()
        except EditingUnavailable as err:
            fail(f"{err} (--read-only: servera utan ändringar / serve without changes)")
        warm_caches(app)
        click.echo(f"Serverar / serving http://{host}:{port}/  (SPARQL: http://{host}:{port}/sparql)  Ctrl+C stoppar.")
        try:
            # waitress refuses a body past twice the app's limit before reading it (its own short 413); one
            # between the two is read (at most that) and refused by the app with a message in both languages
            body_limit = 2 * int(app.config["MAX_CONTENT_LENGTH"])
            waitress.serve(app, host=host, port=port, threads=threads, ident="kg", max_request_body_size=body_limit)
        finally:
            app.extensions["kg"].close()


def _missing(obj: Context) -> bool:
    """Whether the graph has not been built yet (a remote store: holds none of our data; unreachable: fail)."""
    if not obj.remote:
        return not obj.store_path.is_dir()
    try:
        return len(open_store(obj.store_path)) == 0
    except OSError as err:
        fail(f"fjärrlagret kan inte nås / the remote store cannot be reached: {err}")
    return False
