"""The whole analysis of one state of the data (`Analysis`), and the cache that keeps it until the data changes.
The graph is read by kg.analysis.reading (its queries: kg/queries/analysis/reading/).

* partners: organisations tied by the initiatives they take part in or fund together;
* goals and targets: tied by the initiatives that serve both (links confirmed or proposed; rejected links never
  count), each also with confirmed links only;
* bridges: the bipartite initiative–goal view: which initiatives serve the most goals, and which pairs of goals
  only one initiative ties together.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import combinations

import pyoxigraph as ox

from kg.analysis.measures import Network, build_network, sort_name
from kg.analysis.reading import CONFIRMED, Facts, Names, Thing, read_facts
from kg.statecache import per_state, store_state
from kg.toolkit import code_key

LEVELS = ("goals", "targets")


@dataclass(frozen=True)
class Bridge:
    """An initiative in the bipartite initiative–goal view."""

    initiative: str
    names: Names
    status: str | None
    goals: tuple[str, ...]  # the goals it serves (IRIs, by number)
    confirmed_goals: tuple[str, ...]  # of those, the ones with a confirmed link
    targets: int  # the targets it serves
    pairs: int  # the pairs of goals it ties together
    only_tie: int  # of those, the pairs that no other initiative ties


@dataclass(frozen=True)
class Analysis:
    partners: Network
    networks: dict[tuple[str, bool], Network]  # (level, confirmed_only) -> goals or targets network
    bridges: dict[bool, tuple[Bridge, ...]]  # confirmed_only -> initiatives serving at least one goal
    facts: Facts

    def goal_network(self, level: str = "goals", confirmed_only: bool = False) -> Network:
        return self.networks[(level, confirmed_only)]

    def name_of(self, iri: str) -> Names:
        for table in (self.facts.initiatives, self.facts.organisations, self.facts.goals, self.facts.targets):
            if iri in table:
                return table[iri].names
        return {"sv": iri, "en": iri}

    def thing(self, iri: str) -> Thing | None:
        for table in (self.facts.goals, self.facts.targets, self.facts.organisations, self.facts.initiatives):
            if iri in table:
                return table[iri]
        return None


def _served(facts: Facts, level: str, confirmed_only: bool) -> dict[str, dict[str, bool]]:
    """initiative -> goal (or target) -> whether a confirmed link serves it."""
    served: dict[str, dict[str, bool]] = {}
    for initiative, targets in facts.serves.items():
        for target, status in targets.items():
            if confirmed_only and status != CONFIRMED:
                continue
            node = target if level == "targets" else facts.targets[target].goal
            if node is None:
                continue
            mine = served.setdefault(initiative, {})
            mine[node] = mine.get(node, False) or status == CONFIRMED
    return served


def _bridges(
    facts: Facts, network: Network, served: dict[str, dict[str, bool]], confirmed_only: bool
) -> tuple[Bridge, ...]:
    weights = {(e.source, e.target): e.weight for e in network.edges}
    weights.update({(b, a): w for (a, b), w in weights.items()})
    found = []
    for initiative, goals in served.items():
        ordered = sorted(goals, key=lambda g: code_key(facts.goals[g].code))
        pairs = list(combinations(ordered, 2))
        targets = {t for t, s in facts.serves[initiative].items() if not confirmed_only or s == CONFIRMED}
        thing = facts.initiatives[initiative]
        found.append(
            Bridge(
                initiative,
                thing.names,
                thing.status,
                tuple(ordered),
                tuple(g for g in ordered if goals[g]),
                len(targets),
                len(pairs),
                sum(1 for pair in pairs if weights.get(pair) == 1),
            )
        )
    found.sort(key=lambda b: (-len(b.goals), -b.only_tie, -b.targets, sort_name(facts.initiatives[b.initiative])))
    return tuple(found)


def compute(store: ox.Store) -> Analysis:
    """The whole analysis, from five queries (kg/queries/analysis/reading/)."""
    facts = read_facts(store)
    partners = {initiative: dict.fromkeys(members, True) for initiative, members in facts.participation.items()}
    networks: dict[tuple[str, bool], Network] = {}
    bridges: dict[bool, tuple[Bridge, ...]] = {}
    for confirmed_only in (False, True):
        for level in LEVELS:
            things = facts.targets if level == "targets" else facts.goals
            always = tuple(facts.goals) if level == "goals" else ()
            networks[(level, confirmed_only)] = build_network(
                level, things, _served(facts, level, confirmed_only), confirmed_only=confirmed_only, always=always
            )
        served = _served(facts, "goals", confirmed_only)
        bridges[confirmed_only] = _bridges(facts, networks[("goals", confirmed_only)], served, confirmed_only)
    return Analysis(build_network("partners", facts.organisations, partners), networks, bridges, facts)


# ---------------------------------------------------------------- the cache


def analysis_for(store: ox.Store, path: str | os.PathLike | None = None) -> Analysis:
    """The analysis of the store, computed once per state of the data: by `path` (kg.statecache.state_key changes with
    every build and every curation change), else per store object and its size. Thread-safe."""
    return per_state(store_state(store, path), "analysis", lambda: compute(store), pinned=True)
