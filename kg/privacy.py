"""Personal contact data must never reach a public interface: the detector the curation refuses texts by, and the
tests check every public output with."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URI_SCHEMES = re.compile(r"\b(?:mailto|tel):[^\s\"'<>]+")
PHONE_CANDIDATE = re.compile(r"(?<![\w.,/:-])(?:\+\d|0)[\d \u00a0()-]{5,}\d")


def contact_data(text: str) -> list[str]:
    """E-mail addresses and telephone numbers (7–13 digits, Swedish or international form) in a text."""
    found = EMAIL.findall(text) + URI_SCHEMES.findall(text)
    for candidate in PHONE_CANDIDATE.findall(text):
        if 7 <= sum(c.isdigit() for c in candidate) <= 13:
            found.append(candidate)
    return found
