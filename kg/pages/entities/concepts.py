"""Page models of focus areas, perspectives, functions, themes and challenges: what they are, where they come
from and the initiatives assigned to them (proposed or not)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.pages import run_page_query
from kg.pages.entities.statements import (
    DCT,
    MAPPINGS,
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
from kg.pages.entities.summaries import InitiativeSummary, initiative_summaries, sort_summaries

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
    initiatives: list[AssignedInitiative]
    events: list[Ref]
    sources: list[Ref]

    @property
    def proposals(self) -> int:
        return sum(1 for item in self.initiatives if item.proposed)


def _assigned(
    store: ox.Store, concept: str, prop: str, lang: str, vocabulary: Vocabulary, via: Ref | None = None
) -> list[AssignedInitiative]:
    """The initiatives assigned to a concept by `prop`; proposed when the assignment is only in the mappings."""
    rows = [r for r in run_page_query(store, "entities-concept-initiatives", {"concept": concept}) if r["via"] == prop]
    summaries = initiative_summaries(store, lang, vocabulary, rows)
    graphs: dict[str, set[str]] = {}
    for row in rows:
        graphs.setdefault(row["initiative"], set()).add(row["assignedIn"])
    return [AssignedInitiative(summary, graphs[i] <= {MAPPINGS}, via) for i, summary in summaries.items()]


def concept_page(store: ox.Store, iri: str, lang: str, kind: str) -> ConceptPage | None:
    vocabulary = Vocabulary(store, lang)
    info = about(store, iri, lang, vocabulary)
    if not info:
        return None
    pointing = incoming(store, iri, lang, vocabulary)
    broader = info.refs(SKOS + "broader")
    assigned: list[AssignedInitiative] = []
    siblings: list[Ref] = []
    if kind in CONCEPT_LINKS:
        assigned = _assigned(store, iri, CONCEPT_LINKS[kind], lang, vocabulary)
    elif kind == "challenge":  # the initiatives of its focus area
        for area in broader:
            around = incoming(store, area.iri, lang, vocabulary)
            siblings += [r for r in around.refs(SKOS + "broader") if r.iri != iri]
            assigned += _assigned(store, area.iri, SKK + "focusArea", lang, vocabulary, via=area)
    order = sort_summaries(a.summary for a in assigned)
    assigned.sort(key=lambda a: order.index(a.summary))
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
    )
