"""``khsmodel import-csv CSV --into PLAN.json -o NEW.json``: apply a measures table to a plan.

The CSV is what ``khsmodel export PLAN.json --format csv`` wrote, with status,
timeframe and progress filled in (see :func:`khsmodel.csv.read_measures`).
The new plan is written atomically; on any error nothing is written.

Exit codes: 0 written; 1 the CSV or the plan is invalid (every problem is
reported with its row and column, or its field path); 2 usage error or a file
that cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

_PROG = "khsmodel import-csv"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``import-csv`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "import-csv",
        help="apply a measures table (CSV) to an action plan: status and progress updates",
        description=(
            "Apply a CSV of measures (as written by `khsmodel export --format csv`) to the "
            "action plan it came from: status, timeframe text and one new progress entry per "
            "measure may change; everything else must match the plan. The new plan is "
            "written to OUT atomically; on any error nothing is written. Exit 0: written; "
            "1: invalid CSV or plan; 2: usage error or unreadable file."
        ),
    )
    p.add_argument("csv", metavar="CSV", help="the filled-in table (UTF-8, , or ; separated)")
    p.add_argument("--into", required=True, metavar="PLAN", help="the action plan (khsmodel JSON)")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="where to write the updated plan"
    )
    p.set_defaults(func=run)
    return p


def _err(message: str) -> None:
    sys.stderr.write(f"{_PROG}: {message}\n")


def run(args: argparse.Namespace) -> int:
    """Read the plan and the CSV, apply it, write the result; return the exit status."""
    from .csv import CsvImportError, read_measures
    from .errors import InvalidDocumentError, KhsModelError
    from .plans import ActionPlan
    from .serialization import dumps, loads, write_atomic

    try:
        plan_bytes = Path(args.into).read_bytes()
        csv_bytes = Path(args.csv).read_bytes()
    except OSError as exc:
        _err(f"error: {exc.filename}: cannot read: {exc.strerror or exc}")
        return 2
    out = Path(args.output)
    if not out.parent.is_dir():
        _err(f"error: {out.parent} is not a folder")
        return 2
    try:
        plan = loads(plan_bytes)
    except InvalidDocumentError as exc:
        for e in exc.errors:
            _err(f"{args.into}: {e}")
        return 1
    if not isinstance(plan, ActionPlan):
        _err(f"{args.into}: expected an action plan, got a {type(plan).KIND}")
        return 1
    try:
        new = read_measures(csv_bytes, plan)
        data = dumps(new).encode("utf-8")
    except CsvImportError as exc:
        for problem in exc.errors:
            _err(f"{args.csv}: {problem}")
        _err(f"{len(exc.errors)} problem(s); nothing written")
        return 1
    except KhsModelError as exc:
        _err(f"{args.csv}: {exc}")
        return 1
    try:
        write_atomic(out, data)
    except OSError as exc:
        _err(f"error: {out}: cannot write: {exc.strerror or exc}")
        return 2
    old = dict(_measures(plan))
    changed = sum(1 for key, m in _measures(new) if old.get(key) != m)
    sys.stdout.write(f"{out}: {changed} measure{'' if changed == 1 else 's'} updated\n")
    return 0


def _measures(plan: Any) -> list[tuple[tuple[int, int], Any]]:
    """Measures keyed by (position of focus area or -1 for ongoing activities, position)."""
    keyed = [((fi, mi), m) for fi, fa in enumerate(plan.focus_areas)
             for mi, m in enumerate(fa.measures)]  # fmt: skip
    keyed += [((-1, mi), m) for mi, m in enumerate(plan.ongoing_activities)]
    return keyed
