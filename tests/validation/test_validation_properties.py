"""Property-based tests of the validation rules, on documents from ``khsmodel.strategies``.

For every rule: (1) generated valid documents give no finding of it; (2) a
targeted mutation of a generated valid document gives exactly that rule's
code at exactly the mutated path, and no other error. Mutations are small
functions registered by code in MUTATIONS; a test checks that every rule of
the catalogue has one (or an exemption with its reason).

Profiles: HYPOTHESIS_PROFILE=default (fast) or ci (more examples), see conftest.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from khsmodel import (
    ActionPlan,
    Adoption,
    AgendaItem,
    Agreement,
    AgreementLevel,
    ArchiveReference,
    Attachment,
    Body,
    BodyKind,
    CaseDocument,
    CaseNumber,
    CaseReference,
    Collective,
    Decision,
    DecisionKind,
    FocusArea,
    InYear,
    KommuneNumber,
    MeasureRef,
    MeasureStatus,
    Meeting,
    MeetingPlan,
    Membership,
    Minutes,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    Paragraph,
    Participant,
    Partnership,
    Period,
    Person,
    Phase,
    PlanStatus,
    PriorityGroup,
    ProcessEvent,
    ProgrammeItem,
    ProgressEntry,
    Proposal,
    ProposalKind,
    Responsibility,
    ResponsibleParty,
    Section,
    SectionKind,
    Severity,
    StatusReport,
    Timeframe,
    Unit,
    VoteCount,
    validate,
)
from khsmodel import strategies as ks
from khsmodel.validation import RULES
from tests.support.validation_helpers import put

#: Rules that may fire on valid generated documents, with the reason.
FIRES_ON_VALID: dict[str, str] = {
    "DOC007": "info: strategies generate local priority groups (Sámi patients) that have no "
    "national key, as partnerships legitimately do",
    "AGR005": "info: generated overarching agreements list some § 6-2 items, not all",
    "PLAN025": "info: generated plans may have no period while their timeframes resolve",
}

#: Rules with no mutation, with the reason.
NO_MUTATION: dict[str, str] = {
    "LOAD001": "reported by the command line for files that do not load; validate() takes "
    "model objects, which cannot hold such values (tests/cli/test_validation_cli.py)",
}

Mutation = Callable[[st.DataObject], tuple[Any, str]]
MUTATIONS: dict[str, Mutation] = {}


def mutation(code: str) -> Callable[[Mutation], Mutation]:
    def register(fn: Mutation) -> Mutation:
        assert code not in MUTATIONS, code
        MUTATIONS[code] = fn
        return fn

    return register


# ---------------------------------------------------------------------------
# Drawing base documents

_DAY = st.dates(dt.date(2012, 1, 2), dt.date(2029, 12, 30))


def draw_plan(data: st.DataObject) -> ActionPlan:
    """A generated plan that embeds a partnership (so references are checked)."""
    partnership = data.draw(ks.partnerships(), label="partnership")
    return data.draw(ks.action_plans(partnership=partnership), label="plan")


def draw_case(data: st.DataObject) -> tuple[CaseDocument, dt.date]:
    """A generated case document whose meeting date is given, and that date."""
    day = data.draw(_DAY, label="meeting day")
    doc = data.draw(ks.case_documents(meeting_date=day), label="case")
    return put(doc, "meeting_date", day), day


def draw_meeting(data: st.DataObject) -> Meeting:
    return data.draw(ks.meetings(), label="meeting")


def draw_partnership(data: st.DataObject) -> Partnership:
    return data.draw(ks.partnerships(), label="partnership")


def draw_agreement(data: st.DataObject) -> Agreement:
    return data.draw(ks.agreements(), label="agreement")


def cn(sequence: int, year: int) -> CaseNumber:
    return CaseNumber(text=f"{sequence}/{year}", sequence=sequence, year=year)


M0 = "focus_areas[0].measures[0]"


def measure_copy(plan: ActionPlan, text: str, **changes: Any) -> tuple[ActionPlan, str]:
    """Append a copy of the last measure of focus area 0 (new number, text, no id)."""
    measures = plan.focus_areas[0].measures
    last = measures[-1]
    fields = {"number": len(measures) + 1, "text": text, "id": None, **changes}
    new = put(last, "text", last.text)  # a copy we may evolve
    for name, value in fields.items():
        new = put(new, name, value)
    path = f"$.focus_areas[0].measures[{len(measures)}]"
    return put(plan, "focus_areas[0].measures", (*measures, new)), path


def meeting_voters(m: Meeting) -> int:
    """The most votes any decision of the meeting has, and at least the participants listed."""
    decisions = [*m.decisions, *(a.decision for a in m.agenda if a.decision)]
    totals = [d.votes.total for d in decisions if d.votes]
    return max([len(m.participants), *totals])


# ---------------------------------------------------------------------------
# Every document (DOC) and decisions (DEC)


@mutation("DOC001")
def _(data: st.DataObject) -> tuple[Any, str]:
    return put(draw_plan(data), "title", data.draw(st.sampled_from(["", " ", "\n\t "]))), "$.title"


@mutation("DOC002")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    bad = data.draw(st.sampled_from(sorted(ks.ILLEGAL_XML_CHARACTERS)), label="character")
    return put(plan, f"{M0}.text", plan.focus_areas[0].measures[0].text + bad), f"$.{M0}.text"


@mutation("DOC003")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    return (
        put(m, "participants", (*m.participants, Participant(party="ukjent-part"))),
        f"$.participants[{len(m.participants)}].party",
    )


@mutation("DOC004")
def _(data: st.DataObject) -> tuple[Any, str]:
    return put(draw_plan(data), "owner", "ukjent-organ"), "$.owner"


@mutation("DOC005")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    plan = put(plan, "owner", plan.partnership.bodies[0].id)  # type: ignore[union-attr]
    return put(plan, "partnership", None), "$"


@mutation("DOC006")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    p = put(p, "bodies[0].established", dt.date(2015, 1, 1))
    return put(p, "bodies[0].dissolved", dt.date(2014, 12, 31)), "$.bodies[0].dissolved"


@mutation("DOC007")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    groups = (*plan.priority_groups, PriorityGroup(text="Samiske pasienter i Kárášjohka"))
    return put(plan, "priority_groups", groups), f"$.priority_groups[{len(groups) - 1}].key"


@mutation("DEC001")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    votes = data.draw(st.sampled_from([VoteCount(in_favour=0), VoteCount(in_favour=3, against=-1)]))
    decision = Decision(kind=DecisionKind.DECISION, text="Vedtatt", votes=votes)
    return put(doc, "decision", decision), "$.decision.votes"


@mutation("DEC002")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    against = data.draw(st.integers(1, 5))
    decision = Decision(kind=DecisionKind.DECISION, text="Enstemmig vedtatt", unanimous=True,
                        votes=VoteCount(in_favour=6, against=against))  # fmt: skip
    return put(doc, "decision", decision), "$.decision.votes.against"


# ---------------------------------------------------------------------------
# Action plans


@mutation("PLAN001")
def _(data: st.DataObject) -> tuple[Any, str]:
    period = Period(start=dt.date(2020, 1, 1), end=dt.date(2019, 6, 30))
    return put(draw_plan(data), "period", period), "$.period.end"


@mutation("PLAN002")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    if plan.period is None:  # the strategy keeps timeframes in 2009-2030 then
        plan = put(plan, "period", Period(start=dt.date(2009, 1, 1), end=dt.date(2030, 12, 31)))
    year = data.draw(st.sampled_from([2001, 2040]))
    tf = Timeframe(text=str(year), interpretation=InYear(year=year))
    return put(plan, f"{M0}.timeframe", tf), f"$.{M0}.timeframe"


def _append_focus_area(plan: ActionPlan, number: int) -> tuple[ActionPlan, str]:
    fa = FocusArea(number=number, title="Ekstra fokusområde")
    return put(
        plan, "focus_areas", (*plan.focus_areas, fa)
    ), f"$.focus_areas[{len(plan.focus_areas)}]"


@mutation("PLAN003")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    number = data.draw(st.integers(1, len(plan.focus_areas)))
    plan, path = _append_focus_area(plan, number)
    return plan, f"{path}.number"


@mutation("PLAN004")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    plan, path = _append_focus_area(plan, len(plan.focus_areas) + data.draw(st.integers(2, 5)))
    return plan, f"{path}.number"


@mutation("PLAN005")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    number = data.draw(st.integers(1, len(plan.focus_areas[0].measures)))
    plan, path = measure_copy(plan, "Et nytt tiltak med eget navn", number=number)
    return plan, f"{path}.number"


@mutation("PLAN006")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    number = len(plan.focus_areas[0].measures) + data.draw(st.integers(2, 9))
    plan, path = measure_copy(plan, "Et nytt tiltak med eget navn", number=number)
    return plan, f"{path}.number"


@mutation("PLAN007")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    plan, path = measure_copy(plan, plan.focus_areas[0].measures[-1].text)
    return plan, f"{path}.text"


@mutation("PLAN008")
def _(data: st.DataObject) -> tuple[Any, str]:
    return put(draw_plan(data), f"{M0}.responsibility", None), f"$.{M0}.responsibility"


def _lead(plan: ActionPlan, rp: ResponsibleParty) -> ActionPlan:
    return put(
        plan, f"{M0}.responsibility", Responsibility(text=rp.text or "Ansvarlig", lead=(rp,))
    )


@mutation("PLAN009")
def _(data: st.DataObject) -> tuple[Any, str]:
    field = data.draw(st.sampled_from(["party", "body"]))
    plan = _lead(draw_plan(data), ResponsibleParty(**{field: "ukjent"}))
    return plan, f"$.{M0}.responsibility.lead[0].{field}"


@mutation("PLAN010")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    party = data.draw(st.sampled_from([p.id for p in plan.partnership.parties]))  # type: ignore[union-attr]
    plan = _lead(plan, ResponsibleParty(party=party, unit="ukjent-enhet"))
    return plan, f"$.{M0}.responsibility.lead[0].unit"


@mutation("PLAN011")
def _(data: st.DataObject) -> tuple[Any, str]:
    text = data.draw(st.sampled_from([None, "Prosjektledelsen"]))
    return _lead(draw_plan(data), ResponsibleParty(text=text)), f"$.{M0}.responsibility.lead[0]"


@mutation("PLAN012")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    first = put(plan.focus_areas[0].measures[0], "phase", Phase(number=2, label="Fase 2"))
    second = put(put(put(first, "number", 2), "text", "Et nytt tiltak med eget navn"), "id", None)
    second = put(second, "phase", Phase(number=1, label="Fase 1"))
    plan = put(plan, "focus_areas[0].measures", (first, second))
    return plan, "$.focus_areas[0].measures[1].phase.number"


@mutation("PLAN013")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = put(draw_plan(data), f"{M0}.progress", ())
    return put(plan, f"{M0}.status", MeasureStatus.DONE), f"$.{M0}.status"


@mutation("PLAN014")
def _(data: st.DataObject) -> tuple[Any, str]:
    day = data.draw(_DAY)
    progress = (
        ProgressEntry(date=day, text="Arbeidet er startet", status=MeasureStatus.STARTED),
        ProgressEntry(date=day - dt.timedelta(days=data.draw(st.integers(1, 60))),
                      text="Ferdig", status=MeasureStatus.DONE),
    )  # fmt: skip
    plan = put(draw_plan(data), f"{M0}.progress", progress)
    return put(plan, f"{M0}.status", MeasureStatus.DONE), f"$.{M0}.progress[1].date"


@mutation("PLAN015")
def _(data: st.DataObject) -> tuple[Any, str]:
    said = data.draw(st.sampled_from(list(MeasureStatus)))
    status = data.draw(st.sampled_from([s for s in MeasureStatus if s is not said]))
    entry = ProgressEntry(date=data.draw(_DAY), text="Status", status=said)
    plan = put(draw_plan(data), f"{M0}.progress", (entry,))
    return put(plan, f"{M0}.status", status), f"$.{M0}.status"


@mutation("PLAN016")
def _(data: st.DataObject) -> tuple[Any, str]:
    day = data.draw(_DAY)
    progress = (ProgressEntry(date=day, text="Notat"),
                ProgressEntry(date=day - dt.timedelta(days=1), text="Eldre notat"))  # fmt: skip
    plan = put(put(draw_plan(data), f"{M0}.progress", progress), f"{M0}.status", None)
    return plan, f"$.{M0}.progress[1].date"


def _adopted(plan: ActionPlan, adoption: Adoption | None, status: PlanStatus) -> ActionPlan:
    """The plan with this one adoption (or none); a period that ended before the adoption
    date (PLAN027, not the rule under test) is left out."""
    plan = put(put(plan, "adoptions", (adoption,) if adoption else ()), "status", status)
    end = plan.period.last_day if plan.period else None
    if adoption is not None and adoption.date and end is not None and end < adoption.date:
        plan = put(plan, "period", None)
    return plan


@mutation("PLAN017")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    body = plan.partnership.bodies[0].id  # type: ignore[union-attr]
    which = data.draw(st.sampled_from(["adoptions", "body", "date"]))
    if which == "adoptions":
        return _adopted(plan, None, PlanStatus.ADOPTED), "$.adoptions"
    full = {"body": body, "date": dt.date(2016, 2, 8), "case_number": cn(2, 2016)}
    adoption = Adoption(**{**full, which: None})
    return _adopted(plan, adoption, PlanStatus.ADOPTED), f"$.adoptions[0].{which}"


@mutation("PLAN018")
def _(data: st.DataObject) -> tuple[Any, str]:
    adoption = Adoption(body="ukjent-organ", date=dt.date(2016, 2, 8), case_number=cn(2, 2016))
    return _adopted(draw_plan(data), adoption, PlanStatus.ADOPTED), "$.adoptions[0].body"


@mutation("PLAN019")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    body = plan.partnership.bodies[0].id  # type: ignore[union-attr]
    adoption = Adoption(body=body, date=dt.date(2016, 2, 8), case_number=cn(2, 2016))
    status = data.draw(st.sampled_from([PlanStatus.DRAFT, PlanStatus.PROPOSED]))
    return _adopted(plan, adoption, status), "$.status"


@mutation("PLAN020")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    body = plan.partnership.bodies[0].id  # type: ignore[union-attr]
    day = data.draw(_DAY)
    year = day.year + data.draw(st.sampled_from([-1, 1]))
    adoption = Adoption(body=body, date=day, case_number=cn(2, year))
    return _adopted(plan, adoption, PlanStatus.ADOPTED), "$.adoptions[0].case_number"


@mutation("PLAN027")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    body = plan.partnership.bodies[0].id  # type: ignore[union-attr]
    if plan.period is None or plan.period.last_day is None:
        plan = put(plan, "period", Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)))
    assert plan.period is not None and plan.period.last_day is not None
    day = plan.period.last_day + dt.timedelta(days=data.draw(st.integers(1, 400)))
    adoption = Adoption(body=body, date=day, case_number=cn(2, day.year))
    plan = put(put(plan, "adoptions", (adoption,)), "status", PlanStatus.ADOPTED)
    return plan, "$.adoptions[0].date"


@mutation("PLAN028")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    bodies = [b.id for b in plan.partnership.bodies]  # type: ignore[union-attr]
    body = data.draw(st.sampled_from(bodies))
    day = (plan.period.first_day if plan.period else None) or dt.date(2016, 2, 8)
    first, again = (Adoption(body=body, date=day, case_number=cn(n, day.year)) for n in (2, 3))
    others = [Adoption(body=b, date=day) for b in bodies if b != body][:1]
    adoptions = data.draw(st.permutations([first, *others]))
    at = len(adoptions)
    plan = put(put(plan, "adoptions", (*adoptions, again)), "status", PlanStatus.ADOPTED)
    return plan, f"$.adoptions[{at}].body"


@mutation("PLAN021")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    if plan.id is None or plan.id == plan.previous_plan:
        plan = put(plan, "id", "denne-planen")
    ref = MeasureRef(plan=plan.id, measure=1)  # type: ignore[arg-type]
    return put(plan, f"{M0}.carried_over_from", ref), f"$.{M0}.carried_over_from.plan"


@mutation("PLAN022")
def _(data: st.DataObject) -> tuple[Any, str]:
    ref = MeasureRef(plan="handlingsplan-2015", focus_area=data.draw(st.none() | st.integers(1, 3)))
    return put(draw_plan(data), f"{M0}.carried_over_from", ref), f"$.{M0}.carried_over_from"


@mutation("PLAN023")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = put(draw_plan(data), f"{M0}.id", "samme-id")
    plan, path = measure_copy(plan, "Et nytt tiltak med eget navn", id="samme-id")
    return plan, f"{path}.id"


@mutation("PLAN024")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    plan, path = _append_focus_area(plan, len(plan.focus_areas) + 1)
    return plan, f"{path}.measures"


@mutation("PLAN026")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = draw_plan(data)
    assert plan.partnership is not None
    party = data.draw(st.sampled_from(plan.partnership.parties)).id
    body = data.draw(st.sampled_from(plan.partnership.bodies)).id
    both = data.draw(st.sampled_from([
        ResponsibleParty(party=party, collective=Collective.MUNICIPALITIES),
        ResponsibleParty(party=party, body=body),
        ResponsibleParty(body=body, collective=Collective.ALL_PARTIES),
    ]))  # fmt: skip
    return _lead(plan, both), f"$.{M0}.responsibility.lead[0]"


@mutation("PLAN025")
def _(data: st.DataObject) -> tuple[Any, str]:
    plan = put(draw_plan(data), "period", None)
    tf = Timeframe(text="2016", interpretation=InYear(year=2016))
    return put(plan, f"{M0}.timeframe", tf), "$.period"


# ---------------------------------------------------------------------------
# Case documents


@mutation("CASE001")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    later = day + dt.timedelta(days=data.draw(st.integers(1, 1)))
    return put(doc, "document_date", later), "$.document_date"


@mutation("CASE002")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    number = cn(doc.case_number.sequence, day.year + 1)
    return put(put(doc, "case_number", number), "decision", None), "$.case_number"


@mutation("CASE012")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    year = day.year - data.draw(st.integers(1, 5))
    number = data.draw(ks.case_numbers(year=year, sequence=doc.case_number.sequence))
    doc = put(put(put(doc, "case_number", number), "decision", None), "references", ())
    return doc, "$.case_number"


@mutation("CASE003")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    if data.draw(st.booleans()):
        later = cn(1, doc.case_number.year + 1)
        ref = CaseReference(text=f"sak {later.text}", case_number=later)
        field = "case_number"
    else:
        ref = CaseReference(
            text="sak uten nummer", date=(doc.document_date or day) + dt.timedelta(days=1)
        )
        field = "date"
    refs = (*doc.references, ref)
    return put(doc, "references", refs), f"$.references[{len(refs) - 1}].{field}"


@mutation("CASE004")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    return put(doc, "proposal", None), "$.proposal"


@mutation("CASE005")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    return put(put(doc, "attachments", ()), "attachments_heading", "Vedlegg (t):"), "$.attachments"


@mutation("CASE006")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    doc = put(put(doc, "attachments", ()), "attachments_heading", None)
    doc = put(doc, "proposal", Proposal(kind=ProposalKind.PROPOSED_DECISION,
                                        heading="Forslag til vedtak", text="Saken tas til orientering."))  # fmt: skip
    mention = data.draw(st.sampled_from(["Vedlagt ligger handlingsplanen.", "Se vedlegg 2."]))
    section = Section(
        kind=SectionKind.BACKGROUND, heading="Bakgrunn", content=(Paragraph(text=mention),)
    )
    return put(doc, "sections", (section, *doc.sections)), "$.sections[0].content[0].text"


@mutation("CASE007")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    limit = doc.document_date or day
    event = ProcessEvent(date=limit + dt.timedelta(days=data.draw(st.integers(1, 30))), text="Møte")
    events = (*doc.process_events, event)
    return put(doc, "process_events", events), f"$.process_events[{len(events) - 1}].date"


@mutation("CASE008")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    other = day + dt.timedelta(days=data.draw(st.sampled_from([-1, 1, 7])))
    return put(
        doc, "decision", Decision(kind=DecisionKind.DECISION, text="Vedtatt", date=other)
    ), "$.decision.date"


@mutation("CASE009")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    other = cn(doc.case_number.sequence + 1, doc.case_number.year)
    decision = Decision(kind=DecisionKind.DECISION, text="Vedtatt", case_number=other)
    return put(doc, "decision", decision), "$.decision.case_number"


@mutation("CASE010")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, day = draw_case(data)
    year = (doc.document_date or day).year + data.draw(st.integers(1, 3))
    return put(
        doc, "archive_reference", ArchiveReference.parse(f"{year}/3288")
    ), "$.archive_reference"


@mutation("CASE011")
def _(data: st.DataObject) -> tuple[Any, str]:
    doc, _ = draw_case(data)
    attachments = (
        Attachment(title="Handlingsplan", number=1),
        Attachment(title="Referat", number=1),
    )
    return put(doc, "attachments", attachments), "$.attachments[1].number"


# ---------------------------------------------------------------------------
# Meetings


def _agenda(m: Meeting, *items: AgendaItem) -> tuple[Meeting, str]:
    agenda = (*m.agenda, *items)
    return put(m, "agenda", agenda), f"$.agenda[{len(agenda) - 1}]"


def _case_for(m: Meeting, number: CaseNumber, **changes: Any) -> CaseDocument:
    doc = CaseDocument(body=m.body, case_number=number, meeting_date=m.date,
                       proposal=Proposal(kind=ProposalKind.PROPOSED_DECISION,
                                         heading="Forslag til vedtak", text="Saken vedtas."))  # fmt: skip
    for name, value in changes.items():
        doc = put(doc, name, value)
    return doc


@mutation("MEET001")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    number = m.agenda[0].case_number if m.agenda else cn(999, m.date.year)
    items = [AgendaItem(case_number=number, title="Sak")] * (1 if m.agenda else 2)
    m, path = _agenda(m, *items)
    return m, f"{path}.case_number"


@mutation("MEET002")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    bodies = m.partnership.bodies  # type: ignore[union-attr]
    other = Body(id="ekstra-organ", kind=BodyKind.WORKING_GROUP, name="Ekstra arbeidsgruppe")
    m = put(m, "partnership.bodies", (*bodies, other))
    number = cn(999, m.date.year)
    m, path = _agenda(m, AgendaItem(case_number=number, title="Sak",
                                    case_document=_case_for(m, number, body="ekstra-organ")))  # fmt: skip
    return m, f"{path}.case_document.body"


@mutation("MEET003")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    other = m.date + dt.timedelta(days=1)
    other = other if other.year == m.date.year else m.date - dt.timedelta(days=1)
    number = cn(999, m.date.year)
    m, path = _agenda(m, AgendaItem(case_number=number, title="Sak",
                                    case_document=_case_for(m, number, meeting_date=other)))  # fmt: skip
    return m, f"{path}.case_document.meeting_date"


@mutation("MEET004")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    number = cn(999, m.date.year)
    case = _case_for(m, number, case_number=cn(998, m.date.year))
    m, path = _agenda(m, AgendaItem(case_number=number, title="Sak", case_document=case))
    return m, f"{path}.case_document.case_number"


@mutation("MEET005")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    if data.draw(st.booleans(), label="by the case number"):
        year = m.date.year + data.draw(st.integers(1, 5))
        m, path = _agenda(m, AgendaItem(case_number=cn(999, year), title="Sak"))
        return m, f"{path}.case_number"
    number = cn(999, m.date.year)
    case = _case_for(m, number, meeting_date=None,
                     document_date=m.date + dt.timedelta(days=data.draw(st.integers(1, 30))))  # fmt: skip
    m, path = _agenda(m, AgendaItem(case_number=number, title="Sak", case_document=case))
    return m, f"{path}.case_document.document_date"


@mutation("MEET006")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    count = meeting_voters(m)
    m = put(put(m, "participants_count", count), "participants_approximate", False)
    votes = VoteCount(in_favour=count + 1)
    decisions = (*m.decisions, Decision(kind=DecisionKind.DECISION, text="Vedtak", votes=votes))
    return put(m, "decisions", decisions), f"$.decisions[{len(decisions) - 1}].votes"


@mutation("MEET007")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = put(put(draw_meeting(data), "start_time", dt.time(10, 0)), "end_time", dt.time(9, 0))
    return put(m, "programme", ()), "$.end_time"


@mutation("MEET008")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    field = data.draw(st.sampled_from(["date", "approved"]))
    minutes = put(Minutes(title="Referat"), field, m.date - dt.timedelta(days=1))
    return put(m, "minutes", minutes), f"$.minutes.{field}"


@mutation("MEET009")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    count = meeting_voters(m)
    extra = count - len(m.participants) + 1
    people = (*m.participants, *[Participant(person=Person(name="Kari Nordmann"))] * extra)
    m = put(put(m, "participants_count", count), "participants_approximate", False)
    return put(m, "participants", people), "$.participants_count"


@mutation("MEET010")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    party = m.represented_parties[0] if m.represented_parties else m.partnership.parties[0].id  # type: ignore[union-attr]
    parties = (*m.represented_parties, party) if m.represented_parties else (party, party)
    return put(m, "represented_parties", parties), f"$.represented_parties[{len(parties) - 1}]"


@mutation("MEET011")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    other = m.date + dt.timedelta(days=data.draw(st.sampled_from([-1, 1, 7])))
    decisions = (*m.decisions, Decision(kind=DecisionKind.DECISION, text="Vedtak", date=other))
    return put(m, "decisions", decisions), f"$.decisions[{len(decisions) - 1}].date"


@mutation("MEET012")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = put(draw_meeting(data), "start_time", None)
    programme = (ProgrammeItem(text="Velkommen", start_time=dt.time(11, 0)),
                 ProgrammeItem(text="Innlegg", start_time=dt.time(10, 30)))  # fmt: skip
    return put(m, "programme", programme), "$.programme[1].start_time"


@mutation("MEET013")
def _(data: st.DataObject) -> tuple[Any, str]:
    m = draw_meeting(data)
    year = m.date.year - data.draw(st.integers(1, 5))
    number = data.draw(ks.case_numbers(year=year, sequence=999), label="carried case")
    m, path = _agenda(m, AgendaItem(case_number=number, title="Fast post"))
    return m, f"{path}.case_number"


# ---------------------------------------------------------------------------
# Partnerships and agreements


def _kinds_to_other(
    parties: tuple[Organisation, ...], kinds: set[OrganisationKind]
) -> tuple[Organisation, ...]:
    out = []
    for o in parties:
        if o.kind in kinds:
            o = put(put(o, "kind", OrganisationKind.OTHER), "kommune_number", None)
        out.append(o)
    return tuple(out)


_MUNICIPAL = {OrganisationKind.MUNICIPALITY, OrganisationKind.INTERMUNICIPAL_COOPERATION}
_TRUST = {OrganisationKind.HOSPITAL_TRUST, OrganisationKind.REGIONAL_HEALTH_AUTHORITY}


@mutation("PART001")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    return put(
        p, "parties", _kinds_to_other(p.parties, {OrganisationKind.MUNICIPALITY})
    ), "$.parties"


@mutation("PART002")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    return put(p, "parties", _kinds_to_other(p.parties, _TRUST)), "$.parties"


@mutation("PART003")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    return put(put(p, "parties", ()), "memberships", ()), "$.parties"


def _append_party(p: Any, *orgs: Organisation) -> tuple[Any, str]:
    parties = (*p.parties, *orgs)
    return put(p, "parties", parties), f"$.parties[{len(parties) - 1}]"


@mutation("PART004")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    p, path = _append_party(p, data.draw(st.sampled_from(p.parties)))
    return p, f"{path}.id"


@mutation("PART005")
def _(data: st.DataObject) -> tuple[Any, str]:
    number = OrganisationNumber("123456785")
    a = Organisation(
        id="kopi-a", kind=OrganisationKind.OTHER, name="Kopi A", organisation_number=number
    )
    b = Organisation(
        id="kopi-b", kind=OrganisationKind.OTHER, name="Kopi B", organisation_number=number
    )
    p, path = _append_party(draw_partnership(data), a, b)
    return p, f"{path}.organisation_number"


@mutation("PART006")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    party = data.draw(st.sampled_from([m.party for m in p.memberships]))
    memberships = (*p.memberships, Membership(party=party))
    return put(p, "memberships", memberships), f"$.memberships[{len(memberships) - 1}]"


@mutation("PART007")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    memberships = (*p.memberships, Membership(party="ukjent-part"))
    return put(p, "memberships", memberships), f"$.memberships[{len(memberships) - 1}].party"


@mutation("PART008")
def _(data: st.DataObject) -> tuple[Any, str]:
    kind = data.draw(
        st.sampled_from([k for k in OrganisationKind if k is not OrganisationKind.MUNICIPALITY])
    )
    org = Organisation(id="ekstra", kind=kind, name="Ekstra", kommune_number=KommuneNumber("1804"))
    p, path = _append_party(draw_partnership(data), org)
    return p, f"{path}.kommune_number"


@mutation("PART009")
def _(data: st.DataObject) -> tuple[Any, str]:
    number, valid_from, valid_to = data.draw(st.sampled_from([
        ("3024", dt.date(2024, 1, 1), None), ("0219", dt.date(2020, 1, 1), None),
        ("3201", None, dt.date(2019, 12, 31)), ("1301", None, None), ("9901", None, None),
    ]))  # fmt: skip
    org = Organisation(id="ekstra-kommune", kind=OrganisationKind.MUNICIPALITY, name="Ekstra kommune",
                       kommune_number=KommuneNumber(number), valid_from=valid_from, valid_to=valid_to)  # fmt: skip
    p, path = _append_party(draw_partnership(data), org)
    return p, f"{path}.kommune_number"


@mutation("PART010")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    bodies = (*p.bodies, data.draw(st.sampled_from(p.bodies)))
    return put(p, "bodies", bodies), f"$.bodies[{len(bodies) - 1}].id"


@mutation("PART011")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    parent = data.draw(st.sampled_from(["ukjent-organ", p.bodies[0].id]))
    return put(p, "bodies[0].parent", parent), "$.bodies[0].parent"


@mutation("PART012")
def _(data: st.DataObject) -> tuple[Any, str]:
    org = Organisation(id="ekstra", kind=OrganisationKind.OTHER, name="Ekstra",
                       units=(Unit(id="enhet", name="Enhet"), Unit(id="enhet", name="Annen enhet")))  # fmt: skip
    p, path = _append_party(draw_partnership(data), org)
    return p, f"{path}.units[1].id"


@mutation("PART013")
def _(data: st.DataObject) -> tuple[Any, str]:
    org = Organisation(
        id="gammel", kind=OrganisationKind.OTHER, name="Gammel", valid_to=dt.date(2015, 12, 31)
    )
    p, _ = _append_party(draw_partnership(data), org)
    memberships = (*p.memberships, Membership(party="gammel", valid_from=dt.date(2017, 1, 1)))
    return put(p, "memberships", memberships), f"$.memberships[{len(memberships) - 1}]"


def _service(data: st.DataObject) -> Agreement:
    return put(draw_agreement(data), "level", AgreementLevel.SERVICE)


@mutation("AGR001")
def _(data: st.DataObject) -> tuple[Any, str]:
    a = _service(data)
    return put(a, "parties", _kinds_to_other(a.parties, _MUNICIPAL)), "$.parties"


@mutation("AGR002")
def _(data: st.DataObject) -> tuple[Any, str]:
    a = _service(data)
    return put(a, "parties", _kinds_to_other(a.parties, _TRUST)), "$.parties"


@mutation("AGR003")
def _(data: st.DataObject) -> tuple[Any, str]:
    return put(draw_agreement(data), "parties", ()), "$.parties"


@mutation("AGR004")
def _(data: st.DataObject) -> tuple[Any, str]:
    a = draw_agreement(data)
    a, path = _append_party(a, data.draw(st.sampled_from(a.parties)))
    return a, f"{path}.id"


@mutation("AGR005")
def _(data: st.DataObject) -> tuple[Any, str]:
    a = put(put(draw_agreement(data), "level", AgreementLevel.OVERARCHING), "statutory_items", ())
    a = put(a, "date", data.draw(_DAY))  # § 6-2 is in force from 2012
    return put(a, "sections", ()), "$.statutory_items"


@mutation("AGR006")
def _(data: st.DataObject) -> tuple[Any, str]:
    a = draw_agreement(data)
    field = data.draw(st.sampled_from(["parent", "replaces"]))
    return put(a, field, a.id), f"$.{field}"


@mutation("AGR007")
def _(data: st.DataObject) -> tuple[Any, str]:
    p = draw_partnership(data)
    extra = Agreement(id="samme-avtale", title="Delavtale", level=AgreementLevel.OTHER)
    agreements = (*p.agreements, extra, extra)
    return put(p, "agreements", agreements), f"$.agreements[{len(agreements) - 1}].id"


# ---------------------------------------------------------------------------
# Status reports


def draw_report(data: st.DataObject, *, with_items: bool = False) -> StatusReport:
    """A generated status report of a plan that embeds a partnership."""
    r = data.draw(ks.status_reports(plan=draw_plan(data)), label="report")
    assume(r.items or not with_items)
    return r


@mutation("REP001")
def _(data: st.DataObject) -> tuple[Any, str]:
    r = draw_report(data)
    period = r.plan.period
    assume(period is not None and period.start is not None and period.start.year > 2009)
    start = period.first_day  # the first day a partial start ("2016") can mean
    assert start is not None
    return put(put(r, "since", None), "as_of", start - dt.timedelta(days=1)), "$.as_of"


@mutation("REP002")
def _(data: st.DataObject) -> tuple[Any, str]:
    r = draw_report(data, with_items=True)
    return put(r, "items[0].measure", 999), "$.items[0].measure"


@mutation("REP003")
def _(data: st.DataObject) -> tuple[Any, str]:
    r = draw_report(data)
    return put(r, "since", r.as_of), "$.since"


@mutation("REP004")
def _(data: st.DataObject) -> tuple[Any, str]:
    r = draw_report(data, with_items=True)
    return put(r, "items", (*r.items, r.items[0])), f"$.items[{len(r.items)}].measure"


@mutation("REP005")
def _(data: st.DataObject) -> tuple[Any, str]:
    r = draw_report(data, with_items=True)
    return put(r, "items", r.items[1:]), "$.items"


@mutation("REP006")
def _(data: st.DataObject) -> tuple[Any, str]:
    r = draw_report(data, with_items=True)
    other = MeasureStatus.PLANNED if r.items[0].status is MeasureStatus.DONE else MeasureStatus.DONE
    return put(r, "items[0].status", other), "$.items[0].status"


# ---------------------------------------------------------------------------
# Meeting plans


def draw_meeting_plan(data: st.DataObject) -> MeetingPlan:
    """A generated meeting plan with at least one meeting."""
    mp = data.draw(ks.meeting_plans(), label="meeting_plan")
    assume(mp.meetings)
    return mp


@mutation("MPL001")
def _(data: st.DataObject) -> tuple[Any, str]:
    mp = draw_meeting_plan(data)
    i = data.draw(st.integers(0, len(mp.meetings) - 1), label="i")
    later = mp.meetings[i].date + dt.timedelta(days=data.draw(st.integers(1, 40), label="days"))
    return put(mp, f"meetings[{i}].documents_due", later), f"$.meetings[{i}].documents_due"


@mutation("MPL002")
def _(data: st.DataObject) -> tuple[Any, str]:
    mp = draw_meeting_plan(data)
    i = data.draw(st.integers(0, len(mp.meetings) - 1), label="i")
    twin = attrs.evolve(mp.meetings[i], title="Ekstra møte", start_time=None, end_time=None)
    meetings = (*mp.meetings, twin)
    return put(mp, "meetings", meetings), f"$.meetings[{len(mp.meetings)}].date"


@mutation("MPL003")
def _(data: st.DataObject) -> tuple[Any, str]:
    mp = draw_meeting_plan(data)
    i = data.draw(st.integers(0, len(mp.meetings) - 1), label="i")
    years = data.draw(st.sampled_from((-1, 1, 3)), label="years")
    day = mp.meetings[i].date
    moved = day.replace(year=day.year + years, day=min(day.day, 28))
    meeting = attrs.evolve(mp.meetings[i], date=moved, documents_due=None)
    return put(mp, f"meetings[{i}]", meeting), f"$.meetings[{i}].date"


# ---------------------------------------------------------------------------
# The tests

_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: 78 mutation tests draw whole documents: a quarter of the profile's examples each
#: (6 by default, 50 with the ci profile), at least 6.
_MUTATION_SETTINGS = settings(_SETTINGS, max_examples=max(6, settings.default.max_examples // 4))


def test_every_rule_has_a_mutation_or_a_reason() -> None:
    codes = {r.code for r in RULES}
    assert set(MUTATIONS) | set(NO_MUTATION) == codes
    assert not set(MUTATIONS) & set(NO_MUTATION)
    assert set(FIRES_ON_VALID) <= codes
    assert all(RULES_BY_CODE[c].severity is Severity.INFO for c in FIRES_ON_VALID)


RULES_BY_CODE = {r.code: r for r in RULES}

_KINDS = ("partnership", "agreement", "action_plan", "case_document", "meeting", "status_report",
          "meeting_plan")


@pytest.mark.parametrize("kind", _KINDS)
@_SETTINGS
@given(data=st.data())
def test_generated_documents_give_no_finding(kind: str, data: st.DataObject) -> None:
    doc = data.draw(ks.documents(kinds=(kind,)), label=kind)
    unexpected = [str(f) for f in validate(doc) if f.code not in FIRES_ON_VALID]
    assert unexpected == []


@pytest.mark.parametrize("code", sorted(MUTATIONS))
@_MUTATION_SETTINGS
@given(data=st.data())
def test_mutation_gives_exactly_that_finding(code: str, data: st.DataObject) -> None:
    doc, path = MUTATIONS[code](data)
    report = validate(doc)
    paths = [f.path for f in report.with_code(code)]
    if code in FIRES_ON_VALID:
        assert path in paths, [str(f) for f in report]
    else:
        assert paths == [path], [str(f) for f in report]
    assert all(f.severity is RULES_BY_CODE[code].severity for f in report.with_code(code))
    unrelated = [str(f) for f in report.errors if f.code != code]
    assert unrelated == []


# ---------------------------------------------------------------------------
# The year of a case against its meeting (issue 15): a case numbered in an earlier year
# (a standing or carried item, "12-22" on a January 2023 agenda) is a warning; a case
# numbered after the meeting's year is an error; a case of the meeting's year is fine.

_YEAR_CODES = {"MEET005", "MEET013", "CASE002", "CASE012"}


@_SETTINGS
@given(data=st.data(), shift=st.integers(-30, 30), with_document=st.booleans())
def test_agenda_case_of_another_year(data: st.DataObject, shift: int, with_document: bool) -> None:
    m = draw_meeting(data)
    number = data.draw(ks.case_numbers(year=m.date.year + shift, sequence=999), label="case")
    case = _case_for(m, number) if with_document else None
    m, path = _agenda(m, AgendaItem(case_number=number, title="Sak", case_document=case))
    report = validate(m)
    found = {(f.code, f.severity, f.path) for f in report if f.code in _YEAR_CODES}
    on_number, on_document = f"{path}.case_number", f"{path}.case_document.case_number"
    if shift < 0:
        expected = {("MEET013", Severity.WARNING, on_number)}
        expected |= {("CASE012", Severity.WARNING, on_document)} if with_document else set()
        assert report.ok
    elif shift > 0:
        expected = {("MEET005", Severity.ERROR, on_number)}
        expected |= {("CASE002", Severity.ERROR, on_document)} if with_document else set()
    else:
        expected = set()
        assert report.ok
    assert found == expected, [str(f) for f in report]
    assert {(f.code, f.severity, f.path) for f in report.errors} <= expected


@_SETTINGS
@given(data=st.data(), shift=st.integers(-30, 30))
def test_case_document_of_another_year(data: st.DataObject, shift: int) -> None:
    doc, day = draw_case(data)
    number = data.draw(ks.case_numbers(year=day.year + shift), label="case number")
    doc = put(put(put(doc, "case_number", number), "decision", None), "references", ())
    report = validate(doc)
    found = {(f.code, f.severity, f.path) for f in report if f.code in _YEAR_CODES}
    if shift < 0:
        assert found == {("CASE012", Severity.WARNING, "$.case_number")}
    elif shift > 0:
        assert found == {("CASE002", Severity.ERROR, "$.case_number")}
    else:
        assert found == set()
    assert report.ok is (shift <= 0), [str(f) for f in report.errors]
