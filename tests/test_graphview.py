"""The networkx view that the interactive graph and the analyses start from."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from kg.graphview import to_networkx
from kg.namespaces import ID, SDG


def test_nodes_and_edges(store: ox.Store) -> None:
    graph = to_networkx(store)
    assert isinstance(graph, nx.MultiDiGraph)
    goal = graph.nodes[SDG + "3"]
    assert goal["type"] == "goal" and goal["colour"] == "#4C9F38" and goal["label"] == "Hälsa och välbefinnande"
    meals = ID + "initiative/maltider-och-moten"
    assert graph.nodes[meals]["type"] == "initiative"
    serves = {v: d for _, v, d in graph.out_edges(meals, data=True) if d["relation"] == "serves"}
    assert serves[SDG + "2.2"]["relevance"] == "primary"
    assert serves[SDG + "2.2"]["status"] == "proposed"
    assert graph.has_edge(SDG + "2.2", SDG + "2")


def test_labels_in_english_with_fallback(store: ox.Store) -> None:
    graph = to_networkx(store, lang="en")
    assert graph.nodes[SDG + "3"]["label"] == "Good health and well-being"
    # places have only a Swedish name: the English view falls back to it
    assert graph.nodes[ID + "place/plaza-hotell-vasteras"]["label"] == "Plaza hotell, Västerås"


def test_partners_are_connected_through_initiatives(store: ox.Store) -> None:
    graph = to_networkx(store).to_undirected()
    assert nx.has_path(graph, ID + "organisation/region-sormland", ID + "organisation/eskilstuna-kommun")
