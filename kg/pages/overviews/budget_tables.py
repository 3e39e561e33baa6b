"""The budget overview: the budget lines per status with their parts, funding sources and initiatives, and the
totals the source reports beside the sums of its lines."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from kg.budget import budget_discrepancies
from kg.namespaces import SKK
from kg.queries import Catalogue, run_named
from kg.toolkit import pick, sort_key

QUERIES = Catalogue(__name__)

#: the order of the budget's headings: ongoing ("Pågående"), planned ("Uppstart"/"På gång"), ideas, completed
STATUS_ORDER = [SKK + "ongoing", SKK + "planned", SKK + "idea", SKK + "completed"]


def format_sek(value: Decimal | int | float | None, signed: bool = False) -> str:
    """An amount as the source writes it: '285 000 kr' (a space between thousands; '−' for negatives)."""
    if value is None:
        return ""
    amount = Decimal(value)
    text = f"{abs(amount):,.0f}".replace(",", " ") + " kr"
    if amount < 0:
        return "−" + text
    return ("+" + text) if signed and amount > 0 else text


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
    for row in QUERIES.rows(store, "lines"):
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
    for row in QUERIES.rows(store, "initiatives"):
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
    for row in QUERIES.rows(store, "totals"):
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
