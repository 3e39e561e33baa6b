"""The suggestion index: what the graph says about each target, read once per data state and kept in memory.

Read with five queries (kg/queries/suggest/index/): the targets' texts and their goals' texts (sv, en), the
indicators' texts (en), the lexicon (skk:matchTerm, sv and en), the initiatives' names and descriptions, and
their links that have not been rejected, with the rationale. Every text becomes a bag of word roots
(kg.suggest.words) in which the parts of Swedish compounds (kg.suggest.compounds) count `PART` of a whole word.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.queries import Catalogue
from kg.statecache import per_state
from kg.suggest.compounds import Splitter
from kg.suggest.words import LANGS, generic_roots, is_stop, rooter, tokens
from kg.toolkit import code_key

QUERIES = Catalogue(__name__)

#: what a part of a compound counts, beside a whole word
PART = 0.6
#: how much a link counts as evidence, by its status
STATUS_WEIGHT = {"confirmed": 1.0, "proposed": 0.6}

Bag = dict[str, float]  # root -> weight (the largest of its occurrences)


@dataclass(frozen=True)
class Target:
    iri: str
    code: str
    goal: str
    text: dict[str, str]  # lang -> the target's text


@dataclass(frozen=True)
class LexiconTerm:
    term: str  # as the lexicon writes it
    lang: str
    roots: tuple[str, ...]  # its content words' roots, in order
    targets: tuple[str, ...]  # codes
    parts: tuple[str, ...] = ()  # a one-word compound: its parts' roots (`äldreomsorg` is also `omsorg om äldre`)


@dataclass(frozen=True)
class Link:
    initiative: str
    code: str
    status: str  # confirmed or proposed
    bags: dict[str, Bag]  # lang -> the initiative's texts and the link's rationale (idf-weighted, length 1)


@dataclass
class Initiative:
    iri: str
    name: dict[str, str] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def text(self, lang: str) -> str:
        return " ".join(self.texts.get(lang, []))


@dataclass
class Field:
    """One kind of text about the targets in one language, e.g. the targets' own texts in Swedish."""

    bags: dict[str, Bag]  # code -> bag
    lengths: dict[str, float]  # code -> how many content words
    average: float
    postings: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # root -> (code, weight × norm)

    def __post_init__(self) -> None:
        postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for code, bag in self.bags.items():
            norm = self.norm(code)
            for root, weight in bag.items():
                postings[root].append((code, weight * norm))
        self.postings = dict(postings)

    def norm(self, code: str, k1: float = 1.2, b: float = 0.75) -> float:
        """BM25's factor for a word found once in `code`'s text: long texts count less per word."""
        length = self.lengths.get(code, self.average) / (self.average or 1.0)
        return (k1 + 1) / (1 + k1 * (1 - b + b * length))


class Term(NamedTuple):
    position: int  # the word's number in the text
    surface: str  # the word as written
    root: str
    weight: float  # 1, or PART for a part of a compound
    part: str | None = None  # the part of the compound, for a part


class Analyser:
    """Texts of one language as bags of roots (with the compound parts that the vocabulary knows)."""

    def __init__(self, lang: str, splitter: Splitter | None):
        self.lang, self.splitter = lang, splitter
        self.root = rooter(lang)
        self.generic = generic_roots(lang)
        self._memo: dict[str, list[Term]] = {}

    def terms(self, text: str) -> list[Term]:
        """Every content word of `text`, and after it the parts of it that are known words (a compound)."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) > 20_000:
                self._memo.clear()
            found = self._memo[text] = self._terms(text)
        return found

    def _terms(self, text: str) -> list[Term]:
        found = []
        for token in tokens(text):
            if is_stop(token.word, self.lang):
                continue
            base = self.root(token.word)
            found.append(Term(token.position, token.surface, base, 1.0))
            parts = self.splitter.split(token.word) if self.splitter else None
            for part in parts or ():
                root = self.root(part)
                if root != base:
                    found.append(Term(token.position, token.surface, root, PART, part))
        return found

    def bag(self, text: str | list[Term]) -> Bag:
        bag: Bag = {}
        for term in self.terms(text) if isinstance(text, str) else text:
            if term.weight > bag.get(term.root, 0.0):
                bag[term.root] = term.weight
        return bag


class SuggestionIndex:
    def __init__(self, store: ox.Store):
        target_rows = QUERIES.rows(store, "targets")
        self.targets: dict[str, Target] = {}
        goal_texts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in sorted(target_rows, key=lambda r: code_key(r["code"])):
            text = {lang: row.get("text" + lang.title()) or "" for lang in LANGS}
            self.targets[row["code"]] = Target(row["target"], row["code"], row.get("goalCode") or "", text)
            for lang in LANGS:
                for name in ("goal", "goalShort"):
                    value = row.get(name + lang.title())
                    if value and value not in goal_texts[row["code"]][lang]:
                        goal_texts[row["code"]][lang].append(value)
        indicators: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in QUERIES.rows(store, "indicators"):
            code = row["target"].rsplit("/", 1)[-1]
            if row["lang"] in LANGS:
                indicators[code][row["lang"]].append(row["text"])
        self.initiatives = self._initiatives(store)
        link_rows = QUERIES.rows(store, "links")
        lexicon_rows = QUERIES.rows(store, "lexicon")

        self.analysers = {"sv": _swedish(self._swedish_words(goal_texts, lexicon_rows)), "en": _ENGLISH}
        self.text = {lang: self._field({c: t.text[lang] for c, t in self.targets.items()}, lang) for lang in LANGS}
        self.goal = {
            lang: self._field({c: " ".join(goal_texts[c][lang]) for c in self.targets}, lang) for lang in LANGS
        }
        self.indicator = {
            lang: self._field({c: " ".join(indicators[c][lang]) for c in self.targets}, lang) for lang in LANGS
        }
        self.idf = {lang: self._idf(lang) for lang in LANGS}
        self.lexicon = self._lexicon(lexicon_rows)
        self.lexicon_by_root: dict[str, dict[str, list[LexiconTerm]]] = {}  # lang -> first root -> terms
        for lang in LANGS:
            by_root: dict[str, list[LexiconTerm]] = defaultdict(list)
            for term in self.lexicon[lang]:
                by_root[term.roots[0]].append(term)
                if term.parts:
                    by_root[term.parts[0]].append(term)
            self.lexicon_by_root[lang] = dict(by_root)
        self.links = self._links(link_rows)

    # ------------------------------------------------------------ reading

    @staticmethod
    def _initiatives(store: ox.Store) -> dict[str, Initiative]:
        found: dict[str, Initiative] = {}
        for row in QUERIES.rows(store, "initiatives"):
            item = found.setdefault(row["initiative"], Initiative(row["initiative"]))
            lang = row["lang"] if row["lang"] in LANGS else "sv"  # the source's wording is Swedish
            if row["field"] == "name":
                item.name.setdefault(lang, row["value"])
            if row["value"] not in item.texts[lang]:
                item.texts[lang].append(row["value"])
        return found

    def _swedish_words(self, goal_texts, lexicon_rows) -> frozenset[str]:
        """Every Swedish word of the targets', goals' and initiatives' texts and the lexicon: what compounds are
        split against."""
        texts = [t.text["sv"] for t in self.targets.values()]
        texts += [" ".join(g["sv"]) for g in goal_texts.values()]
        texts += [r["term"] for r in lexicon_rows if r["lang"] in ("sv", "")]
        texts += [i.text("sv") for i in self.initiatives.values()]
        words = (t.word for text in texts for t in tokens(text))
        return frozenset(w for w in words if not is_stop(w, "sv") and w.isalpha())

    def _field(self, texts: dict[str, str], lang: str) -> Field:
        analyser = self.analysers[lang]
        bags, lengths = {}, {}
        for code, text in texts.items():
            terms = analyser.terms(text)
            bags[code] = analyser.bag(terms)
            lengths[code] = float(sum(1 for t in terms if t.weight == 1.0))
        present = [n for n in lengths.values() if n]
        return Field(bags, lengths, sum(present) / len(present) if present else 1.0)

    def _idf(self, lang: str) -> dict[str, float]:
        """Inverse document frequency over the targets (a target's text with its goal's and indicators'): a root
        found under many targets weighs little; generic words of initiative descriptions a fifth."""
        df: dict[str, int] = defaultdict(int)
        for code in self.targets:
            roots = set(self.text[lang].bags[code]) | set(self.goal[lang].bags[code])
            roots |= set(self.indicator[lang].bags[code])
            for root in roots:
                df[root] += 1
        n = len(self.targets)
        return {root: math.log(1 + (n - count + 0.5) / (count + 0.5)) for root, count in df.items()}

    def weight(self, root: str, lang: str) -> float:
        """A root's weight: its idf (the largest for a root no target text has), a fifth for generic words."""
        value = self.idf[lang].get(root, math.log(1 + (len(self.targets) + 0.5) / 0.5))
        return value * (0.2 if root in self.analysers[lang].generic else 1.0)

    def _lexicon(self, rows: list[dict]) -> dict[str, list[LexiconTerm]]:
        grouped: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in rows:
            code = row["target"].rsplit("/", 1)[-1]
            if code not in self.targets:
                continue
            for lang in [row["lang"]] if row["lang"] in LANGS else list(LANGS):
                grouped[(lang, " ".join(row["term"].split()))].add(code)
        lexicon: dict[str, list[LexiconTerm]] = {lang: [] for lang in LANGS}
        for (lang, term), codes in sorted(grouped.items()):
            terms = self.analysers[lang].terms(term)
            roots = tuple(dict.fromkeys(t.root for t in terms if t.weight == 1.0))
            parts = tuple(dict.fromkeys(t.root for t in terms if t.weight != 1.0)) if len(roots) == 1 else ()
            if roots:
                lexicon[lang].append(
                    LexiconTerm(term, lang, roots, tuple(sorted(codes, key=code_key)), parts if len(parts) > 1 else ())
                )
        return lexicon

    def _links(self, rows: list[dict]) -> list[Link]:
        """The links with, per language, the initiative's name and texts and the link's rationale as one bag,
        weighted by idf over the initiatives (a word that most initiatives use, like `äldre` here, weighs little)."""
        rationales: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        found: dict[str, tuple[str, str, str]] = {}
        self.linked: dict[str, set[str]] = defaultdict(set)  # initiative -> codes of its links (also rejected)
        for row in rows:
            status = row["status"].removeprefix(SKK)
            self.linked[row["initiative"]].add(row["code"])
            if status not in STATUS_WEIGHT or row["code"] not in self.targets:
                continue
            found[row["link"]] = (row["initiative"], row["code"], status)
            if row.get("rationale"):
                rationales[row["link"]][row["lang"] if row["lang"] in LANGS else "sv"].append(row["rationale"])
        bags = {
            iri: {
                lang: self.analysers[lang].bag(
                    " ".join(
                        [
                            self.initiatives[initiative].text(lang) if initiative in self.initiatives else "",
                            *rationales[iri][lang],
                        ]
                    )
                )
                for lang in LANGS
            }
            for iri, (initiative, _, _) in found.items()
        }
        self.link_idf = {lang: self._initiative_idf(lang, found, bags) for lang in LANGS}
        return [
            Link(initiative, code, status, {lang: self.unit(bags[iri][lang], lang) for lang in LANGS})
            for iri, (initiative, code, status) in sorted(found.items())
        ]

    def _initiative_idf(self, lang: str, found: dict, bags: dict) -> dict[str, float]:
        words: dict[str, set[str]] = defaultdict(set)  # initiative -> its roots (and its links' rationales')
        for initiative in self.initiatives:
            words[initiative] |= set(self.analysers[lang].bag(self.initiatives[initiative].text(lang)))
        for iri, (initiative, _, _) in found.items():
            words[initiative] |= set(bags[iri][lang])
        df: dict[str, int] = defaultdict(int)
        for roots in words.values():
            for root in roots:
                df[root] += 1
        n = max(len(words), 1)
        return {root: math.log(1 + (n - count + 0.5) / (count + 0.5)) for root, count in df.items()}

    def unit(self, bag: Bag, lang: str) -> Bag:
        """The bag weighted by idf over the initiatives, scaled to length 1 (for cosine similarity)."""
        idf, rare = self.link_idf[lang], math.log(1 + (len(self.initiatives) + 0.5) / 0.5)
        generic = self.analysers[lang].generic
        weighted = {root: w * idf.get(root, rare) * (0.2 if root in generic else 1.0) for root, w in bag.items()}
        size = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        return {root: v / size for root, v in weighted.items()}


_LOCK = threading.Lock()
_ENGLISH = Analyser("en", None)
_SWEDISH: dict[frozenset[str], Analyser] = {}


def _swedish(vocabulary: frozenset[str]) -> Analyser:
    """The Swedish analyser for a vocabulary, kept while the vocabulary stays the same (a change of a link or a
    status does not change it), so that what it has split and reduced is not done again."""
    with _LOCK:
        analyser = _SWEDISH.get(vocabulary)
        if analyser is None:
            _SWEDISH.clear()
            analyser = _SWEDISH[vocabulary] = Analyser("sv", Splitter(vocabulary, rooter("sv")))
        return analyser


def index_for(store: ox.Store, key: tuple | None = None) -> SuggestionIndex:
    """The index of `store`, built once per `key` (kg.statecache.state_key of its folder: it changes with every build
    and every curation change; kept in kg.statecache); without a key, built every time."""
    return per_state(key, "suggestion-index", lambda: SuggestionIndex(store), pinned=True)
