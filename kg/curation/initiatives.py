"""Initiatives: the core team adds an initiative or edits its basic facts (names in Swedish and English, kind,
status, start and end dates, partners, focus area and priority perspectives).

What is curated: only those facts (`is_fact`). An initiative's other statements (descriptions, sources, the
source's wording, notes, theme, function, funders, ...) stay where they are, in graph/collaboration and
graph/mappings, and are never touched here. The first change of a shipped initiative MOVES its facts from
graph/collaboration and graph/mappings to graph/curation in the same transaction as the new version and its
history (kg.curation.core `_commit`, with `State.spread`), so the union never shows a shipped value beside the
curated one; a rebuild drops the same facts from the new files' graphs (kg.curation.rebuild), so the curated
version keeps winning.

Provenance, so that nothing invented is stated as a fact from a source:
- the seed's statements keep their `dcterms:source` (graph/collaboration): they are what the sources say;
- the curated facts are in graph/curation with `prov:wasAttributedTo` (the member's agent IRI) and
  `prov:generatedAtTime`; each change is an `skk:Decision` in graph/history (who, when, the reason, the version it
  replaced, as for links). The graph a fact is in tells where it comes from: a status in graph/curation is the
  core team's decision, not the source's word;
- an initiative the core team adds has no `dcterms:source` at all (no source states it); it carries
  `dcterms:creator` the core team (`skk:CoreTeam`) besides the attribution, and its IRI is
  `id/initiative/<slug of the Swedish name>` (made unique).

Undoing a decision (kg.curation.links `undo`) restores the facts of the version it replaced in graph/curation
(undoing the first change of a shipped initiative brings back the shipped facts, now as a curated version;
undoing an addition leaves a tombstone, so the IRI is not reused).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pyoxigraph as ox

from kg.curation.core import CurationCore, subclasses
from kg.curation.model import (
    ATTRIBUTED,
    CURATION,
    GENERATED_AT,
    MAPPINGS,
    TYPE,
    VERSION,
    Change,
    CurationError,
    State,
    _n,
    _text,
)
from kg.namespaces import GRAPHS, ID, PREFIXES, SKK

COLLABORATION = GRAPHS["collaboration"]
INITIATIVE = SKK + "Initiative"
ORGANISATION = PREFIXES["org"] + "Organization"
LABEL = _n(PREFIXES["skos"] + "prefLabel")
STATUS, PARTICIPANT = _n(SKK + "status"), _n(SKK + "participant")
FOCUS_AREA, PERSPECTIVE = _n(SKK + "focusArea"), _n(SKK + "perspective")
START, END = _n(PREFIXES["schema"] + "startDate"), _n(PREFIXES["schema"] + "endDate")
CREATOR = _n(PREFIXES["dcterms"] + "creator")
#: the facts the form edits besides the kind (rdf:type) and the Swedish and English names (skos:prefLabel)
FACTS = frozenset({STATUS, START, END, PARTICIPANT, FOCUS_AREA, PERSPECTIVE})
NAME_LANGUAGES = ("sv", "en")
MAX_CHOSEN = 200  # partners or perspectives in one change
XSD = PREFIXES["xsd"]
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_fact(p: ox.NamedNode, o: ox.Term, kinds: set[ox.NamedNode]) -> bool:
    """Whether a statement about an initiative is one of the facts the core team edits (`kinds`: skk:Initiative
    and its subclasses)."""
    if p == TYPE:
        return o in kinds
    if p == LABEL:
        return isinstance(o, ox.Literal) and o.language in NAME_LANGUAGES
    return p in FACTS


def initiative_kinds(store: ox.Store) -> set[ox.NamedNode]:
    return subclasses(store, INITIATIVE)


def slug(name: str) -> str:
    """`Måltider och möten` -> `maltider-och-moten`."""
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "initiativ"


def _date(value: object, sv: str, en: str) -> ox.Literal | None:
    """`yyyy-mm-dd` (xsd:date), or the precision a source gives: `yyyy-mm` (xsd:gYearMonth), `yyyy` (xsd:gYear)."""
    text = str(value or "").strip()
    if not text:
        return None
    found = _DATE.fullmatch(text)
    try:
        if found and found[3]:
            date.fromisoformat(text)
            return ox.Literal(text, datatype=_n(XSD + "date"))
        if found and found[2] and 1 <= int(found[2]) <= 12:
            return ox.Literal(text, datatype=_n(XSD + "gYearMonth"))
        if found and not found[2]:
            return ox.Literal(text, datatype=_n(XSD + "gYear"))
    except ValueError:
        pass
    raise CurationError(
        f"{sv} ska skrivas ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM eller ÅÅÅÅ): {text[:40]!r}.",
        f"The {en} must be written YYYY-MM-DD (or YYYY-MM or YYYY): {text[:40]!r}.",
    )


def _name(value: object, sv: str, en: str) -> str:
    return " ".join(_text(value, sv, en).split())


class InitiativeOperations(CurationCore):
    def initiative(self, iri: str) -> State:
        """The current facts of an initiative: version 0 and graph/collaboration (spread over graph/mappings)
        while they are as shipped, the curated version in graph/curation once changed; version None: unknown."""
        node = self._iri(iri)
        curated = list(self.store.quads_for_pattern(node, None, None, _n(CURATION)))
        if curated:
            version = next((int(q.object.value) for q in curated if q.predicate == VERSION), 0)
            rest = [(q.predicate, q.object) for q in curated if q.predicate != VERSION]
            return State(iri, version, tuple(sorted(rest, key=str)), CURATION)
        kinds = initiative_kinds(self.store)
        shipped = {
            (q.predicate, q.object)
            for g in (COLLABORATION, MAPPINGS)
            for q in self.store.quads_for_pattern(node, None, None, _n(g))
            if is_fact(q.predicate, q.object, kinds)
        }
        if not any(p == TYPE for p, _ in shipped):
            return State(iri, None, (), None)
        return State(iri, 0, tuple(sorted(shipped, key=str)), COLLABORATION, (MAPPINGS,))

    def add_initiative(
        self,
        name_sv: str,
        name_en: str,
        kind: str,
        status: str | None,
        start: str | None,
        end: str | None,
        partners: list[str],
        focus_area: str | None,
        perspectives: list[str],
        who: str,
        reason: str,
    ) -> Change:
        facts, reason = (
            self._facts(name_sv, name_en, kind, status, start, end, partners, focus_area, perspectives),
            _text(reason, "Skälet", "reason"),
        )
        team = next(iter(self.store.quads_for_pattern(None, TYPE, _n(SKK + "CoreTeam"))), None)
        added = [(CREATOR, team.subject)] if team is not None else []
        with self._lock:
            base = ID + "initiative/" + slug(name_sv)
            iri, n = base, 1
            while self._known(iri):
                n += 1
                iri = f"{base}-{n}"
            old = State(iri, None, (), None)
            return self._commit(old, [*facts, *added, *self._stamp(who).items()], who, reason, None)

    def edit_initiative(
        self,
        iri: str,
        name_sv: str,
        name_en: str,
        kind: str,
        status: str | None,
        start: str | None,
        end: str | None,
        partners: list[str],
        focus_area: str | None,
        perspectives: list[str],
        who: str,
        reason: str,
        expected_version: int | None,
    ) -> Change:
        facts = self._facts(name_sv, name_en, kind, status, start, end, partners, focus_area, perspectives)
        reason = _text(reason, "Skälet", "reason")
        with self._lock:
            old = self.initiative(self._iri(iri).value)
            if not old.active:
                raise CurationError(f"Okänt initiativ: {str(iri)[:200]!r}.", f"Unknown initiative: {str(iri)[:200]!r}.")
            kinds, stamps = initiative_kinds(self.store), (ATTRIBUTED, GENERATED_AT)
            kept = [(p, o) for p, o in old.statements if p not in stamps and not is_fact(p, o, kinds)]
            return self._commit(old, [*kept, *facts, *self._stamp(who).items()], who, reason, expected_version)

    # ------------------------------------------------------------ checking the form

    def _facts(
        self,
        name_sv: str,
        name_en: str,
        kind: str,
        status: str | None,
        start: str | None,
        end: str | None,
        partners: list[str],
        focus_area: str | None,
        perspectives: list[str],
    ) -> list[tuple[ox.NamedNode, ox.Term]]:
        """The facts as statements, each value checked: names required (at most MAX_TEXT characters), every IRI
        an existing thing of the right type, dates ISO and the end not before the start."""
        sv = _name(name_sv, "Namnet på svenska", "Swedish name")
        en = _name(name_en, "Namnet på engelska", "English name")
        node = next((k for k in initiative_kinds(self.store) if k.value == kind and k.value != INITIATIVE), None)
        if node is None:
            shown = str(kind)[:200]
            raise CurationError(f"Okänt slag av initiativ: {shown!r}.", f"Unknown kind of initiative: {shown!r}.")
        facts: list[tuple[ox.NamedNode, ox.Term]] = [
            (TYPE, node),
            (LABEL, ox.Literal(sv, language="sv")),
            (LABEL, ox.Literal(en, language="en")),
        ]
        if status:
            facts.append((STATUS, self._one(status, SKK + "InitiativeStatus", "Okänd status", "Unknown status")))
        first, last = _date(start, "Startdatumet", "start date"), _date(end, "Slutdatumet", "end date")
        if first is not None and last is not None:
            n = min(len(first.value), len(last.value))
            if last.value[:n] < first.value[:n]:
                raise CurationError("Slutdatumet är före startdatumet.", "The end date is before the start date.")
        facts += [(p, d) for p, d in ((START, first), (END, last)) if d is not None]
        if focus_area:
            facts.append(
                (FOCUS_AREA, self._one(focus_area, SKK + "FocusArea", "Okänt fokusområde", "Unknown focus area"))
            )
        for values, p, cls, sv_what, en_what in (
            (partners, PARTICIPANT, ORGANISATION, "Okänd partner", "Unknown partner"),
            (perspectives, PERSPECTIVE, SKK + "PriorityPerspective", "Okänt perspektiv", "Unknown perspective"),
        ):
            chosen = [v for v in dict.fromkeys(values or []) if v]
            if len(chosen) > MAX_CHOSEN:
                raise CurationError(f"Högst {MAX_CHOSEN} val åt gången.", f"At most {MAX_CHOSEN} choices at a time.")
            facts += [(p, self._one(v, cls, sv_what, en_what)) for v in chosen]
        return facts

    def _one(self, iri: str, cls: str, sv: str, en: str) -> ox.NamedNode:
        """An existing instance of `cls` (kg.curation.core `_instance`), refused with a message of its own."""
        try:
            return self._instance(iri, cls, sv, en)
        except CurationError:
            shown = str(iri)[:200]
            raise CurationError(f"{sv}: {shown!r}.", f"{en}: {shown!r}.") from None

    def _known(self, iri: str) -> bool:
        """Whether an IRI is in use: said anything about, or named by, any graph (history included)."""
        node = _n(iri)
        return (
            next(iter(self.store.quads_for_pattern(node, None, None)), None) is not None
            or next(iter(self.store.quads_for_pattern(None, None, node)), None) is not None
        )


__all__ = ["FACTS", "InitiativeOperations", "initiative_kinds", "is_fact", "slug"]
