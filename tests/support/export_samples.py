"""Hand-made rich documents for the exporter tests (not collected by pytest).

Modelled on seeds 000, 002, 003 and 004, with the Sámi names of
shared/domain/test-names.md so every exporter is tested on real letters.
"""

from __future__ import annotations

import datetime as dt

from khsmodel import (
    ActionPlan,
    Adoption,
    AgendaItem,
    Agreement,
    AgreementLevel,
    AgreementSection,
    AgreementTopic,
    ArchiveReference,
    Attachment,
    Body,
    BodyKind,
    CaseDocument,
    CaseNumber,
    CaseReference,
    Decision,
    DecisionKind,
    FocusArea,
    HistoryEntry,
    ItemList,
    KommuneNumber,
    Measure,
    MeasureRef,
    MeasureStatus,
    Meeting,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    OtherName,
    Paragraph,
    Participant,
    ParticipantRole,
    Partnership,
    PartnershipKind,
    Period,
    Person,
    Phase,
    PriorityGroup,
    ProcessEvent,
    ProgrammeItem,
    ProgressEntry,
    Proposal,
    ProposalKind,
    Responsibility,
    Role,
    RoleKind,
    Section,
    SectionKind,
    StatutoryItem,
    Timeframe,
    VoteCount,
    interpret_timeframe,
)

SAMI = (
    "Guovdageaidnu",
    "Kárášjohka",
    "Porsáŋgu",
    "Gáivuotna",
    "Evenášši",
    "Hábmer",
    "Dielddanuorri",
    "Raarvihke",
    "gïele",
    "Ŧ Đ Ŋ Č Š Ž Ï",
)


def partnership() -> Partnership:
    return Partnership(
        id="khs",
        name="Kommunehelsesamarbeidet",
        kind=PartnershipKind.MUNICIPAL_HEALTH_COOPERATION,
        short_name="KHS",
        aliases=("K26", "KHS-26"),
        established=dt.date(2009, 1, 1),
        description=(
            Paragraph(
                text="Kommunehelsesamarbeidet omfatter 26 kommuner i Vestre Viken helseområde."
            ),
        ),
        history=(
            HistoryEntry(
                text="Eiermøtet besluttet å videreføre samarbeidet ut 2017.", when="11.06.2015"
            ),
        ),
        parties=(
            Organisation(
                id="vestre-viken",
                kind=OrganisationKind.HOSPITAL_TRUST,
                name="Vestre Viken HF",
                short_name="VV",
                organisation_number=OrganisationNumber("894166762"),
            ),
            Organisation(
                id="baerum",
                kind=OrganisationKind.MUNICIPALITY,
                name="Bærum kommune",
                kommune_number=KommuneNumber("0219"),
                valid_to=dt.date(2019, 12, 31),
            ),
            Organisation(
                id="hamaroy",
                kind=OrganisationKind.MUNICIPALITY,
                name="Hamarøy",
                kommune_number=KommuneNumber("1875"),
                other_names=(OtherName(name="Hábmer", lang="smj"),),
            ),
            Organisation(
                id="karasjok",
                kind=OrganisationKind.MUNICIPALITY,
                name="Karasjok",
                other_names=(OtherName(name="Kárášjohka", lang="se"),),
            ),
        ),
        memberships=(
            Membership(party="vestre-viken", role=MembershipRole.HOSPITAL_TRUST),
            Membership(
                party="baerum",
                valid_from=dt.date(2009, 1, 1),
                valid_to=dt.date(2017, 12, 31),
                note="Vestregionen",
            ),
        ),
        bodies=(
            Body(
                id="osu",
                kind=BodyKind.OVERARCHING_COMMITTEE,
                name="Overordnet samarbeidsutvalg",
                abbreviation="OSU",
                level=1,
            ),
            Body(id="sekretariat", kind=BodyKind.SECRETARIAT, name="Sekretariatet"),
            Body(
                id="samarbeidsstyret",
                kind=BodyKind.COOPERATION_BOARD,
                name="Samarbeidsstyret",
                mandate=(Paragraph(text="Samarbeidsstyret leder arbeidet i KHS."),),
            ),
        ),
    )


def _m(number: int, text: str, resp: str | None, tf: str | None, **kw: object) -> Measure:
    return Measure(
        number=number,
        text=text,
        responsibility=Responsibility(text=resp) if resp is not None else None,
        timeframe=Timeframe(text=tf, interpretation=interpret_timeframe(tf, year=2016, body="osu"))
        if tf is not None
        else None,
        **kw,  # type: ignore[arg-type]
    )


FASE1 = Phase(number=1, label="Fase 1")
FASE2 = Phase(number=2, label="Fase 2", title="Implementering")


def action_plan() -> ActionPlan:
    """A plan like seed 002, with phases, details, status, progress and carried-over work."""
    return ActionPlan(
        id="khs-handlingsplan-2016-2017",
        title="Handlingsplan 2016-2017",
        partnership=partnership(),
        owner="osu",
        period=Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31), text="2016-2017"),
        adoptions=(Adoption(
            body="osu", date=dt.date(2016, 2, 8), case_number=CaseNumber.parse("2/2016")
        ),),
        purpose=(
            Paragraph(
                text="Felles handlingsplan mellom Vestre Viken og kommunene <i>&amp; K26</i>."
            ),
            ItemList(items=("Barn og unge", "Skrøpelige eldre")),
        ),
        focus_areas=(
            FocusArea(
                number=1,
                label="Fokusområde 1",
                title="Utarbeide et diagnoseuavhengig pasientforløp for "
                "pasienter med behov for koordinerte tjenester.",
                measures=(
                    _m(
                        1,
                        "Prosjektbeskrivelse for diagnoseuavhengig pasientforløp",
                        "Kommunehelsesamarbeidet",
                        "K26 lager sak\nNeste møte",
                        details=(
                            "Krav til arbeidet:",
                            "Synliggjøre hva som skiller dette fra andre pasientforløp",
                            "Rapportere til OSU, men med egen styringsgruppe",
                        ),
                    ),
                ),
            ),
            FocusArea(
                number=2,
                label="Fokusområde 2",
                title="Tiltak rettet mot barn og unge",
                measures=(
                    _m(
                        1,
                        "Oversikt over lokale tiltak forankret i LSUene",
                        "Sekretariatet",
                        "Neste møte",
                        details=("Rapportering til OSU",),
                        status=MeasureStatus.DONE,
                    ),
                    _m(
                        2,
                        "- Rettigheter forankret i lov",
                        "Partene",
                        None,
                        heading="Barn som pårørende",
                        status=MeasureStatus.ONGOING,
                    ),
                    _m(
                        3,
                        "- Konferanse for kommuner og helseforetak",
                        "Vestre Viken",
                        "April",
                        heading="Barn som pårørende",
                    ),
                    _m(
                        4,
                        "Fagdag",
                        "sekretariatet i samarbeid med PHR/BUPA og K26",
                        "Medio juni",
                        details=("Kommunene etterspør kompetanse på tidlig intervensjon",),
                        progress=(
                            ProgressEntry(
                                date=dt.date(2016, 6, 20),
                                text="Fagdag gjennomført i Drammen",
                                status=MeasureStatus.DONE,
                            ),
                        ),
                    ),
                    _m(5, "Involvere fastlegene", "Hver enkelt\nkommune", "2016"),
                ),
            ),
            FocusArea(
                number=3,
                label="Fokusområde 3",
                title="Ferdigstille, implementere og bredde de pågående pasientforløpene.",
                measures=(
                    _m(
                        1,
                        "Implementere pågående pasientforløp",
                        "Vestre Viken",
                        "Mars 2016",
                        phase=FASE1,
                        details=("-Oppsummere høringssvar", "- dokumentasjon"),
                    ),
                    _m(
                        2,
                        "Siste samling i læringsnettverket",
                        "Vestre Viken",
                        "15 mars",
                        phase=FASE1,
                    ),
                    _m(
                        3,
                        "Implementering i pilotkommuner og sykehus",
                        "Prosjektledels\nen i samarbeid med hver kommune og sykehus",
                        "Starter i april",
                        phase=FASE2,
                    ),
                    _m(
                        4,
                        "Spredning til alle kommuner og sykehus",
                        "K26 og vestre viken og sykehus",
                        "Skisse presenteres i OSU 8. februar",
                        phase=FASE2,
                        status=MeasureStatus.POSTPONED,
                    ),
                ),
            ),
            FocusArea(
                number=4,
                title="Samisk språk og kultur i tjenestene",
                label="Innsatsområde 4",
                description=(Paragraph(text="Kommunene " + ", ".join(SAMI) + "."),),
                measures=(
                    _m(
                        1,
                        "Tolketjeneste på nordsamisk i " + SAMI[1],
                        "Hábmera suohkan",
                        "2016 – " + SAMI[8],
                    ),
                    _m(
                        2,
                        "Opplæring for ansatte i " + SAMI[2] + " og " + SAMI[4],
                        "Gáivuona suohkan & Deanu gielda",
                        "<b>Neste møte</b>",
                    ),
                ),
            ),
        ),
        ongoing_activities=(
            _m(
                1,
                "Alert-opplæring for helsepersonell i kommunene",
                "Kommunene",
                "2016",
                carried_over_from=MeasureRef(
                    plan="khs-handlingsplan-2015", focus_area=2, measure=1
                ),
            ),
        ),
    )


def measure_texts(plan: ActionPlan) -> list[tuple[int, int, str, str, str]]:
    """(focus area index, measure index, text, responsible, timeframe) for every measure."""
    out = []
    for i, fa in enumerate(plan.focus_areas):
        for j, m in enumerate(fa.measures):
            out.append(
                (
                    i,
                    j,
                    m.text,
                    m.responsibility.text if m.responsibility else "",
                    m.timeframe.text if m.timeframe else "",
                )
            )
    return out


def case_document() -> CaseDocument:
    """A saksframlegg like seed 000 with the plan attached as a document."""
    return CaseDocument(
        id="osu-sak-2-2016",
        body="osu",
        case_number=CaseNumber.parse("2/2016"),
        partnership=partnership(),
        title="Handlingsplan 2016-2017 for kommunehelsesamarbeidet",
        letterhead=("VESTRE VIKEN", "KHS", "Kommunehelsesamarbeidet"),
        meeting_date=dt.date(2016, 2, 8),
        document_date=dt.date(2016, 1, 28),
        archive_reference=ArchiveReference.parse("2016/118"),
        case_officers=(Person(name="Christine Furuholmen"), Person(name="Kari Engen Sørensen")),
        proposal=Proposal(
            kind=ProposalKind.PROPOSED_DECISION,
            heading="Forslag til vedtak",
            text="OSU tar fremlagt informasjon om prosess og arbeid rundt "
            "fastsettelse av felles handlingsplan 2016-2017 til orientering.",
            decision_kind=DecisionKind.NOTED,
        ),
        sections=(
            Section(
                kind=SectionKind.BACKGROUND,
                heading="Bakgrunn",
                content=(
                    Paragraph(
                        text="Det vises til vedtak i sak21/2015 der OSU besluttet følgende "
                        "fokusområder for 2016 og 2017:"
                    ),
                    ItemList(
                        items=("Tiltak rettet mot barn og unge", "Lærings- og mestringstilbud"),
                        ordered=True,
                        start=1,
                    ),
                ),
            ),
            Section(
                kind=SectionKind.PROCESS,
                heading="Orientering om prosess",
                content=(
                    Paragraph(
                        text="Proessen med å utarbeide en handlingsplan innenfor hvert "
                        "fokusområde er i gang."
                    ),
                ),
            ),
        ),
        process_events=(
            ProcessEvent(
                date=dt.date(2016, 1, 25),
                date_text="25.januar 2016",
                text="Samarbeidsstyret i KHS-26 kom med innspill til forslag til handlingsplan.",
                body="samarbeidsstyret",
            ),
            ProcessEvent(
                date=dt.date(2016, 1, 26),
                text="Felles møte med representanter fra Vestre Viken og kommunene.",
            ),
        ),
        references=(
            CaseReference(
                text="sak21/2015", case_number=CaseNumber.parse("sak21/2015"), body="osu"
            ),
        ),
        attachments=(
            Attachment(title="Handlingsplan 2016-2017", number=1, document=action_plan()),
        ),
    )


def meeting() -> Meeting:
    return Meeting(
        body="partnerskapsmote",
        date=dt.date(2022, 2, 4),
        title="Partnerskapsmøte i helsefellesskapet",
        start_time=dt.time(9, 0),
        end_time=dt.time(15, 30),
        location="Drammen – Union Scene",
        participants_count=80,
        participants_approximate=True,
        represented_text="Alle de 21 kommunene i kommunehelsesamarbeidet var representert.",
        participants=(
            Participant(
                person=Person(
                    name="Siri Hatlen",
                    roles=(
                        Role(
                            title="styreleder",
                            kind=RoleKind.CHAIR,
                            organisation_text="Vestre Viken helseforetak",
                        ),
                    ),
                ),
                role=ParticipantRole.CHAIR,
            ),
        ),
        programme=(
            ProgrammeItem(
                text="Siri Hatlen og Gunn Cecilie Ringdal ønsket velkommen.",
                start_time=dt.time(9, 0),
                speakers=(
                    Person(name="Siri Hatlen"),
                    Person(
                        name="Gunn Cecilie Ringdal", roles=(Role(title="Ordfører i Lier kommune"),)
                    ),
                ),
            ),
            ProgrammeItem(
                text="Presentasjon om den digitale transformasjon.",
                speakers=(
                    Person(
                        name="Andreas Moan", roles=(Role(title="Prosjektdirektør i Helse-Sør Øst"),)
                    ),
                ),
                presentations=("Digital-transformasjon-",),
                notes=("Utviklingsplanen ligger ute til høring med frist den 21 mars.",),
            ),
        ),
        agenda=(
            AgendaItem(
                case_number=CaseNumber.parse("07-2021"),
                title="Handlingsplan for SSU",
                case_type="PS",
                decision=Decision(kind=DecisionKind.DECISION, text="Vedtatt som foreslått."),
            ),
        ),
        presentations=(Attachment(title="Status-helsefelleskapet"),),
        decisions=(
            Decision(
                kind=DecisionKind.DECISION,
                text="Handlingsplanen vedtas.",
                unanimous=True,
                votes=VoteCount(in_favour=21),
            ),
        ),
    )


def agreement() -> Agreement:
    return Agreement(
        id="vv-overordnet",
        title="Overordnet samarbeidsavtale Helsefelleskap i Vest-Viken",
        level=AgreementLevel.OVERARCHING,
        date=dt.date(2021, 9, 1),
        validity=Period(start=dt.date(2021, 9, 1)),
        parties=partnership().parties,
        signatories=(
            Person(
                name="Anne-Hilde Crowo",
                text="Anne-Hilde Crowo, Kommunalsjef Helsetjenester i Drammen kommune",
            ),
        ),
        sections=(
            AgreementSection(
                topic=AgreementTopic.PURPOSE,
                content=(
                    Paragraph(
                        text="Partene har et felles ansvar for at befolkningen får riktig bistand."
                    ),
                ),
            ),
            AgreementSection(
                topic=AgreementTopic.FINANCING,
                heading="Finansiering og kostnader",
                content=(Paragraph(text="Hver part dekker egne kostnader."),),
                statutory_items=(StatutoryItem.LOCAL_ICT,),
            ),
        ),
        statutory_items=(StatutoryItem.TASK_DIVISION, StatutoryItem.HOSPITAL_ADMISSION),
        priority_groups=(PriorityGroup(text="Personer med rus og psykiske helseplage"),),
    )


#: A paragraph with italic and bold words (and text that must be escaped), as marked up.
EMPHASIS_TEXT = (
    "Det vises til vedtak der OSU besluttet *følgende fokusområder:* og **Bárbmu & <ŧ>**"
    " og ***Čáhcesuolu***."
)


def emphasis_case() -> CaseDocument:
    """A case document whose one section is :data:`EMPHASIS_TEXT`."""
    return CaseDocument(
        body="osu",
        case_number=CaseNumber.parse("2/2016"),
        sections=(
            Section(
                kind=SectionKind.BACKGROUND,
                heading="Bakgrunn",
                content=(Paragraph.with_emphasis(EMPHASIS_TEXT),),
            ),
        ),
    )
