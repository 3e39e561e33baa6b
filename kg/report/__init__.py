"""The board report (issue 6): per focus area and for the whole collaboration, the goals and targets covered,
confirmed versus proposed links, the core team's selected targets, initiatives by status, the budget by status with
the reported totals beside the computed sums, and the gaps; as printable HTML (kg.report.document) and as CSV
(kg.report.exports).

Modules: `model` (what a report holds), `scope` (focus areas), `compute` (the report from the graph), `state` (the
data state and the sources), `exports` (CSV), `document` (the self-contained HTML file and the PDF).
"""

from kg.report.compute import report
from kg.report.model import DataState, FocusArea, Initiative, Link, Report, Selection, Source
from kg.report.scope import UnknownFocusArea, find_focus_area, focus_areas, slug_of

__all__ = [
    "DataState",
    "FocusArea",
    "Initiative",
    "Link",
    "Report",
    "Selection",
    "Source",
    "UnknownFocusArea",
    "find_focus_area",
    "focus_areas",
    "report",
    "slug_of",
]
