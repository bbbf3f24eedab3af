"""Unit tests of the validation rules on hand-made documents, the report API and docs/rules.md.

Each rule has a case: a clean document (tests/support/validation_helpers.py), one
change, and the code, severity and exact path of the finding it must give.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import khsmodel
from khsmodel import (
    Adoption,
    AgendaItem,
    CaseNumber,
    FocusArea,
    InMonth,
    KhsModelError,
    KommuneNumber,
    Measure,
    MeasureRef,
    MeasureStatus,
    Membership,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    PlanStatus,
    ProgressEntry,
    ResponsibleParty,
    Severity,
    Timeframe,
    VoteCount,
    validate,
)
from khsmodel.errors import DocumentKindError, UnknownRuleError
from khsmodel.validation import (
    RULES,
    Finding,
    Report,
    ValidationError,
    rule,
    rules_markdown,
    select_codes,
)
from khsmodel.validation._docs import examples_section_start
from tests.support.validation_helpers import (
    BASES,
    MEETING_DAY,
    PHASE_1,
    PHASE_2,
    D,
    get,
    put,
    put_all,
)

ROOT = Path(__file__).resolve().parents[2]
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

M00 = "focus_areas[0].measures[0]"
M01 = "focus_areas[0].measures[1]"

#: code -> (base document, changes [(path, value)], severity, path of the finding)
CASES: dict[str, tuple[str, list[tuple[str, Any]], Severity, str]] = {
    # every document
    "DOC001": ("plan", [(f"{M00}.text", "  ")], E, f"$.{M00}.text"),
    "DOC002": ("plan", [(f"{M00}.text", "Kjennskap\x0btil avvik")], E, f"$.{M00}.text"),
    "DOC003": ("meeting", [("participants[1].party", "nobody")], E, "$.participants[1].party"),
    "DOC004": ("plan", [("owner", "nobody")], E, "$.owner"),
    "DOC005": ("plan", [("partnership", None)], INFO, "$"),
    "DOC006": ("agreement", [("validity.end", D(2020, 1, 1))], E, "$.validity.end"),
    "DOC007": ("plan", [("priority_groups[0].key", None)], INFO, "$.priority_groups[0].key"),
    "DEC001": ("case", [("decision.votes", VoteCount(in_favour=0))], E, "$.decision.votes"),
    "DEC002": ("case", [("decision.votes", VoteCount(in_favour=9, against=1))], E,
               "$.decision.votes.against"),
    # action plans
    "PLAN001": ("plan", [("period.end", D(2021, 1, 1))], E, "$.period.end"),
    # meeting plans
    "MPL001": ("meeting_plan", [("meetings[2].documents_due", D(2022, 6, 14))], E,
               "$.meetings[2].documents_due"),
    "MPL002": ("meeting_plan", [("meetings[2].date", D(2022, 1, 10)),
                                ("meetings[2].documents_due", None)], W, "$.meetings[2].date"),
    "MPL003": ("meeting_plan", [("dates[0].date", D(2023, 8, 15))], E, "$.dates[0].date"),
    # status reports
    "REP001": ("report", [("as_of", D(2021, 1, 1)), ("since", None)], E, "$.as_of"),
    "REP002": ("report", [("items[0].measure", 9)], E, "$.items[0].measure"),
    "REP003": ("report", [("since", D(2022, 6, 1))], E, "$.since"),
    "REP004": ("report", [], E, "$.items[4].measure"),
    "REP005": ("report", [], W, "$.items"),
    "REP006": ("report", [("items[0].status", MeasureStatus.DONE)], W, "$.items[0].status"),
    "PLAN002": ("plan", [(f"{M00}.timeframe", Timeframe(
        text="Mai 2023", interpretation=InMonth(year=2023, month=5)))], W, f"$.{M00}.timeframe"),
    "PLAN003": ("plan", [("focus_areas[1].number", 1)], E, "$.focus_areas[1].number"),
    "PLAN004": ("plan", [("focus_areas[1].number", 3)], E, "$.focus_areas[1].number"),
    "PLAN005": ("plan", [(f"{M01}.number", 1)], E, f"$.{M01}.number"),
    "PLAN006": ("plan", [(f"{M01}.number", 3)], E, f"$.{M01}.number"),
    "PLAN007": ("plan", [(f"{M01}.text", "Kjennskap til avviksrapportering")], W, f"$.{M01}.text"),
    "PLAN008": ("plan", [(f"{M00}.responsibility", None)], W, f"$.{M00}.responsibility"),
    "PLAN009": ("plan", [(f"{M00}.responsibility.lead[0].party", "nobody")], E,
                f"$.{M00}.responsibility.lead[0].party"),
    "PLAN010": ("plan", [(f"{M00}.responsibility.lead[0].unit", "LMS")], W,
                f"$.{M00}.responsibility.lead[0].unit"),
    "PLAN011": ("plan", [(f"{M00}.responsibility.lead[0]", ResponsibleParty(text="Prosjektledelsen"))],
                W, f"$.{M00}.responsibility.lead[0]"),
    "PLAN012": ("plan", [("focus_areas[1].measures[0].phase", PHASE_2),
                         ("focus_areas[1].measures[1].phase", PHASE_1)], E,
                "$.focus_areas[1].measures[1].phase.number"),
    "PLAN013": ("plan", [(f"{M00}.status", MeasureStatus.DONE)], W, f"$.{M00}.status"),
    "PLAN014": ("plan", [("focus_areas[1].measures[0].progress[1].date", D(2021, 9, 25))], E,
                "$.focus_areas[1].measures[0].progress[1].date"),
    "PLAN015": ("plan", [("focus_areas[1].measures[0].status", MeasureStatus.STARTED)], E,
                "$.focus_areas[1].measures[0].status"),
    "PLAN016": ("plan", [("focus_areas[1].measures[0].progress", (
        ProgressEntry(date=D(2021, 10, 1), text="Startet", status=MeasureStatus.STARTED),
        ProgressEntry(date=D(2021, 11, 1), text="Ferdig", status=MeasureStatus.DONE),
        ProgressEntry(date=D(2021, 10, 15), text="Notat")))], W,
                "$.focus_areas[1].measures[0].progress[2].date"),
    "PLAN017": ("plan", [("adoptions[0].date", None)], E, "$.adoptions[0].date"),
    "PLAN018": ("plan", [("adoptions[0].body", "nobody")], E, "$.adoptions[0].body"),
    "PLAN019": ("plan", [("status", PlanStatus.PROPOSED)], W, "$.status"),
    "PLAN020": ("plan", [("adoptions[0].case_number", CaseNumber.parse("7/2020"))], W,
                "$.adoptions[0].case_number"),
    "PLAN021": ("plan", [(f"{M00}.carried_over_from", MeasureRef(plan="ssu-2021-2022", measure=1))],
                E, f"$.{M00}.carried_over_from.plan"),
    "PLAN022": ("plan", [(f"{M00}.carried_over_from", MeasureRef(plan="ssu-2020"))], W,
                f"$.{M00}.carried_over_from"),
    "PLAN023": ("plan", [(f"{M01}.id", "m-Kjen-1")], E, f"$.{M01}.id"),
    "PLAN024": ("plan", [("focus_areas[1].measures", ())], INFO, "$.focus_areas[1].measures"),
    "PLAN025": ("plan", [("period", None)], INFO, "$.period"),
    "PLAN026": ("plan", [(f"{M00}.responsibility.lead[0].collective",
                          khsmodel.Collective.MUNICIPALITIES)], W,
                f"$.{M00}.responsibility.lead[0]"),
    "PLAN027": ("plan", [("adoptions[0].date", D(2022, 10, 4)),
                         ("adoptions[0].case_number", CaseNumber.parse("07-2022"))], E,
                "$.adoptions[0].date"),
    "PLAN028": ("plan", [("adoptions", (
        Adoption(body="ssu", date=D(2021, 9, 1)),
        Adoption(body="partnerskapsmotet", date=MEETING_DAY),
        Adoption(body="ssu", date=D(2021, 9, 30))))], E, "$.adoptions[2].body"),
    # case documents
    "CASE001": ("case", [("document_date", D(2021, 10, 1))], E, "$.document_date"),
    "CASE002": ("case", [("case_number", CaseNumber.parse("07-2022"))], E, "$.case_number"),
    "CASE003": ("case", [("references[0].case_number", CaseNumber.parse("004-2022"))], E,
                "$.references[0].case_number"),
    "CASE004": ("case", [("proposal", None)], E, "$.proposal"),
    "CASE005": ("case", [("attachments", ())], E, "$.attachments"),
    "CASE006": ("case", [("attachments", ()), ("attachments_heading", None)], W,
                "$.sections[0].content[0].text"),
    "CASE007": ("case", [("process_events[0].date", D(2021, 8, 10))], E,
                "$.process_events[0].date"),
    "CASE008": ("case", [("decision.date", D(2021, 9, 24))], W, "$.decision.date"),
    "CASE009": ("case", [("decision.case_number", CaseNumber.parse("08-2021"))], W,
                "$.decision.case_number"),
    "CASE010": ("case", [("archive_reference", khsmodel.ArchiveReference.parse("2022/12"))], E,
                "$.archive_reference"),
    "CASE011": ("case", [], W, "$.attachments[1].number"),
    "CASE012": ("case", [("case_number", CaseNumber.parse("Sak 12-20", reference_year=2021)),
                         ("decision.case_number", CaseNumber.parse("Sak 12-20", reference_year=2021)),
                         ("references", ())], W, "$.case_number"),
    # meetings
    "MEET001": ("meeting", [], E, "$.agenda[1].case_number"),
    "MEET002": ("meeting", [("agenda[0].case_document.body", "oso")], E,
                "$.agenda[0].case_document.body"),
    "MEET003": ("meeting", [("agenda[0].case_document.meeting_date", D(2021, 9, 24))], E,
                "$.agenda[0].case_document.meeting_date"),
    "MEET004": ("meeting", [("agenda[0].case_document.case_number", CaseNumber.parse("08-2021"))],
                E, "$.agenda[0].case_document.case_number"),
    "MEET005": ("meeting", [], E, "$.agenda[1].case_number"),
    "MEET006": ("meeting", [("decisions[0].votes", VoteCount(in_favour=30))], E,
                "$.decisions[0].votes"),
    "MEET007": ("meeting", [("end_time", dt.time(9, 0))], E, "$.end_time"),
    "MEET008": ("meeting", [("minutes.approved", D(2021, 9, 1))], E, "$.minutes.approved"),
    "MEET009": ("meeting", [("participants_count", 1), ("decisions[0].votes", None)], W,
                "$.participants_count"),
    "MEET010": ("meeting", [("represented_parties", ("bodo", "nlsh", "bodo"))], W,
                "$.represented_parties[2]"),
    "MEET011": ("meeting", [("decisions[0].date", D(2021, 9, 24))], W, "$.decisions[0].date"),
    "MEET012": ("meeting", [("programme[1].start_time", dt.time(9, 30))], W,
                "$.programme[1].start_time"),
    "MEET013": ("meeting", [], W, "$.agenda[1].case_number"),
    # partnerships
    "PART001": ("partnership", [("parties[0].kind", OrganisationKind.OTHER),
                                ("parties[0].kommune_number", None),
                                ("parties[1].kind", OrganisationKind.INTERMUNICIPAL_COOPERATION),
                                ("parties[1].kommune_number", None)], E, "$.parties"),
    "PART002": ("partnership", [("parties[2].kind", OrganisationKind.OTHER)], E, "$.parties"),
    "PART003": ("partnership", [("parties", ()), ("memberships", ())], W, "$.parties"),
    "PART004": ("partnership", [], E, "$.parties[3].id"),
    "PART005": ("partnership", [], W, "$.parties[3].organisation_number"),
    "PART006": ("partnership", [], E, "$.memberships[3]"),
    "PART007": ("partnership", [("memberships[0].party", "nobody")], E, "$.memberships[0].party"),
    "PART008": ("partnership", [("parties[2].kommune_number", KommuneNumber("1804"))], E,
                "$.parties[2].kommune_number"),
    "PART009": ("partnership", [("parties[0].kommune_number", KommuneNumber("3024")),
                                ("parties[0].valid_from", D(2024, 1, 1))], W,
                "$.parties[0].kommune_number"),
    "PART010": ("partnership", [], E, "$.bodies[3].id"),
    "PART011": ("partnership", [("bodies[1].parent", "nobody")], E, "$.bodies[1].parent"),
    "PART012": ("partnership", [], E, "$.parties[2].units[2].id"),
    "PART013": ("partnership", [("parties[0].valid_from", D(2020, 1, 1)),
                                ("memberships[0].valid_from", D(2015, 1, 1)),
                                ("memberships[0].valid_to", D(2019, 12, 31))], W,
                "$.memberships[0]"),
    # agreements
    "AGR001": ("agreement", [("parties[0].kind", OrganisationKind.OTHER),
                             ("parties[0].kommune_number", None)], E, "$.parties"),
    "AGR002": ("agreement", [("parties[1].kind", OrganisationKind.OTHER)], E, "$.parties"),
    "AGR003": ("agreement", [("parties", ())], W, "$.parties"),
    "AGR004": ("agreement", [], E, "$.parties[2].id"),
    "AGR005": ("agreement", [("statutory_items", ())], INFO, "$.statutory_items"),
    "AGR006": ("agreement", [("replaces", "avtale-2021")], E, "$.replaces"),
    "AGR007": ("partnership", [], E, "$.agreements[1].id"),
}  # fmt: skip

# Changes that depend on the base document's own values (no changes listed above).
_APPEND: dict[str, Any] = {
    "CASE011": lambda d: put(d, "attachments", (*d.attachments, d.attachments[0])),
    "MEET001": lambda d: put(
        d,
        "agenda",
        (*d.agenda, AgendaItem(case_number=CaseNumber.parse("7/2021"), title="Samme sak")),
    ),
    "MEET005": lambda d: put(
        d,
        "agenda",
        (*d.agenda, AgendaItem(case_number=CaseNumber.parse("1/2022"), title="Ny sak")),
    ),
    "MEET013": lambda d: put(
        d,
        "agenda",
        (
            *d.agenda,
            AgendaItem(
                case_number=CaseNumber.parse("12-20", reference_year=2021), title="Fast post"
            ),
        ),
    ),
    "PART004": lambda d: put(d, "parties", (*d.parties, d.parties[0])),
    "PART005": lambda d: put(
        d,
        "parties",
        (
            *d.parties,
            Organisation(
                id="bodo-2",
                kind=OrganisationKind.MUNICIPALITY,
                name="Bodø",
                organisation_number=OrganisationNumber("972418013"),
            ),
        ),
    ),
    "PART006": lambda d: put(
        d,
        "memberships",
        (
            *d.memberships,
            Membership(party="bodo", valid_from=D(2021, 1, 1), valid_to=D(2021, 12, 31)),
        ),
    ),
    "PART010": lambda d: put(d, "bodies", (*d.bodies, d.bodies[0])),
    "PART012": lambda d: put(d, "parties[2].units", (*d.parties[2].units, d.parties[2].units[0])),
    "AGR004": lambda d: put(d, "parties", (*d.parties, d.parties[0])),
    "REP004": lambda d: put(d, "items", (*d.items, d.items[0])),
    "REP005": lambda d: put(d, "items", d.items[1:]),
    "AGR007": lambda d: put(d, "agreements", (*d.agreements, d.agreements[0])),
}


def _mutated(code: str) -> tuple[Any, Severity, str]:
    base, changes, severity, path = CASES[code]
    doc = put_all(BASES[base](), changes)
    if code in _APPEND:
        doc = _APPEND[code](doc)
    return doc, severity, path


def test_every_rule_has_a_case() -> None:
    validated = {r.code for r in RULES} - {"LOAD001"}  # LOAD001: tests/cli/test_validation_cli.py
    assert set(CASES) == validated


@pytest.mark.parametrize("name", sorted(BASES))
def test_clean_documents_have_no_finding(name: str) -> None:
    assert list(validate(BASES[name]())) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule(code: str) -> None:
    doc, severity, path = _mutated(code)
    report = validate(doc)
    mine = report.with_code(code)
    assert [f.path for f in mine] == [path], [str(f) for f in report]
    assert all(f.severity is severity for f in mine)
    assert rule(code).severity is severity
    others = [str(f) for f in report.errors if f.code != code]
    assert others == []
    assert mine[0].message and not mine[0].message[0].isupper() and len(mine[0].message) > 30


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_can_be_ignored_and_selected(code: str) -> None:
    doc, _, path = _mutated(code)
    assert code not in validate(doc, ignore=code).codes()
    prefix = code.rstrip("0123456789")
    assert [f.code for f in validate(doc, select=code)] == [code]
    assert path in [f.path for f in validate(doc, select=prefix) if f.code == code]


# ---------------------------------------------------------------------------
# Messages say what is wrong, with the value


def test_messages_name_the_offending_values() -> None:
    doc, _, _ = _mutated("PLAN009")
    (f,) = validate(doc).with_code("PLAN009")
    assert "'nobody'" in f.message and "partnership" in f.message
    doc, _, _ = _mutated("PLAN002")
    (f,) = validate(doc).with_code("PLAN002")
    assert "'Mai 2023'" in f.message and "2021-09-23" in f.message and "2022-09-30" in f.message
    doc, _, _ = _mutated("DOC002")
    (f,) = validate(doc).with_code("DOC002")
    assert "U+000B" in f.message
    doc, _, _ = _mutated("AGR005")
    (f,) = validate(doc).with_code("AGR005")
    assert "1 task_division" in f.message and "12 children_complex_needs" not in f.message
    doc, _, _ = _mutated("PLAN010")
    (f,) = validate(doc).with_code("PLAN010")
    assert "'LMS'" in f.message and "bupa, lms" in f.message


def test_agr005_counts_the_children_item_from_august_2022() -> None:
    doc = put_all(BASES["agreement"](), [("statutory_items", ()), ("date", D(2022, 8, 1))])
    (f,) = validate(doc).with_code("AGR005")
    assert "12 children_complex_needs" in f.message and "joint_planning" not in f.message


def test_pkart009_never_used_county() -> None:
    doc = put(BASES["partnership"](), "parties[0].kommune_number", KommuneNumber("1301"))
    (f,) = validate(doc).with_code("PART009")
    assert f.path == "$.parties[0].kommune_number" and "13" in f.message


def test_pre_2020_numbers_are_fine_for_their_period() -> None:
    doc = put_all(BASES["partnership"](), [
        ("parties[0].kommune_number", KommuneNumber("0220")),
        ("parties[0].valid_to", D(2019, 12, 31)),
        ("memberships[0].valid_from", D(2015, 1, 1)),
        ("memberships[0].valid_to", D(2017, 12, 31)),
    ])  # fmt: skip
    assert list(validate(doc)) == []


def test_all_findings_in_one_pass() -> None:
    doc = put_all(BASES["plan"](), [
        ("title", ""), ("owner", "nobody"), (f"{M01}.number", 1),
        (f"{M00}.responsibility", None), ("adoptions[0].body", "nobody"),
    ])  # fmt: skip
    assert validate(doc).codes() == ("DOC001", "DOC004", "PLAN005", "PLAN008", "PLAN018")


def test_timeframes_that_cannot_be_resolved_are_fine() -> None:
    doc = put(
        BASES["plan"](), f"{M00}.timeframe", Timeframe(text="Tidsplan i samarbeid med kommunene")
    )
    assert list(validate(doc)) == []


def test_timeframe_overlapping_the_period_is_not_outside() -> None:
    tf = Timeframe(text="2021", interpretation=khsmodel.InYear(year=2021))
    doc = put(BASES["plan"](), f"{M00}.timeframe", tf)
    assert list(validate(doc)) == []
    doc = put(doc, "period.start", D(2022, 1, 1))
    paths = [f.path for f in validate(doc)]
    assert paths == [f"$.{M00}.timeframe", "$.focus_areas[1].measures[0].timeframe"]


def test_ongoing_activities_are_checked_with_their_paths() -> None:
    plan = BASES["plan"]()
    ongoing = (
        Measure(number=2, text="Videreført tiltak", carried_over_from=MeasureRef(plan="ssu-2020")),
    )
    report = validate(put(plan, "ongoing_activities", ongoing))
    assert {(f.code, f.path) for f in report} == {
        ("PLAN006", "$.ongoing_activities[0].number"),
        ("PLAN008", "$.ongoing_activities[0].responsibility"),
        ("PLAN022", "$.ongoing_activities[0].carried_over_from"),
    }


# ---------------------------------------------------------------------------
# Nested documents and embedded partnerships


def test_attached_document_is_validated_at_its_path() -> None:
    doc = put(BASES["case"](), f"attachments[0].document.{M01}.number", 3)
    (f,) = validate(doc)
    assert (f.code, f.path) == ("PLAN006", f"$.attachments[0].document.{M01}.number")


def test_attached_document_resolves_references_in_the_case_partnership() -> None:
    doc = put(BASES["case"](), f"attachments[0].document.{M00}.responsibility.lead[0].party", "x")
    (f,) = validate(doc)
    assert (f.code, f.path) == (
        "PLAN009",
        f"$.attachments[0].document.{M00}.responsibility.lead[0].party",
    )


def test_agenda_case_document_is_validated_at_its_path() -> None:
    doc = put(BASES["meeting"](), "agenda[0].case_document.proposal", None)
    (f,) = validate(doc)
    assert (f.code, f.path) == ("CASE004", "$.agenda[0].case_document.proposal")


def test_a_carried_case_on_a_january_agenda_is_a_warning_not_an_error() -> None:
    """Issue 15: "12-22" on an agenda of January 2023, with its case document."""
    base = put(BASES["meeting"](), "date", D(2023, 1, 19))
    base = put(base, "minutes", None)
    base = put(base, "decisions", ())
    carried = CaseNumber.parse("Sak 12-22", reference_year=2023)
    assert (carried.prefix, carried.sequence, carried.year) == ("Sak", 12, 2022)
    case_doc = put_all(base.agenda[0].case_document, [
        ("case_number", carried), ("meeting_date", D(2023, 1, 19)),
        ("document_date", D(2023, 1, 5)), ("decision", None), ("references", ()),
    ])  # fmt: skip
    item = AgendaItem(case_number=carried, title="Fast post", case_document=case_doc)
    doc = put(base, "agenda", (item,))
    report = validate(doc)
    assert report.ok  # no error
    assert sorted((f.code, f.severity, f.path) for f in report) == [
        ("CASE012", W, "$.agenda[0].case_document.case_number"),
        ("MEET013", W, "$.agenda[0].case_number"),
    ]
    later = CaseNumber.parse("Sak 1-24", reference_year=2023)
    doc = put(base, "agenda", (AgendaItem(case_number=later, title="Sak fra framtiden"),))
    assert [(f.code, f.severity, f.path) for f in validate(doc)] == [
        ("MEET005", E, "$.agenda[0].case_number")
    ]


def test_an_agenda_case_document_dated_after_the_meeting_is_meet005() -> None:
    """Without its own meeting date the case document cannot be checked by CASE001:
    the meeting's date is the limit."""
    doc = put_all(BASES["meeting"](), [
        ("agenda[0].case_document.meeting_date", None),
        ("agenda[0].case_document.document_date", D(2021, 9, 24)),
    ])  # fmt: skip
    assert [(f.code, f.path) for f in validate(doc)] == [
        ("MEET005", "$.agenda[0].case_document.document_date")
    ]
    # with its own meeting date, CASE001 reports it (once)
    doc = put(doc, "agenda[0].case_document.meeting_date", MEETING_DAY)
    assert [(f.code, f.path) for f in validate(doc)] == [
        ("CASE001", "$.agenda[0].case_document.document_date")
    ]


def test_embedded_partnership_integrity_rules_apply_at_its_path() -> None:
    plan = BASES["plan"]()
    doc = put(plan, "partnership.bodies", (*plan.partnership.bodies, plan.partnership.bodies[0]))
    (f,) = validate(doc)
    assert (f.code, f.path) == ("PART010", "$.partnership.bodies[3].id")


def test_embedded_partnership_is_not_judged_for_completeness() -> None:
    doc = put_all(BASES["plan"](), [("partnership.parties", ()), ("partnership.memberships", ()),
                                    (f"{M00}.responsibility.lead[0]", ResponsibleParty(
                                        collective=khsmodel.Collective.HOSPITALS)),
                                    ("partnership.bodies[1].members", ())])  # fmt: skip
    assert validate(doc).codes() == ("DOC005",)  # party references cannot be checked
    standalone = validate(doc.partnership)
    assert standalone.codes() == ("PART003",)


def test_same_partnership_embedded_twice_is_reported_once() -> None:
    meeting = BASES["meeting"]()
    bad = put(
        meeting.partnership, "bodies", (*meeting.partnership.bodies, meeting.partnership.bodies[0])
    )
    doc = put_all(meeting, [("partnership", bad), ("agenda[0].case_document.partnership", bad)])
    assert [(f.code, f.path) for f in validate(doc)] == [("PART010", "$.partnership.bodies[3].id")]


def test_partnership_as_attachment_is_a_standalone_document() -> None:
    p = put(BASES["partnership"](), "parties[2].kind", OrganisationKind.OTHER)
    doc = put(BASES["case"](), "attachments[0].document", p)
    assert [(f.code, f.path) for f in validate(doc)] == [
        ("PART002", "$.attachments[0].document.parties")
    ]


def test_references_are_counted_once_per_document_when_unresolvable() -> None:
    doc = BASES["case"](with_partnership=False)
    findings = validate(doc).with_code("DOC005")
    assert [f.path for f in findings] == ["$.attachments[0].document", "$"]
    # the plan: owner, adoption body, 4 responsibles, a "Neste møte" body, reported_to
    assert findings[0].message.startswith("8 reference(s)")
    # the case: body, case officer's organisation, process event, reference, decision body
    assert findings[1].message.startswith("5 reference(s)")


# ---------------------------------------------------------------------------
# Selection, report, errors


def test_select_and_ignore_by_prefix_and_lists() -> None:
    assert select_codes("CASE00", ignore="CASE001") == {f"CASE00{i}" for i in range(2, 10)}
    assert select_codes(["plan001", " DOC001 "]) == {"PLAN001", "DOC001"}
    assert select_codes("PLAN001,DOC001") == {"PLAN001", "DOC001"}
    assert select_codes(ignore=["DOC", "DEC"]) == {r.code for r in RULES} - {
        r.code for r in RULES if r.code.startswith(("DOC", "DEC"))
    }


@pytest.mark.parametrize("bad", ["PLN", "PLAN999", "X"])
def test_unknown_selector_is_an_error(bad: str) -> None:
    with pytest.raises(UnknownRuleError) as info:
        validate(BASES["plan"](), select=bad)
    assert info.value.code == bad
    with pytest.raises(UnknownRuleError) as info:
        validate(BASES["plan"](), ignore=[bad])
    assert info.value.code == bad


@pytest.mark.parametrize(
    ("bad", "meant"),
    [("PLN", "PLAN"), ("PLAN03", "PLAN003"), ("plan0x3", "PLAN003"), ("DOC01", "DOC001")],
)
def test_an_unknown_rule_code_says_which_was_probably_meant(bad: str, meant: str) -> None:
    from khsmodel.validation import rule

    with pytest.raises(UnknownRuleError) as info:
        validate(BASES["plan"](), select=bad)
    assert info.value.suggestions[0] == meant
    if bad.upper() != "PLN":  # a prefix is a selector, not a code
        with pytest.raises(UnknownRuleError) as info:
            rule(bad)
        assert (info.value.code, info.value.suggestions[0]) == (bad, meant)
    with pytest.raises(UnknownRuleError) as info:
        validate(BASES["plan"](), select="XYZ")
    assert info.value.suggestions == ()


def test_validate_rejects_what_is_not_a_document() -> None:
    with pytest.raises(DocumentKindError) as info:
        validate(Measure(number=1, text="x"))  # type: ignore[arg-type]
    assert info.value.got == "Measure" and "ActionPlan" in info.value.expected


def test_report_api_and_raise_for_errors() -> None:
    doc = put_all(BASES["plan"](), [("owner", "nobody"), (f"{M00}.responsibility", None)])
    report = validate(doc)
    assert isinstance(report, Report) and len(report) == 2 and not report.ok
    assert [f.code for f in report.errors] == ["DOC004"]
    assert [f.code for f in report.warnings] == ["PLAN008"] and report.infos == ()
    assert report.summary() == "1 error, 1 warning, 0 info"
    assert report.to_data()[0] == {
        "code": "DOC004", "severity": "error", "path": "$.owner",
        "message": report.errors[0].message,
    }  # fmt: skip
    assert str(report.errors[0]).startswith("$.owner: DOC004 error body 'nobody'")
    with pytest.raises(ValidationError) as info:
        report.raise_for_errors()
    assert isinstance(info.value, KhsModelError) and isinstance(info.value, ValueError)
    assert info.value.findings == report.findings
    assert [f.code for f in info.value.errors] == ["DOC004"]
    assert "$.owner: DOC004 error" in str(info.value) and "PLAN008" not in str(info.value)
    validate(BASES["plan"]()).raise_for_errors()
    validate(doc, ignore="DOC004").raise_for_errors()


def test_public_names() -> None:
    assert khsmodel.validate is validate
    assert khsmodel.Finding is Finding and khsmodel.Report is Report
    assert {"validate", "Finding", "Report", "Severity"} <= set(khsmodel.__all__)


def test_import_khsmodel_does_not_load_the_rules() -> None:
    import subprocess

    code = "import sys, khsmodel; print('khsmodel.validation.plans' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# Catalogue and docs/rules.md


def test_catalogue_is_well_formed() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for r in RULES:
        assert re.fullmatch(r"(LOAD|DOC|DEC|PLAN|CASE|MEET|PART|AGR|REP|MPL)\d{3}", r.code)
        assert r.summary.endswith(".") and "\n" not in r.summary and len(r.summary) < 120
        assert len(r.rationale) > 40
    standalone = {r.code for r in RULES if r.standalone_only}
    assert standalone == {"PART001", "PART002", "PART003", "AGR001", "AGR002", "AGR003", "AGR005"}


def test_rule_lookup() -> None:
    assert rule("plan003").summary == "Two focus areas have the same number."
    with pytest.raises(KhsModelError):
        rule("PLAN999")


def test_rules_doc_is_up_to_date() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    generated = text[: examples_section_start(text)]
    assert generated == rules_markdown(), (
        'docs/rules.md is out of date; regenerate it with: python -c "from '
        "khsmodel.validation import write_rules_doc; write_rules_doc('docs/rules.md')\""
    )
    for r in RULES:
        assert f"### {r.code}\n" in generated and r.rationale in generated


def _examples() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import importlib

        found = {}
        for name in ("khs", "vest_viken", "lofoten"):
            module = importlib.import_module(name)
            for fn in module.__all__:
                if callable(getattr(module, fn)):
                    found[f"{name}.{fn}"] = getattr(module, fn)
        return found
    finally:
        sys.path.remove(str(ROOT / "examples"))


def test_examples_have_no_errors() -> None:
    examples = _examples()
    assert len(examples) >= 12
    for name, fn in examples.items():
        report = validate(fn())
        assert report.errors == (), (name, [str(f) for f in report.errors])


def test_rules_doc_explains_every_warning_of_the_examples() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = text[examples_section_start(text) :]
    explained: dict[str, set[str]] = {}
    for part in section.split("\n### `")[1:]:
        name = part[: part.index("()`")]
        explained[name] = set(re.findall(r"\*\*([A-Z]+\d{3})\*\*", part))
    produced = {}
    for name, fn in _examples().items():
        codes = {f.code for f in validate(fn()) if f.severity is not Severity.ERROR}
        if codes:
            produced[name] = codes
    assert produced == explained, (
        "docs/rules.md, section 'Warnings in the examples', must list under each example "
        "function exactly the warning and info codes it produces"
    )


# ---------------------------------------------------------------------------
# Speed: one pass, no quadratic loops


def _big_plan(n_areas: int, n_measures: int) -> Any:
    plan = BASES["plan"]()
    template = plan.focus_areas[0].measures
    areas = tuple(
        FocusArea(number=i + 1, title=f"Fokusområde {i + 1}", measures=tuple(
            attrs.evolve(template[j % 2], number=j + 1, id=f"m{i}-{j}", text=f"Tiltak {i}.{j}")
            for j in range(n_measures)))
        for i in range(n_areas)
    )  # fmt: skip
    return put(plan, "focus_areas", areas)


def test_large_plan_has_no_findings() -> None:
    # Speed is measured by benchmarks/run.py (validate 10k measures), not by a timed test.
    assert list(validate(_big_plan(100, 100))) == []


def test_all_measures_identical_text_has_no_findings() -> None:
    plan = _big_plan(1, 2000)
    same = put(plan, "focus_areas[0].measures", tuple(
        attrs.evolve(m, text="Samme", heading=str(i)) for i, m in enumerate(get(plan, "focus_areas[0].measures"))
    ))  # fmt: skip
    assert validate(same).codes() == ()


# ---------------------------------------------------------------------------
# Every text of a document is checked: a control character in any string that
# still loads gives an error at exactly that path (DOC002, or a reference rule
# for an id that then resolves to nothing).


def _string_paths(data: Any, path: str = "$") -> list[str]:
    """JSON paths of every string in plain data, except the envelope and union tags."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    out: list[str] = []
    for key, value in items:
        if key in ("format", "kind"):
            continue
        sub = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        if isinstance(value, str):
            out.append(sub)
        elif isinstance(value, dict | list):
            out += _string_paths(value, sub)
    return out


def _with_suffix(data: Any, path: str, suffix: str) -> None:
    keys = [k or int(i) for k, i in re.findall(r"\.([A-Za-z_]+)|\[(\d+)\]", path[1:])]
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] += suffix


@pytest.mark.parametrize(
    "name",
    ["000-osu-sak-2-2016-saksframlegg", "003-partnerskapsmote-2022-02-04",
     "001-khs-samarbeidsavtale", "003-vest-viken-partnership"],
)  # fmt: skip
def test_every_text_is_checked_for_control_characters(name: str) -> None:
    import json

    from khsmodel.errors import InvalidDocumentError
    from khsmodel.serialization import from_data

    text = (ROOT / "examples" / "documents" / f"{name}.json").read_text(encoding="utf-8")
    assert validate(from_data(json.loads(text))).ok
    checked, missed = 0, []
    for path in _string_paths(json.loads(text)):
        data = json.loads(text)
        _with_suffix(data, path, "\x0b")
        try:
            doc = from_data(data)
        except InvalidDocumentError:
            continue  # dates, enum values, numbers: not free text
        checked += 1
        if not any(f.path == path for f in validate(doc).errors):
            missed.append(path)
    assert checked > 50
    assert missed == [], missed


def test_a_suspect_responsible_does_not_make_its_fine_neighbours_reported() -> None:
    """Only the responsible that is wrong is reported, not every one of its measure.

    Found by a differential fuzz against the earlier validator: the party id with a
    control character is reported once, where the partnership lists it, and the
    responsible that names it correctly gets no finding of its own.
    """
    import json

    plan = khsmodel.loads(json.dumps({
        "format": "khsmodel", "format_version": 1, "kind": "action_plan", "title": "P",
        "period": {"start": "2016-01-01", "end": "2016-12-31"},
        "partnership": {"id": "p", "name": "P",
                        "partnership_kind": "municipal_health_cooperation",
                        "parties": [{"id": "a\u000bb", "kind": "kommune", "name": "A"}]},
        "focus_areas": [{"number": 1, "title": "F", "measures": [{
            "number": 1, "text": "M",
            "responsibility": {"text": "R", "lead": [{"party": "a\u000bb"}, {"party": "nope"}]},
        }]}],
    }))  # fmt: skip
    assert [(f.code, f.path) for f in validate(plan).findings] == [
        ("DOC002", "$.partnership.parties[0].id"),
        ("PLAN009", "$.focus_areas[0].measures[0].responsibility.lead[1].party"),
    ]


def test_a_year_outside_the_plausible_range_is_a_load_error_not_a_crash() -> None:
    """InYear(year=0) once made validate() raise ValueError from datetime."""
    import json

    text = json.dumps({
        "format": "khsmodel", "format_version": 1, "kind": "action_plan", "title": "P",
        "focus_areas": [{"number": 1, "title": "F", "measures": [{
            "number": 1, "text": "M", "timeframe": {
                "text": "x", "interpretation": {"kind": "year", "year": 0}}}]}],
    })  # fmt: skip
    with pytest.raises(khsmodel.InvalidDocumentError) as info:
        khsmodel.loads(text)
    [error] = info.value.errors
    assert error.path == "$.focus_areas[0].measures[0].timeframe.interpretation.year"
    assert "1900..2100, got 0" in error.message
    assert khsmodel.interpret_timeframe("Starter i april 0000") is None


# ---------------------------------------------------------------------------
# Timeframes real plans write (issue 15)


def test_text_only_ongoing_and_recurring_timeframes_are_not_flagged() -> None:
    """'Etter behov' says no time and 'Løpende' runs through the period: no finding for either,
    nor for a recurrence with occurrences in the period (the plan runs 2021-09-23–2022-09-30)."""
    texts = ["Etter behov", "Ved behov", "Ikkje aktuelt", "Så snart som råd", "Løpende",
             "Heile perioden", "Årlig", "Årleg i mars", "Kvartalsvis", "Hver måned", "Hvert møte",
             "Kvart 4. år"]  # fmt: skip
    doc = BASES["plan"]()
    fa = doc.focus_areas[0]
    base = fa.measures[0]
    measures = tuple(
        attrs.evolve(base, number=n, id=f"m{n}", text=f"Tiltak {n}", timeframe=Timeframe(
            text=text, interpretation=khsmodel.interpret_timeframe(text, period=doc.period)))
        for n, text in enumerate(texts, 1)
    )  # fmt: skip
    assert [m.timeframe.interpretation is None for m in measures if m.timeframe] == [True] * 4 + [False] * 8
    doc = attrs.evolve(doc, focus_areas=(attrs.evolve(fa, measures=measures), *doc.focus_areas[1:]))
    found = [f for f in validate(doc) if ".measures[" in f.path and "focus_areas[0]" in f.path]
    assert found == []


def test_a_recurrence_with_no_occurrence_in_the_period_is_flagged() -> None:
    doc = BASES["plan"]()
    period = khsmodel.Period(start=D(2021, 9, 23), end=D(2022, 6, 30))
    doc = attrs.evolve(doc, period=period)
    tf = Timeframe(text="Årlig i august", interpretation=khsmodel.interpret_timeframe("Årlig i august"))
    doc = put(doc, f"{M00}.timeframe", tf)
    (f,) = validate(doc).with_code("PLAN002")
    assert f.path == f"$.{M00}.timeframe"
    assert "'Årlig i august'" in f.message and "2021-09-23–2022-06-30" in f.message
    ok = put(doc, f"{M00}.timeframe", Timeframe(
        text="Årlig i juni", interpretation=khsmodel.interpret_timeframe("Årlig i juni")))  # fmt: skip
    assert validate(ok).with_code("PLAN002") == ()


def test_the_findings_of_a_measures_parts_come_in_document_order() -> None:
    """Each part of a measure (texts, responsibility, timeframe, phase, progress, carried
    over) is checked by a pass of its own; the report still lists the findings measure by
    measure, and each measure's in the order of its fields."""
    import datetime as dt

    from khsmodel import ActionPlan, Period, Phase

    plan = ActionPlan(
        title="Handlingsplan",
        id="hp",
        period=Period(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31)),
        focus_areas=(FocusArea(number=1, title="Barn og unge", measures=(
            Measure(number=1, text="Fagdag\x0b", phase=Phase(number=2, label="Fase 2"),
                    carried_over_from=MeasureRef(plan="hp", measure=1)),
            Measure(number=2, text="Kurs", status=MeasureStatus.DONE,
                    timeframe=Timeframe(text="Mars 2019",
                                        interpretation=InMonth(year=2019, month=3)),
                    phase=Phase(number=1, label="Fase 1")),
        )),),
    )  # fmt: skip
    found = [(f.path, f.code) for f in validate(plan)]
    m0, m1 = "$.focus_areas[0].measures[0]", "$.focus_areas[0].measures[1]"
    assert found == [
        (f"{m0}.text", "DOC002"),
        (f"{m0}.responsibility", "PLAN008"),
        (f"{m0}.carried_over_from.plan", "PLAN021"),
        (f"{m1}.responsibility", "PLAN008"),
        (f"{m1}.timeframe", "PLAN002"),
        (f"{m1}.phase.number", "PLAN012"),
        (f"{m1}.status", "PLAN013"),
    ]
