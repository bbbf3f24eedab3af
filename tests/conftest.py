"""Hypothesis profiles and the ``requires_program`` mark.

Hypothesis: "default" (fast, for development) and "ci" (thorough, used by .ci/run);
select with the environment variable HYPOTHESIS_PROFILE (default "default").

``@pytest.mark.requires_program("pdftotext", ...)``: the test is skipped with the reason
when a program is not installed, and fails instead when CI=true (see tests/support/needs.py).
``@pytest.mark.requires_shared("seeds", "domain/parties.csv")``: the same for parts of the
../shared folder (``KHSMODEL_SHARED``).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.support.needs import program, require_shared, shared_dir

settings.register_profile("default", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "requires_program(*names): skip (fail when CI=true) unless the programs are installed",
    )
    config.addinivalue_line(
        "markers",
        "requires_shared(*parts): skip (fail when CI=true) unless ../shared holds the parts",
    )
    config.addinivalue_line(
        "markers", "wheel: builds the wheel (needs setuptools>=77; deselect with -m 'not wheel')"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("requires_program"):
        for name in mark.args:
            program(name)
    for mark in item.iter_markers("requires_shared"):
        for part in mark.args:
            require_shared(shared_dir(part))
