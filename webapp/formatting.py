"""Words and dates the pages write: how many initiatives serve a goal, the word for a code of the graph, a date.

The templates of the framework's pages (home, goals, goal, target) and the history of changes read them; they
depend on the request's language only (webapp.i18n), never on a page module."""

from __future__ import annotations

from datetime import date, datetime

from kg.texts import TEXTS
from webapp.i18n import t


def count_text(initiatives: int, confirmed: int) -> str:
    """How many initiatives serve a goal or target, saying whether the links are proposals or confirmed."""
    proposed = initiatives - confirmed
    if initiatives == 0:
        return t("goals.count.none")
    if confirmed == 0:
        return t("goals.count.proposed." + ("one" if proposed == 1 else "many"), n=proposed)
    if proposed == 0:
        return t("goals.count.confirmed." + ("one" if confirmed == 1 else "many"), n=confirmed)
    return t("goals.count.mixed", n=initiatives, confirmed=confirmed, proposed=proposed)


def selected_text(selected: int) -> str:
    if selected == 0:
        return t("goals.selected.count.none")
    return t("goals.selected.count." + ("one" if selected == 1 else "many"), n=selected)


def term(kind: str, code: str | None) -> str:
    """The word for a code of the graph (a link status, a relevance), or the code itself when there is none."""
    if not code:
        return ""
    key = f"goals.{kind}.{code}"
    return t(key) if key in TEXTS else code


def when(value: datetime | date | str | None) -> str:
    """A date, or a date and time with its offset, as ISO text: 2024-02-27, 2026-11-22 12:00 UTC."""
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.utcoffset()
        if offset is None:
            return text
        if not offset:
            return text + " UTC"
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"{text} UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    if isinstance(value, date):
        return value.isoformat()
    return value or ""


#: what the framework's templates call (passed to them with their context)
HELPERS = {"count_text": count_text, "selected_text": selected_text, "when": when, "term": term}
