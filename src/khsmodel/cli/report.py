"""``khsmodel report PLAN --as-of DATE -f FORMAT -o OUT``: a plan's status report, exported.

Builds :func:`khsmodel.report` of the plan at the date, validates the report
(the plan inside it included; ``--no-validate`` skips that) and writes it
with an exporter, atomically. Exit 0 written; 1 the plan does not load, is not
an action plan, the report has validation errors, or the export failed; 2 a
usage error (a date that is not YYYY-MM-DD or no real calendar date, a date
before the plan period,
``--since`` not before ``--as-of``, an unknown format, an output name of
another format, a bad ``-O``) or a file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import _common as c

__all__ = ["add_parser", "run"]

_PROG = "khsmodel report"

_EPILOG = """\
examples:
  khsmodel report plan.json --as-of 2016-09-01 -f pdf -o status.pdf
  khsmodel report plan.json --as-of 2016-09-01 --since 2016-04-01 -f docx -o status.docx
  khsmodel report plan.json --as-of 2016-09-01 --due-within 60 -f csv -o status.csv -O headers=nb
  khsmodel report plan.json --as-of 2016-09-01 -f json -o status.json

A measure is overdue when its timeframe ended before --as-of and it is not
done, cancelled or carried over; due soon when it ends within --due-within days
(default 30). Measures whose timeframe gives no date are listed apart.
Formats and their -O options: khsmodel formats ({formats:status_report}
take a status report).
exit status: 0 written; 1 the plan does not load or is not a plan, the report
has validation errors, or the export failed; 2 usage error or a file that
cannot be read.
"""


def _days(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}") from None
    if not 0 <= n <= 3660:
        raise argparse.ArgumentTypeError(f"expected 0..3660 days, got {n}")
    return n


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``report`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="the status report of an action plan at a date, exported to a format",
        description=c.wrap(
            "Make the status report (statusrapport) of an action plan at a date: "
            "each measure's status, latest note and whether it is overdue or due "
            "soon, counted per focus area; with --since, the changes since then."
        ),
        epilog=_EPILOG,
        formatter_class=c.KindHelp,
    )
    p.add_argument("plan", metavar="PLAN", help="the action plan (a khsmodel JSON file)")
    p.add_argument("--as-of", required=True, type=c.date_argument, metavar="DATE",
                   help="the date of the report (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--since", type=c.date_argument, metavar="DATE",
                   help="report the changes since this date (the previous report's)")  # fmt: skip
    p.add_argument("--due-within", type=_days, default=30, metavar="DAYS",
                   help="'due soon' window in days after --as-of (default 30)")  # fmt: skip
    p.add_argument("--title", help="the report's title (default: Statusrapport: PLAN TITLE)")
    p.add_argument("-f", "--format", required=True, metavar="NAME",
                   help="exporter name: {formats:status_report} (khsmodel formats)")  # fmt: skip
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output file; its name ends in the format's extension")  # fmt: skip
    p.add_argument("-O", "--option", action="append", default=[], type=c.option_argument,
                   metavar="KEY=VALUE", help="an option of the exporter, e.g. -O headers=nb")  # fmt: skip
    p.add_argument("--no-validate", action="store_true",
                   help="export without validating the report first")  # fmt: skip
    c.add_warnings_option(p)
    c.add_report_option(p, "findings")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Build, validate and export the report; return the exit status."""
    from .._files import write_atomic
    from ..errors import ExporterOptionError, InvalidDocumentError, KhsModelError
    from ..exporters import (
        ExporterError,
        OutputNameError,
        UnknownExporterError,
        check_output_name,
        export,
    )
    from ..plans import ActionPlan
    from ..status import report

    try:
        args.format, exporter = c.exporter(args.format)
        options = c.parse_options(args.format, exporter, args.option)
        check_output_name(args.format, args.output)
    except (UnknownExporterError, OutputNameError, c.UsageError) as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    except ExporterError as exc:
        sys.stderr.write(f"{_PROG}: {exc}\n")
        return c.EXIT_INVALID
    if "status_report" not in exporter.kinds:
        c.error(_PROG, f"the {args.format} format cannot export a status report "
                       f"(it takes: {', '.join(exporter.kinds)})")  # fmt: skip
        return c.EXIT_USAGE
    if Path(args.output).is_dir():
        c.error(_PROG, f"-o {args.output} is a folder; give a file name")
        return c.EXIT_USAGE
    if args.since is not None and args.since >= args.as_of:
        c.error(_PROG, f"--since {args.since.isoformat()} must be before "
                       f"--as-of {args.as_of.isoformat()}")  # fmt: skip
        return c.EXIT_USAGE
    try:
        plan = c.read_document(args.plan)
    except c.Unreadable as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    except InvalidDocumentError as exc:
        _findings(args, c.load_findings(exc.errors))
        sys.stderr.write(f"{args.plan}: the file does not load\n")
        return c.EXIT_INVALID
    if not isinstance(plan, ActionPlan):
        sys.stderr.write(f"{_PROG}: {args.plan}: expected an action plan, got "
                         f"{type(plan).KIND}\n")  # fmt: skip
        return c.EXIT_INVALID
    try:
        doc = report(plan, args.as_of, due_within=args.due_within, since=args.since,
                     title=args.title)  # fmt: skip
    except KhsModelError as exc:  # a date before the period, --since not before --as-of
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    if not args.no_validate:
        from ..validation import validate

        found = validate(doc)
        # the findings are the plan's (the report is made whole by report()): give their
        # paths in the plan file, as validate does for it
        rows = [f.to_data() for f in found]
        for r in rows:
            if r["path"] == "$.plan" or r["path"].startswith(("$.plan.", "$.plan[")):
                r["path"] = "$" + r["path"][len("$.plan") :]
        if found.ok and args.report == "text" and not args.warnings:
            warnings = [r for r in rows if r["severity"] == "warning"]
            for line in c.findings_lines(args.plan, warnings, each=False):
                sys.stderr.write(line + "\n")  # one line: the report is exported all the same
        else:
            _findings(args, rows)
        if not found.ok:
            sys.stderr.write(f"{args.plan}: not exported (validation errors; --no-validate "
                             "skips the check)\n")  # fmt: skip
            return c.EXIT_INVALID
    elif args.report == "json":
        _findings(args, [])
    try:
        data = export(doc, args.format, None, **options)
    except ExporterOptionError as exc:  # a value only the exporter can judge: usage, exit 2
        c.error(_PROG, c.option_refused(exc, options))
        return c.EXIT_USAGE
    except KhsModelError as exc:
        sys.stderr.write(f"{_PROG}: {exc}\n")
        return c.EXIT_INVALID
    try:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(args.output, data)
    except OSError as exc:
        sys.stderr.write(f"{_PROG}: cannot write {args.output}: {exc.strerror or exc}\n")
        return c.EXIT_INVALID
    if args.report != "json":
        print(args.output)
    return c.EXIT_OK


def _findings(args: argparse.Namespace, rows: list[dict[str, str]]) -> None:
    """Findings as ``validate`` prints them: text lines on standard error, or JSON on stdout."""
    if args.report == "json":
        sys.stdout.write(json.dumps([{"file": args.plan, **r} for r in rows],
                                    ensure_ascii=False, indent=2) + "\n")  # fmt: skip
        return
    for r in rows:
        sys.stderr.write(c.finding_line({"file": args.plan, **r}) + "\n")
