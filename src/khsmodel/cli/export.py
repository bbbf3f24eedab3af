"""``khsmodel formats`` and ``khsmodel export``: the exporter commands of the CLI.

``export`` loads each input, validates it (``--no-validate`` skips that),
exports it and writes the output atomically. A document with validation
errors is not exported: its findings are printed as ``validate`` prints them
and the other files still go; warnings do not stop the export, and one line per
file counts them (``--warnings``: each in full, as ``validate`` prints them).

A JSON file that is no khsmodel document (no ``"format"`` key: another program's
JSON, the ``.oparl.json`` or diff JSON khsmodel writes) is skipped with a note, as
``validate`` skips it, so ``*.json`` works in a folder of outputs; when no input is
a khsmodel document that is an error (exit 1).

Exit codes of ``export``: 0 every output written (inputs skipped as above aside); 1 some input invalid (does
not load, or has validation errors) or its export failed; 2 usage error
(unknown format, ``-o`` with several inputs or with a name whose extension is
another format's, a bad ``-O`` (a ``-O language=`` that is no language tag too,
before anything is validated), ``--previous`` with an input that is no action
plan, two inputs mapping to one output) or an input
that cannot be read (missing, a folder, empty, not UTF-8, not JSON).

Each output written is printed on standard output, one path a line; findings
and problems go to standard error (``--report json``: one JSON array on
standard output instead).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _common as c

__all__ = ["add_parsers"]

_PROG = "khsmodel export"

_EPILOG = """\
examples:
  khsmodel export plan.json -f docx         # writes plan.docx beside plan.json
  khsmodel export docs/*.json -f pdf --out-dir out/ --jobs 0
  khsmodel export sak.json -f noark5 -o deponering/arkivstruktur.xml
  khsmodel export plan.json -f pdf -o plan.pdf -O timeline=false
  khsmodel export plan.json -f csv -O delimiter=';' -O bom=true -O headers=nb
  khsmodel export plan-2016.json -f pdf --previous plan-2015.json   # with the changes

Formats, their file extensions and their -O options: khsmodel formats.
-o takes any name ending in the format's extension (plan.pdf for pdf and
pdfa, arkivstruktur.xml for noark5); missing folders are made. Each input is
validated first (khsmodel validate): one with errors is not exported and its
findings are printed; a file with warnings is exported and one line counts
them (--warnings prints each; khsmodel validate FILE lists them). The plan of
--previous is validated too: with errors nothing is exported. A JSON file
that is no khsmodel document (another program's, an .oparl.json or diff
JSON) is skipped with a note, so *.json works in a folder of outputs.
exit status: 0 all written (skipped files aside); 1 an input invalid or an export failed (the
others are still written); 2 usage error or an input that cannot be read.
"""

_FORMATS_EPILOG = """\
example:
  khsmodel formats

An exporter is listed as unavailable, with what to install, when a Python
package or a program it needs (LibreOffice's soffice for pdfa) is missing.
"""


def add_parsers(sub: Any) -> None:
    """Add the ``formats`` and ``export`` subcommands to an argparse subparsers object."""
    p = sub.add_parser(
        "formats",
        help="list the export formats (exporter plugins) and their options",
        description=c.wrap(
            "List the exporters: name, file extension, media type, the document "
            "kinds they take and their -O options."
        ),
        epilog=_FORMATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=_cmd_formats)

    p = sub.add_parser(
        "export",
        help="validate documents (JSON files) and export them to a format",
        description=c.wrap(
            "Export khsmodel JSON documents with an exporter plugin. Each input "
            "FILE gives one output named after it (its name + the format's suffix, e.g. "
            "plan.pdfa.pdf), beside it or in --out-dir; or -o names the one output."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="khsmodel JSON document(s)")
    p.add_argument(
        "-f", "--format", required=True, metavar="NAME", help="exporter name, in any case (khsmodel formats)"
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (one input only); its name ends in the format's extension",
    )
    where.add_argument(
        "--out-dir", metavar="DIR", help="folder for the outputs (default: beside each input)"
    )
    p.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        type=c.option_argument,
        metavar="KEY=VALUE",
        help="an option of the exporter (khsmodel formats lists them), e.g. -O timeline=false; "
        "booleans: true/false, yes/no, ja/nei, 1/0; repeat for several",
    )
    p.add_argument(
        "--previous",
        metavar="FILE",
        help="the plan before this one (a khsmodel JSON action plan): an action plan "
        "exported to docx, pdf, pdfa or html ends with the appendix of what changed from it; "
        "validated as the inputs are (its findings on stderr; errors: exit 1, nothing written)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parallel processes (0 = one per CPU; default 1)",
    )
    p.add_argument(
        "--no-validate",
        action="store_true",
        help="export without validating first (documents with validation errors too)",
    )
    c.add_warnings_option(p)
    c.add_report_option(p, "findings and problems")
    p.set_defaults(func=_cmd_export)


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
    from ..exporters import get, info

    rows = info()
    if not rows:
        print("no exporters installed")
        return c.EXIT_OK
    width = max(len(r.name) for r in rows)
    suffix_w = max((len(r.suffix or "") for r in rows if r.available), default=0)
    pad = " " * (width + 2)
    for r in rows:
        if r.available:
            print(
                f"{r.name:<{width}}  {r.suffix:<{suffix_w}}  {r.media_type}\n"
                f"{pad}kinds: {', '.join(r.kinds)}"
            )
            options = c.option_lines(get(r.name))
            if options:
                print(f"{pad}options: " + f"\n{pad}         ".join(options))
        else:
            print(f"{r.name:<{width}}  unavailable: {r.error}")
    return c.EXIT_OK


# ---------------------------------------------------------------- export
@dataclass
class _Result:
    """What happened to one input; made in a worker process too (plain, picklable)."""

    source: str
    target: str
    status: str = "written"  # written | skipped | invalid | failed | unreadable | usage
    findings: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _language_note(doc: object, fmt: str, options: dict[str, object]) -> str | None:
    """The note for an export whose words are partly Bokmål (a ``se`` document): the
    fallback is never silent. None when the format prints no words or all are there."""
    from ..exporters import get

    declared = getattr(get(fmt), "cli_options", None) or {}
    if "language" not in declared or "labels" in options:
        return None
    return c.fallback_note(str(options.get("language", getattr(doc, "language", "nb"))))


def _calendar_note(fmt: str, data: bytes) -> str | None:
    """The note for a calendar without events: a plan whose measures state no day (a
    month, a season, a year) gives one, valid but empty; the user should know why."""
    if fmt != "ics" or b"BEGIN:VEVENT" in data or b"BEGIN:VTODO" in data:
        return None
    return ("note: the calendar has no events: nothing in the document is dated to the day "
            "(a timeframe such as a month, a season or a year is left out of a calendar)")


def _export_one(
    source: str, target: str, fmt: str, options: dict[str, object], check: bool
) -> _Result:
    """Load, validate, export and write one file. Runs in a worker process too."""
    from .._files import write_atomic
    from ..errors import (
        ExporterOptionError,
        InvalidDocumentError,
        KhsModelError,
        UnsupportedKindError,
    )
    from ..exporters import export, get
    from ..plans import ActionPlan

    result = _Result(source, target)
    try:
        if Path(source).resolve() == Path(target).resolve():
            result.status = "failed"
            result.problems.append("the output would overwrite the input; use --out-dir or -o")
            return result
        doc = c.read_document(source)
    except c.Unreadable as exc:
        result.status = "unreadable"
        result.problems.append(str(exc).removeprefix(f"{source}: "))
        return result
    except InvalidDocumentError as exc:
        note = c.foreign(exc)
        if note is not None:  # another program's JSON in *.json: not ours to export
            result.status = "skipped"
            result.notes.append(note)
            return result
        result.status = "invalid"
        result.findings = c.load_findings(exc.errors)
        return result
    if "previous" in options and not isinstance(doc, ActionPlan):  # the option, not the file
        result.status = "usage"
        result.problems.append(f"--previous applies to an action plan; this document is a "
                               f"{type(doc).KIND}")  # fmt: skip
        return result
    kinds = tuple(getattr(get(fmt), "kinds", ()))
    if type(doc).KIND not in kinds:  # refused before validation: its warnings would be noise
        result.status = "failed"
        result.problems.append(str(UnsupportedKindError(fmt, type(doc).KIND, kinds)))
        return result
    if check:
        from ..validation import validate

        report = validate(doc)
        if not report.ok:
            result.status = "invalid"
            result.findings = report.to_data()
            return result
        result.findings = [f.to_data() for f in report.warnings]
    try:
        data = export(doc, fmt, None, **options)
        for note in (_language_note(doc, fmt, options), _calendar_note(fmt, data)):
            if note:
                result.notes.append(note)
    except InvalidDocumentError as exc:
        result.status = "failed"
        result.problems += [str(e) for e in exc.errors]
        return result
    except ExporterOptionError as exc:  # a value only the exporter can judge: usage, exit 2
        result.status = "usage"
        result.problems.append(c.option_refused(exc, options))
        return result
    except KhsModelError as exc:
        result.status = "failed"
        result.problems.append(str(exc))
        return result
    folder = Path(target).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)  # -o new/folder/plan.pdf, as --out-dir
    except OSError as exc:
        result.status = "failed"
        result.problems.append(
            f"cannot write {target}: cannot make the folder {folder}: {exc.strerror or exc}"
        )
        return result
    try:
        write_atomic(target, data)  # an OSError names the target, never the temporary file
    except OSError as exc:
        result.status = "failed"
        result.problems.append(f"cannot write {target}: {exc.strerror or exc}")
    return result


#: The formats whose exporter takes ``previous`` (the appendix of changes from the previous plan).
_WITH_APPENDIX = ("docx", "pdf", "pdfa", "html")


def _previous(args: argparse.Namespace, options: dict[str, object]) -> int | None:
    """Load ``--previous`` into ``options["previous"]``; the exit status when it cannot be."""
    from ..errors import InvalidDocumentError
    from ..plans import ActionPlan

    if "previous" in options:
        c.error(_PROG, "give the previous plan once: --previous FILE, not also -O previous=")
        return c.EXIT_USAGE
    if args.format not in _WITH_APPENDIX:
        c.error(_PROG, f"--previous: the {args.format} format prints no appendix of changes "
                       "(docx, pdf, pdfa and html do)")  # fmt: skip
        return c.EXIT_USAGE
    try:
        previous = c.read_document(args.previous)
    except c.Unreadable as exc:
        c.error(_PROG, f"--previous {exc}")
        return c.EXIT_USAGE
    except InvalidDocumentError as exc:
        for row in c.load_findings(exc.errors):
            sys.stderr.write(c.finding_line({"file": args.previous, **row}) + "\n")
        return c.EXIT_INVALID
    if not isinstance(previous, ActionPlan):
        c.error(_PROG, f"--previous {args.previous}: expected an action plan, "
                       f"got {type(previous).KIND}")  # fmt: skip
        return c.EXIT_USAGE
    if not args.no_validate:  # its texts are printed: checked as the files exported are
        from ..validation import validate

        report = validate(previous)
        rows = report.to_data() if not report.ok else [f.to_data() for f in report.warnings]
        for line in c.findings_lines(args.previous, rows, each=not report.ok or args.warnings):
            sys.stderr.write(line + "\n")
        if not report.ok:
            sys.stderr.write(f"{args.previous}: not used as --previous, nothing exported "
                             "(validation errors; khsmodel validate checks it, --no-validate "
                             "skips the check)\n")  # fmt: skip
            return c.EXIT_INVALID
    options["previous"] = previous
    return None


def _cmd_export(args: argparse.Namespace) -> int:
    from ..exporters import (
        ExporterError,
        OutputNameError,
        UnknownExporterError,
        check_output_name,
    )

    files: list[str] = args.files
    if args.output and len(files) > 1:
        c.error(_PROG, "-o/--output takes one input; use --out-dir for several")
        return c.EXIT_USAGE
    try:
        args.format, exporter = c.exporter(args.format)
    except UnknownExporterError as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    except ExporterError as exc:
        sys.stderr.write(f"{_PROG}: {exc}\n")
        return c.EXIT_INVALID
    try:
        options = c.parse_options(args.format, exporter, args.option)
    except c.UsageError as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_USAGE
    if args.previous is not None:
        status = _previous(args, options)
        if status is not None:
            return status
    if args.output:
        try:
            check_output_name(args.format, args.output)
        except OutputNameError as exc:
            c.error(_PROG, f"-o {exc}")
            return c.EXIT_USAGE
        if Path(args.output).is_dir():
            c.error(_PROG, f"-o {args.output} is a folder; give a file name or use --out-dir")
            return c.EXIT_USAGE
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        c.error(_PROG, f"--out-dir {out_dir} is not a folder")
        return c.EXIT_USAGE
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
            c.error(_PROG, f"{seen[key]} and {f} would both be written to {tgt}")
            return c.EXIT_USAGE
        seen[key] = f
    made: list[Path] = []  # folders this run makes: taken away again if nothing is written
    if out_dir is not None:  # made, with its parents, once the outputs are known to fit
        made = [d for d in (out_dir, *out_dir.parents) if not d.exists()]
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            c.error(_PROG, f"--out-dir {out_dir} cannot be made: {exc.strerror or exc}")
            return c.EXIT_USAGE

    jobs = args.jobs or (os.cpu_count() or 1)
    jobs = max(1, min(jobs, len(files)))
    as_json = args.report == "json"
    tty = sys.stderr.isatty() and not as_json
    results: list[_Result] = []

    def report(result: _Result) -> None:
        results.append(result)
        for note in result.notes:  # also with --report json: a note is not a finding
            print(f"{result.source}: {note}", file=sys.stderr)
        if as_json:
            return
        if tty:
            sys.stderr.write(f"\r\x1b[K[{len(results)}/{len(files)}] {result.source}")
            sys.stderr.flush()
        if result.findings or result.problems:
            if tty:
                sys.stderr.write("\n")
            # warnings only (the export went on): one line, unless --warnings
            each = result.status == "invalid" or args.warnings
            for line in c.findings_lines(result.source, result.findings, each=each):
                print(line, file=sys.stderr)
            if result.status == "invalid" and result.findings:
                print(f"{result.source}: not exported (validation errors; khsmodel validate "
                      "checks it, --no-validate skips the check)"
                      if any(r["code"] != "LOAD001" for r in result.findings)
                      else f"{result.source}: not exported (the file does not load)",
                      file=sys.stderr)  # fmt: skip
            for p in result.problems:
                if result.status in ("unreadable", "usage"):  # as validate and the others say it
                    c.error(_PROG, f"{result.source}: {p}")
                else:
                    print(f"{result.source}: {p}", file=sys.stderr)
        if result.status == "written":
            if tty:
                sys.stderr.write("\r\x1b[K")
            print(result.target, flush=True)

    check = not args.no_validate
    work = list(zip(files, targets, strict=True))
    if jobs == 1:
        for f, tgt in work:
            report(_export_one(f, tgt, args.format, options, check))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        pool = ProcessPoolExecutor(max_workers=jobs)
        try:
            futures = [pool.submit(_export_one, f, tgt, args.format, options, check)
                       for f, tgt in work]  # fmt: skip
            for fut in as_completed(futures):
                report(fut.result())
        except BaseException:  # Ctrl-C, SIGTERM: start nothing new; running ones finish whole
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    written = sum(1 for r in results if r.status == "written")
    if not written:  # no input exported: no empty --out-dir left behind
        for d in made:  # the deepest first
            with contextlib.suppress(OSError):
                d.rmdir()
    if tty:
        sys.stderr.write(f"\r\x1b[K{written} of {len(files)} written\n")
    if as_json:
        order = {f: i for i, f in enumerate(files)}
        rows = [
            {"file": r.source, "output": r.target if r.status == "written" else None,
             "status": r.status, "findings": r.findings, "problems": r.problems}
            for r in sorted(results, key=lambda r: order[r.source])
        ]  # fmt: skip
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    if any(r.status in ("unreadable", "usage") for r in results):
        return c.EXIT_USAGE
    skipped = sum(1 for r in results if r.status == "skipped")
    if skipped == len(files):
        c.error(_PROG, "none of the files is a khsmodel document")
        return c.EXIT_INVALID
    return c.EXIT_OK if written + skipped == len(files) else c.EXIT_INVALID
