"""The search's substring index (kg.textindex: SQLite FTS5, trigrams): parts of Swedish compounds are found, a query
shorter than three characters still works, and the index never changes an answer (the same hits, ranks and order
as comparing every document)."""

from __future__ import annotations

import sqlite3

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg.search import SearchIndex, SearchResults
from kg.textindex import MIN_NEEDLE, available


@pytest.fixture(scope="module")
def index(store: ox.Store) -> SearchIndex:
    return SearchIndex.load(store)


def summary(results: SearchResults) -> list:
    return [
        (g.kind, g.total, [(h.iri, h.rank, h.name, h.snippet, h.field, h.lang, h.via) for h in g.hits])
        for g in results.groups
    ] + [results.approximate]


def test_this_sqlite_has_the_trigram_tokenizer() -> None:
    assert sqlite3.sqlite_version_info >= (3, 34, 0) and available()


def test_a_part_of_a_compound_is_found(index: SearchIndex, client: FlaskClient) -> None:
    assert index.text_index is not None
    found = {h.iri: h for g in index.search("omsorg").groups for h in g.hits}
    assert any("äldreomsorg" in "".join(text for text, _ in h.snippet + h.name).lower() for h in found.values())
    skola = {g.kind: g for g in index.search("skola").groups}
    assert "organisation" in skola  # "högskola" in an organisation's name
    marked = [text for h in skola["organisation"].hits for text, hit in h.name + h.snippet if hit]
    assert any(text.lower() == "skola" for text in marked)
    page = client.get("/search", query_string={"q": "omsorg"}).get_data(as_text=True)
    assert "äldre<mark>omsorg</mark>" in page.lower()


@pytest.mark.parametrize(
    "query",
    ["omsorg", "skola", "äldre", "aldre", "Ensamhet", "psykisk hälsa", "hälsa ensamhet", "3.4", "3", "sk", "ö", "en"],
)
def test_the_index_gives_the_same_answer_as_comparing_every_document(index: SearchIndex, query: str) -> None:
    full = SearchIndex.__new__(SearchIndex)  # the same documents, without a text index: every one compared
    full.documents, full._ordered, full.text_index = index.documents, index._ordered, None
    for lang in ("sv", "en"):
        assert summary(index.search(query, lang)) == summary(full.search(query, lang)), (query, lang)


def test_a_query_shorter_than_three_characters_is_still_searched(index: SearchIndex) -> None:
    assert index.text_index.containing("sk", "low") is None and MIN_NEEDLE == 3
    assert index.candidates("sk", [], "low") == index._ordered  # every document is compared
    found = index.search("sk")
    shown = ["".join(text for text, _ in hit.name + hit.snippet).lower() for hit in found.groups[0].hits]
    assert found.total > 0 and all("sk" in text for text in shown)
    assert index.search("3.4").groups[0].hits[0].code == "3.4"


def test_the_index_narrows_the_documents_compared(index: SearchIndex) -> None:
    candidates = index.candidates("äldreomsorg", [], "low")
    assert 0 < len(candidates) < len(index.documents) / 10
    assert all(any("äldreomsorg" in t.low for t in d.texts) for d in candidates)
    assert index.text_index.containing('"; DROP TABLE texts; --', "low") == set()  # bound as FTS5 text
