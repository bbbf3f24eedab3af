"""Record (or check) the sha256 of every example exported in every built-in format.

Run: python tools/export_digests.py            (writes tests/fixtures/export-digests.json)
     python tools/export_digests.py --check    (exit 1 and name what changed)

A refactoring must not change a byte of the output: tests/exporters/test_export_digests.py
compares the exports with the recorded digests. The documents are those of
``examples/documents/*.json`` (``python examples/write_json.py`` writes them), the status
report of seed 002 and the two meeting plans of the examples (their content is built by
modules of their own), each in every built-in format that takes its kind, with the case
system's labels where ``examples/make_documents.py`` gives them. PDF/A is left out: it is made
by programs outside Python (LibreOffice, WeasyPrint) whose bytes are not ours to promise.

The bytes depend on the libraries that write them; the fixture records their versions, and the
test skips (saying why) when the installed ones differ. Regenerate after an *intended* change
of output and say in the commit message which outputs changed and why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCUMENTS = EXAMPLES / "documents"
FIXTURE = ROOT / "tests" / "fixtures" / "export-digests.json"

#: The built-in formats whose bytes are promised (pdfa is made by LibreOffice/WeasyPrint).
FORMATS = ("docx", "pdf", "html", "json", "csv", "ics", "noark5", "oparl")
#: The formats that take the ``labels`` option (as examples/make_documents.py gives it).
LABELLED = ("docx", "pdf", "html")
#: The distributions whose versions the bytes depend on.
LIBRARIES = ("python-docx", "reportlab", "lxml", "icalendar")


def environment() -> dict[str, str]:
    """The versions the recorded bytes depend on: Python's major.minor and the libraries."""
    versions = {"python": f"{sys.version_info.major}.{sys.version_info.minor}"}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _examples() -> Iterator[tuple[str, Callable[[], object], object]]:
    """(name, document builder, labels or None) of every example the digests cover."""
    import khsmodel

    if str(EXAMPLES) not in sys.path:
        sys.path.insert(0, str(EXAMPLES))
    from catalogue import LABELS

    files = sorted(DOCUMENTS.glob("*.json"))
    if not files:
        raise SystemExit(f"no examples in {DOCUMENTS}: run python examples/write_json.py first")
    for path in files:
        name = path.stem
        yield name, (lambda path=path: khsmodel.load(path)), LABELS.get(name)
    import khs
    import made_up_meeting_plan
    import vest_viken

    yield "002-khs-statusrapport-2016-06-30", khs.status_report_2016, None
    yield "003-vest-viken-moteplan-2022", vest_viken.meeting_plan_2022, None
    yield "oppdiktet-moteplan-2026", made_up_meeting_plan.meeting_plan_2026, None


def digests() -> dict[str, dict[str, str]]:
    """Example name → format → sha256 of the exported bytes."""
    import khsmodel
    from khsmodel import exporters

    loaded = [exporters.get(name) for name in FORMATS]
    out: dict[str, dict[str, str]] = {}
    for name, build, labels in _examples():
        doc = build()
        kind = type(doc).KIND  # type: ignore[attr-defined]
        row: dict[str, str] = {}
        for exporter in loaded:
            if kind not in exporter.kinds:
                continue
            options = {"labels": labels} if labels is not None and exporter.name in LABELLED else {}
            data = khsmodel.export(doc, exporter.name, **options)  # type: ignore[arg-type]
            row[exporter.name] = hashlib.sha256(data).hexdigest()
        out[name] = row
    return out


def record() -> dict[str, object]:
    """The fixture's content: the environment and the digests."""
    return {"environment": environment(), "digests": digests()}


def differences(recorded: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> list[str]:
    """``example/format`` of every export whose digest changed, appeared or went missing."""
    problems = []
    for name in sorted(set(recorded) | set(now)):
        before, after = recorded.get(name, {}), now.get(name, {})
        for fmt in sorted(set(before) | set(after)):
            if fmt not in after:
                problems.append(f"{name}/{fmt}: no longer exported")
            elif fmt not in before:
                problems.append(f"{name}/{fmt}: not recorded")
            elif before[fmt] != after[fmt]:
                problems.append(f"{name}/{fmt}: bytes changed")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if args.check:
        recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
        if recorded["environment"] != environment():
            print(f"recorded with {recorded['environment']}, installed {environment()}: "
                  "the bytes may differ for that reason alone", file=sys.stderr)  # fmt: skip
        problems = differences(recorded["digests"], digests())
        for problem in problems:
            print(problem)
        print(f"{len(problems)} of the exports changed" if problems else "no export changed")
        return 1 if problems else 0
    from khsmodel.serialization import write_atomic

    text = json.dumps(record(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(FIXTURE, text.encode("utf-8"))
    print(f"wrote {FIXTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
