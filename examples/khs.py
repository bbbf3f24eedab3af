"""Seeds 000, 001 and 002 as khsmodel objects: Kommunehelsesamarbeidet (KHS).

- ``partnership()``: KHS with its 26 municipalities, Vestre Viken HF, bodies,
  history, the owners' decision of 11.06.2015 and the agreement (seed 001).
- ``agreement()``: the new samarbeidsavtale named on the KHS page (001).
- ``action_plan_2015()``: "Handlingsplan for 2015" (001).
- ``action_plan_2016_2017()``: the joint action plan 2016-2017 (002).
- ``case_osu_2_2016()``: the saksframlegg for OSU sak 2/2016 (000), with the
  2016-2017 plan attached.

Norwegian text is kept as the seeds write it, misspellings included
("Proessen", "fylkekommunen", "sak21/2015", "25.januar 2016", "patientforløp",
"tilgjengligjøre", "samarbeide", "Helse Sør/Øst"). Lines wrapped by the page
or the table cell are joined with one space; trailing spaces and runs of
spaces left by text extraction are dropped. Every function returns a fresh,
equal object on each call and does no I/O.
"""

from __future__ import annotations

import datetime as dt

import attrs

from khsmodel import (
    ActionPlan,
    Adoption,
    Agreement,
    AgreementLevel,
    AgreementSection,
    AgreementTopic,
    AtEvent,
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
    HistoryEntry,
    ItemList,
    KommuneNumber,
    Measure,
    Membership,
    MembershipRole,
    NextMeeting,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    Paragraph,
    PartialDate,
    Partnership,
    PartnershipKind,
    Period,
    Person,
    Phase,
    PlanDiff,
    PlanStatus,
    ProcessEvent,
    Proposal,
    ProposalKind,
    Responsibility,
    ResponsibleParty,
    Role,
    RoleKind,
    Season,
    Section,
    SectionKind,
    StatusReport,
    Timeframe,
    Unit,
    diff,
    interpret_timeframe,
    report,
)

__all__ = [
    "action_plan_2015",
    "action_plan_2016_2017",
    "agreement",
    "case_osu_2_2016",
    "partnership",
]

# ---------------------------------------------------------------------------
# Ids (lower-case slugs; æ → ae, ø → o, å → a)
# ---------------------------------------------------------------------------

KHS = "khs"
VV = "vestre-viken"
HSO = "helse-sor-ost"
KS = "ks"
HDIR = "helsedirektoratet"
FYLKESKOMMUNEN = "fylkeskommunen"
VESTREGIONEN = "vestregionen"

OSU = "osu"
SAMARBEIDSSTYRET = "samarbeidsstyret"
EIERMOTET = "eiermotet"
SEKRETARIAT = "sekretariat"
LSU = "lsu"
LAERINGSNETTVERKET = "laeringsnettverket"

PLAN_2015_ID = "khs-handlingsplan-2015"
PLAN_2016_2017_ID = "khs-handlingsplan-2016-2017"
AGREEMENT_ID = "khs-samarbeidsavtale"

#: KHS started "som et prosjekt i 2009" (a year only, so a PartialDate: no day is
#: invented); the owners' meeting continued it "ut 2017" (through the year 2017).
KHS_START = PartialDate(year=2009)
KHS_END = PartialDate(year=2017)
#: Vestre Viken HF was founded 30.03.2009 (parties.csv, source VV-fakta).
VV_FOUNDED = dt.date(2009, 3, 30)
#: The OSU meeting of sak 2/2016 and the plan year used to read timeframes.
OSU_MEETING = dt.date(2016, 2, 8)
PLAN_YEAR = 2016

# ---------------------------------------------------------------------------
# Parties (seed 001, parties.csv rows for KHS valid to 2019-12-31)
# ---------------------------------------------------------------------------

_VESTREGIONEN_NOTE = "Vestregionens 15 kommuner"
_OTHER_11_NOTE = "11 andre kommuner"
#: Rollag and Ål stand in the truncated part of the list parties.csv cites
#: ("membership inferred"): that is provenance of this model, not something the
#: partnership says, so it stays here and is not a note a document would print.

#: (id, name as in parties.csv, kommunenummer until 2019-12-31, membership note).
#: parties.csv has no organisation numbers for this period, so none are given.
_MUNICIPALITIES: tuple[tuple[str, str, str, str], ...] = (
    ("asker", "Asker", "0220", _VESTREGIONEN_NOTE),
    ("baerum", "Bærum", "0219", _VESTREGIONEN_NOTE),
    ("drammen", "Drammen", "0602", _VESTREGIONEN_NOTE),
    ("hole", "Hole", "0612", _VESTREGIONEN_NOTE),
    ("hurum", "Hurum", "0628", _VESTREGIONEN_NOTE),
    ("lier", "Lier", "0626", _VESTREGIONEN_NOTE),
    ("modum", "Modum", "0623", _VESTREGIONEN_NOTE),
    ("nedre-eiker", "Nedre Eiker", "0625", _VESTREGIONEN_NOTE),
    ("svelvik", "Svelvik", "0711", _VESTREGIONEN_NOTE),
    ("ringerike", "Ringerike", "0605", _VESTREGIONEN_NOTE),
    ("royken", "Røyken", "0627", _VESTREGIONEN_NOTE),
    ("sande", "Sande (Vestfold)", "0713", _VESTREGIONEN_NOTE),
    ("sigdal", "Sigdal", "0621", _VESTREGIONEN_NOTE),
    ("krodsherad", "Krødsherad", "0622", _VESTREGIONEN_NOTE),
    ("ovre-eiker", "Øvre Eiker", "0624", _VESTREGIONEN_NOTE),
    ("kongsberg", "Kongsberg", "0604", _OTHER_11_NOTE),
    ("flesberg", "Flesberg", "0631", _OTHER_11_NOTE),
    ("rollag", "Rollag", "0632", _OTHER_11_NOTE),  # membership inferred
    ("nore-og-uvdal", "Nore og Uvdal", "0633", _OTHER_11_NOTE),
    ("fla", "Flå", "0615", _OTHER_11_NOTE),
    ("nes", "Nes (Buskerud)", "0616", _OTHER_11_NOTE),
    ("gol", "Gol", "0617", _OTHER_11_NOTE),
    ("hemsedal", "Hemsedal", "0618", _OTHER_11_NOTE),
    ("al", "Ål", "0619", _OTHER_11_NOTE),  # membership inferred
    ("hol", "Hol", "0620", _OTHER_11_NOTE),
    ("jevnaker", "Jevnaker", "0532", _OTHER_11_NOTE),
)

#: The last day the pre-2020 kommunenummer (and these entities) held.
_PRE_2020_END = dt.date(2019, 12, 31)


def _municipalities() -> tuple[Organisation, ...]:
    """The 26 KHS municipalities (used by the partnership and the agreement)."""
    return tuple(
        Organisation(
            id=mid,
            kind=OrganisationKind.MUNICIPALITY,
            name=name,
            kommune_number=KommuneNumber(knr),
            valid_to=_PRE_2020_END,
        )
        for mid, name, knr, _note in _MUNICIPALITIES
    )


def _other_parties() -> tuple[Organisation, ...]:
    """Vestre Viken HF, its owner, and the organisations seeds 001 and 002 name."""
    return (
        Organisation(
            id=VV,
            kind=OrganisationKind.HOSPITAL_TRUST,
            name="Vestre Viken HF",
            # "Vestre Viken helseforetak" (001), "Vestre Viken" and "VV" (000, 002).
            aliases=("VV", "Vestre Viken", "Vestre Viken helseforetak"),
            organisation_number=OrganisationNumber("894166762"),
            valid_from=VV_FOUNDED,
            parent=HSO,
            # The seeds write only the abbreviations ("VV ved leder LMS",
            # "PHR/BUPA", "kommunesiden og BUPA"); no full names are invented.
            units=(
                Unit(id="lms", name="LMS", abbreviation="LMS"),
                Unit(id="bupa", name="BUPA", abbreviation="BUPA"),
                Unit(id="phr", name="PHR", abbreviation="PHR"),
            ),
        ),
        Organisation(
            id=HSO,
            kind=OrganisationKind.REGIONAL_HEALTH_AUTHORITY,
            name="Helse Sør-Øst RHF",
            aliases=("Helse Sør/Øst",),  # as written in 001
            organisation_number=OrganisationNumber("991324968"),
        ),
        Organisation(
            id=KS,
            kind=OrganisationKind.OTHER,
            name="KS (Kommunesektorens organisasjon)",
            short_name="KS",
            organisation_number=OrganisationNumber("971032146"),
        ),
        Organisation(id=HDIR, kind=OrganisationKind.GOVERNMENT, name="Helsedirektoratet"),
        Organisation(
            id=FYLKESKOMMUNEN,
            kind=OrganisationKind.COUNTY_AUTHORITY,
            # 002 names no county: "Helsedirektoratet og fylkeskommunen har
            # invitert VV …", "Første møte med fylkekommunen" (sic).
            name="fylkeskommunen",
            aliases=("fylkekommunen",),
            note="Seed 002 sier bare «fylkeskommunen»; hvilken fylkeskommune er ikke oppgitt.",
        ),
        Organisation(
            id=VESTREGIONEN,
            kind=OrganisationKind.INTERMUNICIPAL_COOPERATION,
            # Seed 001 is a page of vestregionen.no: its header reads
            # "vestregionen" / "15 kommuner vest for Oslo". The rest of the
            # header ("-", "A A", "+", "Eng", "Submeny") is the site's font-size,
            # language and menu controls, not content, and is not modelled.
            name="Vestregionen",
            note="15 kommuner vest for Oslo",
        ),
    )


def _memberships() -> tuple[Membership, ...]:
    """Membership 2009 to the end of 2017, as far as seed 001 speaks of it.

    001 says KHS started in 2009 and the owners decided to continue "ut 2017";
    it does not say whether all 26 were members from the start: that is
    assumed. Vestre Viken's side starts with its founding on 30.03.2009.
    """
    municipal = tuple(
        Membership(party=mid, valid_from=KHS_START, valid_to=KHS_END, note=note)
        for mid, _name, _knr, note in _MUNICIPALITIES
    )
    trust = Membership(
        party=VV,
        valid_from=VV_FOUNDED,
        valid_to=KHS_END,
        role=MembershipRole.HOSPITAL_TRUST,
        note="Kommunehelsesamarbeidet skal ivareta kommunenes interesser i samhandlingen "
        "med Vestre Viken helseforetak.",
    )
    return (*municipal, trust)


def _bodies() -> tuple[Body, ...]:
    """The bodies the seeds name. OSU is joint (VV and the municipalities)."""
    return (
        Body(id=OSU, kind=BodyKind.OVERARCHING_COMMITTEE,
             name="Overordnet samarbeidsutvalg", abbreviation="OSU"),
        # "Samarbeidsstyret i KHS-26" (000).
        Body(id=SAMARBEIDSSTYRET, kind=BodyKind.COOPERATION_BOARD, name="Samarbeidsstyret"),
        # "Eiermøtet besluttet 11.06.2015 …" (001).
        Body(id=EIERMOTET, kind=BodyKind.OWNERS_MEETING, name="Eiermøtet"),
        # "Sekretariatet", "sekretariatet" (002).
        Body(id=SEKRETARIAT, kind=BodyKind.SECRETARIAT, name="Sekretariatet"),
        # 002 writes "LSU" and "LSUene" (there is one per local-hospital
        # area; "LSUene" is the plural, not another name); one body stands for
        # them; the full name is the glossary's.
        Body(id=LSU, kind=BodyKind.LOCAL_COMMITTEE, name="Lokalt samarbeidsutvalg",
             abbreviation="LSU"),
        # "Siste samling i læringsnettverket" (002, patient pathways).
        Body(id=LAERINGSNETTVERKET, kind=BodyKind.WORKING_GROUP, name="Læringsnettverket"),
    )  # fmt: skip


# ---------------------------------------------------------------------------
# Seed 001: description, history, owners' decision, agreement
# ---------------------------------------------------------------------------

_DESCRIPTION = (
    "Sammen om helhetlige helsetjenester",
    "Kommunehelsesamarbeidet omfatter 26 kommuner i Vestre Viken helseområde og består av "
    "Vestregionens 15 kommuner og 11 andre kommuner. Vi samarbeider for å videreutvikle "
    "dagens helse- og omsorgstjenester. Kommunehelsesamarbeidet skal ivareta kommunenes "
    "interesser i samhandlingen med Vestre Viken helseforetak, og bidra til utviklingen av "
    "helsetjenestene i tråd med samhandlingsreformens intensjoner både i kommunene og i "
    "spesialisthelsetjenesten.",
)

_EVALUATION = (
    "Høsten 2014 startet en evaluering av KHS for å vurdere om, og i hvilken form, "
    "samarbeidet mellom 26 kommuner skal videreføres. Det vurderes også hvordan samarbeidet "
    "skal organiseres og styres."
)
_OWNERS_DECISION = "Eiermøtet besluttet 11.06.2015 å videreføre samarbeidet ut 2017."
_AGREEMENT_ADOPTED = "Ny samarbeidsavtale er vedtatt."
_AGREEMENT_CONTENTS = (
    "Den innholder formål, organisering, finansiering og oppgavene til Kommunehelsesamarbeidet."
)


def _history() -> tuple[HistoryEntry, ...]:
    """The history paragraphs of 001. The last paragraph goes on: its decision
    sentence is ``Partnership.decisions``, its agreement sentences are the
    embedded ``Agreement``; they are not repeated here."""
    return (
        HistoryEntry(
            text="Kommunehelsesamarbeidet (KHS) ble etablert som et prosjekt i 2009 for å styrke "
            "kommunenes interesser i samhandlingen med Vestre Viken helseforetak.",
            start=KHS_START, when="2009",
        ),
        HistoryEntry(
            text="I perioden 2009 til 2012 har hovedfokus vært å etablere lovpålagte avtaler og "
            "rammer for samarbeidet mellom kommunene og Vestre Viken.",
            start=KHS_START, end=PartialDate(year=2012), when="2009 til 2012",
        ),
        HistoryEntry(
            text="Strategiske fokusområder i 2013 og 2014 har vært lokalmedisinske tjenester, "
            "elektronisk meldingsutveksling, utvikling av kommunale øyeblikkelige hjelp plasser, "
            "utskrivningsklare pasienter, styringsdata, rus/psykisk helse og "
            "kompetanseoverføring.",
            start=PartialDate(year=2013), end=PartialDate(year=2014), when="2013 og 2014",
        ),
        # "Høsten 2014": the autumn of 2014 (August to December), no day; no end is given.
        HistoryEntry(text=_EVALUATION, start=PartialDate(year=2014, season=Season.AUTUMN),
                     when="Høsten 2014"),
    )  # fmt: skip


def _owners_decision() -> Decision:
    return Decision(
        kind=DecisionKind.DECISION,
        text=_OWNERS_DECISION,
        date=dt.date(2015, 6, 11),
        body=EIERMOTET,
    )


def partnership() -> Partnership:
    """Kommunehelsesamarbeidet (KHS, "KHS-26", "K26") as seeds 000–002 show it in 2015–2016."""
    return Partnership(
        id=KHS,
        name="Kommunehelsesamarbeidet",
        kind=PartnershipKind.MUNICIPAL_HEALTH_COOPERATION,
        short_name="KHS",
        aliases=("KHS-26", "K26"),
        description=tuple(Paragraph(text=t) for t in _DESCRIPTION),
        established=KHS_START,
        established_text="2009",
        # No source writes the whole period; it is "i 2009" to "ut 2017" (001), years
        # only: the text is what documents print, never "1. januar 2009".
        period=Period(start=KHS_START, end=KHS_END, text="2009–2017"),
        history=_history(),
        parties=_municipalities() + _other_parties(),
        memberships=_memberships(),
        bodies=_bodies(),
        agreements=(agreement(),),
        decisions=(_owners_decision(),),
    )


def agreement() -> Agreement:
    """The new samarbeidsavtale of KHS (001).

    The page names its contents (formål, organisering, finansiering, oppgaver)
    but gives no text, so the sections are empty. It is the municipalities'
    agreement on their cooperation (its tasks and financing), not the
    overarching agreement with the hospital trust, which the 2015 plan lists
    as still to be renegotiated; so its parties are the 26 municipalities.

    The agreement is *not* tied to the owners' meeting of 11.06.2015: the page
    says only "Ny samarbeidsavtale er vedtatt." after that decision, with no
    date or body, so ``date``, ``validity`` and the decision's date and body
    stay empty.
    """
    return Agreement(
        id=AGREEMENT_ID,
        # The page calls it "Ny samarbeidsavtale"; it has no other title.
        title="Samarbeidsavtale",
        level=AgreementLevel.OTHER,
        parties=_municipalities(),
        description=(Paragraph(text=f"{_AGREEMENT_ADOPTED} {_AGREEMENT_CONTENTS}"),),
        # Headings are the words of the sentence that names the topics.
        sections=(
            AgreementSection(topic=AgreementTopic.PURPOSE, heading="formål"),
            AgreementSection(topic=AgreementTopic.ORGANISATION, heading="organisering"),
            AgreementSection(topic=AgreementTopic.FINANCING, heading="finansiering"),
            AgreementSection(
                topic=AgreementTopic.TASKS, heading="oppgavene til Kommunehelsesamarbeidet"
            ),
        ),
        decision=Decision(kind=DecisionKind.ADOPTED, text=_AGREEMENT_ADOPTED),
    )


# ---------------------------------------------------------------------------
# Seed 001: Handlingsplan for 2015
# ---------------------------------------------------------------------------

#: (focus-area title, measures) as written; measures carry their number label.
_PLAN_2015: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Samhandling mellom kommunene og spesialisthelsetjenesten, oppgavefordeling og "
        "utviklingsarbeid.",
        (
            "Utvikle en webløsning for kommunene som henter ut styringsdata fra sykehuset.",
            "Kartlegge effekten av og forbedre bruk av kommunale akutte døgnplasser",
            "Etablere en hensiktsmessig samhandlingsmodell innen rus og psykisk helse mellom "
            "kommune og sykehus (KHS har prosjektledelsen)",
            "Etablere gode helhetlige patientforløp innenfor diagnosegruppene kols, hoftebrudd, "
            "skadelig bruk av alkohol.",
            "Utarbeide felles høringssvar på områder som er relevante for kommunene.",
            "Videreutvikle kontakten med sentrale helsemyndigheter.",
            "Reforhandle overordnet samarbeidsavtale mellom kommuner og helseforetak.",
        ),
    ),
    (
        "Kommunenes kompetansebehov",
        (
            "Gjennomføre Alert opplæring for helsepersonell i kommunene - Alert er et verktøy for "
            "tidlig identifisering av sykdomsutvikling og et verktøy for sikker kommunikasjon.",
            "Utvikle og tilgjengligjøre e-læringsmoduler i samarbeide med Helse Sør/Øst og KS",
            "Synliggjøre kommunenes fremtidige behov for spesialsykepleierkompetanse mot sentrale "
            "utdanningsinstitusjoner",
        ),
    ),
    (
        "Kommunikasjon",
        ("Gi oppdatert og hensiktsmessig informasjon i nyhetsbrev, referater og på websiden.",),
    ),
)

_PROJECT_LEAD_2015 = "(KHS har prosjektledelsen)"


def _measure_2015(number: int, text: str) -> Measure:
    """A 2015 measure. The plan has no responsible column; the one measure that
    names a responsible ("(KHS har prosjektledelsen)") keeps that remark in its
    text as printed and also gets it as a Responsibility (KHS = the municipal
    side, ``Collective.MUNICIPALITIES``)."""
    responsibility = None
    if text.endswith(_PROJECT_LEAD_2015):
        responsibility = Responsibility(
            text=_PROJECT_LEAD_2015.strip("()"),
            lead=(ResponsibleParty(collective=Collective.MUNICIPALITIES, text="KHS"),),
        )
    return Measure(number=number, label=f"{number}.", text=text, responsibility=responsibility)


def action_plan_2015() -> ActionPlan:
    """KHS's "Handlingsplan for 2015" (001): three focus areas with 7, 3 and 1 measures.

    The page does not say which body adopted or owns it, so ``owner`` and
    ``adoption`` stay empty.
    """
    return ActionPlan(
        id=PLAN_2015_ID,
        title="Handlingsplan for 2015",
        partnership=partnership(),
        period=Period(start=PartialDate(year=2015), end=PartialDate(year=2015), text="2015"),
        focus_areas=tuple(
            FocusArea(
                number=n,
                label=f"Fokusområde {n}",
                title=title,
                measures=tuple(_measure_2015(i, t) for i, t in enumerate(measures, start=1)),
            )
            for n, (title, measures) in enumerate(_PLAN_2015, start=1)
        ),
    )


# ---------------------------------------------------------------------------
# Seed 002: the action plan 2016-2017
# ---------------------------------------------------------------------------
#
# The table of each focus area has the columns "Tiltak ansvarlig
# tidsperspektiv"; they are Measure.text/details, .responsibility and
# .timeframe, so the header line itself is not stored. Extraction flattened a
# row into its three cells one after the other; where a cell holds several
# entries separated by blank lines, they are matched to the measure text at
# the same height in the cell. A measure's ``text`` is its first paragraph,
# ``details`` the further paragraphs of the cell. Leading bullet dashes
# ("- Rettigheter …", "-Oppsummere …") are list marks, not words, and are
# dropped. Responsibility texts join the lines of the cell with one space.


def _tf(text: str) -> Timeframe:
    """A timeframe that ``interpret_timeframe`` resolves (plan year 2016, "Neste møte" = OSU)."""
    interpretation = interpret_timeframe(text, year=PLAN_YEAR, body=OSU)
    if interpretation is None:
        raise ValueError(f"interpret_timeframe cannot read {text!r}; construct it instead")
    return Timeframe(text=text, interpretation=interpretation)


def _party(party: str, text: str, unit: str | None = None) -> ResponsibleParty:
    return ResponsibleParty(party=party, unit=unit, text=text)


def _body(body: str, text: str) -> ResponsibleParty:
    return ResponsibleParty(body=body, text=text)


def _all(collective: Collective, text: str) -> ResponsibleParty:
    return ResponsibleParty(collective=collective, text=text)


def _vestre_viken() -> Responsibility:
    return Responsibility(text="Vestre Viken", lead=(_party(VV, "Vestre Viken"),))


_OSU_DECISION_TEXT = "OSU besluttet 08.02.2016 følgende fokusområder for 2016 og 2017"
_OSU_DECISION_ITEMS = (
    "Utarbeide et diagnoseuavhengig pasientforløp for pasienter med behov for koordinerte "
    "tjenester.",
    "Tiltak rettet mot barn og unge.",
    "Ferdigstille og implementere og bredde de pågående pasientforløpene.",
    "Riktig bruk av rehabiliteringsressursene",
    "Lærings- og mestringstilbud",
)


def _case_2_2016() -> CaseNumber:
    return CaseNumber(text="2/2016", sequence=2, year=2016)


def _focus_area_1() -> FocusArea:
    return FocusArea(
        number=1,
        label="Fokusområde 1",
        title="Utarbeide et diagnoseuavhengig pasientforløp for pasienter med behov for "
        "koordinerte tjenester.",
        measures=(
            Measure(
                number=1,
                text="Prosjektbeskrivelse for diagnoseuavhengig pasientforløp",
                details=(
                    "Krav til arbeidet:",
                    "Synliggjøre hva som skiller dette fra andre pasientforløp og hvordan "
                    "resultatene fra de diagnosespesifikke forløpene innarbeides.",
                    "Deltakelse fra Vestre Viken avhenger av hvordan arbeidet organiseres "
                    "(evt pilot, geografi)",
                    "Rapportere til OSU, men med egen styringsgruppe hvor involverte parter er "
                    "representert",
                ),
                # "Kommunehelsesamarbeidet" as responsible is the municipal side (K26).
                responsibility=Responsibility(
                    text="Kommunehelsesamarbeidet",
                    lead=(_all(Collective.MUNICIPALITIES, "Kommunehelsesamarbeidet"),),
                ),
                # The cell reads "K26 lager sak" / "Neste møte", two statements on two
                # lines: K26 prepares a case for the next OSU meeting. The whole text is
                # kept, with its line break.
                timeframe=Timeframe(
                    text="K26 lager sak\nNeste møte", interpretation=NextMeeting(body=OSU)
                ),
            ),
        ),
    )


def _focus_area_2() -> FocusArea:
    children = "Barn som pårørende"
    # The last row has four measures, each with its own responsible at the
    # same height, and a single "2016" in the timeframe cell: that cell
    # belongs to the whole row, so all four get "2016".
    municipalities = Responsibility(
        text="Kommunene", lead=(_all(Collective.MUNICIPALITIES, "Kommunene"),)
    )
    return FocusArea(
        number=2,
        label="Fokusområde 2",
        title="Tiltak rettet mot barn og unge",
        measures=(
            Measure(
                number=1,
                text="Oversikt over lokale tiltak forankret i LSUene",
                details=("Rapportering til OSU",),
                responsibility=Responsibility(
                    text="Sekretariatet", lead=(_body(SEKRETARIAT, "Sekretariatet"),)
                ),
                timeframe=_tf("Neste møte"),
            ),
            # "Barn som pårørende" heads two bulleted entries, each with its own
            # responsible; the first has an empty timeframe cell.
            Measure(
                number=2,
                heading=children,
                text="Rettigheter forankret i lov",
                responsibility=Responsibility(
                    text="Partene", lead=(_all(Collective.ALL_PARTIES, "Partene"),)
                ),
            ),
            Measure(
                number=3,
                heading=children,
                text="Konferanse for kommuner og helseforetak",
                # "Vestre Viken April" is two cells on one extracted line.
                responsibility=_vestre_viken(),
                timeframe=_tf("April"),
            ),
            # "Fagdag" heads one entry: the municipalities' request, with the two
            # grounds named below it.
            Measure(
                number=4,
                heading="Fagdag",
                text="Kommunene etterspør kompetanse på tidlig intervensjon",
                details=("høringsuttalelsen til områdeplan", "kompetansesamarbeid"),
                responsibility=Responsibility(
                    text="sekretariatet samarbeid med PHR/BUPA og K26",
                    lead=(_body(SEKRETARIAT, "sekretariatet"),),
                    contributors=(
                        _party(VV, "PHR", unit="phr"),
                        _party(VV, "BUPA", unit="bupa"),
                        _all(Collective.MUNICIPALITIES, "K26"),
                    ),
                ),
                timeframe=_tf("Medio juni"),
            ),
            # "LSU 2016" is the responsible cell "LSU" and the timeframe "2016".
            Measure(
                number=5,
                text="Representasjon i LSU",
                details=(
                    "Helsetjenester til barn og unge skal være representert fra både "
                    "kommunesiden og BUPA",
                ),
                responsibility=Responsibility(text="LSU", lead=(_body(LSU, "LSU"),)),
                timeframe=_tf("2016"),
            ),
            Measure(
                number=6,
                text="Involvere de som jobber med barn og unge i det formaliserte samarbeidet "
                "for å sikre et helhetlig tilbud til de som trenger det mest",
                responsibility=municipalities,
                timeframe=_tf("2016"),
            ),
            Measure(
                number=7,
                text="Avtalene med helseforetaket og formaliserte møteplasser må gjøre kjent i "
                "kommunene",
                responsibility=municipalities,
                timeframe=_tf("2016"),
            ),
            Measure(
                number=8,
                text="Involvere fastlegene",
                responsibility=Responsibility(
                    text="Hver enkelt kommune",
                    lead=(_all(Collective.EACH_MUNICIPALITY, "Hver enkelt kommune"),),
                ),
                timeframe=_tf("2016"),
            ),
            Measure(
                number=9,
                text="Bruke praksiskonsulentene for å involvere fastlegene",
                responsibility=_vestre_viken(),
                timeframe=_tf("2016"),
            ),
        ),
    )


def _focus_area_3() -> FocusArea:
    phase_1 = Phase(number=1, label="Fase 1")
    phase_2 = Phase(number=2, label="Fase 2")
    # "Prosjektledels\nen" in the seed is one word split by table extraction:
    # "Prosjektledelsen". The seed does not say whose project management it
    # is, so the lead keeps only the text and names no party or body.
    project = Responsibility(
        text="Prosjektledelsen i samarbeid med hver kommune og sykehus",
        lead=(ResponsibleParty(text="Prosjektledelsen"),),
        contributors=(
            _all(Collective.EACH_MUNICIPALITY, "hver kommune"),
            _all(Collective.HOSPITALS, "sykehus"),
        ),
    )
    return FocusArea(
        number=3,
        label="Fokusområde 3",
        title="Ferdigstille, implementere og bredde de pågående pasientforløpene.",
        measures=(
            # Fase 1: one responsible ("Vestre Viken") and two timeframe lines,
            # "Mars 2016" and "15 mars", for the two entries of the cell: the
            # implementation (with its two bullets) and the last gathering.
            Measure(
                number=1,
                phase=phase_1,
                text="Implementere pågående pasientforløp",
                details=("Oppsummere høringssvar", "dokumentasjon"),
                responsibility=_vestre_viken(),
                timeframe=_tf("Mars 2016"),
            ),
            Measure(
                number=2,
                phase=phase_1,
                text="Siste samling i læringsnettverket",
                responsibility=_vestre_viken(),
                timeframe=_tf("15 mars"),
            ),
            # Fase 2: two entries and two timeframe texts: the pilots start in
            # April; the briefings follow a schedule agreed with the municipalities.
            Measure(
                number=3,
                phase=phase_2,
                text="Implementering i pilotkommuner og sykehus",
                responsibility=project,
                timeframe=_tf("Starter i april"),
            ),
            Measure(
                number=4,
                phase=phase_2,
                text="Orientering i ledergruppene i hver enkelt kommune, sykehus og LSU",
                responsibility=project,
                timeframe=Timeframe(text="Tidsplan i samarbeid med kommunene"),
            ),
            # The spreading row has no phase label of its own; it follows the
            # "Fase 2" row and continues it (pilots, then all), so it is read as
            # part of Fase 2.
            Measure(
                number=5,
                phase=phase_2,
                text="Spredning til alle kommuner og sykehus",
                details=(
                    "Plan i samarbeid med kommunehelsesamarbeidet, forslag geografisk spredning",
                    "Bruke erfaringene fra Alert og PLO meldinger",
                ),
                responsibility=Responsibility(
                    text="K26 og vestre viken og sykehus",
                    lead=(
                        _all(Collective.MUNICIPALITIES, "K26"),
                        _party(VV, "vestre viken"),
                        _all(Collective.HOSPITALS, "sykehus"),
                    ),
                ),
                timeframe=Timeframe(
                    text="Skisse presenteres i OSU 8. februar",
                    interpretation=AtEvent(
                        name="Skisse presenteres i OSU", body=OSU, date=OSU_MEETING
                    ),
                ),
            ),
        ),
    )


def _focus_area_4() -> FocusArea:
    return FocusArea(
        number=4,
        label="Fokusområde 4",
        title="Riktig bruk av rehabiliteringsressursene",
        measures=(
            Measure(
                number=1,
                text="Konferanse, hva skjer på rehabiliteringsfeltet - ansvar og oppgavefordeling.",
                details=("Delta på årlig regional rehabiliteringskonferanse.",),
                # "klinikk" = each clinic of the hospital trust (Collective.HOSPITALS).
                responsibility=Responsibility(
                    text="Hver enkelt kommune og klinikk",
                    lead=(
                        _all(Collective.EACH_MUNICIPALITY, "Hver enkelt kommune"),
                        _all(Collective.HOSPITALS, "klinikk"),
                    ),
                ),
                timeframe=_tf("2016"),
            ),
            Measure(
                number=2,
                text="Koordinerende enhet i alle kommuner og helseforetaket",
                details=(
                    "Oppfølging av lovverket er partenes eget ansvar.",
                    "Det foreligger ikke tilgjengelig informasjon på nettet om KE i alle kommuner",
                ),
                responsibility=Responsibility(
                    text="Hver enkelt part", lead=(_all(Collective.EACH_PARTY, "Hver enkelt part"),)
                ),
                timeframe=_tf("2016"),
            ),
            # "Vestre Viken 2016" is two cells on one extracted line.
            Measure(
                number=3,
                text="Retningslinjer for henvisning til private rehabiliteringsinstitusjoner "
                "fra sykehus",
                responsibility=_vestre_viken(),
                timeframe=_tf("2016"),
            ),
            # One row: "LSU" and "2016" stand level with the second paragraph
            # (what the parties do), the first gives the reason (the report).
            Measure(
                number=4,
                text="Helsedirektoratets rapport avklaring av ansvars- og oppgavefordeling "
                "IS 1947 kommer i ny versjon i løpet av året.",
                details=(
                    "Partene ser på det samlede rehabiliteringstilbudet og oppgave og "
                    "ansvarsfordeling.",
                ),
                responsibility=Responsibility(text="LSU", lead=(_body(LSU, "LSU"),)),
                timeframe=_tf("2016"),
            ),
        ),
    )


def _focus_area_5() -> FocusArea:
    # Row 1 has one responsible and two timeframe entries, "2016" level with
    # the day seminar and "K26 kaller inn til" / "møte" / "planleggingsmøte" (sic)
    # level with the second paragraph (the first two lines one wrapped phrase, the
    # third a statement of its own: "K26 kaller inn til møte\nplanleggingsmøte"): read as two measures sharing the
    # responsible.
    lms_k26 = Responsibility(
        text="VV ved leder LMS og K26",
        lead=(
            _party(VV, "VV ved leder LMS", unit="lms"),
            _all(Collective.MUNICIPALITIES, "K26"),
        ),
    )
    return FocusArea(
        number=5,
        label="Fokusområde 5",
        title="Lærings- og mestringstilbud",
        measures=(
            Measure(
                number=1,
                text="Arrangere et dagsseminar, hva skjer innenfor temaet læring og mestring. "
                "Bygge på erfaringene fra kompetansesamarbeid mellom VV og K26 jf tidligere "
                "rapportering til OSU",
                responsibility=lms_k26,
                timeframe=_tf("2016"),
            ),
            Measure(
                number=2,
                text="Erfaringsdeling. Fokus på skjæringspunktet i innleggelse og utskriving",
                responsibility=lms_k26,
                timeframe=Timeframe(text="K26 kaller inn til møte\nplanleggingsmøte"),
            ),
            Measure(
                number=3,
                text="Evaluering av bruk av frisklivssentralen i en eller flere kommuner.",
                details=(
                    "Helsedirektoratet og fylkeskommunen har invitert VV og samarbeidskommuner "
                    "om å være med i et større forskningsprosjekt",
                ),
                responsibility=Responsibility(
                    text="Deltakende kommune(r) og LMS",
                    lead=(
                        _all(Collective.PARTICIPATING_MUNICIPALITIES, "Deltakende kommune(r)"),
                        _party(VV, "LMS", unit="lms"),
                    ),
                ),
                timeframe=Timeframe(
                    text="Første møte med fylkekommunen 16. februar",
                    interpretation=AtEvent(
                        name="Første møte med fylkekommunen", date=dt.date(2016, 2, 16)
                    ),
                ),
            ),
        ),
    )


def action_plan_2016_2017() -> ActionPlan:
    """The joint action plan 2016-2017 of Vestre Viken and the KHS municipalities (002).

    002 carries no title; it is the "felles handlingsplan 2016-2017" of the
    case document (000). Its first lines, "OSU besluttet 08.02.2016 følgende
    fokusområder for 2016 og 2017" with the numbered list, are the adoption
    decision: body and date, no case number (002 cites none; the same day's
    sak 2/2016 (000) presents the plan "til orientering", and the focus areas
    themselves were decided in sak 21/2015, so neither is the adopting case).
    The ongoing activities are only
    named ("I tillegg kommer …"), so ``ongoing_activities`` and
    ``previous_plan`` stay empty: 002 does not say they come from the 2015 plan.
    """
    return ActionPlan(
        id=PLAN_2016_2017_ID,
        title="Handlingsplan 2016-2017",
        partnership=partnership(),
        owner=OSU,
        period=Period(start=PartialDate(year=2016), end=PartialDate(year=2017), text="2016-2017"),
        status=PlanStatus.ADOPTED,
        adoptions=(Adoption(
            body=OSU,
            date=OSU_MEETING,
            decision=Decision(
                kind=DecisionKind.DECISION,
                text=_OSU_DECISION_TEXT,
                date=OSU_MEETING,
                body=OSU,
                items=_OSU_DECISION_ITEMS,
            ),
        ),),
        focus_areas=(
            _focus_area_1(),
            _focus_area_2(),
            _focus_area_3(),
            _focus_area_4(),
            _focus_area_5(),
        ),
        ongoing_activities_text="I tillegg kommer pågående aktiviteter som videreføres i 2016",
    )


# ---------------------------------------------------------------------------
# Seed 000: saksframlegg OSU sak 2/2016
# ---------------------------------------------------------------------------

#: The five focus areas as the background lists them (order and wording of 000).
_FOCUS_AREAS_000 = (
    "Utarbeide et diagnoseuavhengig pasientforløp for pasienter med behov for koordinerte "
    "tjenester",
    "Ferdigstille og implementere og bredde de pågående pasientforløpene",
    "Tiltak rettet mot barn og unge",
    "Riktig bruk av rehabiliteringsressursene",
    "Lærings- og mestringstilbud",
)

#: The process paragraph of 000 sentence by sentence (joined with one space it
#: is the paragraph as written); the dated sentences are also process events.
_PROCESS = (
    "Proessen med å utarbeide en handlingsplan innenfor hvert fokusområde er i gang.",
    "Vestre Viken har gjennomført interne faglige diskusjoner rundt de foreslåtte fokusområdene.",
    "De har blant annet diskutert hvordan helseforetaket best kan bidra innenfor hvert "
    "fokusområde.",
    "Kommunene har også startet en diskusjon på hvordan vi best kan jobbe sammen for å nå "
    "intensjoner i vedtatte fokusområder.",
    "Samarbeidsstyret i KHS-26 kom med innspill til forslag til handlingsplan i sitt møte "
    "25.januar 2016.",
    "26. januar ble det avholdt et felles møte med representanter fra Vestre Viken og kommunene.",
    "Partene diskuterte hvordan en best kunne svare ut bestillingen fra overordnet "
    "samarbeidsutvalg.",
    "Vedlagt ligger et omforent forslag til hvordan en slik handlingsplan kan se ut.",
    "Partene er samstemt i at arbeidet rundt å konkretisere handling og tiltak rundt hvert "
    "fokusområde må fortsette.",
    "Både kommuner og helseforetak må felles og hver for seg diskutere hva som er utfordringer "
    "og muligheter rundt hvert innsatsområde.",
    "Vi må blant annet diskutere om det kan være hensiktsmessig å etablere enkelte "
    "pilotprosjekter mellom kommuner og sykehus innenfor f.eks. temaet rehabilitering og "
    "psykiske helsetjenester til barn og unge.",
    "OSU vil bli holdt informert om konkrete tiltak og resultat tilknyttet hvert fokusområde.",
)

#: In the seed the words after "besluttet" are wrapped in "*…*" (italics in the
#: original): the background paragraph keeps them as an italic ``emphasis``;
#: the decision quoted in the reference holds the words without it.
_DECIDED_000 = "OSU besluttet følgende fokusområder for 2016 og 2017:"
_BACKGROUND_000 = (
    "Det vises til vedtak i sak21/2015 der OSU besluttet *følgende fokusområder for 2016 og 2017:*"
)


def _case_officer(name: str) -> Person:
    return Person(name=name, roles=(Role(title="Saksbehandler", kind=RoleKind.CASE_OFFICER),))


def case_osu_2_2016() -> CaseDocument:
    """Saksframlegg to Overordnet samarbeidsutvalg, sak 2/2016, meeting 8 February 2016 (000).

    The case has no title line and no document date; the letterhead names
    Vestre Viken and KHS, kept as ``letterhead`` (``issued_by`` stays empty:
    KHS is the partnership, not a party). The text "OSU besluttet 08.02.2016
    følgende fokusområder …" that follows in the source material is the first
    line of the attached plan (002), so it lives in that plan's adoption, not
    here; this document stays what it was before the meeting (no decision, no
    status).
    """
    return CaseDocument(
        id="osu-sak-2-2016",
        body=OSU,
        case_number=_case_2_2016(),
        partnership=partnership(),
        # The seed's heading block names no title; the case is the one its proposal
        # names, in its words: "fastsettelse av felles handlingsplan 2016-2017".
        title="Felles handlingsplan 2016-2017",
        document_type="SAKSFRAMLEGG",
        letterhead=("VESTRE VIKEN", "KHS", "Kommunehelsesamarbeidet"),
        meeting_date=OSU_MEETING,
        case_officers=(
            _case_officer("Christine Furuholmen"),
            _case_officer("Kari Engen Sørensen"),
        ),
        proposal=Proposal(
            kind=ProposalKind.PROPOSED_DECISION,
            heading="Forslag til vedtak",
            text="OSU tar fremlagt informasjon om prosess og arbeid rundt fastsettelse av felles "
            "handlingsplan 2016-2017 mellom Vestre Viken og kommuner tilsluttet "
            "kommunehelsesamarbeidet til orientering.",
            decision_kind=DecisionKind.NOTED,
        ),
        sections=(
            Section(
                kind=SectionKind.BACKGROUND,
                heading="Bakgrunn",
                content=(
                    Paragraph.with_emphasis(_BACKGROUND_000),
                    ItemList(items=_FOCUS_AREAS_000),
                    Paragraph(
                        text="Vedlagt ligger en omforent handlingsplan utarbeidet av "
                        "representanter fra Vestre Viken og kommuner tilsluttet KHS-26."
                    ),
                ),
            ),
            Section(
                kind=SectionKind.PROCESS,
                heading="Orientering om prosess",
                content=(Paragraph(text=" ".join(_PROCESS)),),
            ),
        ),
        process_events=(
            ProcessEvent(
                date=dt.date(2016, 1, 25),
                date_text="25.januar 2016",
                text=_PROCESS[4],
                body=SAMARBEIDSSTYRET,
            ),
            ProcessEvent(
                date=dt.date(2016, 1, 26),
                date_text="26. januar",
                text=f"{_PROCESS[5]} {_PROCESS[6]}",
            ),
        ),
        references=(
            CaseReference(
                text="sak21/2015",
                case_number=CaseNumber.parse("sak21/2015"),
                body=OSU,
                decision=Decision(
                    kind=DecisionKind.DECISION,
                    text=_DECIDED_000,
                    body=OSU,
                    case_number=CaseNumber.parse("sak21/2015"),
                    items=_FOCUS_AREAS_000,
                ),
            ),
        ),
        # the plan as it was when the case was written: a proposal ("Vedlagt ligger en
        # omforent handlingsplan", taken "til orientering"), not yet adopted
        attachments=(
            Attachment(title="Handlingsplan 2016-2017", document=action_plan_2016_2017_proposal()),
        ),
    )


def action_plan_2016_2017_proposal() -> ActionPlan:
    """The 2016-2017 plan as the case of 8 February 2016 (000) attaches it, before the
    meeting: the agreed proposal ("Vedlagt ligger en omforent handlingsplan"), status
    proposed and no adoption. The adoption ("OSU besluttet 08.02.2016 …") is the meeting's,
    after the case was written; :func:`action_plan_2016_2017` is the plan as adopted."""
    return attrs.evolve(action_plan_2016_2017(), status=PlanStatus.PROPOSED, adoptions=())


# ---------------------------------------------------------------------------
# Following up: from the 2015 plan (001) to the 2016-2017 plan (002)
# ---------------------------------------------------------------------------


def changes_2015_to_2016_2017() -> PlanDiff:
    """What changed from "Handlingsplan for 2015" (001) to the 2016-2017 plan (002).

    002 says "I tillegg kommer pågående aktiviteter som videreføres i 2016" but
    names none of them, so no measure of 002 carries ``carried_over_from`` and
    none is invented here: the diff matches by text alone, and the seeds share
    no measure text nor anything similar (every focus area and measure is new).
    """
    return diff(action_plan_2015(), action_plan_2016_2017())


#: The date of the example status report: the end of the first half of 2016.
STATUS_DATE = dt.date(2016, 6, 30)


def status_report_2016() -> StatusReport:
    """The status report of the 2016-2017 plan as of 30 June 2016.

    002 records no progress, so every measure is without status; what the
    report shows is where each timeframe stands at that date (measures due by
    "April" or "Medio juni" are overdue; "Neste møte", "Tidsplan i samarbeid
    med kommunene" and the measure without a timeframe are listed apart).
    """
    return report(action_plan_2016_2017(), STATUS_DATE)
