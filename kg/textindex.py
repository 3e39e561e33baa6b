"""A substring index of the search's texts: SQLite FTS5 with the trigram tokenizer (the standard library's sqlite3).

kg.search decides what matches and how it ranks; this index only says which documents can contain a needle, so that
the search looks at those instead of every text in the graph. One row per document (its texts joined by line breaks,
a character no normalised query holds, so a match never spans two texts), in two columns: the lower-case texts and
the same without diacritics (kg.search's "low" and "fold" forms). The trigram tokenizer indexes every three
characters, so a needle of three or more characters is found wherever it occurs, also inside a word: "skola" in
"grundskola", "äldre" in "äldreomsorg". A needle shorter than three characters cannot be looked up (`None`: the
caller searches every document). Built once per SearchIndex, i.e. once per data state (kg.statecache), in memory.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence

#: the shortest needle the trigram tokenizer can look up
MIN_NEEDLE = 3
#: SQLite added the trigram tokenizer in 3.34.0
MIN_SQLITE = (3, 34, 0)
COLUMNS = ("low", "fold")


def available() -> bool:
    """Whether this Python's SQLite has FTS5 with the trigram tokenizer."""
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        return False
    try:
        connection = sqlite3.connect(":memory:")
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        connection.close()
    except sqlite3.OperationalError:
        return False
    return True


def _phrase(needle: str) -> str:
    """`needle` as an FTS5 string (double quotes, inner quotes doubled): matched as a sequence of trigrams."""
    return '"' + needle.replace('"', '""') + '"'


class TextIndex:
    """Which documents (by their position in the sequence given) hold a needle in one of the two forms."""

    def __init__(self, rows: Iterable[tuple[Sequence[str], Sequence[str]]]):
        """`rows`: per document, its texts in the "low" and in the "fold" form."""
        self._connection = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()  # one connection shared by the server's threads
        self._connection.execute(
            "CREATE VIRTUAL TABLE texts USING fts5(low, fold, content='', columnsize=0, "
            "tokenize='trigram case_sensitive 1')"
        )
        self._connection.executemany(
            "INSERT INTO texts (rowid, low, fold) VALUES (?, ?, ?)",
            ((number, "\n".join(low), "\n".join(fold)) for number, (low, fold) in enumerate(rows)),
        )
        self._connection.execute("INSERT INTO texts (texts) VALUES ('optimize')")
        self._connection.commit()

    def containing(self, needle: str, form: str) -> set[int] | None:
        """The positions of the documents whose texts in `form` ("low" or "fold") contain `needle` (maybe some
        more: the caller checks each); None when the needle is too short to look up."""
        if form not in COLUMNS:
            raise ValueError(form)
        if len(needle) < MIN_NEEDLE:
            return None
        with self._lock:
            rows = self._connection.execute(
                "SELECT rowid FROM texts WHERE texts MATCH ?", (f"{form} : {_phrase(needle)}",)
            ).fetchall()
        return {row[0] for row in rows}

    def containing_all(self, needles: Iterable[str], form: str) -> set[int] | None:
        """The documents that contain every needle that can be looked up (each somewhere in its texts); None when
        none can (all shorter than three characters)."""
        found: set[int] | None = None
        for needle in needles:
            hits = self.containing(needle, form)
            if hits is not None:
                found = hits if found is None else found & hits
        return found
