"""`kg suggest`: the targets a description serves, with reasons; and the evaluation against a labelled file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

LANG_NAMES = {"sv": "svenska / Swedish", "en": "engelska / English"}


def _usage(message: str) -> None:
    click.echo(f"kg suggest: {message}", err=True)
    sys.exit(2)


@click.command("suggest")
@click.argument("text", required=False)
@click.option(
    "--lang",
    type=click.Choice(["sv", "en"]),
    default=None,
    help="Textens språk (annars gissat) / the text's language (else detected).",
)
@click.option(
    "-k",
    "k",
    type=click.IntRange(1, 169),
    default=None,
    help="Antal förslag (10; 5 vid --evaluate) / how many suggestions (10; 5 with --evaluate).",
)
@click.option(
    "--evaluate",
    "evaluate_file",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FIL/FILE",
    help="Utvärdera mot en märkt fil (TSV) / evaluate against a labelled file (TSV).",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Med --evaluate: varje post med missade delmål / with --evaluate: every item with missed targets.",
)
@click.pass_obj
def suggest_command(
    obj, text: str | None, lang: str | None, k: int | None, evaluate_file: Path | None, verbose: bool
) -> None:
    """Föreslå delmål för en beskrivning / suggest targets for a description.

    TEXT är beskrivningen (`-` läser den från standard in) / TEXT is the description (`-` reads standard input).

    Med --evaluate FIL (TSV: id, lang, targets, source, text) skrivs medelvärden över posterna ut per språk och
    totalt / with --evaluate FILE, prints averages over the items per language and overall, for each item with
    the labelled targets G and the first k suggestions S:

    
      precision@k = |S ∩ G| / k
      recall@k    = |S ∩ G| / |G|
      hit@k       = 1 om S ∩ G inte är tom / if S ∩ G is not empty, annars / else 0
    """
    if evaluate_file is not None:
        if text is not None or lang is not None:
            _usage("--evaluate tar ingen text och inget --lang / --evaluate takes no text and no --lang")
        _evaluate(obj, evaluate_file, k or 5, verbose)
        return
    if text == "-":
        text = sys.stdin.read()
    if text is None or not text.strip():
        _usage("ange en text eller --evaluate FIL / give a text or --evaluate FILE (se / see `kg suggest --help`)")
    _suggest(obj, text, lang, k or 10)


def _index(obj):
    from kg.statecache import state_key
    from kg.suggest.index import index_for

    return index_for(obj.open(), state_key(obj.store_path))


def _suggest(obj, text: str, lang: str | None, k: int) -> None:
    from kg.suggest import explain, suggest
    from kg.suggest.words import detect_language
    from kg.toolkit import in_lang

    index = _index(obj)
    lang = lang or detect_language(text)
    found = suggest(index, [(text, lang)], k)
    if not found:
        click.echo("Inga delmål passar texten / no target fits the text.")
        return
    click.echo(f"Delmål för texten / targets for the text ({LANG_NAMES[lang]}):")
    for rank, suggestion in enumerate(found, 1):
        target_text = in_lang(suggestion.text, lang) or ""
        click.echo(f"{rank:>3}. {suggestion.code:<6} {suggestion.score:6.2f}  {target_text}")
        click.echo(f"{'':>13}↳ {explain(suggestion, lang)}")


def _evaluate(obj, path: Path, k: int, verbose: bool) -> None:
    from kg.suggest.evaluate import EvaluationFileError, evaluate, read_items

    try:
        if not path.exists():  # before the graph is opened: a mistyped name is the likelier mistake
            raise EvaluationFileError([f"Filen finns inte / no such file: {path}"], missing=True)
        index = _index(obj)
        items = read_items(path, set(index.targets))
    except EvaluationFileError as err:
        for problem in err.problems[:50]:
            click.echo(f"kg suggest: {problem}", err=True)
        if len(err.problems) > 50:
            click.echo(f"kg suggest: … och {len(err.problems) - 50} till / and {len(err.problems) - 50} more", err=True)
        sys.exit(2 if err.missing else 1)
    result = evaluate(index, items, k)
    if verbose:
        for outcome in result.outcomes:
            if outcome.missed:
                item = outcome.item
                click.echo(
                    f"{item.id} ({item.lang}): väntade / expected {' '.join(item.targets)}; fick / got "
                    f"{' '.join(outcome.suggested) or '–'}; missade / missed {' '.join(outcome.missed)}"
                )
        click.echo()
    click.echo(f"Utvärdering / evaluation: {path}, k = {k}")
    click.echo(f"{'språk / lang':<14}{'poster / items':>15}{f'precision@{k}':>14}{f'recall@{k}':>11}{f'hit@{k}':>8}")
    for lang, label in (("sv", "sv"), ("en", "en"), (None, "alla / all")):
        scores = result.scores(lang)
        if scores.items:
            click.echo(
                f"{label:<14}{scores.items:>15}{scores.precision:>14.3f}{scores.recall:>11.3f}{scores.hit:>8.3f}"
            )
