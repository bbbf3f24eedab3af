"""The words the formats add themselves, in the document's language: the HTML page's
navigation and timeline captions, the site's index, the iCalendar exporter's categories,
summaries and descriptions (``Labels.web``, ``Labels.calendar``). Read back from the page
(``html.parser``) and the calendar (``icalendar``); an nn page checked by axe-core too."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from pathlib import Path
from typing import Any

import attrs
import pytest

import khsmodel
from khsmodel import ActionPlan, FocusArea, Measure, Period
from khsmodel.labels import EN, NB, NN, SE
from khsmodel_exporters.html import HtmlExporter
from khsmodel_exporters.html.site import build_site
from tests.exporters.test_html_accessibility import axe_source, browser, run_axe
from tests.support.html_support import Page, parse
from tests.support.pdf_support import plan_2016_2017, tf

__all__ = ["browser"]  # the fixture, imported from the accessibility tests

icalendar = pytest.importorskip("icalendar")

HTML = HtmlExporter()

#: What a page of the 2016–2017 plan says of its own, by language.
_PAGE = {
    "nn": {"skip": "Gå til hovudinnhaldet", "contents": "Innhald",
           "table": "Tiltak på tidslinja med tidsramme slik ho står i planen",
           "figure": "Tidslinje: Tidslinje for tiltaka med datoar. Det same oversynet står "
                     "som tabell under.",
           "lang": "nn-NO"},
    "en": {"skip": "Skip to main content", "contents": "Contents",
           "table": "Measures on the timeline with their timeframe as the plan gives it",
           "figure": "Timeline: Timeline of the measures with dates. The same overview is in "
                     "the table below.",
           "lang": "en-GB"},
}  # fmt: skip
#: Bokmål words of the page that must not be left in the others.
_PAGE_NB = ("hovedinnholdet", "Innhold", "tidslinjen", "Tidslinje for tiltakene")


def _nav_texts(page: Page) -> dict[str, str]:
    skip = next(a for a in page.all("a") if a.attrs.get("class") == "skip")
    toc = next(p for p in page.all("p") if p.attrs.get("class") == "toc-title")
    captions = [c.text() for c in page.all("caption")]
    svg_title = next(t for t in page.all("title") if t.attrs.get("id", "").endswith("-svg"))
    return {"skip": skip.text(), "contents": toc.text(), "captions": "\n".join(captions),
            "figure": svg_title.text()}  # fmt: skip


@pytest.mark.parametrize("language", ["nn", "en"])
def test_html_page_of_a_plan_speaks_the_documents_language(language: str) -> None:
    plan = attrs.evolve(plan_2016_2017(), language=language)
    data = HTML.export(plan)
    page = parse(data)
    assert page.errors == []
    assert page.one("html").attrs["lang"] == _PAGE[language]["lang"]
    got = _nav_texts(page)
    assert got["skip"] == _PAGE[language]["skip"]
    assert got["contents"] == _PAGE[language]["contents"]
    assert _PAGE[language]["table"] in got["captions"].split("\n")
    assert got["figure"] == _PAGE[language]["figure"]
    text = data.decode("utf-8")
    for word in _PAGE_NB:
        assert word not in text, word
    # the language option gives the same page as the document's own language
    assert HTML.export(plan_2016_2017(), language=language) == data


def test_html_page_in_bokmal_keeps_its_words() -> None:
    got = _nav_texts(parse(HTML.export(plan_2016_2017())))
    assert (got["skip"], got["contents"]) == ("Gå til hovedinnholdet", "Innhold")
    assert "Tiltak på tidslinjen med tidsramme slik den står i planen" in got["captions"]


def _long_plan(language: str) -> ActionPlan:
    """A four-year plan: its timeline's axis counts quarters, not months."""
    return ActionPlan(
        title="Plan 2020–2023", language=language,
        period=Period(start=dt.date(2020, 1, 1), end=dt.date(2023, 12, 31)),
        focus_areas=(FocusArea(number=1, title="Barn", measures=(
            Measure(number=1, text="Fagdag", timeframe=tf("Mars 2021", 2021)),)),),
    )  # fmt: skip


@pytest.mark.parametrize(("language", "quarter"), [("nb", "K2"), ("nn", "K2"), ("en", "Q2")])
def test_the_timelines_quarters_in_the_documents_language(language: str, quarter: str) -> None:
    page = parse(HTML.export(_long_plan(language)))
    axis = {t.text() for t in page.all("text")}
    other = "Q2" if quarter == "K2" else "K2"
    assert quarter in axis and other not in axis


def test_site_index_and_links_speak_the_language_of_the_site(tmp_path: Path) -> None:
    plan = attrs.evolve(plan_2016_2017(), language="nn")
    build_site([("plan", plan)], tmp_path / "site", pdfa=False, labels=NN)
    index = parse((tmp_path / "site" / "index.html").read_bytes())
    assert index.one("html").attrs["lang"] == "nn-NO"
    heads = [h.text() for h in index.all("h2", "h3")]
    assert "Partnarskapet" in heads and "Handlingsplanar" in heads and "Organ" in heads
    assert "Handlingsplaner" not in heads and "Organer" not in heads
    page = parse((tmp_path / "site" / "plan.html").read_bytes())
    site_nav = next(n for n in page.all("nav") if n.attrs.get("aria-label"))
    assert site_nav.attrs["aria-label"] == "Nettstaden"
    assert next(a.text() for a in site_nav.iter("a")) == "Kommunehelsesamarbeidet"  # the index is called by its one name
    build_site([("plan", plan)], tmp_path / "en", pdfa=False, labels=EN)
    index = parse((tmp_path / "en" / "index.html").read_bytes())
    assert {"The partnership", "Action plans", "Bodies"} <= {h.text() for h in index.all("h2", "h3")}


# ------------------------------------------------------------------------ iCalendar
def _events(data: bytes) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["summary"]): e for e in cal.walk() if e.name == "VEVENT"}


def _categories(ev: Any) -> list[str]:
    return [str(c) for c in ev["categories"].cats]


def _meeting_plan(language: str) -> Any:
    import made_up_meeting_plan  # examples/, on the path through tests.support.pdf_support

    return attrs.evolve(made_up_meeting_plan.meeting_plan_2026(), language=language)


@pytest.mark.parametrize(
    ("language", "meeting", "deadline", "date", "body", "when"),
    [
        ("nb", "Møte", "Frist for saksdokumenter", "Dato", "Utvalg", "22. januar 2026"),
        ("nn", "Møte", "Frist for saksdokument", "Dato", "Utval", "22. januar 2026"),
        ("en", "Meeting", "Deadline for case documents", "Date", "Committee", "22 January 2026"),
    ],
)
def test_meeting_plan_calendar_speaks_the_documents_language(
    language: str, meeting: str, deadline: str, date: str, body: str, when: str
) -> None:
    events = _events(khsmodel.export(_meeting_plan(language), "ics"))
    first = events["Overordnet samarbeidsutvalg"]
    assert _categories(first) == [meeting]
    desc = str(first["description"]).split("\n")
    assert desc[0] == f"{body}: Overordnet samarbeidsutvalg"
    assert desc[1].startswith(f"{deadline}: ")
    due = events[f"{deadline}: Overordnet samarbeidsutvalg {when}"]
    assert _categories(due) == [deadline]
    assert str(due["description"]) == f"{body}: Overordnet samarbeidsutvalg"
    others = [e for e in events.values() if _categories(e) not in ([meeting], [deadline])]
    measure = {"nb": NB, "nn": NN, "en": EN}[language].measure  # the plan's dated measures
    assert others and all(_categories(e) in ([date], [measure]) for e in others)
    assert any(_categories(e) == [date] for e in others)


def _dated_plan(language: str) -> ActionPlan:
    return ActionPlan(
        title="Handlingsplan 2016", language=language,
        period=Period(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31)),
        focus_areas=(FocusArea(number=1, title="Barn og unge", measures=(
            Measure(number=1, text="Rapport", timeframe=tf("innen 1. juni 2016")),
            Measure(number=2, text="Nettverk", timeframe=tf("Oppstart 1. april 2016")),
            Measure(number=3, text="Fagdag", timeframe=tf("15. mars 2016"),
                    responsibility=khsmodel.Responsibility(text="OSU")),
        )),),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("language", "due", "start", "lines"),
    [
        # the plan numbers neither its measures nor its areas: the calendar neither
        ("nb", "Frist: Rapport", "Start: Nettverk",
         ["Handlingsplan: Handlingsplan 2016", "Fokusområde: Barn og unge", "Ansvarlig: OSU",
          "Tidsperspektiv: 15. mars 2016"]),
        ("nn", "Frist: Rapport", "Start: Nettverk",
         ["Handlingsplan: Handlingsplan 2016", "Fokusområde: Barn og unge", "Ansvarleg: OSU",
          "Tidsramme: 15. mars 2016"]),
        ("en", "Deadline: Rapport", "Start: Nettverk",
         ["Action plan: Handlingsplan 2016", "Focus area: Barn og unge", "Responsible: OSU",
          "Timeframe: 15. mars 2016"]),
    ],
)  # fmt: skip
def test_plan_calendar_speaks_the_documents_language(
    language: str, due: str, start: str, lines: list[str]
) -> None:
    events = _events(khsmodel.export(_dated_plan(language), "ics"))
    assert set(events) == {due, start, "Fagdag"}
    assert str(events["Fagdag"]["description"]).split("\n") == lines


def test_ics_language_and_labels_options() -> None:
    plan = _dated_plan("nb")
    assert "Deadline: Rapport" in _events(khsmodel.export(plan, "ics", language="en"))
    mine = dataclasses.replace(NB, calendar={**NB.calendar, "due": "Siste frist: {measure}"})
    assert "Siste frist: Rapport" in _events(khsmodel.export(plan, "ics", labels=mine))
    with pytest.raises(khsmodel.KhsModelError, match="language"):
        khsmodel.export(plan, "ics", language=7)


def test_meeting_plan_calendar_name_in_the_documents_language() -> None:
    mp = attrs.evolve(_meeting_plan("en"), title=None)
    cal = icalendar.Calendar.from_ical(khsmodel.export(mp, "ics"))
    assert str(cal["x-wr-calname"]) == "Meeting plan 2026"


def test_the_format_words_have_the_same_placeholders_in_every_bundle() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for name in ("web", "calendar"):
        for bundle in (NN, EN):
            mine, base = getattr(bundle, name), getattr(NB, name)
            assert set(mine) == set(base)
            for key, text in base.items():
                assert fields(mine[key]) == fields(text), (bundle.language, name, key)
    # Northern Sámi has no source for them: Bokmål, and reported
    assert SE.web == NB.web and "web.skip" in SE.fallbacks and "calendar.due" in SE.fallbacks


# ------------------------------------------------------------------ in a browser
@pytest.mark.requires_program("chromium", "chromedriver")
def test_nynorsk_page_has_no_wcag_violations(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "nn.html"
    path.write_bytes(HTML.export(attrs.evolve(plan_2016_2017(), language="nn")))
    assert run_axe(browser, path, axe_source()) == []
