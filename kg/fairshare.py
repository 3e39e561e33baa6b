"""Who gets the next query worker: a fair share of a few workers among many clients.

The endpoint has a handful of worker processes and any number of clients. Without a rule, two clients that keep
runaway queries in flight hold every worker, and the web server's threads wait behind them. `FairShare` holds the
rule, in one place:

- a client (its address) has at most `per_client` requests in flight, running or waiting: beyond that 429;
- at most `in_flight` requests are in flight in all, so the web server keeps threads for pages: beyond that 503;
- a client's use is the worker time it had, halved every `half_life` seconds; a client that used more than
  `heavy_after` seconds is *heavy*, and heavy clients together hold at most all workers but one and
  `in_flight - 2` places, so that a light client always finds a worker soon;
- among the waiting, the client that used least goes first (then the one that came first);
- waiting has its own limit (`wait`, 503), and the query's time limit starts when it gets its worker.

It knows nothing of processes: `kg.engine.QueryPool` asks it for a turn and tells it when the turn ends.
"""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


class Refused(Exception):
    """No turn: `status` 429 (this client has enough in flight) or 503 (busy), with the seconds to wait."""

    def __init__(self, status: int, message: str, retry_after: int):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


@dataclass
class Turn:
    """One request's place: waiting until `started` is set, then running."""

    client: str
    order: int
    arrived: float
    heavy: bool = False
    started: float | None = None
    granted: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Use:
    seconds: float = 0.0  # worker time, decayed to `at`
    at: float = 0.0


class FairShare:
    def __init__(
        self,
        slots: int,
        *,
        per_client: int = 2,
        in_flight: int = 6,
        half_life: float = 60.0,
        heavy_after: float = 3.0,
        limit: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.slots = max(1, slots)
        self.per_client = max(1, per_client)
        self.in_flight = max(1, in_flight)
        self.heavy_slots = max(1, self.slots - 1)
        self.heavy_in_flight = max(1, self.in_flight - 2)
        self.half_life = half_life
        self.heavy_after = heavy_after
        self.limit = limit  # a query's time limit: how long a turn lasts at most (for Retry-After)
        self.clock = clock
        self._lock = threading.Lock()
        self._waiting: list[Turn] = []
        self._running: list[Turn] = []
        self._use: dict[str, _Use] = {}
        self._order = itertools.count()

    # ------------------------------------------------------------ the client's use of the workers

    def _decayed(self, client: str, now: float) -> float:
        use = self._use.get(client)
        if use is None:
            return 0.0
        return use.seconds * 0.5 ** ((now - use.at) / self.half_life)

    def usage(self, client: str) -> float:
        """The client's worker time, decayed, including the time of its queries running now."""
        now = self.clock()
        with self._lock:
            return self._usage(client, now)

    def _usage(self, client: str, now: float) -> float:
        running = sum(now - t.started for t in self._running if t.client == client and t.started is not None)
        return self._decayed(client, now) + running

    def _charge(self, client: str, seconds: float, now: float) -> None:
        self._use[client] = _Use(self._decayed(client, now) + seconds, now)
        if len(self._use) > 10_000:  # forget the clients whose use has faded
            for name in [c for c in self._use if self._decayed(c, now) < 0.01]:
                del self._use[name]

    # ------------------------------------------------------------ turns

    def acquire(self, client: str, wait: float) -> Turn:
        """A turn on a worker for `client`, waiting at most `wait` seconds; Refused otherwise."""
        now = self.clock()
        with self._lock:
            turns = self._waiting + self._running
            mine = [t for t in turns if t.client == client]
            if len(mine) >= self.per_client:
                raise Refused(
                    429,
                    f"Du har redan {len(mine)} frågor igång; vänta tills någon är klar. / "
                    f"You already have {len(mine)} queries in flight; wait until one is done.",
                    self._retry_after(mine, now),
                )
            heavy = self._usage(client, now) >= self.heavy_after
            limit = self.heavy_in_flight if heavy else self.in_flight
            counted = [t for t in turns if t.heavy] if heavy else turns
            if len(counted) >= limit:
                raise Refused(
                    503,
                    "Frågetjänsten är fullt upptagen; försök igen om en stund. / "
                    "The query service is fully busy; try again shortly.",
                    self._retry_after(counted, now),
                )
            turn = Turn(client, next(self._order), now, heavy)
            self._waiting.append(turn)
            self._grant()
        if turn.granted.wait(wait):
            return turn
        with self._lock:
            if turn.started is not None:  # granted just as the wait ended
                return turn
            self._waiting.remove(turn)
        raise Refused(
            503,
            f"Ingen frågeprocess blev ledig inom {wait:g} s; försök igen. / "
            f"No query worker became free within {wait:g} s; try again.",
            max(1, math.ceil(wait / 2)),
        )

    def release(self, turn: Turn) -> None:
        """The turn has ended: its worker time is charged to its client and the next waiting one may go."""
        now = self.clock()
        with self._lock:
            if turn in self._running:
                self._running.remove(turn)
                self._charge(turn.client, now - (turn.started or now), now)
            self._grant()

    def _grant(self) -> None:
        """Give free workers to the waiting, least-used client first; heavy clients leave one worker free."""
        now = self.clock()
        while len(self._running) < self.slots:
            heavy_running = sum(1 for t in self._running if t.heavy)
            eligible = [t for t in self._waiting if not t.heavy or heavy_running < self.heavy_slots]
            if not eligible:
                return
            turn = min(eligible, key=lambda t: (self._usage(t.client, now), t.order))
            self._waiting.remove(turn)
            turn.started = now
            self._running.append(turn)
            turn.granted.set()

    def _retry_after(self, turns: list[Turn], now: float) -> int:
        """Seconds until the oldest of `turns` has surely ended (its time limit), at least 1."""
        oldest = min((t.started or t.arrived for t in turns), default=now)
        return max(1, min(60, math.ceil(self.limit - (now - oldest))))
