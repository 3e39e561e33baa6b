"""What a resource page shows: its name, kinds, statements and the statements that point at it. It runs no
query of its own (so it has no kg/queries/ folder): the statements come from kg.linkeddata.describe, the names
from kg.labels."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.labels import label
from kg.linkeddata import describe

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class Value:
    text: str
    iri: str | None = None
    language: str | None = None
    datatype: str | None = None


@dataclass
class Statement:
    predicate: str
    predicate_label: str
    values: list[Value] = field(default_factory=list)


@dataclass
class ResourceView:
    iri: str
    label: str
    types: list[Value]
    statements: list[Statement]
    incoming: list[Statement]


def _value(store: ox.Store, term, lang: str) -> Value:
    if isinstance(term, ox.NamedNode):
        return Value(label(store, term.value, lang) or term.value, term.value)
    if isinstance(term, ox.Literal):
        datatype = None if term.language or term.datatype.value.endswith("#string") else term.datatype.value
        return Value(term.value, None, term.language or None, datatype)
    return Value(str(term))


def resource_view(store: ox.Store, iri: str, lang: str = "sv") -> ResourceView | None:
    """The page model of a resource, or None when the graph says nothing about it."""
    triples = describe(store, iri)
    own = [t for t in triples if isinstance(t.subject, ox.NamedNode) and t.subject.value == iri]
    if not own:
        return None
    outgoing: dict[str, Statement] = {}
    types: list[Value] = []
    for triple in own:
        predicate = triple.predicate.value
        if predicate == RDF_TYPE:
            types.append(_value(store, triple.object, lang))
            continue
        statement = outgoing.setdefault(predicate, Statement(predicate, label(store, predicate, lang) or predicate))
        statement.values.append(_value(store, triple.object, lang))
    for statement in outgoing.values():  # the chosen language first, then the other, then the rest
        statement.values.sort(key=lambda v: (v.language not in (lang, None), v.language or "", v.text))
    incoming: dict[str, Statement] = {}
    for triple in triples:
        if (
            isinstance(triple.object, ox.NamedNode)
            and triple.object.value == iri
            and isinstance(triple.subject, ox.NamedNode)
        ):
            predicate = triple.predicate.value
            statement = incoming.setdefault(predicate, Statement(predicate, label(store, predicate, lang) or predicate))
            statement.values.append(_value(store, triple.subject, lang))
    return ResourceView(
        iri,
        label(store, iri, lang) or iri,
        types,
        sorted(outgoing.values(), key=lambda s: s.predicate_label.lower()),
        sorted(incoming.values(), key=lambda s: s.predicate_label.lower()),
    )
