"""The history of curation as pages show it: every decision about a target or an initiative, newest first, with
what it changed in words (selected, link confirmed, removed, ...), the values it replaced, and whether it can be
undone now (only the latest decision about a thing can: `CurationStore.undo` refuses the others with Conflict).

The things a decision is about: a target's selection (id/selection/<code>), a link (id/link/...: its initiative and
its target), and an initiative's facts (the initiative itself). graph/history keeps each version of a thing as
N-Triples in prov:value (see kg.curation); a decision's change is found by comparing the version it generated with
the one it used. Queries: kg/queries/curation/history/.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.curation.model import ATTRIBUTED, GENERATED_AT, INVALIDATED, TYPE, VERSION
from kg.namespaces import ID, PREFIXES, SDG, SKK
from kg.queries import Catalogue
from kg.toolkit import Record

QUERIES = Catalogue(__name__)

PAGE_LIMIT = 50  # entries a page shows at most; `History.total` counts them all

Statements = dict[str, list[Any]]  # predicate IRI -> objects, of one version of one thing

STATUS, RELEVANCE, RATIONALE, FOCUS = SKK + "linkStatus", SKK + "relevance", SKK + "rationale", SKK + "focusArea"
TARGET, INITIATIVE = SKK + "target", SKK + "initiative"
FIRST = (STATUS, RELEVANCE, RATIONALE, FOCUS)  # the fields shown first, in this order
STAMPS = {p.value for p in (ATTRIBUTED, GENERATED_AT, VERSION, INVALIDATED)}
#: statements that say what a thing is rather than what was decided (never listed as a change)
IDENTITY = {
    "link": {TYPE.value, TARGET, INITIATIVE},
    "selection": {TYPE.value, TARGET, SKK + "reason", SKK + "selectedBy"},  # the reason is the decision's
    "facts": {PREFIXES["dcterms"] + "creator"},  # the core team, on an initiative it added
}
LABELS = (PREFIXES["skos"] + "prefLabel", PREFIXES["rdfs"] + "label", PREFIXES["schema"] + "name")


class History(list):
    """At most PAGE_LIMIT entries (Records, newest first); `total` counts every decision found, `more` those left
    out."""

    total: int = 0

    @property
    def more(self) -> int:
        return max(0, self.total - len(self))


def history(store: ox.Store, iri: str, lang: str, limit: int = PAGE_LIMIT) -> History:
    """Every decision about the resource `iri` itself or about the selections and links that concern it."""
    rows = QUERIES.rows(store, "history", {"resource": iri})
    for removed in QUERIES.rows(store, "removed", {"resource": iri}):  # rare: links removed since
        rows += QUERIES.rows(store, "thing-history", {"thing": removed["thing"]})
    rows.sort(key=lambda r: (r["ended"], r["version"]), reverse=True)  # newest first, as each query orders them
    rows = _first_per_decision(rows)
    parse = _Parser()
    things: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        things.setdefault(row["thing"], []).append(row)
    keep = {thing for thing, own in things.items() if _concerns(thing, iri, own, parse)}
    latest = {thing: max(r["version"] for r in own) for thing, own in things.items()}
    rows = [r for r in rows if r["thing"] in keep]
    labels = _Labels(store, lang)
    result = History(_entry(r, r["version"] == latest[r["thing"]], iri, parse, labels) for r in rows[:limit])
    result.total = len(rows)
    return result


def decision(store: ox.Store, iri: str, lang: str) -> Record | None:
    """One decision as a history entry (None when there is no such decision)."""
    if not iri.startswith(("http://", "https://")):
        return None
    try:
        rows = _first_per_decision(QUERIES.rows(store, "decision", {"decision": iri}))
    except ValueError:  # not an IRI pyoxigraph accepts
        return None
    if not rows:
        return None
    return _entry(rows[0], bool(rows[0]["latest"]), None, _Parser(), _Labels(store, lang))


# ---------------------------------------------------------------- one entry


def _entry(row: dict[str, Any], latest: bool, page: str | None, parse: _Parser, labels: _Labels) -> Record:
    thing = row["thing"]
    new, old = parse(row["value"]), parse(row["previous"]) if row["previous"] is not None else None
    kind = _kind(thing, new, old)
    now, was = _active(new), _active(old)
    hidden = IDENTITY[kind] | STAMPS
    return Record(
        {
            "decision": row["decision"],
            "when": row["ended"],
            "agent": row["agent"],
            "reason": row["reason"],
            "thing": thing,
            "version": row["version"],
            "kind": kind,  # link, selection or facts (an initiative's)
            "change": _change(kind, old, new, bool(row["informedBy"])),
            "undo_of": row["informedBy"],  # the decision this one undid
            "changes": _diff(old if was else {}, new, hidden, labels) if now else [],
            "before": Record(
                {
                    "exists": old is not None,
                    "active": was,
                    "fields": _fields(old, hidden, labels) if old and was else [],
                }
            ),
            "about": _about(kind, new if now or old is None else old, page, labels),
            "undoable": latest,
        }
    )


def _kind(thing: str, *versions: Statements | None) -> str:
    if thing.startswith(ID + "link/") or any(v and INITIATIVE in v for v in versions):
        return "link"
    if thing.startswith(ID + "selection/") or any(
        v and any(o.value == SKK + "TargetSelection" for o in v.get(TYPE.value, [])) for v in versions
    ):
        return "selection"
    return "facts"


def _active(version: Statements | None) -> bool:
    return version is not None and INVALIDATED.value not in version


def _change(kind: str, old: Statements | None, new: Statements, undo: bool) -> str:
    """The change in one word: selected, deselected, changed (a selection); added, restored, removed, confirmed,
    rejected, proposed, edited (a link); added, restored, removed, edited (an initiative's facts)."""
    was, now = _active(old), _active(new)
    if kind == "selection":
        return "selected" if now and not was else "deselected" if was and not now else "changed"
    if was and not now:
        return "removed"
    if now and not was:
        return "restored" if undo else "added"
    if kind == "link" and old is not None and _values(old, STATUS) != _values(new, STATUS) and new.get(STATUS):
        return new[STATUS][0].value.removeprefix(SKK)
    return "edited"


def _values(version: Statements, predicate: str) -> list[str]:
    return sorted(str(o) for o in version.get(predicate, []))


def _diff(old: Statements, new: Statements, hidden: set[str], labels: _Labels) -> list[Record]:
    """The fields whose values differ between two versions: `{field, iri, old, new}` (values as Records)."""
    predicates = [p for p in FIRST if p in old or p in new]
    predicates += sorted((set(old) | set(new)) - set(FIRST) - hidden, key=_local)
    changes = []
    for p in predicates:
        if p in hidden or _values(old, p) == _values(new, p):
            continue
        changes.append(
            Record(
                {
                    "field": _local(p),
                    "iri": p,
                    "old": [labels.value(o) for o in old.get(p, [])],
                    "new": [labels.value(o) for o in new.get(p, [])],
                }
            )
        )
    return changes


def _fields(version: Statements, hidden: set[str], labels: _Labels) -> list[Record]:
    """The fields of one version as `{field, iri, terms}`, in the order of _diff."""
    return [Record({"field": c.field, "iri": c.iri, "terms": c.new}) for c in _diff({}, version, hidden, labels)]


def _about(kind: str, version: Statements, page: str | None, labels: _Labels) -> list[Record]:
    """What the thing connects besides the page's own resource: a link's initiative on a target page, its target
    on an initiative page; both off their pages. Each `{iri, kind: initiative|target, label}`."""
    if kind == "facts":
        return []
    ends = [o for p in (INITIATIVE, TARGET) for o in version.get(p, []) if isinstance(o, ox.NamedNode)]
    return [
        Record({"iri": o.value, "kind": "target", "label": o.value.removeprefix(SDG)})
        if o.value.startswith(SDG)
        else Record({"iri": o.value, "kind": "initiative", "label": labels.value(o).text})
        for o in ends
        if o.value != page
    ]


def _concerns(thing: str, resource: str, rows: list[dict[str, Any]], parse: _Parser) -> bool:
    """The thing is the resource, or a version of it links or selects the resource (not a mention in a text)."""
    if thing == resource:
        return True
    for row in rows:
        for text in (row["value"], row["previous"]):
            version = parse(text) if text is not None else {}
            if any(o.value == resource for p in (TARGET, INITIATIVE) for o in version.get(p, [])):
                return True
    return False


def _first_per_decision(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per decision (a version entity can carry its statements twice when a literal was re-serialised)."""
    seen: set[str] = set()
    return [r for r in rows if not (r["decision"] in seen or seen.add(r["decision"]))]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# ---------------------------------------------------------------- parsing and labels


class _Parser:
    """N-Triples of a version -> its statements (predicate -> objects), each text parsed once."""

    def __init__(self) -> None:
        self._done: dict[str, Statements] = {}

    def __call__(self, text: str) -> Statements:
        if text not in self._done:
            version: Statements = {}
            for triple in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
                version.setdefault(triple.predicate.value, []).append(triple.object)
            self._done[text] = version
        return self._done[text]


class _Labels:
    """Values as pages show them: `{text, lang, iri}`; an IRI by its label in the page's language."""

    def __init__(self, store: ox.Store, lang: str):
        self.store, self.lang = store, lang
        self._done: dict[str, Record] = {}

    def value(self, term: Any) -> Record:
        if isinstance(term, ox.Literal):
            return Record({"text": term.value, "lang": term.language, "iri": None})
        if not isinstance(term, ox.NamedNode):
            return Record({"text": "…", "lang": None, "iri": None})
        if term.value not in self._done:
            self._done[term.value] = self._label(term)
        return self._done[term.value]

    def _label(self, node: ox.NamedNode) -> Record:
        for predicate in LABELS:
            found = [
                q.object
                for q in self.store.quads_for_pattern(node, ox.NamedNode(predicate), None)
                if isinstance(q.object, ox.Literal)
            ]
            if found:
                best = next((o for o in found if o.language == self.lang), None) or found[0]
                return Record({"text": best.value, "lang": best.language, "iri": node.value})
        text = node.value.removeprefix(SDG) if node.value.startswith(SDG) else _local(node.value)
        return Record({"text": text, "lang": None, "iri": node.value})
