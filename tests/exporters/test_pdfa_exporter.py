"""The ``pdfa`` exporter's LibreOffice route: Word output converted to PDF/A-2b.

(The default route, tagged PDF/A-2a from the HTML page by WeasyPrint, is
tests/exporters/test_pdfa_weasyprint.py.)

The conversions need LibreOffice (``soffice``) and are skipped with the reason
when it is not installed; the error paths run everywhere with stand-in programs.
"""

from __future__ import annotations

import concurrent.futures
import functools
import io
import re
import stat
from pathlib import Path

import pypdf
import pytest

import khsmodel
from khsmodel import ActionPlan, FocusArea, KhsModelError, Measure, exporters
from khsmodel.errors import ExporterOptionError, UnknownOptionError, UnwritableTextError
from khsmodel_exporters.pdfa import PdfaExporter
from tests.support.needs import program
from tests.support.pdf_support import (
    SAMI_NAMES,
    norm,
    pdffonts,
    pdftotext,
    plan_2016_2017,
    sami_plan,
)

needs_soffice = pytest.mark.requires_program("soffice")


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    return plan_2016_2017()


@pytest.fixture(scope="module")
def plan_pdfa(plan: ActionPlan) -> bytes:
    program("soffice")  # skips (fails in CI) without LibreOffice
    return khsmodel.export(plan, "pdfa", route="libreoffice")


def _xmp(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    meta = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return str(meta.decode("utf-8"))


def test_registered_through_the_entry_point() -> None:
    exp = exporters.get("pdfa")
    assert isinstance(exp, PdfaExporter)
    assert (exp.suffix, exp.media_type) == (".pdfa.pdf", "application/pdf")
    assert "action_plan" in exp.kinds and "case_document" in exp.kinds


@needs_soffice
def test_xmp_declares_pdfa_2b(plan_pdfa: bytes) -> None:
    xmp = _xmp(plan_pdfa)
    assert re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", xmp), xmp
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>|pdfaid:conformance=\"B\"", xmp)
    assert "Handlingsplan 2016-2017" in xmp  # dc:title from the Word core properties


@needs_soffice
def test_tagged_with_language(plan_pdfa: bytes) -> None:
    catalog = pypdf.PdfReader(io.BytesIO(plan_pdfa)).trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "nb-NO"


@needs_soffice
def test_text_of_the_plan_is_there(plan: ActionPlan, plan_pdfa: bytes) -> None:
    text = norm(pdftotext(plan_pdfa))
    missing = []
    for _, m in plan.iter_measures():
        for s in (
            m.text,
            m.responsibility.text if m.responsibility else None,
            m.timeframe.text if m.timeframe else None,
        ):
            if s and norm(s) not in text:
                missing.append(s)
    assert missing == []


@needs_soffice
def test_fonts_embedded_and_sami_letters_kept(tmp_path: Path) -> None:
    data = PdfaExporter().export(sami_plan(), route="libreoffice")
    rows = pdffonts(data, tmp_path)
    assert rows and all(r["emb"] == "yes" for r in rows), rows
    text = norm(pdftotext(data))
    for sami, _, _ in SAMI_NAMES:
        assert sami in text, sami
    assert "á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž Ï" in text


@needs_soffice
def test_parallel_conversions_do_not_clash() -> None:
    docs = [
        ActionPlan(
            title=f"Plan nummer {i}",
            focus_areas=(
                FocusArea(
                    number=1, title="Ett", measures=(Measure(number=1, text=f"Tiltak i plan {i}"),)
                ),
            ),
        )
        for i in range(3)
    ]
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        results = list(pool.map(functools.partial(PdfaExporter().export, route="libreoffice"),
                                 docs))  # fmt: skip
    for i, data in enumerate(results):
        assert f"Tiltak i plan {i}" in pdftotext(data)


@needs_soffice
def test_timeout_stops_libreoffice() -> None:
    with pytest.raises(KhsModelError, match=r"did not finish .* within 0\.01 s"):
        PdfaExporter().export(ActionPlan(title="Plan"), timeout=0.01)


# ---------------------------------------------------------------- errors, without LibreOffice
def test_missing_program_is_named() -> None:
    with pytest.raises(
        KhsModelError, match="needs LibreOffice: program 'no-such-soffice' not found"
    ):
        PdfaExporter().export(ActionPlan(title="Plan"), soffice="no-such-soffice")


def test_missing_soffice_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("KHSMODEL_SOFFICE", raising=False)
    with pytest.raises(KhsModelError, match="program 'soffice' not found on PATH"):
        PdfaExporter().export(ActionPlan(title="Plan"), route="libreoffice")


def _fake(tmp_path: Path, body: str) -> str:
    path = tmp_path / "fake-soffice"
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_converter_that_writes_nothing(tmp_path: Path) -> None:
    fake = _fake(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 0")
    with pytest.raises(KhsModelError, match=r"wrote no PDF.*could not be loaded"):
        PdfaExporter().export(ActionPlan(title="Plan"), soffice=fake)


def test_converter_that_writes_plain_pdf(tmp_path: Path) -> None:
    # arguments: ... --outdir DIR FILE; write DIR/document.pdf without PDF/A metadata
    fake = _fake(
        tmp_path,
        'while [ "$1" != "--outdir" ]; do shift; done; '
        'printf "%%PDF-1.4\\n%%%%EOF\\n" > "$2/document.pdf"',
    )
    with pytest.raises(KhsModelError, match="does not declare PDF/A-2"):
        PdfaExporter().export(ActionPlan(title="Plan"), soffice=fake)


def test_options_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ExporterOptionError) as bad:
        PdfaExporter().export(ActionPlan(title="Plan"), timeout=0)
    assert (bad.value.exporter, bad.value.key, bad.value.value) == ("pdfa", "timeout", 0)
    fake = _fake(tmp_path, "exit 1")
    with pytest.raises(UnknownOptionError) as unknown:  # passed on to docx
        PdfaExporter().export(ActionPlan(title="Plan"), soffice=fake, colour="red")
    assert (unknown.value.exporter, unknown.value.key) == ("docx", "colour")


def test_bad_text_is_rejected_before_conversion(tmp_path: Path) -> None:
    fake = _fake(tmp_path, "exit 1")
    with pytest.raises(UnwritableTextError) as bad:
        PdfaExporter().export(ActionPlan(title="Plan\x1b"), soffice=fake)
    assert bad.value.path == "$.title"
