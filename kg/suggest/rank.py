"""Ranking the targets for a text, with the reasons of each suggestion.

A target's score is the sum of four kinds of evidence, each word weighted by its idf (kg.suggest.index):
- `lexicon`: a term of the project's lexicon for the target occurs in the text (its words, in any form, close
  together; a one-word term also as a part of a compound): LEXICON × how specific the term is;
- `text`: words of the target's own text occur in the text (BM25: a long target text counts less per word);
- `goal`, `indicator`: words of the goal's text and (English) the indicators' texts, weighing less;
- `initiative`: initiatives already linked to the target (confirmed links count more than proposed ones) whose
  name, description and the link's rationale are similar to the text (cosine of idf-weighted words);
- `prior`: for a target that has any of the evidence above, how many initiatives of the collaboration are linked
  to it already (PRIOR × ln(1 + n)): the targets the collaboration works on are the likelier ones.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from kg.suggest.index import STATUS_WEIGHT, Field, SuggestionIndex
from kg.suggest.words import LANGS, detect_language

LEXICON = 8.0  # a lexicon term: a curated concept, worth more than one rare word of the target's text
GOAL = 0.3
INDICATOR = 0.4
INITIATIVE = 8.0  # × the similarity (0…1) with a linked initiative
SIMILAR = 0.08  # initiatives less similar than this are not evidence
NEIGHBOURS = 5  # at most this many similar links per target count
SIMILAR_SHOWN = 3  # at most this many similar initiatives are named
SPLIT_TERM = 0.8  # a compound term of the lexicon found as separate words (`omsorg om äldre` for `äldreomsorg`)
PRIOR = 2.0
KINDS = ("lexicon", "text", "goal", "indicator", "initiative", "prior")


@dataclass
class Reason:
    kind: str  # one of KINDS
    words: list[str]  # the text's words that matched, in the text's order (empty for `initiative`)
    weight: float
    initiative: str | None = None  # `initiative`: its IRI
    names: dict[str, str] = field(default_factory=dict)  # `initiative`: its name by language
    count: int = 0  # `prior`: how many initiatives are linked to the target


@dataclass
class Suggestion:
    code: str
    iri: str
    score: float
    text: dict[str, str]  # lang -> the target's text
    reasons: list[Reason] = field(default_factory=list)

    def words(self, kind: str) -> list[str]:
        return [w for r in self.reasons if r.kind == kind for w in r.words]


@dataclass
class _Evidence:
    score: float = 0.0
    positions: dict[str, Where] = field(default_factory=lambda: defaultdict(dict))  # kind -> where
    weights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    similar: dict[str, float] = field(default_factory=dict)  # initiative -> weight
    linked: int = 0  # initiatives linked to the target (for `prior`)


Where = dict[int, tuple[str, bool]]  # position -> (the word as shown, whether it is a part of a compound)


def analyse(index: SuggestionIndex, text: str, lang: str) -> dict[str, tuple[float, Where]]:
    """The text's roots: root -> (query weight, where it occurs); a root used several times counts 1 + ln(times).
    A part of a compound is shown with its word: `omsorg [äldreomsorgen]`."""
    weights: dict[str, float] = {}
    positions: dict[str, Where] = defaultdict(dict)
    for term in index.analysers[lang].terms(text):
        weights[term.root] = max(weights.get(term.root, 0.0), term.weight)
        shown = (term.surface, False) if term.part is None else (f"{term.part} [{term.surface}]", True)
        _note(positions[term.root], term.position, shown)
    return {r: (w * (1 + math.log(len(positions[r]))), positions[r]) for r, w in weights.items()}


def _note(where: Where, position: int, shown: tuple[str, bool]) -> None:
    """Remember a matched word at `position`: a whole word wins over a part of it, two parts make the word."""
    old = where.get(position)
    if old is None or (old[1] and not shown[1]):
        where[position] = shown
    elif old[1] and shown[1] and old[0] != shown[0]:
        where[position] = (old[0].split("[", 1)[1].rstrip("]"), False)


def _words(evidence: dict[str, _Evidence], kind: str, field_: Field, query, index, lang, factor: float) -> None:
    for root, (qw, where) in query.items():
        postings = field_.postings.get(root)
        if not postings:
            continue
        weight = factor * qw * index.weight(root, lang)
        for code, value in postings:
            item = evidence[code]
            item.score += weight * value
            item.weights[kind] += weight * value
            for position, shown in where.items():
                _note(item.positions[kind], position, shown)


def _lexicon(index: SuggestionIndex, query, lang: str, evidence: dict[str, _Evidence]) -> None:
    n = len(index.targets)
    by_root = index.lexicon_by_root[lang]
    candidates = {id(t): t for root in query for t in by_root.get(root, ())}
    for term in candidates.values():
        where, roots, factor = _term_positions(term.roots, query), term.roots, 1.0
        if where is None and term.parts:
            where, roots, factor = _term_positions(term.parts, query, separate=True), term.parts, SPLIT_TERM
        if where is None:
            continue
        specific = math.log(1 + n / len(term.targets)) / math.log(1 + n)
        generic = all(r in index.analysers[lang].generic for r in roots)
        value = LEXICON * factor * specific * (1 + 0.25 * (len(roots) - 1)) * (0.2 if generic else 1.0)
        for code in term.targets:
            item = evidence[code]
            item.score += value
            item.weights["lexicon"] += value
            for position, shown in where.items():
                _note(item.positions["lexicon"], position, shown)


def _term_positions(roots: tuple[str, ...], query, separate: bool = False) -> Where | None:
    """Where a lexicon term's words occur in the text close together (within the term's length + 2 words); with
    `separate` (the parts of a compound term) in different words of the text."""
    if any(r not in query for r in roots):
        return None
    if len(roots) == 1:
        return dict(query[roots[0]][1])
    window = len(roots) + 2
    first = query[roots[0]][1]
    for start in sorted(first):
        found = {start: first[start]}
        for root in roots[1:]:
            near = sorted(p for p in query[root][1] if abs(p - start) <= window and not (separate and p in found))
            if not near:
                break
            found[near[0]] = query[root][1][near[0]]
        else:
            return found
    return None


def _initiatives(
    index: SuggestionIndex, query, lang: str, evidence: dict[str, _Evidence], exclude: frozenset[str]
) -> None:
    unit = index.unit({root: qw for root, (qw, _) in query.items()}, lang)
    by_target: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for link in index.links:
        if link.initiative in exclude:
            continue
        bag = link.bags[lang]
        similarity = sum(v * bag[r] for r, v in unit.items() if r in bag)
        if similarity >= SIMILAR:
            by_target[link.code].append((similarity * STATUS_WEIGHT[link.status], link.initiative))
    for code, found in by_target.items():
        for value, initiative in sorted(found, reverse=True)[:NEIGHBOURS]:
            item = evidence[code]
            item.score += INITIATIVE * value
            item.weights["initiative"] += INITIATIVE * value
            item.similar[initiative] = max(item.similar.get(initiative, 0.0), INITIATIVE * value)


def score(
    index: SuggestionIndex, text: str, lang: str, exclude_initiatives: frozenset[str] = frozenset()
) -> dict[str, _Evidence]:
    query = analyse(index, text, lang)
    evidence: dict[str, _Evidence] = defaultdict(_Evidence)
    _words(evidence, "text", index.text[lang], query, index, lang, 1.0)
    _words(evidence, "goal", index.goal[lang], query, index, lang, GOAL)
    _words(evidence, "indicator", index.indicator[lang], query, index, lang, INDICATOR)
    _lexicon(index, query, lang, evidence)
    _initiatives(index, query, lang, evidence, exclude_initiatives)
    _prior(index, evidence, exclude_initiatives)
    return evidence


def _prior(index: SuggestionIndex, evidence: dict[str, _Evidence], exclude: frozenset[str]) -> None:
    linked: dict[str, set[str]] = defaultdict(set)
    for link in index.links:
        if link.initiative not in exclude and link.code in evidence:
            linked[link.code].add(link.initiative)
    for code, initiatives in linked.items():
        value = PRIOR * math.log(1 + len(initiatives))
        evidence[code].score += value
        evidence[code].weights["prior"] += value
        evidence[code].linked = len(initiatives)


def _reasons(index: SuggestionIndex, item: _Evidence) -> list[Reason]:
    reasons = []
    named: set[str] = set()
    for kind in KINDS[:-2]:
        if item.weights.get(kind):
            words = [w for w in dict.fromkeys(_phrases(item.positions[kind])) if kind != "goal" or w not in named]
            named.update(words)
            if words:  # (the goal's words may all have been named already)
                reasons.append(Reason(kind, words, item.weights[kind]))
    for iri, weight in sorted(item.similar.items(), key=lambda x: -x[1])[:SIMILAR_SHOWN]:
        initiative = index.initiatives.get(iri)
        reasons.append(Reason("initiative", [], weight, iri, dict(initiative.name) if initiative else {}))
    if item.linked:
        reasons.append(Reason("prior", [], item.weights["prior"], count=item.linked))
    return sorted(reasons, key=lambda r: -r.weight)


def _phrases(where: Where) -> list[str]:
    """Whole words at neighbouring positions joined into phrases (`psykisk hälsa`), in lower case unless a word is
    an abbreviation (`KPR`); parts of compounds stand alone."""
    phrases: list[list[str]] = []
    last = None
    for position in sorted(where):
        word, part = where[position]
        word = word if sum(c.isupper() for c in word) > 1 else word.lower()
        if last is not None and position == last + 1 and not part:
            phrases[-1].append(word)
        else:
            phrases.append([word])
        last = None if part else position
    return [" ".join(p) for p in phrases]


def suggest(
    index: SuggestionIndex,
    texts: list[tuple[str, str | None]],
    k: int | None = 10,
    exclude_targets: frozenset[str] = frozenset(),
    exclude_initiatives: frozenset[str] = frozenset(),
) -> list[Suggestion]:
    """The best `k` targets (all that have any evidence when k is None) for one or more texts, each `(text,
    lang)` with lang `sv`, `en` or None (detected); the evidence of several texts (e.g. a description in both
    languages) adds up. Targets whose codes are in `exclude_targets` are left out; links of initiatives in
    `exclude_initiatives` are not evidence (an initiative is never evidence for itself)."""
    total: dict[str, Suggestion] = {}
    for text, lang in texts:
        if not text or not text.strip():
            continue
        lang = lang if lang in LANGS else detect_language(text)
        for code, item in score(index, text, lang, exclude_initiatives).items():
            if code in exclude_targets or item.score <= 0:
                continue
            target = index.targets[code]
            found = total.setdefault(code, Suggestion(code, target.iri, 0.0, target.text))
            found.score += item.score
            found.reasons = _merge(found.reasons, _reasons(index, item))
    ranked = sorted(total.values(), key=lambda s: (-s.score, code_order(s.code)))
    return ranked if k is None else ranked[:k]


def code_order(code: str) -> tuple:
    from kg.toolkit import code_key

    return code_key(code)


def _merge(old: list[Reason], new: list[Reason]) -> list[Reason]:
    merged: dict[tuple, Reason] = {}
    for reason in [*old, *new]:
        key = (reason.kind, reason.initiative)
        if key in merged:
            merged[key].weight += reason.weight
            merged[key].words = list(dict.fromkeys([*merged[key].words, *reason.words]))
            merged[key].count = max(merged[key].count, reason.count)
        else:
            merged[key] = Reason(
                reason.kind, list(reason.words), reason.weight, reason.initiative, reason.names, reason.count
            )
    return sorted(merged.values(), key=lambda r: -r.weight)


def for_initiative(index: SuggestionIndex, initiative: str, k: int | None = 5) -> list[Suggestion]:
    """Suggestions for an initiative of the graph from its own names and descriptions (Swedish and English), leaving
    out the targets it already has links to (also rejected ones) and not using its own links as evidence."""
    item = index.initiatives.get(initiative)
    if item is None:
        return []
    texts = [(item.text(lang), lang) for lang in LANGS if item.text(lang)]
    return suggest(
        index,
        texts,
        k,
        exclude_targets=frozenset(index.linked.get(initiative, ())),
        exclude_initiatives=frozenset({initiative}),
    )
