"""The appendix "Endringer fra forrige plan" (issue 18): a plan exported with the plan before it
(``previous=``, ``khsmodel export --previous``) ends with what changed, in Word, PDF and HTML."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import khsmodel
from khsmodel import ActionPlan, FocusArea, KhsModelError, Measure, Period, Responsibility
from khsmodel.cli import main
from khsmodel.errors import ExporterOptionError, UnknownOptionError
from tests.support.html_support import parse
from tests.support.pdf_support import norm, pdftotext

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import khs  # noqa: E402

docx = pytest.importorskip("docx")

D = dt.date


def _word(data: bytes) -> tuple[list[str], list[str]]:
    """(paragraph texts, the lines of the table cells) of a Word file."""
    d = docx.Document(io.BytesIO(data))
    cells = [line for t in d.tables for row in t.rows for c in row.cells
             for line in c.text.split("\n")]  # fmt: skip
    return [p.text for p in d.paragraphs], cells


def _html_text(data: bytes) -> str:
    page = parse(data)
    assert not page.errors
    return page.root.text()


def _plan() -> ActionPlan:
    return ActionPlan(
        id="hp-2018", title="Handlingsplan 2018 for Kárášjohka & Guovdageaidnu",
        period=Period(start=D(2018, 1, 1), end=D(2018, 12, 31)),
        focus_areas=(
            FocusArea(number=1, title="Barn og unge", measures=(
                Measure(number=1, text="Konferanse for kommuner og helseforetak"),
                Measure(number=2, text="Kompetanse på tidlig intervensjon <ŋ>"),
                Measure(number=3, text="Representasjon i LSU",
                        responsibility=Responsibility(text="OSU")),
            )),
            FocusArea(number=2, title="Rehabilitering", measures=(
                Measure(number=1, text="Felles rutine for utskrivning"),)),
        ),
    )  # fmt: skip


def _next(plan: ActionPlan) -> ActionPlan:
    """The next plan: carries the three measures not done, one of them reworded with another
    responsible; one new measure; focus area 2 renamed."""
    done = plan.evolve_measure(1, 1, status=khsmodel.MeasureStatus.DONE)
    nxt = done.next_plan(title="Handlingsplan 2019", id="hp-2019",
                         period=Period(start=D(2019, 1, 1), end=D(2019, 12, 31)))  # fmt: skip
    nxt = nxt.evolve_measure(1, 2, text="Representasjon i alle LSU",
                             responsibility=Responsibility(text="Kommunene"))  # fmt: skip
    areas = list(nxt.focus_areas)
    areas[0] = attrs.evolve(areas[0], measures=(
        *areas[0].measures, Measure(number=3, text="Nytt tiltak: pilot i Guovdageaidnu")))
    areas[1] = attrs.evolve(areas[1], title="Rehabilitering og habilitering")
    return attrs.evolve(nxt, focus_areas=tuple(areas))


# ---------------------------------------------------------------- the worked example (seeds)
@pytest.fixture(scope="module")
def seeds() -> tuple[ActionPlan, ActionPlan]:
    return khs.action_plan_2015(), khs.action_plan_2016_2017()


_REMOVED_2015 = "Utvikle en webløsning for kommunene som henter ut styringsdata fra sykehuset."
_ADDED_2016 = "Prosjektbeskrivelse for diagnoseuavhengig pasientforløp"


def test_worked_example_in_word(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    old, new = seeds
    paras, cells = _word(khsmodel.export(new, "docx", previous=old))
    assert "Endringer fra forrige plan" in paras
    assert "Sammenlignet med Handlingsplan for 2015." in paras
    assert "Nye tiltak i denne planen (22)" in paras
    assert "Tiltak som ikke står i denne planen (11)" in paras
    # the new plan's measure and the old plan's, their numbers printed alike; the old one's
    # place is named with its plan, so that its numbers are not read as the new plan's
    assert any(p.startswith(f"{_ADDED_2016} (Tiltak 1 i fokusområde 1: Utarbeide") for p in paras)
    assert any(p.startswith(f"{_REMOVED_2015} (Handlingsplan for 2015, tiltak 1 i fokusområde 1: "
                            "Samhandling") for p in paras)  # fmt: skip
    # the eight focus areas are five new and three not in this plan, none renamed: a
    # section for each of the two, and none named "Endrede fokusområder" over nothing
    assert "Nye fokusområder (5)" in paras
    assert "Fokusområder som ikke står i denne planen (3)" in paras
    assert not any(p.startswith("Endrede fokusområder") for p in paras)
    assert "Kommunikasjon (Handlingsplan for 2015, fokusområde 3)" in paras
    assert "Tiltak rettet mot barn og unge (Fokusområde 2)" in paras
    assert not any("med videre" in p for p in paras + cells)  # the plan says work goes on
    # the seeds name no carried-over measure and nothing is alike: no heading over nothing
    assert not any(p.startswith(("Videreførte tiltak", "Endrede tiltak")) for p in paras)
    plain, _ = _word(khsmodel.export(new, "docx"))
    assert "Endringer fra forrige plan" not in plain  # no previous plan, no appendix


def test_worked_example_in_pdf_and_html(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    old, new = seeds
    pdf = khsmodel.export(new, "pdf", previous=old)
    assert pdf == khsmodel.export(new, "pdf", previous=old)  # same input, same bytes
    text = norm(pdftotext(pdf))
    for word in ("Endringer fra forrige plan", "Nye tiltak i denne planen (22)", _ADDED_2016, _REMOVED_2015):
        assert norm(word) in text, word
    page = _html_text(khsmodel.export(new, "html", previous=old))
    for word in ("Endringer fra forrige plan", "Nye tiltak i denne planen (22)", _ADDED_2016, _REMOVED_2015):
        assert word in page, word
    assert "Endringer fra forrige plan" not in _html_text(khsmodel.export(new, "html"))


# ---------------------------------------------------------------- carried over, changed
def test_carried_over_and_changed_measures_by_name_in_every_format() -> None:
    old = _plan()
    new = _next(old)
    d = khsmodel.diff(old, new)
    assert [m.changed for m in d.carried] == [(), ("text", "responsibility"), ()]
    paras, cells = _word(khsmodel.export(new, "docx", previous=old))
    assert "Videreførte tiltak (3)" in paras and "Endrede fokusområder (1)" in paras
    for name in ("Kompetanse på tidlig intervensjon <ŋ>", "Representasjon i LSU",
                 "Representasjon i alle LSU", "tekst, ansvar"):  # fmt: skip
        assert name in cells, name
    assert "Nytt tiltak: pilot i Guovdageaidnu (Tiltak 3 i fokusområde 1: Barn og unge)" in paras
    assert ("Konferanse for kommuner og helseforetak (Handlingsplan 2018 for Kárášjohka & "
            "Guovdageaidnu, tiltak 1 i fokusområde 1: Barn og unge)") in paras  # done: not carried
    assert "nytt navn" in cells and "2. Rehabilitering og habilitering" in cells
    pdf = norm(pdftotext(khsmodel.export(new, "pdf", previous=old)))
    page = _html_text(khsmodel.export(new, "html", previous=old))
    for name in ("Videreførte tiltak", "Kompetanse på tidlig intervensjon <ŋ>",
                 "Representasjon i alle LSU", "Nytt tiltak: pilot i Guovdageaidnu"):  # fmt: skip
        assert norm(name) in pdf, name
        assert name in page, name


@pytest.mark.parametrize(("language", "title", "carried", "areas", "column"), [
    ("nn", "Endringar frå førre plan", "Vidareførte tiltak", "Endra fokusområde (1)", "Endring"),
    ("en", "Changes from the previous plan", "Measures carried over", "Focus areas changed (1)",
     "Change"),
])  # fmt: skip
def test_the_appendix_speaks_the_documents_language(
    language: str, title: str, carried: str, areas: str, column: str
) -> None:
    old = _plan()
    new = attrs.evolve(_next(old), language=language)
    paras, cells = _word(khsmodel.export(new, "docx", previous=old))
    assert title in paras and any(p.startswith(carried) for p in paras)
    assert areas in paras and column in cells


def test_an_unchanged_plan_says_so_in_one_sentence() -> None:
    plan = _plan()
    paras, _ = _word(khsmodel.export(plan, "docx", previous=plan))
    i = paras.index("Endringer fra forrige plan")
    assert paras[i + 1:i + 3] == ["Sammenlignet med Handlingsplan 2018 for Kárášjohka & "
                                  "Guovdageaidnu.", "Ingen tiltak eller fokusområder er endret."]


def test_previous_is_refused_unless_both_are_plans_and_by_other_formats() -> None:
    plan = _plan()
    with pytest.raises(ExporterOptionError) as option:
        khsmodel.export(plan, "docx", previous="plan-2015.json")
    assert (option.value.exporter, option.value.key, option.value.value) == (
        "docx", "previous", "plan-2015.json")
    meeting_plan = khsmodel.MeetingPlan(year=2026)
    with pytest.raises(KhsModelError, match="previous applies to an action plan"):
        khsmodel.export(meeting_plan, "pdf", previous=plan)
    with pytest.raises(UnknownOptionError) as unknown:
        khsmodel.export(plan, "csv", previous=plan)
    assert (unknown.value.exporter, unknown.value.key) == ("csv", "previous")
    bad = attrs.evolve(plan, title="Plan \x0b")
    with pytest.raises(KhsModelError, match=r"previous: .*\$\.title"):
        khsmodel.export(plan, "html", previous=bad)


# ---------------------------------------------------------------- the command line
def test_cli_export_with_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _plan(), _next(_plan())
    khsmodel.dump(old, tmp_path / "old.json")
    khsmodel.dump(new, tmp_path / "new.json")
    out = tmp_path / "new.docx"
    assert main(["export", str(tmp_path / "new.json"), "-f", "docx", "-o", str(out),
                 "--previous", str(tmp_path / "old.json")]) == 0  # fmt: skip
    paras, _ = _word(out.read_bytes())
    assert "Endringer fra forrige plan" in paras
    capsys.readouterr()
    assert main(["export", str(tmp_path / "new.json"), "-f", "csv",
                 "--previous", str(tmp_path / "old.json")]) == 2  # fmt: skip
    assert "--previous" in capsys.readouterr().err
    khsmodel.dump(khsmodel.MeetingPlan(year=2026), tmp_path / "mp.json")
    assert main(["export", str(tmp_path / "new.json"), "-f", "pdf",
                 "--previous", str(tmp_path / "mp.json")]) == 2  # fmt: skip
    assert "expected an action plan" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "new.json"), "-f", "pdf",
                 "--previous", str(tmp_path / "missing.json")]) == 2  # fmt: skip


# ---------------------------------------------------------------- the appendix comes last
_APPENDIX = "Endringer fra forrige plan"
_TIMELINE = ("Tidslinje", "Uten fast dato")  # the timeline's heading and that of the undated


def test_content_puts_the_timeline_before_the_appendix(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    from khsmodel_exporters import content as C

    old, new = seeds
    blocks = C.build(new, previous=old).blocks
    at = [i for i, b in enumerate(blocks) if isinstance(b, C.Timeline)]
    assert len(at) == 1
    assert next(b.text for b in blocks[at[0]:] if isinstance(b, C.Heading)) == _APPENDIX
    assert not any(isinstance(b, C.Timeline) for b in C.build(new).blocks)  # no appendix


def test_the_appendix_follows_the_timeline_in_word(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    old, new = seeds
    d = docx.Document(io.BytesIO(khsmodel.export(new, "docx", previous=old)))
    # the body in order: headings by their text, tables as "<table>"
    body = []
    for el in d.element.body.iterchildren():
        if el.tag.endswith("}tbl"):
            body.append("<table>")
        elif el.tag.endswith("}p") and el.xpath("./w:pPr/w:pStyle[starts-with(@w:val, 'Heading')]"):
            body.append("".join(el.xpath(".//w:t/text()")))
    appendix = body.index(_APPENDIX)
    timeline = body.index("Tidslinje")
    assert timeline < appendix
    assert body[timeline + 1] == "<table>"  # the timeline's table, before the appendix
    assert "Uten fast dato" in body[timeline:appendix]
    assert not set(_TIMELINE) & set(body[appendix:])
    # what follows the appendix's heading is the appendix: its sections, to the end
    assert [h for h in body[appendix:] if h != "<table>"][1:] == [
        "Nye fokusområder (5)", "Fokusområder som ikke står i denne planen (3)",
        "Nye tiltak i denne planen (22)",
        "Tiltak som ikke står i denne planen (11)"]


def test_the_appendix_follows_the_timeline_in_pdf(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    from pypdf import PdfReader

    old, new = seeds
    data = khsmodel.export(new, "pdf", previous=old)
    reader = PdfReader(io.BytesIO(data))

    def titles(items: list[Any]) -> list[tuple[str, int]]:
        out = []
        for it in items:
            if isinstance(it, list):
                out.extend(titles(it))
            else:
                out.append((it.title, reader.get_destination_page_number(it)))
        return out

    outline = titles(reader.outline)
    names = [t for t, _ in outline]
    appendix, timeline = names.index(_APPENDIX), names.index("Tidslinje")
    assert timeline < appendix and outline[timeline][1] < outline[appendix][1]
    assert names[appendix + 1:] == ["Nye fokusområder (5)", "Fokusområder som ikke står i denne planen (3)",
        "Nye tiltak i denne planen (22)",
                                    "Tiltak som ikke står i denne planen (11)"]  # fmt: skip
    text = norm(pdftotext(data))
    assert text.index(norm("Uten fast dato")) < text.index(norm(_APPENDIX))
    # the appendix's last words end the document
    assert text.rindex(norm(_REMOVED_2015)) > text.rindex(norm("Uten fast dato"))


def _html_order(data: bytes) -> list[str]:
    """The headings of the page in order, and "<timeline table>" where that table stands."""
    page = parse(data)
    out = []

    def walk(el: Any) -> None:
        if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            out.append(el.text())
            return
        if el.tag == "div" and el.attrs.get("id", "").endswith("-table"):
            out.append("<timeline table>")
        for c in el.children:
            if not isinstance(c, str):
                walk(c)

    walk(page.root)
    return out


def test_the_appendix_follows_the_timeline_in_html(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    old, new = seeds
    data = khsmodel.export(new, "html", previous=old)
    order = _html_order(data)
    appendix, timeline = order.index(_APPENDIX), order.index("Tidslinje")
    assert timeline < order.index("<timeline table>") < order.index("Uten fast dato") < appendix
    assert order[appendix + 1:] == ["Nye fokusområder (5)", "Fokusområder som ikke står i denne planen (3)",
        "Nye tiltak i denne planen (22)",
                                    "Tiltak som ikke står i denne planen (11)"]  # fmt: skip
    # the table of contents lists them in the same order
    toc = next(n for n in parse(data).all("nav") if n.attrs.get("aria-labelledby") == "khs-toc")
    links = [a.text() for a in toc.iter("a")]
    assert links[-2:] == ["Tidslinje", _APPENDIX]


def test_the_appendix_follows_the_timeline_in_pdfa(seeds: tuple[ActionPlan, ActionPlan]) -> None:
    from khsmodel_exporters.pdfa import weasyprint_missing

    reason = weasyprint_missing()
    if reason is not None:
        from tests.support.needs import unavailable

        unavailable(reason)
    old, new = seeds
    text = norm(pdftotext(khsmodel.export(new, "pdfa", previous=old)))
    assert text.index(norm("Tidslinje")) < text.index(norm("Uten fast dato"))
    assert text.index(norm("Uten fast dato")) < text.index(norm(_APPENDIX))
    assert text.rindex(norm(_REMOVED_2015)) > text.rindex(norm("Uten fast dato"))


@pytest.mark.parametrize(("language", "added", "removed"), [
    ("nb", "Nye fokusområder (5)", "Fokusområder som ikke står i denne planen (3)"),
    ("nn", "Nye fokusområde (5)", "Fokusområde som ikkje står i denne planen (3)"),
    ("en", "New focus areas (5)", "Focus areas not in this plan (3)"),
])  # fmt: skip
def test_focus_areas_new_and_not_in_the_plan_have_sections_of_their_own(
    seeds: tuple[ActionPlan, ActionPlan], language: str, added: str, removed: str
) -> None:
    """Eight focus areas, all new or gone, none renamed: two sections named for what they
    hold, and no "changed" section (its heading would stand over nothing)."""
    from khsmodel.labels import for_language
    from khsmodel_exporters.content.blocks import BulletList, Heading, Table
    from khsmodel_exporters.content.plandiff import plan_changes

    old, new = seeds
    labels = for_language(language)
    blocks = plan_changes(old, new, labels, "x")
    titles = [b.text for b in blocks if isinstance(b, Heading)]
    assert titles[1:3] == [added, removed]
    assert not any(t.startswith(labels.plan_changes["focus_areas"]) for t in titles)
    after = blocks[blocks.index(next(b for b in blocks if isinstance(b, Heading)
                                     and b.text == removed)) + 1]  # fmt: skip
    assert isinstance(after, BulletList) and len(after.items) == 3
    assert not any(isinstance(b, Table) for b in blocks)  # the measure sections are lists
