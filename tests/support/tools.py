"""Tests that need a tool from outside PyPI (Chromium, LibreOffice, nginx, axe-core from npm,
the real Kolada extracts in ../shared) are skipped with a reason where it is missing, so that
`make test-fast` and a first clone work anywhere. CI sets ROD_TRAD_REQUIRE_TOOLS=1 (.ci/run):
there a missing tool fails the test instead, so no check is skipped unnoticed."""

from __future__ import annotations

import os

import pytest


def missing(reason: str, *, allow_module_level: bool = False) -> None:
    """Skip the test for a missing tool, or fail it where every tool must be present."""
    if os.environ.get("ROD_TRAD_REQUIRE_TOOLS") == "1":
        pytest.fail(f"required tool missing: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=allow_module_level)
