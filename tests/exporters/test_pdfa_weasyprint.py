"""The ``pdfa`` exporter's default route: tagged PDF/A-2a from the HTML page by WeasyPrint.

Checked with real tools: pikepdf (structure tree, marked content on every
page, heading tags in order, figures with /Alt, table header cells, the XMP's
PDF/A identification), pdffonts (every font embedded, the bundled one) and
pdftotext (every measure of the 2016–2017 plan, in reading order). Without
WeasyPrint and Pango the tests skip with the reason (fail with CI=true).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import khsmodel
from khsmodel import ActionPlan
from khsmodel.errors import ExporterOptionError, UnknownOptionError, UnwritableTextError
from khsmodel_exporters.pdfa import PdfaExporter, weasyprint_missing
from tests.support.needs import unavailable
from tests.support.pdf_support import (
    SAMI_NAMES,
    norm,
    pdffonts,
    pdftotext,
    plan_2016_2017,
    sami_plan,
)

PDFA = PdfaExporter()


@pytest.fixture(scope="module", autouse=True)
def _weasyprint() -> None:
    reason = weasyprint_missing()
    if reason is not None:
        unavailable(reason)
    try:
        import pikepdf  # noqa: F401
    except ImportError as exc:
        unavailable(f"pikepdf is not installed ({exc}; pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    return plan_2016_2017()


@pytest.fixture(scope="module")
def plan_pdf(plan: ActionPlan) -> bytes:
    return PDFA.export(plan)


def _open(data: bytes) -> Any:
    import pikepdf

    return pikepdf.open(io.BytesIO(data))


def _tags(node: Any) -> Iterator[Any]:
    """Every structure element under ``node``, in document (reading) order."""
    import pikepdf

    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _tags(kid)


def test_pdfa_2a_identified_in_xmp(plan_pdf: bytes) -> None:
    pdf = _open(plan_pdf)
    meta = pdf.open_metadata()
    assert meta.pdfa_status == "2A"
    assert meta["dc:title"] == "Handlingsplan 2016-2017"
    assert str(pdf.Root.Lang) == "nb-NO"
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    assert "/OutputIntents" in pdf.Root  # PDF/A: the colour space declared


def test_structure_tree_headings_tables_figures(plan_pdf: bytes) -> None:
    pdf = _open(plan_pdf)
    tags = list(_tags(pdf.Root.StructTreeRoot))
    names = [str(t.S) for t in tags]
    headings = [int(n[2:]) for n in names if n[:2] == "/H" and n[2:].isdigit()]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(headings)), headings
    assert headings.count(2) >= 6  # five focus areas and the timeline
    figures = [t for t in tags if str(t.S) == "/Figure"]
    assert figures and all(str(f.get("/Alt", "")).startswith("Tidslinje") for f in figures)
    assert names.count("/Table") >= 6 and "/TH" in names and "/TD" in names
    assert "/L" in names and "/LI" in names and "/P" in names


def test_every_page_content_is_marked(plan_pdf: bytes) -> None:
    """Every text and path drawn is inside marked content (a tag or an artifact)."""
    import pikepdf

    pdf = _open(plan_pdf)
    for number, page in enumerate(pdf.pages, start=1):
        assert "/StructParents" in page.obj, number
        depth = 0
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ("BDC", "BMC"):
                depth += 1
            elif name == "EMC":
                depth -= 1
            elif name in ("Tj", "TJ", "'", '"', "f", "S", "B", "Do"):
                assert depth > 0, f"page {number}: {name} {operands!r} outside marked content"


def test_fonts_are_the_bundled_ones_embedded(plan_pdf: bytes, tmp_path: Path) -> None:
    rows = pdffonts(plan_pdf, tmp_path)
    assert rows and all(r["emb"] == "yes" for r in rows), rows
    # one look with the reportlab pdf (issue 14): Liberation Sans, the fallback not needed
    assert {r["name"].split("+")[-1] for r in rows} >= {
        "khsmodel-LiberationSans", "khsmodel-LiberationSans-Bold"}, rows  # fmt: skip
    assert all("LiberationSans" in r["name"] for r in rows), rows


DOCUMENTS = Path(__file__).resolve().parents[2] / "examples" / "documents"
NAMES = sorted(p.stem for p in DOCUMENTS.glob("*.json"))


def _labels(name: str) -> dict[str, Any]:
    import sys

    sys.path.insert(0, str(DOCUMENTS.parent))
    from catalogue import LABELS

    return {"labels": LABELS[name]} if name in LABELS else {}


@pytest.mark.parametrize("name", NAMES)
def test_one_look_with_the_reportlab_pdf(name: str, tmp_path: Path) -> None:
    """Issue 14 for the archive copy: the PDF/A embeds Liberation Sans (no other font) and
    breaks into as many pages as the reportlab PDF, give or take one."""
    import pypdf

    doc = khsmodel.load(DOCUMENTS / f"{name}.json")
    pdf = khsmodel.export(doc, "pdf", **_labels(name))
    pdfa = PDFA.export(doc, **_labels(name))
    faces = {r["name"].split("+")[-1] for r in pdffonts(pdfa, tmp_path)}
    assert "khsmodel-LiberationSans" in faces and all("LiberationSans" in f for f in faces), faces
    pages = [len(pypdf.PdfReader(io.BytesIO(d)).pages) for d in (pdf, pdfa)]
    assert abs(pages[0] - pages[1]) <= 1, f"(reportlab, WeasyPrint) pages: {pages}"


def test_print_css_takes_the_measures_of_look(plan_pdf: bytes) -> None:
    """The PDF/A's page: A4 and the margins of _look (the footer sits in the bottom one)."""
    from khsmodel_exporters import _look as K

    pdf = _open(plan_pdf)
    box = [float(x) for x in pdf.pages[0].MediaBox]
    assert box[2:] == pytest.approx([K.PAGE_W, K.PAGE_H], abs=0.5)
    import pypdf

    first = pypdf.PdfReader(io.BytesIO(plan_pdf)).pages[0]
    at: list[tuple[float, float]] = []
    first.extract_text(visitor_text=lambda t, cm, tm, *_: at.append(
        (tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5])) if t.strip() else None)  # fmt: skip
    assert min(x for x, _ in at) == pytest.approx(K.MARGIN_L, abs=1.0)
    top = K.PAGE_H - K.MARGIN_T  # the first line's baseline a line under it
    assert top - 20 < max(y for _, y in at) < top
    footer = min(y for _, y in at)  # "Side 1 av …", where the reportlab PDF has it
    assert footer == pytest.approx(K.FOOTER_FROM_BOTTOM, abs=3.0)


def test_letters_liberation_sans_lacks_come_from_the_fallback(tmp_path: Path) -> None:
    plain = PDFA.export(ActionPlan(title="Plan for Kárášjohka"))
    assert all("LiberationSans" in r["name"] for r in pdffonts(plain, tmp_path))
    mixed = PDFA.export(ActionPlan(title="Plan مستشفى ✓"))
    faces = {r["name"].split("+")[-1] for r in pdffonts(mixed, tmp_path)}
    assert any("DejaVuSans" in f for f in faces) and any("LiberationSans" in f for f in faces)
    text = pdftotext(mixed)
    assert "✓" in text and ("مستشفى" in text or "ىفشتسم" in text)


def test_every_measure_of_the_plan_in_reading_order(plan: ActionPlan, plan_pdf: bytes) -> None:
    text = norm(pdftotext(plan_pdf))
    at = 0
    missing = []
    for _, m in plan.iter_measures():
        for s in (m.text, m.responsibility.text if m.responsibility else None):
            if s:
                found = text.find(norm(s), at if s == m.text else 0)
                if found < 0:
                    missing.append(s)
                elif s == m.text:
                    at = found
    assert missing == []
    for _, m in plan.iter_measures():
        if m.timeframe:
            assert norm(m.timeframe.text) in text, m.timeframe.text
    assert "Side 1 av " in text


def test_same_input_same_bytes(plan: ActionPlan, plan_pdf: bytes) -> None:
    assert PDFA.export(plan) == plan_pdf


def test_sami_letters_and_hostile_title(tmp_path: Path) -> None:
    data = PDFA.export(sami_plan())
    text = norm(pdftotext(data))
    for sami, _, _ in SAMI_NAMES:
        assert sami in text, sami
    title = 'Plan </style><script>x</script> & "sitat"'
    data = PDFA.export(ActionPlan(title=title))
    pdf = _open(data)
    assert pdf.open_metadata()["dc:title"] == title
    assert title in norm(pdftotext(data))


def test_pdf_ua_variant() -> None:
    data = PDFA.export(ActionPlan(title="Plan"), variant="pdf/ua-1")
    pdf = _open(data)
    xmp = str(pdf.Root.Metadata.read_bytes(), "utf-8")
    assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp


def test_export_through_the_registry_writes_atomically(tmp_path: Path, plan: ActionPlan) -> None:
    target = tmp_path / "plan.pdf"
    data = khsmodel.export(plan, "pdfa", path=target)
    assert target.read_bytes() == data and data.startswith(b"%PDF-")


def test_options_of_the_routes_are_kept_apart() -> None:
    def refused(**options: object) -> tuple[str, str, object]:
        with pytest.raises(ExporterOptionError) as bad:
            PDFA.export(ActionPlan(title="P"), **options)
        assert bad.value.exporter == "pdfa"
        return bad.value.key, bad.value.value, type(bad.value)  # type: ignore[return-value]

    assert refused(route="weasyprint", soffice="soffice")[:2] == ("soffice", "soffice")
    assert refused(variant="pdf/a-1b")[:2] == ("variant", "pdf/a-1b")
    assert refused(route="word")[:2] == ("route", "word")
    assert refused(route="libreoffice", variant="pdf/ua-1")[:2] == ("variant", "pdf/ua-1")
    assert refused(colour="red") == ("colour", "red", UnknownOptionError)
    with pytest.raises(UnwritableTextError) as text:
        PDFA.export(ActionPlan(title="P\x1b"))
    assert (text.value.path, text.value.character) == ("$.title", "\x1b")


def test_running_header_on_the_pages_after_the_first_as_the_reportlab_pdf(
    plan: ActionPlan, plan_pdf: bytes
) -> None:
    """The plan's running header "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg":
    on every page after the first, at its top, where the reportlab PDF prints it (it was
    on page 1 only, in the page's flow)."""
    import pypdf

    header = "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg"
    pdf = khsmodel.export(plan, "pdf")
    for data in (pdf, plan_pdf):
        n = len(pypdf.PdfReader(io.BytesIO(data)).pages)
        assert n >= 3
        # read as laid out (top to bottom), not in drawing order
        first = norm(pdftotext(data, first=1, last=1, raw=False))
        assert header not in first and first.startswith("Handlingsplan 2016-2017")
        for page in range(2, n + 1):
            text = norm(pdftotext(data, first=page, last=page, raw=False))
            assert text.startswith(header), (page, text[:80])
            assert text.count(header) == 1
    # a document without a running header gets none (its title is no header either)
    bare = PDFA.export(ActionPlan(title="Plan uten organ"))
    assert norm(pdftotext(bare, first=1, last=1, raw=False)).startswith("Plan uten organ")
    assert norm(pdftotext(bare)).count("Plan uten organ") == 2  # the title and the footer
