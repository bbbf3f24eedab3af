"""The status report's and the meeting plan's own words in nb, nn and en (issue 18): from the
label bundles (``Labels.status_report``, ``Labels.meeting_plan``), read back from Word and PDF."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel.labels import EN, NN
from tests.model.test_status import AS_OF, _plan
from tests.support.pdf_support import norm, pdftotext
from tests.support.text import words

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import made_up_meeting_plan  # noqa: E402

docx = pytest.importorskip("docx")


def _word_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            texts.extend(c.text for c in row.cells)
    return words("\n".join(texts))  # a date's no-break spaces as spaces


def _report(language: str) -> khsmodel.StatusReport:
    return khsmodel.report(attrs.evolve(_plan(), language=language), AS_OF,
                           since=AS_OF.replace(month=5, day=1))  # fmt: skip


# words of the report in each language: heading, status words, summary columns, key
_REPORT = {
    "nn": ["Statusrapport: Handlingsplan", "Status per 1. september 2016", "Oppsummering",
           "Heile planen", "Tal på tiltak", "Forseinka", "Del som er gjennomført", "Gjennomført",
           "Starta", "Avlyst", "Utan status", "Endringar sidan 1. mai 2016",
           "Tiltak utan dato i tidsramma", "Forseinka tiltak"],
    "en": ["Status report: Handlingsplan", "Status as of 1 September 2016", "Summary",
           "Whole plan", "Number of measures", "Overdue", "Share completed", "Done", "Started", "Cancelled",
           "No status", "Changes since 1 May 2016",
           "Measures without a date in the timeframe", "Overdue measures"],
}  # fmt: skip
# Bokmål words that must not be left in the other languages' reports
_REPORT_NB = ["Hele planen", "Antall tiltak", "Forsinket", "Uten status", "Endringer siden"]


@pytest.mark.parametrize("language", ["nn", "en"])
def test_status_report_in_word_speaks_the_documents_language(language: str) -> None:
    text = _word_text(khsmodel.export(_report(language), "docx"))
    for word in _REPORT[language]:
        assert word in text, word
    for word in _REPORT_NB:
        assert word not in text, word


@pytest.mark.parametrize("language", ["nn", "en"])
def test_status_report_in_pdf_speaks_the_documents_language(language: str) -> None:
    text = norm(pdftotext(khsmodel.export(_report("nb"), "pdf", language=language)))
    for word in (*_REPORT[language], "Status per fokusområde" if language == "nn"
                 else "Status by focus area"):  # fmt: skip
        assert norm(word) in text, word
    for word in _REPORT_NB:
        assert word not in text, word


_MEETING_PLAN = {
    "nn": ["Frist for saksdokument: 14 dagar før møtet.", "Møte", "Andre datoar",
           "torsdag 22. januar 2026", "Frist for saksdokument", "Stad", "Utval",
           "Tiltak med dato"],
    "en": ["Deadline for case documents: 14 days before the meeting.", "Meetings",
           "Other dates", "Thursday 22 January 2026", "Deadline for case documents", "Place",
           "Committee", "Measures with a date", "Note"],
}  # fmt: skip
_MEETING_PLAN_NB = ["Frist for saksdokumenter", "Andre datoer", "Møter", "Hva"]


@pytest.mark.parametrize("language", ["nn", "en"])
def test_meeting_plan_in_word_and_pdf_speaks_the_documents_language(language: str) -> None:
    mp = attrs.evolve(made_up_meeting_plan.meeting_plan_2026(), language=language)
    word = _word_text(khsmodel.export(mp, "docx"))
    words = word.split("\n")
    for w in _MEETING_PLAN[language]:
        assert w in words or w in word, w
    for w in _MEETING_PLAN_NB:
        assert w not in words, w
    pdf = norm(pdftotext(khsmodel.export(mp, "pdf")))
    wheel = "Årshjul 2026" if language == "nn" else "Year wheel 2026"
    other_ring = "Andre datoar og tiltak" if language == "nn" else "Other dates and measures"
    for w in (*_MEETING_PLAN[language], wheel, other_ring):
        assert norm(w) in pdf, w


def test_the_follow_up_words_have_the_same_placeholders_in_every_bundle() -> None:
    """A translated sentence keeps every ``{date}``, ``{days}``, ``{plan}`` … of Bokmål's:
    a missing one would drop the date from the sentence, an extra one fail at export."""
    import string

    from khsmodel.labels import NB

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for name in ("status_report", "meeting_plan", "plan_changes"):
        for bundle in (NN, EN):
            mine, base = getattr(bundle, name), getattr(NB, name)
            assert set(mine) == set(base), (bundle.language, name)
            for key, text in base.items():
                assert fields(mine[key]) == fields(text), (bundle.language, name, key)
