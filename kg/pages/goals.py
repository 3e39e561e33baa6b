"""Page models of the Agenda 2030 framework: goals, targets and indicators.

Every function takes `(store, iri_or_none, lang)` and returns dicts (Records, whose keys read as attributes
too) for the templates, or None when the resource is not of the kind. Texts come as {"text": ..., "lang": ...}
so that a page can mark the language a text is really in (e.g. indicator texts exist only in English,
rationales only in Swedish).
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from kg.namespaces import SDG
from kg.queries import Catalogue
from kg.toolkit import Record, both, code_key, text, text_colour

QUERIES = Catalogue(__name__)

#: the UN's linked-data home of the SDG concepts, named as the source of every goal, target and indicator
UN_SDG = "http://metadata.un.org/sdg"
STATUS_ORDER = {"confirmed": 0, "proposed": 1, "rejected": 2}
RELEVANCE_ORDER = {"primary": 0, "secondary": 1}
LANGS = ("sv", "en")
SHOWN_LINKS = 10  # links per target on a goal's page (all of them are on the target's page)


# ---------------------------------------------------------------- helpers


def un_sources(iri: str) -> list[dict[str, str]]:
    """The UN's linked data as the source of an SDG concept: the concept itself and the UN's SDG scheme."""
    return [
        Record({"path": iri, "label": iri, "lang": "en"}),
        Record(
            {"path": UN_SDG, "label": "United Nations: Sustainable Development Goals (" + UN_SDG + ")", "lang": "en"}
        ),
    ]


def is_sdg(iri: str | None, kind: str) -> bool:
    """Cheap check before querying: goal IRIs are sdg/N, targets sdg/N.x, indicators sdg/C…"""
    if not iri or not iri.startswith(SDG):
        return False
    rest = iri[len(SDG) :]
    pattern = {"goal": r"\d{1,2}", "target": r"\d{1,2}\.[0-9a-z]{1,2}", "indicator": r"C[0-9a-z]{6,8}"}[kind]
    return re.fullmatch(pattern, rest) is not None


def tile(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A goal as a tile: number, short title, colour and the counts."""
    colour = row.get("colour") or "#19486A"
    initiatives, confirmed = row.get("initiatives") or 0, row.get("confirmed") or 0
    return Record(
        {
            "iri": row["goal"],
            "code": row["code"],
            "short": text(row, "short", lang) or Record({"text": row["code"], "lang": lang}),
            "title": text(row, "title", lang),
            "titles": both(row, "title", lang),
            "translated": bool(row.get("translated")),
            "colour": colour,
            "text_colour": text_colour(colour),
            "initiatives": initiatives,
            "confirmed": confirmed,
            "proposed": initiatives - confirmed,
            "selected": row.get("selected") or 0,
        }
    )


def link_entry(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A target link; `status` and `relevance` are the codes (proposed, confirmed, rejected; primary, secondary)."""
    return Record(
        {
            "iri": row["link"],
            "target": row["target"],
            "initiative": row["initiative"],
            "name": text(row, "initiative", lang) or Record({"text": row["initiative"], "lang": lang}),
            "relevance": row.get("relevance"),
            "status": row["status"],
            "rationale": text(row, "rationale", lang),
            "attributed_to": row.get("attributedTo"),
            "attributed_label": text(row, "attributedTo", lang),
            "generated": row.get("generated"),
        }
    )


def name_key(entry: dict[str, Any], fallback: str) -> str:
    name = entry.get("name")
    return (name["text"] if name else fallback).casefold()


def sort_links(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        links,
        key=lambda k: (
            STATUS_ORDER.get(k["status"], 9),
            RELEVANCE_ORDER.get(k["relevance"], 9),
            k["name"]["text"].casefold(),
        ),
    )


def first_links(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The SHOWN_LINKS links of a target that its goal's page shows, from the rows of the query target-initiatives:
    confirmed before proposed, primary before secondary (then without relevance), then by the Swedish name (else
    the English, else the IRI), case-insensitively (a top 10 per target is no SPARQL 1.1 query)."""

    def key(row: dict[str, Any]) -> tuple:
        relevance = 0 if row.get("relevance") == "primary" else 1 if row.get("relevance") else 2
        name = row.get("initiativeSv") or row.get("initiativeEn") or row["initiative"]
        return (row["status"] != "confirmed", relevance, name.lower())

    return sorted(rows, key=key)[:SHOWN_LINKS]


def link_counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many initiatives a target's links (not rejected) name, and how many of them by a confirmed link."""
    return {
        "initiatives": len({row["initiative"] for row in rows}),
        "confirmed": len({row["initiative"] for row in rows if row["status"] == "confirmed"}),
    }


def selection_entry(row: dict[str, Any], lang: str) -> dict[str, Any]:
    return Record(
        {
            "iri": row["selection"],
            "target": row["target"],
            "reason": text(row, "reason", lang),
            "focus_area": row.get("focusArea"),
            "focus_area_label": text(row, "focusArea", lang),
            "selected_by": row.get("selectedBy"),
            "selected_by_label": text(row, "selectedBy", lang),
            "generated": row.get("generated"),
            "ended": row.get("ended"),
        }
    )


def indicator_entry(row: dict[str, Any], lang: str) -> dict[str, Any]:
    return Record(
        {
            "iri": row["indicator"],
            "target": row["target"],
            "identifier": row["identifier"],
            "listing": row["listing"],
            "text": text(row, "text", lang),
        }
    )


def group_by_target(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        grouped.setdefault(entry["target"], []).append(entry)
    return grouped


def target_entry(row: dict[str, Any], lang: str, counts: dict[str, Any] | None = None) -> dict[str, Any]:
    counts = counts or {}
    initiatives, confirmed = counts.get("initiatives") or 0, counts.get("confirmed") or 0
    return Record(
        {
            "iri": row["target"],
            "code": row["code"],
            "text": text(row, "text", lang),
            "texts": both(row, "text", lang),
            "translated": bool(row.get("translated")),
            "initiatives": initiatives,
            "confirmed": confirmed,
            "proposed": initiatives - confirmed,
            "selected": counts.get("selected") or 0,
        }
    )


def counts_of(links: list[dict[str, Any]], selections: list[dict[str, Any]]) -> dict[str, int]:
    """Counts of one target from its links and selections, as the count queries compute them."""
    serving = {k["initiative"] for k in links if k["status"] in ("proposed", "confirmed")}
    confirmed = {k["initiative"] for k in links if k["status"] == "confirmed"}
    return Record(
        {
            "initiatives": len(serving),
            "confirmed": len(confirmed),
            "selected": sum(1 for s in selections if not s["ended"]),
        }
    )


# ---------------------------------------------------------------- pages


# ---------------------------------------------------------------- readings other pages share


def goal_rows(store: ox.Store) -> list[dict[str, Any]]:
    """The 17 goals as tiles read them: code, titles, colour, and the initiatives that serve each (the home page and
    the gaps read them too)."""
    return QUERIES.rows(store, "tiles")


def target_rows(store: ox.Store) -> list[dict[str, Any]]:
    """Every target with its code, goal and texts in both languages."""
    return QUERIES.rows(store, "targets")


def selection_rows(store: ox.Store) -> list[dict[str, Any]]:
    """Every selection of a target by the core team, with its reason, focus area, who and when (ended ones too)."""
    return QUERIES.rows(store, "selections")


def goals_overview(store: ox.Store, iri: str | None = None, lang: str = "sv") -> dict[str, Any]:
    """Every goal with its targets, each with its count of initiatives (3 queries)."""
    goals = {row["goal"]: Record(tile(row, lang), targets=[]) for row in goal_rows(store)}
    counts = {row["target"]: row for row in QUERIES.rows(store, "target-counts")}
    for row in QUERIES.rows(store, "targets"):
        if row["goal"] in goals:
            goals[row["goal"]]["targets"].append(target_entry(row, lang, counts.get(row["target"])))
    for goal in goals.values():
        goal["targets"].sort(key=lambda t: code_key(t["code"]))
    return Record({"goals": list(goals.values()), "sources": un_sources(UN_SDG)[1:]})


def goal_page(store: ox.Store, iri: str, lang: str = "sv") -> dict[str, Any] | None:
    """A goal: titles, colour, its targets with texts, selections, indicators, and per target the number of
    initiatives with the first 10 of them (confirmed, then primary, first; `more` tells how many more are on the
    target's page) (5 queries)."""
    if not is_sdg(iri, "goal"):
        return None
    rows = QUERIES.rows(store, "tile", {"goal": iri})
    if not rows:
        return None
    goal = tile(rows[0], lang)
    bound = {"goal": iri}
    by_target: dict[str, list[dict[str, Any]]] = {}
    for row in QUERIES.rows(store, "target-initiatives", bound):
        by_target.setdefault(row["target"], []).append(row)
    links = {target: [link_entry(row, lang) for row in first_links(rows)] for target, rows in by_target.items()}
    counts = {target: link_counts(rows) for target, rows in by_target.items()}
    selections = group_by_target([selection_entry(r, lang) for r in QUERIES.rows(store, "selections", bound)])
    indicators = group_by_target([indicator_entry(r, lang) for r in QUERIES.rows(store, "indicators", bound)])
    targets = []
    for row in QUERIES.rows(store, "targets", bound):
        target_selections = selections.get(row["target"], [])
        count = counts.get(row["target"], {})
        target = target_entry(
            row,
            lang,
            {
                "initiatives": count.get("initiatives") or 0,
                "confirmed": count.get("confirmed") or 0,
                "selected": sum(1 for s in target_selections if not s["ended"]),
            },
        )
        target["links"] = sort_links(links.get(row["target"], []))
        target["more"] = max(target["initiatives"] - len({k["initiative"] for k in target["links"]}), 0)
        target["selections"] = [s for s in target_selections if not s["ended"]]
        target["indicators"] = sorted(indicators.get(target["iri"], []), key=lambda i: code_key(i["listing"]))
        targets.append(target)
    targets.sort(key=lambda t: code_key(t["code"]))
    selected = [(t, s) for t in targets for s in t["selections"]]
    return Record({"goal": goal, "targets": targets, "selected": selected, "sources": un_sources(iri)})


def target_page(store: ox.Store, iri: str, lang: str = "sv") -> dict[str, Any] | None:
    """A target: texts in both languages, its goal, indicators, linked initiatives and selections (5 queries)."""
    if not is_sdg(iri, "target"):
        return None
    bound = {"target": iri}
    rows = QUERIES.rows(store, "targets", bound)
    if not rows:
        return None
    row = rows[0]
    goals = QUERIES.rows(store, "tile", {"goal": row["goal"]})
    goal = tile(goals[0], lang) if goals else None
    links = sort_links([link_entry(r, lang) for r in QUERIES.rows(store, "links", bound)])
    selections = [selection_entry(r, lang) for r in QUERIES.rows(store, "selections", bound)]
    target = target_entry(row, lang, counts_of(links, selections))
    indicators = sorted(
        (indicator_entry(r, lang) for r in QUERIES.rows(store, "indicators", bound)),
        key=lambda i: code_key(i["listing"]),
    )
    return Record(
        {
            "target": target,
            "goal": goal,
            "links": [k for k in links if k["status"] != "rejected"],
            "rejected": [k for k in links if k["status"] == "rejected"],
            "selections": [s for s in selections if not s["ended"]],
            "ended_selections": [s for s in selections if s["ended"]],
            "indicators": indicators,
            "sources": un_sources(iri),
        }
    )


def indicator_page(store: ox.Store, iri: str, lang: str = "sv") -> dict[str, Any] | None:
    """An indicator: permanent code, listing codes, text, and the targets (and goals) it is listed under (1 query)."""
    if not is_sdg(iri, "indicator"):
        return None
    rows = QUERIES.rows(store, "indicator", {"indicator": iri})
    if not rows:
        return None
    first = rows[0]
    listings: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = listings.setdefault(row["listing"], Record({"listing": row["listing"], "target": None}))
        if row.get("target"):
            colour = row.get("colour") or "#19486A"
            entry["target"] = Record(
                {
                    "iri": row["target"],
                    "code": row["targetCode"],
                    "text": text(row, "target", lang),
                    "goal": Record(
                        {
                            "iri": row.get("goal"),
                            "code": row.get("goalCode"),
                            "short": text(row, "goal", lang),
                            "colour": colour,
                            "text_colour": text_colour(colour),
                        }
                    ),
                }
            )
    return Record(
        {
            "iri": iri,
            "identifier": first["identifier"],
            "text": text(first, "text", lang),
            "texts": both(first, "text", lang),
            "listings": sorted(listings.values(), key=lambda e: code_key(e["listing"])),
            "sources": un_sources(iri),
        }
    )
