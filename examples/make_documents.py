"""Write every seed example into out/ in every installed format.

Run: python examples/make_documents.py [OUT_DIR]

Each example is written once per exporter that supports its kind and whose
dependencies are installed (``pip install -e ".[all]"`` installs them all).
An exporter that cannot load is reported and skipped; the others still run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import EXAMPLES, LABELS

import khsmodel
from khsmodel import exporters


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="make_documents.py",
        description="Write every seed example in every installed format, and the site.",
    )
    parser.add_argument(
        "out_dir", nargs="?", default="out", help="folder to write into (default: out)"
    )
    out = Path(parser.parse_args(argv).out_dir)
    out.mkdir(parents=True, exist_ok=True)
    loaded = []
    for name in exporters.available():
        try:
            loaded.append(exporters.get(name))
        except khsmodel.KhsModelError as exc:
            print(f"skipping format {name}: {exc}", file=sys.stderr)
    written = 0
    unavailable: dict[str, str] = {}
    for example, build in EXAMPLES.items():
        # e.g. pdfa without LibreOffice: said once, the other formats go on
        written += _write_all(example, build(), out, loaded, unavailable, remember=True)
    written += _followup(out, loaded, unavailable)
    written += _meeting_plans(out, loaded, unavailable)
    formats = [e.name for e in loaded if e.name not in unavailable]
    print(f"{written} files in {out}/ ({', '.join(formats)})")
    # the partnership site: a page per example, its PDF/A beside it (those just written)
    from khsmodel_exporters.html.site import build_site

    pdfa = "pdfa" in formats
    pdfs = {name: (out / f"{name}.pdfa.pdf").read_bytes() for name in EXAMPLES
            if pdfa and (out / f"{name}.pdfa.pdf").is_file()}  # fmt: skip
    # with the follow-up: the plan with its changes, the status report, the meeting plans
    import khs
    import made_up_meeting_plan
    import vest_viken

    more: dict[str, khsmodel.Document] = {
        "002-khs-handlingsplan-2016-2017-med-endringer": khs.action_plan_2016_2017(),
        "002-khs-statusrapport-2016-06-30": khs.status_report_2016(),
        "003-vest-viken-moteplan-2022": vest_viken.meeting_plan_2022(),
        "oppdiktet-moteplan-2026": made_up_meeting_plan.meeting_plan_2026(),
    }
    pdfs.update({name: (out / f"{name}.pdfa.pdf").read_bytes() for name in more
                 if pdfa and (out / f"{name}.pdfa.pdf").is_file()})  # fmt: skip
    site = build_site([*((name, build()) for name, build in EXAMPLES.items()), *more.items()],
                      out / "site", pdfa=pdfa, pdfs=pdfs,
                      previous={"002-khs-handlingsplan-2016-2017-med-endringer":
                                khs.action_plan_2015()})  # fmt: skip
    print(f"{len(site)} files in {out / 'site'}/")
    return 0


def _followup(out: Path, loaded: list[exporters.Exporter], unavailable: dict[str, str]) -> int:
    """The follow-up of seed 002: what changed from the 2015 plan (text and JSON, as
    ``khsmodel diff`` prints it; and the 2016-2017 plan with that appendix in the
    formats that print one) and the status report of 30 June 2016 in every format."""
    import json

    import khs

    changes = khs.changes_2015_to_2016_2017()
    base = out / "002-khs-endringer-fra-2015"
    khsmodel.serialization.write_atomic(base.with_suffix(".txt"), (changes.text() + "\n").encode())
    data = json.dumps(changes.to_data(), ensure_ascii=False, indent=2) + "\n"
    khsmodel.serialization.write_atomic(base.with_suffix(".json"), data.encode())
    print(base.with_suffix(".txt"))
    print(base.with_suffix(".json"))
    written = 2
    # the 2016-2017 plan with its appendix "Endringer fra forrige plan" (against 2015)
    written += _write_all("002-khs-handlingsplan-2016-2017-med-endringer",
                          khs.action_plan_2016_2017(), out, loaded, unavailable,
                          extra={"previous": khs.action_plan_2015()})  # fmt: skip
    status = khs.status_report_2016()
    return written + _write_all("002-khs-statusrapport-2016-06-30", status, out, loaded, unavailable)


def _meeting_plans(out: Path, loaded: list[exporters.Exporter], unavailable: dict[str, str]) -> int:
    """The meeting plans in every format: Vest-Viken's meetings of 2022 as seed 003 gives
    them, and a made-up plan of 2026 (its title says so) that shows all a plan can hold."""
    import made_up_meeting_plan
    import vest_viken

    written = 0
    plans = {
        "003-vest-viken-moteplan-2022": vest_viken.meeting_plan_2022(),
        "oppdiktet-moteplan-2026": made_up_meeting_plan.meeting_plan_2026(),
    }
    for name, doc in plans.items():
        written += _write_all(name, doc, out, loaded, unavailable)
    return written


def _write_all(
    name: str,
    doc: khsmodel.Document,
    out: Path,
    loaded: list[exporters.Exporter],
    unavailable: dict[str, str],
    *,
    remember: bool = False,
    extra: dict[str, object] | None = None,
) -> int:
    """``doc`` in every loaded format that takes its kind, as ``out/name.SUFFIX``; the number
    written. A format that fails is skipped (and with ``remember``, not tried again).
    ``extra``: options for the formats that print documents (docx, pdf, pdfa, html), and
    only those formats are written."""
    written = 0
    printed = ("docx", "pdf", "pdfa", "html")
    for exporter in loaded:
        if type(doc).KIND not in exporter.kinds or exporter.name in unavailable:
            continue
        if extra and exporter.name not in printed:
            continue
        target = out / f"{name}{exporter.suffix}"
        # the case system's own words, for the formats that print labels
        options = {"labels": LABELS[name]} if name in LABELS and exporter.name in (
            "docx", "pdf", "pdfa", "html") else {}  # fmt: skip
        options.update(extra or {})
        try:
            khsmodel.export(doc, exporter.name, path=target, **options)
        except khsmodel.KhsModelError as exc:
            if remember:
                unavailable[exporter.name] = str(exc)
            print(f"skipping format {exporter.name}: {exc}", file=sys.stderr)
            continue
        written += 1
        print(target)
    return written


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
