"""The budget as stated, and where its lines disagree with its reported totals.

Nothing is corrected: the lines and the totals are both kept as the source states
them, and the differences are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph as ox

from kg.queries import Catalogue

QUERIES = Catalogue(__name__)


@dataclass(frozen=True)
class Discrepancy:
    """A reported total beside the sum of the lines that the source assigns to it."""

    key: str
    label_sv: str
    label_en: str
    reported: Decimal
    computed: Decimal
    resource: str | None

    @property
    def difference(self) -> Decimal:
        return self.reported - self.computed

    def message(self, lang: str) -> str:
        amount = _sek
        if lang == "sv":
            return (
                f"{self.label_sv}: redovisad summa {amount(self.reported)}, summan av posterna "
                f"{amount(self.computed)} (skillnad {amount(self.difference)})."
            )
        return (
            f"{self.label_en}: reported total {amount(self.reported)}, sum of the lines "
            f"{amount(self.computed)} (difference {amount(self.difference)})."
        )


def _sek(value: Decimal) -> str:
    return f"{value:,.0f} kr".replace(",", " ")


def budget_discrepancies(store: ox.Store) -> list[Discrepancy]:
    """Per funding source and overall: reported total against the sum of the stated lines."""
    totals = QUERIES.rows(store, "totals")
    by_source = {row["source"]: row for row in QUERIES.rows(store, "by-funding-source")}
    grand = QUERIES.rows(store, "grand-total")[0]
    found: list[Discrepancy] = []
    for row in totals:
        computed = Decimal(by_source.get(row["source"], {}).get("amount") or 0)
        reported = Decimal(row["reported"])
        if computed != reported:
            found.append(
                Discrepancy(
                    row["source"],
                    f"Budgetkälla {row['labelSv']}",
                    f"Funding source {row['labelEn']}",
                    reported,
                    computed,
                    row["total"],
                )
            )
    reported_all = sum((Decimal(r["reported"]) for r in totals), Decimal(0))
    computed_all = Decimal(grand["amount"] or 0)
    if totals and reported_all != computed_all:
        found.append(Discrepancy("all", "Alla budgetposter", "All budget lines", reported_all, computed_all, None))
    return found
