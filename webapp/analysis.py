"""The network analysis pages (/analysis): thin views over kg.analysis, whose results are computed once per state
of the data (kg.analysis.analysis_for, keyed by kg.store.state_key) and never per request.

`/analysis/` lists the questions, `/analysis/partners` the partners' collaboration, `/analysis/goals` the goals
(or targets, `level=targets`) worked on together, with proposed links counted or not (`links=confirmed`), and
the initiatives that bridge the most goals. Each picture is a server-rendered SVG (it works without JavaScript
and prints), with a text alternative and tables of the same figures.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from kg.analysis import Analysis, Network, analysis_for
from kg.analysis.output import label as label_in
from kg.pages import text_colour
from webapp.i18n import current, t
from webapp.services import graph

bp = Blueprint("analysis", __name__, url_prefix="/analysis")

TABLE_ROWS = 200  # rows of each table on a page; `kg analyse` prints them all
#: colours of the groups (Okabe–Ito, told apart with colour blindness too); the group's number is always written
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
LINKS = ("all", "confirmed")


def current_analysis() -> Analysis:
    services = graph()
    return analysis_for(services.store, services.store_path)


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


def _render(template: str, analysis: Analysis, **values):
    lang = current()

    def label(iri: str) -> str:
        return label_in(analysis, iri, lang)

    def name(iri: str) -> str:
        return analysis.name_of(iri)[lang]

    return render_template(
        template,
        analysis=analysis,
        label=label,
        name=name,
        colour=group_colour,
        describe=lambda network: describe(network, label),
        rows=TABLE_ROWS,
        **values,
    )


@bp.get("/")
def index():
    return _render("pages/analysis.html", current_analysis())


@bp.get("/partners")
def partners():
    analysis = current_analysis()
    return _render("pages/analysis-partners.html", analysis, network=analysis.partners)


@bp.get("/goals")
def goals():
    links, level = request.args.get("links", "all"), request.args.get("level", "goals")
    if links not in LINKS or level not in ("goals", "targets"):
        abort(400, t("analysis.bad_choice"))
    analysis = current_analysis()
    confirmed_only = links == "confirmed"
    return _render(
        "pages/analysis-goals.html",
        analysis,
        network=analysis.goal_network(level, confirmed_only),
        bridges=analysis.bridges[confirmed_only],
        links=links,
        level=level,
    )
