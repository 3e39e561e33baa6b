"""The core team's curation: the single read-write owner of the store, and PROV-O history of every change.

Writing: every change is ONE `Store.update()` call (`DELETE DATA {…} ; INSERT DATA {…}`), which pyoxigraph
applies as one transaction (all or nothing; it goes to RocksDB's write-ahead log, so it survives a
`kill -9`). `Store.extend` is transactional but cannot remove, and `remove` is one quad at a time, so the
quad API cannot move a proposal atomically. The update text is built ONLY from terms serialised by
pyoxigraph itself (`str(NamedNode)`, `str(Literal)`, N-Triples forms that escape quotes, backslashes and
line breaks); NamedNode rejects any IRI containing `<>"{}|^\\` or spaces, and every IRI taken from a caller
is first checked to exist in the graph. User text is never formatted into the update.

Model: the current version of a link or selection lives in graph/curation (a curated link overrides the
proposal with the same IRI, whose triples are then moved out of graph/mappings); `skk:version` counts its
changes (0 = shipped proposal). graph/history holds one `skk:Decision` per change and one snapshot entity
`<iri>#v<n>` per version (prov:specializationOf the link, skk:version, and its statements as N-Triples in
prov:value: the statements are not repeated as triples, so queries over the union never mistake an old
version for a current link). A removed link keeps a tombstone (skk:version, prov:invalidatedAtTime) so that
a rebuild does not bring the proposal back.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg import snapshots
from kg.namespaces import GRAPH, GRAPHS, ID, PREFIXES, SDG, SKK
from kg.store import open_store

CURATION = GRAPH + "curation"
HISTORY = GRAPH + "history"
MAPPINGS = GRAPHS["mappings"]
MAX_TEXT = 4000
PROV, RDF, XSD = PREFIXES["prov"], PREFIXES["rdf"], PREFIXES["xsd"]
SDGO_TARGET = PREFIXES["sdgo"] + "Target"
STATUSES = {"proposed", "confirmed", "rejected"}
RELEVANCES = {"primary", "secondary"}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


TYPE, VERSION, INVALIDATED = _n(RDF + "type"), _n(SKK + "version"), _n(PROV + "invalidatedAtTime")
ATTRIBUTED, GENERATED_AT = _n(PROV + "wasAttributedTo"), _n(PROV + "generatedAtTime")


class CurationError(ValueError):
    """A change was refused and nothing was changed; the message is in Swedish and English."""

    def __init__(self, sv: str, en: str):
        self.sv, self.en = sv, en
        super().__init__(f"{sv} / {en}")


class Conflict(CurationError):
    """The link or selection was changed by someone else since `expected_version`; `current` is its state."""

    def __init__(self, current: State):
        self.current = current
        super().__init__(
            f"Någon annan har redan ändrat detta (nu version {current.version}).",
            f"Someone else has changed this already (now version {current.version}).",
        )


@dataclass(frozen=True)
class State:
    """The current statements about a link or selection (without skk:version) and where they live."""

    iri: str
    version: int | None  # None: never existed
    statements: tuple[tuple[ox.NamedNode, ox.Term], ...]
    graph: str | None  # CURATION, MAPPINGS or None

    @property
    def active(self) -> bool:
        return self.version is not None and not any(p == INVALIDATED for p, _ in self.statements)

    def value(self, predicate: str) -> ox.Term | None:
        return next((o for p, o in self.statements if p.value == predicate), None)


@dataclass(frozen=True)
class Change:
    decision: str
    iri: str
    version: int


def agent_iri(username: str) -> str:
    return ID + "agent/" + username


def _now() -> ox.Literal:
    stamp = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    return ox.Literal(stamp, datatype=_n(XSD + "dateTime"))


def _text(value: object, what_sv: str, what_en: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CurationError(f"{what_sv} saknas.", f"The {what_en} is missing.")
    if len(value) > MAX_TEXT:
        raise CurationError(
            f"{what_sv} får vara högst {MAX_TEXT} tecken.", f"The {what_en} may be at most {MAX_TEXT} characters."
        )
    return value.strip()


def _snapshot_iri(iri: str, version: int) -> str:
    return f"{iri}#v{version}"


def _ntriples(iri: str, statements) -> str:
    return "".join(sorted(f"{_n(iri)} {p} {o} .\n" for p, o in statements))


def _block(graph: str, triples: list[tuple[ox.Term, ox.Term, ox.Term]]) -> str:
    return f"GRAPH {_n(graph)} {{\n" + "".join(f"{s} {p} {o} .\n" for s, p, o in triples) + "}\n"


class CurationStore:
    """Opens the store read-write (RocksDB's lock makes it the only writer) and applies curation changes."""

    def __init__(self, path: Path | str, publish: bool = True):
        self.path = Path(path)
        self.store = open_store(self.path, read_only=False)
        self._publish = publish
        self._lock = threading.Lock()
        self.generation: int | None = None
        if publish:
            snapshots.discard_unpublished(self.path)
            self.generation = snapshots.publish(self.store, self.path)

    def close(self) -> None:
        self.store.flush()
        del self.store

    # ------------------------------------------------------------ reading

    def state(self, iri: str) -> State:
        node = self._iri(iri)
        for graph in (CURATION, MAPPINGS):
            quads = list(self.store.quads_for_pattern(node, None, None, _n(graph)))
            if quads:
                version = next((int(q.object.value) for q in quads if q.predicate == VERSION), 0)
                rest = tuple(sorted(((q.predicate, q.object) for q in quads if q.predicate != VERSION), key=str))
                return State(iri, version, rest, graph)
        return State(iri, None, (), None)

    def _has(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.Term) -> bool:
        return next(iter(self.store.quads_for_pattern(s, p, o)), None) is not None

    def _iri(self, iri: object) -> ox.NamedNode:
        try:
            if isinstance(iri, str) and iri.startswith(("http://", "https://")):
                return _n(iri)
        except ValueError:
            pass
        raise CurationError(f"Ogiltig IRI: {str(iri)[:200]!r}.", f"Invalid IRI: {str(iri)[:200]!r}.")

    def _target(self, target: str) -> ox.NamedNode:
        """A target by IRI or code (`3.4`)."""
        iri = target if str(target).startswith("http") else SDG + str(target).strip()
        return self._instance(iri, SDGO_TARGET, "delmål", "target", shown=target)

    def _instance(self, iri: str, cls: str, sv: str, en: str, shown: object = None) -> ox.NamedNode:
        """An existing instance of `cls` (or of a subclass) in the graph, else CurationError."""
        try:
            node: ox.NamedNode | None = self._iri(iri)
        except CurationError:
            node = None
        sub = _n(PREFIXES["rdfs"] + "subClassOf")
        classes = {_n(cls)} | {q.subject for q in self.store.quads_for_pattern(None, sub, _n(cls))}
        if node is None or not any(self._has(node, TYPE, c) for c in classes):
            shown = str(iri if shown is None else shown)[:200]
            raise CurationError(f"Okänt {sv}: {shown!r}.", f"Unknown {en}: {shown!r}.")
        return node

    def _concept(self, value: str, allowed: set[str], sv: str, en: str) -> ox.NamedNode:
        local = str(value).removeprefix(SKK).removeprefix("skk:")
        if local not in allowed:
            raise CurationError(f"Okänd {sv}: {str(value)[:100]!r}.", f"Unknown {en}: {str(value)[:100]!r}.")
        return _n(SKK + local)

    # ------------------------------------------------------------ writing

    def _commit(self, old: State, new: list[tuple[ox.NamedNode, ox.Term]], who: str, reason: str | None,
                expected: int | None, informed_by: str | None = None) -> Change:
        """Write the new version of `old.iri` and its history in one transaction (the caller holds the lock)."""
        agent = self._iri(who)
        if expected is not None and expected != old.version:
            raise Conflict(old)
        keep = {ATTRIBUTED, GENERATED_AT}
        if sorted(map(str, (s for s in new if s[0] not in keep))) == sorted(
            map(str, (s for s in old.statements if s[0] not in keep))
        ):
            raise CurationError("Ändringen ändrar ingenting.", "The change changes nothing.")
        now, node = _now(), _n(old.iri)
        version = 0 if old.version is None else old.version + 1
        decision = _n(ID + "decision/" + uuid.uuid4().hex)
        snap = _n(_snapshot_iri(old.iri, version))
        hist = [(decision, TYPE, _n(SKK + "Decision")), (decision, _n(PROV + "wasAssociatedWith"), agent),
                (agent, TYPE, _n(PROV + "Agent")), (decision, _n(PROV + "endedAtTime"), now),
                (decision, _n(PROV + "generated"), snap), (snap, TYPE, _n(PROV + "Entity")),
                (snap, _n(PROV + "specializationOf"), node), (snap, VERSION, ox.Literal(version)),
                (snap, _n(PROV + "value"), ox.Literal(_ntriples(old.iri, new))), (snap, GENERATED_AT, now),
                (snap, _n(PROV + "wasGeneratedBy"), decision)]
        if reason:
            hist.append((decision, _n(SKK + "reason"), ox.Literal(reason, language="sv")))
        if informed_by:
            hist.append((decision, _n(PROV + "wasInformedBy"), _n(informed_by)))
        if old.version is not None:
            prev = _n(_snapshot_iri(old.iri, old.version))
            hist += [(decision, _n(PROV + "used"), prev), (prev, TYPE, _n(PROV + "Entity")),
                     (prev, _n(PROV + "specializationOf"), node), (prev, VERSION, ox.Literal(old.version)),
                     (prev, _n(PROV + "value"), ox.Literal(_ntriples(old.iri, old.statements))),
                     (prev, INVALIDATED, now), (prev, _n(PROV + "wasInvalidatedBy"), decision),
                     (snap, _n(PROV + "wasRevisionOf"), prev)]
        update = ""
        if old.graph is not None:
            gone = [(node, p, o) for p, o in old.statements] + [(node, VERSION, ox.Literal(old.version))]
            update = "DELETE DATA {\n" + _block(old.graph, gone) + "} ;\n"
        current = [(node, p, o) for p, o in new] + [(node, VERSION, ox.Literal(version))]
        update += "INSERT DATA {\n" + _block(CURATION, current) + _block(HISTORY, hist) + "}"
        self.store.update(update)
        if self._publish:
            self.generation = snapshots.publish(self.store, self.path)
        return Change(decision.value, old.iri, version)

    def _link(self, link: str) -> State:
        state = self.state(self._iri(link).value)
        if not state.active or state.value(SKK + "initiative") is None:
            raise CurationError(f"Okänd koppling: {str(link)[:200]!r}.", f"Unknown link: {str(link)[:200]!r}.")
        return state

    @staticmethod
    def _replace(state: State, changes: dict[ox.NamedNode, ox.Term | None]) -> list:
        kept = [(p, o) for p, o in state.statements if p not in changes]
        return kept + [(p, o) for p, o in changes.items() if o is not None]

    def _stamp(self, who: str) -> dict:
        return {ATTRIBUTED: self._iri(who), GENERATED_AT: _now()}

    # ------------------------------------------------------------ operations

    def select_target(self, target: str, reason: str, focus_area: str, who: str,
                      expected_version: int | None = None) -> Change:
        node, reason = self._target(target), _text(reason, "Skälet", "reason")
        area = self._instance(focus_area, SKK + "FocusArea", "fokusområde", "focus area")
        team = next(iter(self.store.quads_for_pattern(None, TYPE, _n(SKK + "CoreTeam"))), None)
        with self._lock:
            old = self.state(ID + "selection/" + node.value.removeprefix(SDG))
            new = [(TYPE, _n(SKK + "TargetSelection")), (_n(SKK + "target"), node),
                   (_n(SKK + "reason"), ox.Literal(reason, language="sv")), (_n(SKK + "focusArea"), area),
                   *self._stamp(who).items()]
            if team is not None:
                new.append((_n(SKK + "selectedBy"), team.subject))
            return self._commit(old, new, who, reason, expected_version)

    def deselect_target(self, target: str, reason: str, who: str, expected_version: int | None = None) -> Change:
        node, reason = self._target(target), _text(reason, "Skälet", "reason")
        with self._lock:
            old = self.state(ID + "selection/" + node.value.removeprefix(SDG))
            if not old.active:
                raise CurationError("Delmålet är inte valt.", "The target is not selected.")
            return self._commit(old, self._replace(old, {INVALIDATED: _now()}), who, reason, expected_version)

    def set_link_status(self, link: str, status: str, who: str, reason: str, expected_version: int | None) -> Change:
        value, reason = self._concept(status, STATUSES, "status", "status"), _text(reason, "Skälet", "reason")
        with self._lock:
            old = self._link(link)
            new = self._replace(old, {_n(SKK + "linkStatus"): value, **self._stamp(who)})
            return self._commit(old, new, who, reason, expected_version)

    def add_link(self, initiative: str, target: str, relevance: str, rationale: str, who: str,
                 reason: str | None = None) -> Change:
        source = self._instance(initiative, SKK + "Initiative", "initiativ", "initiative")
        node, rel = self._target(target), self._concept(relevance, RELEVANCES, "relevans", "relevance")
        rationale = _text(rationale, "Motiveringen", "rationale")
        reason = None if reason is None else _text(reason, "Skälet", "reason")
        iri = ID + "link/" + source.value.rsplit("/", 1)[-1] + "--" + node.value.removeprefix(SDG)
        with self._lock:
            old = self.state(iri)
            if old.active:
                raise CurationError("Kopplingen finns redan.", "The link exists already.")
            new = [(TYPE, _n(SKK + "TargetLink")), (_n(SKK + "initiative"), source), (_n(SKK + "target"), node),
                   (_n(SKK + "relevance"), rel), (_n(SKK + "rationale"), ox.Literal(rationale, language="sv")),
                   (_n(SKK + "linkStatus"), _n(SKK + "confirmed")), *self._stamp(who).items()]
            return self._commit(old, new, who, reason, None)

    def edit_link(self, link: str, relevance: str, rationale: str, who: str, expected_version: int | None,
                  reason: str | None = None) -> Change:
        rel = self._concept(relevance, RELEVANCES, "relevans", "relevance")
        rationale = _text(rationale, "Motiveringen", "rationale")
        reason = None if reason is None else _text(reason, "Skälet", "reason")
        with self._lock:
            old = self._link(link)
            changes = {_n(SKK + "relevance"): rel, _n(SKK + "rationale"): ox.Literal(rationale, language="sv")}
            return self._commit(old, self._replace(old, {**changes, **self._stamp(who)}), who, reason,
                                expected_version)

    def remove_link(self, link: str, who: str, reason: str, expected_version: int | None) -> Change:
        reason = _text(reason, "Skälet", "reason")
        with self._lock:
            old = self._link(link)
            return self._commit(old, [(INVALIDATED, _now())], who, reason, expected_version)

    def undo(self, decision: str, who: str, reason: str | None = None) -> Change:
        """Restore the version a decision replaced; refused with Conflict if the thing has changed since."""
        node = self._iri(decision)
        reason = "Ångrar ett beslut." if reason is None else _text(reason, "Skälet", "reason")
        hist = _n(HISTORY)
        made = next(iter(self.store.quads_for_pattern(node, _n(PROV + "generated"), None, hist)), None)
        if made is None:
            raise CurationError("Okänt beslut.", "Unknown decision.")
        iri = next(iter(self.store.quads_for_pattern(made.object, _n(PROV + "specializationOf"), None, hist))).object
        made_version = int(next(iter(self.store.quads_for_pattern(made.object, VERSION, None, hist))).object.value)
        used = next(iter(self.store.quads_for_pattern(node, _n(PROV + "used"), None, hist)), None)
        restored: list = [(INVALIDATED, _now())]
        if used is not None:
            text = next(iter(self.store.quads_for_pattern(used.object, _n(PROV + "value"), None, hist))).object.value
            restored = [(q.predicate, q.object) for q in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)]
        with self._lock:
            old = self.state(iri.value)
            return self._commit(old, restored, who, reason, made_version, informed_by=node.value)


def preserve_curation(old_store_path: Path | str, dataset) -> None:
    """Before `kg build` replaces the store: copy graph/curation and graph/history from the existing store into
    the new dataset and drop from its graph/mappings every subject the curation overrides. Opening the old store
    read-write takes its lock, so a build is refused (OSError) while a CurationStore has it open."""
    path = Path(old_store_path)
    if not path.is_dir() and not path.with_name(path.name + ".old").is_dir():
        return
    old = open_store(path, read_only=False)
    try:
        kept = [q for g in (CURATION, HISTORY) for q in old.quads_for_pattern(None, None, None, _n(g))]
    finally:
        del old
    dataset.store.extend(kept)
    mappings = _n(MAPPINGS)
    for subject in {q.subject for q in kept if q.graph_name.value == CURATION}:
        for quad in list(dataset.store.quads_for_pattern(subject, None, None, mappings)):
            dataset.store.remove(quad)
