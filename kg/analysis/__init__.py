"""Network analysis of the collaboration with networkx (issue 6).

Three views of the graph, read with the queries of kg.analysis.reading (kg/queries/analysis/reading/) and
measured with networkx:

* **partners**: organisations tied when they take part in (or fund) the same initiative; weight = the number of
  initiatives they share;
* **goals** and **targets**: tied when the same initiative serves both (links confirmed or proposed, or
  confirmed only); weight = the number of such initiatives, and how many of them are confirmed at both ends;
* **bridges**: the bipartite initiative–goal view: which initiatives serve the most goals.

Per node: degree, weighted degree, betweenness centrality and community (Louvain, fixed seed); per network:
modularity, density, components, and a picture (a seeded force layout, kg.analysis.layout). Everything is
deterministic and computed once per state of the data (`analysis_for`, keyed by kg.statecache.state_key).

Modules: `reading` (the queries), `measures` (one network and its measures), `layout` (the picture), `model`
(the whole analysis and its cache), `questions` (what each table answers), `output` (text, JSON, CSV) and `cli`.
"""

from kg.analysis.layout import MAX_DRAWN, Drawing, Line, Placed
from kg.analysis.measures import Edge, Network, Node
from kg.analysis.model import LEVELS, Analysis, Bridge, analysis_for, compute
from kg.analysis.questions import QUESTIONS, question
from kg.analysis.reading import CONFIRMED, PROPOSED, Facts, Thing

__all__ = [
    "CONFIRMED",
    "LEVELS",
    "MAX_DRAWN",
    "PROPOSED",
    "QUESTIONS",
    "Analysis",
    "Bridge",
    "Drawing",
    "Edge",
    "Facts",
    "Line",
    "Network",
    "Node",
    "Placed",
    "Thing",
    "analysis_for",
    "compute",
    "question",
]
