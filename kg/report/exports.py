"""CSV exports of a report: every initiative–target link (links.csv) and initiatives × goals (matrix.csv).

The files open in Excel as they are: UTF-8 with a byte order mark (so that å, ä and ö are read right), fields
separated by semicolons (Swedish Excel's list separator, since the comma is the decimal separator), lines ending in
CRLF, and fields quoted when they hold a semicolon, a quote or a line break (RFC 4180 otherwise). Headers and
values are in the report's language; IRIs are given beside the names for other programs. A text that a spreadsheet
would run as a formula (`=…`, `@…`) gets a `'` in front; numbers stay numbers (kg.csvsafe).
"""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox

from kg.csvsafe import neutralise_row
from kg.pages.overviews import initiatives_goals
from kg.report.model import Initiative, Link, Report
from kg.report.words import translator

BOM = "\ufeff"
DELIMITER = ";"


def _write(rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([neutralise_row("" if v is None else v for v in row) for row in rows])
    return BOM + out.getvalue()


def area_names(report: Report, item: Initiative) -> str:
    """The initiative's focus areas by name, each marked when the assignment is only a proposal."""
    t = translator(report.lang)
    names = {a.iri: a.label for a in report.areas}
    return " | ".join(
        names.get(area, area) + (f" ({t('reports.proposal')})" if proposed else "")
        for area, proposed in sorted(item.areas.items(), key=lambda a: names.get(a[0], a[0]))
    )


def status_text(link: Link, lang: str) -> str:
    t = translator(lang)
    return {
        "proposed": t("overviews.proposed"),
        "confirmed": t("overviews.confirmed"),
        "rejected": t("reports.rejected"),
    }.get(link.status, link.status)


def relevance_text(link: Link, lang: str) -> str:
    t = translator(lang)
    return {"primary": t("overviews.primary"), "secondary": t("overviews.secondary")}.get(
        link.relevance, link.relevance
    )


def provenance_text(link: Link, lang: str) -> str:
    t = translator(lang)
    if link.graph == "curation":
        return t("reports.provenance.curation_proposal" if link.proposed else "reports.provenance.curation")
    if link.graph == "mappings":
        return t("reports.provenance.mappings")
    return link.graph


def links_csv(report: Report) -> str:
    """Every link of the report's initiatives, rejected ones included (the status says so)."""
    t = translator(report.lang)
    initiatives = {i.iri: i for i in report.initiatives}
    header = [
        t(f"reports.csv.{name}")
        for name in (
            "initiative",
            "initiative_iri",
            "focus_area",
            "target",
            "target_text",
            "goal",
            "goal_name",
            "relevance",
            "status",
            "rationale",
            "provenance",
            "attributed_to",
            "made",
            "graph",
            "link_iri",
        )
    ]
    rows: list[list[object]] = [header]
    for ln in report.links:
        rows.append(
            [
                ln.initiative_label,
                ln.initiative,
                area_names(report, initiatives[ln.initiative]),
                ln.code,
                ln.target_text,
                ln.goal.code,
                ln.goal.short,
                relevance_text(ln, report.lang),
                status_text(ln, report.lang),
                ln.rationale,
                provenance_text(ln, report.lang),
                ln.attributed_label or ln.attributed_to,
                ln.generated.isoformat() if ln.generated else "",
                "graph/" + ln.graph if ln.graph else "",
                ln.iri,
            ]
        )
    return _write(rows)


def matrix_csv(store: ox.Store, report: Report) -> str:
    """Initiatives × goals (the overviews' matrix, kg.pages.overviews.initiatives_goals): a cell is the number of
    the initiative's links that are not rejected to the goal's targets, empty when there is none; the last columns
    count the row's links, confirmed and proposed."""
    t = translator(report.lang)
    matrix = initiatives_goals(store, report.lang)
    scope = {i.iri: i for i in report.initiatives}
    header = [
        t("reports.csv.initiative"),
        t("reports.csv.initiative_iri"),
        t("reports.csv.focus_area"),
        t("reports.csv.status"),
    ]
    header += [f"{g.code} {g.short}" for g in matrix.goals]
    header += [t("reports.csv.links"), t("reports.csv.confirmed"), t("reports.csv.proposed")]
    rows: list[list[object]] = [header]
    for row in matrix.rows:
        item = scope.get(row.iri)
        if item is None:
            continue
        rows.append(
            [
                row.label,
                row.iri,
                area_names(report, item),
                item.status_label or "",
                *[cell.count or "" for cell in row.cells],
                row.links,
                sum(c.confirmed for c in row.cells),
                sum(c.proposed for c in row.cells),
            ]
        )
    return _write(rows)
