"""Every SHACL rule in ontology/shapes.ttl has a valid and an invalid example in tests/shapes/.

An example is a small Turtle file named after the rule (the local name of its shape IRI, such as
`Initiative-status.ttl`). It is validated together with the ontology's class hierarchy, because
targets such as `sh:targetClass org:Organization` rely on the rdfs:subClassOf axioms there. The valid example must give
no finding for its rule; the invalid one must give at least one, with a message in Swedish and English.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS, SH

from kg.namespaces import SHAPES
from kg.validate import Finding, shacl_findings

ROOT = Path(__file__).resolve().parent.parent
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY_FILE = ROOT / "ontology" / "samhallskontraktet.ttl"
EXAMPLES = Path(__file__).resolve().parent / "shapes"
KINDS = ("valid", "invalid")
LANGUAGES = ("sv", "en")


@cache
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


@cache
def rule_ids() -> tuple[str, ...]:
    """Local names of the property shapes in the shape: namespace, i.e. the rules."""
    graph = shapes_graph()
    return tuple(
        sorted(
            str(shape)[len(SHAPES) :]
            for shape in graph.subjects(RDF.type, SH.PropertyShape)
            if isinstance(shape, rdflib.URIRef) and str(shape).startswith(SHAPES)
        )
    )


def example(kind: str, rule: str) -> Path:
    return EXAMPLES / kind / f"{rule}.ttl"


@cache
def class_hierarchy() -> tuple[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node], ...]:
    """The ontology's rdfs:subClassOf axioms (the rest of it would only be validated again and again)."""
    ontology = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    return tuple(ontology.triples((None, RDFS.subClassOf, None)))


@cache
def findings(path: Path) -> tuple[Finding, ...]:
    """Validate one example (with the class hierarchy) once per session."""
    data = rdflib.Graph()
    for triple in class_hierarchy():
        data.add(triple)
    data.parse(path, format="turtle")
    return tuple(shacl_findings(data, shapes_graph()))


def findings_for(kind: str, rule: str) -> list[Finding]:
    path = example(kind, rule)
    if not path.is_file():
        pytest.fail(f"missing {kind} example {path.relative_to(ROOT)}")
    return [f for f in findings(path) if f.rule == f"shape:{rule}"]


RULES = rule_ids()


def test_rules_are_found() -> None:
    assert len(RULES) > 0


@pytest.mark.parametrize("rule", RULES)
def test_rule_has_examples(rule: str) -> None:
    missing = [str(example(kind, rule).relative_to(ROOT)) for kind in KINDS if not example(kind, rule).is_file()]
    assert not missing, f"{rule}: missing examples {missing}"


@pytest.mark.parametrize("rule", RULES)
def test_valid_example_passes(rule: str) -> None:
    found = findings_for("valid", rule)
    assert not found, f"{rule}: the valid example gives {[(f.resource, f.message('en')) for f in found]}"


@pytest.mark.parametrize("rule", RULES)
def test_invalid_example_fails(rule: str) -> None:
    found = findings_for("invalid", rule)
    assert found, f"{rule}: the invalid example gives no finding for the rule"
    for finding in found:
        for lang in LANGUAGES:
            assert finding.messages.get(lang, "").strip(), f"{rule}: no message in {lang!r}"


def test_no_orphan_examples() -> None:
    rules = set(RULES)
    orphans = sorted(
        str(path.relative_to(ROOT))
        for kind in KINDS
        for path in (EXAMPLES / kind).iterdir()
        if path.suffix != ".ttl" or path.stem not in rules
    )
    assert not orphans, f"examples without a rule: {orphans}"


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_has_messages_in_both_languages(rule: str) -> None:
    graph = shapes_graph()
    messages = {
        message.language: str(message)
        for message in graph.objects(rdflib.URIRef(SHAPES + rule), SH.message)
        if isinstance(message, rdflib.Literal)
    }
    for lang in LANGUAGES:
        assert messages.get(lang, "").strip(), f"{rule}: no sh:message in {lang!r}"
