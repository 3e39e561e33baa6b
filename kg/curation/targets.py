"""Choosing targets: the core team selects a target for the collaboration (with a reason and a focus area),
or ends a selection."""

from __future__ import annotations

import pyoxigraph as ox

from kg.curation.core import CurationCore
from kg.curation.model import INVALIDATED, TYPE, Change, CurationError, State, _n, _now, _text
from kg.namespaces import ID, SDG, SKK


class TargetOperations(CurationCore):
    def selection(self, target: str) -> State:
        """The current state of the selection of a target (by code or IRI); version None: never selected."""
        node = self._target(target)
        return self.state(ID + "selection/" + node.value.removeprefix(SDG))

    def select_target(
        self, target: str, reason: str, focus_area: str, who: str, expected_version: int | None = None
    ) -> Change:
        node, reason = self._target(target), _text(reason, "Skälet", "reason")
        area = self._instance(focus_area, SKK + "FocusArea", "fokusområde", "focus area")
        team = next(iter(self.store.quads_for_pattern(None, TYPE, _n(SKK + "CoreTeam"))), None)
        with self._lock:
            old = self.state(ID + "selection/" + node.value.removeprefix(SDG))
            new = [
                (TYPE, _n(SKK + "TargetSelection")),
                (_n(SKK + "target"), node),
                (_n(SKK + "reason"), ox.Literal(reason, language="sv")),
                (_n(SKK + "focusArea"), area),
                *self._stamp(who).items(),
            ]
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
