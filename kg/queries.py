"""The query catalogue: every query is an `.rq` file with a title, a description and its parameters.

- The public named queries are `kg/queries/*.rq`: `kg query NAME`, the editor's list, `/sparql?name=`.
- A module's own queries are `kg/queries/<module path>/*.rq`, for example kg/queries/pages/goals/ for
  kg.pages.goals; the module runs them through its `Catalogue(__name__)`, and no other module does.

Both are run by `run_named`/`Catalogue.rows` with bound values only, each checked against the `# param` lines of
its file (`check_parameters`). tests/test_query_catalogue.py keeps every file used, documented and unique.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.sparql import Binding, QueryError, execute, select

QUERY_DIR = Path(__file__).resolve().parent / "queries"
_HEADER = re.compile(r"^#\s*([\w-]+)(?:@(\w+))?:\s*(.*)$")


@dataclass(frozen=True)
class Parameter:
    name: str
    description: dict[str, str]


@dataclass(frozen=True)
class NamedQuery:
    """A query kept in a file: its name is the file name without `.rq`."""

    name: str
    text: str
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()

    def label(self, lang: str = "sv") -> str:
        return self.title.get(lang) or self.title.get("sv") or self.name


def parse_query_file(path: Path) -> NamedQuery:
    """Read a `.rq` file and its `# key@lang: value` header lines."""
    text = path.read_text(encoding="utf-8")
    title: dict[str, str] = {}
    description: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not line.startswith("#"):
            break
        if not match:
            continue
        key, lang, value = match.groups()
        if key == "title":
            title[lang or "sv"] = value
        elif key == "description":
            description[lang or "sv"] = value
        elif key == "param":
            name, _, rest = value.partition("|")
            sv, _, en = rest.partition("|")
            params.append(Parameter(name.strip(), {"sv": sv.strip(), "en": en.strip()}))
    return NamedQuery(path.stem, text, title, description, tuple(params))


@cache
def _load(directory: Path) -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(directory.glob("*.rq"))}


def named_queries() -> dict[str, NamedQuery]:
    """The public named queries, by name."""
    return dict(_load(QUERY_DIR))


def get_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        known = ", ".join(queries)
        raise QueryError(f"Okänd namngiven fråga / unknown named query '{name}'. Kända / known: {known}")
    return queries[name]


def resolve(query_or_file: str) -> tuple[str, NamedQuery | None]:
    """A named query, a path to a `.rq` file, or SPARQL text -> (text, named query or None)."""
    if query_or_file in named_queries():
        named = get_query(query_or_file)
        return named.text, named
    path = Path(query_or_file)
    if path.suffix in (".rq", ".sparql") or (len(query_or_file) < 255 and path.is_file()):
        try:
            return path.read_text(encoding="utf-8"), None
        except OSError as err:
            raise QueryError(f"{path}: kan inte läsas / cannot be read: {err.strerror}") from None
    if re.match(r"^[\w-]+$", query_or_file):
        get_query(query_or_file)  # raises with the list of known names
    return query_or_file, None


def check_parameters(named: NamedQuery, bindings: Mapping[str, Binding]) -> None:
    known = {p.name for p in named.parameters}
    unknown = sorted(set(bindings) - known)
    if unknown:
        raise QueryError(
            f"Frågan '{named.name}' har ingen parameter {', '.join(unknown)} / "
            f"query '{named.name}' has no parameter {', '.join(unknown)}. "
            f"Parametrar / parameters: {', '.join(sorted(known)) or '-'}"
        )


def limited(text: str, limit: int, offset: int = 0) -> str:
    """The query with `LIMIT limit OFFSET offset` appended, from two checked whole numbers (never text), as
    kg.pages.paging does for the page queries: for a query that ends with its solution modifiers (ORDER BY) and
    has no LIMIT or OFFSET of its own. It cuts the rows sent, not the work of a query that orders or groups."""
    if type(limit) is not int or type(offset) is not int or limit < 1 or offset < 0:
        raise QueryError("LIMIT och OFFSET är heltal, LIMIT från 1 / LIMIT and OFFSET are whole numbers, LIMIT from 1")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    if re.search(r"\b(LIMIT|OFFSET)\s+\d+\s*(?:(?:LIMIT|OFFSET)\s+\d+\s*)?$", body, re.IGNORECASE):
        raise QueryError("Frågan har redan LIMIT eller OFFSET / the query already has LIMIT or OFFSET")
    return f"{text.rstrip()}\nLIMIT {limit} OFFSET {offset}\n"


def run_query(
    store: ox.Store,
    query_or_file: str,
    bindings: Mapping[str, Binding] | None = None,
    limit: int | None = None,
    offset: int = 0,
):
    """Run a named query, a `.rq` file or SPARQL text; returns pyoxigraph's result object. With `limit`, only the
    rows `offset`..`offset + limit` (see `limited`)."""
    text, named = resolve(query_or_file)
    if named is not None:
        check_parameters(named, bindings or {})
    return execute(store, text if limit is None else limited(text, limit, offset), bindings)


def run_named(store: ox.Store, name: str, bindings: Mapping[str, Binding] | None = None) -> list[dict[str, Any]]:
    """Rows of a named SELECT query as dicts of Python values."""
    named = get_query(name)
    check_parameters(named, bindings or {})
    return select(store, named.text, bindings)


def owner_folder(owner: str) -> Path:
    """The folder of a module's queries: kg.pages.goals -> kg/queries/pages/goals."""
    package, *parts = owner.split(".")
    if package != "kg" or not parts:
        raise ValueError(f"{owner}: only modules of kg own queries")
    return QUERY_DIR.joinpath(*parts)


def owners() -> dict[str, Path]:
    """Every module that owns queries, with its folder: {"kg.pages.goals": kg/queries/pages/goals, ...}."""
    return {
        "kg." + ".".join(folder.relative_to(QUERY_DIR).parts): folder
        for folder in sorted({path.parent for path in QUERY_DIR.rglob("*.rq")})
        if folder != QUERY_DIR
    }


class Catalogue:
    """The queries of one module, `Catalogue(__name__)`: its folder's `.rq` files, read once."""

    def __init__(self, owner: str):
        self.owner = owner
        self.folder = owner_folder(owner)

    def queries(self) -> dict[str, NamedQuery]:
        return _load(self.folder)

    def get(self, name: str) -> NamedQuery:
        try:
            return self.queries()[name]
        except KeyError:
            raise QueryError(f"{self.owner} har ingen fråga '{name}' / has no query '{name}' ({self.folder})") from None

    def rows(
        self,
        store: ox.Store,
        name: str,
        bindings: Mapping[str, Binding] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Rows of the module's query `name` as dicts of Python values, with `bindings` for declared parameters
        (which pyoxigraph binds only when the query projects them). With `limit`, only the rows `offset`..`offset
        + limit` of a query that ends with its ORDER BY (`limited`: kg.pages.paging turns `?page=` into them)."""
        query = self.get(name)
        check_parameters(query, bindings or {})
        return select(store, query.text if limit is None else limited(query.text, limit, offset), bindings)
