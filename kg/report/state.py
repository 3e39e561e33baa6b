"""The data state behind a report (a fingerprint of the public graphs, when the proposals were made, the core
team's decisions) and the source documents of the things it reports."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

import pyoxigraph as ox

from kg.export import PUBLIC_GRAPHS
from kg.queries import Catalogue
from kg.report.model import DataState, Source
from kg.toolkit import pick, sort_key

QUERIES = Catalogue(__name__)

_BLANK = re.compile(rb"_:[A-Za-z0-9]+")


def fingerprint(store: ox.Store) -> tuple[str, int]:
    """The first 12 hex digits of a SHA-256 over the public graphs, each graph's name followed by its sorted
    N-Triples (blank node labels, which a rebuild renames, are left out), and the number of quads: two reports with
    the same fingerprint are made from the same data. The store writes the N-Triples itself (2.5× faster than
    Python at 1M triples)."""
    digest, count = hashlib.sha256(), 0
    for graph in PUBLIC_GRAPHS:
        if isinstance(store, ox.Store):
            text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        else:  # a remote store (kg.backends.remote) reads quads only
            quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            text = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode("utf-8")
        lines = [line for line in _BLANK.sub(b"_:b", text).splitlines() if line]
        lines.sort()
        digest.update(b"<" + graph.encode("utf-8") + b">\n")
        digest.update(b"\n".join(lines))
        count += len(lines)
    return digest.hexdigest()[:12], count


def data_state(store: ox.Store) -> DataState:
    digest, triples = fingerprint(store)
    row = QUERIES.rows(store, "data-state")[0]
    return DataState(digest, triples, _when(row["proposed"]), int(row["decisions"] or 0), _when(row["latestDecision"]))


def _when(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None


def sources_of(store: ox.Store, resources: set[str], lang: str) -> list[Source]:
    """The source documents of `resources` (focus areas, initiatives, budget lines, reported totals), with their
    title, date and publisher; newest first."""
    found: dict[str, Source] = {}
    for row in QUERIES.rows(store, "sources"):
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
