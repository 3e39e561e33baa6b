"""Target suggestions: which of the 169 targets a description of an initiative serves (issue 6).

Modules: `words` (tokens, stop words, language, roots), `compounds` (Swedish compound splitting), `index`
(what the graph says about each target, cached per data state), `rank` (scoring and reasons), `explain` (the
reasons as text), `evaluate` (precision, recall and hit at k over a labelled file) and `cli` (`kg suggest`).
Nothing is downloaded: the Snowball stemmers are a Python package, everything else comes from the graph.
"""

from __future__ import annotations

from kg.suggest.explain import explain
from kg.suggest.index import SuggestionIndex, index_for
from kg.suggest.rank import Reason, Suggestion, for_initiative, suggest

__all__ = [
    "Reason",
    "Suggestion",
    "SuggestionIndex",
    "explain",
    "for_initiative",
    "index_for",
    "suggest",
]
