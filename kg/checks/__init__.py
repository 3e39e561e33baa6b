"""Consistency checks: SPARQL queries that must return no rows (see the `.rq` files here)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.queries import NamedQuery, parse_query_file

CHECK_DIR = Path(__file__).resolve().parent


@cache
def check_queries() -> tuple[tuple[NamedQuery, str, dict[str, str]], ...]:
    """(query, severity, messages by language) for every check file."""
    found = []
    for path in sorted(CHECK_DIR.glob("*.rq")):
        query = parse_query_file(path)
        meta: dict[str, str] = {}
        for line in query.text.splitlines():
            if line.startswith("# "):
                key, _, value = line[2:].partition(": ")
                meta[key.strip()] = value.strip()
        messages = {"sv": meta.get("message@sv", ""), "en": meta.get("message@en", "")}
        found.append((NamedQuery(meta.get("id", path.stem), query.text), meta.get("severity", "violation"), messages))
    return tuple(found)
