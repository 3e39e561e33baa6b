"""The gaps overview: selected targets no initiative serves, goals without an initiative, initiatives without a
confirmed target (paged: `?page=N`, see kg.pages.paging)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.pages.goals import goal_rows
from kg.pages.overviews.links import Goal, goals
from kg.pages.paging import PAGE_SIZE, Paging, paging
from kg.queries import Catalogue, run_named
from kg.statecache import per_state
from kg.toolkit import pick

QUERIES = Catalogue(__name__)


@dataclass(frozen=True)
class SelectedTarget:
    target: str
    code: str
    text: str
    reason: str


@dataclass(frozen=True)
class UnconfirmedInitiative:
    iri: str
    label: str
    proposed: int  # its proposed links


@dataclass
class Gaps:
    selections: int  # target selections of the core team in force
    selected_without_initiative: list[SelectedTarget]
    goals_without_initiative: list[Goal]
    goals_total: int
    initiatives_without_confirmed: list[UnconfirmedInitiative]  # this page of them
    initiatives_total: int
    unconfirmed_total: int = 0  # initiatives without a confirmed target, all of them
    paging: Paging | None = None  # of initiatives_without_confirmed


def _figures(store: ox.Store, lang: str) -> tuple[int, list[SelectedTarget], list[Goal], int, int, int]:
    """What every page of the gaps shows: selections, selected targets without initiative, goals without initiative
    (from the goals' counts, kg.pages.goals.goal_rows: no link that is not rejected), and the numbers of goals,
    initiatives and initiatives without a confirmed target."""
    selections = QUERIES.rows(store, "selections")[0]["selections"] or 0
    selected = [
        SelectedTarget(r["target"], str(r["code"]), pick(r, "text", lang) or "", r["reason"] or "")
        for r in run_named(store, "selected-targets-without-initiative")
    ]
    columns = goals(store, lang)
    served = {row["goal"] for row in goal_rows(store) if row.get("initiatives")}
    counted = QUERIES.rows(store, "unconfirmed-count")
    initiatives = (counted[0].get("initiatives") or 0) if counted else 0
    unconfirmed = (counted[0].get("unconfirmed") or 0) if counted else 0
    return selections, selected, [g for g in columns if g.iri not in served], len(columns), initiatives, unconfirmed


def gaps(store: ox.Store, lang: str, page: int = 1, size: int = PAGE_SIZE, state: Hashable | None = None) -> Gaps:
    """Selected targets no initiative serves, goals without an initiative, and a page of the initiatives without a
    confirmed target (by name; PageOutOfRange past the last page). Counted in SPARQL; the figures every page shares
    are kept per `state` of the data (kg.statecache)."""
    selections, selected, idle_goals, goals_total, initiatives, unconfirmed = per_state(
        state, ("gaps-figures", lang), lambda: _figures(store, lang)
    )
    pages = paging(page, unconfirmed, size)
    rows = QUERIES.rows(store, "unconfirmed", {"lang": lang}, limit=size, offset=pages.offset) if unconfirmed else []
    listed = [
        UnconfirmedInitiative(r["initiative"], pick(r, "label", lang) or r["initiative"], r.get("proposed") or 0)
        for r in rows
    ]
    return Gaps(selections, selected, idle_goals, goals_total, listed, initiatives, unconfirmed, pages)
