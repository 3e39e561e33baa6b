"""What the analysis reads from the graph, with five queries (kg/queries/analysis/reading/): the goals and
targets, the initiatives, the organisations that take part in them, who takes part in which initiative, and which
targets each initiative serves (confirmed or proposed). Never a loop over the store's triples."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.queries import Catalogue

QUERIES = Catalogue(__name__)

Names = dict[str, str]  # {"sv": …, "en": …}, each falling back to the other language
CONFIRMED, PROPOSED = "confirmed", "proposed"


@dataclass(frozen=True)
class Thing:
    """Something that can be a node: an organisation, a goal, a target or an initiative."""

    iri: str
    names: Names
    code: str | None = None  # goals and targets: "3", "3.4"
    colour: str | None = None  # goals (targets: their goal's)
    goal: str | None = None  # targets: the goal's IRI
    status: str | None = None  # initiatives: "ongoing", … (None when unstated)


def display(thing: Thing, lang: str) -> str:
    """How a node is named in tables and pictures: a goal by number and short name ("3 Hälsa och välbefinnande"),
    a target by its code (its text is long), anything else by its name."""
    if thing.code and thing.goal is None:
        return f"{thing.code} {thing.names[lang]}"
    return thing.code or thing.names[lang]


@dataclass
class Facts:
    organisations: dict[str, Thing] = field(default_factory=dict)
    initiatives: dict[str, Thing] = field(default_factory=dict)
    goals: dict[str, Thing] = field(default_factory=dict)
    targets: dict[str, Thing] = field(default_factory=dict)
    #: initiative -> organisation -> its roles ("participant", "funder")
    participation: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    #: initiative -> target -> the link's status ("confirmed" wins over "proposed")
    serves: dict[str, dict[str, str]] = field(default_factory=dict)


def names(row: dict, prefix: str = "label") -> Names:
    sv, en = row.get(prefix + "Sv"), row.get(prefix + "En")
    return {"sv": sv or en or "", "en": en or sv or ""}


def labelled(iri: str, row: dict | None = None) -> Names:
    """The row's names, else the last part of the IRI."""
    slug = iri.rstrip("/").rsplit("/", 1)[-1]
    return {k: v or slug for k, v in names(row or {}).items()}


def read_facts(store: ox.Store) -> Facts:
    facts = Facts()
    for row in QUERIES.rows(store, "goals"):
        goal = row["goal"]
        if goal not in facts.goals:
            short = names(row, "short")
            code = str(row["goalCode"])
            facts.goals[goal] = Thing(goal, {k: v or code for k, v in short.items()}, code, row["colour"] or "#777777")
        if row["target"]:
            facts.targets[row["target"]] = Thing(
                row["target"], names(row, "text"), str(row["code"]), facts.goals[goal].colour, goal
            )
    for row in QUERIES.rows(store, "initiatives"):
        iri, status = row["initiative"], row["status"]
        facts.initiatives[iri] = Thing(iri, labelled(iri, row), status=str(status) if status else None)
    for row in QUERIES.rows(store, "organisations"):
        iri = row["organisation"]
        facts.organisations[iri] = Thing(iri, labelled(iri, row))
    for row in QUERIES.rows(store, "partners"):
        organisation, initiative = row["organisation"], row["initiative"]
        if organisation in facts.organisations:
            facts.participation.setdefault(initiative, {}).setdefault(organisation, set()).add(row["role"])
    for row in QUERIES.rows(store, "links"):
        target = row["target"]
        if target in facts.targets:  # a target of the SDG framework (the checks guarantee it)
            mine = facts.serves.setdefault(row["initiative"], {})
            if mine.get(target) != CONFIRMED:
                mine[target] = row["status"].removeprefix(SKK)
    for initiative in [*facts.participation, *facts.serves]:  # named even when its type is missing
        facts.initiatives.setdefault(initiative, Thing(initiative, labelled(initiative)))
    return facts
