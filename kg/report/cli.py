"""`kg report`: the board report as a self-contained HTML file (or a PDF, or the CSV files), for one focus area or
the whole collaboration."""

from __future__ import annotations

import sys
from pathlib import Path

import click

FORMATS = ("html", "csv-links", "csv-matrix")


def _fail(message_sv: str, message_en: str) -> None:
    click.echo(f"kg report: {message_sv} / {message_en}", err=True)
    sys.exit(1)


@click.command("report")
@click.option(
    "--focus-area",
    "focus_area",
    metavar="X",
    default=None,
    help="Fokusområdet (slug, t.ex. nara-vard, eller IRI); utan: hela samverkan / the focus area (slug or "
    "IRI); without it: the whole collaboration.",
)
@click.option(
    "--lang",
    type=click.Choice(["sv", "en"]),
    default="sv",
    show_default=True,
    help="Rapportens språk / the report's language.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="html",
    show_default=True,
    help="html: rapporten som en fristående fil; csv-links: alla kopplingar; csv-matrix: initiativ × mål "
    "/ html: the report as one self-contained file; csv-links: every link; csv-matrix: initiatives × "
    "goals.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Skriv rapporten som PDF med Chromium (/usr/bin/chromium) / print the report to PDF with Chromium.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Filen att skriva (utan: standard ut; krävs för --pdf) / the file to write (without it: standard "
    "output; required with --pdf).",
)
@click.pass_obj
def report_command(obj, focus_area: str | None, lang: str, fmt: str, pdf: bool, output: Path | None) -> None:
    """Rapport till styrelsen: mål och delmål, bekräftade och föreslagna kopplingar, valda delmål, initiativ
    och budget efter status (redovisat bredvid beräknat) och luckor.

    The board report: goals and targets covered, confirmed and proposed links, selected targets, initiatives and
    budget by status (reported beside computed) and the gaps. CSV files: UTF-8 with BOM, ';'-separated.
    """
    from kg.report import UnknownFocusArea, report
    from kg.report.document import PdfUnavailable, render_document, write_pdf
    from kg.report.exports import links_csv, matrix_csv

    if pdf and fmt != "html":
        _fail("--pdf gäller bara --format html", "--pdf applies only to --format html")
    if pdf and output is None:
        _fail("--pdf kräver -o FIL", "--pdf needs -o FILE")
    store = obj.open()
    try:
        made = report(store, lang, focus_area)
    except UnknownFocusArea as err:
        _fail(err.sv, err.en)
    if fmt == "html":
        html = render_document(made)
        if pdf:
            try:
                write_pdf(html, output)
            except PdfUnavailable as err:
                _fail(err.sv, err.en)
            click.echo(f"Skrev / wrote {output} (PDF)", err=True)
            return
        data = html.encode("utf-8")
    else:
        data = (links_csv(made) if fmt == "csv-links" else matrix_csv(store, made)).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as err:
        _fail(f"kan inte skriva {output}: {err.strerror or err}", f"cannot write {output}: {err.strerror or err}")
    click.echo(f"Skrev / wrote {output} ({len(data)} byte)", err=True)
