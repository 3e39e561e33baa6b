"""The overviews' matrices: initiatives × goals and partners × goals (a cell: the links or initiatives through
which a row reaches a goal, each with its status; a proposal is never counted as confirmed), a page of rows at a
time: the rows, their order and the totals come from SPARQL (kg.pages.paging), the cells only for the page shown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.pages.overviews.links import (
    CONFIRMED,
    PRIMARY,
    PROPOSED,
    REJECTED,
    Goal,
    LinkMark,
    goals,
    link_rows,
    target_code,
)
from kg.pages.paging import PAGE_SIZE, Paging, paging
from kg.queries import Catalogue
from kg.statecache import per_state
from kg.toolkit import code_key, pick, sort_key

QUERIES = Catalogue(__name__)

# ---------------------------------------------------------------- initiatives × goals


@dataclass
class InitiativeCell:
    goal: Goal
    links: list[LinkMark]

    @property
    def count(self) -> int:
        return len(self.links)

    @property
    def primary(self) -> bool:
        return any(m.primary for m in self.links)

    @property
    def confirmed(self) -> int:
        return sum(1 for m in self.links if m.confirmed)

    @property
    def proposed(self) -> int:
        return sum(1 for m in self.links if m.status == "proposed")


@dataclass
class InitiativeRow:
    iri: str
    label: str
    cells: list[InitiativeCell]

    @property
    def links(self) -> int:
        return sum(c.count for c in self.cells)

    @property
    def goals(self) -> int:
        return sum(1 for c in self.cells if c.count)


@dataclass
class InitiativeMatrix:
    goals: list[Goal]
    rows: list[InitiativeRow]  # the rows of this page
    per_goal: list[int]  # initiatives with a link to each goal (all of them, not only this page's)
    links: int  # links that are not rejected, of every initiative
    proposed: int
    confirmed: int
    rejected: int
    paging: Paging | None = None

    @property
    def total(self) -> int:
        """Rows of the whole matrix (every initiative)."""
        return self.paging.total if self.paging else len(self.rows)


def _status(status: str) -> str:
    return "confirmed" if status == CONFIRMED else "proposed" if status == PROPOSED else "other"


def initiatives_goals(
    store: ox.Store, lang: str, page: int = 1, size: int = PAGE_SIZE, state: Hashable | None = None
) -> InitiativeMatrix:
    """Rows: the initiatives by name, a page of them; columns: the 17 goals; a cell: the initiative's links to the
    goal's targets. The totals are counted in SPARQL over every initiative; the cells are read only for the page's
    rows (one query each). PageOutOfRange past the last page. The totals and the count are kept per `state` of the
    data (kg.statecache), so that each further page runs only its own queries."""
    columns = goals(store, lang)
    totals = per_state(
        state,
        "initiatives-goals-totals",
        lambda: {row["goal"]: row for row in QUERIES.rows(store, "initiatives-totals")},
    )
    count = per_state(state, "initiatives-goals-count", lambda: QUERIES.rows(store, "initiatives-count"))
    pages = paging(page, count[0]["count"] if count else 0, size)
    rows = []
    for item in QUERIES.rows(store, "initiatives-page", {"lang": lang}, limit=size, offset=pages.offset):
        by_goal: dict[str, list[LinkMark]] = defaultdict(list)
        seen: set[str] = set()
        for row in link_rows(store, item["initiative"]):
            if row["link"] in seen or row["status"] == REJECTED:
                continue
            seen.add(row["link"])
            code, goal = target_code(row["target"])
            by_goal[goal].append(
                LinkMark(row["link"], row["target"], code, row["relevance"] == PRIMARY, _status(row["status"]))
            )
        cells = [InitiativeCell(g, sorted(by_goal.get(g.iri, []), key=lambda m: code_key(m.code))) for g in columns]
        rows.append(InitiativeRow(item["initiative"], pick(item, "label", lang) or item["initiative"], cells))
    every = list(totals.values())
    return InitiativeMatrix(
        columns,
        rows,
        [totals[g.iri]["initiatives"] if g.iri in totals else 0 for g in columns],
        sum(r["links"] - r["rejectedLinks"] for r in every),
        sum(r["proposedLinks"] for r in every),
        sum(r["confirmedLinks"] for r in every),
        sum(r["rejectedLinks"] for r in every),
        pages,
    )


# ---------------------------------------------------------------- partners × goals


@dataclass(frozen=True)
class Participation:
    initiative: str
    label: str
    roles: tuple[str, ...]  # "participant", "funder"
    confirmed: bool  # at least one confirmed link of the initiative to the goal


@dataclass
class PartnerCell:
    goal: Goal
    initiatives: list[Participation]

    @property
    def count(self) -> int:
        return len(self.initiatives)

    @property
    def confirmed(self) -> bool:
        return any(p.confirmed for p in self.initiatives)

    @property
    def funds(self) -> bool:
        return any("funder" in p.roles for p in self.initiatives)


@dataclass
class PartnerRow:
    iri: str
    label: str
    cells: list[PartnerCell]
    initiatives: int  # initiatives it takes part in or funds (with links to any goal)

    @property
    def goals(self) -> int:
        return sum(1 for c in self.cells if c.count)


@dataclass
class PartnerMatrix:
    goals: list[Goal]
    rows: list[PartnerRow]  # the rows of this page
    per_goal: list[int]  # organisations reaching each goal (all of them, not only this page's)
    paging: Paging | None = None

    @property
    def total(self) -> int:
        return self.paging.total if self.paging else len(self.rows)


def partners_goals(
    store: ox.Store, lang: str, page: int = 1, size: int = PAGE_SIZE, state: Hashable | None = None
) -> PartnerMatrix:
    """Rows: organisations that take part in or fund initiatives with links that are not rejected, those in most
    initiatives first, a page of them; columns: goals; a cell: through which initiatives the organisation reaches
    the goal. Rows, their order and the totals come from SPARQL (GROUP BY); the cells are read only for the page's
    rows (one query each). PageOutOfRange past the last page. The totals and the count (two scans of every
    participation and link) are kept per `state` of the data (kg.statecache): each further page runs only its
    own queries."""
    columns = goals(store, lang)
    per_goal = per_state(
        state,
        "partners-goals-totals",
        lambda: {row["goal"]: row["partners"] for row in QUERIES.rows(store, "partners-goals-totals")},
    )
    count = per_state(state, "partners-goals-count", lambda: QUERIES.rows(store, "partners-goals-count"))
    pages = paging(page, count[0]["count"] if count else 0, size)
    rows = []
    for item in QUERIES.rows(store, "partners-goals-page", {"lang": lang}, limit=size, offset=pages.offset):
        partner = item["partner"]
        roles: dict[str, set[str]] = defaultdict(set)
        labels: dict[str, str] = {}
        goals_of: dict[str, dict[str, bool]] = defaultdict(dict)  # initiative -> goal -> confirmed
        for row in QUERIES.rows(store, "partner-cells", {"partner": partner}):
            initiative = row["initiative"]
            roles[initiative].add(row["role"])
            labels[initiative] = pick(row, "label", lang) or initiative
            _, goal = target_code(row["target"])
            goals_of[initiative][goal] = goals_of[initiative].get(goal, False) or row["status"] == CONFIRMED
        by_goal: dict[str, list[Participation]] = defaultdict(list)
        for initiative, reached in goals_of.items():
            for goal, confirmed in reached.items():
                by_goal[goal].append(
                    Participation(
                        initiative, labels[initiative], tuple(sorted(roles[initiative], reverse=True)), confirmed
                    )
                )
        cells = [PartnerCell(g, sorted(by_goal.get(g.iri, []), key=lambda p: sort_key(p.label, lang))) for g in columns]
        rows.append(PartnerRow(partner, pick(item, "partner", lang) or partner, cells, item["initiatives"]))
    return PartnerMatrix(columns, rows, [per_goal.get(g.iri, 0) for g in columns], pages)
