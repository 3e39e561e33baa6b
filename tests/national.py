"""The national-scale synthetic graph of benchmarks/national.py, for the tests that need many collaborations."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from kg.layout import PROJECT_ROOT


def load_national() -> ModuleType:
    """benchmarks/national.py as a module (the benchmarks folder is not a package)."""
    spec = importlib.util.spec_from_file_location("national", PROJECT_ROOT / "benchmarks" / "national.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
