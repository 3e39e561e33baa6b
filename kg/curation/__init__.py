"""The core team's curation: the single read-write owner of the store, and PROV-O history of every change.

Writing: every change is ONE `Store.update()` call (`DELETE DATA {…} ; … ; INSERT DATA {…}`, one DELETE DATA per
graph), which pyoxigraph applies as one transaction (all or nothing; it goes to RocksDB's write-ahead log, so it
survives a `kill -9`); a remote store gets it as one SPARQL Update request (kg.backends.remote). `Store.extend` is
transactional but cannot remove, and `remove` is one quad at a time, so the quad API cannot move a proposal
atomically. The update text is built ONLY from terms serialised by pyoxigraph itself (`str(NamedNode)`,
`str(Literal)`, N-Triples forms that escape quotes, backslashes and line breaks); NamedNode rejects any IRI
containing `<>"{}|^\\` or spaces, and every IRI taken from a caller is first checked to exist in the graph. User
text is never formatted into the update.

Model: the current version of a link or selection lives in graph/curation (a curated link overrides the
proposal with the same IRI, whose triples are then moved out of graph/mappings); `skk:version` counts its
changes (0 = shipped proposal). graph/history holds one `skk:Decision` per change and one snapshot entity
`<iri>#v<n>` per version (prov:specializationOf the link, skk:version, and its statements as N-Triples in
prov:value: the statements are not repeated as triples, so queries over the union never mistake an old
version for a current link). A removed link keeps a tombstone (skk:version, prov:invalidatedAtTime) so that
a rebuild does not bring the proposal back.
"""

from __future__ import annotations

from kg.curation.initiatives import InitiativeOperations
from kg.curation.links import LinkOperations
from kg.curation.model import (
    CURATION,
    HISTORY,
    MAX_TEXT,
    RELEVANCES,
    STATUSES,
    Change,
    Conflict,
    CurationError,
    State,
    agent_iri,
)
from kg.curation.rebuild import preserve_curation
from kg.curation.targets import TargetOperations


class CurationStore(TargetOperations, LinkOperations, InitiativeOperations):
    """Opens the store read-write (RocksDB's lock makes it the only writer) and applies curation changes:
    the operations are in kg.curation.targets, kg.curation.links and kg.curation.initiatives, the transaction
    in kg.curation.core."""


__all__ = [
    "CURATION",
    "HISTORY",
    "MAX_TEXT",
    "RELEVANCES",
    "STATUSES",
    "Change",
    "Conflict",
    "CurationError",
    "CurationStore",
    "InitiativeOperations",
    "State",
    "agent_iri",
    "preserve_curation",
]
