"""Languages (issue 15): a document's ``language``, the label bundles, their fallbacks,
entry-point bundles, and what Word, PDF and JSON say in each language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.metadata
import io
import json
import re
import sys
import types
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

import khsmodel
from khsmodel import ActionPlan, InvalidDocumentError, KhsModelError, exporters, labels
from khsmodel.errors import ArgumentError, LabelsError
from khsmodel.labels import EN, LABEL_FIELDS, NB, NN, SE, Labels, bundle, fallbacks, for_language
from tests.support import export_samples as samples
from tests.support.text import words as spaced

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("docx")
pytest.importorskip("reportlab")
from docx import Document as read_docx  # noqa: E402
from pypdf import PdfReader  # noqa: E402


def words(lab: Labels) -> set[str]:
    """Every text of a bundle (strings, mapping values, months and weekdays)."""
    out: set[str] = set()
    for name in LABEL_FIELDS:
        value = getattr(lab, name)
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, Mapping):
            out.update(value.values())
        else:
            out.update(value)
    return out


# ------------------------------------------------------------------ bundles
@pytest.mark.parametrize("lab", [NB, NN, EN], ids=["nb", "nn", "en"])
def test_built_in_bundles_are_complete(lab: Labels) -> None:
    assert lab.fallbacks == ()
    for name in LABEL_FIELDS:
        value, base = getattr(lab, name), getattr(NB, name)
        if isinstance(base, Mapping):
            assert set(value) == set(base), name
            assert all(isinstance(v, str) and v.strip() for v in value.values()), name
        elif isinstance(base, tuple):
            assert len(value) == len(base) and all(v.strip() for v in value), name
        else:
            assert isinstance(value, str) and value.strip(), name


def test_a_missing_or_empty_label_is_reported_not_silently_bokmal() -> None:
    """The completeness check above can fail: a bundle without a word lists it."""
    words_nn = dict(labels._NN_WORDS)
    del words_nn["responsible"]
    words_nn["timeframe"] = "  "
    words_nn["plan_status"] = {k: v for k, v in NN.plan_status.items() if k != "draft"}
    partial = bundle("nn-NO", words_nn)
    assert set(partial.fallbacks) == {"responsible", "timeframe", "plan_status.draft"}
    assert partial.responsible == NB.responsible  # printed in Bokmål, and reported
    with pytest.raises(LabelsError) as info:
        bundle("nn", {"colour": "raud"})
    assert (info.value.language, info.value.labels) == ("nn", ("colour",))
    with pytest.raises(LabelsError) as info:
        bundle("nn", {"months": "januar"})
    assert info.value.labels == ("months",)


def test_nynorsk_words_as_spraakraadet_writes_them() -> None:
    assert (NN.responsible, NN.timeframe, NN.adopted_in) == ("Ansvarleg", "Tidsramme", "Vedteke i")
    assert NN.ongoing_activities == "Pågåande aktivitetar som vert vidareførte"
    assert NN.weekdays == ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag")
    assert NN.months == NB.months


def test_nb_nn_and_en_words_differ_where_the_languages_do() -> None:
    for name in ("responsible", "timeframe", "adopted_in", "ongoing_activities", "weekdays"):
        assert getattr(NB, name) != getattr(NN, name) != getattr(EN, name), name


@pytest.mark.parametrize(
    ("lab", "expected"),
    [
        (NB, ["8. februar 2016", "tirsdag 18. oktober 2016", "fra 1. januar 2016", "kl. 09.00–15.30",
              "02.08.2021", "høsten 2014", "Side 1 av 3"]),
        (NN, ["8. februar 2016", "tysdag 18. oktober 2016", "frå 1. januar 2016", "kl. 09.00–15.30",
              "02.08.2021", "hausten 2014", "Side 1 av 3"]),
        (EN, ["8 February 2016", "Tuesday 18 October 2016", "from 1 January 2016", "09:00–15:30",
              "02/08/2021", "autumn 2014", "Page 1 of 3"]),
    ],
    ids=["nb", "nn", "en"],
)  # fmt: skip
def test_dates_and_periods_in_each_language(lab: Labels, expected: list[str]) -> None:
    autumn = khsmodel.PartialDate(year=2014, season=khsmodel.Season.AUTUMN)
    got = [
        lab.date(dt.date(2016, 2, 8)),
        lab.weekday_date(dt.date(2016, 10, 18)),
        lab.period_text(dt.date(2016, 1, 1), None),
        lab.time_span(dt.time(9, 0), dt.time(15, 30)),
        lab.date_numeric(dt.date(2021, 8, 2)),
        lab.date(autumn),
        lab.page_of(1, 3),
    ]
    assert got == expected


def test_northern_sami_gives_only_its_sourced_words_and_reports_the_rest() -> None:
    assert SE.months[1] == "guovvamánnu" and SE.weekdays[0] == "vuossárga"
    fb = fallbacks("se")
    assert "months" not in fb and "weekdays" not in fb
    assert {"responsible", "timeframe", "page", "plan_status.draft"} <= set(fb)
    assert SE.responsible == NB.responsible
    # every fallback is listed in the docs, never silent
    doc = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
    missing = [name for name in fb if f"`{name}`" not in doc]
    assert not missing, f"docs/languages.md does not list the se fallbacks {missing}"


def test_for_language_tags() -> None:
    assert for_language("nb") is NB
    assert for_language("nn").language == "nn-NO" and for_language("en").language == "en-GB"
    assert for_language("nn-NO").responsible == "Ansvarleg"
    assert for_language("en-US").language == "en-US"
    assert for_language("smj").language == "smj-NO"
    assert set(fallbacks("sma")) >= {"responsible", "months"}  # no built-in words at all
    for bad in ("xx", "nn_NO", "", "sv"):
        with pytest.raises(ArgumentError) as info:
            for_language(bad)
        assert (info.value.argument, info.value.value) == ("language", bad)


def test_every_letter_of_every_bundle_is_in_the_pdf_font() -> None:
    """DejaVu Sans prints every letter of the languages (Sámi letters included)."""
    from reportlab.pdfbase import pdfmetrics

    from khsmodel_exporters.pdf import _fonts

    face = pdfmetrics.getFont(_fonts.register()).face
    letters = {ch for lab in (NB, NN, EN, SE) for w in words(lab) for ch in w}
    letters |= set("áčđŋšŧžÁČĐŊŠŦŽÏïæøåÆØÅ")
    missing = sorted(ch for ch in letters if ord(ch) not in face.charToGlyph)
    assert not missing, missing


# -------------------------------------------------------------- the document field
def test_language_is_optional_in_json_and_kept() -> None:
    plan = ActionPlan(title="Handlingsplan", language="nn")
    data = json.loads(khsmodel.dumps(plan))
    assert data["language"] == "nn"
    assert khsmodel.loads(json.dumps(data)) == plan
    assert "language" not in json.loads(khsmodel.dumps(ActionPlan(title="Plan")))  # nb: default
    v1 = {"format": "khsmodel", "format_version": 1, "kind": "action_plan", "title": "Plan"}
    assert khsmodel.loads(json.dumps(v1)).language == "nb"


@pytest.mark.parametrize("bad", ["xx", "NN", "nn_NO", "nb-no", 7])
def test_a_bad_language_tag_is_refused_with_its_path(bad: object) -> None:
    data = {"format": "khsmodel", "format_version": 2, "kind": "meeting", "body": "osu",
            "date": "2022-02-04", "language": bad}  # fmt: skip
    with pytest.raises(InvalidDocumentError) as info:
        khsmodel.loads(json.dumps(data))
    assert [e.path for e in info.value.errors] == ["$.language"]
    errors = list(Draft202012Validator(khsmodel.json_schema()).iter_errors(data))
    assert errors and all(list(e.absolute_path)[-1:] == ["language"] for e in errors)
    with pytest.raises(KhsModelError):
        ActionPlan(title="Plan", language=bad)  # type: ignore[arg-type]


# ------------------------------------------------------------------ entry points
@pytest.fixture
def fresh_discovery() -> Iterator[None]:
    labels._clear_cache()
    yield
    labels._clear_cache()


def _fake_entry_points(monkeypatch: pytest.MonkeyPatch, **modules: Any) -> list[str]:
    """Entry points ``khsmodel.labels`` named by language, each a fake module's ``WORDS``."""
    eps = []
    for lang, value in modules.items():
        mod = types.ModuleType(f"fake_khs_labels_{lang}")
        mod.WORDS = value  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, mod.__name__, mod)
        eps.append(importlib.metadata.EntryPoint(lang, f"{mod.__name__}:WORDS", "khsmodel.labels"))
    looked_up: list[str] = []
    real = importlib.metadata.entry_points

    def entry_points(**kw: Any) -> Any:
        if kw.get("group") != "khsmodel.labels":
            return real(**kw)  # the exporters are found as installed
        looked_up.append(kw["group"])
        return [ep for ep in eps if ep.group == kw.get("group")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return looked_up


def test_an_entry_point_adds_lule_sami(monkeypatch: pytest.MonkeyPatch, fresh_discovery: None) -> None:
    # the Lule Sámi words field-phrases.md gives (parallel corpus of Sámi public bodies)
    looked_up = _fake_entry_points(
        monkeypatch,
        smj={"responsible": "Åvdåsvásstádus", "timeframe": "Ájgge"},
        nn={"responsible": "Ansvarleg (plugin)"},
    )
    import khsmodel.labels as fresh  # no lookup on import: discovery is lazy

    assert looked_up == []
    smj = fresh.for_language("smj")
    assert (smj.responsible, smj.timeframe, smj.language) == ("Åvdåsvásstádus", "Ájgge", "smj-NO")
    assert "responsible" not in fresh.fallbacks("smj") and "measure" in fresh.fallbacks("smj")
    assert fresh.for_language("nn").responsible == "Ansvarleg"  # complete built-ins stay
    assert "smj" in fresh.available()
    fresh.for_language("smj")
    assert looked_up == ["khsmodel.labels"]  # looked up once
    plan = attrs.evolve(samples.action_plan(), language="smj")
    text = _docx_text(exporters.get("docx").export(plan))
    assert "Åvdåsvásstádus" in text and "Ájgge" in text


def test_a_broken_entry_point_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, fresh_discovery: None
) -> None:
    _fake_entry_points(monkeypatch, sma=42)
    with pytest.raises(LabelsError) as info:
        for_language("sma")
    assert (info.value.language, info.value.labels) == ("sma", ())


# --------------------------------------------------------------- exported documents
def _docx_text(data: bytes) -> str:
    d = read_docx(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    parts += [p.text for p in d.sections[0].footer.paragraphs]
    return "\n".join(parts)


def _docx_labels(data: bytes) -> list[str]:
    """The texts the renderer writes as labels: field labels, table headers, page footer."""
    d = read_docx(io.BytesIO(data))
    found = [
        p.text.rstrip(":")
        for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs
        if p.style.name in ("Khs Field Label", "Khs Table Heading") and p.text
    ]  # fmt: skip
    footer = d.sections[0].footer.paragraphs[0].text
    found.append(footer.split("\t")[-1].split(" ")[0])  # "Side" / "Page"
    return found


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


CASES = {
    # a Nynorsk plan, a Northern Sámi meeting and an English agreement
    "nn": (samples.action_plan, NN, ["Ansvarleg", "Tidsramme", "Vedteke i OSU 8. februar 2016",
                                     "Pågåande aktivitetar som vert vidareførte", "Side 1 av"],
           ["Ansvarlig", "Tidsperspektiv", "Vedtatt i", "Pågående aktiviteter"]),
    "se": (samples.meeting, SE, ["4. guovvamánnu 2022"], ["4. februar 2022", "Ansvarleg"]),
    "en": (samples.agreement, EN, ["Signed by", "Statutory subjects of agreement", "Page 1 of",
                                   "1 September 2021"],
           ["Underskrevet av", "Lovpålagte avtaleområder", "Side 1 av", "1. september 2021"]),
}  # fmt: skip


@pytest.mark.parametrize("lang", list(CASES))
def test_documents_in_their_language_through_docx_pdf_and_json(lang: str) -> None:
    make, lab, present, absent = CASES[lang]
    doc = attrs.evolve(make(), language=lang)
    others = (words(NB) | words(NN) | words(EN)) - words(lab)

    # Word: labels in the language, none of another; w:lang in styles and settings
    data = exporters.get("docx").export(doc)
    text = spaced(_docx_text(data))
    for w in present:
        assert w in text, w
    for w in absent:
        assert w not in text, w
    # the header and label cells that hold a label of any bundle hold one of this language
    printed = [w for w in _docx_labels(data) if w in others | words(lab)]
    assert len(printed) >= 3, printed
    assert not [w for w in printed if w in others], printed
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode()
        settings = z.read("word/settings.xml").decode()
    assert f'w:lang w:val="{lab.language}"' in styles
    assert f'w:themeFontLang w:val="{lab.language}"' in settings
    assert read_docx(io.BytesIO(data)).core_properties.language == lab.language

    # PDF: the same words, /Lang set
    pdf = exporters.get("pdf").export(doc)
    ptext = _pdf_text(pdf)
    for w in present:
        assert w in ptext, w
    for w in absent:
        assert w not in ptext, w
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == lab.language

    # JSON: the language is kept, the file is valid against the schema
    raw = exporters.get("json").export(doc)
    assert json.loads(raw)["language"] == lang
    assert not list(Draft202012Validator(khsmodel.json_schema()).iter_errors(json.loads(raw)))
    assert khsmodel.loads(raw.decode()) == doc


def test_language_option_overrides_and_labels_still_win() -> None:
    plan = samples.action_plan()  # Bokmål
    docx = exporters.get("docx")
    assert "Ansvarleg" in _docx_text(docx.export(plan, language="nn"))
    custom = dataclasses.replace(NB, responsible="Eier")
    text = _docx_text(docx.export(attrs.evolve(plan, language="nn"), language="en", labels=custom))
    assert "Eier" in text and "Ansvarleg" not in text and "Responsible" not in text
    with pytest.raises(KhsModelError, match="language must be"):
        docx.export(plan, language="klingon")
    with pytest.raises(KhsModelError, match="language must be a language tag"):
        exporters.get("pdf").export(plan, language=3)


def test_cli_language_option_and_the_fallback_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from khsmodel.cli import main

    src = tmp_path / "mote.json"
    src.write_text(khsmodel.dumps(attrs.evolve(samples.meeting(), language="se")), encoding="utf-8")
    out = tmp_path / "mote.docx"
    assert main(["export", str(src), "-f", "docx", "-o", str(out), "--no-validate"]) == 0
    err = capsys.readouterr().err
    assert "printed in Bokmål" in err and "fallbacks('se')" in err
    assert f"{len(fallbacks('se'))} label(s)" in err
    assert main(["export", str(src), "-f", "docx", "-o", str(out), "-O", "language=nn",
                 "--no-validate"]) == 0  # fmt: skip
    assert capsys.readouterr().err == ""  # Nynorsk is complete: nothing to note
    assert "Deltakarar" in _docx_text(out.read_bytes())
    assert main(["export", str(src), "-f", "json", "-o", str(tmp_path / "m.json"),
                 "--no-validate"]) == 0  # fmt: skip
    assert "Bokmål" not in capsys.readouterr().err  # JSON prints no words of its own


def test_the_bundle_is_resolved_once_per_export(monkeypatch: pytest.MonkeyPatch) -> None:
    """Label lookup stays out of the renderers' profile: one resolution per export."""
    import khsmodel_exporters.base as options

    calls: list[str] = []
    real = options.for_language

    def counting(tag: str) -> Labels:
        calls.append(tag)
        return real(tag)

    monkeypatch.setattr(options, "for_language", counting)
    plan = attrs.evolve(samples.action_plan(), language="nn")
    for fmt in ("docx", "pdf"):
        calls.clear()
        exporters.get(fmt).export(plan)
        assert calls == ["nn"], fmt


def test_html_page_in_the_documents_language() -> None:
    """The html exporter (and so the pdfa page) takes its words and ``lang`` from the
    document's language; the ``language`` option overrides it."""
    import re

    import attrs

    import khsmodel

    plan = khsmodel.load(
        Path(__file__).resolve().parents[2] / "examples/documents/002-khs-handlingsplan-2016-2017.json"
    )
    page = khsmodel.export(attrs.evolve(plan, language="nn"), "html").decode()
    assert re.search(r'<html lang="nn', page)
    assert "Ansvarleg" in page and "Ansvarlig" not in page
    english = khsmodel.export(plan, "html", language="en").decode()
    assert re.search(r'<html lang="en', english) and "Responsible" in english


def test_a_language_of_another_type_is_a_type_error_naming_the_field() -> None:
    """Not a FieldValueError about the tag: the type check names ``Class.language``, as for
    every other field (a hypothesis property found the difference)."""
    from khsmodel import FieldTypeError, Meeting

    with pytest.raises(FieldTypeError) as info:
        Meeting(body="osu", date=dt.date(2022, 2, 4), language=7)  # type: ignore[arg-type]
    assert [e.path for e in info.value.errors] == ["Meeting.language"]
