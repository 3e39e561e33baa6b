"""Links between initiatives and targets: confirm, reject, add, edit and remove; and undoing any decision."""

from __future__ import annotations

import pyoxigraph as ox

from kg.curation.core import CurationCore
from kg.curation.model import (
    HISTORY,
    INVALIDATED,
    PROV,
    RELEVANCES,
    STATUSES,
    TYPE,
    VERSION,
    Change,
    CurationError,
    _n,
    _now,
    _text,
)
from kg.namespaces import ID, SDG, SKK


class LinkOperations(CurationCore):
    def set_link_status(self, link: str, status: str, who: str, reason: str, expected_version: int | None) -> Change:
        value, reason = self._concept(status, STATUSES, "status", "status"), _text(reason, "Skälet", "reason")
        with self._lock:
            old = self._link(link)
            new = self._replace(old, {_n(SKK + "linkStatus"): value, **self._stamp(who)})
            return self._commit(old, new, who, reason, expected_version)

    def add_link(
        self,
        initiative: str,
        target: str,
        relevance: str,
        rationale: str,
        who: str,
        reason: str | None = None,
        status: str = "confirmed",
    ) -> Change:
        """A new link made by `who`: confirmed (a decision), or proposed (e.g. a suggestion taken up, for the core
        team to confirm or reject); either way attributed to `who`."""
        if str(status).removeprefix(SKK).removeprefix("skk:") not in ("confirmed", "proposed"):
            raise CurationError("En ny koppling är bekräftad eller föreslagen.", "A new link is confirmed or proposed.")
        state = self._concept(status, STATUSES, "status", "status")
        source = self._instance(initiative, SKK + "Initiative", "initiativ", "initiative")
        node, rel = self._target(target), self._concept(relevance, RELEVANCES, "relevans", "relevance")
        rationale = _text(rationale, "Motiveringen", "rationale")
        reason = None if reason is None else _text(reason, "Skälet", "reason")
        iri = ID + "link/" + source.value.rsplit("/", 1)[-1] + "--" + node.value.removeprefix(SDG)
        with self._lock:
            old = self.state(iri)
            if old.active:
                raise CurationError("Kopplingen finns redan.", "The link exists already.")
            new = [
                (TYPE, _n(SKK + "TargetLink")),
                (_n(SKK + "initiative"), source),
                (_n(SKK + "target"), node),
                (_n(SKK + "relevance"), rel),
                (_n(SKK + "rationale"), ox.Literal(rationale, language="sv")),
                (_n(SKK + "linkStatus"), state),
                *self._stamp(who).items(),
            ]
            return self._commit(old, new, who, reason, None)

    def edit_link(
        self,
        link: str,
        relevance: str,
        rationale: str,
        who: str,
        expected_version: int | None,
        reason: str | None = None,
    ) -> Change:
        rel = self._concept(relevance, RELEVANCES, "relevans", "relevance")
        rationale = _text(rationale, "Motiveringen", "rationale")
        reason = None if reason is None else _text(reason, "Skälet", "reason")
        with self._lock:
            old = self._link(link)
            changes = {_n(SKK + "relevance"): rel, _n(SKK + "rationale"): ox.Literal(rationale, language="sv")}
            return self._commit(old, self._replace(old, {**changes, **self._stamp(who)}), who, reason, expected_version)

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
