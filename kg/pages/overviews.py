"""Page models of the overviews: initiatives × goals, partners × goals, gaps and the budget.

Each function takes the store and the language and returns a dataclass with the texts already chosen in
that language (falling back to the other one). A handful of page queries per model, never one per row.
Status and relevance are kept as the graph states them: every link is shown with its status, and a
proposal is never counted as confirmed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from kg.budget import budget_discrepancies
from kg.namespaces import SDG, SKK
from kg.pages import pick, run_page_query, text_colour
from kg.queries import run_named

PROPOSED, CONFIRMED, REJECTED = SKK + "proposed", SKK + "confirmed", SKK + "rejected"
PRIMARY = SKK + "primary"
#: the order of the budget's headings: ongoing ("Pågående"), planned ("Uppstart"/"På gång"), ideas, completed
STATUS_ORDER = [SKK + "ongoing", SKK + "planned", SKK + "idea", SKK + "completed"]

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y", "æ": "|", "ø": "}"})


def sort_key(text: str | None, lang: str = "sv") -> str:
    """A key that sorts names the Swedish way (å, ä, ö after z) in Swedish, by letters otherwise."""
    lowered = (text or "").lower()
    return lowered.translate(_SWEDISH_ORDER) if lang == "sv" else lowered


def code_key(code: str) -> tuple:
    """Sort key for SDG codes: 3.4 before 3.10, 3.9 before 3.a."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


def format_sek(value: Decimal | int | float | None, signed: bool = False) -> str:
    """An amount as the source writes it: '285 000 kr' (a space between thousands; '−' for negatives)."""
    if value is None:
        return ""
    amount = Decimal(value)
    text = f"{abs(amount):,.0f}".replace(",", " ") + " kr"
    if amount < 0:
        return "−" + text
    return ("+" + text) if signed and amount > 0 else text


# ---------------------------------------------------------------- goals (the columns)


@dataclass(frozen=True)
class Goal:
    iri: str
    code: str
    short: str  # the short title, e.g. "Ingen fattigdom"
    title: str  # the full title
    colour: str  # "#E5243B"
    ink: str  # black or white, readable on the colour


def goals(store: ox.Store, lang: str) -> list[Goal]:
    """The 17 goals in order, with titles in `lang`."""
    found = []
    for row in run_page_query(store, "overviews-goals"):
        colour = row["colour"] or "#777777"
        found.append(
            Goal(
                row["goal"],
                str(row["code"]),
                pick(row, "short", lang) or pick(row, "title", lang) or str(row["code"]),
                pick(row, "title", lang) or "",
                colour,
                text_colour(colour),
            )
        )
    return found


# ---------------------------------------------------------------- links of the initiatives


@dataclass(frozen=True)
class LinkMark:
    """One link from an initiative to a target, as a matrix cell shows it."""

    link: str
    target: str
    code: str
    primary: bool
    status: str  # "proposed", "confirmed" (rejected links are left out of the overviews)

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"


@dataclass
class _Initiative:
    iri: str
    label: str
    links: list[tuple[str, LinkMark]] = field(default_factory=list)  # (goal, link)
    rejected: int = 0


def target_code(target: str) -> tuple[str, str]:
    """The code of an SDG target and the IRI of its goal, read from the target's IRI (…/sdg/3.4 under
    …/sdg/3): the checks sdg-code-matches-iri and target-under-its-goal guarantee that they agree with
    skos:notation and skos:broader, and reading them here saves two joins per link."""
    code = target[len(SDG) :] if target.startswith(SDG) else target.rsplit("/", 1)[-1]
    return code, SDG + code.split(".", 1)[0]


def _initiatives(store: ox.Store, lang: str) -> dict[str, _Initiative]:
    """Every initiative with its links that are not rejected, by IRI (two queries)."""
    found = {
        row["initiative"]: _Initiative(row["initiative"], pick(row, "label", lang) or row["initiative"])
        for row in run_page_query(store, "overviews-initiatives")
    }
    seen: set[str] = set()
    for row in run_page_query(store, "overviews-links"):
        item = found.get(row["initiative"])
        if item is None or row["link"] in seen:
            continue
        seen.add(row["link"])
        if row["status"] == REJECTED:
            item.rejected += 1
            continue
        status = "confirmed" if row["status"] == CONFIRMED else "proposed" if row["status"] == PROPOSED else "other"
        code, goal = target_code(row["target"])
        item.links.append((goal, LinkMark(row["link"], row["target"], code, row["relevance"] == PRIMARY, status)))
    return found


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
    for item in _initiatives(store, lang).values():
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
    initiatives = _initiatives(store, lang)
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


# ---------------------------------------------------------------- gaps


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
    initiatives_without_confirmed: list[UnconfirmedInitiative]
    initiatives_total: int


def gaps(store: ox.Store, lang: str) -> Gaps:
    """Selected targets no initiative serves, goals without an initiative, initiatives without a confirmed
    target."""
    selections = run_page_query(store, "overviews-selections")[0]["selections"] or 0
    selected = [
        SelectedTarget(r["target"], str(r["code"]), pick(r, "text", lang) or "", r["reason"] or "")
        for r in run_named(store, "selected-targets-without-initiative")
    ]
    columns = goals(store, lang)
    initiatives = _initiatives(store, lang)
    # as the named query goals-without-initiative: no link that is not rejected (computed from the links read
    # for the initiatives anyway, which saves a query)
    served = {goal for i in initiatives.values() for goal, _ in i.links}
    unconfirmed = [
        UnconfirmedInitiative(i.iri, i.label, sum(1 for _, m in i.links if m.status == "proposed"))
        for i in initiatives.values()
        if not any(m.confirmed for _, m in i.links)
    ]
    unconfirmed.sort(key=lambda u: sort_key(u.label, lang))
    return Gaps(
        selections,
        selected,
        [g for g in columns if g.iri not in served],
        len(columns),
        unconfirmed,
        len(initiatives),
    )


# ---------------------------------------------------------------- budget


@dataclass
class BudgetLine:
    iri: str
    label: str
    label_lang: str  # the language of `label` (the lines are named in Swedish only)
    amount: Decimal
    funding: str | None  # IRI of the funding source
    funding_label: str | None
    purpose: str | None
    note: str | None
    stated_as: str | None
    initiatives: list[tuple[str, str]] = field(default_factory=list)  # (IRI, name)
    parts: list[BudgetLine] = field(default_factory=list)  # "varav"

    @property
    def amount_text(self) -> str:
        return format_sek(self.amount)


@dataclass
class StatusGroup:
    status: str | None  # IRI, None when the source states none
    label: str | None
    lines: list[BudgetLine]
    total: Decimal  # the sum of the lines (parts are inside their line)

    @property
    def total_text(self) -> str:
        return format_sek(self.total)


@dataclass
class FundingRow:
    funding: str | None  # IRI; None for the row of all lines
    label: str
    reported: Decimal | None  # the total the source reports (None: it reports none)
    computed: Decimal  # the sum of the lines (and parts) the source assigns to it
    stated_as: str | None
    total: str | None  # IRI of the reported total

    @property
    def difference(self) -> Decimal | None:
        return None if self.reported is None else self.reported - self.computed

    @property
    def agrees(self) -> bool:
        return self.difference == 0

    @property
    def reported_text(self) -> str:
        return format_sek(self.reported)

    @property
    def computed_text(self) -> str:
        return format_sek(self.computed)

    @property
    def difference_text(self) -> str:
        return format_sek(self.difference, signed=True)


@dataclass
class Budget:
    groups: list[StatusGroup]
    funding: list[FundingRow]  # per funding source and, last, all lines
    without_funding: list[BudgetLine]  # top-level lines that name no funding source
    discrepancies: list[str]  # in words, from kg.budget
    sources: list[tuple[str, str]]  # (IRI, title) of the source documents

    @property
    def lines(self) -> int:
        return sum(len(g.lines) for g in self.groups)


def budget(store: ox.Store, lang: str) -> Budget:
    """The budget lines per status with their parts, funding sources and initiatives; the reported totals
    beside the sums of the lines (both as stated: the source's lines do not add up to its totals)."""
    lines: dict[str, BudgetLine] = {}
    parents: dict[str, str] = {}
    statuses: dict[str, tuple[str | None, str | None]] = {}
    sources: dict[str, str] = {}
    for row in run_page_query(store, "overviews-budget-lines"):
        if row["source"]:
            sources.setdefault(row["source"], row["sourceTitle"] or row["source"])
        if row["line"] in lines:
            continue
        label_lang = lang if row["label" + lang.capitalize()] else ("sv" if row["labelSv"] else "en")
        lines[row["line"]] = BudgetLine(
            row["line"],
            pick(row, "label", lang) or row["line"],
            label_lang,
            Decimal(row["amount"]),
            row["funding"],
            pick(row, "funding", lang),
            pick(row, "purpose", lang),
            pick(row, "note", lang),
            row["statedAs"],
        )
        if row["parent"]:
            parents[row["line"]] = row["parent"]
        statuses[row["line"]] = (row["status"], pick(row, "status", lang))
    for row in run_page_query(store, "overviews-budget-initiatives"):
        if row["line"] in lines:
            lines[row["line"]].initiatives.append((row["initiative"], pick(row, "label", lang) or row["initiative"]))
    for line in lines.values():
        line.initiatives.sort(key=lambda i: sort_key(i[1], lang))
    top = []
    for iri, line in lines.items():
        parent = lines.get(parents.get(iri, ""))
        if parent is not None:
            parent.parts.append(line)
        else:
            top.append(line)

    # per status: the lines as listed, and the sums from the named query budget-per-status
    sums = {
        r["status"]: (Decimal(r["total"] or 0), pick(r, "status", lang)) for r in run_named(store, "budget-per-status")
    }
    grouped: dict[str | None, list[BudgetLine]] = defaultdict(list)
    for line in top:
        grouped[statuses[line.iri][0]].append(line)
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    groups = []
    for status in sorted(grouped, key=lambda s: (s is None, order.get(s, len(order)), s or "")):
        members = sorted(grouped[status], key=lambda ln: (-ln.amount, sort_key(ln.label, lang)))
        total, label = sums.get(status, (sum((ln.amount for ln in members), Decimal(0)), None))
        groups.append(StatusGroup(status, label or statuses[members[0].iri][1], members, total))

    # per funding source: the reported totals beside the sums of the lines (kg.budget names the discrepancies)
    found = {d.key: d for d in budget_discrepancies(store)}
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    source_names: dict[str, str] = {}
    for line in lines.values():
        if line.funding:
            by_source[line.funding] += line.amount
            source_names[line.funding] = line.funding_label or line.funding
    funding: dict[str, FundingRow] = {}
    for row in run_page_query(store, "overviews-budget-totals"):
        discrepancy = found.get(row["funding"])
        computed = discrepancy.computed if discrepancy else by_source.get(row["funding"], Decimal(0))
        label = pick(row, "funding", lang) or pick(row, "label", lang) or row["total"]
        funding[row["funding"]] = FundingRow(
            row["funding"], label, Decimal(row["reported"]), computed, row["statedAs"], row["total"]
        )
        if row["source"]:
            sources.setdefault(row["source"], row["sourceTitle"] or row["source"])
    for source, computed in by_source.items():
        if source not in funding:
            funding[source] = FundingRow(source, source_names[source], None, computed, None, None)
    rows = sorted(funding.values(), key=lambda f: sort_key(f.label, lang))
    if rows:
        overall = found.get("all")
        reported_all = sum((f.reported for f in rows if f.reported is not None), Decimal(0))
        computed_all = overall.computed if overall else sum((ln.amount for ln in top), Decimal(0))
        rows.append(FundingRow(None, "", reported_all, computed_all, None, None))
    return Budget(
        groups,
        rows,
        sorted((ln for ln in top if not ln.funding), key=lambda ln: -ln.amount),
        [d.message(lang) for d in found.values()],
        sorted(sources.items(), key=lambda s: sort_key(s[1], lang)),
    )
