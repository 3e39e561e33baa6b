"""Small facts about SPARQL text that the engine needs before running it, without a full parser."""

from __future__ import annotations

import re

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs (a `<` followed by a space is a comparison, not an IRI)
    r"|#[^\n]*",  # comments
    re.S,
)
_DATASET = re.compile(r"(?<![\w:.-])FROM\s+(?:NAMED\s+)?(?:<>|[A-Za-z_][\w.-]*:|:)", re.I)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\b[^{]*?)?\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I | re.S
)


def strip_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked out, so keywords can be searched safely."""
    return _TOKENS.sub(lambda m: "<>" if m.group(0).startswith("<") else " ", query)


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset with FROM or FROM NAMED."""
    return bool(_DATASET.search(strip_literals(query)))


def looks_like_update(query: str) -> bool:
    """Whether the text is (probably) a SPARQL Update rather than a query; used for a clearer refusal."""
    return bool(_UPDATE.match(strip_literals(query)))
