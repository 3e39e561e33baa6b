"""The report's interface texts outside a web request (the HTML file, the CSV headers): the viewer's texts
(webapp/texts, Swedish and English) in a language chosen by the caller."""

from __future__ import annotations

from collections.abc import Callable


def texts() -> dict[str, dict[str, str]]:
    from webapp.texts import TEXTS  # plain data: importing it starts nothing

    return TEXTS


def translator(lang: str) -> Callable[..., str]:
    """t(key, **values) in `lang`, as `t` in the viewer's templates."""
    table = texts()

    def t(key: str, **values: object) -> str:
        text = table[key][lang]
        return text.format(**values) if values else text

    return t
