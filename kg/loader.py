"""Reading the dataset's files into an Oxigraph store, remembering which file said what."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.layout import SourceFile


class LoadError(Exception):
    """A file could not be read: names the file and, for syntax errors, the line and column."""

    def __init__(self, file: str, message: str, line: int | None = None, column: int | None = None):
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        where = file if line is None else f"{file}:{line}:{column}"
        super().__init__(f"{where}: {message}")


@dataclass
class LoadedDataset:
    """The parsed quads in an in-memory store, and where each subject was described."""

    store: ox.Store
    files: list[str] = field(default_factory=list)
    subject_files: dict[str, list[str]] = field(default_factory=dict)

    def files_for(self, iri: str) -> list[str]:
        return self.subject_files.get(iri, [])


def _format_for(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise LoadError(str(path), f"okänt filformat / unknown file format '{path.suffix}'")
    return fmt


def parse_file(source: SourceFile, display: str) -> list[ox.Quad]:
    """All quads of one file, placed in its named graph (TriG/N-Quads keep their own graphs)."""
    try:
        fmt = _format_for(source.path)
        graph = ox.NamedNode(source.graph)
        quads = []
        for quad in ox.parse(path=source.path, format=fmt):
            g = quad.graph_name
            if isinstance(g, ox.DefaultGraph):
                g = graph
            quads.append(ox.Quad(quad.subject, quad.predicate, quad.object, g))
        return quads
    except SyntaxError as err:
        line = column = None
        if isinstance(err.args[1:2], tuple) and len(err.args) > 1 and isinstance(err.args[1], tuple):
            line, column = err.args[1][1], err.args[1][2]
        message = err.args[0] if err.args else str(err)
        raise LoadError(display, f"syntaxfel / syntax error: {message}", line, column) from None
    except OSError as err:
        raise LoadError(display, f"kan inte läsas / cannot be read: {err.strerror or err}") from None


def load(sources: Iterable[SourceFile], root: Path) -> LoadedDataset:
    """Parse every file into one in-memory store. Raises LoadError on the first unreadable file."""
    dataset = LoadedDataset(ox.Store())
    for source in sources:
        display = source.display(root)
        quads = parse_file(source, display)
        dataset.store.extend(quads)
        dataset.files.append(display)
        seen: set[str] = set()
        for quad in quads:
            subject = quad.subject
            if isinstance(subject, ox.NamedNode) and subject.value not in seen:
                seen.add(subject.value)
                dataset.subject_files.setdefault(subject.value, []).append(display)
    return dataset
