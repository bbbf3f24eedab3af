"""Seed 004: Partnerskapsmøte sak 07-2021 of Helsefellesskapet Lofoten, Vesterålen og Salten.

The case document (shared/seeds/004_8d3dae335b4d6bd9.txt) lays the SSU action
plan 2021–2022 before the partnerskapsmøte of 23 September 2021, as
recommended by a unanimous OSO. The plan is attached and modelled as its own
document. Text is kept as written ("Helsefelleskapet" with one s,
"Gjeldene", "Vedlegg (t):"). The parties and their numbers come from
shared/domain/parties.csv; its notes say which memberships are inferred, and
those are marked so in ``Membership.note``. The founding date of the
partnership was not found, so memberships carry no dates.

Every function returns fresh objects built the same way each time; nothing is
read or written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from khsmodel import (
    ActionPlan,
    ArchiveReference,
    Attachment,
    Body,
    BodyKind,
    CaseDocument,
    CaseNumber,
    CaseReference,
    Decision,
    DecisionKind,
    EventRef,
    FocusArea,
    ItemList,
    KommuneNumber,
    Measure,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    OtherName,
    Paragraph,
    PartialDate,
    Partnership,
    PartnershipKind,
    Period,
    Person,
    PlanStatus,
    PriorityGroup,
    PriorityGroupKey,
    Proposal,
    ProposalKind,
    Resource,
    ResourceKind,
    Role,
    RoleKind,
    Section,
    SectionKind,
)
from khsmodel.labels import NB

__all__ = ["CASE_LABELS", "action_plan_2021_2022", "case_07_2021", "partnership"]

# Bodies and parties referred to by id.
PARTNERSHIP_MEETING = "partnerskapsmotet"
OSO = "oso"
SSU = "ssu"
CLINICAL_COMMITTEE = "klinisk-samarbeidsutvalg"
USER_COUNCIL = "brukerutvalget"
SECRETARIAT = "samhandlingssekretariat"
NORDLANDSSYKEHUSET = "nordlandssykehuset"
HELSE_NORD = "helse-nord"

MEETING_DATE = dt.date(2021, 9, 23)

#: The words of the case document's heading block as 004 prints them ("Vår ref:",
#: "Dato dok:"); pass as ``labels=`` to the docx, pdf and pdfa exporters.
CASE_LABELS = dataclasses.replace(NB, archive_reference="Vår ref", document_date="Dato dok")

#: parties.csv takes these organisation numbers from one list (check digit ok).
_ORGNR_ONE_LIST = "organisasjonsnummer fra én kilde"
#: parties.csv infers these memberships: Nordland minus Helgeland (18) and UNN (Narvik,
#: Lødingen, Evenes) per Helse Nord. The note a reader sees says only that it is inferred.
#: Memberships parties.csv gives as "membership inferred" (no basis named) carry that
#: only here, as provenance of the model: a document prints no modelling notes.

# Sámi names from shared/domain/test-names.md. The language attributions marked
# † there (all four below) were not checked against a source:
# - Hamarøy: "Hábmer", Lule Sámi (smj)†; 2020–2023 lists print "Hamarøy - Hábmer",
#   2026 lists "Hábmer - Hamarøy"; the organisation is "Hábmera suohkan".
# - Fauske: "Fuossko" (the place) and "Fuosko" ("Fuosko suohkan", fauske.kommune.no),
#   Lule Sámi (smj)†; lists carry both spellings.
# - Sørfold: "Fuolldá", Lule Sámi (smj)†; in the 2026 list, absent from the 2020–2023
#   list seen, so no validity dates are given.
# - Sortland: "Suortá", Northern Sámi (se)†.
_SAMI_NAMES: dict[str, tuple[OtherName, ...]] = {
    "hamaroy": (OtherName(name="Hábmer", lang="smj"),),
    "fauske": (OtherName(name="Fuossko", lang="smj"), OtherName(name="Fuosko", lang="smj")),
    "sorfold": (OtherName(name="Fuolldá", lang="smj"),),
    "sortland": (OtherName(name="Suortá", lang="se"),),
}

#: The municipalities parties.csv gives for the partnership: (id, name,
#: kommunenummer, organisasjonsnummer, region, basis of membership or None when
#: inferred, note on the organisation).
_MUNICIPALITIES: tuple[tuple[str, str, str, str, str, str | None, str | None], ...] = (
    ("bodo", "Bodø", "1804", "972418013", "Salten", "NLSH-SSU + HN", None),
    ("meloy", "Meløy", "1837", "970189866", "Salten", "NLSH-SSU + HN", _ORGNR_ONE_LIST),
    ("gildeskal", "Gildeskål", "1838", "845901422", "Salten", "NLSH-SSU + HN", _ORGNR_ONE_LIST),
    ("beiarn", "Beiarn", "1839", "961147867", "Salten", "NLSH-SSU + HN", _ORGNR_ONE_LIST),
    ("saltdal", "Saltdal", "1840", "972417734", "Salten", "NLSH-SSU + HN", _ORGNR_ONE_LIST),
    ("fauske", "Fauske", "1841", "972418021", "Salten", "HN", _ORGNR_ONE_LIST),
    ("sorfold", "Sørfold", "1845", "972417750", "Salten", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("steigen", "Steigen", "1848", "962299385", "Salten", None, None),
    ("hamaroy", "Hamarøy", "1875", "970542507", "Salten", None,
     "kommunenummer 1849 until 2019 (KNR-pre2020)"),
    ("rost", "Røst", "1856", "945037687", "Lofoten", None, None),
    ("varoy", "Værøy", "1857", "964994307", "Lofoten", None, None),
    ("flakstad", "Flakstad", "1859", "863320852", "Lofoten", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("vestvagoy", "Vestvågøy", "1860", "942570619", "Lofoten", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("vagan", "Vågan", "1865", "938644500", "Lofoten", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("moskenes", "Moskenes", "1874", "945962151", "Lofoten", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("hadsel", "Hadsel", "1866", "958501420", "Vesterålen", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("bo", "Bø", "1867", "945452676", "Vesterålen", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("oksnes", "Øksnes", "1868", "845152012", "Vesterålen", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("sortland", "Sortland", "1870", "847737492", "Vesterålen", "NLSH-SSU", _ORGNR_ONE_LIST),
    ("andoy", "Andøy", "1871", "945624809", "Vesterålen", None, None),
)  # fmt: skip

MUNICIPALITY_IDS: tuple[str, ...] = tuple(row[0] for row in _MUNICIPALITIES)

# --- text as written in the case document -------------------------------------------

_PLAN_TITLE = "Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten 2021-2022"
_PERIOD_TEXT = "23. september 2021 til og med partnerskapsmøtet 2022"
_DECLARATION = "Vestfjorderklæringen 2021 - 2023"
_ATTACHMENT_TITLE = "Forslag til handlingsplan for strategisk samarbeidsutvalg (SSU)"
_GROUPS = (
    "Barn og unge",
    "Personer med alvorlige psykiske lidelser og rusproblemer",
    "Skrøpelige eldre",
    "Personer med flere kroniske lidelser",
)
_GROUP_KEYS = (
    PriorityGroupKey.CHILDREN_YOUNG,
    PriorityGroupKey.SEVERE_MENTAL_ILLNESS_SUBSTANCE,
    PriorityGroupKey.FRAIL_ELDERLY,
    PriorityGroupKey.MULTIMORBIDITY,
)
_RECOMMENDATION = (
    "Partnerskapsmøtet slutter seg til handlingsplan for strategisk samarbeidsutvalg (SSU) "
    "for perioden 2021-2022, slik anbefalt av Overordnet samarbeidsorgan (OSO)"
)
_MANDATE_SENTENCE = (
    "I tråd med mandat gitt av OSO i sak 004-2021 er det utarbeidet et forslag til "
    "handlingsplan for helsefelleskapet."
)
_CLINICAL_COMMITTEE_SENTENCE = (
    "Forslaget er utarbeidet av klinisk samarbeidsutvalg nedsatt av OSO, bestående av "
    "representanter fra kommunene, helseforetaket og brukerutvalget."
)
_OSO_RECOMMENDS = "Et enstemmig OSO anbefaler at den vedlagte handlingsplanen vedtas."
_BACKGROUND = (
    f"{_MANDATE_SENTENCE} {_CLINICAL_COMMITTEE_SENTENCE} Helsefelleskapets øverste organ, "
    "det årlige partnerskapsmøtet, skal i henhold til vedtektene vedta handlingsplanen. "
    f"{_OSO_RECOMMENDS}"
)
_DECLARATION_SENTENCE = f"«{_DECLARATION}» beskriver hvordan man samhandler i helsefelleskapet."
_PRESENTATION = (
    f"{_DECLARATION_SENTENCE} Det skal følge en egen handlingsplan med erklæringen som skal "
    "fungere som et årshjul for SSU. Handlingsplanen vektlegger de konkrete områdene som "
    "partnerskapsmøtet anbefaler at SSU skal rapportere på til kommende partnerskapsmøte. "
    "Handlingsplanen skal konkretisere årlige tiltak, og vil således være retningsgivende for "
    "å nå de mer langsiktige målene i «Vestfjorderklæringen 2021-2023». En slik handlingsplan "
    "vil det i fremtiden være SSU som utarbeider, og legger frem for partnerskapsmøtet med en "
    "anbefaling. Vedlagte handlingsplan som ligger til behandling legger opp til å "
    "videreutvikle samhandlingen i tråd med føringer gitt i nasjonal helse- og sykehusplan "
    "2020 – 2023 med felles planlegging av tjenester til:"
)
_PRESENTATION_AFTER_LIST = (
    "Videre tar handlingsplanen opp i seg bærekraft i pasientbehandlingen ved hjelp av gode "
    "inn- og utskrivingsrutiner, etablering av samhandlingssekretariat, og et enda tydeligere "
    "fokus på samhandling rundt helhetlige pasientforløp. Listen er ikke uttømmende."
)
_PLAN_PURPOSE = (
    "Handlingsplanen skal ivareta tjenesteavtalene og sørge for videreutvikling og forankring "
    "av disse med tilhørende pasientforløpsarbeid, retningslinjer og rutiner i "
    "Nordlandssykehuset HF og kommunene. I Helsefelleskapet har vi over år innarbeidet god "
    "kultur for samhandling – som er en forutsetning for å lykkes, dette skal vi utvikle "
    "tettere sammen."
)
_PLAN_GROUPS_TEXT = (
    "Helsefelleskapet skal utvikle samhandlingen i tråd med føringer gitt i Nasjonal helse- og "
    "sykehusplan 2020- 2023 med felles planlegging av tjenester til:"
)

#: The plan's headings and their bullets, in order. The third heading has no bullets
#: of its own: the sentence after it ("Søke felles virkelighetsforståelse …", with its
#: full stop a sentence, not a heading) and the bullet under that belong to it.
_FOCUS_AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Øke fokus på tjenesteavtalene hos den enkelte medarbeider",
        (
            "Kjennskap til avviksrapportering i forhold til samarbeidsavtalene",
            "Sikre godt implementerte meldingsutvekslingssystem i alle kommuner og foretak",
        ),
    ),
    (
        "Samhandling om helhetlige pasientforløp",
        (
            "Utvikle gode kliniske samhandlingsarenaer med lederforankring i foretak og kommuner.",
            "Utvikle nettside med behandlingsoversikt for barn og unges psykiske helse. Denne "
            "skal sikre lett tilgjengelig oversikt over behandlingstilbud hos ulike "
            "behandlingsnivå.",
            "Implementere pasientforløpsarbeid som en samhandlingsmetodikk på klinisk nivå og på "
            "tvers av behandlingsnivå. Skal bidra til utvikling, kompetanseheving og varige "
            "endringer. Mulighet for gjensidig konsultasjon mellom helsepersonell utvikles.",
            "Brukermedvirkning skal vektlegges i alle slike forløpsarbeid. Reell "
            "brukermedvirkning skal forankres med samvalg. Koordinerende enheter og individuell "
            "plan er viktige verktøy for pasientarbeid på alle nivå.",
        ),
    ),
    (
        "Samhandling om smittevern med opprettelse av samhandlingsarena når situasjoner "
        "krever dette",
        ("Ta i bruk samhandlingsbarometeret når det er etablert",),
    ),
)
_SHARED_UNDERSTANDING = (
    "Søke felles virkelighetsforståelse ved bruk av felles statistikk og "
    "virkelighetsforståelse."
)


# --- helpers ------------------------------------------------------------------------


def _priority_groups() -> tuple[PriorityGroup, ...]:
    return tuple(PriorityGroup(text=t, key=k) for t, k in zip(_GROUPS, _GROUP_KEYS, strict=True))


def _municipality(
    party_id: str, name: str, knr: str, orgnr: str, org_note: str | None
) -> Organisation:
    # valid_from is when this name and kommunenummer hold (parties.csv), not membership.
    return Organisation(
        id=party_id,
        kind=OrganisationKind.MUNICIPALITY,
        name=name,
        organisation_number=OrganisationNumber(orgnr),
        kommune_number=KommuneNumber(knr),
        valid_from=dt.date(2020, 1, 1),
        other_names=_SAMI_NAMES.get(party_id, ()),
        note=org_note,
    )


def _membership(party_id: str, region: str) -> Membership:
    # the note is what a reader sees in the membership table: the region, in Norwegian;
    # the basis parties.csv gives ("NLSH-SSU + HN") stays in _MUNICIPALITIES above
    return Membership(party=party_id, note=region)


def _parties() -> tuple[Organisation, ...]:
    return (
        Organisation(
            id=NORDLANDSSYKEHUSET,
            kind=OrganisationKind.HOSPITAL_TRUST,
            name="Nordlandssykehuset HF",
            organisation_number=OrganisationNumber("983974910"),
            parent=HELSE_NORD,
        ),
        *(_municipality(i, n, k, o, note) for i, n, k, o, _r, _b, note in _MUNICIPALITIES),
        Organisation(
            id=HELSE_NORD,
            kind=OrganisationKind.REGIONAL_HEALTH_AUTHORITY,
            name="Helse Nord RHF",
            organisation_number=OrganisationNumber("883658752"),
            note="eier av Nordlandssykehuset HF",
        ),
    )


def _bodies() -> tuple[Body, ...]:
    return (
        Body(
            id=PARTNERSHIP_MEETING,
            kind=BodyKind.PARTNERSHIP_MEETING,
            name="Partnerskapsmøtet",
            aliases=("Dialog- og partnerskapsmøtet",),
            level=1,
        ),
        Body(
            id=OSO,
            kind=BodyKind.OVERARCHING_COMMITTEE,
            name="Overordnet samarbeidsorgan",
            abbreviation="OSO",
        ),
        Body(
            id=SSU,
            kind=BodyKind.STRATEGIC_COMMITTEE,
            name="Strategisk samarbeidsutvalg",
            abbreviation="SSU",
            level=2,
        ),
        Body(
            id=CLINICAL_COMMITTEE,
            kind=BodyKind.CLINICAL_COMMITTEE,
            name="Klinisk samarbeidsutvalg",
            level=3,  # the glossary treats it as a level-3 body
            parent=OSO,
            mandate=(Paragraph(text=_CLINICAL_COMMITTEE_SENTENCE),),
        ),
        Body(id=USER_COUNCIL, kind=BodyKind.USER_COUNCIL, name="Brukerutvalget"),
        # The case names "etablering av samhandlingssekretariat" as part of the plan.
        Body(id=SECRETARIAT, kind=BodyKind.SECRETARIAT, name="Samhandlingssekretariat"),
    )


# --- documents ----------------------------------------------------------------------


def partnership() -> Partnership:
    """Helsefellesskapet Lofoten, Vesterålen og Salten: Nordlandssykehuset HF and its municipalities."""
    return Partnership(
        id="helsefellesskapet-lofoten-vesteralen-salten",
        name="Helsefellesskapet Lofoten, Vesterålen og Salten",
        kind=PartnershipKind.HEALTH_PARTNERSHIP,
        aliases=("Helsefelleskapet Lofoten, Vesterålen og Salten",),  # spelling of seed 004
        parties=_parties(),
        memberships=(
            Membership(party=NORDLANDSSYKEHUSET, role=MembershipRole.HOSPITAL_TRUST),
            *(_membership(i, r) for i, _n, _k, _o, r, _b, _note in _MUNICIPALITIES),
        ),
        bodies=_bodies(),
        resources=(
            Resource(
                kind=ResourceKind.DECLARATION,
                title=_DECLARATION,
                period=Period(
                    start=PartialDate(year=2021), end=PartialDate(year=2023), text="2021 - 2023"
                ),
                text=(Paragraph(text=_DECLARATION_SENTENCE),),
            ),
        ),
    )


def action_plan_2021_2022() -> ActionPlan:
    """The SSU action plan 2021–2022, as proposed to the partnerskapsmøte of 23 September 2021."""
    return ActionPlan(
        id="ssu-handlingsplan-2021-2022",
        title=_PLAN_TITLE,
        partnership=partnership(),
        owner=SSU,
        period=Period(
            start=MEETING_DATE,
            end_event=EventRef(name="partnerskapsmøtet 2022", body=PARTNERSHIP_MEETING),
            text=_PERIOD_TEXT,
        ),
        status=PlanStatus.PROPOSED,
        introduction=(Paragraph(text=f"Gjeldene for perioden {_PERIOD_TEXT}."),),
        purpose=(Paragraph(text=_PLAN_PURPOSE),),
        priority_groups=_priority_groups(),
        priority_groups_text=_PLAN_GROUPS_TEXT,
        focus_areas=tuple(
            FocusArea(
                number=n,
                title=title,
                description=(Paragraph(text=_SHARED_UNDERSTANDING),) if n == 3 else (),
                measures=tuple(Measure(number=m, text=t) for m, t in enumerate(bullets, 1)),
            )
            for n, (title, bullets) in enumerate(_FOCUS_AREAS, 1)
        ),
    )


def case_07_2021() -> CaseDocument:
    """Partnerskapsmøte sak 07-2021, with the proposed SSU action plan attached."""
    oso_case = CaseNumber.parse("004-2021")
    return CaseDocument(
        id="partnerskapsmote-sak-07-2021",
        body=PARTNERSHIP_MEETING,
        case_number=CaseNumber.parse("07-2021"),
        partnership=partnership(),
        title="Handlingsplan for strategisk samarbeidsutvalg (SSU) for perioden 2021-2022",
        document_type="Partnerskapsmøte sak 07-2021",
        meeting_date=MEETING_DATE,
        document_date=dt.date(2021, 8, 2),
        case_officers=(
            Person(
                name="Trude Kristin Kristensen",
                roles=(Role(title="Saksbehandler", kind=RoleKind.CASE_OFFICER),),
            ),
        ),
        archive_reference=ArchiveReference.parse("2021/3288"),
        proposal=Proposal(
            kind=ProposalKind.RECOMMENDATION,
            heading="Anbefaling",
            text=_RECOMMENDATION,
            decision_kind=DecisionKind.ADOPTED,
            proposed_by=OSO,
        ),
        sections=(
            Section(
                kind=SectionKind.BACKGROUND,
                heading="Bakgrunn",
                content=(Paragraph(text=_BACKGROUND),),
            ),
            Section(
                kind=SectionKind.PRESENTATION,
                heading="Saksfremstilling",
                content=(
                    Paragraph(text=_PRESENTATION),
                    ItemList(items=_GROUPS),
                    Paragraph(text=_PRESENTATION_AFTER_LIST),
                ),
            ),
        ),
        references=(
            CaseReference(
                text="OSO sak 004-2021",
                case_number=oso_case,
                body=OSO,
                title="mandat",
                decision=Decision(
                    kind=DecisionKind.DECISION,
                    text=_MANDATE_SENTENCE,
                    body=OSO,
                    case_number=oso_case,
                ),
            ),
            # OSO's recommendation; the document gives neither its case number nor its date.
            CaseReference(
                text=_OSO_RECOMMENDS,
                body=OSO,
                decision=Decision(
                    kind=DecisionKind.RECOMMENDATION,
                    text=_OSO_RECOMMENDS,
                    body=OSO,
                    unanimous=True,
                ),
            ),
        ),
        attachments_heading="Vedlegg (t):",
        attachments=(Attachment(title=_ATTACHMENT_TITLE, document=action_plan_2021_2022()),),
    )
