"""``khsmodel migrate FILE... [--check]``: rewrite document files to the current format version.

A file of an older version is migrated (:func:`khsmodel.migrate`), checked to
load, and written back atomically (a temporary file and a rename: never a
half-written file); a file already at the current version is left as it is, so
running it twice changes nothing. ``--check`` only reports. Exit 0 when every
file is current or was migrated; 1 when a file is not a document this khsmodel
reads or does not load after migration (it is left untouched), and with
``--check`` when a file would be rewritten; 2 on a usage error or a file that
cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import _common as c

__all__ = ["add_parser", "run"]

_PROG = "khsmodel migrate"

_EPILOG = """\
examples:
  khsmodel migrate plan.json
  khsmodel migrate --check *.json

Each file is reported as FILE: migrated from version N to M, FILE: would be
migrated … (--check) or FILE: up to date (version M). A migrated file is
written in the current format with the same content; it is checked to load
first, and a file that does not is reported as FILE:PATH: message and left
untouched.
exit status: 0 every file up to date or migrated; 1 a file is not a khsmodel
document of a version this khsmodel reads, does not load, or (with --check)
would be migrated; 2 usage error or a file that cannot be read (missing, a
folder, empty, not UTF-8, not JSON).
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``migrate`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        help="rewrite document files to the current format version",
        description=c.wrap(
            "Rewrite khsmodel JSON documents of an older format version to the current "
            "one, in place. Files of older versions load without it; migrating keeps "
            "them readable by other programs that expect the current version."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a khsmodel JSON document")
    p.add_argument(
        "--check",
        action="store_true",
        help="only report which files would be migrated (exit 1 if any); write nothing",
    )
    p.set_defaults(func=run)
    return p


def _read_json(name: str) -> Any:
    text = c.read_text_input(name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise c.Unreadable(
            f"{name}: not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None


def run(args: argparse.Namespace) -> int:
    """Migrate (or with ``--check`` report) every file of ``args.files``; return the exit status."""
    from .._files import write_atomic
    from .._jsonwrite import indented
    from ..documents import FORMAT_VERSION
    from ..errors import InvalidDocumentError
    from ..migration import migrate
    from ..serialization import from_data

    unreadable = invalid = pending = 0
    for name in args.files:
        try:
            data = _read_json(name)
        except c.Unreadable as exc:
            c.error(_PROG, str(exc))
            unreadable += 1
            continue
        try:
            new = migrate(data)
            from_data(new)  # the migrated file must load: never write one that does not
        except InvalidDocumentError as exc:
            for e in exc.errors:
                sys.stdout.write(f"{name}:{e.path}: {e.message}\n")
            invalid += 1
            continue
        if new is data:
            sys.stdout.write(f"{name}: up to date (version {FORMAT_VERSION})\n")
            continue
        old = data["format_version"]
        if args.check:
            sys.stdout.write(f"{name}: would be migrated from version {old} to {FORMAT_VERSION}\n")
            pending += 1
            continue
        try:
            write_atomic(name, (indented(new) + "\n").encode("utf-8"))
        except OSError as exc:
            c.error(_PROG, f"{name}: cannot write: {exc.strerror or exc}")
            unreadable += 1
            continue
        sys.stdout.write(f"{name}: migrated from version {old} to {FORMAT_VERSION}\n")
    if unreadable:
        return c.EXIT_USAGE
    return c.EXIT_INVALID if invalid or pending else c.EXIT_OK
