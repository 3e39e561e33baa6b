"""The data state behind a report (a fingerprint of the public graphs, when the proposals were made, the core
team's decisions) and the source documents of the things it reports."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

import pyoxigraph as ox

from kg.export import public_quads
from kg.pages import pick, run_page_query
from kg.pages.overviews import sort_key
from kg.report.model import DataState, Source

_BLANK = re.compile(r"_:[A-Za-z0-9]+")


def fingerprint(store: ox.Store) -> tuple[str, int]:
    """The first 12 hex digits of a SHA-256 over the sorted N-Quads of the public graphs (blank node labels, which
    a rebuild renames, are left out), and the number of quads: two reports with the same fingerprint are made from
    the same data."""
    lines = sorted(_BLANK.sub("_:b", str(q)) for q in public_quads(store))
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return digest[:12], len(lines)


def data_state(store: ox.Store) -> DataState:
    digest, triples = fingerprint(store)
    row = run_page_query(store, "report-data-state")[0]
    return DataState(digest, triples, _when(row["proposed"]), int(row["decisions"] or 0), _when(row["latestDecision"]))


def _when(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None


def sources_of(store: ox.Store, resources: set[str], lang: str) -> list[Source]:
    """The source documents of `resources` (focus areas, initiatives, budget lines, reported totals), with their
    title, date and publisher; newest first."""
    found: dict[str, Source] = {}
    for row in run_page_query(store, "report-sources"):
        if row["resource"] not in resources or row["source"] in found:
            continue
        when = row["date"] or row["modified"]
        found[row["source"]] = Source(
            row["source"],
            row["title"] or row["source"],
            "" if when is None else str(when),
            pick(row, "publisher", lang) or "",
        )
    return sorted(found.values(), key=lambda s: (s.date == "", _negated(s.date), sort_key(s.title, lang)))


def _negated(date: str) -> tuple[int, ...]:
    """A key that sorts dates newest first ("2024-02-27" before "2016")."""
    return tuple(-int(part) for part in re.findall(r"\d+", date))
