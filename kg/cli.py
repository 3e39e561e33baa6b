"""The `kg` command line: thin commands over the library. Run `kg --help`."""

from __future__ import annotations

import json
import os
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click
import pyoxigraph as ox

from kg import build as building
from kg.backends import ConfigError, describe, location
from kg.clitools import Context, fail, format_table
from kg.export import FORMATS, export
from kg.layout import PROJECT_ROOT, default_store_path
from kg.loader import LoadError
from kg.queries import named_queries, run_query
from kg.sdgcheck import compare, entries_from_reference, entries_from_store
from kg.sparql import QueryError, to_python
from kg.stats import KINDS, stats
from kg.store import StoreMissing, open_store
from kg.validate import Finding, Report, curie

if TYPE_CHECKING:
    from kg.curated_import import Changes

ROOT_OPTION = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=PROJECT_ROOT,
    show_default=False,
    help="Projektets rot (data/ och ontology/) / project root.",
)
ADD_OPTION = click.option(
    "--add",
    "extra",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Extra datafil att läsa in (kan upprepas) / extra data file (repeatable).",
)


class _Commands(click.Group):
    """The command group: a remote store that cannot be reached ends any command with a message, not a traceback."""

    def invoke(self, ctx: click.Context):
        from kg.backends.remote import StoreUnavailable

        try:
            return super().invoke(ctx)
        except StoreUnavailable as err:
            fail(f"grafdatabasen svarar inte / the graph store does not answer: {err}")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store_path",
    envvar="KG_STORE",
    default=None,
    help="Grafdatabasens katalog, eller ett fjärrlager: SPARQL-adress eller .toml-fil (KG_STORE) / the store folder, "
    "or a remote store: SPARQL endpoint URL or .toml file. Standard: var/store.",
)
@click.option(
    "--accounts",
    "accounts_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KG_ACCOUNTS",
    default=None,
    help="Kontofilen (KG_ACCOUNTS), utanför förrådet / the accounts file, outside the repository. "
    "Standard: var/accounts.json.",
)
@click.pass_context
def main(ctx: click.Context, store_path: str | None, accounts_path: Path | None) -> None:
    """Samhällskontraktets kunskapsgraf för Agenda 2030.

    The Samhällskontraktet Agenda 2030 knowledge graph.
    """
    try:
        where = location(store_path) if store_path else default_store_path()
    except ConfigError as err:
        raise click.BadParameter(str(err), param_hint="--store / KG_STORE") from None
    ctx.obj = Context(where, accounts_path)


# ---------------------------------------------------------------- build and validate


def print_report(report: Report, show_warnings: bool = True) -> None:
    def show(finding: Finding, tag: str) -> None:
        where = ", ".join(finding.files) or "-"
        detail = f" {finding.path}" if finding.path else ""
        if finding.value is not None:
            detail += f" = {finding.value}"
        click.echo(
            f"{tag} {where}: {curie(finding.resource) or '(hela grafen / whole graph)'}{detail}  [{finding.rule}]"
        )
        click.echo(f"    sv: {finding.message('sv')}")
        click.echo(f"    en: {finding.message('en')}")

    for finding in report.violations:
        show(finding, "FEL / ERROR")
    if show_warnings:
        for finding in report.warnings:
            show(finding, "VARNING / WARNING")
    click.echo(f"{len(report.violations)} fel / errors, {len(report.warnings)} varningar / warnings.")


@main.command("build")
@ROOT_OPTION
@ADD_OPTION
@click.pass_obj
def build_command(obj: Context, root: Path, extra: tuple[Path, ...]) -> None:
    """Bygg grafen från filerna, validera och skriv en sammanfattning.

    Build the store from the files, validate it and print a summary. A failed build leaves the
    previous store as it was.
    """
    try:
        result = building.build(obj.store_path, root, extra)
    except LoadError as err:
        fail(
            f"{err}\nIngenting skrevs; den tidigare grafen är orörd. / "
            "Nothing was written; the previous graph is intact."
        )
    except building.BuildFailed as err:
        print_report(err.report)
        fail(
            "validering misslyckades; den tidigare grafen är orörd. / validation failed; the previous graph is intact."
        )
    except OSError as err:  # the running server holds the store (RocksDB's lock), or the disk refused
        fail(
            f"grafen i {describe(obj.store_path)} kan inte skrivas – används den av en körande `kg serve`? "
            f"Stoppa servern först; ingenting ändrades. / the graph cannot be written – is a `kg serve` running "
            f"on it? Stop the server first; nothing was changed. ({err})"
        )
    click.echo(f"Byggde / built {describe(obj.store_path)} från / from {len(result.dataset.files)} filer / files.")
    print_stats(open_store(obj.store_path))
    if result.report.warnings:
        click.echo(f"\n{len(result.report.warnings)} varningar / warnings (se / see `kg validate`):")
        for finding in result.report.warnings:
            if finding.rule == "check:budget-discrepancy":
                click.echo(f"  {finding.message('sv')}")


@main.command("validate")
@ROOT_OPTION
@ADD_OPTION
@click.option("--errors-only", is_flag=True, help="Visa bara fel / show errors only.")
def validate_command(root: Path, extra: tuple[Path, ...], errors_only: bool) -> None:
    """Validera filerna mot formerna (SHACL) och kontrollerna; avslutar med 1 vid fel.

    Validate the files against the shapes and checks; exits with 1 on errors.
    """
    try:
        result = building.check(root, extra)
    except LoadError as err:
        fail(str(err))
    print_report(result.report, show_warnings=not errors_only)
    if not result.report.conforms:
        sys.exit(1)


# ---------------------------------------------------------------- queries


def parse_params(params: tuple[str, ...]) -> dict[str, str]:
    bindings = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            fail(f"parametern ska skrivas namn=värde / a parameter is written name=value: '{item}'", 2)
        bindings[name.strip().lstrip("?")] = value
    return bindings


@main.command("query")
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Utdataformat / output format.",
)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAMN=VÄRDE",
    help="Värde till en parameter i frågan / a value for a query parameter (repeatable).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Högst så många rader / at most this many rows (a query without LIMIT of its own).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Hoppa över så många rader först / skip this many rows first (with --limit).",
)
@click.pass_obj
def query_command(obj: Context, query: str, fmt: str, params: tuple[str, ...], limit: int | None, offset: int) -> None:
    """Kör en namngiven fråga, en .rq-fil eller SPARQL-text.

    Run a named query, a .rq file or SPARQL text. Values are bound, never pasted into the query. On a large graph,
    --limit and --offset give the rows page by page.
    """
    if offset and limit is None:
        raise click.UsageError("--offset kräver --limit / --offset needs --limit")
    store = obj.open()
    try:
        result = run_query(store, query, parse_params(params), limit, offset)
    except QueryError as err:
        fail(str(err))
    if isinstance(result, ox.QueryBoolean):
        click.echo(json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower())
        return
    if not isinstance(result, ox.QuerySolutions):  # the triples of a CONSTRUCT or DESCRIBE (any backend)
        sys.stdout.buffer.write(ox.serialize(list(result), format=ox.RdfFormat.TURTLE))
        return
    if fmt == "table":
        variables = [v.value for v in result.variables]
        rows = [[to_python(solution[v]) for v in variables] for solution in result]
        click.echo(format_table(variables, rows))
        return
    out_format = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON,
    }[fmt]
    sys.stdout.buffer.write(result.serialize(format=out_format))
    if fmt == "json":
        sys.stdout.buffer.write(b"\n")


@main.command("queries")
def queries_command() -> None:
    """Lista de namngivna frågorna / list the named queries."""
    for query in named_queries().values():
        click.echo(f"{query.name}")
        click.echo(f"    {query.title.get('sv', '')} / {query.title.get('en', '')}")
        click.echo(f"    sv: {query.description.get('sv', '')}")
        click.echo(f"    en: {query.description.get('en', '')}")
        for param in query.parameters:
            click.echo(f"    --param {param.name}=…  {param.description['sv']} / {param.description['en']}")


# ---------------------------------------------------------------- export, stats, sdg


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="Format (standard: turtle; trig med --curated) / format (default: turtle; trig with --curated).",
)
@click.option(
    "--curated",
    is_flag=True,
    help="Core teams arbete (graph/curation och graph/history, med namngivna grafer) i stället för den publika "
    "datamängden; läses in igen med `kg import` / the core team's work (graph/curation and graph/history, named "
    "graphs kept) instead of the public dataset; read back with `kg import`.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Fil att skriva till (annars standard ut) / file to write (else standard output).",
)
@click.pass_obj
def export_command(obj: Context, fmt: str | None, curated: bool, output: Path | None) -> None:
    """Exportera den publika datamängden (eller med --curated core teams arbete).

    Export the public dataset (or with --curated the core team's work). Works while the server runs: reads
    the newest published snapshot.
    """
    from kg.backup import BackupError, dataset_format, export_curated

    if curated:
        try:
            dataset_format(fmt or "trig")
        except BackupError as err:
            fail(str(err))
    store = obj.open()

    def write(handle: BinaryIO | None = None) -> bytes | None:
        return export_curated(store, fmt or "trig", handle) if curated else export(store, fmt or "turtle", handle)

    if output is None:
        sys.stdout.buffer.write(write())
        return
    tmp = output.with_name(output.name + ".part")
    with tmp.open("wb") as handle:
        write(handle)
    os.replace(tmp, output)
    click.echo(f"Skrev / wrote {output}", err=True)


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nquads"]),
    default=None,
    help="Filens format (standard: efter filändelsen) / the file's format (default: by its extension).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Visa vad som skulle ändras, utan att ändra något / show what would change, changing nothing.",
)
@click.pass_obj
def import_command(obj: Context, file: Path, fmt: str | None, dry_run: bool) -> None:
    """Läs in core teams arbete från en fil från `kg export --curated`.

    Read the core team's work back from a file written by `kg export --curated`: replaces graph/curation and
    graph/history in one transaction, after saving the curation it replaces in backups/ beside the store. A bad
    file (empty, cut off, a curation without its history) changes nothing. Refused while the server takes changes.
    """
    from kg.backup import BackupError
    from kg.curated_import import import_curated, plan_import

    try:
        if dry_run:
            print_changes(plan_import(obj.store_path, file, fmt))
            click.echo(f"Provkörning: ingenting ändrades / dry run: nothing was changed ({file}).")
            return
        result = import_curated(obj.store_path, file, fmt)
    except (BackupError, StoreMissing) as err:
        fail(str(err))
    if result.backup is not None:
        click.echo(f"Den tidigare kureringen sparades i / the previous curation was saved in {result.backup}")
    print_changes(result.changes)
    published = f"; ögonblicksbild / snapshot {result.generation}" if result.generation is not None else ""
    click.echo(
        f"Läste in / imported {file}: graph/curation {result.curation}, graph/history {result.history} "
        f"tripplar / triples{published}."
    )


def print_changes(changes: Changes) -> None:
    """Quads added and removed per graph, and the curated things whose state changes (kg.curated_import.Changes)."""
    from kg.namespaces import GRAPH

    for graph in sorted(changes.added.keys() | changes.removed.keys()):
        added, removed = changes.added.get(graph, 0), changes.removed.get(graph, 0)
        click.echo(f"  graph/{graph.removeprefix(GRAPH)}: +{added} −{removed} tripplar / triples")
    click.echo(f"  kurerade saker som ändras / curated things that change: {changes.states}")


@main.command("backup")
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def backup_command(obj: Context, folder: Path) -> None:
    """Gör en konsekvent kopia av hela grafen i DIR (ny eller tom katalog), även medan servern kör.

    Make a consistent copy of the whole store in DIR (a new or empty folder), also while the server runs; it
    opens like any store: `kg --store DIR stats`.
    """
    from kg.backup import BackupError, backup

    try:
        result = backup(obj.store_path, folder)
    except (BackupError, StoreMissing) as err:
        fail(str(err))
    source = (
        f"ögonblicksbild / snapshot {result.generation} (servern kör / the server is running)"
        if result.generation is not None
        else describe(obj.store_path)
    )
    click.echo(f"Kopierade / copied {result.quads} tripplar / triples från / from {source} till / to {result.path}")


def print_stats(store: ox.Store) -> None:
    result = stats(store)
    for kind, (sv, en) in KINDS.items():
        click.echo(f"  {sv} / {en}: {result.counts[kind]}")
    click.echo("  initiativ (slag, status) / initiatives (kind, status):")
    for row in result.initiatives:
        status = f"{row['statusSv']} / {row['statusEn']}" if row["statusSv"] else "status ej angiven / not stated"
        click.echo(f"    {row['labelSv']} ({row['kindSv']} / {row['kindEn']}, {status})")
    click.echo(
        "  kopplingar per status / links by status: " + (", ".join(f"{k} {v}" for k, v in result.links.items()) or "-")
    )
    click.echo(
        f"  tripplar / triples: {result.triples} ("
        + ", ".join(f"{curie(g)} {n}" for g, n in result.graphs.items())
        + ")"
    )


@main.command("stats")
@click.pass_obj
def stats_command(obj: Context) -> None:
    """Skriv ut antal per slag av resurs / print counts per kind of resource."""
    print_stats(obj.open())


@main.group("sdg")
def sdg_group() -> None:
    """Agenda 2030-ramverket (mål, delmål, indikatorer) / the SDG framework."""


@sdg_group.command("check")
@click.option(
    "--reference",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="FN:s SKOS-fil eller CSV / the UN SKOS file or CSV.",
)
@ROOT_OPTION
def sdg_check_command(reference: Path, root: Path) -> None:
    """Jämför projektets SDG-data med en officiell fil och skriv varje skillnad.

    Compare the project's SDG data with an official file and print every difference; exits with 1
    when there are differences.
    """
    try:
        project = entries_from_store(building.load_dataset(root, graphs=["sdg"]).store)
        theirs = entries_from_reference(reference)
    except (LoadError, ValueError) as err:
        fail(str(err))
    differences = compare(project, theirs)
    for diff in differences:
        click.echo(diff.describe())
    click.echo(
        f"{len(differences)} skillnader / differences mot / against {reference.name} "
        f"({len(theirs)} poster i referensen / entries in the reference)."
    )
    if differences:
        sys.exit(1)


def _add_commands() -> None:
    """The commands kept in modules of their own: accounts and the secret key (kg.cli_accounts), and `kg suggest`,
    `kg analyse` and `kg report` (kg.suggest, kg.analysis, kg.report)."""
    from kg.analysis.cli import analyse_command
    from kg.cli_accounts import secret_group, user_group
    from kg.report.cli import report_command
    from kg.suggest.cli import suggest_command

    for command in (user_group, secret_group, suggest_command, analyse_command, report_command):
        main.add_command(command)
    # the layers above kg add their commands through the entry point group kg.commands (pyproject.toml): `kg serve`
    # is the web app's (webapp.serve), and kg never imports the web layer
    for entry in entry_points(group="kg.commands"):
        main.add_command(entry.load(), entry.name)


_add_commands()

if __name__ == "__main__":
    main()
