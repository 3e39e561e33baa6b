"""The board report computed from the graph: for one focus area or the whole collaboration.

Reuses the overviews' page models (kg.pages.overviews: the goals with their colours, the budget with the reported
totals beside the computed sums), kg.pages.goals' readings, and its own queries (kg/queries/report/compute/) for
what they do not hold (the rationale and provenance of every link, the focus areas of the initiatives, the core
team's selections).
An initiative belongs to a focus area by skk:focusArea, proposed (graph/mappings) or decided by the core team
(graph/curation); the report says which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from decimal import Decimal

import pyoxigraph as ox

from kg.namespaces import GRAPH, SKK
from kg.pages.goals import selection_rows, target_rows
from kg.pages.overviews import STATUS_ORDER, Goal, StatusGroup, budget, goals, target_code
from kg.queries import Catalogue
from kg.report.model import (
    GoalCoverage,
    Initiative,
    Link,
    Report,
    ReportBudget,
    Selection,
    StatusRow,
    TargetCoverage,
)
from kg.report.scope import find_focus_area, focus_areas
from kg.report.state import data_state, sources_of
from kg.statecache import per_state
from kg.toolkit import code_key, pick, sort_key

QUERIES = Catalogue(__name__)

MAPPINGS = GRAPH + "mappings"
INITIATIVE = SKK + "Initiative"


def report(store: ox.Store, lang: str = "sv", focus_area: str | None = None, state: Hashable | None = None) -> Report:
    """The report for the focus area named by `focus_area` (slug or IRI; raises UnknownFocusArea), or for the
    whole collaboration when it is None. With `state` (kg.statecache.state_key), the figures every report of that
    state shares (the data state's fingerprint) are computed once."""
    area = find_focus_area(store, focus_area, lang) if focus_area is not None else None
    columns = goals(store, lang)
    every = initiatives(store, lang)
    scope = {i.iri: i for i in every.values() if area is None or area.iri in i.areas}
    texts = target_texts(store, lang)
    by_goal = {g.iri: g for g in columns}
    all_links = links(store, lang, every, texts, by_goal)
    in_scope = [ln for ln in all_links if ln.initiative in scope]

    coverage = []
    for goal in columns:
        targets: dict[str, TargetCoverage] = {}
        for ln in in_scope:
            if ln.goal.iri == goal.iri and ln.status != "rejected":
                targets.setdefault(ln.target, TargetCoverage(ln.target, ln.code, ln.target_text, [])).links.append(ln)
        coverage.append(GoalCoverage(goal, sorted(targets.values(), key=lambda t: code_key(t.code))))

    money = report_budget(store, lang, None if area is None else set(scope))
    resources = set(scope) | {ln.iri for g in money.groups for ln in g.lines}
    resources |= {f.total for f in money.funding if f.total}
    if area is not None:
        resources.add(area.iri)
    return Report(
        lang,
        area,
        focus_areas(store, lang),
        coverage,
        sorted(scope.values(), key=lambda i: sort_key(i.label, lang)),
        sorted(in_scope, key=lambda ln: (sort_key(ln.initiative_label, lang), code_key(ln.code))),
        selections(store, lang, area.iri if area else None, all_links, scope, texts, by_goal),
        by_status(scope.values(), lang),
        money,
        []
        if area is not None
        else sorted((i for i in every.values() if not i.areas), key=lambda i: sort_key(i.label, lang)),
        sources_of(store, resources, lang),
        per_state(state, "report-data-state", lambda: data_state(store), pinned=True),
    )


def initiatives(store: ox.Store, lang: str) -> dict[str, Initiative]:
    """Every initiative with its kind, status and focus areas (whether each assignment is only proposed)."""
    found: dict[str, Initiative] = {}
    graphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in QUERIES.rows(store, "initiatives"):
        item = found.get(row["initiative"])
        kind = pick(row, "kind", lang) or ""
        if item is None:
            item = found[row["initiative"]] = Initiative(
                row["initiative"],
                pick(row, "label", lang) or row["initiative"],
                kind,
                row["status"],
                pick(row, "status", lang),
            )
        elif row["kind"] != INITIATIVE and kind:
            item.kind = kind  # the most specific kind (an initiative may also be typed skk:Initiative)
        if row["focusArea"]:
            graphs[(row["initiative"], row["focusArea"])].add(row["focusGraph"] or "")
    for (initiative, area), where in graphs.items():
        found[initiative].areas[area] = where <= {MAPPINGS}
    return found


def target_texts(store: ox.Store, lang: str) -> dict[str, str]:
    """The text of every target in `lang` (kg.pages.goals.target_rows)."""
    return {row["target"]: pick(row, "text", lang) or "" for row in target_rows(store)}


def links(
    store: ox.Store, lang: str, known: dict[str, Initiative], texts: dict[str, str], by_goal: dict[str, Goal]
) -> list[Link]:
    """Every link of a known initiative, rejected ones included, with rationale and provenance."""
    found: dict[str, Link] = {}
    for row in QUERIES.rows(store, "links"):
        initiative = known.get(row["initiative"])
        if initiative is None or row["link"] in found:
            continue
        code, goal = target_code(row["target"])
        rationale = pick(row, "rationale", lang) or ""
        found[row["link"]] = Link(
            row["link"],
            initiative.iri,
            initiative.label,
            row["target"],
            code,
            texts.get(row["target"], ""),
            by_goal.get(goal) or Goal(goal, code.split(".")[0], "", "", "#777777", "#ffffff"),
            (row["relevance"] or "").removeprefix(SKK),
            (row["status"] or "").removeprefix(SKK),
            rationale,
            lang if row["rationale" + lang.capitalize()] else ("sv" if row["rationaleSv"] else "en"),
            row["agent"],
            pick(row, "agent", lang),
            row["generated"],
            (row["graph"] or "").removeprefix(GRAPH),
        )
    return list(found.values())


def selections(
    store: ox.Store,
    lang: str,
    area: str | None,
    every: list[Link],
    scope: dict[str, Initiative],
    texts: dict[str, str],
    by_goal: dict[str, Goal],
) -> list[Selection]:
    """The core team's selections in force (of the focus area, or all), each with the initiatives in scope that
    serve it and how many outside the scope do."""
    current: dict[str, list[Link]] = {}  # target -> its links that are not rejected
    for ln in every:
        if ln.status != "rejected":
            current.setdefault(ln.target, []).append(ln)
    found: dict[str, Selection] = {}
    for row in selection_rows(store):
        if row["ended"] or row["selection"] in found or (area is not None and row["focusArea"] != area):
            continue
        target = row["target"]
        code, _ = target_code(target)
        serving = current.get(target, [])
        inside = sorted(
            (ln for ln in serving if ln.initiative in scope), key=lambda ln: sort_key(ln.initiative_label, lang)
        )
        outside = {ln.initiative for ln in serving if ln.initiative not in scope}
        found[row["selection"]] = Selection(
            target,
            code,
            texts.get(target, ""),
            by_goal[row["goal"]],
            pick(row, "reason", lang) or "",
            row["focusArea"],
            pick(row, "focusArea", lang),
            row["generated"],
            inside,
            len(outside),
        )
    return sorted(found.values(), key=lambda s: code_key(s.code))


def by_status(scope, lang: str) -> list[StatusRow]:
    """The initiatives per status, in the budget's order (ongoing, planned, idea, completed; none stated last)."""
    grouped: dict[str | None, list[Initiative]] = defaultdict(list)
    for item in scope:
        grouped[item.status].append(item)
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    return [
        StatusRow(
            status, grouped[status][0].status_label, sorted(grouped[status], key=lambda i: sort_key(i.label, lang))
        )
        for status in sorted(grouped, key=lambda s: (s is None, order.get(s, len(order)), s or ""))
    ]


def report_budget(store: ox.Store, lang: str, scope: set[str] | None) -> ReportBudget:
    """The overviews' budget model: for a focus area (`scope`: its initiatives) only the lines for its initiatives
    and their sums; the funding table (reported beside computed) is always the whole collaboration's."""
    whole = budget(store, lang)
    if scope is None:
        return ReportBudget(whole.groups, whole.funding, whole.discrepancies, False)
    groups = []
    for group in whole.groups:
        lines = [ln for ln in group.lines if any(iri in scope for iri, _ in ln.initiatives)]
        if lines:
            groups.append(StatusGroup(group.status, group.label, lines, sum((ln.amount for ln in lines), Decimal(0))))
    return ReportBudget(groups, whole.funding, whole.discrepancies, True)
