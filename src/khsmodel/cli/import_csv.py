"""``khsmodel import-csv CSV --into PLAN.json -o NEW.json``: apply a measures table to a plan.

The CSV is what ``khsmodel export PLAN.json -f csv`` wrote, with status,
timeframe and progress filled in (see :func:`khsmodel.csv.read_measures`).
The new plan is written atomically; on any error nothing is written.

Exit codes: 0 written; 1 the CSV or the plan is invalid (every problem is
reported with its row and column, or its field path); 2 usage error or a file
that cannot be read (missing, a folder, empty, not UTF-8, not JSON).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from . import _common as c

__all__ = ["add_parser", "run"]

_PROG = "khsmodel import-csv"

_EPILOG = """\
example:
  khsmodel export plan.json -f csv -O delimiter=';' -O headers=nb  # for Excel
  (fill in status, timeframe and progress in plan.csv)
  khsmodel import-csv plan.csv --into plan.json -o plan-oppdatert.json

Status, timeframe text and one new progress entry per measure may change;
everything else must match the plan. The new plan is written atomically
(missing folders are made); on any error nothing is written.
exit status: 0 written; 1 invalid CSV or plan (each problem with its row and
column, or field path); 2 usage error or a file that cannot be read.
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``import-csv`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "import-csv",
        help="apply a measures table (CSV) to an action plan: status and progress updates",
        description=c.wrap(
            "Apply a CSV of measures (as written by khsmodel export -f csv) to the "
            "action plan it came from and write the updated plan."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("csv", metavar="CSV", help="the filled-in table (UTF-8, , or ; separated)")
    p.add_argument("--into", required=True, metavar="PLAN", help="the action plan (khsmodel JSON)")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT",
        help="where to write the updated plan (a .json file)",
    )  # fmt: skip
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Read the plan and the CSV, apply it, write the result; return the exit status."""
    from ..csv import CsvImportError, read_measures
    from ..errors import InvalidDocumentError, KhsModelError
    from ..exporters import OutputNameError, check_output_name
    from ..plans import ActionPlan
    from ..serialization import dumps, write_atomic

    out = Path(args.output)
    try:
        check_output_name("json", out)
    except OutputNameError as exc:
        c.error(_PROG, f"-o {exc}")
        return c.EXIT_USAGE
    if out.is_dir():
        c.error(_PROG, f"-o {out} is a folder; give a file name")
        return c.EXIT_USAGE
    try:
        plan = c.read_document(args.into)
        csv_bytes = c.read_bytes(args.csv)
    except c.Unreadable as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    except InvalidDocumentError as exc:
        for row in c.load_findings(exc.errors):
            sys.stderr.write(c.finding_line({"file": args.into, **row}) + "\n")
        return c.EXIT_INVALID
    if not isinstance(plan, ActionPlan):
        sys.stderr.write(f"{args.into}: expected an action plan, got a {type(plan).KIND}\n")
        return c.EXIT_INVALID
    try:
        new = read_measures(csv_bytes, plan)
        data = dumps(new).encode("utf-8")
    except CsvImportError as exc:
        for problem in exc.errors:
            sys.stderr.write(f"{args.csv}: {problem}\n")
        sys.stderr.write(f"{_PROG}: {len(exc.errors)} problem(s); nothing written\n")
        return c.EXIT_INVALID
    except KhsModelError as exc:
        sys.stderr.write(f"{args.csv}: {exc}\n")
        return c.EXIT_INVALID
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, data)
    except OSError as exc:
        name = exc.filename if exc.filename is not None else out
        sys.stderr.write(f"{_PROG}: cannot write {name}: {exc.strerror or exc}\n")
        return c.EXIT_INVALID
    old = dict(_measures(plan))
    changed = sum(1 for key, m in _measures(new) if old.get(key) != m)
    sys.stdout.write(f"{out}: {changed} measure{'' if changed == 1 else 's'} updated\n")
    return c.EXIT_OK


def _measures(plan: Any) -> list[tuple[tuple[int, int], Any]]:
    """Measures keyed by (position of focus area or -1 for ongoing activities, position)."""
    keyed = [((fi, mi), m) for fi, fa in enumerate(plan.focus_areas)
             for mi, m in enumerate(fa.measures)]  # fmt: skip
    keyed += [((-1, mi), m) for mi, m in enumerate(plan.ongoing_activities)]
    return keyed
