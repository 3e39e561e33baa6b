"""Page models of the overviews: initiatives × goals, partners × goals, gaps and the budget.

Each function takes the store and the language and returns a dataclass with the texts already chosen in
that language (falling back to the other one). A handful of queries per model, never one per row.
Status and relevance are kept as the graph states them: every link is shown with its status, and a
proposal is never counted as confirmed.

Modules: `links` (the goals, the initiatives' links, the shared sort keys), `matrices` (initiatives × goals,
partners × goals), `gap_lists` (gaps) and `budget_tables` (the budget).
"""

from kg.pages.overviews.budget_tables import (
    STATUS_ORDER,
    Budget,
    BudgetLine,
    FundingRow,
    StatusGroup,
    budget,
    format_sek,
)
from kg.pages.overviews.gap_lists import Gaps, SelectedTarget, UnconfirmedInitiative, gaps
from kg.pages.overviews.links import CONFIRMED, PRIMARY, PROPOSED, REJECTED, Goal, LinkMark, goals, target_code
from kg.pages.overviews.matrices import (
    InitiativeCell,
    InitiativeMatrix,
    InitiativeRow,
    Participation,
    PartnerCell,
    PartnerMatrix,
    PartnerRow,
    initiatives_goals,
    partners_goals,
)

__all__ = [
    "CONFIRMED",
    "PRIMARY",
    "PROPOSED",
    "REJECTED",
    "STATUS_ORDER",
    "Budget",
    "BudgetLine",
    "FundingRow",
    "Gaps",
    "Goal",
    "InitiativeCell",
    "InitiativeMatrix",
    "InitiativeRow",
    "LinkMark",
    "Participation",
    "PartnerCell",
    "PartnerMatrix",
    "PartnerRow",
    "SelectedTarget",
    "StatusGroup",
    "UnconfirmedInitiative",
    "budget",
    "format_sek",
    "gaps",
    "goals",
    "initiatives_goals",
    "partners_goals",
    "target_code",
]
