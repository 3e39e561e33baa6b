"""SPARQL results and RDF in the formats of the SPARQL 1.1 protocol, chosen by content negotiation.

The solution writers are our own (not rdflib's, whose XML writer drops falsy values) so that a
result can be cut at the row limit; they write typed literals, language tags, blank nodes and
values such as `0` and `false` exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

SOLUTIONS = "solutions"
BOOLEAN = "boolean"
GRAPH = "graph"

#: media types we produce, by kind of result, in our order of preference
RESULT_TYPES = {
    SOLUTIONS: [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ],
    BOOLEAN: ["application/sparql-results+json", "application/sparql-results+xml"],
    GRAPH: [
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
        "application/trig",
        "application/n-quads",
    ],
}
RDF_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
#: other names clients use for the same formats (Accept headers and `format=`)
ALIASES = {
    "json": {
        SOLUTIONS: "application/sparql-results+json",
        BOOLEAN: "application/sparql-results+json",
        GRAPH: "application/ld+json",
    },
    "application/json": {
        SOLUTIONS: "application/sparql-results+json",
        BOOLEAN: "application/sparql-results+json",
        GRAPH: "application/ld+json",
    },
    "xml": {
        SOLUTIONS: "application/sparql-results+xml",
        BOOLEAN: "application/sparql-results+xml",
        GRAPH: "application/rdf+xml",
    },
    "application/xml": {
        SOLUTIONS: "application/sparql-results+xml",
        BOOLEAN: "application/sparql-results+xml",
        GRAPH: "application/rdf+xml",
    },
    "text/xml": {
        SOLUTIONS: "application/sparql-results+xml",
        BOOLEAN: "application/sparql-results+xml",
        GRAPH: "application/rdf+xml",
    },
    "csv": {SOLUTIONS: "text/csv"},
    "tsv": {SOLUTIONS: "text/tab-separated-values"},
    "turtle": {GRAPH: "text/turtle"},
    "ttl": {GRAPH: "text/turtle"},
    "application/x-turtle": {GRAPH: "text/turtle"},
    "n3": {GRAPH: "text/turtle"},
    "text/n3": {GRAPH: "text/turtle"},
    "nt": {GRAPH: "application/n-triples"},
    "ntriples": {GRAPH: "application/n-triples"},
    "n-triples": {GRAPH: "application/n-triples"},
    "text/plain": {GRAPH: "application/n-triples"},
    "jsonld": {GRAPH: "application/ld+json"},
    "json-ld": {GRAPH: "application/ld+json"},
    "rdf": {GRAPH: "application/rdf+xml"},
    "rdfxml": {GRAPH: "application/rdf+xml"},
    "rdf+xml": {GRAPH: "application/rdf+xml"},
    "trig": {GRAPH: "application/trig"},
    "nquads": {GRAPH: "application/n-quads"},
    "nq": {GRAPH: "application/n-quads"},
}


def _canonical(name: str, kind: str) -> str | None:
    name = name.strip().lower()
    if name in RESULT_TYPES[kind]:
        return name
    return ALIASES.get(name, {}).get(kind)


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their quality, best first (more specific first on ties)."""
    ranges = []
    for index, part in enumerate((header or "").split(",")):
        fields = part.strip().split(";")
        media = fields[0].strip().lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((media, quality, specificity, index))
    ranges.sort(key=lambda r: (-r[1], -r[2], r[3]))
    return [(media, quality) for media, quality, _, _ in ranges]


def negotiate(kind: str, accept: str | None, format_param: str | None = None) -> str | None:
    """The media type to answer with, or None when nothing acceptable can be produced (406)."""
    if format_param:
        chosen = _canonical(format_param, kind)
        if chosen:
            return chosen
    ranges = parse_accept(accept)
    if not ranges:
        return RESULT_TYPES[kind][0]
    refused = {m for m, q in ranges if q <= 0}
    for media, quality in ranges:
        if quality <= 0:
            continue
        if media == "*/*":
            candidates = RESULT_TYPES[kind]
        elif media.endswith("/*"):
            candidates = [t for t in RESULT_TYPES[kind] if t.startswith(media[:-1])]
        else:
            candidates = [c for c in [_canonical(media, kind)] if c]
        for candidate in candidates:
            if candidate not in refused:
                return candidate
    return None


# ---------------------------------------------------------------- solution writers


def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
        f"</predicate><object>{_xml_term(term.object)}</object></triple>"
    )


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


class _Writer:
    """A solution format written piece by piece, so that an answer can be cut at a row or byte limit."""

    def head(self, variables: Sequence[str]) -> str:
        raise NotImplementedError

    def row(self, variables: Sequence[str], row: Sequence, first: bool) -> str:
        raise NotImplementedError

    def tail(self, truncated: bool) -> str:
        return ""


class _Json(_Writer):
    def head(self, variables):
        return json.dumps({"head": {"vars": list(variables)}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": ['

    def row(self, variables, row, first):
        binding = {v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
        return ("" if first else ", ") + json.dumps(binding, ensure_ascii=False)

    def tail(self, truncated):
        return ']}, "truncated": true}' if truncated else "]}}"


class _Xml(_Writer):
    def head(self, variables):
        names = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{names}</head><results>"
        )

    def row(self, variables, row, first):
        bindings = "".join(
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(variables, row, strict=True)
            if t is not None
        )
        return f"<result>{bindings}</result>"

    def tail(self, truncated):
        return "</results></sparql>\n" + ("<!-- truncated / avkortat -->\n" if truncated else "")


class _Csv(_Writer):
    @staticmethod
    def _line(values: Sequence[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(values)
        return buffer.getvalue()

    def head(self, variables):
        return self._line(variables)

    def row(self, variables, row, first):
        return self._line([_csv_value(t) for t in row])


class _Tsv(_Writer):
    def head(self, variables):
        return "\t".join("?" + v for v in variables) + "\n"

    def row(self, variables, row, first):
        return "\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) + "\n"


_WRITERS: dict[str, _Writer] = {
    "application/sparql-results+json": _Json(),
    "application/sparql-results+xml": _Xml(),
    "text/csv": _Csv(),
    "text/tab-separated-values": _Tsv(),
}


@dataclass
class Written:
    body: bytes
    truncated: bool = False
    rows: int = 0


def write_solutions(
    media_type: str,
    variables: Sequence[str],
    rows: Iterable[Sequence],
    max_rows: int | None = None,
    max_bytes: int | None = None,
) -> Written:
    """The solutions in `media_type`, cut (and flagged: `truncated`, and inside JSON and XML) before the row that
    would pass `max_rows` or make the answer longer than `max_bytes`. Rows are read one at a time, so an answer
    never holds more than `max_bytes` however many rows the query has."""
    writer = _WRITERS[media_type]
    parts = [writer.head(variables).encode("utf-8")]
    size, count, truncated = len(parts[0]) + 64, 0, False
    for row in rows:
        piece = writer.row(variables, row, count == 0).encode("utf-8")
        if (max_rows is not None and count >= max_rows) or (max_bytes is not None and size + len(piece) > max_bytes):
            truncated = True
            break
        parts.append(piece)
        size += len(piece)
        count += 1
    parts.append(writer.tail(truncated).encode("utf-8"))
    return Written(b"".join(parts), truncated, count)


def write_boolean(value: bool, media_type: str) -> bytes:
    if media_type == "application/sparql-results+xml":
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    return json.dumps({"head": {}, "boolean": bool(value)}).encode("utf-8")


def write_graph(triples: Iterable[ox.Triple], media_type: str, prefixes: dict[str, str] | None = None) -> bytes:
    rdf_format = RDF_FORMATS[media_type]
    usable = prefixes if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    items = (
        [ox.Quad(t.subject, t.predicate, t.object) for t in triples] if rdf_format.supports_datasets else list(triples)
    )
    return ox.serialize(items, format=rdf_format, prefixes=usable)


#: formats in which a cut graph can say so inside the document (a comment after the last statement)
_COMMENT = {
    ox.RdfFormat.TURTLE: "\n# avkortat / truncated\n",
    ox.RdfFormat.N_TRIPLES: "# avkortat / truncated\n",
    ox.RdfFormat.TRIG: "\n# avkortat / truncated\n",
    ox.RdfFormat.N_QUADS: "# avkortat / truncated\n",
    ox.RdfFormat.RDF_XML: "<!-- avkortat / truncated -->\n",
}


class TooLarge(ValueError):
    """The answer would pass the byte limit in a format that cannot say that it was cut."""


def write_bounded_graph(
    triples: Iterable[ox.Triple], media_type: str, prefixes: dict[str, str] | None, max_bytes: int | None
) -> Written:
    """A CONSTRUCT or DESCRIBE answer of at most about `max_bytes`: the triples are taken one at a time until their
    N-Triples form would pass the limit; the cut graph says so in a closing comment where the format has comments.
    In JSON-LD, which has none, an answer past the limit raises TooLarge instead of being cut silently."""
    rdf_format = RDF_FORMATS[media_type]
    taken, size, truncated = [], 0, False
    for triple in triples:
        size += len(str(triple).encode("utf-8")) + 3
        if max_bytes is not None and size > max_bytes:
            truncated = True
            break
        taken.append(triple)
    if truncated and rdf_format not in _COMMENT:
        raise TooLarge(media_type)
    body = write_graph(taken, media_type, prefixes)
    if truncated:
        body += _COMMENT[rdf_format].encode("utf-8")
    return Written(body, truncated, len(taken))
