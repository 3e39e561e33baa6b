"""The vocabulary of curation: errors, the state of a curated thing, and helpers that build pyoxigraph terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pyoxigraph as ox

from kg.namespaces import GRAPH, GRAPHS, ID, PREFIXES, SKK
from kg.privacy import contact_data

CURATION = GRAPH + "curation"
HISTORY = GRAPH + "history"
MAPPINGS = GRAPHS["mappings"]
MAX_TEXT = 4000
PROV, RDF, XSD = PREFIXES["prov"], PREFIXES["rdf"], PREFIXES["xsd"]
SDGO_TARGET = PREFIXES["sdgo"] + "Target"
STATUSES = {"proposed", "confirmed", "rejected"}
RELEVANCES = {"primary", "secondary"}
NEVER = -1  # expected_version of something that must not exist yet (a form made before it was ever created)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


TYPE, VERSION, INVALIDATED = _n(RDF + "type"), _n(SKK + "version"), _n(PROV + "invalidatedAtTime")
ATTRIBUTED, GENERATED_AT = _n(PROV + "wasAttributedTo"), _n(PROV + "generatedAtTime")


class CurationError(ValueError):
    """A change was refused and nothing was changed; the message is in Swedish and English."""

    def __init__(self, sv: str, en: str):
        self.sv, self.en = sv, en
        super().__init__(f"{sv} / {en}")


class Conflict(CurationError):
    """The link or selection was changed by someone else since `expected_version`; `current` is its state."""

    def __init__(self, current: State):
        self.current = current
        super().__init__(
            f"Någon annan har redan ändrat detta (nu version {current.version}).",
            f"Someone else has changed this already (now version {current.version}).",
        )


@dataclass(frozen=True)
class State:
    """The current statements about a link or selection (without skk:version) and where they live."""

    iri: str
    version: int | None  # None: never existed
    statements: tuple[tuple[ox.NamedNode, ox.Term], ...]
    graph: str | None  # CURATION, MAPPINGS or None
    spread: tuple[str, ...] = ()  # other graphs holding some of them (a shipped initiative: collaboration, mappings)

    @property
    def active(self) -> bool:
        return self.version is not None and not any(p == INVALIDATED for p, _ in self.statements)

    def value(self, predicate: str) -> ox.Term | None:
        return next((o for p, o in self.statements if p.value == predicate), None)


@dataclass(frozen=True)
class Change:
    decision: str
    iri: str
    version: int


def agent_iri(username: str) -> str:
    return ID + "agent/" + username


def _now() -> ox.Literal:
    """Now as an xsd:dateTime in its canonical form (no trailing zeros in the fraction), as Oxigraph writes it back:
    a statement read from the store then compares equal to the one written."""
    stamp = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "")
    whole, fraction = stamp.split(".")
    fraction = fraction.rstrip("0")
    return ox.Literal(whole + ("." + fraction if fraction else "") + "Z", datatype=_n(XSD + "dateTime"))


def _text(value: object, what_sv: str, what_en: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CurationError(f"{what_sv} saknas.", f"The {what_en} is missing.")
    if len(value) > MAX_TEXT:
        raise CurationError(
            f"{what_sv} får vara högst {MAX_TEXT} tecken.", f"The {what_en} may be at most {MAX_TEXT} characters."
        )
    if contact_data(value):  # everything in the graph is public
        raise CurationError(
            f"{what_sv} innehåller kontaktuppgifter (e-postadress eller telefonnummer). Allt i grafen är offentligt: "
            "ta bort dem.",
            f"The {what_en} contains contact data (an e-mail address or a telephone number). Everything in the graph "
            "is public: remove them.",
        )
    return value.strip()


def _snapshot_iri(iri: str, version: int) -> str:
    return f"{iri}#v{version}"


def _ntriples(iri: str, statements) -> str:
    return "".join(sorted(f"{_n(iri)} {p} {o} .\n" for p, o in statements))


def _block(graph: str, triples: list[tuple[ox.Term, ox.Term, ox.Term]]) -> str:
    return f"GRAPH {_n(graph)} {{\n" + "".join(f"{s} {p} {o} .\n" for s, p, o in triples) + "}\n"
