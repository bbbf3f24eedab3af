"""``khsmodel validate FILE... [--format text|json] [--select CODES] [--ignore CODES]``.

Exit 0 when no finding is an error; 1 when at least one is (a file that does
not load counts: each load error is a LOAD001 finding with its path); 2 on a
usage error or a file that is missing or not JSON at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

_USAGE_ERROR = 2


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``validate`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check documents against the validation rules",
        description=(
            "Check khsmodel JSON documents against the rule catalogue (docs/rules.md). "
            "Exit 0: no errors; 1: at least one error, including files that do not "
            "load; 2: usage error, or a file that is missing or not JSON."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a khsmodel JSON document")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per finding and a summary (default); json: one JSON array",
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


def _load_findings(errors: Any) -> list[dict[str, str]]:
    return [
        {
            "code": "LOAD001",
            "severity": "error",
            "path": e.path,
            "message": f"the file does not load: {e.message}",
        }
        for e in errors
    ]


def run(args: argparse.Namespace) -> int:
    """Validate every file of ``args.files``; print findings; return the exit status."""
    from ..errors import InvalidDocumentError, KhsModelError, NotJsonError
    from ..serialization import from_data, parse_json
    from ._engine import check, select_codes

    try:
        enabled = select_codes(args.select, args.ignore)
    except KhsModelError as exc:
        sys.stderr.write(f"khsmodel validate: error: {exc}\n")
        return _USAGE_ERROR
    unreadable = False
    checked = 0
    rows: list[dict[str, str]] = []
    for name in args.files:
        try:
            raw = Path(name).read_bytes()
        except OSError as exc:
            sys.stderr.write(f"khsmodel validate: {name}: cannot read: {exc.strerror or exc}\n")
            unreadable = True
            continue
        try:
            data = parse_json(raw)
        except NotJsonError as exc:
            sys.stderr.write(f"khsmodel validate: {name}: {exc.errors[0].message}\n")
            unreadable = True
            continue
        except InvalidDocumentError as exc:  # JSON that no document can be (repeated keys, …)
            checked += 1
            rows += [{"file": name, **f} for f in _load_findings(exc.errors)]
            continue
        checked += 1
        try:
            doc = from_data(data)
        except InvalidDocumentError as exc:
            found = _load_findings(exc.errors)
        else:
            found = check(doc, enabled).to_data()
        rows += [{"file": name, **f} for f in found]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            sys.stdout.write(
                f"{r['file']}:{r['path']}: {r['code']} {r['severity']} {r['message']}\n"
            )
        counts = {
            s: sum(1 for r in rows if r["severity"] == s) for s in ("error", "warning", "info")
        }
        n = checked
        sys.stdout.write(
            f"{n} file{'' if n == 1 else 's'} checked: "
            f"{counts['error']} error{'' if counts['error'] == 1 else 's'}, "
            f"{counts['warning']} warning{'' if counts['warning'] == 1 else 's'}, "
            f"{counts['info']} info\n"
        )
    if unreadable:
        return _USAGE_ERROR
    return 1 if any(r["severity"] == "error" for r in rows) else 0
