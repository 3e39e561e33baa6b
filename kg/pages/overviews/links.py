"""The goals (the overviews' columns), the initiatives' links to targets as the overviews read them, and the
sort keys the overviews share (Swedish names, SDG codes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.namespaces import SDG, SKK
from kg.queries import Catalogue
from kg.toolkit import initiative_names, pick, text_colour

QUERIES = Catalogue(__name__)

PROPOSED, CONFIRMED, REJECTED = SKK + "proposed", SKK + "confirmed", SKK + "rejected"
PRIMARY = SKK + "primary"

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
    for row in QUERIES.rows(store, "goals"):
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


def link_rows(store: ox.Store, initiative: str | None = None) -> list[dict[str, Any]]:
    """The links from initiatives (or from `initiative`) to targets: link, initiative, target, status, relevance."""
    return QUERIES.rows(store, "links", {"initiative": initiative} if initiative else None)


def initiative_links(store: ox.Store, lang: str) -> dict[str, InitiativeLinks]:
    """Every initiative with its links that are not rejected, by IRI (two queries)."""
    found = {
        row["initiative"]: InitiativeLinks(row["initiative"], pick(row, "label", lang) or row["initiative"])
        for row in initiative_names(store)
    }
    seen: set[str] = set()
    for row in link_rows(store):
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
