"""The page model of an event: when and where, who organised it, its themes and initiatives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.pages.entities.formatting import format_period
from kg.pages.entities.statements import (
    DCT,
    SCHEMA,
    SKOS,
    Ref,
    Text,
    about,
    choose_row,
    local_name,
    other_labels,
    sources,
)
from kg.queries import Catalogue

QUERIES = Catalogue(__name__)


@dataclass
class EventPage:
    iri: str
    label: Text
    other_labels: list[Text]
    when: str | None  # "15 mars 2024, 08.30–14.00"
    start: Any
    end: Any
    place: Ref | None
    locality: str | None
    organisers: list[Ref]
    themes: list[Ref]
    initiatives: list[Ref]
    description: list[Text]
    editorial_notes: list[Text]
    sources: list[Ref]


def event_page(store: ox.Store, iri: str, lang: str) -> EventPage | None:
    info = about(store, iri, lang)
    if not info:
        return None
    rows = QUERIES.rows(store, "event", {"event": iri})
    row = rows[0] if rows else {}
    start, end = row.get("start"), row.get("end")
    place = None
    if row.get("place"):
        place = Ref(row["place"], choose_row(row, "place", lang) or Text(local_name(row["place"])))
    label = info.text(SKOS + "prefLabel") or Text(local_name(iri))
    return EventPage(
        iri=iri,
        label=label,
        other_labels=other_labels(info, label),
        when=format_period(start, end, lang) if start is not None else None,
        start=start,
        end=end,
        place=place,
        locality=row.get("locality"),
        organisers=info.refs(SCHEMA + "organizer"),
        themes=info.refs(SKK + "theme"),
        initiatives=info.refs(SKK + "relatedInitiative"),
        description=info.texts(DCT + "description"),
        editorial_notes=info.all_texts(SKOS + "editorialNote"),
        sources=sources(info),
    )
