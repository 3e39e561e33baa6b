"""Page models of initiatives: the list (grouped by status, filterable by kind, status and scope, paged: see
kg.pages.paging and kg.pages.entities.listing) and an initiative's page."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyoxigraph as ox

from kg.namespaces import ID, PREFIXES, SKK
from kg.pages import kind_of
from kg.pages.entities import (
    DCT,
    LINK_STATUS_ORDER,
    RDF_TYPE,
    SCHEMA,
    SKOS,
    STATUS_ORDER,
    About,
    GoalBadge,
    InitiativeSummary,
    Ref,
    Text,
    Vocabulary,
    about,
    choose_row,
    format_amount,
    format_date,
    format_duration,
    format_number,
    incoming,
    local_name,
    other_labels,
    quoted,
    source_language,
    sources,
    with_short_names,
)
from kg.pages.entities.listing import facet_counts, listed
from kg.pages.paging import NONE, PAGE_SIZE, Paging, paging
from kg.queries import Catalogue
from kg.toolkit import text_colour

QUERIES = Catalogue(__name__)

PERSON = PREFIXES["person"]

# ---------------------------------------------------------------- the list

#: the scopes the list can be narrowed to: request parameter -> (IRI folder under ID, kind of page of the resource)
SCOPES = {
    "focus-area": ("focus-area/", "focus-area"),
    "perspective": ("perspective/", "perspective"),
    "function": ("function/", "function"),
    "theme": ("theme/", "theme"),
    "partner": ("organisation/", "organisation"),
}
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


@dataclass
class Option:
    key: str
    label: Text | None  # None for the status "none" (not stated): the page words it
    count: int


@dataclass
class StatusGroup:
    key: str
    label: Text | None
    initiatives: list[InitiativeSummary]
    count: int = 0  # in the whole (filtered) list, not only on this page


@dataclass
class Scope:
    param: str  # focus-area, perspective, function, theme, partner
    slug: str
    iri: str
    label: Text


@dataclass
class InitiativeList:
    groups: list[StatusGroup]
    kinds: list[Option]
    statuses: list[Option]
    kind: str | None  # the chosen filters (None: all)
    status: str | None
    total: int  # initiatives within the scope (all of them without one)
    shown: int  # of those, the ones that match kind and status (on every page)
    scope: Scope | None = None
    paging: Paging | None = None

    @property
    def args(self) -> dict[str, str]:
        """The chosen filters as request parameters (for the paging links)."""
        args = {"kind": self.kind or "", "status": self.status or ""}
        if self.scope:
            args[self.scope.param] = self.scope.slug
        return {k: v for k, v in args.items() if v}


def resolve_scope(store: ox.Store, lang: str, param: str | None, slug: str | None) -> Scope | None:
    """The scope named by a request parameter and a slug, or None when it is not one the graph knows."""
    if param not in SCOPES or not slug or not _SLUG.fullmatch(slug):
        return None
    folder, kind = SCOPES[param]
    iri = ID + folder + slug
    if kind_of(store, iri) != kind:
        return None
    return Scope(param, slug, iri, Vocabulary(store, lang)(iri) or Text(slug))


def initiative_list(
    store: ox.Store,
    lang: str,
    kind: str | None = None,
    status: str | None = None,
    page: int = 1,
    scope: Scope | None = None,
    size: int = PAGE_SIZE,
    state: Hashable | None = None,
) -> InitiativeList:
    """One page of the initiatives, grouped by status (idea, planned, ongoing, completed, not stated) and by name
    within a status; `kind` and `status` (keys as in the options) and `scope` narrow the list, unknown keys are
    ignored. The counts come from SPARQL (GROUP BY); only the page's rows are built. PageOutOfRange past the
    last page. With a `state` of the data the counts and the order of the whole list are kept per state
    (kg.statecache)."""
    vocabulary = Vocabulary(store, lang)
    cells = facet_counts(store, scope.iri if scope else None, state)
    kinds: dict[str, Option] = {}
    kind_iris: dict[str, str] = {}
    status_counts = dict.fromkeys(STATUS_ORDER, 0)
    for kind_iri, status_iri, count in cells:
        key = local_name(kind_iri).lower()
        kind_iris[key] = kind_iri
        kinds.setdefault(key, Option(key, vocabulary(kind_iri), 0)).count += count
        status_key = local_name(status_iri) if status_iri else "none"
        if status_key in status_counts:
            status_counts[status_key] += count
    statuses = [
        Option(key, None if key == "none" else vocabulary(SKK + key), status_counts[key]) for key in STATUS_ORDER
    ]
    kind = kind if kind in kinds else None
    status = status if status in STATUS_ORDER else None
    per_group = dict.fromkeys(STATUS_ORDER, 0)
    for kind_iri, status_iri, count in cells:
        status_key = local_name(status_iri) if status_iri else "none"
        if (kind is None or local_name(kind_iri).lower() == kind) and status_key in per_group:
            per_group[status_key] += count
    shown = sum(per_group[key] for key in STATUS_ORDER if status is None or key == status)
    pages = paging(page, shown, size)
    status_iri = None if status is None else NONE if status == "none" else SKK + status
    items = (
        listed(
            store,
            lang,
            size,
            pages.offset,
            kind=kind_iris.get(kind or ""),
            status=status_iri,
            scope=scope.iri if scope else None,
            vocabulary=vocabulary,
            state=state,
        )
        if shown
        else []
    )
    groups: list[StatusGroup] = []
    labels = {option.key: option.label for option in statuses}
    for item in items:
        key = item.summary.status_key
        if not groups or groups[-1].key != key:
            groups.append(StatusGroup(key, labels.get(key), [], per_group.get(key, 0)))
        groups[-1].initiatives.append(item.summary)
    return InitiativeList(
        groups=groups,
        kinds=sorted(kinds.values(), key=lambda o: (o.label.text if o.label else o.key).casefold()),
        statuses=statuses,
        kind=kind,
        status=status,
        total=sum(status_counts.values()),
        shown=shown,
        scope=scope,
        paging=pages,
    )


# ---------------------------------------------------------------- an initiative's page


@dataclass
class Person:
    iri: str
    name: str
    roles: list[tuple[Text, Ref | None]] = field(default_factory=list)  # (post, organisation of the post)


@dataclass
class BudgetPart:
    iri: str
    amount: str
    funding: Text | None
    purpose: Text | None
    stated_as: str | None


@dataclass
class BudgetLine:
    iri: str
    label: Text
    amount: str
    funding: Text | None
    status: Text | None
    stated_as: str | None
    purpose: Text | None
    note: Text | None  # skos:note: the source's remark ("Redan beslutad.")
    editorial_notes: list[Text]  # the project's reading
    parts: list[BudgetPart] = field(default_factory=list)
    shared_with: list[Ref] = field(default_factory=list)


@dataclass
class TargetLinkView:
    iri: str
    target: str
    code: str
    text: Text | None
    goal: GoalBadge | None
    relevance: Text | None
    relevance_key: str | None
    status: Text | None
    status_key: str
    rationale: Text | None
    agent: Ref | None
    at: str | None


@dataclass
class Figure:
    iri: str
    label: Text
    value: str | None
    qualifier: Text | None
    unit: Text | None
    population: Text | None
    stated_as: str | None


@dataclass
class InitiativePage:
    iri: str
    label: Text
    other_labels: list[Text]
    alt_labels: list[Text]
    kind: Text | None
    status: Text | None
    status_key: str
    start: str | None
    end: str | None
    planned: list[Text]
    duration: str | None
    duration_stated: str | None
    description: list[Text]
    stated_as: list[Text]
    notes: list[Text]
    editorial_notes: list[Text]
    themes: list[Ref]
    focus_areas: list[Ref]
    perspectives: list[Ref]
    functions: list[Ref]
    participants: list[Ref]
    funders: list[Ref]
    people: list[Person]
    part_of: list[Ref]
    parts: list[Ref]
    events: list[Ref]
    budget: list[BudgetLine]
    links: list[TargetLinkView]
    figures: list[Figure]
    sources: list[Ref]
    quote_lang: str | None  # the language of the sources' own wording (budget lines, figures)
    added_by: list[Ref]  # dcterms:creator: the core team, for an initiative it added (not from a source document)

    @property
    def classification_proposed(self) -> bool:
        return any(r.proposed for r in (*self.focus_areas, *self.perspectives, *self.functions))


def _people(store: ox.Store, iri: str, lang: str, vocabulary: Vocabulary) -> list[Person]:
    people: dict[str, Person] = {}
    for row in QUERIES.rows(store, "person-roles", {"resource": iri}):
        person = people.setdefault(row["person"], Person(row["person"], row["name"]))
        post = choose_row(row, "post", lang)
        if post and all(post != role for role, _ in person.roles):
            org = row.get("postIn")
            person.roles.append((post, Ref(org, vocabulary(org)) if org else None))
    return sorted(people.values(), key=lambda p: p.name.casefold())


def _budget(store: ox.Store, iri: str, lang: str, vocabulary: Vocabulary) -> list[BudgetLine]:
    lines: dict[str, BudgetLine] = {}
    for row in QUERIES.rows(store, "budget", {"initiative": iri}):
        line = lines.get(row["line"])
        if line is None:
            line = lines[row["line"]] = BudgetLine(
                iri=row["line"],
                label=choose_row(row, "label", lang) or Text(local_name(row["line"])),
                amount=format_amount(row["value"], row.get("currency"), lang),
                funding=vocabulary(row.get("funding")),
                status=vocabulary(row.get("status")),
                stated_as=row.get("statedAs"),
                purpose=choose_row(row, "purpose", lang),
                note=choose_row(row, "note", lang),
                editorial_notes=[],
            )
        if row.get("editorialNote") and all(n.text != row["editorialNote"] for n in line.editorial_notes):
            line.editorial_notes.append(Text(row["editorialNote"], "sv"))
        if row.get("part") and all(p.iri != row["part"] for p in line.parts):
            line.parts.append(
                BudgetPart(
                    iri=row["part"],
                    amount=format_amount(row["partValue"], row.get("partCurrency"), lang),
                    funding=vocabulary(row.get("partFunding")),
                    purpose=choose_row(row, "partPurpose", lang),
                    stated_as=row.get("partStatedAs"),
                )
            )
        if row.get("other") and all(r.iri != row["other"] for r in line.shared_with):
            line.shared_with.append(Ref(row["other"], vocabulary(row["other"]) or Text(local_name(row["other"]))))
    return sorted(lines.values(), key=lambda line: line.label.text.casefold())


def _links(store: ox.Store, iri: str, lang: str, vocabulary: Vocabulary) -> list[TargetLinkView]:
    links: dict[str, TargetLinkView] = {}
    for row in QUERIES.rows(store, "links", {"initiative": iri}):
        if row["link"] in links:
            continue
        goal = None
        if row.get("goal"):
            colour = row.get("colour") or "#19486A"
            goal = GoalBadge(
                row["goal"],
                row["goalCode"],
                choose_row(row, "goal", lang) or Text(row["goalCode"]),
                colour,
                text_colour(colour),
            )
        agent = (
            Ref(row["agent"], vocabulary(row["agent"]) or Text(local_name(row["agent"]))) if row.get("agent") else None
        )
        at = row.get("at")
        links[row["link"]] = TargetLinkView(
            iri=row["link"],
            target=row["target"],
            code=row["code"],
            text=choose_row(row, "target", lang),
            goal=goal,
            relevance=vocabulary(row.get("relevance")),
            relevance_key=local_name(row["relevance"]) if row.get("relevance") else None,
            status=vocabulary(row.get("status")),
            status_key=local_name(row["status"]) if row.get("status") else "proposed",
            rationale=choose_row(row, "rationale", lang),
            agent=agent,
            at=format_date(at, lang) if isinstance(at, datetime) else (str(at) if at else None),
        )

    def key(link: TargetLinkView) -> tuple:
        parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in link.code.split("."))
        return (LINK_STATUS_ORDER.get(link.status_key, 9), link.relevance_key != "primary", parts)

    return sorted(links.values(), key=key)


def _figures(store: ox.Store, iri: str, lang: str) -> list[Figure]:
    figures: dict[str, Figure] = {}
    for row in QUERIES.rows(store, "figures", {"initiative": iri}):
        if row["figure"] in figures:
            continue
        value = row.get("value")
        figures[row["figure"]] = Figure(
            iri=row["figure"],
            label=choose_row(row, "label", lang) or Text(local_name(row["figure"])),
            value=format_number(value, lang) if value is not None else None,
            qualifier=choose_row(row, "qualifier", lang),
            unit=choose_row(row, "unit", lang),
            population=choose_row(row, "population", lang),
            stated_as=row.get("statedAs"),
        )
    return sorted(figures.values(), key=lambda f: f.label.text.casefold())


def _dates(info: About, lang: str) -> tuple[str | None, str | None]:
    start, end = info.value(SCHEMA + "startDate"), info.value(SCHEMA + "endDate")
    return (
        format_date(start, lang) if start is not None else None,
        format_date(end, lang) if end is not None else None,
    )


def initiative_page(store: ox.Store, iri: str, lang: str) -> InitiativePage | None:
    vocabulary = Vocabulary(store, lang)
    info = about(store, iri, lang, vocabulary)
    if not info:
        return None
    pointing = incoming(store, iri, lang, vocabulary)
    types = [t for t in info.iris(RDF_TYPE) if t != SKK + "Initiative"]
    status_iri = (info.iris(SKK + "status") or [None])[0]
    start, end = _dates(info, lang)
    duration: Any = info.value(SCHEMA + "duration")
    label = info.text(SKOS + "prefLabel") or Text(local_name(iri))
    cited = sources(info)
    quote_lang = source_language(store, cited)
    named = [*info.iris(SKK + "participant"), *info.iris(SKK + "funder"), *info.iris(SKK + "responsiblePerson")]
    return InitiativePage(
        iri=iri,
        label=label,
        other_labels=other_labels(info, label),
        alt_labels=info.all_texts(SKOS + "altLabel"),
        kind=vocabulary(types[0] if types else SKK + "Initiative"),
        status=vocabulary(status_iri),
        status_key=local_name(status_iri) if status_iri else "none",
        start=start,
        end=end,
        planned=info.all_texts(SKK + "plannedPeriod"),
        duration=format_duration(str(duration), lang) if duration is not None else None,
        duration_stated=str(duration) if duration is not None else None,
        description=info.texts(DCT + "description"),
        stated_as=quoted(info.all_texts(SKK + "statedAs"), quote_lang),
        notes=info.all_texts(SKOS + "note"),
        editorial_notes=info.all_texts(SKOS + "editorialNote"),
        themes=info.refs(SKK + "theme"),
        focus_areas=info.refs(SKK + "focusArea"),
        perspectives=info.refs(SKK + "perspective"),
        functions=info.refs(SKK + "inFunction"),
        participants=with_short_names(store, info.refs(SKK + "participant")),
        funders=with_short_names(store, info.refs(SKK + "funder")),
        people=_people(store, iri, lang, vocabulary) if any(i.startswith(PERSON) for i in named) else [],
        part_of=info.refs(SKK + "partOf"),
        parts=pointing.refs(SKK + "partOf"),
        events=pointing.refs(SKK + "relatedInitiative"),
        budget=_budget(store, iri, lang, vocabulary) if pointing.subjects.get(SKK + "budgetFor") else [],
        links=_links(store, iri, lang, vocabulary) if pointing.subjects.get(SKK + "initiative") else [],
        figures=_figures(store, iri, lang) if info.iris(SKK + "background") else [],
        sources=cited,
        quote_lang=quote_lang,
        added_by=info.refs(DCT + "creator"),
    )
