"""The questions each figure and table answers, in Swedish and English: the command line prints them above its
tables and the pages use them as headings and captions (kg/texts/analysis.py takes them from here)."""

from __future__ import annotations

QUESTIONS: dict[str, dict[str, str]] = {
    "partners.ties": {
        "sv": "Vilka partner samarbetar mest med varandra?",
        "en": "Which partners work together most?",
    },
    "partners.central": {
        "sv": "Vilka partner har flest samarbeten, och vilka förbinder andra med varandra?",
        "en": "Which partners have the most collaborations, and which connect others with each other?",
    },
    "partners.groups": {
        "sv": "Vilka grupper av partner arbetar tätt ihop?",
        "en": "Which groups of partners work closely together?",
    },
    "goals.ties": {
        "sv": "Vilka mål arbetas med tillsammans, i samma initiativ?",
        "en": "Which goals are worked on together, in the same initiatives?",
    },
    "goals.central": {
        "sv": "Vilka mål hänger ihop med flest andra mål?",
        "en": "Which goals are tied to the most other goals?",
    },
    "goals.groups": {
        "sv": "Vilka grupper av mål arbetas med tillsammans?",
        "en": "Which groups of goals are worked on together?",
    },
    "targets.ties": {
        "sv": "Vilka delmål arbetas med tillsammans, i samma initiativ?",
        "en": "Which targets are worked on together, in the same initiatives?",
    },
    "targets.central": {
        "sv": "Vilka delmål hänger ihop med flest andra delmål?",
        "en": "Which targets are tied to the most other targets?",
    },
    "targets.groups": {
        "sv": "Vilka grupper av delmål arbetas med tillsammans?",
        "en": "Which groups of targets are worked on together?",
    },
    "bridges": {
        "sv": "Vilka initiativ förbinder flest mål?",
        "en": "Which initiatives bridge the most goals?",
    },
}


def question(key: str, lang: str = "sv") -> str:
    return QUESTIONS[key][lang]
