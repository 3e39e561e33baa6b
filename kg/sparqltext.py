"""Small facts about SPARQL text that the engine and the remote store need before running it, without a full
parser: whether it names a dataset, whether it is an update, its form (SELECT, ASK, CONSTRUCT, DESCRIBE), where
its outer WHERE group opens, so that bound values can be sent to a remote store as an inline VALUES block, which
endpoints its SERVICE clauses name and how deeply it nests (checked before any parser sees it: kg.engine).

Values never enter the text as strings someone typed: each is an RDF term written in its N-Triples form by pyoxigraph
(`str(term)`, which escapes quotes, backslashes and line breaks), the form SPARQL reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

import pyoxigraph as ox

# strings (long forms first), IRIs (a `<` followed by a space is a comparison), comments, variables, prefixed
# names, braces and words; everything else is skipped one character at a time
_TOKEN = re.compile(
    r"(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<variable>[?$]\w+)"
    r"|(?P<pname>[\w-]*:[\w.-]*)"
    r"|(?P<brace>[{}])"
    r"|(?P<word>[A-Za-z_][\w-]*)",
    re.S,
)
_DATASET = re.compile(r"(?<![\w:.-])FROM\s+(?:NAMED\s+)?(?:<>|[A-Za-z_][\w.-]*:|:)", re.I)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\b[^{]*?)?\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I | re.S
)


def strip_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked out, so keywords can be searched safely."""

    def blank(match: re.Match) -> str:
        kind = match.lastgroup
        return "<>" if kind == "iri" else " " if kind in ("string", "comment") else match.group()

    return _TOKEN.sub(blank, query)


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset with FROM or FROM NAMED."""
    return bool(_DATASET.search(strip_literals(query)))


def looks_like_update(query: str) -> bool:
    """Whether the text is (probably) a SPARQL Update rather than a query; used for a clearer refusal."""
    return bool(_UPDATE.match(strip_literals(query)))


FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


class BindingError(ValueError):
    """Values cannot be bound in this query (no WHERE group, or a blank node)."""


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or ""
        yield kind, match.group(), match.start()


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (the first of those keywords outside strings, IRIs and comments), or None
    (e.g. an update)."""
    for kind, value, _ in _tokens(text):
        if kind == "word" and value.upper() in FORMS:
            return value.upper()
    return None


def where_group(text: str) -> int | None:
    """The offset just after the `{` that opens the query's outer WHERE group (the keyword WHERE is optional in
    SELECT and ASK), or None."""
    groups = where_groups(text)
    return groups[0][0] if groups else None


def where_groups(text: str) -> list[tuple[int, int]]:
    """(offset just after the `{`, offset of the closing `}`) of the query's outer WHERE group and of the WHERE group
    of every sub-select, in the order they open (empty when the query has no WHERE group)."""
    found: list[list[int]] = []
    depth, form, after_where = 0, None, False
    waiting: list[int] = []  # depths at which a sub-select waits for its group to open
    open_at: dict[int, int] = {}  # depth -> index in `found` of the group opened at that depth
    for kind, value, start in _tokens(text):
        if kind == "word":
            word = value.upper()
            if depth == 0 and form is None and word in FORMS:
                form = word
            elif depth == 0 and word == "WHERE":
                after_where = True
            elif depth > 0 and word == "SELECT" and found:
                waiting.append(depth)
        elif kind == "brace":
            if value == "{":
                if depth == 0 and not found and form is not None and (after_where or form in ("SELECT", "ASK")):
                    open_at[depth] = len(found)
                    found.append([start + 1, len(text)])
                elif waiting and waiting[-1] == depth:
                    waiting.pop()
                    open_at[depth] = len(found)
                    found.append([start + 1, len(text)])
                depth += 1
            else:
                depth -= 1
                if depth in open_at:
                    found[open_at.pop(depth)][1] = start
    return [(at, end) for at, end in found]


def with_values(text: str, values: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with `VALUES (?a ?b) { (term term) }` at the start of its outer WHERE group, and of the WHERE group
    of every sub-select that uses one of the variables: the same solutions as pyoxigraph's substitutions (SEP-0007),
    which replace a variable everywhere in the query, sub-selects included. One difference remains, by SPARQL's
    scoping: a FILTER inside a nested group (a UNION branch, an OPTIONAL) does not see a value bound outside it, so a
    query of ours binds a parameter by a pattern in any such group whose FILTER uses it (tests/test_virtuoso.py
    compares every query bound both ways)."""
    if not values:
        return text
    for name, term in values.items():
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise BindingError(f"?{name}: only IRIs and literals can be bound / endast IRI:er och literaler")
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise BindingError(f"invalid variable name / ogiltigt variabelnamn: {name!r}")
    groups = where_groups(text)
    if not groups:
        raise BindingError("the query has no WHERE group to bind values in / frågan saknar WHERE-grupp")
    inserts: list[tuple[int, str]] = []
    for number, (at, end) in enumerate(groups):
        used = list(values) if number == 0 else [n for n in values if re.search(rf"[?$]{n}\b", text[at:end])]
        if used:
            names = " ".join("?" + name for name in used)
            terms = " ".join(str(values[name]) for name in used)
            inserts.append((at, f"\n  VALUES ({names}) {{ ({terms}) }}\n"))
    for at, block in reversed(inserts):
        text = text[:at] + block + text[at:]
    return text


# ---------------------------------------------------------------- what a query may reach, and how deep it nests


_OPENERS, _CLOSERS = "([{", ")]}"


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets, parentheses and braces outside strings, IRIs and comments. Oxigraph's
    parser recurses once per level and the process dies on its stack a few thousand levels down, so a depth is
    checked before a query is parsed."""
    depth = deepest = 0
    for char in strip_literals(text):
        if char in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
    return deepest


@dataclass(frozen=True)
class ServiceCall:
    """One SERVICE clause: the endpoint it names (an absolute IRI), or None when that cannot be told from the text
    alone (a variable, an unknown prefix, an escape)."""

    endpoint: str | None
    written: str  # the text after the keyword, as written (for messages)


def service_calls(text: str, base_iri: str | None = None) -> list[ServiceCall]:
    """Every SERVICE keyword outside strings, IRIs and comments, with the endpoint it names.

    Conservative by design: anything that might be a SERVICE clause is listed (the keyword in any case, also where
    the parser would refuse it), and an endpoint is named only when it is an IRI written in full or a prefixed name
    whose PREFIX the query declares, followed by white space, a comment or `{`; relative IRIs resolve against the
    query's BASE, else `base_iri`."""
    tokens = list(_tokens(text))
    prefixes: dict[str, str] = {}
    base = base_iri
    calls: list[ServiceCall] = []
    for index, (kind, value, _) in enumerate(tokens):
        if kind != "word":
            continue
        word = value.upper()
        following = [t for t in tokens[index + 1 : index + 4] if t[0] != "comment"]
        if word == "BASE" and following and following[0][0] == "iri":
            base = urljoin(base or "", following[0][1][1:-1])
        elif word == "PREFIX" and len(following) >= 2 and following[0][0] == "pname" and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = urljoin(base or "", following[1][1][1:-1])
        elif word == "SERVICE":
            if following and following[0][0] == "word" and following[0][1].upper() == "SILENT":
                following = following[1:]
            calls.append(_service_call(text, following[0] if following else None, prefixes, base))
    return calls


def _service_call(text: str, token: tuple[str, str, int] | None, prefixes: dict[str, str], base: str | None):
    if token is None:
        return ServiceCall(None, "")
    kind, value, start = token
    end = start + len(value)
    cleanly_ended = end == len(text) or text[end] in " \t\r\n{#"
    if kind == "iri" and cleanly_ended:
        return ServiceCall(urljoin(base or "", value[1:-1]), value)
    if kind == "pname" and cleanly_ended:
        prefix, _, local = value.partition(":")
        if prefix in prefixes and re.fullmatch(r"[\w-]*", local):
            return ServiceCall(prefixes[prefix] + local, value)
    return ServiceCall(None, value)


def without_services(text: str) -> str:
    """The query with every `SERVICE [SILENT]` written as `GRAPH`: the same grammar around it, so parsing the result
    checks the query's syntax without any request leaving (Oxigraph calls a SERVICE as soon as a query starts)."""
    out, last = [], 0
    tokens = list(_tokens(text))
    for index, (kind, value, start) in enumerate(tokens):
        if kind != "word" or value.upper() not in ("SERVICE", "SILENT"):
            continue
        if value.upper() == "SILENT" and not (index and tokens[index - 1][1].upper() == "SERVICE"):
            continue
        out.append(text[last:start])
        out.append("GRAPH" if value.upper() == "SERVICE" else " " * len(value))
        last = start + len(value)
    out.append(text[last:])
    return "".join(out)
