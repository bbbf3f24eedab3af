"""The ``khsmodel`` command (also ``python -m khsmodel``).

One grammar for every subcommand: ``-f/--format NAME`` is an exporter,
``--report text|json`` how findings are printed, ``-o/--output`` the one
output file; exit 0 success, 1 an invalid document or a failed export, 2 a
usage error or an input that cannot be read. Each subcommand's ``-h`` shows
examples.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from . import _common, diff, export, import_csv, migrate, report, rules, site, validate

__all__ = ["build_parser", "main"]

_EPILOG = """\
examples:
  khsmodel validate *.json
  khsmodel export plan.json -f pdf -o plan.pdf
  khsmodel report plan.json --as-of 2016-09-01 -f pdf -o status.pdf
  khsmodel diff plan-2015.json plan-2016-2017.json
  khsmodel formats
  khsmodel rules
  khsmodel site *.json --out-dir site/
  khsmodel migrate *.json

Each command's -h shows its options and examples.
exit status: 0 success; 1 an invalid document or a failed export; 2 usage
error or an input that cannot be read; 130/143 interrupted (Ctrl-C, SIGTERM).
"""


def _cmd_schema(args: argparse.Namespace) -> int:
    from ..schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``khsmodel`` with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="khsmodel",
        description="Model, validate and export documents of Norwegian health partnerships.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"khsmodel {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the document format",
        description="Print the JSON Schema (draft 2020-12) of khsmodel documents.",
        epilog="example:\n  khsmodel schema > khsmodel.schema.json\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=_cmd_schema)
    validate.add_parser(sub)
    rules.add_parser(sub)
    export.add_parsers(sub)
    import_csv.add_parser(sub)
    report.add_parser(sub)
    diff.add_parser(sub)
    site.add_parser(sub)
    migrate.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (SIGTERM and Ctrl-C end it cleanly)."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    _common.check_unrecognized(parser, given)  # before argparse's "-f/--format is required"
    args, extra = parser.parse_known_args(given)
    if extra:
        _common.refuse_extra(parser, given, extra)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return _common.EXIT_USAGE
    try:
        with _common.signal_handlers():
            result: int = args.func(args)
    except KeyboardInterrupt:
        sys.stderr.write("khsmodel: interrupted\n")
        return 130
    except _common.Terminated:
        sys.stderr.write("khsmodel: terminated\n")
        return 143
    except BrokenPipeError:  # `khsmodel formats | head`: the reader left; no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's flush at exit must not fail again
        return 1
    return result


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
