"""Page models of the collaboration's own resources: shared helpers, and the pages of focus areas, perspectives,
functions, themes, challenges and events (initiatives: kg.pages.initiatives, organisations: kg.pages.partners).

Every page function takes `(store, iri, lang)` and returns a dataclass for the templates, or None when the graph
does not know the resource. Texts carry their real language (`Text.lang`) so that a page can mark a fallback
(e.g. an editorial note that exists only in Swedish on the English page). Statements that live in the
mappings graph are the project's proposals and come out with `proposed=True`.

Modules: `statements` (what the graph says about a resource, names and texts with their language),
`formatting` (dates, durations, amounts in words), `summaries` (initiatives in short, goal badges),
`listing` (a page of a filtered list of initiatives, with its counts from SPARQL), `concepts` (focus areas,
perspectives, functions, themes, challenges) and `events`.
"""

from kg.pages.entities.concepts import CONCEPT_LINKS, AssignedInitiative, ConceptPage, concept_page
from kg.pages.entities.events import EventPage, event_page
from kg.pages.entities.formatting import (
    DURATION_UNITS,
    MONTHS,
    format_amount,
    format_date,
    format_duration,
    format_number,
    format_period,
    format_time,
)
from kg.pages.entities.statements import (
    DCT,
    LANGS,
    MAPPINGS,
    ORG,
    RDF_TYPE,
    SCHEMA,
    SKOS,
    About,
    Incoming,
    Ref,
    Text,
    Vocabulary,
    about,
    choose,
    choose_row,
    incoming,
    kind_label,
    local_name,
    other_labels,
    quoted,
    source_language,
    sources,
    with_short_names,
)
from kg.pages.entities.summaries import (
    LINK_STATUS_ORDER,
    STATUS_ORDER,
    GoalBadge,
    InitiativeSummary,
    goal_badges,
    goal_sort_key,
    initiative_summaries,
    sort_summaries,
)

__all__ = [
    "CONCEPT_LINKS",
    "DCT",
    "DURATION_UNITS",
    "LANGS",
    "LINK_STATUS_ORDER",
    "MAPPINGS",
    "MONTHS",
    "ORG",
    "RDF_TYPE",
    "SCHEMA",
    "SKOS",
    "STATUS_ORDER",
    "About",
    "AssignedInitiative",
    "ConceptPage",
    "EventPage",
    "GoalBadge",
    "Incoming",
    "InitiativeSummary",
    "Ref",
    "Text",
    "Vocabulary",
    "about",
    "choose",
    "choose_row",
    "concept_page",
    "event_page",
    "format_amount",
    "format_date",
    "format_duration",
    "format_number",
    "format_period",
    "format_time",
    "goal_badges",
    "goal_sort_key",
    "incoming",
    "initiative_summaries",
    "kind_label",
    "local_name",
    "other_labels",
    "quoted",
    "sort_summaries",
    "source_language",
    "sources",
    "with_short_names",
]
