"""The report as HTML: the context its template needs (shared with the page /report), the self-contained file of
`kg report` (inline CSS, no scripts, nothing fetched), and a PDF printed by Debian's Chromium when it is installed.

The templates are the viewer's (webapp/templates/pages/report-body.html inside report-document.html), rendered
here without Flask, so that the file and the page show the same report.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kg.layout import PROJECT_ROOT
from kg.report.exports import provenance_text, relevance_text, status_text
from kg.report.model import Report
from kg.report.words import translator

TEMPLATES = PROJECT_ROOT / "webapp" / "templates"
CSS = PROJECT_ROOT / "webapp" / "static" / "css" / "report.css"
CHROMIUM = Path("/usr/bin/chromium")


class PdfUnavailable(RuntimeError):
    """No PDF can be printed (Chromium is missing or failed); says why in Swedish and English."""

    def __init__(self, sv: str, en: str):
        self.sv, self.en = sv, en
        super().__init__(f"{sv} / {en}")


def day(value: datetime | None) -> str:
    return "" if value is None else value.date().isoformat()


def moment(value: datetime | None) -> str:
    """A time to the minute, with its offset from UTC ("2025-03-01 14:05 UTC+01:00")."""
    if value is None:
        return ""
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return value.strftime("%Y-%m-%d %H:%M ") + zone


def now() -> datetime:
    return datetime.now().astimezone()


def context(
    report: Report,
    made: datetime,
    href: Callable[[str], str],
    absolute: Callable[[str], str],
    web: dict[str, str] | None = None,
) -> dict[str, object]:
    """What report-body.html needs. `href`: the address a link points to; `absolute`: the full address printed
    after source links on paper; `web`: the page's own addresses (None in the file)."""
    lang = report.lang
    return {
        "report": report,
        "made": made,
        "day": day,
        "moment": moment,
        "href": href,
        "absolute": absolute,
        "web": web,
        "status_text": lambda link: status_text(link, lang),
        "relevance_text": lambda link: relevance_text(link, lang) if link.relevance else "",
        "provenance_text": lambda link: provenance_text(link, lang),
    }


def _identity(iri: str) -> str:
    return iri


def render_document(report: Report, made: datetime | None = None) -> str:
    """The report as one HTML file that needs nothing else: links point to the resources' IRIs."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    lang = report.lang
    environment.globals.update(t=translator(lang), lang=lambda: lang)
    template = environment.get_template("pages/report-document.html")
    values = context(report, made or now(), _identity, _identity)
    return template.render(css=CSS.read_text(encoding="utf-8"), **values)


def chromium() -> Path | None:
    """Debian's Chromium (KG_CHROMIUM names another), or None when it is not installed."""
    named = os.environ.get("KG_CHROMIUM")
    candidates = [Path(named)] if named else [CHROMIUM, *(Path(p) for p in filter(None, [shutil.which("chromium")]))]
    return next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


def write_pdf(html: str, output: Path, timeout: float = 120) -> None:
    """Print `html` to the PDF file `output` with headless Chromium (A4, the report's print styles). Nothing is
    fetched: the file is self-contained and Chromium runs with networking features off."""
    program = chromium()
    if program is None:
        raise PdfUnavailable(
            f"Chromium saknas ({CHROMIUM}); installera paketet chromium (scripts/install-browser.sh) eller skriv HTML "
            "och skriv ut den från en webbläsare.",
            f"Chromium is missing ({CHROMIUM}); install the chromium package (scripts/install-browser.sh) or write "
            "HTML and print it from a browser.",
        )
    with tempfile.TemporaryDirectory(prefix="kg-report-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        target = Path(folder) / "report.pdf"
        command = [
            str(program),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder}/profile",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise PdfUnavailable(f"Chromium kunde inte skriva ut: {err}", f"Chromium could not print: {err}") from err
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
            raise PdfUnavailable(
                f"Chromium kunde inte skriva ut: {detail[0]}", f"Chromium could not print: {detail[0]}"
            )
        output.write_bytes(target.read_bytes())
