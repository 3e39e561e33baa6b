"""`kg analyse [partners|goals|all]`: the network analysis as tables (text), JSON or CSV."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("analyse")
@click.argument("section", type=click.Choice(["partners", "goals", "all"]), default="all")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Utdataformat / output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Skriv till en fil i stället för standard ut / write to a file instead of standard output.",
)
@click.option(
    "--lang",
    type=click.Choice(["sv", "en"]),
    default="sv",
    show_default=True,
    help="Språk för frågor och namn / language of the questions and names.",
)
@click.option(
    "--confirmed-only",
    is_flag=True,
    help="Mål och delmål: räkna bara bekräftade kopplingar / goals and targets: count confirmed links only.",
)
@click.pass_obj
def analyse_command(obj, section: str, fmt: str, output: Path | None, lang: str, confirmed_only: bool) -> None:
    """Nätverksanalys: partnernas samarbete, mål som arbetas med tillsammans, centralitet och grupper.

    Network analysis: the partners' collaboration, goals worked on together, centrality and communities.
    """
    from kg.analysis.model import compute
    from kg.analysis.output import render

    text = render(compute(obj.open()), section, fmt, lang, confirmed_only)  # one run: nothing to keep
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        from kg.clitools import fail

        fail(f"{output} kan inte skrivas / cannot be written: {err.strerror or err}")
    click.echo(f"{output}: {fmt}", err=True)
