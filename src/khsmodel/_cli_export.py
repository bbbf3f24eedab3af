"""``khsmodel formats`` and ``khsmodel export``: the exporter commands of the CLI.

Exit codes of ``export``: 0 every output written; 1 some input invalid or its
export failed (the others are still written; each failure is reported with its
file and, for invalid documents, every field path); 2 usage error (unknown
format, ``-o`` with several inputs or with a name whose suffix is not the
format's, a malformed ``--option``, two inputs mapping to one output).

Each output written is printed on standard output, one path a line; problems
go to standard error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parsers"]


def add_parsers(sub: Any) -> None:
    """Add the ``formats`` and ``export`` subcommands to an argparse subparsers object."""
    p = sub.add_parser("formats", help="list the export formats (exporter plugins)")
    p.set_defaults(func=_cmd_formats)

    p = sub.add_parser(
        "export",
        help="export documents (JSON files) to a format",
        description="Export khsmodel JSON documents with an exporter plugin. Each input "
        "FILE gives one output named after it (name + the format's suffix).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="khsmodel JSON document(s)")
    p.add_argument("-f", "--format", required=True, metavar="NAME", help="exporter name")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="output file (one input only)")
    where.add_argument(
        "--out-dir", metavar="DIR", help="folder for the outputs (default: beside each input)"
    )
    p.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        type=_option,
        metavar="KEY=VALUE",
        help="an option of the exporter, e.g. -O timeline=false (pdf), -O delimiter=';' "
        "-O bom=true (csv); true/false and whole numbers are read as such, the rest as text; "
        "repeat for several",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parallel processes (0 = one per CPU; default 1)",
    )
    p.set_defaults(func=_cmd_export)


def _option(text: str) -> tuple[str, object]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    parsed: object = value
    if value in ("true", "false"):
        parsed = value == "true"
    elif re.fullmatch(r"-?\d+", value):
        parsed = int(value)
    return key.strip(), parsed


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


# ---------------------------------------------------------------- formats
def _cmd_formats(args: argparse.Namespace) -> int:
    from .exporters import info

    rows = info()
    if not rows:
        print("no exporters installed")
        return 0
    width = max(len(r.name) for r in rows)
    suffix_w = max((len(r.suffix or '') for r in rows if r.available), default=0)
    for r in rows:
        if r.available:
            print(
                f"{r.name:<{width}}  {r.suffix:<{suffix_w}}  {r.media_type}\n"
                f"{'':<{width}}  kinds: {', '.join(r.kinds)}"
            )
        else:
            print(f"{r.name:<{width}}  unavailable: {r.error}")
    return 0


# ---------------------------------------------------------------- export
def _fail(message: str) -> int:
    print(f"khsmodel export: error: {message}", file=sys.stderr)
    return 2


def _export_one(
    source: str, target: str, fmt: str, options: dict[str, object] | None = None
) -> tuple[str, str, list[str]]:
    """Export one file; returns (source, target, problems). Runs in a worker process too."""
    from .errors import InvalidDocumentError, KhsModelError
    from .exporters import export
    from .serialization import load

    try:
        if Path(source).resolve() == Path(target).resolve():
            return source, target, ["the output would overwrite the input; use --out-dir"]
        doc = load(source)
        export(doc, fmt, target, **(options or {}))
    except InvalidDocumentError as exc:
        return source, target, [str(e) for e in exc.errors]
    except KhsModelError as exc:
        return source, target, [str(exc)]
    except OSError as exc:
        return source, target, [f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename
                                                               else "")]  # fmt: skip
    return source, target, []


def _cmd_export(args: argparse.Namespace) -> int:
    from .exporters import ExporterError, UnknownExporterError, get

    files: list[str] = args.files
    if args.output and len(files) > 1:
        return _fail("-o/--output takes one input; use --out-dir for several")
    try:
        exporter = get(args.format)
    except UnknownExporterError as exc:
        return _fail(str(exc))
    except ExporterError as exc:
        print(f"khsmodel export: {exc}", file=sys.stderr)
        return 1
    if args.output and not args.output.lower().endswith(exporter.suffix.lower()):
        return _fail(
            f"{args.output} does not end in {exporter.suffix}, the suffix of the "
            f"{args.format} format (its files are {exporter.media_type})"
        )
    options = dict(args.option)
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        return _fail(f"--out-dir {out_dir} is not a folder")
    targets: list[str] = []
    for f in files:
        if args.output:
            targets.append(args.output)
            continue
        src = Path(f)
        folder = out_dir if out_dir is not None else src.parent
        targets.append(str(folder / (src.stem + exporter.suffix)))
    seen: dict[str, str] = {}
    for f, tgt in zip(files, targets, strict=True):
        key = os.path.normcase(os.path.abspath(tgt))
        if key in seen and seen[key] != f:
            return _fail(f"{seen[key]} and {f} would both be written to {tgt}")
        seen[key] = f
    if out_dir is not None:  # made, with its parents, once the outputs are known to fit
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _fail(f"--out-dir {out_dir} cannot be made: {exc.strerror or exc}")

    jobs = args.jobs or (os.cpu_count() or 1)
    jobs = max(1, min(jobs, len(files)))
    tty = sys.stderr.isatty()
    failures = 0
    done = 0

    def report(result: tuple[str, str, list[str]]) -> None:
        nonlocal failures, done
        done += 1
        source, target, problems = result
        if tty:
            sys.stderr.write(f"\r\x1b[K[{done}/{len(files)}] {source}")
            sys.stderr.flush()
        if problems:
            failures += 1
            if tty:
                sys.stderr.write("\n")
            for p in problems:
                print(f"{source}: {p}", file=sys.stderr)
        else:
            if tty:
                sys.stderr.write("\r\x1b[K")
            print(target, flush=True)

    if jobs == 1:
        for f, tgt in zip(files, targets, strict=True):
            report(_export_one(f, tgt, args.format, options))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [
                pool.submit(_export_one, f, tgt, args.format, options)
                for f, tgt in zip(files, targets, strict=True)
            ]
            for fut in as_completed(futures):
                report(fut.result())
    if tty:
        sys.stderr.write(f"\r\x1b[K{len(files) - failures} of {len(files)} written\n")
    return 1 if failures else 0
