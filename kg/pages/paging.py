"""Paging of long lists: which page of how many.

SPARQL cannot bind LIMIT and OFFSET as variables, so a paged query ends with its ORDER BY and
`Catalogue.rows(..., limit=, offset=)` appends `LIMIT n OFFSET m` (kg.queries.limited, as `kg query --limit`)
built from two checked integers (`int`, never text from a request: a view turns `?page=` into an int or refuses
it, and the offset is computed here from that int). Everything else a paged query needs (filters, language) is
bound and projected as in any other query.

The pages: `?page=N` counts from 1. A request for a page that is not a whole number from 1 is refused (400);
a page past the last one does not exist (404: `PageOutOfRange`); page 1 always exists, even for an empty list.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZE = 50  # rows of the paged lists and matrices
ALL = "urn:x-kg:all"  # the value of a filter parameter that filters nothing
NONE = "urn:x-kg:none"  # the status filter's value for "no status stated"


class PageOutOfRange(LookupError):
    """A page number past the last page."""


@dataclass(frozen=True)
class Paging:
    page: int  # from 1
    size: int
    total: int  # rows of the whole list

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def first(self) -> int:
        """The position (from 1) of the page's first row; 0 on an empty list."""
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total)

    def numbers(self, around: int = 2) -> list[int | None]:
        """The page numbers to link: the first, the last and `around` either side of this one; None = a gap."""
        wanted = {1, self.pages, *range(self.page - around, self.page + around + 1)}
        shown: list[int | None] = []
        for n in sorted(n for n in wanted if 1 <= n <= self.pages):
            if shown and shown[-1] is not None and n > shown[-1] + 1:
                shown.append(None)
            shown.append(n)
        return shown


def paging(page: int, total: int, size: int = PAGE_SIZE) -> Paging:
    """Page `page` of a list of `total` rows; PageOutOfRange past the last page (page 1 always exists)."""
    if type(page) is not int or type(total) is not int or type(size) is not int or size < 1 or page < 1:
        raise ValueError("page and size are whole numbers from 1, total from 0")
    found = Paging(page, size, total)
    if page > found.pages:
        raise PageOutOfRange(page)
    return found
