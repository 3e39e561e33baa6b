"""The interactive graph's data: nodes and edges for vis-network, built from `kg.graphview.to_networkx`.

The expensive part (the networkx view, a few queries, every node's and edge's drawing data) is
computed once per store, language and base IRI and kept until the data changes (`network_base`); a
request only selects from it (`select_view`, `network_data`), and its answer is remembered too. What is shown:

* by default the whole graph except indicators, the targets that no initiative is linked to and the
  nodes left without relations (goals always show); `View(show_all=True)` shows those too;
* filters (goal, focus area, initiative status, partner, perspective) select initiatives and keep
  what they connect to: their targets and those targets' goals, partners, focus areas, perspectives,
  themes, events; values of one filter are alternatives, different filters must all hold;
* `View(node=IRI, depth=1..3)`: the neighbourhood of one node (networkx `ego_graph` on the
  undirected graph of what the filters keep).

Links to targets are drawn dashed while proposed and solid when confirmed, thick when primary;
rejected links are not drawn.

Modules: `drawing` (type and relation names, styles and icons, the node and edge dicts), `reading` (the
graph read into nodes and edges), `model` (`NetworkBase`, what the filters match, the cache) and `views`
(query parameters, filters and neighbourhoods, the answer as data or JSON).
"""

from kg.network.drawing import (
    RELATION_NAMES,
    STATUS_ORDER,
    STYLES,
    TYPE_NAMES,
    TYPE_ORDER,
    UNSTATED,
    UNSTATED_NAMES,
    Style,
)
from kg.network.model import FILTERS, NetworkBase, network_base
from kg.network.views import (
    DEPTHS,
    InvalidParameter,
    View,
    neighbourhood,
    network_data,
    parse_view,
    select_json,
    select_view,
)

__all__ = [
    "DEPTHS",
    "FILTERS",
    "RELATION_NAMES",
    "STATUS_ORDER",
    "STYLES",
    "TYPE_NAMES",
    "TYPE_ORDER",
    "UNSTATED",
    "UNSTATED_NAMES",
    "InvalidParameter",
    "NetworkBase",
    "Style",
    "View",
    "neighbourhood",
    "network_base",
    "network_data",
    "parse_view",
    "select_json",
    "select_view",
]
