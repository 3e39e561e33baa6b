"""The pictures' geometry: a force-directed layout (Fruchterman–Reingold, the method of networkx's spring_layout,
written out in plain Python so that no numpy is needed) with a fixed seed, so the same data always gives the same
picture, scaled into an SVG view box. Only the most connected nodes are drawn (MAX_DRAWN); the tables list all."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

SEED = 2030
WIDTH, HEIGHT, PAD = 960, 600, 48
MAX_DRAWN = 60  # nodes in a picture; a bigger picture is unreadable (the tables list every node)
SPREAD, GRAVITY = 2.0, 3.0  # the ideal distance between nodes (times 1/√n) and the pull to the centre
LABEL_CHARS, CHAR_WIDTH, LABEL_HEIGHT = 34, 7.6, 18  # labels are cut after 34 characters; 14 px text


@dataclass(frozen=True)
class Placed:
    iri: str
    x: float
    y: float
    r: float  # radius: grows with the weighted degree
    lx: float  # where its label goes: x, y and the SVG text-anchor (start: right of the node, end: left of it,
    ly: float  # middle: above or below it), chosen to overlap other labels and nodes as little as possible
    anchor: str


@dataclass(frozen=True)
class Line:
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float  # grows with the weight
    weight: int
    dashed: bool  # only proposed links make this tie


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[Placed, ...]
    lines: tuple[Line, ...]
    linked: int  # nodes with at least one tie (the candidates for the picture)

    @property
    def shown(self) -> int:
        return len(self.nodes)


def spring_layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str, float]], *, seed: int = SEED, iterations: int = 120
) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]² for `nodes`: ties pull (more with more weight), all nodes push each other apart,
    a weak pull to the centre keeps separate groups in view. Deterministic for the same input and seed."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    rng = random.Random(seed)
    xs, ys = [rng.random() for _ in nodes], [rng.random() for _ in nodes]
    index = {v: i for i, v in enumerate(nodes)}
    heaviest = max((w for _, _, w in edges), default=1.0) or 1.0
    springs = [(index[a], index[b], 0.5 + w / heaviest) for a, b, w in edges]
    k = SPREAD * math.sqrt(1.0 / n)  # the ideal distance between nodes
    k2 = k * k
    temperature, cooling = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        mx, my = [0.0] * n, [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                dx, dy = xi - xs[j], yi - ys[j]
                push = k2 / max(dx * dx + dy * dy, 1e-6)
                mx[i] += dx * push
                my[i] += dy * push
                mx[j] -= dx * push
                my[j] -= dy * push
        for a, b, strength in springs:
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            pull = math.hypot(dx, dy) / k * strength
            mx[a] -= dx * pull
            my[a] -= dy * pull
            mx[b] += dx * pull
            my[b] += dy * pull
        for i in range(n):
            mx[i] -= (xs[i] - 0.5) * GRAVITY
            my[i] -= (ys[i] - 0.5) * GRAVITY
            length = math.hypot(mx[i], my[i])
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += mx[i] * step
                ys[i] += my[i] * step
        temperature -= cooling
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    low_x, low_y = min(xs), min(ys)
    return {v: ((xs[i] - low_x) / span_x, (ys[i] - low_y) / span_y) for i, v in enumerate(nodes)}


Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_labels(nodes: Sequence[tuple[str, float, float, float, int]]) -> dict[str, tuple[float, float, str]]:
    """For each node (iri, x, y, r, characters of its longest label), the label's x, y and anchor: right or left of
    the node (the outer side first), else below or above it, whichever overlaps the labels placed before it, the
    nodes and the edges of the view least. The most connected nodes choose first."""
    circles = [(x - r, y - r, x + r, y + r) for _, x, y, r, _ in nodes]
    taken: list[Box] = []
    found = {}
    for iri, x, y, r, chars in nodes:
        width, half = min(chars, LABEL_CHARS) * CHAR_WIDTH, LABEL_HEIGHT / 2
        right = (x + r + 5, y, "start", (x + r + 5, y - half, x + r + 5 + width, y + half))
        left = (x - r - 5, y, "end", (x - r - 5 - width, y - half, x - r - 5, y + half))
        below = (x, y + r + 12, "middle", (x - width / 2, y + r + 3, x + width / 2, y + r + 3 + LABEL_HEIGHT))
        above = (x, y - r - 10, "middle", (x - width / 2, y - r - 3 - LABEL_HEIGHT, x + width / 2, y - r - 3))
        choices = [left, right] if x > WIDTH / 2 else [right, left]

        def cost(box: Box) -> float:
            outside = (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, (0, 0, WIDTH, HEIGHT))
            return 3 * outside + sum(_overlap(box, t) for t in taken) + sum(_overlap(box, c) for c in circles)

        lx, ly, anchor, box = min([*choices, below, above], key=lambda choice: cost(choice[3]))
        taken.append(box)
        found[iri] = (round(lx, 1), round(ly, 1), anchor)
    return found


def draw(
    ranked: Sequence[tuple[str, int, int]],
    edges: Sequence[tuple[str, str, int, bool]],
    *,
    seed: int = SEED,
) -> Drawing:
    """The picture of a network: `ranked` = (node, weighted degree, characters of its longest label) most
    connected first; `edges` = (a, b, weight, dashed). Nodes without ties are left out (the page names them); of
    the others the first MAX_DRAWN are drawn."""
    linked = [(iri, strength, chars) for iri, strength, chars in ranked if strength > 0]
    chosen = {iri: (strength, chars) for iri, strength, chars in linked[:MAX_DRAWN]}
    kept = [(a, b, w, dashed) for a, b, w, dashed in edges if a in chosen and b in chosen]
    positions = spring_layout(list(chosen), [(a, b, float(w)) for a, b, w, _ in kept], seed=seed)
    strongest = max((s for s, _ in chosen.values()), default=1) or 1
    heaviest = max((w for _, _, w, _ in kept), default=1) or 1

    def at(iri: str) -> tuple[float, float]:
        u, v = positions[iri]
        return round(PAD + u * (WIDTH - 2 * PAD), 1), round(PAD + v * (HEIGHT - 2 * PAD), 1)

    circles = [
        (iri, *at(iri), round(9 + 11 * math.sqrt(s / strongest), 1), chars) for iri, (s, chars) in chosen.items()
    ]
    labels = place_labels(circles)
    placed = tuple(Placed(iri, x, y, r, *labels[iri]) for iri, x, y, r, _ in circles)
    lines = []
    for a, b, weight, dashed in kept:
        (x1, y1), (x2, y2) = at(a), at(b)
        lines.append(Line(a, b, x1, y1, x2, y2, round(1.5 + 6 * weight / heaviest, 1), weight, dashed))
    return Drawing(WIDTH, HEIGHT, placed, tuple(lines), len(linked))
