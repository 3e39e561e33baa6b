"""What the board report holds: dataclasses with the texts already in the report's language.

A report covers a scope: one focus area, or the whole collaboration (`Report.area` is None). Every link keeps its
status as the graph states it (a proposal is never counted as confirmed), and the budget keeps the reported totals
beside the computed sums (kg.budget: the source's lines do not add up to its totals; nothing is corrected).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from kg.pages.overviews import FundingRow, Goal, StatusGroup, format_sek


@dataclass(frozen=True)
class FocusArea:
    iri: str
    slug: str  # the last part of the IRI: id/focus-area/<slug>
    label: str
    definition: str
    definition_lang: str  # the language of `definition` (the other one when it is missing in the report's)


@dataclass
class Initiative:
    iri: str
    label: str
    kind: str  # the kind's name, e.g. "pilot"
    status: str | None  # IRI of the status; None when no source states one
    status_label: str | None
    areas: dict[str, bool] = field(default_factory=dict)  # focus area IRI -> assignment is only a proposal

    def proposed_in(self, area: str) -> bool:
        """Whether the initiative's assignment to `area` is the project's proposal (not the core team's)."""
        return self.areas.get(area, False)


@dataclass(frozen=True)
class Link:
    """One link from an initiative to a target, with everything links.csv exports."""

    iri: str
    initiative: str
    initiative_label: str
    target: str
    code: str
    target_text: str
    goal: Goal
    relevance: str  # "primary", "secondary" ("" when unstated)
    status: str  # "proposed", "confirmed", "rejected"
    rationale: str
    rationale_lang: str
    attributed_to: str | None  # IRI of the agent
    attributed_label: str | None  # its name, when the graph names it (the core team's members are not named)
    generated: datetime | None
    graph: str  # "mappings" (a proposal of the project), "curation" (the core team's decision), other graphs

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"

    @property
    def proposed(self) -> bool:
        return self.status == "proposed"

    @property
    def primary(self) -> bool:
        return self.relevance == "primary"


@dataclass
class TargetCoverage:
    target: str
    code: str
    text: str
    links: list[Link]  # not rejected

    @property
    def confirmed(self) -> int:
        return sum(1 for ln in self.links if ln.confirmed)

    @property
    def proposed(self) -> int:
        return sum(1 for ln in self.links if ln.proposed)


@dataclass
class GoalCoverage:
    goal: Goal
    targets: list[TargetCoverage]  # the goal's targets with a link that is not rejected

    @property
    def links(self) -> list[Link]:
        return [ln for t in self.targets for ln in t.links]

    @property
    def initiatives(self) -> int:
        return len({ln.initiative for ln in self.links})

    @property
    def confirmed(self) -> int:
        return sum(t.confirmed for t in self.targets)

    @property
    def proposed(self) -> int:
        return sum(t.proposed for t in self.targets)


@dataclass
class Selection:
    """A target the core team selected (in force), and the initiatives in the report's scope that serve it."""

    target: str
    code: str
    text: str
    goal: Goal
    reason: str
    area: str | None  # IRI of the focus area it was selected for
    area_label: str | None
    selected: datetime | None
    links: list[Link]  # not rejected, from initiatives in scope
    elsewhere: int  # initiatives outside the scope that serve it (links not rejected)

    @property
    def served(self) -> bool:
        return bool(self.links)

    @property
    def confirmed(self) -> bool:
        return any(ln.confirmed for ln in self.links)


@dataclass
class StatusRow:
    status: str | None  # IRI; None: no status stated
    label: str | None
    initiatives: list[Initiative]


@dataclass
class ReportBudget:
    """Budget by status (the lines of the scope and their computed sums) beside the reported totals per funding
    source; the source reports totals only for the whole collaboration."""

    groups: list[StatusGroup]  # the lines in scope per status; `total` is the computed sum
    funding: list[FundingRow]  # reported beside computed, whole collaboration (the last row: all lines)
    discrepancies: list[str]  # in words (kg.budget)
    scoped: bool  # True: a focus area's lines (the funding table is still the collaboration's)

    @property
    def total(self) -> Decimal:
        return sum((g.total for g in self.groups), Decimal(0))

    @property
    def total_text(self) -> str:
        return format_sek(self.total)

    @property
    def lines(self) -> int:
        return sum(len(g.lines) for g in self.groups)


@dataclass(frozen=True)
class Source:
    iri: str
    title: str
    date: str  # as the source states it ("2024-02-27", "2016"), "" when it states none
    publisher: str


@dataclass(frozen=True)
class DataState:
    """The state of the data a report is made from."""

    fingerprint: str  # the first 12 hex digits of a SHA-256 over the public graphs (same data, same value)
    triples: int
    proposals_made: datetime | None  # when the project's proposals in graph/mappings were made (the latest)
    decisions: int  # the core team's decisions in graph/history
    latest_decision: datetime | None


@dataclass
class Report:
    lang: str
    area: FocusArea | None  # None: the whole collaboration
    areas: list[FocusArea]  # every focus area (for the links between reports)
    goals: list[GoalCoverage]  # all 17 goals, in order
    initiatives: list[Initiative]  # in scope, sorted by name
    links: list[Link]  # in scope, rejected ones included, sorted by initiative and code
    selections: list[Selection]
    by_status: list[StatusRow]
    budget: ReportBudget
    without_area: list[Initiative]  # initiatives assigned to no focus area (listed in the whole report)
    sources: list[Source]
    state: DataState

    @property
    def current(self) -> list[Link]:
        """The links that are not rejected."""
        return [ln for ln in self.links if ln.status != "rejected"]

    @property
    def confirmed(self) -> list[Link]:
        return [ln for ln in self.links if ln.confirmed]

    @property
    def proposed(self) -> list[Link]:
        return [ln for ln in self.links if ln.proposed]

    @property
    def rejected(self) -> list[Link]:
        return [ln for ln in self.links if ln.status == "rejected"]

    @property
    def goals_covered(self) -> list[GoalCoverage]:
        return [g for g in self.goals if g.targets]

    @property
    def goals_without_initiative(self) -> list[Goal]:
        return [g.goal for g in self.goals if not g.targets]

    @property
    def targets_covered(self) -> int:
        return sum(len(g.targets) for g in self.goals)

    @property
    def selected_without_initiative(self) -> list[Selection]:
        return [s for s in self.selections if not s.served]

    @property
    def without_links(self) -> list[Initiative]:
        """Initiatives in scope with no link (not rejected) to any target."""
        linked = {ln.initiative for ln in self.current}
        return [i for i in self.initiatives if i.iri not in linked]

    @property
    def without_confirmed(self) -> list[Initiative]:
        """Initiatives in scope with no confirmed link."""
        confirmed = {ln.initiative for ln in self.confirmed}
        return [i for i in self.initiatives if i.iri not in confirmed]

    @property
    def proposed_assignments(self) -> list[Initiative]:
        """Initiatives whose assignment to the report's focus area is only a proposal."""
        if self.area is None:
            return []
        return [i for i in self.initiatives if i.proposed_in(self.area.iri)]
