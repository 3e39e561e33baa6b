"""CSV cells that a spreadsheet shows as text, never runs as a formula (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets read a cell that begins with `=`, `+`, `-` or `@` as a formula, and a tab or a
carriage return in front does not stop them. A text cell that begins with one of these gets a `'` in front, which
the spreadsheet shows as text and does not display; numbers (int, float, Decimal, and texts that are only a number
such as `-12` or `-1,5`) stay as they are, so negative numbers stay numbers. Every CSV file the project writes for
people (the report's links.csv and matrix.csv, `kg analyse --format csv`) passes its cells through `neutralise`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: what a spreadsheet may read as the start of a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")


def neutralise(value: object) -> object:
    """`value` as a CSV cell: a text that a spreadsheet would read as a formula gets `'` in front; anything else
    (numbers, None, other texts) is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_row(row: Iterable[object]) -> list[object]:
    """Every cell of `row` through `neutralise`."""
    return [neutralise(value) for value in row]
