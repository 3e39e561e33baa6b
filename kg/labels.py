"""Labels, normalised once: the name of any resource in a language, falling back to the other one."""

from __future__ import annotations

import pyoxigraph as ox

from kg.namespaces import PREFIXES, SKK

#: the properties that name things, in order of preference
LABEL_PROPERTIES = [
    SKK + "shortTitle",
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["rdfs"] + "label",
    PREFIXES["foaf"] + "name",
    PREFIXES["dcterms"] + "title",
    PREFIXES["skos"] + "notation",
]
LANGUAGES = ("sv", "en")


def label(store: ox.Store, iri: str, lang: str = "sv") -> str | None:
    """The best name of a resource in `lang`, else in the other language, else without language."""
    node = ox.NamedNode(iri)
    found: dict[str, str] = {}
    for prop in LABEL_PROPERTIES:
        for quad in store.quads_for_pattern(node, ox.NamedNode(prop), None, None):
            value = quad.object
            if isinstance(value, ox.Literal):
                found.setdefault(value.language or "", value.value)
        if found:
            break
    order = [lang, *(other for other in LANGUAGES if other != lang), ""]
    for language in order:
        if language in found:
            return found[language]
    return next(iter(found.values()), None)
