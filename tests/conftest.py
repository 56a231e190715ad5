"""Shared fixtures. Module-specific fixtures live in their own test files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

import pytest

REPO = Path(__file__).resolve().parent.parent


def _write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def write_tree(tmp_path: Path):
    """``write_tree({"postings/a.md": "..."})`` writes files under tmp_path and returns it."""

    def write(files: Mapping[str, str | bytes], root: Path | None = None) -> Path:
        return _write_tree(root or tmp_path, files)

    return write


@pytest.fixture
def generate_postings(tmp_path: Path):
    """``generate_postings(n) -> workspace``: n generated postings and a tracker.yaml, as the benchmarks make them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("natosite_bench_gen", Path(__file__).resolve().parent.parent / "bench" / "_gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)

    def generate(n: int, root: Path | None = None) -> Path:
        root = root or tmp_path / f"generated-{n}"
        gen.generate(root, n)
        return root

    return generate


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in tests take 'now' from SOURCE_DATE_EPOCH (2026-11-23T12:00:00Z) unless a test says otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("NATOSITE_TEST_EPOCH", "1795435200"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite expected outputs of golden tests.")
