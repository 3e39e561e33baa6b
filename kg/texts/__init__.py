"""Every interface text in Swedish and English, gathered from the modules of this package: the viewer's (webapp)
and the board report's (kg.report), which share many of them.

Each module holds `TEXTS = {key: {"sv": ..., "en": ...}}` for one part of the app; keys are English
and unique across modules (a test checks both languages and uniqueness).
"""

from __future__ import annotations

import importlib
import pkgutil

TEXTS: dict[str, dict[str, str]] = {}
SOURCES: dict[str, str] = {}

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    for _key, _value in importlib.import_module(f"{__name__}.{_module}").TEXTS.items():
        if _key in TEXTS:
            raise ValueError(f"text key {_key!r} is defined in both {SOURCES[_key]} and {_module}")
        TEXTS[_key] = _value
        SOURCES[_key] = _module
