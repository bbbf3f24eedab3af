"""``khsmodel rules [CODE...] [--report text|json]``: the rule catalogue of ``validate``."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from . import _common as c

__all__ = ["add_parser", "run"]

_PROG = "khsmodel rules"

_EPILOG = """\
examples:
  khsmodel rules                 every rule: code, severity, summary
  khsmodel rules PLAN003         one rule, with why it exists
  khsmodel rules CASE            the rules whose code starts with CASE
  khsmodel rules --report json   the catalogue as JSON

exit status: 0 listed; 2 a code that matches no rule.
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``rules`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "rules",
        help="list the validation rules (code, severity, summary)",
        description=c.wrap(
            "The rule catalogue khsmodel validate checks. Without CODE: one line "
            "per rule. With codes or prefixes: those rules with their rationale."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="a rule code or prefix (PLAN003, PLAN)")
    c.add_report_option(p, "the rules")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Print the catalogue, or the rules matching ``args.codes``; return the exit status."""
    from ..errors import KhsModelError
    from ..validation._engine import RULES, select_codes

    detailed = bool(args.codes)
    try:
        wanted = select_codes(args.codes) if args.codes else None
    except KhsModelError as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    rules = [r for r in RULES if wanted is None or r.code in wanted]
    if args.report == "json":
        data = [
            {"code": r.code, "severity": r.severity.value, "summary": r.summary,
             "rationale": r.rationale, "standalone_only": r.standalone_only}
            for r in rules
        ]  # fmt: skip
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return c.EXIT_OK
    if not detailed:
        width = max(len(r.code) for r in rules)
        for r in rules:
            sys.stdout.write(f"{r.code:<{width}}  {r.severity.value:<7}  {r.summary}\n")
        return c.EXIT_OK
    for i, r in enumerate(rules):
        scope = " (standalone documents only)" if r.standalone_only else ""
        if i:
            sys.stdout.write("\n")
        sys.stdout.write(f"{r.code}  {r.severity.value}{scope}\n  {r.summary}\n")
        sys.stdout.write(textwrap.fill(r.rationale, 78, initial_indent="  ",
                                       subsequent_indent="  ") + "\n")  # fmt: skip
    return c.EXIT_OK
