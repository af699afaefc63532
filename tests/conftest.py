"""Shared fixtures: the samples, the shared corpus (skipped when absent), ``--update-golden``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests explore new random inputs on every run here; CI (HYPOTHESIS_PROFILE=ci, set
# by .ci/run) replays a fixed series, so a landing never hangs on what one run happened to draw.
# A counter-example found locally goes into the test as an @example.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden from the current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus" / "manifest.jsonl").exists():
        pytest.skip("../shared is not here")
    return SHARED


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare with a golden file, or write it with --update-golden (then review the git diff)."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        if not update:
            pytest.fail(f"golden file {path.name} was missing and has been written; review it")
        return
    assert actual == path.read_text(encoding="utf-8")
