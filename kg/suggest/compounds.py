"""Splitting Swedish compound words against a vocabulary: `äldreomsorg` -> `äldre` + `omsorg`,
`hemtjänstområde` -> `hemtjänst` + `område`, `trygghetslarm` -> `trygghet` + `larm` (linking -s-).

A split is accepted only when every part is a known word (of the target texts, the lexicon and the
initiatives' texts): a part other than the last may drop a final vowel (`skol` of `skola`, `kvinno` of
`kvinna`) and be followed by a linking `s`; the last part may be inflected (`omsorgen`: its root is known).
Of the possible splits the one with the fewest parts wins, then the one whose first part is longest.
Derivational endings (`-het`, `-ning`, `-lig`, ...) are never parts, so `ensamhet` stays whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _listed(text: str) -> list[str]:
    return text.split()


#: shortest word that is tried, shortest part before the last (`mål` of `måltider` is not one) and last part
MIN_WORD, MIN_PART, MIN_LAST = 7, 4, 3
#: endings and short pieces that are never parts of a compound
NOT_PARTS = frozenset(
    _listed("""
    het heter heten ning ningen ing ingen lig ligt liga else skap bar dom tion ande ende are aren era ist ism ell
    isk iska iskt ens ers ade ats ter tet nde ner sam samt sak
""")
)


class Splitter:
    def __init__(self, words: Iterable[str], root: Callable[[str], str]):
        self.root = root
        self.known = frozenset(w for w in words if len(w) >= MIN_LAST and w not in NOT_PARTS)
        self.roots = frozenset(root(w) for w in self.known)
        self._memo: dict[str, tuple[str, ...] | None] = {}

    def _first(self, part: str) -> bool:
        """A known part before the last: the word itself, or the word without its final vowel."""
        if len(part) < MIN_PART or part in NOT_PARTS:
            return False
        if part.endswith("s") and self._first(part[:-1]):  # the s is a linking s: split before it
            return False
        if part in self.known or any(part + v in self.known for v in "aeo"):
            return True
        return part.endswith("o") and part[:-1] + "a" in self.known  # kvinno- of kvinna

    def _last(self, part: str) -> bool:
        if len(part) < MIN_LAST or part in NOT_PARTS:
            return False
        return part in self.known or (len(part) >= 4 and self.root(part) in self.roots)

    def split(self, word: str) -> tuple[str, ...] | None:
        """The parts of a compound (linking `s` left out), or None when `word` is not split."""
        if len(word) < MIN_WORD or not word.isalpha():
            return None
        if word not in self._memo:
            if len(self._memo) > 50_000:
                self._memo.clear()
            parts = self._parts(word, 0, {})
            self._memo[word] = tuple(parts) if parts is not None and len(parts) > 1 else None
        return self._memo[word]

    def _parts(self, word: str, start: int, memo: dict[int, list[str] | None]) -> list[str] | None:
        if start in memo:
            return memo[start]
        best: list[str] | None = None
        if self._last(word[start:]) and start > 0:
            best = [word[start:]]
        for end in range(len(word) - MIN_LAST, start + MIN_PART - 1, -1):  # longest first part first
            part = word[start:end]
            if not self._first(part):
                continue
            nexts = [end]
            if word[end] == "s" and not part.endswith("s") and len(word) - end - 1 >= MIN_LAST:
                nexts.append(end + 1)
            for after in nexts:
                rest = self._parts(word, after, memo)
                if rest is not None and (best is None or len(rest) + 1 < len(best)):
                    best = [part, *rest]
        memo[start] = best
        return best
