"""Deterministic synthetic action plans for the benchmarks.

``make_plan(n)`` returns an :class:`~khsmodel.ActionPlan` of exactly ``n``
measures for a partnership modelled on Helsefellesskapet Lofoten, Vesterålen
og Salten: 21 municipalities (some with their Sámi names: Fuossko, Hábmer,
Fuolldá, Suortá), the hospital trust, bodies, units. Measures carry realistic
Norwegian text, several responsibles (lead and contributors: parties, units,
bodies, collectives), fuzzy and dated timeframes (interpreted where the text
allows), phases, shared headings, statuses with progress entries, some details
and some carried-over references. The same ``n`` and ``seed`` always give the
same plan.
"""

from __future__ import annotations

import datetime as dt
import random

from khsmodel import (
    ActionPlan,
    Adoption,
    Body,
    BodyKind,
    CaseNumber,
    Collective,
    FocusArea,
    KommuneNumber,
    Measure,
    MeasureRef,
    MeasureStatus,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationNumber,
    OtherName,
    Paragraph,
    Partnership,
    PartnershipKind,
    Period,
    Phase,
    PlanStatus,
    ProgressEntry,
    Responsibility,
    ResponsibleParty,
    Timeframe,
    Unit,
    interpret_timeframe,
)

__all__ = ["FOCUS_AREAS", "make_plan", "partnership"]

# (id, name, kommunenummer, Sámi name or None)
_MUNICIPALITIES = (
    ("bodo", "Bodø kommune", "1804", None),
    ("fauske", "Fauske kommune", "1841", "Fuosko suohkan"),
    ("sorfold", "Sørfold kommune", "1845", "Fuolldá suohkan"),
    ("hamaroy", "Hamarøy kommune", "1875", "Hábmera suohkan"),
    ("steigen", "Steigen kommune", "1848", None),
    ("saltdal", "Saltdal kommune", "1840", None),
    ("beiarn", "Beiarn kommune", "1839", None),
    ("gildeskal", "Gildeskål kommune", "1838", None),
    ("meloy", "Meløy kommune", "1837", None),
    ("vestvagoy", "Vestvågøy kommune", "1860", None),
    ("vagan", "Vågan kommune", "1865", None),
    ("flakstad", "Flakstad kommune", "1859", None),
    ("moskenes", "Moskenes kommune", "1874", None),
    ("rost", "Røst kommune", "1856", None),
    ("vaeroy", "Værøy kommune", "1857", None),
    ("hadsel", "Hadsel kommune", "1866", None),
    ("bo", "Bø kommune", "1867", None),
    ("oksnes", "Øksnes kommune", "1868", None),
    ("sortland", "Sortland kommune", "1870", "Suortá suohkan"),
    ("andoy", "Andøy kommune", "1871", None),
    ("lodingen", "Lødingen kommune", "1851", None),
)

_SHORT = {
    "bodo": "Bodø",
    "fauske": "Fuossko/Fauske",
    "sorfold": "Sørfold",
    "hamaroy": "Hábmer/Hamarøy",
    "steigen": "Steigen",
    "saltdal": "Saltdal",
    "beiarn": "Beiarn",
    "gildeskal": "Gildeskål",
    "meloy": "Meløy",
    "vestvagoy": "Vestvågøy",
    "vagan": "Vågan",
    "flakstad": "Flakstad",
    "moskenes": "Moskenes",
    "rost": "Røst",
    "vaeroy": "Værøy",
    "hadsel": "Hadsel",
    "bo": "Bø",
    "oksnes": "Øksnes",
    "sortland": "Suortá/Sortland",
    "andoy": "Andøy",
    "lodingen": "Lødingen",
}

#: Titles of the focus areas (innsatsområder), cycled when a plan has more.
FOCUS_AREAS = (
    "Barn og unge",
    "Personer med alvorlig psykisk lidelse og rusproblemer",
    "Skrøpelige eldre",
    "Personer med flere kroniske lidelser",
    "Svangerskap, fødsel og barsel",
    "Digital samhandling og velferdsteknologi",
    "Kompetanse og rekruttering",
    "Akuttmedisinsk kjede og øyeblikkelig hjelp",
    "Samisk språk og kultur i helsetjenestene",
    "Utskrivningsklare pasienter og pasientforløp",
    "Legemiddelhåndtering",
    "Brukermedvirkning og pårørende",
)

_VERBS = (
    "Etablere",
    "Utarbeide",
    "Gjennomføre",
    "Evaluere",
    "Videreutvikle",
    "Kartlegge",
    "Implementere",
    "Revidere",
    "Styrke",
    "Prøve ut",
    "Samordne",
    "Følge opp",
)
_OBJECTS = (
    "felles rutiner for utskrivning av pasienter",
    "læringsnettverk for gode pasientforløp",
    "samarbeid om kommunale akutte døgnplasser",
    "kompetansedeling mellom kommunene og helseforetaket",
    "tilbud til barn og unge med psykiske helseplager",
    "digital hjemmeoppfølging for personer med kronisk sykdom",
    "ambulante team innen rus og psykisk helse",
    "felles opplæring i velferdsteknologi",
    "rutiner for legemiddelhåndtering ved overføringer",
    "tjenester til skrøpelige eldre som bor hjemme",
    "samhandlingen med fastlegene om henvisninger",
    "jordmortjenesten i distriktene",
    "oppfølging av gravide med rusproblemer",
    "tiltak mot ensomhet blant eldre",
    "tolketjeneste på nordsamisk og lulesamisk",
    "felles kvalitetsindikatorer for samhandlingen",
    "avviksmeldinger på tvers av forvaltningsnivåene",
    "ordningen med praksiskonsulenter",
)
_PLACES = (
    "i alle 21 kommuner",
    "i Salten",
    "i Lofoten og Vesterålen",
    "i samarbeid med brukerutvalget",
    "med vekt på samisk språk og kultur",
    "for pasienter i Hábmer og Fuossko",
    "i Suortá og Øksnes",
    "i Fuolldá, Steigen og Beiarn",
    "på tvers av klinikkene",
    "for innbyggere på Røst og Værøy",
    "etter modell fra Bodø",
    "med tolk ved behov (gïele)",
)
_DETAILS = (
    "Krav til arbeidet: synliggjøre hva som skiller dette fra eksisterende forløp.",
    "Rapportere til SSU, med egen arbeidsgruppe der alle parter er representert.",
    "Deltakelse fra Nordlandssykehuset avhenger av hvordan arbeidet organiseres (evt. pilot, geografi).",
    "Erfaringene fra Hábmer og Fuossko skal deles i læringsnettverket.",
    "Brukerrepresentant: Kari Engen Sørensen (brukerutvalget).",
    "Kontaktperson i sekretariatet: Trude Kristin Kristensen.",
    "Tiltaket ses i sammenheng med nasjonal helse- og samhandlingsplan.",
    "Budsjett avklares i eiermøtet før oppstart.",
)
_HEADINGS = (
    "Barn som pårørende",
    "Overganger mellom nivåene",
    "Samisk pasientforløp",
    "Øyeblikkelig hjelp",
    "Opplæring",
)
_PROGRESS = (
    "Arbeidsgruppe er etablert, og første møte er avholdt.",
    "SSU vil bli holdt informert om fremdriften.",
    "Utkast til rutine er sendt på høring til kommunene.",
    "Tiltaket er forsinket på grunn av manglende ressurser i Lofoten.",
    "Rutinen er vedtatt og lagt ut på nettsiden.",
)
# Timeframes as written; interpreted against the plan years (None: stays text only).
_TIMEFRAMES = (
    "Medio juni",
    "Neste møte",
    "Starter i april",
    "2026",
    "15. mars",
    "innen 1. oktober",
    "Mars 2026",
    "Ultimo november 2025",
    "Tidsplan i samarbeid med kommunene",
    "Høsten 2025",
    "Løpende",
    "01.09.2025",
    "2025-2026",
    "Primo februar",
    "Skisse presenteres i SSU 8. februar",
    "Fra august 2025",
    "Innen 31. desember 2026",
    "Våren 2026",
)


def partnership() -> Partnership:
    """The partnership the plans belong to (fixed)."""
    parties = [
        Organisation(
            id="nlsh",
            kind=OrganisationKind.HOSPITAL_TRUST,
            name="Nordlandssykehuset HF",
            short_name="NLSH",
            aliases=("Nordlandssykehuset",),
            organisation_number=OrganisationNumber("983974910"),
            units=(
                Unit(id="psyk", name="Klinikk for psykisk helse og rus", abbreviation="PHR"),
                Unit(id="lms", name="Lærings- og mestringssenteret", abbreviation="LMS"),
                Unit(id="akutt", name="Akuttklinikken"),
            ),
        )
    ]
    for pid, name, knr, sami in _MUNICIPALITIES:
        parties.append(
            Organisation(
                id=pid,
                kind=OrganisationKind.MUNICIPALITY,
                name=name,
                kommune_number=KommuneNumber(knr),
                other_names=(OtherName(name=sami, lang="se" if pid == "sortland" else "smj"),)
                if sami
                else (),
                units=(Unit(id="helse", name="Helse og omsorg"),),
            )
        )
    memberships = [Membership(party="nlsh", role=MembershipRole.HOSPITAL_TRUST)]
    memberships += [
        Membership(party=pid, valid_from=dt.date(2020, 1, 1)) for pid, *_ in _MUNICIPALITIES
    ]
    bodies = (
        Body(id="pm", kind=BodyKind.PARTNERSHIP_MEETING, name="Partnerskapsmøtet", level=1),
        Body(
            id="ssu",
            kind=BodyKind.STRATEGIC_COMMITTEE,
            name="Strategisk samarbeidsutvalg",
            abbreviation="SSU",
            level=2,
        ),
        Body(
            id="fsu",
            kind=BodyKind.PROFESSIONAL_COMMITTEE,
            name="Faglig samarbeidsutvalg",
            abbreviation="FSU",
            level=3,
            parent="ssu",
        ),
        Body(id="bu", kind=BodyKind.USER_COUNCIL, name="Brukerutvalget"),
        Body(id="sek", kind=BodyKind.SECRETARIAT, name="Samhandlingssekretariatet"),
    )
    return Partnership(
        id="lvs",
        name="Helsefellesskapet Lofoten, Vesterålen og Salten",
        kind=PartnershipKind.HEALTH_PARTNERSHIP,
        short_name="HF LVS",
        description=(
            Paragraph(
                text="Helsefellesskapet for Nordlandssykehusets opptaksområde, med 21 "
                "kommuner, brukere og fastleger."
            ),
        ),
        established=dt.date(2020, 11, 1),
        parties=tuple(parties),
        memberships=tuple(memberships),
        bodies=bodies,
    )


def _responsibility(rng: random.Random) -> Responsibility:
    roll = rng.random()
    muni = rng.choice(_MUNICIPALITIES)
    other = rng.choice(_MUNICIPALITIES)
    if roll < 0.25:
        return Responsibility(
            text=f"Sekretariatet i samarbeid med Nordlandssykehuset og {_SHORT[muni[0]]}",
            lead=(ResponsibleParty(body="sek", text="Sekretariatet"),),
            contributors=(
                ResponsibleParty(party="nlsh", text="Nordlandssykehuset"),
                ResponsibleParty(party=muni[0], text=_SHORT[muni[0]]),
            ),
        )
    if roll < 0.4:
        return Responsibility(
            text="Hver enkelt kommune",
            lead=(ResponsibleParty(collective=Collective.EACH_MUNICIPALITY),),
        )
    if roll < 0.55:
        unit = rng.choice((("psyk", "PHR"), ("lms", "LMS"), ("akutt", "Akuttklinikken")))
        return Responsibility(
            text=f"NLSH ved {unit[1]}",
            lead=(ResponsibleParty(party="nlsh", unit=unit[0], text=f"NLSH ved {unit[1]}"),),
        )
    if roll < 0.65:
        return Responsibility(
            text="Partene", lead=(ResponsibleParty(collective=Collective.ALL_PARTIES),)
        )
    if roll < 0.8:
        return Responsibility(
            text=f"{_SHORT[muni[0]]} og {_SHORT[other[0]]} kommune, med FSU",
            lead=(ResponsibleParty(party=muni[0]), ResponsibleParty(party=other[0])),
            contributors=(ResponsibleParty(body="fsu", text="FSU"),),
        )
    if roll < 0.9:
        return Responsibility(
            text="FSU i samarbeid med brukerutvalget og kommunene i Salten",
            lead=(ResponsibleParty(body="fsu"),),
            contributors=(
                ResponsibleParty(body="bu", text="brukerutvalget"),
                ResponsibleParty(collective=Collective.MUNICIPALITIES, text="kommunene i Salten"),
            ),
        )
    return Responsibility(
        text=f"{_SHORT[muni[0]]} kommune ved helse og omsorg",
        lead=(ResponsibleParty(party=muni[0], unit="helse"),),
    )


def _timeframe(rng: random.Random, year: int) -> Timeframe:
    text = rng.choice(_TIMEFRAMES)
    return Timeframe(text=text, interpretation=interpret_timeframe(text, year=year, body="ssu"))


def _status_and_progress(
    rng: random.Random, year: int
) -> tuple[MeasureStatus | None, tuple[ProgressEntry, ...]]:
    roll = rng.random()
    if roll < 0.45:
        return None, ()
    if roll < 0.6:
        return MeasureStatus.PLANNED, ()
    start = dt.date(year, rng.randint(1, 6), rng.randint(1, 28))
    started = ProgressEntry(
        date=start, text=rng.choice(_PROGRESS), status=MeasureStatus.STARTED, reported_to="ssu"
    )
    if roll < 0.85:
        return MeasureStatus.STARTED, (started,)
    done = ProgressEntry(
        date=start + dt.timedelta(days=rng.randint(30, 300)),
        text="Rutinen er vedtatt og lagt ut på nettsiden.",
        status=MeasureStatus.DONE,
        author="Anne-Hilde Crowo",
    )
    return MeasureStatus.DONE, (started, done)


def _measure(rng: random.Random, number: int, phase: Phase | None, heading: str | None) -> Measure:
    year = rng.choice((2025, 2026))
    text = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_PLACES)}"
    n_details = rng.choice((0, 0, 0, 1, 1, 2, 3))
    details = tuple(rng.sample(_DETAILS, n_details))
    status, progress = _status_and_progress(rng, year)
    carried = None
    if rng.random() < 0.04:
        carried = MeasureRef(
            plan="hf-lvs-handlingsplan-2023-2024",
            focus_area=rng.randint(1, 5),
            measure=rng.randint(1, 12),
        )
    return Measure(
        number=number,
        text=text,
        id=f"m{number}-{rng.randrange(16**6):06x}",
        heading=heading,
        details=details,
        responsibility=_responsibility(rng),
        timeframe=_timeframe(rng, year) if rng.random() < 0.93 else None,
        phase=phase,
        status=status,
        progress=progress,
        carried_over_from=carried,
    )


def _focus_area(rng: random.Random, number: int, n: int) -> FocusArea:
    n_phases = rng.choice((1, 2, 3, 3))
    phases = [
        Phase(number=k, label=f"Fase {k}", title=("Forankring", "Utprøving", "Drift")[k - 1])
        for k in range(1, n_phases + 1)
    ]
    measures = []
    heading: str | None = None
    for j in range(1, n + 1):
        phase = phases[min((j - 1) * n_phases // max(n, 1), n_phases - 1)]
        if rng.random() < 0.08:
            heading = rng.choice(_HEADINGS) if heading is None else None
        measures.append(_measure(rng, j, phase, heading))
    title = FOCUS_AREAS[(number - 1) % len(FOCUS_AREAS)]
    if number > len(FOCUS_AREAS):
        title += f" ({(number - 1) // len(FOCUS_AREAS) + 1})"
    return FocusArea(number=number, title=title, measures=tuple(measures))


def make_plan(n_measures: int, *, seed: int = 2025, focus_areas: int = 12) -> ActionPlan:
    """An action plan of exactly ``n_measures`` measures over ``focus_areas`` focus areas.

    The measures are spread unevenly (as in real plans) but deterministically.
    """
    rng = random.Random(seed * 1_000_003 + n_measures)
    n_fa = max(1, min(focus_areas, n_measures))
    weights = [rng.uniform(0.5, 1.5) for _ in range(n_fa)]
    total = sum(weights)
    sizes = [max(1, int(n_measures * w / total)) for w in weights]
    sizes[-1] += n_measures - sum(sizes)
    while sizes[-1] < 1:  # tiny plans: take from the largest
        big = sizes.index(max(sizes))
        sizes[big] -= 1
        sizes[-1] += 1
    areas = tuple(_focus_area(rng, i + 1, size) for i, size in enumerate(sizes))
    return ActionPlan(
        title="Handlingsplan for Helsefellesskapet Lofoten, Vesterålen og Salten 2025–2026",
        id="hf-lvs-handlingsplan-2025-2026",
        partnership=partnership(),
        owner="ssu",
        period=Period(start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 31), text="2025–2026"),
        status=PlanStatus.ADOPTED,
        adoptions=(Adoption(
            body="ssu", date=dt.date(2024, 12, 12), case_number=CaseNumber.parse("31/2024")
        ),),
        introduction=(
            Paragraph(
                text="Handlingsplanen følger opp samarbeidsavtalen og de fire "
                "prioriterte pasientgruppene i nasjonal helse- og samhandlingsplan."
            ),
        ),
        focus_areas=areas,
    )
