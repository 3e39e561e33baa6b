"""The query catalogue (kg.queries): every `.rq` file has an owner that runs it, a title and a description in
Swedish and English and its parameters; no file is unused or a copy of another; callers bind only declared,
projected parameters."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.queries import QUERY_DIR, Catalogue, NamedQuery, named_queries, owners, parse_query_file
from kg.sparql import QueryError, sparql_prologue

ROOT = Path(__file__).resolve().parent.parent
OWNERS = owners()


def every_query() -> list[tuple[str, NamedQuery]]:
    found = [(f"public/{name}", query) for name, query in named_queries().items()]
    for owner in OWNERS:
        found += [(f"{owner}/{name}", query) for name, query in Catalogue(owner).queries().items()]
    return found


QUERIES = every_query()


def module_source(owner: str) -> Path:
    module = importlib.import_module(owner)
    return Path(module.__file__)


def rows_calls(tree: ast.AST):
    """The `QUERIES.rows(store, NAME, BINDINGS, ...)` calls of a module."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "rows"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "QUERIES"
        ):
            yield node


def constants(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_the_catalogue_has_the_queries_of_every_reader():
    assert len(QUERIES) > 90
    assert {"kg.pages.goals", "kg.search", "kg.suggest.index", "kg.curation.history", "kg.stats"} <= set(OWNERS)
    assert not list((QUERY_DIR / "internal").glob("*.rq")), "kg/queries/internal/ is gone: queries live with owners"


@pytest.mark.parametrize("owner", sorted(OWNERS))
def test_every_folder_belongs_to_a_module_that_runs_all_its_queries(owner: str):
    module = importlib.import_module(owner)  # a folder without its module fails here
    catalogue = getattr(module, "QUERIES", None)
    assert isinstance(catalogue, Catalogue) and catalogue.owner == owner, (
        f"{owner} has no QUERIES = Catalogue(__name__)"
    )
    tree = ast.parse(module_source(owner).read_text(encoding="utf-8"))
    used = constants(tree)
    unused = sorted(set(catalogue.queries()) - used)
    assert not unused, f"{owner} never runs {unused}: delete the files or run them"
    for call in rows_calls(tree):
        if len(call.args) > 1:
            named = constants(call.args[1]) if not isinstance(call.args[1], ast.Name) else set()
            missing = sorted(named - set(catalogue.queries()))
            assert not missing, f"{owner} runs {missing}, which are not in {catalogue.folder}"


def test_no_module_runs_another_modules_queries():
    for path in [*(ROOT / "kg").rglob("*.py"), *(ROOT / "webapp").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for call in re.findall(r"Catalogue\(([^)]*)\)", text):
            assert call in ("__name__", "owner", ""), f"{path}: Catalogue({call}) — a module runs only its own queries"
        assert not re.search(r"\w\.QUERIES\.rows", text), f"{path} runs another module's queries"
        assert "kg/queries/pages/*.rq" not in text, f"{path} still names the old folder of page queries"


@pytest.mark.parametrize("name,query", QUERIES, ids=[n for n, _ in QUERIES])
def test_every_query_says_what_it_does_in_both_languages(name: str, query: NamedQuery):
    for part in ("title", "description"):
        for lang in ("sv", "en"):
            assert getattr(query, part).get(lang, "").strip(), f"{name}: no {part}@{lang}"
    assert query.title["sv"] != query.title["en"], f"{name}: the English title is a copy of the Swedish"
    for parameter in query.parameters:
        assert parameter.description["sv"] and parameter.description["en"], f"{name}: param {parameter.name}"


@pytest.mark.parametrize("name,query", QUERIES, ids=[n for n, _ in QUERIES])
def test_every_parameter_is_projected_so_that_it_can_be_bound(name: str, query: NamedQuery):
    """pyoxigraph binds only projected variables: a declared parameter the query does not project would be
    silently ignored."""
    projected = {str(v) for v in prepareQuery(sparql_prologue() + query.text).algebra.get("PV", [])}
    form = re.sub(r"#[^\n]*", "", query.text).lstrip().split(None, 1)[0].upper()
    if form != "SELECT":
        return
    missing = sorted(p.name for p in query.parameters if p.name not in projected)
    assert not missing, f"{name} declares {missing} but does not project them"


def test_no_two_files_hold_the_same_query():
    seen: dict[str, str] = {}
    for name, query in QUERIES:
        text = " ".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
        key = " ".join(text.split())
        assert key not in seen, f"{name} is the same query as {seen.get(key)}"
        seen[key] = name


def test_callers_bind_only_declared_parameters():
    """Statically, every `QUERIES.rows(store, "name", {...})` with a literal dict binds declared names only."""
    for owner in OWNERS:
        catalogue = Catalogue(owner)
        for call in rows_calls(ast.parse(module_source(owner).read_text(encoding="utf-8"))):
            if len(call.args) < 3 or not isinstance(call.args[2], ast.Dict):
                continue
            keys = {k.value for k in call.args[2].keys if isinstance(k, ast.Constant)}
            for name in constants(call.args[1]):
                declared = {p.name for p in catalogue.get(name).parameters}
                assert keys <= declared, f"{owner}/{name} is bound with {sorted(keys - declared)}, not declared"


def test_an_undeclared_binding_is_refused_at_run_time(store):
    with pytest.raises(QueryError, match="ingen parameter / .*no parameter|has no parameter"):
        Catalogue("kg.pages.goals").rows(store, "tile", {"goal": "http://metadata.un.org/sdg/3", "lang": "sv"})
    with pytest.raises(QueryError, match="has no query"):
        Catalogue("kg.pages.goals").rows(store, "no-such-query")


def test_a_file_without_a_header_is_read_without_one(tmp_path: Path):
    path = tmp_path / "bare.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    query = parse_query_file(path)
    assert query.title == {} and query.parameters == ()
