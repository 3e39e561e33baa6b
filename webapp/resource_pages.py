"""Which page a resource gets: page renderers register here by kind (see kg.pages.kind_of)."""

from __future__ import annotations

from collections.abc import Callable

#: kind -> function(iri) returning the rendered page (str), or None for 404
RENDERERS: dict[str, Callable[[str], str | None]] = {}


def page_for(*kinds: str):
    def register(function: Callable[[str], str | None]):
        for kind in kinds:
            RENDERERS[kind] = function
        return function

    return register
