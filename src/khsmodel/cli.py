"""The ``khsmodel`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import _cli_csv, _cli_export
from ._version import __version__
from .validation import _cli as _cli_validate

__all__ = ["main"]


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khsmodel",
        description="Model, validate and export documents of Norwegian health partnerships.",
    )
    parser.add_argument("--version", action="version", version=f"khsmodel {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("schema", help="print the JSON Schema of the document format")
    p.set_defaults(func=_cmd_schema)
    _cli_export.add_parsers(sub)
    _cli_validate.add_parser(sub)
    _cli_csv.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return 2
    result: int = args.func(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
