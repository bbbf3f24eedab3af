"""The årshjul in Word (issue 18): the PDF's wheel as an embedded PNG with its text alternative,
the tables kept as the accessible equivalent; the same bytes for the same plan."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel import MeetingPlan
from tests.support.text import words

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import made_up_meeting_plan  # noqa: E402

docx = pytest.importorskip("docx")
PIL = pytest.importorskip("PIL.Image")

_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def made_up() -> MeetingPlan:
    return made_up_meeting_plan.meeting_plan_2026()


def _doc_prs(d: object) -> list[dict[str, str]]:
    body = d.element.body  # type: ignore[attr-defined]
    return [dict(e.attrib) for e in body.iter(f"{_PIC}docPr")]


def test_word_has_the_wheel_as_a_picture_with_its_text_alternative(made_up: MeetingPlan) -> None:
    data = khsmodel.export(made_up, "docx")
    assert data == khsmodel.export(made_up, "docx")  # same input, same bytes
    d = docx.Document(io.BytesIO(data))
    assert len(d.inline_shapes) == 1
    (pr,) = _doc_prs(d)
    assert pr["name"] == "Årshjul 2026"
    # the description is the text alternative: what the wheel shows, which tables hold it
    assert pr["descr"] == (
        "Årshjul: årets tolv måneder som en sirkel, med en ring per utvalg og et merke for hver "
        "dato i møteplanen. Datoene står i tabellene over: Møter, Andre datoer og Tiltak med "
        "dato.")
    paras = [p.text for p in d.paragraphs]
    i = paras.index("Årshjul 2026")  # its heading, then the picture, then the caption
    assert d.paragraphs[i].style.name == "Heading 1"
    # the caption says how to read the wheel, not the description again
    assert paras[i + 2] == (
        "Året går med klokka fra januar øverst, og tallet i et merke er dagen i måneden. "
        "Ring 1 er den ytterste. Den innerste ringen, ring 4, har andre datoer og tiltak. "
        "En åpen ring er en frist, ikke noe som skjer den dagen.")
    # the picture: a PNG of the wheel, the same twice, a sensible size on the page
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        png = z.read("word/media/image1.png")
    image = PIL.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width > 800 and image.height > image.width
    shape = d.inline_shapes[0]
    assert 12 < shape.width.cm < 16 and shape.height.cm > shape.width.cm
    # the tables stay, the accessible equivalent: every meeting is a row
    cells = [words(c.text) for t in d.tables for row in t.rows for c in row.cells]
    assert "torsdag 22. januar 2026" in cells


def test_the_picture_follows_the_plan_and_its_language(made_up: MeetingPlan) -> None:
    first = khsmodel.export(made_up, "docx")
    fewer = attrs.evolve(made_up, meetings=made_up.meetings[:2])
    other = khsmodel.export(fewer, "docx")
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(other)) as b:
        assert a.read("word/media/image1.png") != b.read("word/media/image1.png")
    en = docx.Document(io.BytesIO(khsmodel.export(made_up, "docx", language="en")))
    (pr,) = _doc_prs(en)
    assert pr["name"] == "Year wheel 2026"
    assert pr["descr"].endswith("The dates are in the tables above: Meetings, Other dates and "
                                "Measures with a date.")
    caption = [p.text for p in en.paragraphs if p.text.startswith("The year runs clockwise")]
    assert caption == ["The year runs clockwise from January at the top, and the number in a "
                       "mark is the day of the month. Ring 1 is the outermost. The innermost "
                       "ring, ring 4, holds other dates and measures. A hollow ring is a "
                       "deadline, not something that happens that day."]


def test_no_picture_without_dates() -> None:
    empty = MeetingPlan(year=2026)
    d = docx.Document(io.BytesIO(khsmodel.export(empty, "docx")))
    assert len(d.inline_shapes) == 0
    assert not any(p.text.startswith("Årshjul") for p in d.paragraphs)


def test_quotes_and_markup_in_the_words_are_text_in_the_attribute(made_up: MeetingPlan) -> None:
    """The description is an XML attribute: quotes, ``<`` and ``&`` in it are escaped."""
    import dataclasses

    from khsmodel.labels import NB

    words = {**NB.meeting_plan, "wheel": 'Årshjul "{year}" <ŋ> & đ',
             "wheel_alt": 'Hjul "x" <ŋ> & đ.'}
    labels = dataclasses.replace(NB, meeting_plan=words)
    data = khsmodel.export(made_up, "docx", labels=labels)
    d = docx.Document(io.BytesIO(data))
    (pr,) = _doc_prs(d)
    # the body is written as text: it must be what lxml writes (the house's rule for Word)
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml")
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    assert etree.tostring(etree.fromstring(xml, parser), encoding="UTF-8", standalone=True) == xml
    assert pr["name"] == 'Årshjul "2026" <ŋ> & đ'
    assert pr["descr"].startswith('Hjul "x" <ŋ> & đ. Datoene står i tabellene over')


_WITHOUT_PILLOW = r"""
import importlib.abc, io, sys
class _Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PIL" or name.startswith("PIL."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, _Absent())
sys.path.insert(0, "examples")
import docx, khsmodel, made_up_meeting_plan
d = docx.Document(io.BytesIO(khsmodel.export(made_up_meeting_plan.meeting_plan_2026(), "docx")))
cells = [c.text.replace("\u00a0", " ") for t in d.tables for row in t.rows for c in row.cells]
print(len(d.inline_shapes), "torsdag 22. januar 2026" in cells,
      any(p.text == "Årshjul 2026" for p in d.paragraphs))
"""


def test_without_pillow_word_has_the_tables_only() -> None:
    import subprocess

    ran = subprocess.run([sys.executable, "-c", _WITHOUT_PILLOW], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)  # fmt: skip
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert ran.stdout.split() == ["0", "True", "False"]  # no picture, no heading over nothing
