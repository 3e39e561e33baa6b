"""The README documents every command, option group and named query, so it cannot drift from the code."""

from __future__ import annotations

import click

from kg.cli import main
from kg.layout import PROJECT_ROOT
from kg.queries import named_queries

README = PROJECT_ROOT / "README.md"


def commands(group: click.Group, prefix: str = "kg") -> list[str]:
    found = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.extend(commands(command, f"{prefix} {name}"))
        else:
            found.append(f"{prefix} {name}")
    return found


def test_every_command_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for command in commands(main):
        assert f"`{command}" in text, command


def test_every_option_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for command in [main, *main.commands.values()]:
        for param in command.params:
            if isinstance(param, click.Option) and "--help" not in param.opts:
                assert any(opt in text for opt in param.opts), (command.name, param.opts)


def test_every_named_query_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for name in named_queries():
        assert f"`{name}`" in text, name


def test_the_two_commands_exist_and_ci_calls_the_test_command() -> None:
    text = README.read_text(encoding="utf-8")
    assert "./run.sh" in text and "./test.sh" in text
    assert (PROJECT_ROOT / "run.sh").is_file() and (PROJECT_ROOT / "test.sh").is_file()
    assert "./test.sh" in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    from webapp import DEFAULTS

    text = README.read_text(encoding="utf-8")
    for key in DEFAULTS:
        assert f"`{key}`" in text, key
