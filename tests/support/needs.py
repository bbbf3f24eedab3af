"""What some tests need from outside Python: programs and the ``../shared`` domain files.

A test that needs something absent is skipped with a reason naming what is missing and
how to get it. In CI (environment variable ``CI`` set to ``true``, as ``.ci/run`` and the
usual CI services do) it fails instead: ``.ci/run`` installs every program, so a skip
there would hide a broken setup. See CONTRIBUTING.md.

Programs: mark a test ``@pytest.mark.requires_program("pdftotext")`` (conftest.py checks
the mark before the test runs) or call :func:`program` where the path is needed.
Shared files: :func:`shared_dir` for the folder, :func:`require_shared` before reading.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Every external program a test runs, with the Debian package that provides it.
PROGRAMS: dict[str, str] = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "soffice": "libreoffice-writer",
    "chromium": "chromium",
    "chromedriver": "chromium-driver",
}


def in_ci() -> bool:
    """True when the environment variable CI says so (``true``/``1``/``yes``)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def unavailable(reason: str) -> NoReturn:
    """Skip the running test with ``reason``; in CI, fail with it instead."""
    if in_ci():
        pytest.fail(f"{reason} [CI=true: a missing requirement fails instead of skipping]",
                    pytrace=False)  # fmt: skip
    pytest.skip(reason)


def find_program(name: str) -> str | None:
    """The path of ``name`` or None. ``soffice`` is found as the pdfa exporter finds it:
    ``$KHSMODEL_SOFFICE``, then ``soffice``, then ``libreoffice`` on PATH."""
    if name not in PROGRAMS:
        raise ValueError(f"unknown program {name!r}: add it to tests/support/needs.py PROGRAMS")
    if name == "soffice":
        candidates = [os.environ.get("KHSMODEL_SOFFICE", ""), "soffice", "libreoffice"]
        return next((found for c in candidates if c and (found := shutil.which(c))), None)
    return shutil.which(name)


def program(name: str) -> str:
    """The path of the program ``name``; skips the test (fails in CI) when it is absent."""
    found = find_program(name)
    if found is None:
        unavailable(f"{name} is not installed (Debian: apt-get install {PROGRAMS[name]})")
    return found


# ---------------------------------------------------------------- ../shared
def shared_dir(part: str = "") -> Path:
    """``$KHSMODEL_SHARED`` (default: ``shared`` beside the checkout), or one of its parts.

    ``KHSMODEL_SEEDS`` and ``KHSMODEL_DOMAIN`` override the ``seeds`` and ``domain``
    folders on their own.
    """
    base = Path(os.environ.get("KHSMODEL_SHARED") or ROOT.parent / "shared")
    override = {"seeds": "KHSMODEL_SEEDS", "domain": "KHSMODEL_DOMAIN"}.get(part.split("/")[0])
    if override and os.environ.get(override):
        return Path(os.environ[override], *part.split("/")[1:])
    return base / part if part else base


def require_shared(path: Path) -> Path:
    """``path`` when it exists; else skip (fail in CI) saying how to point the tests at it."""
    if not path.exists():
        unavailable(
            f"{path} not found: the tests read the domain files of ../shared; "
            "set KHSMODEL_SHARED to the folder holding seeds/, domain/ and schemas/"
        )
    return path
