"""Comparing the project's SDG framework with an official UN file, difference by difference.

This is how the framework is kept current when the UN revises it: run
`kg sdg check --reference FILE` and edit data/sdg/ until nothing is printed.
Accepted references: the UN SKOS dump (Turtle) and CSV files with the columns
`kind,code,title,text` (texts) and/or `code,unsd_code` (indicator permanent codes).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.queries import Catalogue

QUERIES = Catalogue(__name__)


SDG = "http://metadata.un.org/sdg/"


@dataclass(frozen=True)
class Entry:
    kind: str
    code: str
    iri: str | None = None
    text: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Difference:
    kind: str
    code: str
    what: str
    project: str | None
    reference: str | None

    def describe(self) -> str:
        head = f"{self.kind} {self.code}: {self.what}"
        lines = [head]
        if self.project is not None or self.reference is not None:
            lines.append(f"  projekt / project:    {self.project if self.project is not None else '—'}")
            lines.append(f"  referens / reference: {self.reference if self.reference is not None else '—'}")
        return "\n".join(lines)


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def entries_from_store(store: ox.Store) -> dict[tuple[str, str], Entry]:
    found: dict[tuple[str, str], Entry] = {}
    for row in QUERIES.rows(store, "entries"):
        found[(row["kind"], row["code"])] = Entry(row["kind"], row["code"], row["iri"], row["text"], row["title"])
    return found


def entries_from_reference(path: Path) -> dict[tuple[str, str], Entry]:
    """Read a UN reference file: SKOS in any RDF syntax, or CSV."""
    if path.suffix.lower() == ".csv":
        return _entries_from_csv(path)
    store = ox.Store()
    try:
        store.load(path=path, format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE)
    except SyntaxError as err:
        raise ValueError(f"{path}: {err}") from None
    return entries_from_store(store)


def _entries_from_csv(path: Path) -> dict[tuple[str, str], Entry]:
    found: dict[tuple[str, str], Entry] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        if not ({"kind", "code"} <= columns or {"code", "unsd_code"} <= columns):
            raise ValueError(
                f"{path}: väntade kolumnerna kind,code,... eller code,unsd_code / "
                f"expected the columns kind,code,... or code,unsd_code"
            )
        for row in reader:
            code = row["code"].strip()
            kind = row.get("kind") or ("indicator" if code.count(".") == 2 else "target" if "." in code else "goal")
            iri = None
            if row.get("unsd_code"):
                iri = SDG + row["unsd_code"].strip()
            elif row.get("un_lod_iri"):
                iri = row["un_lod_iri"].strip()
            elif kind != "indicator":
                iri = SDG + code
            found[(kind, code)] = Entry(kind, code, iri, row.get("text") or None, row.get("title") or None)
    return found


def compare(project: dict[tuple[str, str], Entry], reference: dict[tuple[str, str], Entry]) -> list[Difference]:
    """Every difference, for the fields the reference has."""
    diffs: list[Difference] = []
    kinds = {kind for kind, _ in reference}  # a reference of indicators only says nothing of goals
    keys = set(reference) | {key for key in project if key[0] in kinds}
    for key in sorted(keys, key=_sort_key):
        kind, code = key
        ours, theirs = project.get(key), reference.get(key)
        if ours is None:
            diffs.append(Difference(kind, code, "saknas i projektet / missing in the project", None, theirs.text))
            continue
        if theirs is None:
            diffs.append(Difference(kind, code, "finns inte i referensen / not in the reference", ours.text, None))
            continue
        if theirs.iri and ours.iri != theirs.iri:
            diffs.append(Difference(kind, code, "annan IRI / different IRI", ours.iri, theirs.iri))
        if theirs.text and _norm(ours.text) != _norm(theirs.text):
            diffs.append(Difference(kind, code, "annan engelsk text / different English text", ours.text, theirs.text))
        if theirs.title and _norm(ours.title) != _norm(theirs.title):
            diffs.append(Difference(kind, code, "annan kort titel / different short title", ours.title, theirs.title))
    return diffs


def _sort_key(key: tuple[str, str]) -> tuple:
    order = {"goal": 0, "target": 1, "indicator": 2}
    parts = tuple(int(p) if p.isdigit() else 100 + ord(p[0]) for p in key[1].split("."))
    return (order.get(key[0], 3), parts)
