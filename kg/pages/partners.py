"""Page models of organisations: the list of partners and an organisation's page (Samhällskontraktet itself,
a skk:Collaboration, gets the same page plus vision, mission, parties, functions, board and core team)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.pages.entities import (
    DCT,
    LINK_STATUS_ORDER,
    ORG,
    RDF_TYPE,
    SCHEMA,
    SKOS,
    GoalBadge,
    InitiativeSummary,
    Ref,
    Text,
    Vocabulary,
    about,
    choose_row,
    goal_badges,
    goal_sort_key,
    incoming,
    local_name,
    other_labels,
    sources,
    with_short_names,
)
from kg.pages.entities.concepts import More, shown_of
from kg.pages.entities.listing import listed
from kg.pages.paging import PAGE_SIZE, Paging, paging
from kg.queries import Catalogue
from kg.statecache import per_state

QUERIES = Catalogue(__name__)

COLLABORATION = SKK + "Collaboration"
#: classes too general to name an organisation's kind when a more specific one is stated
GENERAL = {ORG + "Organization", ORG + "FormalOrganization", ORG + "OrganizationalUnit"}
UNIT_ROLES = {SKK + "board": "board", SKK + "coreTeam": "core-team", SKK + "function": "function"}


# ---------------------------------------------------------------- the list


@dataclass
class PartnerEntry:
    ref: Ref
    kind: Text | None
    initiatives: int
    partner_of: list[str] = field(default_factory=list)  # collaborations that name it as partner
    unit: bool = False  # a unit of a collaboration (board, core team, function): takes part through it
    children: list[PartnerEntry] = field(default_factory=list)


@dataclass
class PartnerList:
    collaborations: list[PartnerEntry]
    parties: list[PartnerEntry]
    others: list[PartnerEntry]
    total: int  # organisations that are not part of another: the rows of the whole list
    paging: Paging | None = None


def _unit_entries(store: ox.Store, lang: str, vocabulary: Vocabulary) -> dict[str, list[PartnerEntry]]:
    """parent -> its units and administrations (with theirs), each with its kind and number of initiatives."""
    entries: dict[str, PartnerEntry] = {}
    parents: dict[str, str] = {}
    for row in QUERIES.rows(store, "units"):
        iri = row["organisation"]
        if iri in entries:
            continue
        parents[iri] = row["parent"]
        entries[iri] = PartnerEntry(
            ref=Ref(iri, choose_row(row, "label", lang) or Text(local_name(iri))),
            kind=vocabulary(row.get("kind")),
            initiatives=row.get("initiatives") or 0,
        )
    children: dict[str, list[PartnerEntry]] = {}
    for iri, parent in parents.items():
        children.setdefault(parent, []).append(entries[iri])
    for iri, entry in entries.items():
        entry.children = sorted(children.get(iri, []), key=lambda e: e.ref.label.text.casefold())
    return children


def partner_list(
    store: ox.Store, lang: str, page: int = 1, size: int = PAGE_SIZE, state: Hashable | None = None
) -> PartnerList:
    """The organisations, `size` a page (PageOutOfRange past the last page): the collaborations (with their
    boards, core teams and functions), their parties (with their administrations), then the other partners (those a
    collaboration names as partners first); by name within each; each with the number of initiatives it takes part
    in or funds. Counted, ordered and cut in SPARQL (partners-list); the units come from partners-units. The count
    and the units are kept per `state` of the data (kg.statecache)."""
    counted = per_state(state, "partners-count", lambda: QUERIES.rows(store, "list-count"))
    found = paging(page, (counted[0].get("organisations") or 0) if counted else 0, size)
    vocabulary = Vocabulary(store, lang)
    rows = QUERIES.rows(store, "list", {"lang": lang}, limit=found.size, offset=found.offset) if found.total else []
    # shared by the pages of this state: only read (a collaboration's units are marked as such, always the same)
    children = per_state(state, ("partners-units", lang), lambda: _unit_entries(store, lang, vocabulary))
    sections: list[list[PartnerEntry]] = [[], [], []]
    for row in rows:
        iri, section = row["organisation"], row.get("section") or 0
        entry = PartnerEntry(
            ref=Ref(iri, choose_row(row, "label", lang) or Text(local_name(iri))),
            kind=vocabulary((row.get("kind") or "")[2:] or None),  # "0 " + a specific class, "1 " + a general one
            initiatives=row.get("initiatives") or 0,
            partner_of=["named"] if section == 2 else [],
            children=children.get(iri, []),
        )
        if section == 0:
            for child in entry.children:
                child.unit = True
        sections[min(section, 2)].append(entry)
    return PartnerList(sections[0], sections[1], sections[2], found.total, found)


# ---------------------------------------------------------------- an organisation's page


@dataclass
class OrgInitiative:
    summary: InitiativeSummary
    roles: list[str]  # participant, funder
    via: Ref | None = None  # the sub-organisation that takes part


@dataclass
class Collaborator:
    ref: Ref
    partner: bool  # a source names the two as partners (in either direction)
    shared: list[Ref] = field(default_factory=list)  # initiatives both take part in


@dataclass
class PostView:
    post: Ref
    person: Ref | None
    unit: Ref | None  # the unit the post is in (e.g. the board), when not the organisation itself


@dataclass
class Unit:
    ref: Ref
    role: str  # board, core-team, function
    task: Text | None
    members: int | None
    posts: list[PostView] = field(default_factory=list)


@dataclass
class OrganisationPage:
    iri: str
    label: Text
    other_labels: list[Text]
    alt_labels: list[Text]
    former_names: list[Text]
    kind: Text | None
    is_collaboration: bool
    description: list[Text]
    tasks: list[Text]
    members: int | None
    vision: list[Text]
    mission: list[Text]
    notes: list[Text]
    editorial_notes: list[Text]
    parents: list[Ref]
    children: list[Ref]
    party_of: list[Ref]
    partner_of: list[Ref]
    parties: list[Ref]
    partners: list[Ref]
    units: list[Unit]
    focus_areas: list[Ref]
    perspectives: list[Ref]
    initiatives: list[OrgInitiative]  # the first SHOWN of them
    goals: list[GoalBadge]
    collaborators: list[Collaborator]
    people: list[PostView]
    events: list[Ref]
    published: list[Ref]
    sources: list[Ref]
    total: int = 0  # initiatives it takes part in or funds, all of them
    more: More | None = None  # the ones not shown: /initiatives?partner=…


def _posts(store: ox.Store, iri: str, lang: str) -> list[PostView]:
    posts: dict[str, PostView] = {}
    for row in QUERIES.rows(store, "organisation-posts", {"organisation": iri}):
        if row["post"] in posts:
            continue
        person = Ref(row["person"], Text(row["name"])) if row.get("person") and row.get("name") else None
        unit = (
            Ref(row["unit"], choose_row(row, "unit", lang) or Text(local_name(row["unit"])))
            if row.get("unit")
            else None
        )
        posts[row["post"]] = PostView(
            Ref(row["post"], choose_row(row, "post", lang) or Text(local_name(row["post"]))), person, unit
        )
    return sorted(posts.values(), key=lambda p: (p.unit is not None, p.post.label.text.casefold()))


def _units(store: ox.Store, iri: str, lang: str, posts: list[PostView]) -> list[Unit]:
    units: dict[str, Unit] = {}
    for row in QUERIES.rows(store, "collaboration-units", {"organisation": iri}):
        if row["unit"] in units:
            continue
        units[row["unit"]] = Unit(
            ref=Ref(row["unit"], choose_row(row, "label", lang) or Text(local_name(row["unit"]))),
            role=UNIT_ROLES.get(row["role"], "function"),
            task=choose_row(row, "task", lang),
            members=row.get("members"),
            posts=[p for p in posts if p.unit and p.unit.iri == row["unit"]],
        )
    order = {"board": 0, "core-team": 1, "function": 2}
    return sorted(units.values(), key=lambda u: (order[u.role], u.ref.label.text.casefold()))


def organisation_page(store: ox.Store, iri: str, lang: str) -> OrganisationPage | None:
    vocabulary = Vocabulary(store, lang)
    info = about(store, iri, lang, vocabulary)
    if not info:
        return None
    pointing = incoming(store, iri, lang, vocabulary)
    types = info.iris(RDF_TYPE)
    specific = [t for t in types if t not in GENERAL] or types
    is_collaboration = COLLABORATION in types

    # initiatives: its own, and those of its sub-organisations; the page lists the first SHOWN of them
    children = {r.iri: r for r in (*info.refs(ORG + "hasSubOrganization"), *pointing.refs(ORG + "subOrganizationOf"))}
    roles = QUERIES.rows(store, "organisation-roles", {"organisation": iri})
    total = len({row["initiative"] for row in roles})
    shown = listed(store, lang, shown_of(total), scope=iri, vocabulary=vocabulary) if total else []
    mine: dict[str, OrgInitiative] = {item.summary.iri: OrgInitiative(item.summary, []) for item in shown}
    for row in sorted(roles, key=lambda r: r.get("via") is not None):  # its own part first
        item = mine.get(row["initiative"])
        if item is None:
            continue
        via = children.get(row["via"]) if row.get("via") else None
        if not item.roles and item.via is None:
            item.via = via
        elif item.via is not None and via is not None and via.iri != item.via.iri:
            continue  # shown through its first sub-organisation
        if (via is None) == (item.via is None) and local_name(row["role"]) not in item.roles:
            item.roles.append(local_name(row["role"]))
    initiatives = list(mine.values())
    more = More("partner", iri.rsplit("/", 1)[-1], total - len(initiatives), total) if total > len(shown) else None

    # the goals those initiatives serve (derived from their links; rejected links left out), counted in SPARQL
    badges = goal_badges(store, lang)
    goals: list[GoalBadge] = []
    for row in QUERIES.rows(store, "organisation-goals", {"organisation": iri}):
        badge = badges.get(row["goal"])
        if badge is None:
            continue
        statuses = sorted(
            {local_name(s) for s in (row.get("statuses") or "").split()}, key=lambda s: LINK_STATUS_ORDER.get(s, 9)
        )
        goals.append(
            GoalBadge(badge.iri, badge.code, badge.label, badge.colour, badge.text_colour, row["count"], statuses)
        )

    # who it works with: partners named in the sources (either direction) and co-participants in initiatives
    collaborators: dict[str, Collaborator] = {}
    for ref in with_short_names(store, [*info.refs(SKK + "partner"), *pointing.refs(SKK + "partner")]):
        collaborators.setdefault(ref.iri, Collaborator(ref, False)).partner = True
    for row in QUERIES.rows(store, "organisation-partners", {"organisation": iri}):
        other, initiative = row["other"], row["initiative"]
        if other in children:
            continue
        name = choose_row(row, "label", lang) or Text(local_name(other))
        entry = collaborators.setdefault(other, Collaborator(Ref(other, name), False))
        if all(r.iri != initiative for r in entry.shared):
            entry.shared.append(Ref(initiative, choose_row(row, "initiative", lang) or Text(local_name(initiative))))
    for entry in collaborators.values():
        entry.shared.sort(key=lambda r: r.label.text.casefold())
    collaborator_list = sorted(
        collaborators.values(), key=lambda c: (-len(c.shared), not c.partner, c.ref.label.text.casefold())
    )

    posts = _posts(store, iri, lang)
    units = _units(store, iri, lang, posts) if is_collaboration else []
    in_units = {p.post.iri for u in units for p in u.posts}
    members: Any = info.value(SKK + "numberOfMembers")
    label = info.text(SKOS + "prefLabel") or Text(local_name(iri))
    return OrganisationPage(
        iri=iri,
        label=label,
        other_labels=other_labels(info, label),
        alt_labels=info.all_texts(SKOS + "altLabel"),
        former_names=info.all_texts(SKK + "formerName"),
        kind=vocabulary(specific[0]) if specific else None,
        is_collaboration=is_collaboration,
        description=info.texts(DCT + "description"),
        tasks=info.texts(SKK + "task"),
        members=int(members) if members is not None else None,
        vision=info.texts(SKK + "vision"),
        mission=info.texts(SKK + "mission"),
        notes=info.all_texts(SKOS + "note"),
        editorial_notes=info.all_texts(SKOS + "editorialNote"),
        parents=[*info.refs(ORG + "subOrganizationOf"), *info.refs(ORG + "unitOf")],
        children=sorted(children.values(), key=lambda r: r.label.text.casefold()),
        party_of=pointing.refs(SKK + "party"),
        partner_of=pointing.refs(SKK + "partner", of_type=[COLLABORATION]),
        parties=info.refs(SKK + "party"),
        partners=info.refs(SKK + "partner") if is_collaboration else [],
        units=units,
        focus_areas=info.refs(SKK + "focusArea"),
        perspectives=info.refs(SKK + "perspective"),
        initiatives=initiatives,
        goals=sorted(goals, key=lambda g: (-g.count, goal_sort_key(g))),
        collaborators=collaborator_list,
        people=[p for p in posts if p.post.iri not in in_units],
        events=pointing.refs(SCHEMA + "organizer"),
        published=pointing.refs(DCT + "publisher"),
        sources=sources(info),
        total=total,
        more=more,
    )
