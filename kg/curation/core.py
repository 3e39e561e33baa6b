"""The curation writer's core: opening the store, reading the current state, checking input, and committing
one change with its history as ONE transaction (see the package's docstring)."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pyoxigraph as ox

from kg import snapshots
from kg.backends import RemoteConfig
from kg.curation.model import (
    ATTRIBUTED,
    CURATION,
    GENERATED_AT,
    HISTORY,
    INVALIDATED,
    MAPPINGS,
    NEVER,
    PROV,
    SDGO_TARGET,
    TYPE,
    VERSION,
    Change,
    Conflict,
    CurationError,
    State,
    _block,
    _n,
    _now,
    _ntriples,
    _snapshot_iri,
)
from kg.namespaces import ID, PREFIXES, SDG, SKK
from kg.store import open_store


def subclasses(store: ox.Store, cls: str) -> set[ox.NamedNode]:
    """`cls` and every class below it (rdfs:subClassOf, transitively: org:Organization has units of units)."""
    sub, found = _n(PREFIXES["rdfs"] + "subClassOf"), {_n(cls)}
    todo = list(found)
    while todo:
        for quad in store.quads_for_pattern(None, sub, todo.pop()):
            if isinstance(quad.subject, ox.NamedNode) and quad.subject not in found:
                found.add(quad.subject)
                todo.append(quad.subject)
    return found


class CurationCore:
    """Opens the store read-write (RocksDB's lock makes it the only writer); the base of CurationStore."""

    def __init__(self, path: Path | str | RemoteConfig, publish: bool = True):
        self.path = path if isinstance(path, RemoteConfig) else Path(path)
        self.store = open_store(self.path, read_only=False)
        publish = publish and not isinstance(path, RemoteConfig)  # a remote store has no snapshots (kg.snapshots)
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
        classes = subclasses(self.store, cls)
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

    def _agent_role(self, agent: ox.NamedNode) -> list[tuple[ox.Term, ox.Term, ox.Term]]:
        """What the graph says of a member's agent: a prov:Agent in the public role "member of the core team",
        acting on behalf of the core team — never who the member is (kg.accounts keeps that)."""
        label = _n(PREFIXES["skos"] + "prefLabel")
        said = [
            (agent, TYPE, _n(PROV + "Agent")),
            (agent, label, ox.Literal("Medlem i core team", language="sv")),
            (agent, label, ox.Literal("Member of the core team", language="en")),
        ]
        team = next(iter(self.store.quads_for_pattern(None, TYPE, _n(SKK + "CoreTeam"))), None)
        if team is not None:
            said.append((agent, _n(PROV + "actedOnBehalfOf"), team.subject))
        return said

    def _commit(
        self,
        old: State,
        new: list[tuple[ox.NamedNode, ox.Term]],
        who: str,
        reason: str | None,
        expected: int | None,
        informed_by: str | None = None,
    ) -> Change:
        """Write the new version of `old.iri` and its history in one transaction (the caller holds the lock)."""
        agent = self._iri(who)
        if expected is not None and expected != (NEVER if old.version is None else old.version):
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
        hist = [
            (decision, TYPE, _n(SKK + "Decision")),
            (decision, _n(PROV + "wasAssociatedWith"), agent),
            *self._agent_role(agent),
            (decision, _n(PROV + "endedAtTime"), now),
            (decision, _n(PROV + "generated"), snap),
            (snap, TYPE, _n(PROV + "Entity")),
            (snap, _n(PROV + "specializationOf"), node),
            (snap, VERSION, ox.Literal(version)),
            (snap, _n(PROV + "value"), ox.Literal(_ntriples(old.iri, new))),
            (snap, GENERATED_AT, now),
            (snap, _n(PROV + "wasGeneratedBy"), decision),
        ]
        if reason:
            hist.append((decision, _n(SKK + "reason"), ox.Literal(reason, language="sv")))
        if informed_by:
            hist.append((decision, _n(PROV + "wasInformedBy"), _n(informed_by)))
        if old.version is not None:
            prev = _n(_snapshot_iri(old.iri, old.version))
            hist += [
                (decision, _n(PROV + "used"), prev),
                (prev, INVALIDATED, now),
                (prev, _n(PROV + "wasInvalidatedBy"), decision),
                (snap, _n(PROV + "wasRevisionOf"), prev),
            ]
            if next(iter(self.store.quads_for_pattern(prev, VERSION, None, _n(HISTORY))), None) is None:
                # the shipped version (a proposal, a seed's facts) is described the first time it is replaced
                hist += [
                    (prev, TYPE, _n(PROV + "Entity")),
                    (prev, _n(PROV + "specializationOf"), node),
                    (prev, VERSION, ox.Literal(old.version)),
                    (prev, _n(PROV + "value"), ox.Literal(_ntriples(old.iri, old.statements))),
                ]
        update = ""
        if old.graph is not None:
            gone = [(node, p, o) for p, o in old.statements] + [(node, VERSION, ox.Literal(old.version))]
            # one DELETE DATA per graph: Virtuoso 7.2 keeps a literal that one block lists for two graphs when it is
            # in only one of them (tests/test_remote_backend.py)
            update = "".join("DELETE DATA {\n" + _block(g, gone) + "} ;\n" for g in (old.graph, *old.spread))
        current = [(node, p, o) for p, o in new] + [(node, VERSION, ox.Literal(version))]
        update += "INSERT DATA {\n" + _block(CURATION, current) + _block(HISTORY, hist) + "}"
        self.store.update(update)
        if self._publish:  # the update is kept beside the snapshot: readers in memory apply it (kg.snapshots)
            self.generation = snapshots.publish(self.store, self.path, delta=update)
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
