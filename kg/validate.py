"""Validation: the SHACL shapes, the consistency checks and the budget check, in one report.

Each finding names the rule, the resource, the file(s) that describe the resource and the
message in Swedish and English. Violations fail validation; warnings are reported only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from kg.budget import budget_discrepancies
from kg.checks import check_queries
from kg.loader import LoadedDataset
from kg.namespaces import PREFIXES
from kg.sparql import select

VIOLATION = "violation"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: str
    rule: str
    resource: str | None
    messages: dict[str, str]
    files: tuple[str, ...] = ()
    path: str | None = None
    value: str | None = None

    def message(self, lang: str = "sv") -> str:
        return self.messages.get(lang) or next(iter(self.messages.values()), "")


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == VIOLATION]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def conforms(self) -> bool:
        return not self.violations


def curie(iri: str | None) -> str | None:
    """The shortest prefixed name for an IRI, for readable reports."""
    if iri is None:
        return None
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


def to_rdflib(store: ox.Store) -> rdflib.Graph:
    """The union of all graphs as an rdflib Graph (pyshacl works on rdflib)."""
    data = ox.serialize((q.triple for q in store), format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    return graph


def shacl_findings(data: rdflib.Graph, shapes: rdflib.Graph, dataset: LoadedDataset | None = None) -> list[Finding]:
    """Run pyshacl (no inference: rdfs:subClassOf in the ontology graph is enough for targets)."""
    _, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    findings = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        severity = results.value(result, SH.resultSeverity)
        messages = {}
        for msg in results.objects(result, SH.resultMessage):
            lang = getattr(msg, "language", None) or "en"
            messages.setdefault(lang, str(msg))
        if isinstance(shape, rdflib.BNode):  # a nested shape: report the rule that holds it
            parent = shapes.value(predicate=SH.qualifiedValueShape, object=shape) or shape
            shape = parent
        declared = {str(m.language): str(m) for m in shapes.objects(shape, SH.message) if m.language}
        messages = declared or messages
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        focus_iri = str(focus) if isinstance(focus, rdflib.URIRef) else None
        findings.append(
            Finding(
                WARNING if severity == SH.Warning else VIOLATION,
                curie(str(shape)) or "",
                focus_iri,
                messages,
                tuple(dataset.files_for(focus_iri)) if dataset and focus_iri else (),
                curie(str(path)) if isinstance(path, rdflib.URIRef) else None,
                value.n3() if value is not None else None,
            )
        )
    return findings


def check_findings(store: ox.Store, dataset: LoadedDataset | None = None) -> list[Finding]:
    findings = []
    for query, severity, messages in check_queries():
        for row in select(store, query.text):
            resource = row.get("resource")
            value = row.get("value")
            findings.append(
                Finding(
                    severity,
                    query.name,
                    resource,
                    messages,
                    tuple(dataset.files_for(resource)) if dataset and resource else (),
                    None,
                    None if value is None else str(value),
                )
            )
    for gap in budget_discrepancies(store):
        findings.append(
            Finding(
                WARNING,
                "check:budget-discrepancy",
                gap.resource,
                {"sv": gap.message("sv"), "en": gap.message("en")},
                tuple(dataset.files_for(gap.resource)) if dataset and gap.resource else (),
            )
        )
    return findings


def validate(dataset: LoadedDataset, shapes_path: Path) -> Report:
    """Validate a loaded dataset against the shapes file and the consistency checks."""
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    report = Report()
    report.findings.extend(shacl_findings(to_rdflib(dataset.store), shapes, dataset))
    report.findings.extend(check_findings(dataset.store, dataset))
    report.findings.sort(key=lambda f: (f.severity != VIOLATION, f.files, f.resource or "", f.rule))
    return report
