"""Helpers for the validation tests: change a document at a path, and clean hand-made documents.

``put(doc, "focus_areas[0].measures[1].number", 3)`` rebuilds the frozen
objects along the path with ``attrs.evolve`` (the validators run again).
The documents below are small, valid and give no finding at all, so a test
can change one thing and expect exactly one finding.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

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
    BodyMember,
    CaseDocument,
    CaseNumber,
    CaseReference,
    Collective,
    Decision,
    DecisionKind,
    FocusArea,
    InMonth,
    KommuneNumber,
    Measure,
    MeasureStatus,
    Meeting,
    MeetingPlan,
    Membership,
    Minutes,
    NextMeeting,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    Paragraph,
    Participant,
    Partnership,
    PartnershipKind,
    Period,
    Person,
    Phase,
    PlannedMeeting,
    PlanStatus,
    PriorityGroup,
    PriorityGroupKey,
    ProcessEvent,
    ProgrammeItem,
    ProgressEntry,
    Proposal,
    ProposalKind,
    Responsibility,
    ResponsibleParty,
    Role,
    Section,
    SectionKind,
    StatusReport,
    StatutoryItem,
    Timeframe,
    Unit,
    VoteCount,
    YearDate,
    report,
)

_TOKEN = re.compile(r"\.?([A-Za-z_]+)|\[(\d+)\]")


def _tokens(path: str) -> list[tuple[str, str]]:
    path = path.removeprefix("$").removeprefix(".")
    tokens = _TOKEN.findall(path)
    assert "".join(f".{n}" if n else f"[{i}]" for n, i in tokens).lstrip(".") == path, path
    return tokens


def get(obj: Any, path: str) -> Any:
    """The value at a path: ``get(plan, "focus_areas[0].measures")``."""
    for name, index in _tokens(path):
        obj = getattr(obj, name) if name else obj[int(index)]
    return obj


def _put(obj: Any, tokens: list[tuple[str, str]], value: Any) -> Any:
    if not tokens:
        return value
    (name, index), rest = tokens[0], tokens[1:]
    if name:
        return attrs.evolve(obj, **{name: _put(getattr(obj, name), rest, value)})
    items = list(obj)
    items[int(index)] = _put(items[int(index)], rest, value)
    return tuple(items)


def put(obj: Any, path: str, value: Any) -> Any:
    """A copy of ``obj`` with the value at ``path`` replaced (``$.`` prefix optional)."""
    return _put(obj, _tokens(path), value)


def put_all(obj: Any, changes: list[tuple[str, Any]]) -> Any:
    for path, value in changes:
        obj = put(obj, path, value)
    return obj


# ---------------------------------------------------------------------------
# Clean documents

D = dt.date
MEETING_DAY = D(2021, 9, 23)


def parties() -> tuple[Organisation, ...]:
    return (
        Organisation(id="bodo", kind=OrganisationKind.MUNICIPALITY, name="Bodø kommune",
                     kommune_number=KommuneNumber("1804"),
                     organisation_number=OrganisationNumber("972418013")),
        Organisation(id="hamaroy", kind=OrganisationKind.MUNICIPALITY, name="Hamarøy kommune",
                     kommune_number=KommuneNumber("1875"), valid_from=D(2020, 1, 1)),
        Organisation(id="nlsh", kind=OrganisationKind.HOSPITAL_TRUST, name="Nordlandssykehuset HF",
                     organisation_number=OrganisationNumber("983974910"),
                     units=(Unit(id="lms", name="Lærings- og mestringssenteret", abbreviation="LMS"),
                            Unit(id="bupa", name="BUPA"))),
    )  # fmt: skip


STATUTORY_ALL = tuple(StatutoryItem)


def partnership() -> Partnership:
    return Partnership(
        id="hf-lvs",
        name="Helsefellesskapet Lofoten, Vesterålen og Salten",
        kind=PartnershipKind.HEALTH_PARTNERSHIP,
        parties=parties(),
        memberships=(
            Membership(party="bodo", valid_from=D(2020, 1, 1)),
            Membership(party="hamaroy", valid_from=D(2020, 1, 1)),
            Membership(party="nlsh", valid_from=D(2020, 1, 1)),
        ),
        bodies=(
            Body(id="oso", kind=BodyKind.OVERARCHING_COMMITTEE, name="Overordnet samarbeidsorgan",
                 abbreviation="OSO", established=D(2020, 1, 1)),
            Body(id="ssu", kind=BodyKind.STRATEGIC_COMMITTEE, name="Strategisk samarbeidsutvalg",
                 abbreviation="SSU", parent="oso",
                 members=(BodyMember(person=Person(name="Máret Sara"), party="bodo"),)),
            Body(id="partnerskapsmotet", kind=BodyKind.PARTNERSHIP_MEETING,
                 name="Partnerskapsmøtet"),
        ),
        agreements=(
            Agreement(id="overordnet", title="Overordnet samarbeidsavtale",
                      level=AgreementLevel.OVERARCHING, date=D(2021, 1, 1),
                      statutory_items=STATUTORY_ALL),
        ),
        priority_groups=(PriorityGroup(text="Barn og unge", key=PriorityGroupKey.CHILDREN_YOUNG),),
    )  # fmt: skip


def agreement() -> Agreement:
    return Agreement(
        id="avtale-2021",
        title="Overordnet samarbeidsavtale",
        level=AgreementLevel.OVERARCHING,
        parties=(parties()[0], parties()[2]),
        signatories=(Person(name="Siri Hatlen", roles=(Role(title="styreleder", organisation="nlsh"),)),),
        date=D(2021, 1, 1),
        validity=Period(start=D(2021, 1, 1), end=D(2024, 12, 31)),
        statutory_items=STATUTORY_ALL,
    )  # fmt: skip


PHASE_1 = Phase(number=1, label="Fase 1")
PHASE_2 = Phase(number=2, label="Fase 2")


def _responsibility() -> Responsibility:
    return Responsibility(
        text="NLSH ved LMS i samarbeid med kommunene",
        lead=(ResponsibleParty(party="nlsh", unit="lms", text="NLSH ved LMS"),),
        contributors=(ResponsibleParty(collective=Collective.MUNICIPALITIES, text="kommunene"),),
    )


def plan(*, with_partnership: bool = True) -> ActionPlan:
    def measure(number: int, text: str, **kw: Any) -> Measure:
        base: dict[str, Any] = {
            "responsibility": _responsibility(),
            "timeframe": Timeframe(text="November", interpretation=InMonth(year=2021, month=11)),
        }
        base.update(kw)
        return Measure(number=number, text=text, id=f"m-{text[:4]}-{number}", **base)

    return ActionPlan(
        id="ssu-2021-2022",
        title="Handlingsplan for SSU 2021-2022",
        partnership=partnership() if with_partnership else None,
        owner="ssu",
        period=Period(start=D(2021, 9, 23), end=D(2022, 9, 30), text="2021-2022"),
        status=PlanStatus.ADOPTED,
        adoptions=(Adoption(body="partnerskapsmotet", date=MEETING_DAY,
                           case_number=CaseNumber.parse("07-2021")),),
        priority_groups=(PriorityGroup(text="Barn og unge", key=PriorityGroupKey.CHILDREN_YOUNG),),
        focus_areas=(
            FocusArea(number=1, title="Tjenesteavtalene", measures=(
                measure(1, "Kjennskap til avviksrapportering", phase=PHASE_1),
                measure(2, "Sikre meldingsutveksling", phase=PHASE_1,
                        responsibility=Responsibility(text="SSU",
                                                      lead=(ResponsibleParty(body="ssu"),)),
                        timeframe=Timeframe(text="Neste møte",
                                            interpretation=NextMeeting(body="ssu"))),
            )),
            FocusArea(number=2, title="Helhetlige pasientforløp", measures=(
                measure(1, "Kliniske samhandlingsarenaer", phase=PHASE_1,
                        status=MeasureStatus.DONE,
                        progress=(ProgressEntry(date=D(2021, 10, 1), text="Startet",
                                                status=MeasureStatus.STARTED, reported_to="ssu"),
                                  ProgressEntry(date=D(2021, 11, 1), text="Ferdig",
                                                status=MeasureStatus.DONE))),
                measure(2, "Nettside for barn og unges psykiske helse", phase=PHASE_2,
                        timeframe=Timeframe(text="Løpende")),
            )),
        ),
    )  # fmt: skip


def case(*, with_partnership: bool = True) -> CaseDocument:
    cn = CaseNumber.parse("07-2021")
    return CaseDocument(
        body="partnerskapsmotet",
        case_number=cn,
        partnership=partnership() if with_partnership else None,
        title="Handlingsplan for strategisk samarbeidsutvalg (SSU) for perioden 2021-2022",
        meeting_date=MEETING_DAY,
        document_date=D(2021, 8, 2),
        case_officers=(Person(name="Trude Kristin Kristensen",
                              roles=(Role(title="saksbehandler", organisation="nlsh"),)),),
        archive_reference=ArchiveReference.parse("2021/3288"),
        proposal=Proposal(kind=ProposalKind.RECOMMENDATION, heading="Anbefaling",
                          text="Partnerskapsmøtet slutter seg til handlingsplanen."),
        sections=(Section(kind=SectionKind.BACKGROUND, heading="Bakgrunn", content=(
            Paragraph(text="Vedlagt ligger forslag til handlingsplan."),)),),
        process_events=(ProcessEvent(date=D(2021, 6, 1), text="OSO ga mandat", body="oso"),),
        references=(CaseReference(text="OSO sak 004-2021", case_number=CaseNumber.parse("004-2021"),
                                  body="oso", date=D(2021, 3, 1)),),
        attachments_heading="Vedlegg (t):",
        attachments=(Attachment(title="Forslag til handlingsplan", number=1,
                                document=plan(with_partnership=False)),),
        decision=Decision(kind=DecisionKind.DECISION, text="Handlingsplanen vedtas.",
                          date=MEETING_DAY, body="partnerskapsmotet", case_number=cn,
                          unanimous=True, votes=VoteCount(in_favour=10)),
    )  # fmt: skip


def meeting() -> Meeting:
    cn = CaseNumber.parse("07-2021")
    return Meeting(
        body="partnerskapsmotet",
        date=MEETING_DAY,
        partnership=partnership(),
        start_time=dt.time(10, 0),
        end_time=dt.time(15, 0),
        participants_count=20,
        participants=(
            Participant(person=Person(name="Siri Hatlen",
                                      roles=(Role(title="styreleder", organisation="nlsh"),)),
                        party="nlsh"),
            Participant(party="bodo"),
        ),
        represented_parties=("bodo", "nlsh"),
        programme=(ProgrammeItem(text="Velkommen", start_time=dt.time(10, 0)),
                   ProgrammeItem(text="Handlingsplanen", start_time=dt.time(11, 0))),
        agenda=(AgendaItem(case_number=cn, title="Handlingsplan for SSU",
                           case_document=case(with_partnership=False),
                           decision=Decision(kind=DecisionKind.DECISION, text="Vedtatt",
                                             date=MEETING_DAY, case_number=cn)),),
        decisions=(Decision(kind=DecisionKind.DECISION, text="Møteplan for 2022 vedtas",
                            date=MEETING_DAY, votes=VoteCount(in_favour=15, against=2,
                                                              abstained=1)),),
        minutes=Minutes(title="Protokoll", date=D(2021, 9, 24), approved=D(2021, 10, 15)),
    )  # fmt: skip


def status_report() -> StatusReport:
    """The plan's status report in March 2022, with the changes since December 2021."""
    return report(plan(), D(2022, 3, 1), since=D(2021, 12, 1))


def meeting_plan() -> MeetingPlan:
    """The partnership's meetings of 2022: OSO twice (one with a deadline of its own), SSU,
    the partnerskapsmøte; case documents two weeks before; a reporting date."""
    return MeetingPlan(
        year=2022, id="moteplan-2022", title="Møteplan 2022", partnership=partnership(),
        documents_due_days=14,
        meetings=(
            PlannedMeeting(body="oso", date=D(2022, 1, 10)),
            PlannedMeeting(body="ssu", date=D(2022, 3, 2), location="Bodø"),
            PlannedMeeting(body="oso", date=D(2022, 6, 13), documents_due=D(2022, 6, 1)),
            PlannedMeeting(body="partnerskapsmotet", date=D(2022, 9, 22)),
        ),
        dates=(YearDate(date=D(2022, 8, 15), text="SSU rapporterer på handlingsplanen",
                        body="partnerskapsmotet"),),
    )  # fmt: skip


BASES = {
    "meeting_plan": meeting_plan,
    "report": status_report,
    "partnership": partnership,
    "agreement": agreement,
    "plan": plan,
    "case": case,
    "meeting": meeting,
}
