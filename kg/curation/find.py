"""Finding the target a core team member means when adding a link: by its code ("3.4", "delmål 3.4") or by
words in Swedish or English ("ensamhet", "loneliness").

Words are searched with the site's search index (kg.search: the targets' own texts in both languages, and the
rationales of the links that initiatives already have to them). A target whose own text or code matches is
preferred; only when none does are the targets found through rationales offered. The words never reach SPARQL.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.search import TEXT, Document, SearchIndex, index_for, search_index
from kg.toolkit import Record, code_key, with_lang

#: at most this many candidates are offered (the member is asked for more precise words beyond that)
MAX_CANDIDATES = 20
#: a target's code, optionally after the word "delmål" or "target"
CODE = re.compile(r"(?:delmål|target)?\s*(\d{1,2}\.[0-9a-z]{1,2})", re.IGNORECASE)


def target_code(text: str) -> str | None:
    """The target code that `text` is, or None when it is words."""
    found = CODE.fullmatch(" ".join(text.split()))
    return found.group(1).lower() if found else None


def find_targets(
    store: ox.Store, text: str, lang: str = "sv", key: tuple | None = None, limit: int = MAX_CANDIDATES
) -> list[Record]:
    """The targets `text` means, best first (at most `limit`): for a code only the target with exactly
    that code (none when there is no such target); for words the targets whose code or text contains them, else
    those found through the rationales of links. Each as {"iri", "code", "text": {"text", "lang"} | None}.
    `key` is the store's cache key for the search index (kg.statecache.state_key)."""
    query = " ".join(text.split())
    if not query:
        return []
    index = index_for(store, key)
    code = target_code(query)
    if code is not None:
        return [candidate(d, lang) for d in targets(index) if d.code == code][:1]
    hits = next((g.hits for g in search_index(index, query, lang, per_kind=10_000).groups if g.kind == "target"), [])
    own = [h for h in hits if h.rank <= TEXT and h.field != "rationale"]
    chosen = own or hits
    return [candidate(index.documents[h.iri], lang) for h in chosen[:limit]]


def targets(index: SearchIndex) -> list[Document]:
    return sorted(
        (d for d in index.documents.values() if d.kind == "target" and d.code), key=lambda d: code_key(d.code or "")
    )


def candidate(document: Document, lang: str) -> Record:
    texts = document.values("text")
    shown = with_lang(texts, lang)
    return Record(
        {
            "iri": document.iri,
            "code": document.code,
            "text": Record({"text": shown[0], "lang": shown[1] or lang}) if shown else None,
        }
    )
