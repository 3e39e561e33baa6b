"""Where the dataset's files are: which files make up which named graph.

The default project root is the folder above this package; every function takes
a root so that tests and other deployments can point elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.namespaces import GRAPHS

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: graph key -> glob patterns, relative to the project root.
GRAPH_FILES: dict[str, tuple[str, ...]] = {
    "ontology": ("ontology/samhallskontraktet.ttl",),
    "sdg": ("data/sdg/*.ttl",),
    "collaboration": ("data/collaboration/*.ttl",),
    "mappings": ("data/mappings/*.ttl",),
}

SHAPES_FILE = "ontology/shapes.ttl"


@dataclass(frozen=True)
class SourceFile:
    """One data file and the named graph it is loaded into."""

    path: Path
    graph: str

    def display(self, root: Path) -> str:
        try:
            return str(self.path.relative_to(root))
        except ValueError:
            return str(self.path)


def dataset_files(root: Path = PROJECT_ROOT) -> list[SourceFile]:
    """Every file of the public dataset, in a stable order."""
    files: list[SourceFile] = []
    for key, patterns in GRAPH_FILES.items():
        for pattern in patterns:
            for path in sorted(root.glob(pattern)):
                files.append(SourceFile(path, GRAPHS[key]))
    return files


def shapes_file(root: Path = PROJECT_ROOT) -> Path:
    return root / SHAPES_FILE


def default_store_path(root: Path = PROJECT_ROOT) -> Path:
    return root / "var" / "store"


def default_secret_key_path(root: Path = PROJECT_ROOT) -> Path:
    """The file of the server's secret key (`kg secret init` writes it; `kg serve` reads it)."""
    return root / "var" / "secret_key"
