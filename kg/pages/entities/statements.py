"""What the graph says about one resource: the statements about it (`About`) and pointing at it (`Incoming`),
grouped by property, with the names of the resources they name (`Vocabulary`) and the language of every text
(`Text`); statements only in the mappings graph are the project's proposals (`Ref.proposed`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.labels import LABEL_PROPERTIES
from kg.namespaces import GRAPHS, PREFIXES
from kg.queries import Catalogue

QUERIES = Catalogue(__name__)

RDF_TYPE = PREFIXES["rdf"] + "type"
SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
ORG = PREFIXES["org"]
SCHEMA = PREFIXES["schema"]
MAPPINGS = GRAPHS["mappings"]
LANGS = ("sv", "en")


@dataclass(frozen=True)
class Text:
    """A text and the language it is really in (None: no language, e.g. a name or a quotation as stated)."""

    text: str
    lang: str | None = None

    def __str__(self) -> str:
        return self.text


@dataclass
class Ref:
    """A resource the page points at: IRI, name, whether the statement is a proposal, extras (an abbreviation)."""

    iri: str
    label: Text
    proposed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


# ---------------------------------------------------------------- labels of vocabulary terms


class Vocabulary:
    """Names of classes, controlled values (statuses, relevances, funding sources) and other single resources,
    read once per page (the same label properties as kg.labels, keeping the language of the name)."""

    def __init__(self, store: ox.Store, lang: str):
        self.store, self.lang = store, lang
        self._cache: dict[str, Text] = {}

    def __call__(self, iri: str | None) -> Text | None:
        if not iri:
            return None
        if iri not in self._cache:
            node, found = ox.NamedNode(iri), {}
            for prop in LABEL_PROPERTIES:
                for quad in self.store.quads_for_pattern(node, ox.NamedNode(prop), None, None):
                    if isinstance(quad.object, ox.Literal):
                        found.setdefault(quad.object.language or "", quad.object.value)
                if found:
                    break
            self._cache[iri] = choose(found, self.lang) or Text(local_name(iri))
        return self._cache[iri]


# ---------------------------------------------------------------- what the graph says about a resource


def choose(values: dict[str, str], lang: str) -> Text | None:
    """From {lang: text} ("" = no language), the text in `lang`, else the other language, else the untagged one."""
    for code in (lang, *(c for c in LANGS if c != lang)):
        if values.get(code):
            return Text(values[code], code)
    for code, value in values.items():
        if value:
            return Text(value, code or None)
    return None


def choose_row(row: dict[str, Any], name: str, lang: str) -> Text | None:
    """From a row with `nameSv` / `nameEn` columns, the text in `lang` (else the other one) with its language."""
    return choose({"sv": row.get(name + "Sv"), "en": row.get(name + "En")}, lang)


class _Statements:
    """What About and Incoming share: the graphs each statement is in, and the resources it names as Refs."""

    def __init__(self, lang: str, names: Vocabulary):
        self.lang, self.names = lang, names
        self.graphs: dict[tuple[str, Any], set[str]] = {}  # (property, the other resource) -> graphs

    def name_of(self, iri: str) -> Text:
        return self.names(iri) or Text(local_name(iri))

    def proposed(self, p: str, other: Any) -> bool:
        """True when the statement is in the mappings graph only (a proposal, not a fact from a source)."""
        graphs = self.graphs.get((p, other), set())
        return bool(graphs) and graphs <= {MAPPINGS}

    def _refs(self, p: str, iris: Iterable[str]) -> list[Ref]:
        found = [Ref(iri, self.name_of(iri), self.proposed(p, iri)) for iri in iris]
        return sorted(found, key=lambda r: r.label.text.casefold())


class About(_Statements):
    """The statements of one resource (the query about), grouped by property, with the names of their objects."""

    def __init__(self, rows: list[dict[str, Any]], lang: str, names: Vocabulary):
        super().__init__(lang, names)
        self.values: dict[str, list[tuple[Any, str, str]]] = {}  # p -> [(object, lang, datatype)]
        for row in rows:
            p, o = row["p"], row["o"]
            key = (o, row.get("olang") or "", row.get("odt") or "")
            bucket = self.values.setdefault(p, [])
            if key not in bucket:
                bucket.append(key)
            self.graphs.setdefault((p, o), set()).add(row["g"])

    def __bool__(self) -> bool:
        return bool(self.values)

    def literals(self, p: str) -> list[tuple[Any, str, str]]:
        return [v for v in self.values.get(p, []) if v[2]]

    def value(self, p: str) -> Any:
        """The first literal value (as a Python value) of a property, or None."""
        found = self.literals(p)
        return found[0][0] if found else None

    def texts(self, p: str) -> list[Text]:
        """The literal texts of a property in the page's language (else the other language; untagged always)."""
        found = self.literals(p)
        wanted = [v for v in found if v[1] == self.lang]
        if not wanted:
            other = [v for v in found if v[1] and v[1] != self.lang]
            wanted = other[:1] if other else []
        untagged = [v for v in found if not v[1]]
        return [Text(str(v[0]), v[1] or None) for v in (*wanted, *untagged)]

    def text(self, p: str) -> Text | None:
        found = self.texts(p)
        return found[0] if found else None

    def all_texts(self, p: str) -> list[Text]:
        """Every literal of a property, in whatever language (e.g. notes that exist only in Swedish)."""
        found = self.literals(p)
        ordered = sorted(found, key=lambda v: (v[1] != self.lang, v[1]))
        return [Text(str(v[0]), v[1] or None) for v in ordered]

    def iris(self, p: str) -> list[str]:
        return [v[0] for v in self.values.get(p, []) if not v[2] and isinstance(v[0], str)]

    def refs(self, p: str) -> list[Ref]:
        return self._refs(p, self.iris(p))


def about(store: ox.Store, iri: str, lang: str, names: Vocabulary | None = None) -> About:
    names = names or Vocabulary(store, lang)
    return About(QUERIES.rows(store, "about", {"resource": iri}), lang, names)


class Incoming(_Statements):
    """The statements that point at one resource (the query incoming): property -> the resources pointing."""

    def __init__(self, rows: list[dict[str, Any]], lang: str, names: Vocabulary):
        super().__init__(lang, names)
        self.subjects: dict[str, list[str]] = {}
        self.types: dict[str, list[str]] = {}
        for row in rows:
            s, p = row["s"], row["p"]
            if s not in self.subjects.setdefault(p, []):
                self.subjects[p].append(s)
            if row.get("type") and row["type"] not in self.types.setdefault(s, []):
                self.types[s].append(row["type"])
            self.graphs.setdefault((p, s), set()).add(row["g"])

    def refs(self, p: str, of_type: Iterable[str] | None = None) -> list[Ref]:
        wanted = set(of_type) if of_type is not None else None
        pointing = self.subjects.get(p, [])
        return self._refs(p, [s for s in pointing if wanted is None or wanted & set(self.types.get(s, []))])


def incoming(store: ox.Store, iri: str, lang: str, names: Vocabulary | None = None) -> Incoming:
    names = names or Vocabulary(store, lang)
    return Incoming(QUERIES.rows(store, "incoming", {"resource": iri}), lang, names)


def other_labels(info: About, label: Text) -> list[Text]:
    """The resource's names in other languages that differ from the one shown."""
    return [t for t in info.all_texts(SKOS + "prefLabel") if t.text != label.text]


def with_short_names(store: ox.Store, refs: list[Ref]) -> list[Ref]:
    """Adds the abbreviation (skos:altLabel, e.g. "SKR") as `extra["short"]` where the name does not contain it."""
    for ref in refs:
        for quad in store.quads_for_pattern(ox.NamedNode(ref.iri), ox.NamedNode(SKOS + "altLabel"), None, None):
            short = quad.object.value
            if isinstance(quad.object, ox.Literal) and short not in ref.label.text and len(short) <= 12:
                ref.extra["short"] = short
                break
    return refs


def sources(info: About) -> list[Ref]:
    return info.refs(DCT + "source")


def source_language(store: ox.Store, refs: list[Ref]) -> str | None:
    """The language the source documents are written in (dcterms:language) when they agree: the language of the
    untagged quotations (skk:statedAs) taken from them."""
    found = set()
    for ref in refs:
        for quad in store.quads_for_pattern(ox.NamedNode(ref.iri), ox.NamedNode(DCT + "language"), None, None):
            if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", quad.object.value):
                found.add(quad.object.value)
    return found.pop() if len(found) == 1 else None


def quoted(texts: list[Text], lang: str | None) -> list[Text]:
    """Quotations as stated, in the language of their source where they carry none."""
    return [Text(t.text, t.lang or lang) for t in texts]


def kind_label(info: About, vocabulary: Vocabulary, skip: Iterable[str] = ()) -> Text | None:
    """The name of the resource's most specific class (the first one not in `skip`)."""
    for iri in info.iris(RDF_TYPE):
        if iri not in skip:
            return vocabulary(iri)
    return None
