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


def write_json(variables: Sequence[str], rows: Iterable[Sequence], truncated: bool = False) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    doc: dict = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    if truncated:
        doc["truncated"] = True
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


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


def write_xml(variables: Sequence[str], rows: Iterable[Sequence], truncated: bool = False) -> bytes:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>",
        *(f"<variable name={quoteattr(v)}/>" for v in variables),
        "</head>",
        "<results>",
    ]
    for row in rows:
        out.append("<result>")
        for variable, term in zip(variables, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(variable)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode("utf-8")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def write_csv(variables: Sequence[str], rows: Iterable[Sequence], truncated: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([_csv_value(t) for t in row])
    return buffer.getvalue().encode("utf-8")


def write_tsv(variables: Sequence[str], rows: Iterable[Sequence], truncated: bool = False) -> bytes:
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


SOLUTION_WRITERS = {
    "application/sparql-results+json": write_json,
    "application/sparql-results+xml": write_xml,
    "text/csv": write_csv,
    "text/tab-separated-values": write_tsv,
}


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
