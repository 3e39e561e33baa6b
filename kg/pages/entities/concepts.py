"""Page models of focus areas, perspectives, functions, themes and challenges: what they are, where they come
from and the initiatives assigned to them (proposed or not)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.pages.entities.listing import listed
from kg.pages.entities.statements import (
    DCT,
    ORG,
    SKOS,
    Ref,
    Text,
    Vocabulary,
    about,
    incoming,
    kind_label,
    local_name,
    other_labels,
    quoted,
    source_language,
    sources,
)
from kg.pages.entities.summaries import InitiativeSummary
from kg.queries import Catalogue

QUERIES = Catalogue(__name__)

SHOWN = 20  # initiatives a concept or organisation page lists; the rest are one link away (/initiatives?…)
SLACK = 5  # …unless only this many more would be left out: then all of them


def shown_of(total: int) -> int:
    """How many of `total` initiatives a page lists."""
    return total if total <= SHOWN + SLACK else SHOWN


CONCEPT_LINKS = {
    # kind -> the property by which initiatives are assigned to it
    "focus-area": SKK + "focusArea",
    "perspective": SKK + "perspective",
    "function": SKK + "inFunction",
    "theme": SKK + "theme",
}


@dataclass
class AssignedInitiative:
    summary: InitiativeSummary
    proposed: bool  # the assignment is the project's proposal (mappings graph)
    via: Ref | None = None  # for a challenge: the focus area the initiative is assigned to


@dataclass
class ConceptPage:
    iri: str
    kind: str  # focus-area, perspective, function, theme, challenge
    label: Text
    other_labels: list[Text]
    class_label: Text | None
    notation: str | None
    definitions: list[Text]  # skos:definition, skk:task, dcterms:description
    stated_as: list[Text]  # skk:statedAs: the source's own wording
    notes: list[Text]  # skos:note: the source's
    editorial_notes: list[Text]  # skos:editorialNote: the project's
    challenges: list[Ref]  # of a focus area
    broader: list[Ref]  # the focus area of a challenge
    siblings: list[Ref]  # the other challenges of that focus area
    scheme: list[Ref]
    unit_of: list[Ref]  # a function's collaboration
    held_by: list[Ref]  # the collaboration that names this focus area / perspective / function
    initiatives: list[AssignedInitiative]  # the first SHOWN of them (per focus area for a challenge)
    events: list[Ref]
    sources: list[Ref]
    total: int = 0  # initiatives assigned, all of them
    proposals: int = 0  # of those, assigned only by the project's proposal
    more: list[More] = field(default_factory=list)  # where to see the ones not shown

    @property
    def hidden(self) -> int:
        return sum(m.more for m in self.more)


@dataclass
class More:
    """The initiatives a page does not show: how many, and the filter of /initiatives that lists them all."""

    param: str  # the filter: focus-area, perspective, function, theme, partner
    slug: str
    more: int
    total: int


def counts(store: ox.Store, concept: str) -> tuple[int, int]:
    """(initiatives assigned to the concept, of those only by proposal), counted in SPARQL."""
    rows = QUERIES.rows(store, "counts", {"concept": concept})
    return (rows[0]["total"], rows[0]["proposals"]) if rows else (0, 0)


def _assigned(
    store: ox.Store, concept: str, kind: str, lang: str, vocabulary: Vocabulary, via: Ref | None = None
) -> tuple[list[AssignedInitiative], More | None, int, int]:
    """The first SHOWN initiatives assigned to a concept (in the list's order: status, then name), proposed when
    the assignment is only in the mappings; what is not shown; the counts."""
    total, proposals = counts(store, concept)
    if not total:
        return [], None, 0, 0
    items = listed(store, lang, shown_of(total), scope=concept, vocabulary=vocabulary)
    assigned = [AssignedInitiative(item.summary, item.proposed, via) for item in items]
    more = More(kind, concept.rsplit("/", 1)[-1], total - len(assigned), total) if total > len(assigned) else None
    return assigned, more, total, proposals


def concept_page(store: ox.Store, iri: str, lang: str, kind: str) -> ConceptPage | None:
    vocabulary = Vocabulary(store, lang)
    info = about(store, iri, lang, vocabulary)
    if not info:
        return None
    pointing = incoming(store, iri, lang, vocabulary)
    broader = info.refs(SKOS + "broader")
    assigned: list[AssignedInitiative] = []
    siblings: list[Ref] = []
    more: list[More] = []
    total = proposals = 0
    places = [(iri, kind, None)] if kind in CONCEPT_LINKS else []
    if kind == "challenge":  # the initiatives of its focus area
        for area in broader:
            around = incoming(store, area.iri, lang, vocabulary)
            siblings += [r for r in around.refs(SKOS + "broader") if r.iri != iri]
            places.append((area.iri, "focus-area", area))
    for concept, its_kind, via in places:
        items, hidden, n, proposed = _assigned(store, concept, its_kind, lang, vocabulary, via)
        assigned += items
        more += [hidden] if hidden else []
        total, proposals = total + n, proposals + proposed
    unit_of = info.refs(ORG + "unitOf")
    held_by = [
        r
        for p in (SKK + "focusArea", SKK + "perspective", SKK + "function")
        for r in pointing.refs(p, of_type=[SKK + "Collaboration"])
        if r.iri not in {u.iri for u in unit_of}
    ]
    own = info.text(SKOS + "prefLabel") or Text(local_name(iri))
    notation = info.value(SKOS + "notation")
    return ConceptPage(
        iri=iri,
        kind=kind,
        label=own,
        other_labels=other_labels(info, own),
        class_label=kind_label(info, vocabulary, skip=[SKOS + "Concept"]),
        notation=str(notation) if notation is not None else None,
        definitions=[*info.texts(SKOS + "definition"), *info.texts(SKK + "task"), *info.texts(DCT + "description")],
        stated_as=quoted(info.all_texts(SKK + "statedAs"), source_language(store, sources(info))),
        notes=info.all_texts(SKOS + "note"),
        editorial_notes=info.all_texts(SKOS + "editorialNote"),
        challenges=info.refs(SKK + "challenge"),
        broader=broader,
        siblings=siblings,
        scheme=info.refs(SKOS + "inScheme"),
        unit_of=unit_of,
        held_by=held_by,
        initiatives=assigned,
        events=pointing.refs(SKK + "theme", of_type=[SKK + "Event"]),
        sources=sources(info),
        total=total,
        proposals=proposals,
        more=more,
    )
