"""Initiatives in short (kind, status, focus areas, the goals their links serve) for lists and concept pages,
and the goals as badges in their official colours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.pages.entities.statements import MAPPINGS, Ref, Text, Vocabulary, choose_row, local_name
from kg.queries import Catalogue
from kg.toolkit import text_colour

QUERIES = Catalogue(__name__)

#: the initiative statuses in the order of the list page; "none" = not stated in the source
STATUS_ORDER = ("idea", "planned", "ongoing", "completed", "none")
LINK_STATUS_ORDER = {"confirmed": 0, "proposed": 1, "rejected": 2}


@dataclass
class GoalBadge:
    """A goal with its official colour (and a text colour that reads on it): number and short title in words."""

    iri: str
    code: str
    label: Text
    colour: str
    text_colour: str
    count: int = 0  # initiatives serving it (on partner pages)
    statuses: list[str] = field(default_factory=list)  # link statuses behind it: proposed, confirmed

    @property
    def proposed_only(self) -> bool:
        return "confirmed" not in self.statuses


def goal_badges(store: ox.Store, lang: str) -> dict[str, GoalBadge]:
    """Every goal as a badge template (count and statuses empty), by IRI."""
    badges = {}
    for row in QUERIES.rows(store, "goals"):
        colour = row.get("colour") or "#19486A"
        title = choose_row(row, "label", lang) or Text(row["code"])
        badges[row["goal"]] = GoalBadge(row["goal"], row["code"], title, colour, text_colour(colour))
    return badges


def goal_sort_key(badge: GoalBadge) -> tuple[int, str]:
    return (int(badge.code), badge.code) if badge.code.isdigit() else (999, badge.code)


# ---------------------------------------------------------------- initiatives in short (lists, concept pages)


@dataclass
class InitiativeSummary:
    iri: str
    label: Text
    kind: Text | None
    kind_key: str  # local name of the class in lower case: "pilot", "testbed", ...
    status: Text | None
    status_key: str  # idea / planned / ongoing / completed / none
    focus_areas: list[Ref] = field(default_factory=list)
    goals: list[GoalBadge] = field(default_factory=list)


def initiative_summaries(
    store: ox.Store, lang: str, vocabulary: Vocabulary | None = None, rows: list[dict[str, Any]] | None = None
) -> dict[str, InitiativeSummary]:
    """Initiatives with kind, status, focus areas (proposed or not) and the goals their links serve (rejected links
    left out; each goal keeps the statuses of the links behind it). `rows`: rows with the columns of
    the query initiatives (default: that query, i.e. every initiative)."""
    vocabulary = vocabulary or Vocabulary(store, lang)
    badges = goal_badges(store, lang)
    rows = QUERIES.rows(store, "initiatives") if rows is None else rows
    summaries: dict[str, InitiativeSummary] = {}
    goals: dict[str, dict[str, GoalBadge]] = {}
    focus: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        iri = row["initiative"]
        summary = summaries.get(iri)
        if summary is None:
            status = row.get("status")
            summary = summaries[iri] = InitiativeSummary(
                iri=iri,
                label=choose_row(row, "label", lang) or Text(local_name(iri)),
                kind=vocabulary(row["kind"]),
                kind_key=local_name(row["kind"]).lower(),
                status=vocabulary(status),
                status_key=local_name(status) if status else "none",
            )
            goals[iri], focus[iri] = {}, {}
        elif summary.kind_key == "initiative" and row["kind"] != SKK + "Initiative":
            summary.kind, summary.kind_key = vocabulary(row["kind"]), local_name(row["kind"]).lower()  # more specific
        if row.get("focusArea"):
            focus[iri].setdefault(row["focusArea"], set()).add(row.get("focusGraph") or "")
        goal, status = row.get("goal"), row.get("linkStatus")
        if goal and status and local_name(status) != "rejected" and goal in badges:
            template = badges[goal]
            badge = goals[iri].setdefault(
                goal, GoalBadge(template.iri, template.code, template.label, template.colour, template.text_colour)
            )
            if local_name(status) not in badge.statuses:
                badge.statuses.append(local_name(status))
    for iri, summary in summaries.items():
        summary.goals = sorted(goals[iri].values(), key=goal_sort_key)
        summary.focus_areas = [Ref(area, vocabulary(area), graphs <= {MAPPINGS}) for area, graphs in focus[iri].items()]
    return summaries


def sort_summaries(items: Iterable[InitiativeSummary]) -> list[InitiativeSummary]:
    return sorted(
        items,
        key=lambda s: (
            STATUS_ORDER.index(s.status_key) if s.status_key in STATUS_ORDER else 9,
            s.label.text.casefold(),
        ),
    )
