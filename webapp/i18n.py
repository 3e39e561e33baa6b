"""Language: Swedish by default, English by a visible switch that is remembered in a cookie.

Interface texts live in `kg/texts/`; labels from the graph come from the `kg` library in the
chosen language, falling back to the other one.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, g, request
from markupsafe import Markup

from kg.texts import TEXTS
from kg.toolkit import in_lang, other_lang
from webapp.paths import current_path

LANGUAGES = ("sv", "en")
DEFAULT = "sv"
COOKIE = "lang"


def current() -> str:
    return getattr(g, "lang", DEFAULT)


def other() -> str:
    return other_lang(current())


def t(key: str, **values: object) -> str:
    """An interface text in the current language (`{name}` placeholders filled from `values`)."""
    text = TEXTS[key][current()]
    return text.format(**values) if values else text


def pick(values: dict[str, str | None] | None) -> str | None:
    """From {"sv": …, "en": …}, the current language, else the other one (kg.toolkit.in_lang)."""
    return in_lang(values, current())


def switch_url() -> str:
    """The current page in the other language (a link that stays on this site: webapp.paths)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [other()]
    return current_path() + "?" + urlencode(args, doseq=True)


def init_app(app: Flask) -> None:
    @app.before_request
    def choose_language() -> None:
        asked = request.args.get("lang")
        remembered = request.cookies.get(COOKIE)
        g.lang = asked if asked in LANGUAGES else remembered if remembered in LANGUAGES else DEFAULT

    @app.after_request
    def remember_language(response):
        asked = request.args.get("lang")
        if asked in LANGUAGES and asked != request.cookies.get(COOKIE):
            response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
        if "text/html" in response.content_type:
            response.headers["Content-Language"] = current()
            response.vary.add("Cookie")
        return response

    app.jinja_env.globals.update(t=t, pick=pick, lang=current, other_lang=other, switch_url=switch_url, Markup=Markup)
