"""Search over the names, codes and texts of the graph, in Swedish and English.

How: the searchable texts are read once per store with three queries (kg/queries/search/: kinds, texts,
search-rationales) and indexed by their substrings in SQLite FTS5 with the trigram tokenizer (kg.textindex), which
names the documents that can contain the query; only those are compared in Python (a query shorter than three
characters, which trigrams cannot look up, is compared with every document). The index is kept per store, keyed by
the store's path and its modification (kg.statecache.state_key), so a rebuilt store or a change is read again. The
user's query never reaches SPARQL (nor SQL: it is bound as FTS5 text).

What is searched: names (prefLabel, a goal's short title, other and former names), codes (goal, target and
indicator codes) and texts (descriptions, definitions, tasks, notes, the source's wording, the targets'
and indicators' texts) of goals, targets, indicators, initiatives, organisations, focus areas, challenges,
perspectives, functions, themes and events; and the rationales of the links from initiatives to targets,
so that a target is found through why initiatives serve it (and the initiative through the same text).

Matching: case-insensitive substring matching on the text as written, so å, ä and ö match themselves and a
part of a Swedish compound word is found ("äldre" in "äldreomsorg"). Only when that finds nothing is the
search repeated without diacritics ("aldre" finds "äldre"), and the answer says so. A query of several
words matches the phrase first, then resources that contain every word.

Ranking: a name or code equal to the query > a name or code that begins with it > a name or code that
contains it > a text that contains it > a link's rationale that contains it > every word somewhere.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import SKK
from kg.queries import Catalogue
from kg.statecache import per_state
from kg.textindex import TextIndex
from kg.textindex import available as textindex_available
from kg.toolkit import code_key, in_lang, sort_key

QUERIES = Catalogue(__name__)

#: longer queries are not searched (the answer says so)
MAX_QUERY = 200
#: hits shown per kind (the count says how many there are)
PER_KIND = 20
#: the order of the kinds when their best hits rank the same
KINDS = [
    "goal",
    "target",
    "initiative",
    "organisation",
    "focus-area",
    "challenge",
    "perspective",
    "function",
    "theme",
    "event",
    "indicator",
]
#: kinds whose code is shown as their name (a goal shows its code and short title)
CODED = ("goal", "target", "indicator")
#: how well a text matched, best first
EXACT, STARTS, NAME, TEXT, RATIONALE, WORDS = range(6)
NAME_FIELDS = ("name", "short", "alt", "code", "identifier")

Segments = list[tuple[str, bool]]  # text and whether it is a hit (to be marked)


# ---------------------------------------------------------------- normalising


def lowered(text: str) -> str:
    """Lower case with the same length as `text` (so positions carry over to the original)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def folded(text: str) -> str:
    """Without diacritics (å -> a, é -> e), the same length as `text`."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    if len(stripped) == len(text):
        return stripped
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text)


def normalise(query: str) -> str:
    """The query as searched: NFC, lower case, runs of white space as one space."""
    return lowered(" ".join(unicodedata.normalize("NFC", query).split()))


# ---------------------------------------------------------------- the index


@dataclass(frozen=True)
class Text:
    field: str  # name, short, alt, code, text, rationale
    value: str
    lang: str  # "sv", "en" or "" (no language)
    low: str
    fold: str
    via: str | None = None  # a rationale: the other end of the link (initiative or target)
    status: str | None = None  # a rationale: "proposed" or "confirmed"

    @property
    def rank(self) -> int:
        return NAME if self.field in NAME_FIELDS else TEXT if self.field == "text" else RATIONALE


@dataclass
class Document:
    iri: str
    kind: str
    texts: list[Text] = field(default_factory=list)
    _memo: dict = field(default_factory=dict, repr=False)

    def values(self, name: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for text in self.texts:
            if text.field == name:
                found.setdefault(text.lang, text.value)
        return found

    @property
    def code(self) -> str | None:
        if "code" not in self._memo:
            self._memo["code"] = self._code()
        return self._memo["code"]

    def _code(self) -> str | None:
        codes = sorted((t.value for t in self.texts if t.field == "code"), key=code_key)
        return codes[0] if codes else None

    def name(self, lang: str) -> str:
        """The name in `lang` (else the other language): a goal's short title, otherwise its prefLabel."""
        if ("name", lang) not in self._memo:
            self._memo[("name", lang)] = self._name(lang)
        return self._memo[("name", lang)]

    def sort_key(self, lang: str) -> tuple:
        """Targets by code (3.4 before 3.10), then by name the Swedish way."""
        if ("sort", lang) not in self._memo:
            code = self.code if self.kind in CODED else None
            self._memo[("sort", lang)] = (code_key(code) if code else (), sort_key(self.name(lang), lang))
        return self._memo[("sort", lang)]

    def _name(self, lang: str) -> str:
        for field_name in ("short", "name") if self.kind == "goal" else ("name", "alt", "code"):
            names = self.values(field_name)
            value = in_lang(names, lang)
            if value:
                return value
        return self.iri


def _form(value: str, attr: str) -> str:
    """`value` as the search compares it: lower case ("low") or also without diacritics ("fold")."""
    low = lowered(unicodedata.normalize("NFC", value))
    return folded(low) if attr == "fold" else low


def _text(field_name: str, value: str, lang: str, **extra: str | None) -> Text:
    value = unicodedata.normalize("NFC", value)
    low = lowered(value)
    return Text(field_name, value, lang, low, folded(low), **extra)


class SearchIndex:
    """The searchable texts of one store, with their substring index (kg.textindex: SQLite FTS5, trigrams)."""

    def __init__(self, documents: dict[str, Document]):
        self.documents = documents
        self._ordered = list(documents.values())
        self.text_index = (
            TextIndex(([t.low for t in d.texts], [t.fold for t in d.texts]) for d in self._ordered)
            if textindex_available()
            else None
        )

    def candidates(self, needle: str, terms: list[str], attr: str) -> list[Document]:
        """The documents that can match `needle` (or, with two words or more, every one of `terms`) in the form
        `attr`, in the index's order: those the text index names, or every document when the needle (or every
        word) is shorter than the index can look up (kg.textindex.MIN_NEEDLE) or there is no index."""
        if self.text_index is None:
            return self._ordered
        found = self.text_index.containing(needle, attr)
        if found is not None and len(terms) >= 2:
            words = self.text_index.containing_all(terms, attr)
            found = None if words is None else found | words
        if found is None:
            return self._ordered
        return [self._ordered[number] for number in sorted(found)]

    @classmethod
    def load(cls, store: ox.Store) -> SearchIndex:
        kinds: dict[str, tuple[int, str]] = {}
        for row in QUERIES.rows(store, "kinds"):
            rank = (int(row["rank"]), KINDS.index(row["kind"]) if row["kind"] in KINDS else len(KINDS))
            if row["resource"] not in kinds or rank < kinds[row["resource"]][0]:
                kinds[row["resource"]] = (rank, row["kind"])
        documents = {iri: Document(iri, kind) for iri, (_, kind) in kinds.items()}
        seen: set[tuple] = set()
        for row in QUERIES.rows(store, "texts"):
            document = documents.get(row["resource"])
            if document is None or row["value"] is None:
                continue
            field_name = row["field"]
            if field_name == "name" and document.kind in ("target", "indicator"):
                field_name = "text"  # a target's prefLabel is its text; its code is its name
            key = (row["resource"], field_name, str(row["value"]), row["lang"])
            if key not in seen:
                seen.add(key)
                document.texts.append(_text(field_name, str(row["value"]), row["lang"] or ""))
        for row in QUERIES.rows(store, "rationales"):
            status = row["status"][len(SKK) :] if row["status"].startswith(SKK) else row["status"]
            for own, other in ((row["target"], row["initiative"]), (row["initiative"], row["target"])):
                if own in documents:
                    documents[own].texts.append(
                        _text("rationale", row["rationale"], row["lang"] or "", via=other, status=status)
                    )
        return cls(documents)

    def search(self, query: str, lang: str = "sv", per_kind: int = PER_KIND) -> SearchResults:
        return search_index(self, query, lang, per_kind)


def index_for(store: ox.Store, key: tuple | None = None) -> SearchIndex:
    """The index of `store`, read once per `key` (kg.statecache.state_key); without a key, read every time."""
    return per_state(key, "search-index", lambda: SearchIndex.load(store), pinned=True)


# ---------------------------------------------------------------- searching


@dataclass
class Hit:
    iri: str
    kind: str
    rank: int  # EXACT … WORDS
    code: str | None  # goals, targets, indicators
    code_hit: bool  # the code matched
    name: Segments  # the name in the chosen language, hits marked (empty for targets and indicators)
    snippet: Segments  # where it matched (or, for targets and indicators, their text)
    field: str  # the field of the snippet: name, short, alt, code, text, rationale
    lang: str  # the language of the snippet ("" when none)
    via: str | None = None  # a rationale: the initiative or target at the other end of the link
    via_name: str | None = None
    via_code: str | None = None
    status: str | None = None  # a rationale: the link's status


@dataclass
class Group:
    kind: str
    hits: list[Hit]
    total: int  # hits of this kind (only the first PER_KIND are listed)


@dataclass
class SearchResults:
    query: str  # as given (white space tidied)
    too_long: bool = False
    approximate: bool = False  # found only by ignoring diacritics
    groups: list[Group] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)


def _terms(phrase: str) -> list[str]:
    """The words of a query that are searched one by one when the phrase is not found (two letters or more)."""
    return [t for t in phrase.split(" ") if len(t) > 1 and any(c.isalnum() for c in t)]


def _match(document: Document, phrase: str, terms: list[str], attr: str) -> tuple[int, Text, list[str]] | None:
    """The best matching text of a document: (rank, text, needles to mark), or None. Among texts of the same rank
    the one where the phrase comes first wins, then the first in alphabetical order (never the store's row order)."""
    best: tuple[int, Text, list[str]] | None = None
    best_key: tuple[int, int, str] | None = None
    for text in document.texts:
        haystack = getattr(text, attr)
        if phrase not in haystack:
            continue
        if text.field in NAME_FIELDS:
            rank = EXACT if haystack == phrase else STARTS if haystack.startswith(phrase) else NAME
        else:
            rank = text.rank
        key = (rank, haystack.find(phrase), text.value)
        if best_key is None or key < best_key:
            best, best_key = (rank, text, [phrase]), key
    if best is not None or len(terms) < 2:
        return best
    present = [t for t in terms if any(t in getattr(x, attr) for x in document.texts)]
    if len(present) < len(terms):
        return None
    richest = max(document.texts, key=lambda x: (sum(t in getattr(x, attr) for t in terms), -x.rank))
    return WORDS, richest, terms


def highlight(value: str, haystack: str, needles: list[str], window: int | None = None) -> Segments:
    """`value` cut into segments, the occurrences of `needles` in `haystack` (same length) marked; with
    `window`, only about that many characters around the first hit, with "…" where text is left out."""
    needles = [n for n in needles if n]
    lo, hi = 0, len(value)
    if window is not None and len(value) > window:
        firsts = [p for p in (haystack.find(n) for n in needles) if p >= 0]
        first = min(firsts) if firsts else 0
        lo = max(0, first - window // 3)
        if lo:
            space = value.find(" ", lo, first)
            lo = space + 1 if space >= 0 else lo
        hi = min(len(value), lo + window)
        if hi < len(value):
            space = value.rfind(" ", max(first, lo), hi)
            hi = space if space > first else hi
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = haystack.find(needle, lo, hi)
        while start >= 0:
            spans.append((start, min(start + len(needle), hi)))
            start = haystack.find(needle, start + len(needle), hi)
    spans.sort()
    segments: Segments = [("…", False)] if lo > 0 else []
    position = lo
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        if start > position:
            segments.append((value[position:start], False))
        if segments and segments[-1][1] and start == position:
            segments[-1] = (segments[-1][0] + value[start:end], True)
        else:
            segments.append((value[start:end], True))
        position = end
    if position < hi:
        segments.append((value[position:hi], False))
    if hi < len(value):
        segments.append(("…", False))
    return segments


def _summary(document: Document, lang: str) -> Text | None:
    texts = [t for t in document.texts if t.field == "text"]
    texts.sort(key=lambda t: (t.lang != lang, t.lang == ""))
    return texts[0] if texts else None


def _hit(
    index: SearchIndex, document: Document, rank: int, text: Text, needles: list[str], lang: str, attr: str
) -> Hit:
    code = document.code if document.kind in CODED else None
    if code and text.field == "code":
        code = text.value  # an indicator listed under several targets: the code that matched
    code_hit = bool(code) and any(n in _form(code, attr) for n in needles)
    name: Segments = []
    if document.kind not in ("target", "indicator"):
        shown = document.name(lang)
        name = highlight(shown, _form(shown, attr), needles)
        shown_here = text.field in ("name", "short") and text.value == shown
    else:
        shown_here = False
    snippet_text: Text | None = text
    if shown_here or (text.field == "code" and document.kind != "goal"):
        # the match is in the title: show the resource's text instead (for targets and indicators)
        snippet_text = _summary(document, lang) if document.kind in ("target", "indicator") else None
    if text.field == "code" and document.kind == "goal":
        snippet_text = None
    snippet: Segments = []
    if snippet_text is not None:
        snippet = highlight(snippet_text.value, getattr(snippet_text, attr), needles, window=220)
    hit = Hit(
        document.iri,
        document.kind,
        rank,
        code,
        code_hit,
        name,
        snippet,
        snippet_text.field if snippet_text else text.field,
        snippet_text.lang if snippet_text else "",
    )
    if snippet_text is not None and snippet_text.field == "rationale" and snippet_text.via:
        other = index.documents.get(snippet_text.via)
        hit.via = snippet_text.via
        hit.via_name = other.name(lang) if other is not None and other.kind != "target" else None
        hit.via_code = other.code if other is not None and other.kind == "target" else None
        hit.status = snippet_text.status
    return hit


def search_index(index: SearchIndex, query: str, lang: str = "sv", per_kind: int = PER_KIND) -> SearchResults:
    """The resources whose names, codes or texts contain `query`, grouped by kind, best first."""
    shown = " ".join(query.split())
    results = SearchResults(shown)
    if not shown:
        return results
    if len(shown) > MAX_QUERY:
        results.too_long = True
        return results
    phrase = normalise(shown)
    found: dict[str, list[tuple[tuple, Document, tuple[int, Text, list[str]]]]] = defaultdict(list)
    attr = "low"
    for attr, needle in (("low", phrase), ("fold", folded(phrase))):
        terms = _terms(needle)
        for document in index.candidates(needle, terms, attr):
            match = _match(document, needle, terms, attr)
            if match is not None:
                found[document.kind].append(((match[0], *document.sort_key(lang)), document, match))
        if found:
            break
    results.approximate = bool(found) and attr == "fold"
    groups = []
    for kind, matches in found.items():
        matches.sort(key=lambda m: m[0])
        hits = [_hit(index, document, *match, lang, attr) for _, document, match in matches[:per_kind]]
        groups.append(Group(kind, hits, len(matches)))
    groups.sort(key=lambda g: (g.hits[0].rank, KINDS.index(g.kind) if g.kind in KINDS else len(KINDS)))
    results.groups = groups
    return results


def search(store: ox.Store, query: str, lang: str = "sv", key: tuple | None = None) -> SearchResults:
    """Search the store (its index is read once per `key`, see kg.statecache.state_key)."""
    return index_for(store, key).search(query, lang)
