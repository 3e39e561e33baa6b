"""The report's interface texts outside a web request (the HTML file, the CSV headers): the interface texts
(kg/texts, Swedish and English, shared with the viewer) in a language chosen by the caller."""

from __future__ import annotations

from collections.abc import Callable

from kg.texts import TEXTS


def texts() -> dict[str, dict[str, str]]:
    return TEXTS


def translator(lang: str) -> Callable[..., str]:
    """t(key, **values) in `lang`, as `t` in the viewer's templates."""
    table = texts()

    def t(key: str, **values: object) -> str:
        text = table[key][lang]
        return text.format(**values) if values else text

    return t
