"""Evaluating the suggestions against a labelled file (data/evaluation/target-suggestions.tsv).

The file: UTF-8, tab-separated, a header line `id  lang  targets  source  text` (columns by name, in any order),
then one item per line: a unique id, the language (`sv`, `en`, or empty: detected), the targets a careful
reader assigns (codes separated by spaces, e.g. `3.4 10.2`), the source (an initiative's IRI for a description
of one of the initiatives in the graph, else e.g. `constructed`) and the description. Empty lines and lines
starting with `#` are skipped.

The measures, for an item with the labelled targets G and the first k suggestions S (k = 5 by default):
- precision@k = |S ∩ G| / k (at most |G| / k when fewer than k targets are labelled);
- recall@k = |S ∩ G| / |G|;
- hit@k = 1 when S ∩ G is not empty, else 0.
Each is the mean over the items (macro average), per language and over all items. An item whose source is an
initiative of the graph is evaluated as if that initiative were new: its own links are not evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.suggest.index import SuggestionIndex
from kg.suggest.rank import suggest
from kg.suggest.words import LANGS, detect_language

COLUMNS = ("id", "lang", "targets", "source", "text")
_CODE = re.compile(r"^\d{1,2}\.(\d{1,2}|[a-z])$")


class EvaluationFileError(Exception):
    """The file cannot be read or has bad lines; `problems` says which, in Swedish and English."""

    def __init__(self, problems: list[str], missing: bool = False):
        self.problems, self.missing = problems, missing
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Item:
    id: str
    lang: str  # sv or en (detected when the file leaves it empty)
    targets: tuple[str, ...]
    source: str
    text: str
    line: int


@dataclass(frozen=True)
class Outcome:
    item: Item
    suggested: tuple[str, ...]  # the first k codes

    @property
    def hits(self) -> int:
        return len(set(self.suggested) & set(self.item.targets))

    def precision(self, k: int) -> float:
        return self.hits / k

    @property
    def recall(self) -> float:
        return self.hits / len(self.item.targets)

    @property
    def hit(self) -> float:
        return 1.0 if self.hits else 0.0

    @property
    def missed(self) -> tuple[str, ...]:
        return tuple(c for c in self.item.targets if c not in self.suggested)


@dataclass(frozen=True)
class Scores:
    items: int
    precision: float
    recall: float
    hit: float


@dataclass(frozen=True)
class Evaluation:
    k: int
    outcomes: tuple[Outcome, ...]

    def scores(self, lang: str | None = None) -> Scores:
        """Macro averages over the items in `lang` (all items when None)."""
        chosen = [o for o in self.outcomes if lang is None or o.item.lang == lang]
        n = len(chosen)
        if not n:
            return Scores(0, 0.0, 0.0, 0.0)
        return Scores(
            n,
            sum(o.precision(self.k) for o in chosen) / n,
            sum(o.recall for o in chosen) / n,
            sum(o.hit for o in chosen) / n,
        )


def read_items(path: Path | str, known: set[str] | None = None) -> list[Item]:
    """The items of a labelled file; EvaluationFileError naming every bad line (codes are checked against
    `known` when given)."""
    path = Path(path)
    try:
        lines = path.read_bytes().decode("utf-8").splitlines()
    except FileNotFoundError:
        raise EvaluationFileError([f"Filen finns inte / no such file: {path}"], missing=True) from None
    except IsADirectoryError:
        raise EvaluationFileError(
            [f"Är en katalog, inte en fil / is a folder, not a file: {path}"], missing=True
        ) from None
    except OSError as err:
        raise EvaluationFileError(
            [f"Kan inte läsas / cannot be read: {path}: {err.strerror or err}"], missing=True
        ) from None
    except UnicodeDecodeError as err:
        raise EvaluationFileError([f"{path}: inte UTF-8 / not UTF-8 (byte {err.start})"]) from None
    numbered = [(n, line.lstrip("\ufeff") if n == 1 else line) for n, line in enumerate(lines, 1)]
    numbered = [(n, line) for n, line in numbered if line.strip() and not line.startswith("#")]
    if not numbered:
        raise EvaluationFileError([f"{path}: tom fil / empty file"])
    header_line, header = numbered[0][0], numbered[0][1].rstrip("\r").split("\t")
    if sorted(h.strip() for h in header) != sorted(COLUMNS):
        raise EvaluationFileError(
            [
                f"{path}, rad / line {header_line}: rubrikraden ska ha kolumnerna / the header "
                f"must have the columns {' '.join(COLUMNS)} (tabbseparerade / tab-separated)"
            ]
        )
    columns = [h.strip() for h in header]
    items, problems, seen = [], [], set()
    for n, line in numbered[1:]:
        fields = line.rstrip("\r").split("\t")
        where = f"{path}, rad / line {n}"
        if len(fields) != len(columns):
            problems.append(
                f"{where}: {len(fields)} fält i stället för {len(columns)} / "
                f"{len(fields)} fields instead of {len(columns)}"
            )
            continue
        row = {c: f.strip() for c, f in zip(columns, fields, strict=True)}
        wrong = _check(row, where, seen, known)
        problems += wrong
        seen.add(row["id"])
        if not wrong:
            lang = row["lang"] or detect_language(row["text"])
            items.append(Item(row["id"], lang, tuple(row["targets"].split()), row["source"], row["text"], n))
    if problems:
        raise EvaluationFileError(problems)
    if not items:
        raise EvaluationFileError([f"{path}: inga poster / no items"])
    return items


def _check(row: dict[str, str], where: str, seen: set[str], known: set[str] | None) -> list[str]:
    problems = []
    if not row["id"]:
        problems.append(f"{where}: id saknas / id missing")
    elif row["id"] in seen:
        problems.append(f"{where}: id {row['id']!r} finns redan / id {row['id']!r} used twice")
    if row["lang"] and row["lang"] not in LANGS:
        problems.append(f"{where}: okänt språk / unknown language {row['lang']!r} (sv, en)")
    codes = row["targets"].split()
    if not codes:
        problems.append(f"{where}: inga delmål / no targets")
    bad = [c for c in codes if not _CODE.match(c) or (known is not None and c not in known)]
    if bad:
        problems.append(f"{where}: okända delmål / unknown targets: {' '.join(bad)}")
    if not row["text"]:
        problems.append(f"{where}: texten saknas / text missing")
    return problems


def evaluate(index: SuggestionIndex, items: list[Item], k: int = 5) -> Evaluation:
    outcomes = []
    for item in items:
        own = _initiative(index, item.source)
        found = suggest(index, [(item.text, item.lang)], k, exclude_initiatives=frozenset(own))
        outcomes.append(Outcome(item, tuple(s.code for s in found)))
    return Evaluation(k, tuple(outcomes))


def _initiative(index: SuggestionIndex, source: str) -> set[str]:
    """The initiative an item describes, when its source names one of the graph (by IRI or local name)."""
    if source in index.initiatives:
        return {source}
    local = source.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return {iri for iri in index.initiatives if iri.rsplit("/", 1)[-1] == local} if local else set()
