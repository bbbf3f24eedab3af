"""The ``pdf`` exporter, read back the way a person (or an archive) would.

Text with ``pdftotext``, fonts with ``pdffonts``, outline and catalogue with
pypdf, positions with ``pdftotext -bbox``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import attrs
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings

import khsmodel
from khsmodel import (
    ActionPlan,
    CaseDocument,
    CaseNumber,
    FocusArea,
    KhsModelError,
    Measure,
    Responsibility,
    Timeframe,
    exporters,
)
from khsmodel.errors import ExporterOptionError, UnknownOptionError, UnwritableTextError
from khsmodel_exporters.pdf import PdfExporter
from tests.support import export_samples as samples
from tests.support.needs import program
from tests.support.pdf_support import (
    ROOT,
    SAMI_NAMES,
    SAMI_WORDS,
    norm,
    outline,
    pdffonts,
    pdftotext,
    plan_2016_2017,
    sami_plan,
    timeline_plan,
    word_boxes,
)

A4_W, A4_H = 595.28, 841.89


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    return plan_2016_2017()


@pytest.fixture(scope="module")
def plan_pdf(plan: ActionPlan) -> bytes:
    return khsmodel.export(plan, "pdf")


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _examples() -> dict[str, object]:
    examples = str(ROOT / "examples")
    if examples not in sys.path:
        sys.path.insert(0, examples)
    from catalogue import EXAMPLES  # type: ignore[import-not-found]

    return dict(EXAMPLES)


# ---------------------------------------------------------------- registration
def test_registered_through_the_entry_point() -> None:
    exp = exporters.get("pdf")
    assert isinstance(exp, PdfExporter)
    assert (exp.suffix, exp.media_type) == (".pdf", "application/pdf")
    assert set(exp.kinds) == {"action_plan", "case_document", "meeting", "agreement", "partnership",
                              "status_report", "meeting_plan"}


def test_export_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    data = khsmodel.export(timeline_plan(), "pdf", path=target)
    assert target.read_bytes() == data
    assert data.startswith(b"%PDF-1.")


def test_options_are_checked() -> None:
    with pytest.raises(UnknownOptionError) as unknown:
        PdfExporter().export(timeline_plan(), colour="red")
    assert (unknown.value.exporter, unknown.value.key, unknown.value.value) == ("pdf", "colour", "red")
    with pytest.raises(ExporterOptionError) as bad:
        PdfExporter().export(timeline_plan(), timeline="yes")
    assert (bad.value.exporter, bad.value.key, bad.value.value) == ("pdf", "timeline", "yes")


# ---------------------------------------------------------------- text
def test_every_measure_of_the_2016_2017_plan_is_in_the_text(
    plan: ActionPlan, plan_pdf: bytes
) -> None:
    text = norm(pdftotext(plan_pdf))
    expected: list[str] = [plan.title]
    for fa, m in plan.iter_measures():
        expected.append(fa.title)
        expected.append(m.text)
        expected.extend(m.details)
        if m.responsibility is not None:
            expected.append(m.responsibility.text)
        if m.timeframe is not None:
            expected.append(m.timeframe.text)
        if m.heading is not None:
            expected.append(m.heading)
    assert len(expected) > 60
    missing = [e for e in expected if norm(e) not in text]
    assert missing == []
    assert "OSU besluttet 08.02.2016 følgende fokusområder" in text
    assert text.index("Vedtatt i OSU 8. februar 2016") < text.index("OSU besluttet")
    for label in ("Tiltak", "Ansvarlig", "Tidsperspektiv", "Fase 1", "Fase 2"):
        assert label in text


def test_measure_table_header_is_repeated_on_every_page() -> None:
    measures = tuple(
        Measure(
            number=i,
            text=f"Tiltak nummer {i} " + "ord " * 30,
            responsibility=Responsibility(text="Partene"),
            timeframe=Timeframe(text="Neste møte"),
        )
        for i in range(1, 80)
    )
    doc = ActionPlan(
        title="Lang plan", focus_areas=(FocusArea(number=1, title="Alt", measures=measures),)
    )
    data = PdfExporter().export(doc, timeline=False)
    pages = len(_reader(data).pages)
    assert pages >= 3
    for page in range(2, pages + 1):
        assert "Tiltak Ansvarlig Tidsperspektiv" in norm(pdftotext(data, first=page, last=page))


def test_sami_names_come_out_exactly() -> None:
    data = PdfExporter().export(sami_plan())
    text = norm(pdftotext(data))
    for sami, norwegian, _ in SAMI_NAMES:
        assert sami in text, sami
        assert f"Samisk språk i tjenestene: {sami} ({norwegian})" in text
    for word in SAMI_WORDS:
        assert norm(word) in text, word
    # the raw code points too (no folding, no lookalikes): each Sámi letter survives
    counts = Counter(unicodedata.normalize("NFC", pdftotext(data)))
    for letter in "áčđŋšŧžÁČĐŊŠŦŽÏï":
        assert counts[letter] > 0, letter


def test_case_document_includes_the_attached_plan(plan: ActionPlan) -> None:
    case = _examples()["000-osu-sak-2-2016-saksframlegg"]()  # type: ignore[operator]
    assert isinstance(case, CaseDocument)
    data = PdfExporter().export(case)
    text = norm(pdftotext(data))
    assert "Vedlegg 1 til sak 2/2016" in text
    assert "Forslag til vedtak" in text and "Bakgrunn" in text
    for _, m in plan.iter_measures():
        assert norm(m.text) in text
    assert "Proessen" in text and "sak21/2015" in text and "25.januar 2016" in text


def test_case_heading_block_labels_as_in_word() -> None:
    """The heading block's labels end in a colon in PDF as in Word and the seeds."""
    data = PdfExporter().export(samples.case_document())
    lines = [" ".join(x.split()) for x in pdftotext(data).splitlines()]
    head = "\n".join(lines[:12])
    assert "Saksbehandlere: Christine Furuholmen" in head
    assert "Arkivsak: 2016/118" in head and "Dato: 28.01.2016" in head


# ---------------------------------------------------------------- fonts
@pytest.mark.parametrize("name", sorted(_examples()))
def test_only_the_bundled_font_embedded(name: str, tmp_path: Path) -> None:
    doc = _examples()[name]()  # type: ignore[operator]
    rows = pdffonts(PdfExporter().export(doc), tmp_path)
    assert rows, "no fonts listed"
    for row in rows:
        assert row["name"].split("+")[-1].startswith("LiberationSans"), row
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row
        assert row["type"] == "TrueType", row


def test_bundled_font_and_licence_are_package_data() -> None:
    from importlib import resources

    fonts = resources.files("khsmodel_exporters.pdf").joinpath("fonts")
    names = {p.name for p in fonts.iterdir()}
    assert {
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
        "LICENSE-LiberationSans.txt",
        "DejaVuSans.ttf",  # the fallback for what Liberation Sans lacks
        "DejaVuSans-Bold.ttf",
        "LICENSE-DejaVu.txt",
    } == names - {"__pycache__"}
    licence = fonts.joinpath("LICENSE-LiberationSans.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Red Hat" in licence
    licence = fonts.joinpath("LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "Permission is hereby granted" in licence


# ---------------------------------------------------------------- page furniture, outline
def test_footer_says_side_x_av_y(plan_pdf: bytes) -> None:
    n = len(_reader(plan_pdf).pages)
    assert n >= 2
    for page in range(1, n + 1):
        assert f"Side {page} av {n}" in pdftotext(plan_pdf, first=page, last=page)
    assert "Handlingsplan 2016-2017" in pdftotext(plan_pdf, first=n, last=n)


def test_header_names_partnership_and_body(plan_pdf: bytes) -> None:
    second = pdftotext(plan_pdf, first=2, last=2)
    assert "Kommunehelsesamarbeidet – Overordnet samarbeidsutvalg" in second


def test_outline_has_an_entry_per_focus_area_on_its_page(plan: ActionPlan, plan_pdf: bytes) -> None:
    entries = outline(plan_pdf)
    titles = [t for _, t, _ in entries]
    for fa in plan.focus_areas:
        title = f"Fokusområde {fa.number}: {fa.title}"
        assert title in titles
        page = next(p for _, t, p in entries if t == title)
        # the bookmark leads to the page where the heading is printed
        assert norm(title) in norm(pdftotext(plan_pdf, first=page + 1, last=page + 1))
    assert "Tidslinje" in titles
    pages = [p for _, _, p in entries]
    assert pages == sorted(pages) and pages[-1] > 0


def test_outline_of_a_case_has_sections_and_the_attachment() -> None:
    case = _examples()["000-osu-sak-2-2016-saksframlegg"]()  # type: ignore[operator]
    data = PdfExporter().export(case)
    entries = outline(data)
    top = [t for d, t, _ in entries if d == 0]
    assert "Forslag til vedtak" in top and "Bakgrunn" in top
    attachment = next(
        i
        for i, (d, t, _) in enumerate(entries)
        if d == 0 and t.startswith("Vedlegg 1 til sak 2/2016")
    )
    nested = [t for d, t, _ in entries[attachment + 1 :] if d == 1]
    assert any(t.startswith("Fokusområde 1:") for t in nested)
    assert entries[attachment][2] > 0  # the attachment starts on a later page


def test_metadata_title_author_subject_language(plan_pdf: bytes) -> None:
    reader = _reader(plan_pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Handlingsplan 2016-2017"
    assert meta.author == "Kommunehelsesamarbeidet"
    assert meta.subject == "Handlingsplan, 2016-2017"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nb-NO"
    assert catalog["/PageMode"] == "/UseOutlines"


def test_a4_pages(plan_pdf: bytes) -> None:
    for page in _reader(plan_pdf).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


# ---------------------------------------------------------------- determinism
def test_same_input_same_bytes(plan: ActionPlan) -> None:
    first = PdfExporter().export(plan)
    PdfExporter().export(sami_plan())  # another document in between must not leak state
    assert PdfExporter().export(plan) == first


def test_same_bytes_in_another_process(plan_pdf: bytes, tmp_path: Path) -> None:
    """No dependence on hash seeds, registration order or anything else in the process."""
    import os
    import subprocess

    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from tests.support.pdf_support import plan_2016_2017;"
        "import khsmodel; sys.stdout.buffer.write(khsmodel.export(plan_2016_2017(), 'pdf'))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)],
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    )
    assert out.stdout == plan_pdf


def test_same_bytes_without_reportlab_accelerators(plan_pdf: bytes) -> None:
    """reportlab's C accelerators (``rl_accel``, in the ``pdf`` extra) change the speed only.

    Without them reportlab falls back to Python code for number formatting, text
    widths and stream encoding; the document must not differ by one byte.
    """
    import subprocess

    script = (
        "import sys; sys.modules['_rl_accel'] = None; sys.path.insert(0, sys.argv[1]);"
        "from reportlab.lib import rl_accel;"
        "assert rl_accel.fp_str.__module__ == 'reportlab.lib.rl_accel', rl_accel.fp_str;"
        "from tests.support.pdf_support import plan_2016_2017;"
        "import khsmodel; sys.stdout.buffer.write(khsmodel.export(plan_2016_2017(), 'pdf'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert out.stdout == plan_pdf


def test_reportlab_accelerators_installed_with_the_pdf_extra() -> None:
    """The ``pdf`` extra asks for ``reportlab[accel]``; this environment has it."""
    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"


# ---------------------------------------------------------------- hostile text
HOSTILE = (
    "<b>fet</b>",
    '<img src="/etc/passwd">',
    "</w:t>",
    "]]>",
    "AT&T",
    "&amp;",
    "&#x41;",
    "R&D-midler",
    '<a href="http://x">lenke</a>',
    "<para>",
    "<br/>",
    "&nbsp;",
    "<font size=40>",
)


def _hostile_plan() -> ActionPlan:
    measures = [
        Measure(
            number=i + 1,
            text=f"Tiltak {h} slutt",
            responsibility=Responsibility(text=h),
            timeframe=Timeframe(text=h),
        )
        for i, h in enumerate(HOSTILE)
    ]
    extra = (
        "Møte med مستشفى, sak 07-2021",
        "בית חולים",
        "\u202eoverstyrt",
        "🏥 og 👩\u200d⚕️",
        "no-break\u00a0space",
        "myk\u00adbindestrek",
        "null\u200bbredde",
        "tab\tfane",
        "linje en\r\nlinje to",
        "e\u0301 og é",
    )
    measures += [Measure(number=len(measures) + i + 1, text=x) for i, x in enumerate(extra)]
    return ActionPlan(
        title="Plan <b>&amp; AT&T</b>",
        focus_areas=(
            FocusArea(number=1, title="<i>Fiendtlig</i> & tekst", measures=tuple(measures)),
        ),
    )


def test_hostile_strings_are_printed_as_text(tmp_path: Path) -> None:
    data = PdfExporter().export(_hostile_plan())
    text = norm(pdftotext(data))
    for h in HOSTILE:
        assert f"Tiltak {h} slutt" in text, h
    assert "Plan <b>&amp; AT&T</b>" in text
    assert "<i>Fiendtlig</i> & tekst Tiltak" in text  # the focus area heading, unlabelled
    assert "Møte med" in text and ", sak 07-2021" in text
    assert "linje en linje to" in text and "tab fane" in text
    assert norm("e\u0301 og é") in text  # compared after NFC
    # right-to-left letters are all there (reportlab draws them in logical order)
    raw = Counter(pdftotext(data))
    for ch in "مستشفىבית חולים".replace(" ", ""):
        assert raw[ch] > 0, ch
    # no markup was obeyed: no image was read, no link made, one font size for the texts
    reader = _reader(data)
    for page in reader.pages:
        resources = page["/Resources"]
        assert "/XObject" not in resources
        assert "/Annots" not in page
    # Liberation Sans, and DejaVu Sans only for what it lacks (the Arabic here); emoji,
    # which neither has, print as a box and bring in no other font
    names = {row["name"].split("+")[-1] for row in pdffonts(data, tmp_path) if row["emb"] == "yes"}
    assert {n.split("-")[0] for n in names} == {"LiberationSans", "DejaVuSans"}, names
    assert len(names) == len(pdffonts(data, tmp_path)), "a font not embedded"
    sizes = {round(b[4] - b[2]) for b in word_boxes(data, tmp_path) if b[0] == 1}
    assert max(sizes) < 30  # "<font size=40>" stayed text


def test_control_characters_are_rejected_with_the_path() -> None:
    doc = ActionPlan(
        title="Plan",
        focus_areas=(
            FocusArea(
                number=1,
                title="Ok",
                measures=(Measure(number=1, text="ok"), Measure(number=2, text="bad\x0bvalue")),
            ),
        ),
    )
    with pytest.raises(UnwritableTextError) as bad:
        PdfExporter().export(doc)
    assert (bad.value.path, bad.value.character) == ("$.focus_areas[0].measures[1].text", "\x0b")


def _inside_the_page(data: bytes, tmp_path: Path) -> int:
    boxes = word_boxes(data, tmp_path)
    assert boxes
    for page, x0, y0, x1, y1 in boxes:
        assert x0 >= 0 and x1 <= A4_W - 50, (page, x0, x1)  # inside the right margin
        assert y0 >= 0 and y1 <= A4_H, (page, y0, y1)
    return max(b[0] for b in boxes)


def test_a_10000_character_word_wraps_inside_the_page(tmp_path: Path) -> None:
    words = [
        (unit * 400)[:10_000]
        for unit in (
            "spesialsykepleierkompetanse",
            "meldingsutvekslingssystem",
            "Nåavmesjenjaelmie",
        )
    ]
    doc = ActionPlan(
        title="Plan",
        focus_areas=(
            FocusArea(
                number=1,
                title=words[0][:3000],
                measures=(
                    Measure(number=1, text=words[0]),
                    Measure(
                        number=2, text="Ansvarlig", responsibility=Responsibility(text=words[1])
                    ),
                    Measure(number=3, text="Tid", timeframe=Timeframe(text=words[2])),
                    Measure(number=4, text="Neste tiltak"),
                ),
            ),
        ),
    )
    data = PdfExporter().export(doc)
    pages = _inside_the_page(data, tmp_path)
    assert pages >= 5
    # the text of the body, without the table header repeated on each page
    body = "".join(pdftotext(data, body_only=True).split())
    body = body.replace("TiltakAnsvarligTidsperspektiv", "")
    assert "Plan" + words[0][:3000] in body  # the title, then the focus area heading
    for word in words:  # every character kept, in order, only the lines broken
        assert word in body
    assert "4Nestetiltak" in body or "Nestetiltak" in body


def test_a_50_line_cell_splits_across_pages(tmp_path: Path) -> None:
    lines = [f"Linje {i} i en lang celle med krav til arbeidet" for i in range(1, 51)]
    detail_measures = tuple(
        Measure(
            number=i,
            text=f"Tiltak {i}",
            details=tuple(lines),
            responsibility=Responsibility(text="\n".join(lines)),
            timeframe=Timeframe(text="\n".join(lines[:10])),
        )
        for i in range(1, 4)
    )
    doc = ActionPlan(
        title="Plan",
        focus_areas=(FocusArea(number=1, title="Lange celler", measures=detail_measures),),
    )
    data = PdfExporter().export(doc)
    pages = _inside_the_page(data, tmp_path)
    assert pages >= 4
    text = norm(pdftotext(data))
    for n in range(1, 51):
        # details and responsible of all three measures (a line the narrower responsible
        # column wraps is read back beside the detail line next to it: count its start)
        assert len(re.findall(rf"Linje {n} i en", text)) >= 6, n


# ---------------------------------------------------------------- timeline
def test_timeline_draws_resolved_and_lists_fuzzy_measures() -> None:
    data = PdfExporter().export(timeline_plan())
    text = norm(pdftotext(data))
    assert "Tidslinje" in [t for _, t, _ in outline(data)]
    tail = text[text.index("Tidslinje") :]
    # the chart: axis years and months, a row per dated measure with its timeframe as written
    assert "2016" in tail and "2017" in tail
    for number, when in (
        ("1.1", "Medio juni"),
        ("1.2", "15 mars"),
        ("1.3", "Starter i april"),
        ("1.5", "innen 1. september"),
    ):
        # the label and the timeframe are printed in full
        assert f"{number} Tiltak med tidsperspektiv «{when[:8]}" in tail
        assert f" {when} " in tail.replace(f"«{when}»", "")
    # fuzzy ones under it, with their text
    fuzzy = tail[tail.index("Uten fast dato") :]
    assert (
        "1.6 Tiltak med tidsperspektiv «Tidsplan i samarbeid med kommunene» – Tidsplan i "
        "samarbeid med kommunene" in fuzzy
    )
    assert "1.7 Tiltak med tidsperspektiv «Neste møte» – Neste møte" in fuzzy
    # no timeframe at all: listed with its text alone, so that every measure is found
    assert "• Tiltak uten tid Side" in fuzzy  # the last item, and nothing after its text
    # vector graphics: no images
    assert all("/XObject" not in p["/Resources"] for p in _reader(data).pages)


def test_timeline_names_measures_as_the_tables_do(plan: ActionPlan, plan_pdf: bytes) -> None:
    """The 2016-2017 plan numbers no measure: neither its tables nor its timeline do; a
    label as written ("1.1") is printed in both."""
    text = norm(pdftotext(plan_pdf))
    tail = text[text.rindex("Tidslinje") :]
    assert not re.search(r"\b\d\.\d+ [A-ZÆØÅ]", tail), tail[:400]
    unplaced = tail[tail.index("Uten fast dato") :]
    assert "Rettigheter forankret i lov" in unplaced  # no timeframe: listed, under its area
    assert unplaced.index("Fokusområde 2: Tiltak rettet mot barn og unge") < unplaced.index(
        "Rettigheter forankret i lov"
    )
    labelled = norm(pdftotext(PdfExporter().export(timeline_plan())))
    assert "1.1 Tiltak med tidsperspektiv" in labelled[: labelled.index("Tidslinje")]  # table
    assert "1.1 Tiltak med tidsperspektiv" in labelled[labelled.index("Tidslinje") :]  # chart


class _Recorder:
    """A canvas that records the strings drawn on it (x, y, text, font) and draws nothing."""

    def __init__(self) -> None:
        self.strings: list[tuple[float, float, str, str]] = []
        self.font = ""

    def setFont(self, font: str, size: float) -> None:  # reportlab's names
        self.font = font

    def drawString(self, x: float, y: float, text: str) -> None:
        self.strings.append((x, y, text, self.font))

    drawCentredString = drawRightString = drawString

    def beginPath(self) -> _Recorder:
        return self

    def __getattr__(self, name: str) -> object:
        return lambda *args, **kwargs: None


def _chart_labels(parts: list[tuple[float, object]]) -> list[tuple[list[str], list[float]]]:
    """The labels and focus area titles of the chart's parts (the strings at x=4), each
    with its lines and their baselines: lines of one label are less than a row apart."""
    out: list[tuple[list[str], list[float]]] = []
    for _, paint in parts:
        canvas = _Recorder()
        paint(canvas)  # type: ignore[operator]
        previous: float | None = None
        for x, y, text, _font in canvas.strings:
            if x != 4:
                continue
            if previous is not None and 0 < previous - y < 12:
                out[-1][0].append(text)
                out[-1][1].append(y)
            else:
                out.append(([text], [y]))
            previous = y
    return out


def test_timeline_labels_wrap_whole_in_the_label_column(plan: ActionPlan, plan_pdf: bytes) -> None:
    """As in the HTML page: a long label wraps at word boundaries, its row grows, nothing is
    cut with "…" (the 2016-2017 plan had nine labels cut)."""
    from khsmodel.labels import NB
    from khsmodel_exporters.pdf._fonts import REGULAR, string_width
    from khsmodel_exporters.pdf._render import TEXT_H, TEXT_W
    from khsmodel_exporters.pdf._timeline import FONT_SIZE, chart_parts, collect

    data = collect(plan, NB)
    labels = _chart_labels(chart_parts(data, TEXT_W, TEXT_H - 60, NB))  # as the PDF calls it
    expected = []
    for title, rows in data.groups:
        expected.append(" ".join(title.split()))
        expected += [" ".join(f"{r.number} {r.text}".split()) for r in rows]
    assert [" ".join(lines) for lines, _ in labels] == expected
    assert sum(len(lines) > 1 for lines, _ in labels) >= 9
    label_w = min(max(TEXT_W * 0.40, 120.0), TEXT_W - 120.0)
    titles = {" ".join(t.split()) for t, _ in data.groups}
    for lines, _ in labels:
        if " ".join(lines) not in titles:
            assert all(string_width(x, REGULAR, FONT_SIZE) <= label_w - 8 for x in lines)
    # and in the file: no label cut, every word of every label on the timeline's page
    tail = norm(pdftotext(plan_pdf))
    tail = tail[tail.rindex("Tidslinje") : tail.index("Uten fast dato", tail.rindex("Tidslinje"))]
    assert "…" not in tail
    words = set(tail.split())
    assert {w for label in expected for w in label.split()} <= words


class _ColourRecorder(_Recorder):
    """A recorder that also notes the fill colour each string is drawn in."""

    def __init__(self) -> None:
        super().__init__()
        self.colour: object = None
        self.colours: list[object] = []

    def setFillColor(self, colour: object) -> None:
        self.colour = colour

    def drawString(self, x: float, y: float, text: str) -> None:
        super().drawString(x, y, text)
        self.colours.append(self.colour)

    drawCentredString = drawRightString = drawString


#: Timeframes near the plan's end (2017-12-31), too long for the room right of their mark.
LATE = (
    ("Innen 1. desember 2017, med sluttrapport til OSU og til alle kommunestyrene i regionen",
     "by"),
    ("Desember 2017, med evaluering og sluttrapport til OSU og kommunene", "month12"),
    ("8. desember 2017: sluttkonferanse for alle kommunene i samarbeidet, med rapport fra hele "
     "perioden og plan for neste", "day"),
    ("Juni 2017: rapport til Overordnet samarbeidsutvalg om erfaringene fra hele planperioden "
     "og det videre arbeidet med kommunene", "month6"),
    ("Starter i november 2017 og videreføres i neste planperiode etter avtale med kommunene",
     "start"),
    ("Innen 1. desember 2017", "by"),
    ("2016-2017, i hele planperioden, med halvårlig rapport til Overordnet samarbeidsutvalg "
     "og til kommunestyrene i alle kommunene i regionen", "both"),
)  # fmt: skip


def _late_plan() -> ActionPlan:
    from khsmodel import Period
    from khsmodel.timeframes import Between, ByDate, InMonth, OnDate, StartingFrom

    D = dt.date
    kinds = {
        "by": ByDate(date=D(2017, 12, 1)), "month12": InMonth(year=2017, month=12),
        "day": OnDate(date=D(2017, 12, 8)), "month6": InMonth(year=2017, month=6),
        "start": StartingFrom(start=D(2017, 11, 1)),
        "both": Between(start=D(2016, 1, 1), end=D(2017, 12, 31)),
    }  # fmt: skip
    measures = tuple(
        Measure(number=i, label=f"1.{i}", text=f"Tiltak {i}",
                timeframe=Timeframe(text=text, interpretation=kinds[kind]))
        for i, (text, kind) in enumerate(LATE, 1)
    )  # fmt: skip
    return ActionPlan(
        title="Plan med sene tidsrammer",
        period=Period(start=D(2016, 1, 1), end=D(2017, 12, 31)),
        focus_areas=(FocusArea(number=1, label="Fokusområde 1", title="Sene tiltak",
                               measures=measures),),
    )  # fmt: skip


def test_a_long_timeframe_near_the_plans_end_is_wrapped_whole_inside_the_chart(
    tmp_path: Path,
) -> None:
    """The timeframe beside a mark near the plan's end was cut with "…" at the chart's right
    edge ("Juni 2017: rappor…"), or left out when even that had no room, or (a deadline's)
    written in white over the white ground. Now it is on one line where it fits, else
    wrapped between words in the widest room (right of the mark, inside its bar, left of
    it), whole, inside the chart, its row grown, and never over its mark."""
    from khsmodel.labels import NB
    from khsmodel_exporters.pdf import _timeline as T
    from khsmodel_exporters.pdf._fonts import ITALIC, string_width
    from khsmodel_exporters.pdf._render import TEXT_H, TEXT_W

    plan = _late_plan()
    data = T.collect(plan, NB)
    parts = T.chart_parts(data, TEXT_W, TEXT_H - 60, NB)
    canvas = _ColourRecorder()
    for _, paint in parts:
        paint(canvas)  # type: ignore[operator]
    label_w = min(max(TEXT_W * 0.40, 120.0), TEXT_W - 120.0)
    axis = T._Axis(data.start, data.end, label_w, TEXT_W - 2)
    drawn = [(x, y, text, colour) for (x, y, text, font), colour
             in zip(canvas.strings, canvas.colours, strict=True) if font == ITALIC]  # fmt: skip
    # each timeframe whole, in reading order, its lines one under the other
    rows = [r for _, rs in data.groups for r in rs]
    at = 0
    for row, (text, _) in zip(rows, LATE, strict=True):
        placed = T._place_when(row, axis, 50)
        assert placed is not None
        n = len(placed.lines)
        mine = drawn[at : at + n]
        at += n
        assert " ".join(t for _, _, t, _ in mine) == text  # whole, nothing cut
        assert "…" not in text and all("…" not in t for _, _, t, _ in mine)
        assert [y for _, y, _, _ in mine] == pytest.approx(
            [mine[0][1] - i * T.WHEN_LINE_H for i in range(n)])
        xa, xb, bar = T._extent(row, axis)
        for x, _, line, colour in mine:
            right = x + string_width(line, ITALIC, T.SMALL)
            assert axis.x0 - 0.01 <= x and right <= axis.x1 + 0.01, line  # inside the chart
            if placed.inside:
                assert bar and xa <= x and right <= xb
            else:
                assert right <= xa or x >= xb, line  # beside the mark, not over it
                assert colour is not T.white  # a deadline's text was white on white
    assert at == len(drawn)
    wrapped = [len(T._place_when(r, axis, 50).lines) for r in rows]  # type: ignore[union-attr]
    assert wrapped[1] == 1 and wrapped[5] == 1  # these fit on one line beside the mark
    assert wrapped[0] > 1 and wrapped[2] > 1 and wrapped[3] > 1 and wrapped[6] > 1
    assert not T._place_when(rows[5], axis, 50).inside  # type: ignore[union-attr]
    # the file: every word of every timeframe in the chart, none past the right margin
    pdf = PdfExporter().export(plan)
    chart = norm(pdftotext(pdf))
    chart = chart[chart.index("Tidslinje") : chart.index("Side 1 av")]  # the chart's page
    assert "…" not in chart
    for text, _ in LATE:  # each whole, its lines read one after the other
        assert f" {text} " in chart, text
    for _page, x0, _y0, x1, _y1 in word_boxes(pdf, tmp_path):
        assert x0 >= 62 and x1 <= A4_W - 62, (x0, x1)


def test_a_label_longer_than_half_a_page_is_the_one_cut() -> None:
    """A row must fit on a page: only a label of thousands of characters is cut, on its
    last line; the parts of the chart still fit the frame."""
    from khsmodel.labels import NB
    from khsmodel_exporters.pdf._timeline import chart_parts, collect

    plan = timeline_plan()
    fa = plan.focus_areas[0]
    huge = " ".join(["samhandlingsreformen"] * 600)
    m = attrs.evolve(fa.measures[0], text=huge)
    plan = attrs.evolve(plan, focus_areas=(attrs.evolve(fa, measures=(m, *fa.measures[1:])),))
    parts = chart_parts(collect(plan, NB), 450, 600, NB)
    assert all(height <= 600 for height, _ in parts)
    lines, _ = _chart_labels(parts)[1]
    assert lines[-1].endswith("…") and len(lines) > 20
    assert " ".join(lines).startswith(f"{m.label} samhandlingsreformen samhandlingsreformen")
    data = PdfExporter().export(plan)
    assert data.startswith(b"%PDF-")


def test_no_chart_when_nothing_resolves() -> None:
    data = PdfExporter().export(timeline_plan(resolvable=False))
    text = pdftotext(data)
    assert "Tidslinje" not in text and "Uten fast dato" not in text
    assert "Tidslinje" not in [t for _, t, _ in outline(data)]


def test_timeline_can_be_switched_off() -> None:
    assert "Tidslinje" not in pdftotext(PdfExporter().export(timeline_plan(), timeline=False))


def test_a_long_timeline_is_cut_into_page_sized_charts(tmp_path: Path) -> None:
    data = PdfExporter().export(timeline_plan(n=150))
    text = pdftotext(data)
    start = text.index("Tidslinje")
    assert "1.157 Ekstra tiltak nummer 150" in text[start:]
    _inside_the_page(data, tmp_path)
    # every part of the chart carries its axis
    assert text[start:].count("2017") >= 3


def test_timeline_of_the_2016_2017_plan(plan: ActionPlan, plan_pdf: bytes) -> None:
    text = norm(pdftotext(plan_pdf))
    tail = text[text.rindex("Tidslinje") :]
    assert "Starter i april" in tail and "Medio juni" in tail
    assert "Neste møte" in tail[tail.index("Uten fast dato") :]


# ---------------------------------------------------------------- property
_strategies = pytest.importorskip("khsmodel.strategies")


@settings(  # example count from the hypothesis profile (tests/conftest.py)
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_strategies.documents())
def test_any_document_exports_or_raises_khsmodel_error(doc: object) -> None:
    try:
        data = PdfExporter().export(doc)  # type: ignore[arg-type]
    except KhsModelError:
        return
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = _reader(data)
    assert len(reader.pages) >= 1
    assert reader.metadata is not None and reader.metadata.title


def test_plan_with_dates_far_apart_still_draws(tmp_path: Path) -> None:
    doc = timeline_plan()
    fa = doc.focus_areas[0]
    far = attrs.evolve(
        fa,
        measures=(
            *fa.measures,
            Measure(
                number=99,
                text="Langt fram",
                timeframe=Timeframe(text="2100", interpretation=khsmodel.InYear(year=2100)),
            ),
        ),
    )
    doc = attrs.evolve(doc, focus_areas=(far,))
    data = PdfExporter().export(doc)
    assert "2100" in pdftotext(data)
    _inside_the_page(data, tmp_path)


def test_case_number_only_case_document() -> None:
    doc = CaseDocument(
        body="osu", case_number=CaseNumber.parse("2/2016"), meeting_date=dt.date(2016, 2, 8)
    )
    text = norm(pdftotext(PdfExporter().export(doc)))
    assert "2/2016" in text and "8. februar 2016" in text and "Side 1 av 1" in text


def test_emphasis_is_printed_in_the_oblique_and_bold_faces() -> None:
    case = samples.emphasis_case()
    chunks: list[tuple[str, str]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        if text.strip() and isinstance(font, dict):
            chunks.append((text, str(font.get("/BaseFont", ""))))

    page = _reader(khsmodel.export(case, "pdf")).pages[0]
    page.extract_text(visitor_text=visit)
    faces = {t.strip(): f.split("+")[-1] for t, f in chunks}
    assert faces["følgende fokusområder:"] == "LiberationSans-Italic", chunks
    assert faces["Bárbmu & <ŧ>"] == "LiberationSans-Bold", chunks
    assert faces["Čáhcesuolu"] == "LiberationSans-BoldItalic", chunks
    assert any(t.startswith("Det vises til") and f.endswith("LiberationSans") for t, f in chunks)


def test_cut_labels_end_at_a_word() -> None:
    """A label too wide for its column ends at a word, unless that loses over a third."""
    from khsmodel_exporters.pdf._canvas import fit_text
    from khsmodel_exporters.pdf._fonts import REGULAR, register

    register()
    text = "Involvere de som jobber med barn og unge i det formaliserte samarbeidet"
    cut = fit_text(text, REGULAR, 7.0, 150)
    assert cut.endswith("…") and text.startswith(cut[:-1])
    assert text[len(cut) - 1] == " "  # the next character of the text is a space
    one_word = "Spesialisthelsetjenesteloven" * 3
    assert fit_text(one_word, REGULAR, 7.0, 80)[:-1] in one_word  # no space: cut inside


def test_measure_tables_of_a_plan_share_their_column_widths(plan: ActionPlan) -> None:
    """The columns do not move from one focus area's table to the next."""
    from khsmodel_exporters import content as C
    from khsmodel_exporters.pdf import _render
    from khsmodel_exporters.pdf._fonts import register

    register()
    content = C.build(plan)
    renderer = _render._Renderer(khsmodel.labels.NB, timeline=False)
    _render._collect_groups(content, renderer.groups)
    tables = [b for b in content.blocks if isinstance(b, C.Table) and b.group]
    assert len(tables) == 5  # one per focus area of the 2016-2017 plan
    own = {tuple(renderer.widths(t.columns, t.rows)) for t in tables}
    assert len(own) > 1  # measured alone, they would differ
    assert len({tuple(renderer.table_widths(t)) for t in tables}) == 1


@pytest.mark.requires_program("pdftotext")
def test_a_group_row_is_never_the_last_row_of_a_page() -> None:
    """A heading row ("Fagdag") goes to the next page with the measure it heads rather
    than ending a page alone: a plan with a heading over every third measure, of uneven
    heights, so that headings fall at many page ends."""
    import subprocess

    measures = tuple(
        Measure(number=i + 1, text=f"Tiltak {i + 1}",
                details=tuple(f"Linje {j}" for j in range(i % 5)),
                heading=f"Overskrift {i // 3 + 1}")
        for i in range(200)
    )  # fmt: skip  (without the rule, three pages of this plan end with a heading)
    plan = ActionPlan(title="Plan", focus_areas=(FocusArea(number=1, title="Alt",
                                                           measures=measures),))  # fmt: skip
    data = PdfExporter().export(plan, timeline=False)
    pages = subprocess.run([program("pdftotext"), "-layout", "-", "-"], input=data,
                           capture_output=True, check=True).stdout.decode().split("\f")  # fmt: skip
    ends = 0
    for page in pages:
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        body = [x for x in lines if not x.startswith(("Plan", "Side "))]
        if body:
            ends += 1
            assert not body[-1].startswith("Overskrift"), body[-3:]
    assert ends > 5


def test_phase_and_heading_rows_over_a_row_taller_than_a_page() -> None:
    """A phase row, then a heading row, then a row longer than a page: the row must split
    (keeping the group rows off the foot of a page must not refuse every page)."""
    from khsmodel import Phase

    m = Measure(number=1, text="T", phase=Phase(number=1, label="Fase 1"), heading="Fagdag",
                details=tuple("tekst " * 120 for _ in range(30)))  # fmt: skip
    plan = ActionPlan(title="P", focus_areas=(FocusArea(number=1, title="A", measures=(m,)),))
    text = pdftotext(PdfExporter().export(plan))
    assert "Fase 1" in text and "Fagdag" in text and text.count("tekst") >= 3000
