"""Page model of the home page: the 17 goals as tiles, then ONE collaboration (its vision and mission, focus areas
and priority perspectives, each with its number of initiatives and the names of at most 24 of them), and, when the
graph holds several collaborations (the national graph: one per municipality and region), the first few of the
others with their number of initiatives.

The collaboration shown is the one asked for (the app's configuration: Samhällskontraktet) when the graph has it,
else the first in IRI order. Every count is aggregated in SPARQL and every list is cut in SPARQL (LIMIT), so the
page costs about the same for one collaboration as for 311: 5 queries plus one per focus area or perspective
(the view keeps the page per state of the data, kg.statecache).
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.pages.goals import goal_rows, name_key, tile
from kg.queries import Catalogue
from kg.toolkit import Record, code_key, text

QUERIES = Catalogue(__name__)

SHOWN_PER_GROUP = 24  # initiatives named per focus area or perspective (all are on its own page)
SHOWN_OTHERS = 10  # other collaborations listed (all are on /partners)


def _collaboration(store: ox.Store, iri: str, lang: str) -> Record | None:
    collaboration: Record | None = None
    for row in QUERIES.rows(store, "collaboration", {"collaboration": iri}):
        if collaboration is None:
            collaboration = Record(
                {
                    "iri": row["collaboration"],
                    "name": text(row, "name", lang),
                    "vision": text(row, "vision", lang),
                    "mission": text(row, "mission", lang),
                    "sources": [],
                }
            )
        if row.get("source"):
            label = text(row, "source", lang) or Record({"text": row["source"], "lang": lang})
            collaboration["sources"].append(
                Record({"iri": row["source"], "label": label["text"], "lang": label["lang"]})
            )
    return collaboration


def _groups(store: ox.Store, collaboration: str, lang: str) -> list[Record]:
    """The collaboration's focus areas and perspectives, each with its count and its first initiatives by name."""
    groups: dict[str, Record] = {}
    for row in QUERIES.rows(store, "groupings", {"organisation": collaboration}):
        groups.setdefault(
            row["group"],
            Record(
                {
                    "iri": row["group"],
                    "kind": row["kind"],
                    "name": text(row, "group", lang) or Record({"text": row["group"], "lang": lang}),
                    "order": row.get("order"),
                    "count": row.get("initiatives") or 0,
                }
            ),
        )
    for group in groups.values():
        shown: dict[str, Record] = {}
        for row in QUERIES.rows(store, "group-initiatives", {"concept": group["iri"]}, limit=SHOWN_PER_GROUP, offset=0):
            entry = shown.setdefault(
                row["initiative"],
                Record({"iri": row["initiative"], "name": text(row, "initiative", lang), "proposal": True}),
            )
            # stated in the collaboration's own data (not only in the proposals) -> not a proposal
            entry["proposal"] = entry["proposal"] and bool(row.get("proposal"))
        group["initiatives"] = sorted(shown.values(), key=lambda e: name_key(e, e["iri"]))
        group["count"] = max(group["count"], len(shown))
        group["more"] = group["count"] - len(shown)
    return list(groups.values())


def _others(store: ox.Store, collaboration: str, lang: str) -> list[Record]:
    rows = QUERIES.rows(store, "collaborations", {"organisation": collaboration}, limit=SHOWN_OTHERS, offset=0)
    return [
        Record(
            {
                "iri": row["collaboration"],
                "name": text(row, "name", lang) or Record({"text": row["collaboration"], "lang": lang}),
                "initiatives": row.get("initiatives") or 0,
            }
        )
        for row in rows
    ]


def home(store: ox.Store, iri: str | None = None, lang: str = "sv") -> dict[str, Any]:
    """The start page for the collaboration `iri` (or, when the graph does not have it, the first collaboration):
    tiles, the collaboration with its focus areas and perspectives, and the first SHOWN_OTHERS other
    collaborations (most initiatives first) with `collaborations`, how many the graph has in all."""
    tiles = [tile(row, lang) for row in goal_rows(store)]
    counted = QUERIES.rows(store, "collaborations-count")
    total = (counted[0].get("collaborations") or 0) if counted else 0
    collaboration = _collaboration(store, iri, lang) if iri else None
    if collaboration is None and total:
        collaboration = _collaboration(store, counted[0]["first"], lang)
    groups = _groups(store, collaboration["iri"], lang) if collaboration else []
    others = _others(store, collaboration["iri"], lang) if collaboration and total > 1 else []

    def ordered(kind: str) -> list[Record]:
        chosen = [g for g in groups if g["kind"] == kind]
        return sorted(chosen, key=lambda g: (code_key(str(g["order"])) if g["order"] else (), g["name"]["text"]))

    return Record(
        {
            "tiles": tiles,
            "collaboration": collaboration,
            "focus_areas": ordered("focus-area"),
            "perspectives": ordered("perspective"),
            "others": others,
            "collaborations": total,
        }
    )
