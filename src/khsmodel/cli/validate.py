"""``khsmodel validate FILE... [--report text|json] [--select CODES] [--ignore CODES]``.

Exit 0 when no finding is an error; 1 when at least one is (a file that does
not load counts: each load error is a LOAD001 finding with its path); 2 on a
usage error or a file that cannot be read (missing, a folder, empty, not UTF-8,
not JSON). The rule catalogue: ``khsmodel rules``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import _common as c

__all__ = ["add_parser", "run"]

_PROG = "khsmodel validate"

_EPILOG = """\
examples:
  khsmodel validate plan.json
  khsmodel validate *.json --select PLAN --ignore PLAN008
  khsmodel validate --report json plan.json > findings.json

Each finding is printed as FILE:PATH: CODE SEVERITY MESSAGE, then a summary.
A JSON file that is no khsmodel document (no "format" key: another program's
JSON, the .oparl.json or diff JSON khsmodel writes) is skipped with a note on
standard error, so *.json works in a folder of outputs; when no file is a
khsmodel document that is an error (exit 1).
The rules and their codes: khsmodel rules (one rule: khsmodel rules PLAN003).
exit status: 0 no errors; 1 at least one error, including a file that does
not load; 2 usage error or a file that cannot be read (missing, a folder,
empty, not UTF-8, not JSON).
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``validate`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check documents against the validation rules",
        description=c.wrap(
            "Check khsmodel JSON documents against the rule catalogue (khsmodel rules lists it)."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a khsmodel JSON document")
    c.add_report_option(p, "the findings")
    p.add_argument(  # the spelling before --report; -f/--format names an exporter elsewhere
        "--format", dest="old_format", choices=("text", "json"), help=argparse.SUPPRESS
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only rules whose code starts with one of these (comma-separated, e.g. PLAN,CASE001)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="leave out rules whose code starts with one of these (comma-separated)",
    )
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Validate every file of ``args.files``; print findings; return the exit status."""
    from ..errors import InvalidDocumentError, KhsModelError
    from ..validation._engine import check, select_codes

    report = args.report
    if args.old_format is not None:
        sys.stderr.write(f"{_PROG}: --format is deprecated, use --report {args.old_format}\n")
        report = args.old_format
    try:
        enabled = select_codes(args.select, args.ignore)
    except KhsModelError as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    unreadable = 0
    skipped = 0
    checked = 0
    rows: list[dict[str, str]] = []
    for name in args.files:
        try:
            doc = c.read_document(name)
        except c.Unreadable as exc:
            c.error(_PROG, str(exc))
            unreadable += 1
            continue
        except InvalidDocumentError as exc:
            note = c.foreign(exc)
            if note is not None:  # another program's JSON in *.json: not ours to check
                sys.stderr.write(f"{_PROG}: note: {name}: {note}\n")
                skipped += 1
                continue
            found = c.load_findings(exc.errors)
        else:
            found = check(doc, enabled).to_data()
        checked += 1
        rows += [{"file": name, **f} for f in found]
    if report == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            sys.stdout.write(c.finding_line(r) + "\n")
        if checked:  # no "0 files checked" after inputs that could not be read
            sys.stdout.write(c.summary_line(rows, checked, unreadable) + "\n")
    if unreadable:
        return c.EXIT_USAGE
    if skipped and not checked:
        c.error(_PROG, "none of the files is a khsmodel document")
        return c.EXIT_INVALID
    return c.EXIT_INVALID if any(r["severity"] == "error" for r in rows) else c.EXIT_OK
