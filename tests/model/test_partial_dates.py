"""Dates known only to the year or month (PartialDate), and plans adopted by several bodies.

A PartialDate keeps the precision of the source ("i 2009" is 2009, not
1 January 2009) in the model and in JSON, is printed as given, and counts as
every day of its year or month where dates are compared.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import khsmodel as k
from khsmodel import strategies as ks
from khsmodel.labels import NB
from tests.support.text import words

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import khs  # noqa: E402

_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


# ---------------------------------------------------------------------------
# The type


def test_partial_date_bounds_and_forms() -> None:
    year, month = k.PartialDate(year=2009), k.PartialDate(year=2024, month=2)
    assert (year.first, year.last) == (dt.date(2009, 1, 1), dt.date(2009, 12, 31))
    assert (month.first, month.last) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert k.PartialDate(year=2016, month=12).last == dt.date(2016, 12, 31)
    assert (year.isoformat(), month.isoformat()) == ("2009", "2024-02")
    assert (year.precision, month.precision) == (k.Precision.YEAR, k.Precision.MONTH)
    assert k.PartialDate.fromisoformat("2016-03") == k.PartialDate(year=2016, month=3)
    spring, summer, autumn = (k.PartialDate(year=2022, season=s) for s in k.Season)
    assert [(s.first, s.last) for s in (spring, summer, autumn)] == [
        (dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
        (dt.date(2022, 6, 1), dt.date(2022, 8, 31)),
        (dt.date(2022, 8, 1), dt.date(2022, 12, 31)),
    ]
    assert [s.isoformat() for s in (spring, summer, autumn)] == ["2022-21", "2022-22", "2022-23"]
    assert k.PartialDate.fromisoformat("2022-23") == autumn
    assert spring.precision is k.Precision.SEASON
    for bad in ("16", "2016-3", "2016-03-01", "2016-13", "2016-24", "2016-20"):
        with pytest.raises(ValueError):
            k.PartialDate.fromisoformat(bad)


def test_partial_date_refuses_impossible_fields() -> None:
    with pytest.raises(k.FieldValueError) as info:
        k.PartialDate(year=2016, month=13)
    assert info.value.field == "month"
    with pytest.raises(k.FieldTypeError):
        k.PartialDate(year="2016")  # type: ignore[arg-type]
    with pytest.raises(k.FieldValueError) as info:
        k.PartialDate(year=2016, month=3, season=k.Season.SPRING)
    assert info.value.field == "season"


@given(ks.partial_dates())
def test_partial_date_round_trips_as_its_iso_form(p: k.PartialDate) -> None:
    plan = k.ActionPlan(title="Plan", period=k.Period(start=p, end=p))
    data = json.loads(k.dumps(plan))
    assert data["period"] == {"start": p.isoformat(), "end": p.isoformat()}
    assert k.loads(k.dumps(plan)) == plan


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2009-13", "expected a real year, month or season as YYYY, YYYY-MM or YYYY-21..23, "
                    "got string \"2009-13\""),
        ("2009-24", "expected a real year, month or season as YYYY, YYYY-MM or YYYY-21..23, "
                    "got string \"2009-24\""),
        ("0000", "expected a real year, month or season as YYYY, YYYY-MM or YYYY-21..23, "
                 "got string \"0000\""),
        ("2009-1", "expected a date as YYYY-MM-DD, or a year, month or season as YYYY, "
                   "YYYY-MM or YYYY-21..23, got string \"2009-1\""),
        (2009, "expected a date as YYYY-MM-DD, or a year, month or season as YYYY, "
               "YYYY-MM or YYYY-21..23, got number 2009"),
        ("2009-02-30", "expected a real calendar date as YYYY-MM-DD, got string \"2009-02-30\""),
    ],
)
def test_bad_partial_date_in_json_names_its_path(value: object, message: str) -> None:
    data = {"format": "khsmodel", "format_version": 2, "kind": "partnership", "id": "x",
            "name": "X", "partnership_kind": "other",
            "memberships": [{"party": "a", "valid_from": value}]}  # fmt: skip
    with pytest.raises(k.InvalidDocumentError) as info:
        k.loads(json.dumps(data))
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("$.memberships[0].valid_from", message)
    ]


# ---------------------------------------------------------------------------
# members_on and periods treat a partial date as its whole year or month


@given(p=ks.partial_dates(), day=_DAYS)
def test_membership_from_a_partial_date_counts_from_its_first_day(
    p: k.PartialDate, day: dt.date
) -> None:
    from_p = k.Membership(party="a", valid_from=p)
    to_p = k.Membership(party="b", valid_to=p)
    only_p = k.Membership(party="c", valid_from=p, valid_to=p)
    partnership = k.Partnership(id="x", name="X", kind=k.PartnershipKind.OTHER,
                                memberships=(from_p, to_p, only_p))  # fmt: skip
    active = {m.party for m in partnership.members_on(day)}
    assert ("a" in active) == (day >= p.first)
    assert ("b" in active) == (day <= p.last)
    assert ("c" in active) == (p.first <= day <= p.last)
    assert {m.party for m in partnership.members_on(p.first)} >= {"a", "c"}
    assert {m.party for m in partnership.members_on(p.last)} >= {"b", "c"}


@given(start=ks.partial_dates(), end=ks.partial_dates(), day=_DAYS)
def test_period_of_partial_dates_contains_their_whole_span(
    start: k.PartialDate, end: k.PartialDate, day: dt.date
) -> None:
    period = k.Period(start=start, end=end)
    assert (period.first_day, period.last_day) == (start.first, end.last)
    assert period.contains(day) == (start.first <= day <= end.last)


def test_khs_members_in_2009_and_through_2017() -> None:
    p = khs.partnership()
    assert p.established == k.PartialDate(year=2009)
    municipalities = {o.id for o in p.parties if o.kind is k.OrganisationKind.MUNICIPALITY}
    assert municipalities <= {m.party for m in p.members_on(dt.date(2009, 1, 1))}
    assert municipalities <= {m.party for m in p.members_on(dt.date(2017, 12, 31))}
    assert not municipalities & {m.party for m in p.members_on(dt.date(2018, 1, 1))}


def test_plan_checks_treat_a_year_period_as_the_whole_year() -> None:
    area = k.FocusArea(number=1, title="Barn og unge", measures=(k.Measure(
        number=1, text="Fagdag", responsibility=k.Responsibility(text="Partene"),
        timeframe=k.Timeframe(text="Desember 2017",
                              interpretation=k.InMonth(year=2017, month=12))),))  # fmt: skip
    plan = k.ActionPlan(
        title="Handlingsplan 2016-2017",
        period=k.Period(start=k.PartialDate(year=2016), end=k.PartialDate(year=2017)),
        focus_areas=(area,),
    )
    assert list(k.validate(plan)) == []  # no PLAN002 for December 2017
    late = attrs.evolve(plan, focus_areas=(attrs.evolve(area, measures=(attrs.evolve(
        area.measures[0], timeframe=k.Timeframe(
            text="Januar 2018", interpretation=k.InMonth(year=2018, month=1))),)),))  # fmt: skip
    assert "PLAN002" in k.validate(late).codes()


def test_dates_in_order_compare_partial_dates_as_spans() -> None:
    def findings(valid_from: object, valid_to: object) -> tuple[str, ...]:
        p = k.Partnership(
            id="x", name="X", kind=k.PartnershipKind.OTHER,
            parties=(k.Organisation(id="a", kind=k.OrganisationKind.OTHER, name="A"),),
            memberships=(k.Membership(party="a", valid_from=valid_from, valid_to=valid_to),),
        )  # type: ignore[arg-type]  # fmt: skip
        return tuple(f.code for f in k.validate(p) if f.code == "DOC006")

    march = k.PartialDate(year=2016, month=3)
    assert findings(march, dt.date(2016, 3, 15)) == ()  # may well be after the start
    assert findings(dt.date(2016, 3, 15), march) == ()
    assert findings(march, k.PartialDate(year=2016, month=2)) == ("DOC006",)
    assert findings(k.PartialDate(year=2016), dt.date(2015, 12, 31)) == ("DOC006",)


# ---------------------------------------------------------------------------
# Printed as given


def test_labels_print_partial_dates_as_given() -> None:
    assert NB.date(k.PartialDate(year=2009)) == "2009"
    assert NB.date(k.PartialDate(year=2016, month=3)) == "mars 2016"
    assert NB.date_numeric(k.PartialDate(year=2016, month=3)) == "03.2016"
    assert NB.period_text(k.PartialDate(year=2009), k.PartialDate(year=2017)) == "2009–2017"
    assert NB.period_text(k.PartialDate(year=2020, month=3), None) == "fra mars 2020"
    spring = k.PartialDate(year=2022, season=k.Season.SPRING)
    assert NB.date(spring) == NB.date_numeric(spring) == "våren 2022"
    assert NB.period_text(spring, None) == "fra våren 2022"


def _docx_text(doc: k.Document) -> str:
    docx = pytest.importorskip("docx")
    d = docx.Document(io.BytesIO(k.export(doc, "docx")))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_khs_partnership_prints_its_years_not_invented_days() -> None:
    text = _docx_text(khs.partnership())
    assert "2009" in text and "2017" in text
    for invented in ("1. januar 2009", "01.01.2009", "31. desember 2017", "31.12.2017",
                     "1. januar 2013", "01.09.2014", "1. september 2014"):  # fmt: skip
        assert invented not in text


def test_partial_dates_print_as_given_in_word() -> None:
    p = k.Partnership(
        id="x", name="Helsefellesskap X", kind=k.PartnershipKind.HEALTH_PARTNERSHIP,
        established=k.PartialDate(year=2009),
        parties=(k.Organisation(id="a", kind=k.OrganisationKind.MUNICIPALITY, name="Hábmer"),),
        memberships=(k.Membership(party="a", valid_from=k.PartialDate(year=2016, month=3)),
                     k.Membership(party="a", valid_from=k.PartialDate(year=2022, season=k.Season.SPRING),
                                  role=k.MembershipRole.OWNER)),
        history=(k.HistoryEntry(text="Samarbeidet startet.", start=k.PartialDate(year=2009)),),
    )
    text = words(_docx_text(p))
    assert "2009: Samarbeidet startet." in text
    assert "03.2016" in text and "våren 2022" in text
    assert "januar" not in text and "01.01." not in text


# ---------------------------------------------------------------------------
# Several adopting bodies


def _joint_plan() -> k.ActionPlan:
    bodies = (
        k.Body(id="osu-helgeland", kind=k.BodyKind.OVERARCHING_COMMITTEE,
               name="Overordnet samarbeidsutvalg Helgeland", abbreviation="OSU Helgeland"),
        k.Body(id="ssu-nordland", kind=k.BodyKind.STRATEGIC_COMMITTEE,
               name="Strategisk samarbeidsutvalg Nordland", abbreviation="SSU Nordland"),
    )  # fmt: skip
    partnership = k.Partnership(id="x", name="Helsefellesskap X",
                                kind=k.PartnershipKind.HEALTH_PARTNERSHIP, bodies=bodies)
    return k.ActionPlan(
        title="Felles handlingsplan 2023",
        partnership=partnership,
        period=k.Period(start=k.PartialDate(year=2023), end=k.PartialDate(year=2023)),
        status=k.PlanStatus.ADOPTED,
        adoptions=(
            k.Adoption(body="osu-helgeland", date=dt.date(2023, 3, 3),
                       case_number=k.CaseNumber.parse("5/2023")),
            k.Adoption(body="ssu-nordland", date=dt.date(2023, 3, 14),
                       case_number=k.CaseNumber.parse("9/2023")),
        ),
        focus_areas=(k.FocusArea(number=1, title="Barn og unge", measures=(
            k.Measure(number=1, text="Fagdag", responsibility=k.Responsibility(
                text="OSU Helgeland", lead=(k.ResponsibleParty(body="osu-helgeland"),))),)),),
    )  # fmt: skip


_JOINT_LINE = ("Vedtatt i OSU Helgeland 3. mars 2023, sak 5/2023, "
               "og i SSU Nordland 14. mars 2023, sak 9/2023")  # fmt: skip


def test_joint_plan_is_valid_and_round_trips() -> None:
    plan = _joint_plan()
    assert list(k.validate(plan)) == []
    assert k.loads(k.dumps(plan)) == plan
    assert [a["body"] for a in json.loads(k.dumps(plan))["adoptions"]] == [
        "osu-helgeland", "ssu-nordland"]


def test_every_adoption_is_printed_in_word_and_pdf() -> None:
    text = words(_docx_text(_joint_plan()))
    assert _JOINT_LINE in text
    pytest.importorskip("reportlab")
    pypdf = pytest.importorskip("pypdf")
    pdf = pypdf.PdfReader(io.BytesIO(k.export(_joint_plan(), "pdf")))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert _JOINT_LINE in pdf_text


def test_adoptions_line_of_three_and_of_one() -> None:
    line = NB.adoptions_line([("OSU", dt.date(2023, 3, 3), "5/2023"),
                              ("SSU", dt.date(2023, 3, 14), None),
                              ("LSU", None, "1/2023")])  # fmt: skip
    assert line == ("Vedtatt i OSU 3. mars 2023, sak 5/2023, i SSU 14. mars 2023, "
                    "og i LSU, sak 1/2023")  # fmt: skip
    assert NB.adoptions_line([("OSU", dt.date(2016, 2, 8), "2/2016")]) == NB.adoption_line(
        "OSU", dt.date(2016, 2, 8), "2/2016")


def test_each_adoption_is_checked() -> None:
    plan = _joint_plan()
    twice = attrs.evolve(plan, adoptions=(*plan.adoptions, k.Adoption(
        body="osu-helgeland", date=dt.date(2023, 4, 1), case_number=k.CaseNumber.parse("7/2023"))))
    late = attrs.evolve(plan, adoptions=(plan.adoptions[0], k.Adoption(
        body="ssu-nordland", date=dt.date(2024, 1, 1), case_number=k.CaseNumber.parse("1/2024"))))
    unknown = attrs.evolve(plan, adoptions=(plan.adoptions[0], k.Adoption(body="lsu")))
    assert [(f.code, f.path) for f in k.validate(twice)] == [("PLAN028", "$.adoptions[2].body")]
    # the year 2023 ends 31 December: 1 January 2024 is after the period
    assert [(f.code, f.path) for f in k.validate(late)] == [("PLAN027", "$.adoptions[1].date")]
    assert [(f.code, f.path) for f in k.validate(unknown)] == [
        ("PLAN017", "$.adoptions[1].date"), ("PLAN018", "$.adoptions[1].body")]
