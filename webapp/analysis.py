"""The network analysis pages (/analysis): thin views over kg.analysis, whose results are computed once per state
of the data (kg.analysis.analysis_for, keyed by kg.statecache.state_key) and never per request.

`/analysis/` lists the questions, `/analysis/partners` the partners' collaboration, `/analysis/goals` the goals
(or targets, `level=targets`) worked on together, with proposed links counted or not (`links=confirmed`), and
the initiatives that bridge the most goals. Each picture is a server-rendered SVG (it works without JavaScript
and prints), with a text alternative and tables of the same figures.
"""

from __future__ import annotations

from flask import abort, request

from kg.analysis import Analysis, Network
from kg.analysis.output import as_data
from kg.analysis.output import label as label_in
from kg.toolkit import text_colour
from webapp.contexts import Context, Page
from webapp.i18n import current, t
from webapp.services import graph

TABLE_ROWS = 200  # rows of each table on a page; `kg analyse` prints them all
#: colours of the groups (Okabe–Ito, told apart with colour blindness too); the group's number is always written
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
LINKS = ("all", "confirmed")


def group_colour(number: int) -> tuple[str, str]:
    """The fill of group `number` and the ink readable on it."""
    fill = PALETTE[(number - 1) % len(PALETTE)]
    return fill, text_colour(fill)


def describe(network: Network, label) -> str:
    """The picture as one sentence: its size, the strongest tie and the groups (the SVG's <desc>)."""
    if not network.edges:
        return t("analysis.figure.empty")
    top = network.edges[0]
    strongest = t("analysis.figure.pair", a=label(top.source), b=label(top.target), weight=top.weight)
    groups = "; ".join(
        f"{number}: " + ", ".join(label(m) for m in members)
        for number, members in enumerate(network.communities, 1)
        if len(members) > 1
    )
    linked = sum(1 for n in network.nodes if n.linked)
    return t("analysis.figure.desc", nodes=linked, ties=len(network.edges), strongest=strongest, groups=groups)


def _context(analysis: Analysis, section: str, confirmed_only: bool = False, **values) -> Context:
    """The page's context: the analysis and the helpers for the template; its JSON is the figures of `section`
    as `kg analyse --format json` gives them (kg.analysis.output.as_data), computed only when asked for."""
    lang = current()

    def label(iri: str) -> str:
        return label_in(analysis, iri, lang)

    def name(iri: str) -> str:
        return analysis.name_of(iri)[lang]

    helpers = {
        "analysis": analysis,
        "label": label,
        "name": name,
        "colour": group_colour,
        "describe": lambda network: describe(network, label),
        "rows": TABLE_ROWS,
    }
    public = {k: v for k, v in values.items() if isinstance(v, str)}  # the choices: links, level
    return Context(
        public,
        {**helpers, **values},
        json=lambda: {**public, "figures": as_data(analysis, section, lang, confirmed_only)},
    )


def _analysis(page: Page) -> Analysis:
    """kg.analysis.analysis_for the current data (computed once per state)."""
    services = graph()
    return page.build(services.store, services.store_path)


def index(page: Page) -> Context:
    return _context(_analysis(page), "all")


def partners(page: Page) -> Context:
    analysis = _analysis(page)
    return _context(analysis, "partners", network=analysis.partners)


def goals(page: Page) -> Context:
    links, level = request.args.get("links", "all"), request.args.get("level", "goals")
    if links not in LINKS or level not in ("goals", "targets"):
        abort(400, t("analysis.bad_choice"))
    analysis = _analysis(page)
    confirmed_only = links == "confirmed"
    return _context(
        analysis,
        "goals",
        confirmed_only,
        network=analysis.goal_network(level, confirmed_only),
        bridges=analysis.bridges[confirmed_only],
        links=links,
        level=level,
    )
