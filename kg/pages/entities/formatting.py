"""Dates, times, durations, numbers and amounts in words, the Swedish or the English way."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

# fmt: off
MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
# fmt: on
DURATION_UNITS = {
    "Y": {"sv": ("år", "år"), "en": ("year", "years")},
    "M": {"sv": ("månad", "månader"), "en": ("month", "months")},
    "W": {"sv": ("vecka", "veckor"), "en": ("week", "weeks")},
    "D": {"sv": ("dag", "dagar"), "en": ("day", "days")},
}


def format_number(value: Decimal | int | float, lang: str) -> str:
    """75.0 -> "75", 12.5 -> "12,5" (sv) / "12.5" (en), thousands grouped."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        text = f"{int(number):,}"
        return text.replace(",", " ") if lang == "sv" else text
    text = f"{number.normalize():,f}"
    return text.replace(",", " ").replace(".", ",") if lang == "sv" else text


def format_amount(value: Decimal | int | float, currency: str | None, lang: str) -> str:
    """285000 SEK -> "285 000 kr" (sv) / "SEK 285,000" (en)."""
    number = format_number(value, lang)
    if currency in (None, "SEK"):
        return f"{number} kr" if lang == "sv" else f"SEK {number}"
    return f"{number} {currency}"


def format_date(value: Any, lang: str) -> str:
    """A date as stated: xsd:date "15 mars 2024", xsd:gYearMonth "september 2016", xsd:gYear "2020"."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?", text)
    if match:
        return f"{MONTHS[lang][int(match.group(2)) - 1]} {match.group(1)}"
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return format_date(date(int(match.group(1)), int(match.group(2)), int(match.group(3))), lang)
    return text


def format_time(value: datetime, lang: str) -> str:
    """08.30 (sv) / 08:30 (en), in the time zone the data states."""
    return value.strftime("%H.%M" if lang == "sv" else "%H:%M")


def format_period(start: Any, end: Any, lang: str) -> str:
    """ "15 mars 2024, 08.30–14.00"; over several days "15 mars 2024, 08.30 – 16 mars 2024, 14.00"."""
    if not isinstance(start, datetime):
        text = format_date(start, lang)
        return f"{text} – {format_date(end, lang)}" if end is not None else text
    text = f"{format_date(start, lang)}, {format_time(start, lang)}"
    if isinstance(end, datetime):
        if end.date() == start.date():
            return f"{text}–{format_time(end, lang)}"
        return f"{text} – {format_date(end, lang)}, {format_time(end, lang)}"
    if end is not None:
        return f"{text} – {format_date(end, lang)}"
    return text


def format_duration(value: str, lang: str) -> str:
    """An xsd:duration in words: P1Y "1 år" / "1 year", P1Y6M "1 år 6 månader"; anything else as stated."""
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", str(value))
    if not match or not any(match.groups()):
        return str(value)
    parts = []
    for number, unit in zip(match.groups(), "YMWD", strict=True):
        if number:
            one, many = DURATION_UNITS[unit][lang]
            parts.append(f"{int(number)} {one if int(number) == 1 else many}")
    return " ".join(parts)
