"""Running SPARQL on the store with bound parameters, and turning terms into Python values.

User input never reaches a query as text: values are bound with pyoxigraph's
substitutions (SEP-0007), so `?goal` in a query is replaced by a term, not a string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from kg.backends.remote import StoreUnavailable
from kg.namespaces import sparql_prologue

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC_INT = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Binding = Term | str | int | float | Decimal | bool


class QueryError(Exception):
    """A query could not be parsed or run; the message is the engine's, with position."""


def to_term(value: Binding) -> Term:
    """A Python value as an RDF term: a str that looks like an IRI becomes a NamedNode."""
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, (float, Decimal)):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "decimal"))
    if value.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(value)
    return ox.Literal(value)


def to_python(term: Term | None) -> Any:
    """An RDF term as a plain Python value (IRIs as str, numbers as int/Decimal)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _NUMERIC_INT:
                return int(term.value)
            if dt in (XSD + "decimal", XSD + "double", XSD + "float"):
                return Decimal(term.value)
            if dt == XSD + "boolean":
                return term.value in ("true", "1")
            if dt == XSD + "date":
                return date.fromisoformat(term.value)
            if dt == XSD + "dateTime":
                return datetime.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    return str(term)


def execute(store: ox.Store, query: str, bindings: Mapping[str, Binding] | None = None, prologue: bool = True):
    """Run a query over the union of all graphs; returns pyoxigraph's result object."""
    substitutions = {ox.Variable(k): to_term(v) for k, v in (bindings or {}).items() if v is not None}
    text = (sparql_prologue() + query) if prologue else query
    try:
        return store.query(text, substitutions=substitutions, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(describe_syntax_error(str(err), text.count("\n") - query.count("\n"))) from None
    except StoreUnavailable:
        raise  # not the query's fault: the web layer answers 503, the command line says so
    except (OSError, ValueError, TypeError) as err:
        raise QueryError(str(err)) from None


def describe_syntax_error(message: str, lines: int = 0) -> str:
    """The parser's message in words, counting lines from the user's query (minus `lines` of our prologue)."""
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not match:
        return f"syntaxfel / syntax error: {message}"
    line, column, detail = max(1, int(match.group(1)) - lines), match.group(2), match.group(3)
    return f"syntaxfel på rad {line}, kolumn {column} / syntax error at line {line}, column {column}: {detail}"


def select(store: ox.Store, query: str, bindings: Mapping[str, Binding] | None = None) -> list[dict[str, Any]]:
    """Rows of a SELECT as dicts of Python values (unbound variables are None)."""
    result = execute(store, query, bindings)
    names = [v.value for v in result.variables]
    return [{n: to_python(row[n]) for n in names} for row in result]
