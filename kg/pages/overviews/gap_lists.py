"""The gaps overview: selected targets no initiative serves, goals without an initiative, initiatives without a
confirmed target."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.pages import pick, run_page_query
from kg.pages.overviews.links import Goal, goals, initiative_links, sort_key
from kg.queries import run_named


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
    initiatives = initiative_links(store, lang)
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
