"""Words of a text: tokens, stop words, the language of a text, and word roots (Snowball stemmers plus a light
Swedish suffix rule), so that `omsorgen`, `omsorg` and `omsorger` are one term."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

LANGS = ("sv", "en")


def _listed(text: str) -> list[str]:
    return text.split()


#: words that say nothing about which target a text serves (function words)
STOP: dict[str, frozenset[str]] = {
    "sv": frozenset(
        _listed("""
        alla allt alltid andra annan annat att av bara bland blev bli blir de dem den denna deras dess dessa det
        detta dig din dina ditt du där då efter ej eller ett en er era ert från för genom ha hade han hans har
        hela hon honom hos hur här i icke ingen inom inte inklusive jag kan kunde man med mellan men mer mig min
        mina mitt mot mycket ni nu när någon något några och om oss på samma samt sedan sig sin sina sitt
        själv ska skall skulle som så till under upp ut utan vad var vara varför vars vart varje vem vi vid vilka
        vilken vilket vår våra vårt än är även åt över också där dit ju nog redan ännu både liksom därför sådan
        sådana senast minst mest fler flera många mindre vissa enligt in ur dag idag
    """)
    ),
    "en": frozenset(
        _listed("""
        a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has have having
        he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
        once only or other our ours out over own same she should so some such than that the their theirs them
        then there these they this those through to too under until up very was we were what when where which
        while who whom why will with would you your including within across among per via well by least
    """)
    ),
}

#: words that every description of a municipal initiative uses (and that say little about which target it
#: serves): they count a fifth of an ordinary word. Roots are compared, so one form of each is enough.
GENERIC: dict[str, frozenset[str]] = {
    "sv": frozenset(
        _listed("""
        projekt projektet initiativ verksamhet verksamheter arbete arbeta arbetar kommun kommunen kommuner
        kommunens utveckla utveckling utvecklar syfte syftet mål målet insats insatser genomföra genomför
        bidra bidrar öka ökar stärka stärker skapa skapar nya ny nytt främja främjar säkerställa arbetet
        del delar år form former åtgärd åtgärder även samt olika särskilt hela tid minska minskar
        förbättra förbättrar uppnå öka ökad ökade
    """)
    ),
    "en": frozenset(
        _listed("""
        project projects initiative initiatives work working municipality municipal municipalities develop
        development developing aim aims goal goals target targets activity activities new create creating
        increase increasing strengthen strengthening promote promoting ensure implement implementation
        contribute contributes measures all various particular year years sustainable reduce reducing
        improve improving achieve achieving
    """)
    ),
}
GENERIC_WEIGHT = 0.2

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Swedish endings that Snowball leaves (definite -et, nouns in -ing/-ning): cut when at least 4 letters remain
_SV_ENDINGS = ("ningar", "ningen", "ingar", "ingen", "ning", "ing", "et")


class Token(NamedTuple):
    surface: str  # as written in the text
    word: str  # lower case, NFC
    position: int  # its number among the text's words


@lru_cache(maxsize=20_000)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of a text (letters, with inner hyphens and apostrophes), numbered, in lower case (memoised: the
    graph's texts are read again after every change)."""
    text = unicodedata.normalize("NFC", text)
    return tuple(Token(w, w.lower(), i) for i, w in enumerate(_WORD.findall(text)))


def detect_language(text: str) -> str:
    """`sv` or `en`: which language's function words (and å, ä, ö) the text has more of; Swedish when even."""
    words = [t.word for t in tokens(text)]
    sv = sum(w in STOP["sv"] for w in words) + 2 * sum(any(c in w for c in "åäö") for w in words)
    en = sum(w in STOP["en"] for w in words)
    return "en" if en > sv else "sv"


@cache
def _snowball(lang: str):
    import snowballstemmer

    return snowballstemmer.stemmer("swedish" if lang == "sv" else "english")


@cache
def rooter(lang: str) -> Callable[[str], str]:
    """The function from a lower-case word to its root in `lang` (memoised; one per language)."""
    stem = _snowball(lang).stemWord

    @cache
    def root(word: str) -> str:
        word = word.replace("’", "'").removesuffix("'s")
        stemmed = stem(word)
        if lang == "sv":
            for ending in _SV_ENDINGS:
                if stemmed.endswith(ending) and len(stemmed) - len(ending) >= 4:
                    return stemmed[: -len(ending)]
        return stemmed

    return root


def is_stop(word: str, lang: str) -> bool:
    return word in STOP[lang] or len(word) < 2


@cache
def generic_roots(lang: str) -> frozenset[str]:
    root = rooter(lang)
    return frozenset(root(w) for w in GENERIC[lang])
