"""Page models of the collaboration's own resources: shared helpers, and the pages of focus areas, perspectives,
functions, themes, challenges and events (initiatives: kg.pages.initiatives, organisations: kg.pages.partners).

Every page function takes `(store, iri, lang)` and returns a dataclass for the templates, or None when the graph
does not know the resource. Texts carry their real language (`Text.lang`) so that a page can mark a fallback
(e.g. an editorial note that exists only in Swedish on the English page). Statements that live in the
mappings graph are the project's proposals and come out with `proposed=True`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from kg.labels import LABEL_PROPERTIES
from kg.namespaces import GRAPHS, PREFIXES, SKK
from kg.pages import run_page_query, text_colour

RDF_TYPE = PREFIXES["rdf"] + "type"
SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
ORG = PREFIXES["org"]
SCHEMA = PREFIXES["schema"]
MAPPINGS = GRAPHS["mappings"]
LANGS = ("sv", "en")

# fmt: off
MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
# fmt: on
DURATION_UNITS = {
    "Y": {"sv": ("år", "år"), "en": ("year", "years")},
    "M": {"sv": ("månad", "månader"), "en": ("month", "months")},
    "W": {"sv": ("vecka", "veckor"), "en": ("week", "weeks")},
    "D": {"sv": ("dag", "dagar"), "en": ("day", "days")},
}
#: the initiative statuses in the order of the list page; "none" = not stated in the source
STATUS_ORDER = ("idea", "planned", "ongoing", "completed", "none")
LINK_STATUS_ORDER = {"confirmed": 0, "proposed": 1, "rejected": 2}


# ---------------------------------------------------------------- small value types


@dataclass(frozen=True)
class Text:
    """A text and the language it is really in (None: no language, e.g. a name or a quotation as stated)."""

    text: str
    lang: str | None = None

    def __str__(self) -> str:
        return self.text


@dataclass
class Ref:
    """A resource the page points at: IRI, name, whether the statement is a proposal, extras (an abbreviation)."""

    iri: str
    label: Text
    proposed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class GoalBadge:
    """A goal with its official colour (and a text colour that reads on it): number and short title in words."""

    iri: str
    code: str
    label: Text
    colour: str
    text_colour: str
    count: int = 0  # initiatives serving it (on partner pages)
    statuses: list[str] = field(default_factory=list)  # link statuses behind it: proposed, confirmed

    @property
    def proposed_only(self) -> bool:
        return "confirmed" not in self.statuses


# ---------------------------------------------------------------- formatting (Swedish / English)


def local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def format_number(value: Decimal | int | float, lang: str) -> str:
    """75.0 -> "75", 12.5 -> "12,5" (sv) / "12.5" (en), thousands grouped."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        text = f"{int(number):,}"
        return text.replace(",", " ") if lang == "sv" else text
    text = f"{number.normalize():,f}"
    return text.replace(",", " ").replace(".", ",") if lang == "sv" else text


def format_amount(value: Decimal | int | float, currency: str | None, lang: str) -> str:
    """285000 SEK -> "285 000 kr" (sv) / "SEK 285,000" (en)."""
    number = format_number(value, lang)
    if currency in (None, "SEK"):
        return f"{number} kr" if lang == "sv" else f"SEK {number}"
    return f"{number} {currency}"


def format_date(value: Any, lang: str) -> str:
    """A date as stated: xsd:date "15 mars 2024", xsd:gYearMonth "september 2016", xsd:gYear "2020"."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?", text)
    if match:
        return f"{MONTHS[lang][int(match.group(2)) - 1]} {match.group(1)}"
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return format_date(date(int(match.group(1)), int(match.group(2)), int(match.group(3))), lang)
    return text


def format_time(value: datetime, lang: str) -> str:
    """08.30 (sv) / 08:30 (en), in the time zone the data states."""
    return value.strftime("%H.%M" if lang == "sv" else "%H:%M")


def format_period(start: Any, end: Any, lang: str) -> str:
    """ "15 mars 2024, 08.30–14.00"; over several days "15 mars 2024, 08.30 – 16 mars 2024, 14.00"."""
    if not isinstance(start, datetime):
        text = format_date(start, lang)
        return f"{text} – {format_date(end, lang)}" if end is not None else text
    text = f"{format_date(start, lang)}, {format_time(start, lang)}"
    if isinstance(end, datetime):
        if end.date() == start.date():
            return f"{text}–{format_time(end, lang)}"
        return f"{text} – {format_date(end, lang)}, {format_time(end, lang)}"
    if end is not None:
        return f"{text} – {format_date(end, lang)}"
    return text


def format_duration(value: str, lang: str) -> str:
    """An xsd:duration in words: P1Y "1 år" / "1 year", P1Y6M "1 år 6 månader"; anything else as stated."""
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", str(value))
    if not match or not any(match.groups()):
        return str(value)
    parts = []
    for number, unit in zip(match.groups(), "YMWD", strict=True):
        if number:
            one, many = DURATION_UNITS[unit][lang]
            parts.append(f"{int(number)} {one if int(number) == 1 else many}")
    return " ".join(parts)


# ---------------------------------------------------------------- labels of vocabulary terms


class Vocabulary:
    """Names of classes, controlled values (statuses, relevances, funding sources) and other single resources,
    read once per page (the same label properties as kg.labels, keeping the language of the name)."""

    def __init__(self, store: ox.Store, lang: str):
        self.store, self.lang = store, lang
        self._cache: dict[str, Text] = {}

    def __call__(self, iri: str | None) -> Text | None:
        if not iri:
            return None
        if iri not in self._cache:
            node, found = ox.NamedNode(iri), {}
            for prop in LABEL_PROPERTIES:
                for quad in self.store.quads_for_pattern(node, ox.NamedNode(prop), None, None):
                    if isinstance(quad.object, ox.Literal):
                        found.setdefault(quad.object.language or "", quad.object.value)
                if found:
                    break
            self._cache[iri] = choose(found, self.lang) or Text(local_name(iri))
        return self._cache[iri]


# ---------------------------------------------------------------- what the graph says about a resource


def choose(values: dict[str, str], lang: str) -> Text | None:
    """From {lang: text} ("" = no language), the text in `lang`, else the other language, else the untagged one."""
    for code in (lang, *(c for c in LANGS if c != lang)):
        if values.get(code):
            return Text(values[code], code)
    for code, value in values.items():
        if value:
            return Text(value, code or None)
    return None


def choose_row(row: dict[str, Any], name: str, lang: str) -> Text | None:
    """From a row with `nameSv` / `nameEn` columns, the text in `lang` (else the other one) with its language."""
    return choose({"sv": row.get(name + "Sv"), "en": row.get(name + "En")}, lang)


class About:
    """The statements of one resource (entities-about), grouped by property, with the names of their objects."""

    def __init__(self, rows: list[dict[str, Any]], lang: str, names: Vocabulary):
        self.lang, self.names = lang, names
        self.values: dict[str, list[tuple[Any, str, str]]] = {}  # p -> [(object, lang, datatype)]
        self.graphs: dict[tuple[str, Any], set[str]] = {}
        for row in rows:
            p, o = row["p"], row["o"]
            key = (o, row.get("olang") or "", row.get("odt") or "")
            bucket = self.values.setdefault(p, [])
            if key not in bucket:
                bucket.append(key)
            self.graphs.setdefault((p, o), set()).add(row["g"])

    def __bool__(self) -> bool:
        return bool(self.values)

    def literals(self, p: str) -> list[tuple[Any, str, str]]:
        return [v for v in self.values.get(p, []) if v[2]]

    def value(self, p: str) -> Any:
        """The first literal value (as a Python value) of a property, or None."""
        found = self.literals(p)
        return found[0][0] if found else None

    def texts(self, p: str) -> list[Text]:
        """The literal texts of a property in the page's language (else the other language; untagged always)."""
        found = self.literals(p)
        wanted = [v for v in found if v[1] == self.lang]
        if not wanted:
            other = [v for v in found if v[1] and v[1] != self.lang]
            wanted = other[:1] if other else []
        untagged = [v for v in found if not v[1]]
        return [Text(str(v[0]), v[1] or None) for v in (*wanted, *untagged)]

    def text(self, p: str) -> Text | None:
        found = self.texts(p)
        return found[0] if found else None

    def all_texts(self, p: str) -> list[Text]:
        """Every literal of a property, in whatever language (e.g. notes that exist only in Swedish)."""
        found = self.literals(p)
        ordered = sorted(found, key=lambda v: (v[1] != self.lang, v[1]))
        return [Text(str(v[0]), v[1] or None) for v in ordered]

    def iris(self, p: str) -> list[str]:
        return [v[0] for v in self.values.get(p, []) if not v[2] and isinstance(v[0], str)]

    def name_of(self, iri: str) -> Text:
        return self.names(iri) or Text(local_name(iri))

    def proposed(self, p: str, o: Any) -> bool:
        """True when the statement is in the mappings graph only (a proposal, not a fact from a source)."""
        graphs = self.graphs.get((p, o), set())
        return bool(graphs) and graphs <= {MAPPINGS}

    def refs(self, p: str) -> list[Ref]:
        found = [Ref(iri, self.name_of(iri), self.proposed(p, iri)) for iri in self.iris(p)]
        return sorted(found, key=lambda r: r.label.text.casefold())


def about(store: ox.Store, iri: str, lang: str, names: Vocabulary | None = None) -> About:
    names = names or Vocabulary(store, lang)
    return About(run_page_query(store, "entities-about", {"resource": iri}), lang, names)


class Incoming:
    """The statements that point at one resource (entities-incoming): property -> the resources pointing."""

    def __init__(self, rows: list[dict[str, Any]], lang: str, names: Vocabulary):
        self.lang, self.names = lang, names
        self.subjects: dict[str, list[str]] = {}
        self.types: dict[str, list[str]] = {}
        self.graphs: dict[tuple[str, str], set[str]] = {}
        for row in rows:
            s, p = row["s"], row["p"]
            if s not in self.subjects.setdefault(p, []):
                self.subjects[p].append(s)
            if row.get("type") and row["type"] not in self.types.setdefault(s, []):
                self.types[s].append(row["type"])
            self.graphs.setdefault((p, s), set()).add(row["g"])

    def name_of(self, iri: str) -> Text:
        return self.names(iri) or Text(local_name(iri))

    def refs(self, p: str, of_type: Iterable[str] | None = None) -> list[Ref]:
        wanted = set(of_type) if of_type is not None else None
        found = []
        for s in self.subjects.get(p, []):
            if wanted is not None and not wanted & set(self.types.get(s, [])):
                continue
            graphs = self.graphs.get((p, s), set())
            found.append(Ref(s, self.name_of(s), bool(graphs) and graphs <= {MAPPINGS}))
        return sorted(found, key=lambda r: r.label.text.casefold())


def incoming(store: ox.Store, iri: str, lang: str, names: Vocabulary | None = None) -> Incoming:
    names = names or Vocabulary(store, lang)
    return Incoming(run_page_query(store, "entities-incoming", {"resource": iri}), lang, names)


def other_labels(info: About, label: Text) -> list[Text]:
    """The resource's names in other languages that differ from the one shown."""
    return [t for t in info.all_texts(SKOS + "prefLabel") if t.text != label.text]


def with_short_names(store: ox.Store, refs: list[Ref]) -> list[Ref]:
    """Adds the abbreviation (skos:altLabel, e.g. "SKR") as `extra["short"]` where the name does not contain it."""
    for ref in refs:
        for quad in store.quads_for_pattern(ox.NamedNode(ref.iri), ox.NamedNode(SKOS + "altLabel"), None, None):
            short = quad.object.value
            if isinstance(quad.object, ox.Literal) and short not in ref.label.text and len(short) <= 12:
                ref.extra["short"] = short
                break
    return refs


def sources(info: About) -> list[Ref]:
    return info.refs(DCT + "source")


def source_language(store: ox.Store, refs: list[Ref]) -> str | None:
    """The language the source documents are written in (dcterms:language) when they agree: the language of the
    untagged quotations (skk:statedAs) taken from them."""
    found = set()
    for ref in refs:
        for quad in store.quads_for_pattern(ox.NamedNode(ref.iri), ox.NamedNode(DCT + "language"), None, None):
            if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", quad.object.value):
                found.add(quad.object.value)
    return found.pop() if len(found) == 1 else None


def quoted(texts: list[Text], lang: str | None) -> list[Text]:
    """Quotations as stated, in the language of their source where they carry none."""
    return [Text(t.text, t.lang or lang) for t in texts]


def kind_label(info: About, vocabulary: Vocabulary, skip: Iterable[str] = ()) -> Text | None:
    """The name of the resource's most specific class (the first one not in `skip`)."""
    for iri in info.iris(RDF_TYPE):
        if iri not in skip:
            return vocabulary(iri)
    return None


def goal_badges(store: ox.Store, lang: str) -> dict[str, GoalBadge]:
    """Every goal as a badge template (count and statuses empty), by IRI."""
    badges = {}
    for row in run_page_query(store, "entities-goals"):
        colour = row.get("colour") or "#19486A"
        title = choose_row(row, "label", lang) or Text(row["code"])
        badges[row["goal"]] = GoalBadge(row["goal"], row["code"], title, colour, text_colour(colour))
    return badges


def goal_sort_key(badge: GoalBadge) -> tuple[int, str]:
    return (int(badge.code), badge.code) if badge.code.isdigit() else (999, badge.code)


# ---------------------------------------------------------------- initiatives in short (lists, concept pages)


@dataclass
class InitiativeSummary:
    iri: str
    label: Text
    kind: Text | None
    kind_key: str  # local name of the class in lower case: "pilot", "testbed", ...
    status: Text | None
    status_key: str  # idea / planned / ongoing / completed / none
    focus_areas: list[Ref] = field(default_factory=list)
    goals: list[GoalBadge] = field(default_factory=list)


def initiative_summaries(
    store: ox.Store, lang: str, vocabulary: Vocabulary | None = None, rows: list[dict[str, Any]] | None = None
) -> dict[str, InitiativeSummary]:
    """Initiatives with kind, status, focus areas (proposed or not) and the goals their links serve (rejected links
    left out; each goal keeps the statuses of the links behind it). `rows`: rows with the columns of
    entities-initiatives (default: that query, i.e. every initiative)."""
    vocabulary = vocabulary or Vocabulary(store, lang)
    badges = goal_badges(store, lang)
    rows = run_page_query(store, "entities-initiatives") if rows is None else rows
    summaries: dict[str, InitiativeSummary] = {}
    goals: dict[str, dict[str, GoalBadge]] = {}
    focus: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        iri = row["initiative"]
        summary = summaries.get(iri)
        if summary is None:
            status = row.get("status")
            summary = summaries[iri] = InitiativeSummary(
                iri=iri,
                label=choose_row(row, "label", lang) or Text(local_name(iri)),
                kind=vocabulary(row["kind"]),
                kind_key=local_name(row["kind"]).lower(),
                status=vocabulary(status),
                status_key=local_name(status) if status else "none",
            )
            goals[iri], focus[iri] = {}, {}
        elif summary.kind_key == "initiative" and row["kind"] != SKK + "Initiative":
            summary.kind, summary.kind_key = vocabulary(row["kind"]), local_name(row["kind"]).lower()  # more specific
        if row.get("focusArea"):
            focus[iri].setdefault(row["focusArea"], set()).add(row.get("focusGraph") or "")
        goal, status = row.get("goal"), row.get("linkStatus")
        if goal and status and local_name(status) != "rejected" and goal in badges:
            template = badges[goal]
            badge = goals[iri].setdefault(
                goal, GoalBadge(template.iri, template.code, template.label, template.colour, template.text_colour)
            )
            if local_name(status) not in badge.statuses:
                badge.statuses.append(local_name(status))
    for iri, summary in summaries.items():
        summary.goals = sorted(goals[iri].values(), key=goal_sort_key)
        summary.focus_areas = [Ref(area, vocabulary(area), graphs <= {MAPPINGS}) for area, graphs in focus[iri].items()]
    return summaries


def sort_summaries(items: Iterable[InitiativeSummary]) -> list[InitiativeSummary]:
    return sorted(
        items,
        key=lambda s: (
            STATUS_ORDER.index(s.status_key) if s.status_key in STATUS_ORDER else 9,
            s.label.text.casefold(),
        ),
    )


# ------------------------------------------ focus areas, perspectives, functions, themes, challenges

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


# ---------------------------------------------------------------- events


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
    rows = run_page_query(store, "entities-event", {"event": iri})
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
