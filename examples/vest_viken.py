"""Seed 003: the web page of Helsefelleskap Vest-Viken, modelled with khsmodel.

The page (shared/seeds/003_a8efb7ec469c981c.txt) shows the partnership's
agreements, the four priority groups, the partnerskapsmøte of 4 February 2022
with its programme and presentations, minutes of the bodies and the
management information (styringsinformasjon). Text is kept as written,
misspellings included ("Helsefelleskap" with one s, "helseplage",
"helsefellskapets", "Vestre vikens"). Facts not on the page come from
shared/domain: the agreement date 2019-10-23, the decision of 2020-11-23, the
parties' numbers (parties.csv, 2020–2023 kommunenummer).

Every function returns fresh objects built the same way each time; nothing is
read or written.
"""

from __future__ import annotations

import datetime as dt

from khsmodel import (
    Agreement,
    AgreementLevel,
    Attachment,
    Body,
    BodyKind,
    KommuneNumber,
    Link,
    Meeting,
    MeetingPlan,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    Paragraph,
    Partnership,
    PartnershipKind,
    Person,
    PlannedMeeting,
    PriorityGroup,
    PriorityGroupKey,
    ProgrammeItem,
    ProgrammeItemKind,
    Resource,
    ResourceKind,
    Role,
    RoleKind,
)
from khsmodel.agreements import PRIORITY_GROUP_VERSIONS

__all__ = [
    "agreement_government_ks",
    "agreement_overarching",
    "meeting_plan_2022",
    "partnership",
    "partnership_meeting_2022",
]

#: Helsefellesskapet Vest-Viken was decided on 23 November 2020 (law-and-agreements.md).
ESTABLISHED = dt.date(2020, 11, 23)
#: The government–KS agreement (law-and-agreements.md).
AGREEMENT_DATE = dt.date(2019, 10, 23)
MEETING_DATE = dt.date(2022, 2, 4)

# Bodies and parties referred to by id.
PARTNERSHIP_MEETING = "partnerskapsmotet"
SSU = "ssu"
COOPERATION_BOARD = "samarbeidsstyret"
LSU = "lsu"
USER_COUNCIL_BODY = "brukerutvalget"
VESTRE_VIKEN = "vestre-viken"
HELSE_SOR_OST = "helse-sor-ost"
KS = "ks"
GOVERNMENT = "regjeringen"
USER_COUNCIL_PARTY = "brukerutvalget-vestre-viken"
GPS = "fastlegene"

#: parties.csv takes these organisation numbers from one list (check digit ok).
_ORGNR_ONE_LIST = "organisasjonsnummer fra én kilde"

#: The 21 municipalities (VV-samhandling) with their 2020–2023 numbers, as in
#: parties.csv: (id, name, kommunenummer, organisasjonsnummer, note).
_MUNICIPALITIES: tuple[tuple[str, str, str, str, str | None], ...] = (
    ("asker", "Asker", "3025", "920125298", None),
    ("baerum", "Bærum", "3024", "935478715", None),
    ("drammen", "Drammen", "3005", "921234554", None),
    ("hole", "Hole", "3038", "960010833", _ORGNR_ONE_LIST),
    ("lier", "Lier", "3049", "857566122", _ORGNR_ONE_LIST),
    ("modum", "Modum", "3047", "970491589", _ORGNR_ONE_LIST),
    ("ringerike", "Ringerike", "3007", "940100925", _ORGNR_ONE_LIST),
    ("sigdal", "Sigdal", "3045", "964962766", _ORGNR_ONE_LIST),
    ("krodsherad", "Krødsherad", "3046", "964962855", _ORGNR_ONE_LIST),
    ("ovre-eiker", "Øvre Eiker", "3048", "954597482", _ORGNR_ONE_LIST),
    ("kongsberg", "Kongsberg", "3006", "942402465", _ORGNR_ONE_LIST),
    ("flesberg", "Flesberg", "3050", "940898862", _ORGNR_ONE_LIST),
    ("rollag", "Rollag", "3051", "964963282", _ORGNR_ONE_LIST),
    ("nore-og-uvdal", "Nore og Uvdal", "3052", "964950946", _ORGNR_ONE_LIST),
    ("fla", "Flå", "3039", "964951462", _ORGNR_ONE_LIST),
    ("nesbyen", "Nesbyen", "3040", "964951640", _ORGNR_ONE_LIST),
    ("gol", "Gol", "3041", "964952612", _ORGNR_ONE_LIST),
    ("hemsedal", "Hemsedal", "3042", "964952701", _ORGNR_ONE_LIST),
    ("al", "Ål", "3043", "864952992", _ORGNR_ONE_LIST),
    ("hol", "Hol", "3044", "944889116", _ORGNR_ONE_LIST),
    ("jevnaker", "Jevnaker", "3053", "961381363", _ORGNR_ONE_LIST),
)

MUNICIPALITY_IDS: tuple[str, ...] = tuple(row[0] for row in _MUNICIPALITIES)

# --- text as written on the page -------------------------------------------------

_PURPOSE = (
    "Partene har et felles ansvar for at befolkningen får riktig bistand, behandling og "
    "oppfølging på rett sted og til rett tid og at befolkningen skal ha likeverdige "
    "helsetjenester av god kvalitet uavhengig av bosted og sosiale forhold."
)
_PRIORITY_GROUPS_TEXT = "Helsefelleskapet er bedt om å fokusere særlig på disse områdene:"
_PRIORITY_GROUPS = (
    "Barn og unge",
    "Personer med rus og psykiske helseplage",
    "Skrøpelige eldre",
    "Personer med flere lidelser",
)
_PARTNERSHIP_MEETING_MANDATE = (
    "Partnerskapsmøtet avholdes som en årlig konferanse med politiske og administrative "
    "toppledere fra kommunene samt toppledelsen og styret for Vestre Viken, tillitsvalgte, "
    "fastlegerepresentant, pasientombud, statsforvalter, KS og brukerrepresentant."
)
_PARTICIPANTS_TEXT = "ca. 80 deltakere"
_REPRESENTED_TEXT = "Alle de 21 kommunene i kommunehelsesamarbeidet var representert."
_MEETING_REPORT = (
    "Fredag 4.februar 2022 var helsefelleskapet Vest-Viken samlet til årets "
    f"partnerskapsmøte, med {_PARTICIPANTS_TEXT}. {_REPRESENTED_TEXT}"
)
_STYRINGSINFORMASJON = (
    "Formålet med styringsinformasjonen til helsefellesskapene, er å legge grunnlag for en "
    "god og likeverdig dialog som gir rom for lokale tilpasninger og fleksible løsninger. "
    "Grunnlaget for et godt samarbeid, er at partnerne har en felles forståelse av "
    "situasjonen. En måte å få til dette på, er å sammenligne seg med andre helsefellesskap."
)
_LSU_PAGE = "Lokale samarbeidsutvalg – Kommunehelsesamarbeidet"
#: The page says "(Referater fra Lokale samarbeidsutvalg (LSU) er flyttet til ny side.
#: Se: Lokale samarbeidsutvalg – Kommunehelsesamarbeidet)": the site's navigation, not
#: content; the page it points to is the partnership's link of that name.

#: The presentations listed under "Presentasjoner:": the page links their files by
#: name ("Digital-transformasjon-", a slug with its trailing hyphen; the page has a
#: trailing no-break space after "Status-helsefelleskapet", layout, not name). The
#: titles a reader sees are the same words without the slug's hyphens.
PRESENTATION_FILES = {
    "Vestre Viken utviklingsplan": "Vestre-Viken-utviklingsplan",
    "Status helsefelleskapet": "Status-helsefelleskapet",
    "Digital transformasjon": "Digital-transformasjon-",
    "Fire prioriterte grupper i helsefellesskapet": "Fire-prioriterte-grupper-i-helsefellesskapet",
}
PRESENTATION_DEVELOPMENT_PLAN = "Vestre Viken utviklingsplan"
PRESENTATION_STATUS = "Status helsefelleskapet"
PRESENTATION_DIGITAL = "Digital transformasjon"
PRESENTATION_PRIORITY_GROUPS = "Fire prioriterte grupper i helsefellesskapet"
PRESENTATIONS = tuple(PRESENTATION_FILES)

_URL_GOVERNMENT_KS = (
    "https://www.regjeringen.no/no/aktuelt/"
    "avtale-mellom-regjeringen-og-ks-etablerer-19-helsefelleskap/id2674825/"
)
_URL_OVERARCHING = (
    "https://kommunehelsesamarbeidet.no/wp-content/uploads/2021/09/"
    "Overordnet-samarbeidsavtale-mellom-kommuner-og-Vestre-Viken-HF-1.pdf"
)
_URL_MEETING_NEWS = "https://vestreviken.no/om-oss/nyheter/partnerskapsmote-i-helsefellesskapet"
_URL_STYRINGSINFORMASJON = (
    "https://www.helsedirektoratet.no/rapporter/styringsinformasjon-til-helsefellesskapene"
)


# --- helpers ------------------------------------------------------------------------


#: The page lists the four groups in the order of the 2019 agreement.
_GROUP_KEYS = (
    PriorityGroupKey.CHILDREN_YOUNG,
    PriorityGroupKey.SEVERE_MENTAL_ILLNESS_SUBSTANCE,
    PriorityGroupKey.FRAIL_ELDERLY,
    PriorityGroupKey.MULTIMORBIDITY,
)


def _priority_groups(*texts: str) -> tuple[PriorityGroup, ...]:
    """The groups as written, each linked to its canonical key."""
    return tuple(PriorityGroup(text=t, key=k) for t, k in zip(texts, _GROUP_KEYS, strict=True))


def _municipality(party_id: str, name: str, knr: str, orgnr: str, note: str | None) -> Organisation:
    return Organisation(
        id=party_id,
        kind=OrganisationKind.MUNICIPALITY,
        name=name,
        organisation_number=OrganisationNumber(orgnr),
        kommune_number=KommuneNumber(knr),
        valid_from=dt.date(2020, 1, 1),
        valid_to=dt.date(2023, 12, 31),
        note=note,
    )


def _municipalities() -> tuple[Organisation, ...]:
    return tuple(_municipality(*row) for row in _MUNICIPALITIES)


def _vestre_viken() -> Organisation:
    return Organisation(
        id=VESTRE_VIKEN,
        kind=OrganisationKind.HOSPITAL_TRUST,
        name="Vestre Viken HF",
        # The page says "Vestre Viken helseforetak", "Vestre Viken", "Vestre vikens".
        aliases=("Vestre Viken", "Vestre Viken helseforetak"),
        organisation_number=OrganisationNumber("894166762"),
        valid_from=dt.date(2009, 3, 30),
        parent=HELSE_SOR_OST,
    )


def _helse_sor_ost() -> Organisation:
    return Organisation(
        id=HELSE_SOR_OST,
        kind=OrganisationKind.REGIONAL_HEALTH_AUTHORITY,
        name="Helse Sør-Øst RHF",
        aliases=("Helse-Sør Øst",),  # as written on the page
        organisation_number=OrganisationNumber("991324968"),
        note="eier av Vestre Viken HF",
    )


def _ks() -> Organisation:
    return Organisation(
        id=KS,
        kind=OrganisationKind.OTHER,
        name="KS (Kommunesektorens organisasjon)",
        short_name="KS",
        organisation_number=OrganisationNumber("971032146"),
    )


def _government() -> Organisation:
    return Organisation(id=GOVERNMENT, kind=OrganisationKind.GOVERNMENT, name="Regjeringen")


def _user_council() -> Organisation:
    return Organisation(
        id=USER_COUNCIL_PARTY,
        kind=OrganisationKind.USER_COUNCIL,
        name="Brukerutvalget i Vestre Viken",
        parent=VESTRE_VIKEN,
    )


def _gps() -> Organisation:
    return Organisation(
        id=GPS,
        kind=OrganisationKind.GP_REPRESENTATION,
        name="Fastlegene",
        # The page names them only as "fastlegene" and "fastlegerepresentant".
        note="Omtalt som «fastlegene» og «fastlegerepresentant».",
    )


def _bodies() -> tuple[Body, ...]:
    return (
        Body(
            id=PARTNERSHIP_MEETING,
            kind=BodyKind.PARTNERSHIP_MEETING,
            name="Partnerskapsmøtet",
            level=1,
            mandate=(Paragraph(text=_PARTNERSHIP_MEETING_MANDATE),),
        ),
        Body(
            id=SSU,
            kind=BodyKind.STRATEGIC_COMMITTEE,
            name="Strategisk samarbeidsutvalg",
            abbreviation="SSU",
            level=2,
        ),
        Body(id=COOPERATION_BOARD, kind=BodyKind.COOPERATION_BOARD, name="Samarbeidsstyret"),
        # The page names no single LSU; Vestre Viken's five (glossary) are one body here.
        Body(
            id=LSU,
            kind=BodyKind.LOCAL_COMMITTEE,
            name="Lokale samarbeidsutvalg",
            abbreviation="LSU",
            level=2,
        ),
        Body(id=USER_COUNCIL_BODY, kind=BodyKind.USER_COUNCIL, name="Brukerutvalget"),
    )


def _resources() -> tuple[Resource, ...]:
    return (
        Resource(
            kind=ResourceKind.MINUTES,
            title="Referater fra Strategisk samarbeidsutvalg (SSU)",
            body=SSU,
        ),
        Resource(
            kind=ResourceKind.MINUTES,
            title="Referat fra møte i samarbeidsstyret 10.01.2022",
            body=COOPERATION_BOARD,
            date=dt.date(2022, 1, 10),
        ),
        Resource(
            kind=ResourceKind.MINUTES,
            title="Referater fra Lokale samarbeidsutvalg (LSU)",
            body=LSU,
        ),
        Resource(
            kind=ResourceKind.MANAGEMENT_INFORMATION,
            title="Styringsinformasjon",
            url=_URL_STYRINGSINFORMASJON,
            text=(Paragraph(text=_STYRINGSINFORMASJON),),
        ),
    )


def _person(name: str, description: str, *roles: Role) -> Person:
    """A person as the page introduces them: "<name>, <description>", with structured roles."""
    return Person(name=name, roles=roles, text=f"{name}, {description}")


# --- documents ----------------------------------------------------------------------


def agreement_government_ks() -> Agreement:
    """The government–KS agreement of 23 October 2019 that set up the helsefellesskap."""
    return Agreement(
        id="avtale-regjeringen-ks-2019",
        title=(
            "Avtale mellom regjeringen og KS om innføring av helsefelleskap for å skape en "
            "mer sammenhengende helse- og omsorgstjeneste"
        ),
        short_title="Avtale om etablering av helsefelleskap",
        level=AgreementLevel.NATIONAL,
        parties=(_government(), _ks()),
        date=AGREEMENT_DATE,
        priority_groups=PRIORITY_GROUP_VERSIONS["2019"][1],
        url=_URL_GOVERNMENT_KS,
    )


def agreement_overarching() -> Agreement:
    """The overarching cooperation agreement between the municipalities and Vestre Viken HF."""
    return Agreement(
        id="vv-overordnet-samarbeidsavtale",
        title="Overordnet samarbeidsavtale Helsefelleskap i Vest-Viken",
        level=AgreementLevel.OVERARCHING,
        parties=(_vestre_viken(), *_municipalities()),
        url=_URL_OVERARCHING,
    )


def partnership() -> Partnership:
    """Helsefellesskapet Vest-Viken as the page presents it, with both agreements."""
    memberships = (
        Membership(party=VESTRE_VIKEN, valid_from=ESTABLISHED, role=MembershipRole.HOSPITAL_TRUST),
        *(Membership(party=m, valid_from=ESTABLISHED) for m in MUNICIPALITY_IDS),
    )
    return Partnership(
        id="helsefellesskap-vest-viken",
        name="Helsefelleskap Vest-Viken",
        kind=PartnershipKind.HEALTH_PARTNERSHIP,
        aliases=(
            "Helsefelleskapet Vest-viken",
            "helsefelleskapet Vest-Viken",
            "Helsefelleskap i Vest-Viken",
            "Helsefellesskapet Vest-Viken",
        ),
        description=(Paragraph(text=_PURPOSE),),
        established=ESTABLISHED,
        parties=(
            _vestre_viken(),
            *_municipalities(),
            _helse_sor_ost(),
            _ks(),
            _user_council(),
            _gps(),
        ),
        memberships=memberships,
        bodies=_bodies(),
        agreements=(agreement_government_ks(), agreement_overarching()),
        priority_groups=_priority_groups(*_PRIORITY_GROUPS),
        priority_groups_text=_PRIORITY_GROUPS_TEXT,
        resources=_resources(),
        links=(Link(title=_LSU_PAGE),),
    )


def _programme() -> tuple[ProgrammeItem, ...]:
    """The six bullets of the meeting, each with its speakers as written."""
    return (
        ProgrammeItem(
            text=(
                "Siri Hatlen, styreleder Vestre Viken helseforetak og Gunn Cecilie Ringdal, "
                "Ordfører i Lier kommune ønsket velkommen."
            ),
            kind=ProgrammeItemKind.WELCOME,
            speakers=(
                _person(
                    "Siri Hatlen",
                    "styreleder Vestre Viken helseforetak",
                    Role(
                        title="styreleder",
                        kind=RoleKind.CHAIR,
                        organisation=VESTRE_VIKEN,
                        organisation_text="Vestre Viken helseforetak",
                    ),
                ),
                _person(
                    "Gunn Cecilie Ringdal",
                    "Ordfører i Lier kommune",
                    Role(
                        title="Ordfører",
                        kind=RoleKind.MAYOR,
                        organisation="lier",
                        organisation_text="Lier kommune",
                    ),
                ),
            ),
        ),
        ProgrammeItem(
            text=(
                "Grete Syrdal, avtroppende leder strategisk samarbeidsutvalg og leder av "
                "samarbeidsstyret gav en status for arbeidet i helsefelleskapet så langt."
            ),
            kind=ProgrammeItemKind.STATUS,
            speakers=(
                _person(
                    "Grete Syrdal",
                    "avtroppende leder strategisk samarbeidsutvalg og leder av samarbeidsstyret",
                    Role(
                        title="avtroppende leder",
                        kind=RoleKind.CHAIR,
                        organisation_text="strategisk samarbeidsutvalg",
                        body=SSU,
                    ),
                    Role(
                        title="leder",
                        kind=RoleKind.CHAIR,
                        organisation_text="samarbeidsstyret",
                        body=COOPERATION_BOARD,
                    ),
                ),
            ),
            presentations=(PRESENTATION_STATUS,),
        ),
        ProgrammeItem(
            text=(
                "Rune Kløvtveit, leder av brukerutvalget i Vestre Viken og Håvard Hagen Vika, "
                "representant for fastlegene holdt hvert sitt innlegg med erfaringer i "
                "helsefellskapets første år."
            ),
            kind=ProgrammeItemKind.TALK,
            speakers=(
                _person(
                    "Rune Kløvtveit",
                    "leder av brukerutvalget i Vestre Viken",
                    Role(
                        title="leder",
                        kind=RoleKind.CHAIR,
                        organisation=USER_COUNCIL_PARTY,
                        organisation_text="brukerutvalget i Vestre Viken",
                        body=USER_COUNCIL_BODY,
                    ),
                ),
                _person(
                    "Håvard Hagen Vika",
                    "representant for fastlegene",
                    Role(
                        title="representant",
                        kind=RoleKind.GP_REPRESENTATIVE,
                        organisation=GPS,
                        organisation_text="fastlegene",
                    ),
                ),
            ),
        ),
        ProgrammeItem(
            # The page has a space and a no-break space before "Ambisjon"; kept as written.
            text=(
                "Lisbeth Sommervoll, administrerende direktør Vestre Viken orienterte om "
                "bakgrunn og prosess for planarbeidet med den reviderte utgaven av Vestre vikens "
                "utviklingsplan. \u00a0Ambisjon og strategier samt konkrete samhandlingstiltak "
                "er skissert."
            ),
            kind=ProgrammeItemKind.PRESENTATION,
            speakers=(
                _person(
                    "Lisbeth Sommervoll",
                    "administrerende direktør Vestre Viken",
                    Role(
                        title="administrerende direktør",
                        kind=RoleKind.CHIEF_EXECUTIVE,
                        organisation=VESTRE_VIKEN,
                        organisation_text="Vestre Viken",
                    ),
                ),
            ),
            presentations=(PRESENTATION_DEVELOPMENT_PLAN,),
            notes=("Utviklingsplanen ligger ute til høring med frist den 21 mars.",),
        ),
        ProgrammeItem(
            text=(
                "Grete Syrdal, Kommunalsjef Helse og sosial i Bærum kommune, Kari Hesselberg, "
                "Kommunalsjef i Øvre Eiker kommune og Anne-Hilde Crowo, Kommunalsjef "
                "Helsetjenester i Drammen kommune bidro med kommentarer til de punktene i "
                "utviklingsplanen som er mest relevante for helsefelleskapets arbeid."
            ),
            kind=ProgrammeItemKind.COMMENTS,
            speakers=tuple(
                _person(
                    name,
                    f"{title} i {org_text}",
                    Role(
                        title=title,
                        kind=RoleKind.MANAGER,
                        organisation=org,
                        organisation_text=org_text,
                    ),
                )
                for name, title, org, org_text in (
                    ("Grete Syrdal", "Kommunalsjef Helse og sosial", "baerum", "Bærum kommune"),
                    ("Kari Hesselberg", "Kommunalsjef", "ovre-eiker", "Øvre Eiker kommune"),
                    (
                        "Anne-Hilde Crowo",
                        "Kommunalsjef Helsetjenester",
                        "drammen",
                        "Drammen kommune",
                    ),
                )
            ),
        ),
        ProgrammeItem(
            text=(
                "Avslutningsvis inneholdt møtet en presentasjon om den digitale transformasjon "
                "og hva det betyr for helsetjenesten ved Andreas Moan, Prosjektdirektør i "
                "Helse-Sør Øst."
            ),
            kind=ProgrammeItemKind.PRESENTATION,
            speakers=(
                _person(
                    "Andreas Moan",
                    "Prosjektdirektør i Helse-Sør Øst",
                    Role(
                        title="Prosjektdirektør",
                        kind=RoleKind.DIRECTOR,
                        organisation=HELSE_SOR_OST,
                        organisation_text="Helse-Sør Øst",
                    ),
                ),
            ),
            presentations=(PRESENTATION_DIGITAL,),
        ),
    )


def partnership_meeting_2022() -> Meeting:
    """The partnerskapsmøte of Friday 4 February 2022: ca. 80 participants, all 21 municipalities."""
    return Meeting(
        id="partnerskapsmote-2022-02-04",
        body=PARTNERSHIP_MEETING,
        date=MEETING_DATE,
        title="Partnerskapsmøte i helsefellesskapet",
        partnership=partnership(),
        description=(
            Paragraph(text=_PARTNERSHIP_MEETING_MANDATE),
            Paragraph(text=_MEETING_REPORT),
        ),
        participants_count=80,
        participants_approximate=True,
        participants_text=_PARTICIPANTS_TEXT,
        represented_parties=MUNICIPALITY_IDS,
        represented_text=_REPRESENTED_TEXT,
        programme=_programme(),
        # "Fire-prioriterte-grupper-i-helsefellesskapet" belongs to no bullet plainly.
        presentations=tuple(
            Attachment(title=t, file_name=PRESENTATION_FILES[t]) for t in PRESENTATIONS
        ),
        presentations_text="Presentasjonene fra møtet ligger nedenfor:",
        links=(Link(title="Øvrig omtale av møtet", url=_URL_MEETING_NEWS),),
    )


def meeting_plan_2022() -> MeetingPlan:
    """The meetings of 2022 the page gives: the samarbeidsstyret of 10 January (its
    minutes, "Referat fra møte i samarbeidsstyret 10.01.2022") and the partnerskapsmøte
    of Friday 4 February. The page gives no times, places or deadlines for case
    documents, so there are none here."""
    return MeetingPlan(
        year=2022,
        id="vest-viken-moteplan-2022",
        partnership=partnership(),
        meetings=(
            PlannedMeeting(body=COOPERATION_BOARD, date=dt.date(2022, 1, 10)),
            PlannedMeeting(body=PARTNERSHIP_MEETING, date=MEETING_DATE),
        ),
    )
