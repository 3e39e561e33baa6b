"""What the core team decides is published like everything else (issue 5): the downloads, the named graph pages
and VoID carry the curated links and the history; a confirmed link never drops out of a download."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Flask

from kg.curation import CURATION, HISTORY
from kg.namespaces import ID, SKK
from tests.editing import agent

LINK = ID + "link/maltider-och-moten--3.4"


def test_downloads_and_graph_pages_carry_the_curation_and_its_history(edit_app: Flask) -> None:
    edit_app.extensions["kg"].curation.set_link_status(LINK, "confirmed", agent(edit_app), "Stämmer.", 0)
    client = edit_app.test_client()
    dump = client.get("/download/samhallskontraktet.nq")
    assert dump.status_code == 200
    quads = list(ox.parse(dump.data, format=ox.RdfFormat.N_QUADS))
    confirmed = ox.Quad(
        ox.NamedNode(LINK), ox.NamedNode(SKK + "linkStatus"), ox.NamedNode(SKK + "confirmed"), ox.NamedNode(CURATION)
    )
    assert confirmed in quads
    assert any(q.graph_name == ox.NamedNode(HISTORY) and q.object.value == "Stämmer." for q in quads)
    for graph in (CURATION, HISTORY):
        page = client.get(graph.removeprefix("https://w3id.org/samhallskontraktet"), headers={"Accept": "text/turtle"})
        assert page.status_code == 200
        triples = list(ox.parse(page.data, format=ox.RdfFormat.TURTLE))
        assert any(ox.NamedNode(LINK) in (t.subject, t.object) for t in triples), graph
    void = list(ox.parse(client.get("/void", headers={"Accept": "text/turtle"}).data, format=ox.RdfFormat.TURTLE))
    subsets = {t.object for t in void if t.predicate == ox.NamedNode("http://rdfs.org/ns/void#subset")}
    assert {ox.NamedNode(CURATION), ox.NamedNode(HISTORY)} <= subsets
