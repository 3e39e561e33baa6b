"""Suggested targets (kg.suggest) in the curation view: on an initiative's page, the best targets for its name and
description with their reasons, each with one button that adds it as a proposed link for the core team to decide
on; and /edit/suggest, which suggests targets for any text."""

from __future__ import annotations

from flask import current_app, render_template, request

from kg.curation import CurationError
from kg.linkeddata import path_for_iri
from kg.statecache import state_key
from kg.suggest import Suggestion, explain, for_initiative, index_for, suggest
from kg.suggest.index import SuggestionIndex
from kg.toolkit import in_lang, other_lang
from webapp.auth import login_required
from webapp.curate.common import apply, back, bp, curation, field, who
from webapp.i18n import current, t
from webapp.services import graph

#: suggestions shown on an initiative's page and on /edit/suggest
SHOWN, SHOWN_TEXT = 5, 10
#: longest text /edit/suggest takes
MAX_TEXT = 20_000
#: words named per kind of reason
WORDS = 6


def _index() -> SuggestionIndex:
    services = graph()
    return index_for(services.store, state_key(services.store_path))


def _path(iri: str) -> str:
    return path_for_iri(iri, current_app.config["BASE_IRI"]) or "/"


def view(suggestion: Suggestion, lang: str) -> dict:
    """What a template shows of a suggestion: the target (text in `lang`, else the other language) and reasons."""
    text_lang = lang if suggestion.text.get(lang) else other_lang(lang)
    reasons = []
    for reason in suggestion.reasons:
        if reason.kind == "initiative":
            name = in_lang(reason.names, lang) or reason.initiative
            reasons.append({"kind": reason.kind, "name": name, "path": _path(reason.initiative or "")})
        elif reason.kind == "prior":
            reasons.append({"kind": reason.kind, "count": reason.count})
        elif reason.words:
            words = reason.words[:WORDS] + (["…"] if len(reason.words) > WORDS else [])
            reasons.append({"kind": reason.kind, "words": words})
    return {
        "code": suggestion.code,
        "path": _path(suggestion.iri),
        "text": suggestion.text.get(text_lang, ""),
        "text_lang": text_lang,
        "score": suggestion.score,
        "reasons": reasons,
    }


def initiative_suggestions(iri: str, k: int = SHOWN) -> list[dict]:
    """The suggestions an initiative's page shows a member (kg.suggest.for_initiative)."""
    return [view(s, current()) for s in for_initiative(_index(), iri, k)]


def rationale(suggestion: Suggestion) -> str:
    """The rationale of a link added from a suggestion (in Swedish, as rationales are): where it came from."""
    why = explain(suggestion, "sv")
    if len(why) > 3500:
        why = why[:3500] + "…"
    return f"Förslag från delmålsförslagen (kg suggest) utifrån initiativets namn och beskrivning: {why}."


# ---------------------------------------------------------------- the pages


def suggest_page(error: str | None = None, status: int = 200, initiative: str = ""):
    """/edit/suggest: suggestions for a text (`text`, `lang`), or for an initiative (`initiative`) with its buttons."""
    text = request.args.get("text", "")
    lang = request.args.get("lang", "")
    index = _index()
    initiative = initiative or request.args.get("initiative", "").strip()
    found, name = [], None
    if initiative and initiative in index.initiatives:
        names = index.initiatives[initiative].name
        name = names.get(current()) or next(iter(names.values()), initiative)
        found = [view(s, current()) for s in for_initiative(index, initiative, SHOWN_TEXT)]
    elif text.strip():
        if len(text) > MAX_TEXT:
            error, status = t("curate.suggest.too_long", n=MAX_TEXT), 400
        else:
            found = [view(s, current()) for s in suggest(index, [(text, lang or None)], SHOWN_TEXT)]
    html = render_template(
        "curate/suggest.html",
        error=error,
        text=text,
        lang_choice=lang,
        found=found,
        initiative=initiative if name else "",
        initiative_name=name,
        initiative_path=_path(initiative) if name else "",
        asked=bool(text.strip() or name),
        next=back(_path(initiative) if name else "/edit/suggest"),
    )
    return html, status


@bp.get("/suggest")
@login_required
def suggest_form():
    return suggest_page()


@bp.post("/suggest/add")
@login_required
def add_suggested():
    """One click: the suggested target becomes a PROPOSED link of the initiative, attributed to the member, with
    the suggestion's reasons as its rationale; refused when it is no longer a suggestion (e.g. already linked)."""
    initiative, code = field("initiative").strip(), field("target").strip()

    def change():
        index = _index()
        chosen = next((s for s in for_initiative(index, initiative, None) if s.code == code), None)
        if chosen is None:
            raise CurationError(
                "Delmålet är inte längre ett förslag för initiativet (det kan redan vara kopplat).",
                "The target is no longer a suggestion for the initiative (it may be linked already).",
            )
        return curation().add_link(
            initiative,
            chosen.iri,
            "secondary",
            rationale(chosen),
            who(),
            "Lagt till från förslagen på delmål.",
            status="proposed",
        )

    def form(error: str, status: int):
        return suggest_page(error, status, initiative)

    return apply(change, form, "curate.suggest.done", _path(initiative) if initiative else "/edit/suggest")
