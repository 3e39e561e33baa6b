"""The goals (the overviews' columns), the initiatives' links to targets as the overviews read them, and the
sort keys the overviews share (Swedish names, SDG codes)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import SDG, SKK
from kg.pages import pick, run_page_query, text_colour

PROPOSED, CONFIRMED, REJECTED = SKK + "proposed", SKK + "confirmed", SKK + "rejected"
PRIMARY = SKK + "primary"

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y", "æ": "|", "ø": "}"})


def sort_key(text: str | None, lang: str = "sv") -> str:
    """A key that sorts names the Swedish way (å, ä, ö after z) in Swedish, by letters otherwise."""
    lowered = (text or "").lower()
    return lowered.translate(_SWEDISH_ORDER) if lang == "sv" else lowered


def code_key(code: str) -> tuple:
    """Sort key for SDG codes: 3.4 before 3.10, 3.9 before 3.a."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


# ---------------------------------------------------------------- goals (the columns)


@dataclass(frozen=True)
class Goal:
    iri: str
    code: str
    short: str  # the short title, e.g. "Ingen fattigdom"
    title: str  # the full title
    colour: str  # "#E5243B"
    ink: str  # black or white, readable on the colour


def goals(store: ox.Store, lang: str) -> list[Goal]:
    """The 17 goals in order, with titles in `lang`."""
    found = []
    for row in run_page_query(store, "overviews-goals"):
        colour = row["colour"] or "#777777"
        found.append(
            Goal(
                row["goal"],
                str(row["code"]),
                pick(row, "short", lang) or pick(row, "title", lang) or str(row["code"]),
                pick(row, "title", lang) or "",
                colour,
                text_colour(colour),
            )
        )
    return found


# ---------------------------------------------------------------- links of the initiatives


@dataclass(frozen=True)
class LinkMark:
    """One link from an initiative to a target, as a matrix cell shows it."""

    link: str
    target: str
    code: str
    primary: bool
    status: str  # "proposed", "confirmed" (rejected links are left out of the overviews)

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"


@dataclass
class InitiativeLinks:
    """An initiative with its links that are not rejected, each under the goal of its target."""

    iri: str
    label: str
    links: list[tuple[str, LinkMark]] = field(default_factory=list)  # (goal, link)
    rejected: int = 0


def target_code(target: str) -> tuple[str, str]:
    """The code of an SDG target and the IRI of its goal, read from the target's IRI (…/sdg/3.4 under
    …/sdg/3): the checks sdg-code-matches-iri and target-under-its-goal guarantee that they agree with
    skos:notation and skos:broader, and reading them here saves two joins per link."""
    code = target[len(SDG) :] if target.startswith(SDG) else target.rsplit("/", 1)[-1]
    return code, SDG + code.split(".", 1)[0]


def initiative_links(store: ox.Store, lang: str) -> dict[str, InitiativeLinks]:
    """Every initiative with its links that are not rejected, by IRI (two queries)."""
    found = {
        row["initiative"]: InitiativeLinks(row["initiative"], pick(row, "label", lang) or row["initiative"])
        for row in run_page_query(store, "overviews-initiatives")
    }
    seen: set[str] = set()
    for row in run_page_query(store, "overviews-links"):
        item = found.get(row["initiative"])
        if item is None or row["link"] in seen:
            continue
        seen.add(row["link"])
        if row["status"] == REJECTED:
            item.rejected += 1
            continue
        status = "confirmed" if row["status"] == CONFIRMED else "proposed" if row["status"] == PROPOSED else "other"
        code, goal = target_code(row["target"])
        item.links.append((goal, LinkMark(row["link"], row["target"], code, row["relevance"] == PRIMARY, status)))
    return found
