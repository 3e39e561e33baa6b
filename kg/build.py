"""Building the store from the files: load, validate, and only then replace the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.curation import preserve_curation
from kg.layout import GRAPH_FILES, PROJECT_ROOT, SourceFile, dataset_files, shapes_file
from kg.loader import LoadedDataset, load
from kg.namespaces import GRAPHS
from kg.snapshots import refresh_after_build
from kg.store import write_store
from kg.validate import Report, validate


class BuildFailed(Exception):
    """Validation found violations; the previous store was left as it was."""

    def __init__(self, report: Report):
        self.report = report
        super().__init__(f"{len(report.violations)} fel / errors")


@dataclass
class BuildResult:
    dataset: LoadedDataset
    report: Report


def extra_sources(paths: Iterable[Path], graph: str = "collaboration") -> list[SourceFile]:
    """Additional files (e.g. `--add FILE`), loaded into one of the dataset's graphs."""
    return [SourceFile(Path(p).resolve(), GRAPHS[graph]) for p in paths]


def load_dataset(
    root: Path = PROJECT_ROOT, extra: Iterable[Path] = (), graphs: Iterable[str] | None = None
) -> LoadedDataset:
    """Parse the dataset's files (optionally only some graphs) plus extra files."""
    wanted = set(graphs or GRAPH_FILES)
    sources = [s for s in dataset_files(root) if any(s.graph == GRAPHS[g] for g in wanted)]
    return load([*sources, *extra_sources(extra)], root)


def check(root: Path = PROJECT_ROOT, extra: Iterable[Path] = ()) -> BuildResult:
    """Load and validate without touching any store."""
    dataset = load_dataset(root, extra)
    return BuildResult(dataset, validate(dataset, shapes_file(root)))


def build(store_path: Path, root: Path = PROJECT_ROOT, extra: Iterable[Path] = ()) -> BuildResult:
    """Load, validate and write the store. Raises LoadError or BuildFailed and then writes nothing."""
    result = check(root, extra)
    if not result.report.conforms:
        raise BuildFailed(result.report)
    preserve_curation(store_path, result.dataset)  # the core team's decisions outlive a rebuild
    write_store(result.dataset, store_path)
    refresh_after_build(store_path)
    return result
