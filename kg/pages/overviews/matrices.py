"""The overviews' matrices: initiatives × goals and partners × goals (a cell: the links or initiatives through
which a row reaches a goal, each with its status; a proposal is never counted as confirmed)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.pages import pick, run_page_query
from kg.pages.overviews.links import Goal, LinkMark, code_key, goals, initiative_links, sort_key

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
    rows: list[InitiativeRow]
    per_goal: list[int]  # initiatives with a link to each goal
    links: int
    proposed: int
    confirmed: int
    rejected: int


def initiatives_goals(store: ox.Store, lang: str) -> InitiativeMatrix:
    """Rows: every initiative; columns: the 17 goals; a cell: the initiative's links to the goal's targets."""
    columns = goals(store, lang)
    rows = []
    rejected = 0
    for item in initiative_links(store, lang).values():
        rejected += item.rejected
        by_goal: dict[str, list[LinkMark]] = defaultdict(list)
        for goal, mark in item.links:
            by_goal[goal].append(mark)
        cells = [InitiativeCell(g, sorted(by_goal.get(g.iri, []), key=lambda m: code_key(m.code))) for g in columns]
        rows.append(InitiativeRow(item.iri, item.label, cells))
    rows.sort(key=lambda r: sort_key(r.label, lang))
    per_goal = [sum(1 for r in rows if r.cells[i].count) for i in range(len(columns))]
    marks = [m for r in rows for c in r.cells for m in c.links]
    return InitiativeMatrix(
        columns,
        rows,
        per_goal,
        len(marks),
        sum(1 for m in marks if m.status == "proposed"),
        sum(1 for m in marks if m.confirmed),
        rejected,
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
    rows: list[PartnerRow]
    per_goal: list[int]  # organisations reaching each goal


def partners_goals(store: ox.Store, lang: str) -> PartnerMatrix:
    """Rows: organisations that take part in or fund initiatives; columns: goals; a cell: through which
    initiatives (with links that are not rejected) the organisation reaches the goal."""
    columns = goals(store, lang)
    initiatives = initiative_links(store, lang)
    names: dict[str, str] = {}
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # partner -> initiative -> roles
    for row in run_page_query(store, "overviews-partner-roles"):
        names[row["partner"]] = pick(row, "partner", lang) or row["partner"]
        roles[row["partner"]][row["initiative"]].add(row["role"])
    rows = []
    for partner, taking_part in roles.items():
        by_goal: dict[str, list[Participation]] = defaultdict(list)
        reached = 0
        for initiative, its_roles in taking_part.items():
            item = initiatives.get(initiative)
            if item is None or not item.links:
                continue
            reached += 1
            goals_of: dict[str, bool] = {}
            for goal, mark in item.links:
                goals_of[goal] = goals_of.get(goal, False) or mark.confirmed
            for goal, confirmed in goals_of.items():
                by_goal[goal].append(
                    Participation(initiative, item.label, tuple(sorted(its_roles, reverse=True)), confirmed)
                )
        if not reached:
            continue
        cells = [PartnerCell(g, sorted(by_goal.get(g.iri, []), key=lambda p: sort_key(p.label, lang))) for g in columns]
        rows.append(PartnerRow(partner, names[partner], cells, reached))
    rows.sort(key=lambda r: (-r.initiatives, sort_key(r.label, lang)))
    per_goal = [sum(1 for r in rows if r.cells[i].count) for i in range(len(columns))]
    return PartnerMatrix(columns, rows, per_goal)
