"""examples/khs.py against seeds 000, 001 and 002: content, counts, round trip, ids.

The seed texts live outside the repository (``../shared/seeds`` by default,
or the directory in ``KHSMODEL_SHARED`` or ``KHSMODEL_SEEDS``). Tests that read them
are skipped when they are absent (and fail in CI, see tests/support/needs.py); the tables
below still check the model by content.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import khsmodel
from khsmodel import (
    ActionPlan,
    AtEvent,
    CaseDocument,
    Collective,
    InMonth,
    InYear,
    MonthPart,
    NextMeeting,
    OnDate,
    OrganisationKind,
    PartialDate,
    Partnership,
    Precision,
    StartingFrom,
)
from tests.support.document_checker import pdf_pages
from tests.support.needs import require_shared, shared_dir, unavailable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

import khs  # noqa: E402

SEEDS = shared_dir("seeds")

BUILDERS: dict[str, Callable[[], khsmodel.Document]] = {
    "partnership": khs.partnership,
    "agreement": khs.agreement,
    "action_plan_2015": khs.action_plan_2015,
    "action_plan_2016_2017": khs.action_plan_2016_2017,
    "case_osu_2_2016": khs.case_osu_2_2016,
}

#: Every measure row of 002 in order: (focus area, start of the measure text,
#: responsibility text, timeframe text or None for an empty cell).
ROWS_002: list[tuple[int, str, str, str | None]] = [
    (1, "Prosjektbeskrivelse for diagnoseuavhengig pasientforløp", "Kommunehelsesamarbeidet",
     "K26 lager sak\nNeste møte"),
    (2, "Oversikt over lokale tiltak forankret i LSUene", "Sekretariatet", "Neste møte"),
    (2, "Rettigheter forankret i lov", "Partene", None),
    (2, "Konferanse for kommuner og helseforetak", "Vestre Viken", "April"),
    (2, "Kommunene etterspør kompetanse på tidlig intervensjon",
     "sekretariatet samarbeid med PHR/BUPA og K26", "Medio juni"),
    (2, "Representasjon i LSU", "LSU", "2016"),
    (2, "Involvere de som jobber med barn og unge i det formaliserte samarbeidet", "Kommunene",
     "2016"),
    (2, "Avtalene med helseforetaket og formaliserte møteplasser må gjøre kjent i kommunene",
     "Kommunene", "2016"),
    (2, "Involvere fastlegene", "Hver enkelt kommune", "2016"),
    (2, "Bruke praksiskonsulentene for å involvere fastlegene", "Vestre Viken", "2016"),
    (3, "Implementere pågående pasientforløp", "Vestre Viken", "Mars 2016"),
    (3, "Siste samling i læringsnettverket", "Vestre Viken", "15 mars"),
    (3, "Implementering i pilotkommuner og sykehus",
     "Prosjektledelsen i samarbeid med hver kommune og sykehus", "Starter i april"),
    (3, "Orientering i ledergruppene i hver enkelt kommune, sykehus og LSU",
     "Prosjektledelsen i samarbeid med hver kommune og sykehus",
     "Tidsplan i samarbeid med kommunene"),
    (3, "Spredning til alle kommuner og sykehus", "K26 og vestre viken og sykehus",
     "Skisse presenteres i OSU 8. februar"),
    (4, "Konferanse, hva skjer på rehabiliteringsfeltet - ansvar og oppgavefordeling.",
     "Hver enkelt kommune og klinikk", "2016"),
    (4, "Koordinerende enhet i alle kommuner og helseforetaket", "Hver enkelt part", "2016"),
    (4, "Retningslinjer for henvisning til private rehabiliteringsinstitusjoner fra sykehus",
     "Vestre Viken", "2016"),
    (4, "Helsedirektoratets rapport avklaring av ansvars- og oppgavefordeling IS 1947",
     "LSU", "2016"),
    (5, "Arrangere et dagsseminar, hva skjer innenfor temaet læring og mestring.",
     "VV ved leder LMS og K26", "2016"),
    (5, "Erfaringsdeling. Fokus på skjæringspunktet i innleggelse og utskriving",
     "VV ved leder LMS og K26", "K26 kaller inn til møte\nplanleggingsmøte"),
    (5, "Evaluering av bruk av frisklivssentralen i en eller flere kommuner.",
     "Deltakende kommune(r) og LMS", "Første møte med fylkekommunen 16. februar"),
]  # fmt: skip

#: Lines of 002 that hold two table cells (responsible, timeframe) side by side.
TWO_CELL_LINES = {
    "Vestre Viken April": ("Vestre Viken", "April"),
    "Vestre Viken 2016": ("Vestre Viken", "2016"),
    "LSU 2016": ("LSU", "2016"),
}


# ----------------------------------------------------------------- helpers


def _norm(text: str) -> str:
    return " ".join(text.split())


def _seed(prefix: str) -> str:
    files = sorted(require_shared(SEEDS).glob(f"{prefix}_*.txt"))
    if not files:
        unavailable(f"seed {prefix} not found in {SEEDS} (set KHSMODEL_SHARED or KHSMODEL_SEEDS)")
    return files[0].read_text(encoding="utf-8")


def _data(doc: khsmodel.Document) -> Any:
    return json.loads(khsmodel.dumps(doc))


def _strings(node: Any, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """Every string value in the JSON of a document, leaving out keys in ``skip``."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, skip)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from _strings(value, skip)


def _corpus(doc: khsmodel.Document, skip: frozenset[str] = frozenset()) -> str:
    return "\n".join(_norm(s) for s in _strings(_data(doc), skip))


def _seed_lines(text: str) -> Iterator[str]:
    """Non-empty lines, whitespace collapsed, bullet dashes and list numbers removed."""
    for raw in text.splitlines():
        line = _norm(raw)
        line = re.sub(r"^-\s*", "", line)
        line = re.sub(r"^\d+\.\s+", "", line)
        if line:
            yield line


def _plan_2016() -> ActionPlan:
    return khs.action_plan_2016_2017()


# ----------------------------------------------------------------- round trip, determinism


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_round_trip(name: str) -> None:
    doc = BUILDERS[name]()
    text = khsmodel.dumps(doc)
    assert khsmodel.loads(text) == doc
    assert khsmodel.dumps(BUILDERS[name]()) == text  # fresh, equal, byte-stable


# ----------------------------------------------------------------- seed 002


def test_every_measure_row_of_002_in_order() -> None:
    got = [
        (fa.number, m.text, m.responsibility.text if m.responsibility else None,
         m.timeframe.text if m.timeframe else None)
        for fa, m in _plan_2016().iter_measures()
    ]  # fmt: skip
    assert len(got) == len(ROWS_002)
    for (fa, text, resp, tf), (want_fa, want_text, want_resp, want_tf) in zip(
        got, ROWS_002, strict=True
    ):
        assert fa == want_fa, text
        assert text.startswith(want_text), (text, want_text)
        assert resp == want_resp, text
        assert tf == want_tf, text


def test_row_phrases_are_the_seed_text() -> None:
    seed = _norm(_seed("002").replace("Prosjektledels\nen", "Prosjektledelsen"))
    for _fa, text, resp, tf in ROWS_002:
        assert text in seed, text
        assert resp in seed, resp
        if tf is not None:  # a timeframe of two lines ("K26 lager sak\nNeste møte") too
            assert _norm(tf) in seed, tf


def test_every_line_of_002_has_a_home_in_the_plan() -> None:
    seed = _seed("002").replace("Prosjektledels\nen", "Prosjektledelsen")
    corpus = _corpus(_plan_2016(), skip=frozenset({"partnership"}))
    header = "Tiltak ansvarlig tidsperspektiv"
    checked = 0
    for line in _seed_lines(seed):
        if line == header:  # the table header: columns text/responsibility/timeframe
            continue
        parts = TWO_CELL_LINES.get(line, (line,))
        for part in parts:
            assert part in corpus, f"seed line {line!r} not found in the model"
        checked += 1
    assert checked > 100
    assert _norm(seed).count(header) == 5
    assert "Prosjektledels en" not in corpus and "Prosjektledelsen" in corpus


def test_every_timeframe_text_of_002_with_its_interpretation() -> None:
    measures = [m for _, m in _plan_2016().iter_measures()]
    texts = Counter(m.timeframe.text for m in measures if m.timeframe)
    assert texts == Counter(tf for *_, tf in ROWS_002 if tf is not None)
    by_text = {m.timeframe.text: m.timeframe.interpretation for m in measures if m.timeframe}
    d = dt.date
    assert by_text["Neste møte"] == NextMeeting(body="osu")
    assert by_text["K26 lager sak\nNeste møte"] == NextMeeting(body="osu")
    assert by_text["April"] == InMonth(year=2016, month=4)
    assert by_text["Medio juni"] == InMonth(year=2016, month=6, part=MonthPart.MID)
    assert by_text["2016"] == InYear(year=2016)
    assert by_text["Mars 2016"] == InMonth(year=2016, month=3)
    assert by_text["15 mars"] == OnDate(date=d(2016, 3, 15))
    assert by_text["Starter i april"] == StartingFrom(
        start=d(2016, 4, 1), precision=Precision.MONTH
    )
    sketch = by_text["Skisse presenteres i OSU 8. februar"]
    assert isinstance(sketch, AtEvent) and (sketch.body, sketch.date) == ("osu", d(2016, 2, 8))
    county = by_text["Første møte med fylkekommunen 16. februar"]
    assert isinstance(county, AtEvent) and county.date == d(2016, 2, 16)
    assert by_text["Tidsplan i samarbeid med kommunene"] is None
    assert by_text["K26 kaller inn til møte\nplanleggingsmøte"] is None


def test_plan_2016_2017_frame() -> None:
    plan = _plan_2016()
    assert plan.owner == "osu"
    assert plan.period is not None and plan.period.text == "2016-2017"
    # "2016-2017": years, kept as years (no day is invented), counting as all their days
    assert (plan.period.start, plan.period.end) == (PartialDate(year=2016), PartialDate(year=2017))
    assert (plan.period.first_day, plan.period.last_day) == (
        dt.date(2016, 1, 1), dt.date(2017, 12, 31))
    [adoption] = plan.adoptions
    assert adoption.decision is not None
    assert adoption.case_number is None  # 002 cites no case (see the example's docstring)
    decision = adoption.decision
    assert decision.text == "OSU besluttet 08.02.2016 følgende fokusområder for 2016 og 2017"
    assert decision.date == dt.date(2016, 2, 8) and decision.body == "osu"
    assert len(decision.items) == 5
    assert plan.ongoing_activities_text == (
        "I tillegg kommer pågående aktiviteter som videreføres i 2016"
    )
    assert [fa.label for fa in plan.focus_areas] == [f"Fokusområde {n}" for n in range(1, 6)]
    assert [fa.title for fa in plan.focus_areas] == [
        "Utarbeide et diagnoseuavhengig pasientforløp for pasienter med behov for koordinerte "
        "tjenester.",
        "Tiltak rettet mot barn og unge",
        "Ferdigstille, implementere og bredde de pågående pasientforløpene.",
        "Riktig bruk av rehabiliteringsressursene",
        "Lærings- og mestringstilbud",
    ]
    # the decision's list is the seed's numbered list (and differs from the headings)
    assert (
        decision.items[2] == "Ferdigstille og implementere og bredde de pågående pasientforløpene."
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_plan_2016_2017_opens_as_the_seed_does(fmt: str) -> None:
    """002 opens with the adopting decision and its list, then "I tillegg kommer …",
    then Fokusområde 1; the documents keep that order (no heading over the decision)."""
    seed = [" ".join(x.split()) for x in _seed("002").splitlines() if x.strip()]
    opening = seed[: seed.index("Fokusområde 1")]
    data = khsmodel.export(_plan_2016(), fmt)
    if fmt == "docx":
        import docx

        lines = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]
    else:
        import pypdf

        text = "\n".join(pg.extract_text() for pg in pypdf.PdfReader(io.BytesIO(data)).pages[:2])
        lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()]
    joined = " ".join(lines)
    first_area = joined.index("Fokusområde 1")
    head = joined[:first_area]
    # each opening line of the seed (numbers of the list aside) comes before the first area
    at = 0
    for line in opening:
        words = re.sub(r"^\d+\. ", "", line).rstrip(" .")
        found = head.find(words.split(" ")[0], at)
        assert found >= 0, (line, head)
        assert words in " ".join(head.split()), (line, head)
        at = found
    assert "Vedtak (" not in joined


def test_plan_2016_2017_structure_of_rows() -> None:
    fa = {f.number: f for f in _plan_2016().focus_areas}
    assert [len(fa[n].measures) for n in range(1, 6)] == [1, 9, 5, 4, 3]
    assert [m.heading for m in fa[2].measures[1:4]] == [
        "Barn som pårørende", "Barn som pårørende", "Fagdag",
    ]  # fmt: skip
    assert [(m.phase.number, m.phase.label) for m in fa[3].measures if m.phase] == [
        (1, "Fase 1"), (1, "Fase 1"), (2, "Fase 2"), (2, "Fase 2"), (2, "Fase 2"),
    ]  # fmt: skip
    assert fa[1].measures[0].details[0] == "Krav til arbeidet:"
    fagdag = fa[2].measures[3].responsibility
    assert fagdag is not None
    assert [p.body for p in fagdag.lead] == ["sekretariat"]
    assert [(p.party, p.unit, p.collective) for p in fagdag.contributors] == [
        ("vestre-viken", "phr", None), ("vestre-viken", "bupa", None),
        (None, None, Collective.MUNICIPALITIES),
    ]  # fmt: skip
    lms = fa[5].measures[0].responsibility
    assert lms is not None
    assert [(p.party, p.unit) for p in lms.lead] == [("vestre-viken", "lms"), (None, None)]
    collectives = {
        p.collective
        for _, m in _plan_2016().iter_measures()
        if m.responsibility
        for p in m.responsibility.parties
        if p.collective
    }
    assert {
        Collective.ALL_PARTIES, Collective.EACH_PARTY, Collective.MUNICIPALITIES,
        Collective.EACH_MUNICIPALITY, Collective.PARTICIPATING_MUNICIPALITIES,
    } <= collectives  # fmt: skip


# ----------------------------------------------------------------- seed 001


def test_partnership_counts_and_parties() -> None:
    p = khs.partnership()
    municipalities = [o for o in p.parties if o.kind is OrganisationKind.MUNICIPALITY]
    assert len(municipalities) == 26
    assert len({o.id for o in p.parties}) == len(p.parties)
    assert all(o.kommune_number is not None for o in municipalities)
    assert all(o.organisation_number is None for o in municipalities)
    assert all(o.valid_to == dt.date(2019, 12, 31) for o in municipalities)
    baerum = p.party("baerum")
    assert baerum is not None and baerum.name == "Bærum"
    assert baerum.kommune_number is not None and baerum.kommune_number.value == "0219"
    notes = Counter(
        (m.note or "").split(" (")[0]
        for m in p.memberships
        if m.party in {o.id for o in municipalities}
    )
    assert notes == Counter({"Vestregionens 15 kommuner": 15, "11 andre kommuner": 11})
    assert len(p.members_on(dt.date(2016, 2, 8))) == 27  # 26 municipalities + Vestre Viken
    assert p.members_on(dt.date(2018, 1, 1)) == ()
    vv = p.party("vestre-viken")
    assert vv is not None and vv.organisation_number is not None
    assert vv.organisation_number.value == "894166762"
    assert vv.parent == "helse-sor-ost" and {"VV", "Vestre Viken"} <= set(vv.aliases)
    assert {u.abbreviation for u in vv.units} == {"LMS", "BUPA", "PHR"}
    kinds = {o.id: o.kind for o in p.parties}
    assert kinds["helsedirektoratet"] is OrganisationKind.GOVERNMENT
    assert kinds["fylkeskommunen"] is OrganisationKind.COUNTY_AUTHORITY
    assert kinds["vestregionen"] is OrganisationKind.INTERMUNICIPAL_COOPERATION
    assert kinds["helse-sor-ost"] is OrganisationKind.REGIONAL_HEALTH_AUTHORITY
    assert (p.short_name, p.aliases) == ("KHS", ("KHS-26", "K26"))
    assert {b.id for b in p.bodies} >= {
        "osu",
        "samarbeidsstyret",
        "eiermotet",
        "sekretariat",
        "lsu",
    }
    assert p.decisions[0].date == dt.date(2015, 6, 11) and p.decisions[0].body == "eiermotet"
    assert p.agreements == (khs.agreement(),)


def test_partnership_text_of_001() -> None:
    seed = _seed("001")
    corpus = _corpus(khs.partnership())
    start = seed.index("Sammen om helhetlige")
    end = seed.index("Handlingsplan for 2015")
    sentences = [
        sentence
        for paragraph in re.split(r"\n\s*\n", seed[start:end])
        for sentence in re.split(r"(?<=\.) (?=[A-ZÆØÅ])", _norm(paragraph))
        if sentence
    ]
    assert len(sentences) > 10
    for sentence in sentences:
        assert sentence in corpus, sentence
    assert "15 kommuner vest for Oslo" in corpus


def test_agreement() -> None:
    a = khs.agreement()
    assert [s.topic.value for s in a.sections] == ["purpose", "organisation", "financing", "tasks"]
    assert all(s.content == () for s in a.sections)
    assert a.description[0] == khsmodel.Paragraph(
        text="Ny samarbeidsavtale er vedtatt. Den innholder formål, organisering, finansiering og "
        "oppgavene til Kommunehelsesamarbeidet."
    )
    assert len(a.parties) == 26 and a.date is None


def test_action_plan_2015_against_seed() -> None:
    plan = khs.action_plan_2015()
    assert [len(fa.measures) for fa in plan.focus_areas] == [7, 3, 1]
    seed = _seed("001")
    section = seed[seed.index("Handlingsplan for 2015") :]
    areas = re.findall(r"^Fokusområde (\d): (.+)$", section, flags=re.M)
    assert [(f"Fokusområde {n}", t.strip()) for n, t in areas] == [
        (fa.label, fa.title) for fa in plan.focus_areas
    ]
    blocks = re.split(r"^Fokusområde \d: .+$", section, flags=re.M)[1:]
    for fa, block in zip(plan.focus_areas, blocks, strict=True):
        rows = re.findall(r"^(\d+\.) (.+)$", block, flags=re.M)
        assert [(label, text.strip()) for label, text in rows] == [
            (m.label, m.text) for m in fa.measures
        ]
    lead = plan.focus_areas[0].measures[2].responsibility
    assert lead is not None and lead.text == "KHS har prosjektledelsen"
    assert lead.lead[0].collective is Collective.MUNICIPALITIES


# ----------------------------------------------------------------- seed 000


def test_case_document_frame() -> None:
    case = khs.case_osu_2_2016()
    assert case.body == "osu" and case.case_number.canonical == "2/2016"
    assert case.meeting_date == dt.date(2016, 2, 8)
    assert case.letterhead == ("VESTRE VIKEN", "KHS", "Kommunehelsesamarbeidet")
    assert case.document_type == "SAKSFRAMLEGG"
    assert [p.name for p in case.case_officers] == ["Christine Furuholmen", "Kari Engen Sørensen"]
    assert all(
        r.kind is khsmodel.RoleKind.CASE_OFFICER for p in case.case_officers for r in p.roles
    )
    assert case.proposal is not None and case.proposal.heading == "Forslag til vedtak"
    assert case.proposal.decision_kind is khsmodel.DecisionKind.NOTED
    assert [(e.date, e.date_text, e.body) for e in case.process_events] == [
        (dt.date(2016, 1, 25), "25.januar 2016", "samarbeidsstyret"),
        (dt.date(2016, 1, 26), "26. januar", None),
    ]
    ref = case.references[0]
    assert ref.text == "sak21/2015" and ref.body == "osu"
    assert ref.case_number is not None and ref.case_number.canonical == "21/2015"
    assert ref.decision is not None and len(ref.decision.items) == 5
    # the plan as attached before the meeting: the proposal, its adoption not yet made
    attached = case.attachments[0].document
    assert isinstance(attached, ActionPlan)
    assert attached.status is khsmodel.PlanStatus.PROPOSED and attached.adoptions == ()
    adopted = khs.action_plan_2016_2017()
    assert adopted.status is khsmodel.PlanStatus.ADOPTED and adopted.adoptions
    assert attached.focus_areas == adopted.focus_areas


def test_the_case_prints_its_attached_plan_as_a_proposal() -> None:
    """Seed 000 was written before OSU met on 8 February 2016: its attachment is "et omforent
    forslag", so no format says the plan was adopted ("Vedtatt i OSU …"); the plan's lead
    line is the proposed status, "Forslag"."""
    import docx

    from khsmodel import exporters

    case = khs.case_osu_2_2016()
    d = docx.Document(io.BytesIO(exporters.get("docx").export(case)))
    paragraphs = [p.text for p in d.paragraphs]
    html = exporters.get("html").export(case).decode()
    pdf = " ".join(pdf_pages(exporters.get("pdf").export(case), layout=False))
    for text in ("\n".join(paragraphs), html, pdf):
        assert "Vedtatt i OSU" not in text.replace("\xa0", " ")
        assert "OSU besluttet 08.02.2016" not in text
    assert "Forslag" in paragraphs
    assert ">Forslag</p>" in html
    # the plan on its own is the adopted one
    plan_pdf = " ".join(pdf_pages(exporters.get("pdf").export(khs.action_plan_2016_2017()),
                                  layout=False))  # fmt: skip
    assert "Vedtatt i OSU" in " ".join(plan_pdf.split()).replace("\xa0", " ")


def test_every_line_of_000_has_a_home_in_the_case() -> None:
    seed = _seed("000")
    case = khs.case_osu_2_2016()
    corpus = _corpus(case, skip=frozenset({"partnership", "document"}))
    osu = case.partnership.body("osu") if case.partnership else None
    assert osu is not None
    lines = list(_seed_lines(seed))
    header = next(line for line in lines if line.startswith("Overordnet samarbeidsutvalg "))
    assert header == "Overordnet samarbeidsutvalg Saksnr.: 2/2016 Møtedato: 8. februar 2016"
    assert osu.name == "Overordnet samarbeidsutvalg" and case.case_number.text == "2/2016"
    for line in lines:
        if line == header or set(line) <= {"-", " "}:
            continue
        line = line.removeprefix("Saksbehandler: ").replace("*", "")
        assert line in corpus, line
    process = case.section(khsmodel.SectionKind.PROCESS)
    assert process is not None
    assert process.content == (khsmodel.Paragraph(text=_norm(lines[-1])),)
    assert "*" not in corpus


def test_the_italic_words_of_000_are_its_emphasis() -> None:
    """The seed marks italics with "*…*"; the model keeps them as Paragraph.emphasis."""
    marked = [line for line in _seed_lines(_seed("000")) if "*" in line]
    assert len(marked) == 1
    words = re.findall(r"\*([^*]+)\*", marked[0])
    background = khs.case_osu_2_2016().section(khsmodel.SectionKind.BACKGROUND)
    assert background is not None
    para = background.content[0]
    assert isinstance(para, khsmodel.Paragraph)
    assert para.text == marked[0].replace("*", "")
    assert [para.text[e.start : e.end] for e in para.emphasis] == words
    assert [e.kind for e in para.emphasis] == [khsmodel.EmphasisKind.ITALIC]


# ----------------------------------------------------------------- ids


def _references(node: Any, parties: set[str], bodies: set[str]) -> Iterator[tuple[str, str, bool]]:
    """(key, id, resolves) for every party/body reference, using the nearest partnership."""
    if isinstance(node, list):
        for item in node:
            yield from _references(item, parties, bodies)
        return
    if not isinstance(node, dict):
        return
    if node.get("kind") == "partnership" or "partnership_kind" in node:
        parties = {o["id"] for o in node.get("parties", [])}
        bodies = {b["id"] for b in node.get("bodies", [])}
        for o in node.get("parties", []):
            if "parent" in o:
                yield "parent", o["parent"], o["parent"] in parties
    elif isinstance(node.get("partnership"), dict):
        inner = node["partnership"]
        parties = {o["id"] for o in inner.get("parties", [])}
        bodies = {b["id"] for b in inner.get("bodies", [])}
    for key, value in node.items():
        if key in ("party", "owner", "body") and isinstance(value, str):
            known = parties if key == "party" else bodies
            yield key, value, value in known
        else:
            yield from _references(value, parties, bodies)


@pytest.mark.parametrize(
    "name", ["partnership", "action_plan_2015", "action_plan_2016_2017", "case_osu_2_2016"]
)
def test_referenced_ids_resolve_in_the_embedded_partnership(name: str) -> None:
    doc = BUILDERS[name]()
    assert isinstance(doc, Partnership | ActionPlan | CaseDocument)
    refs = list(_references(_data(doc), set(), set()))
    unresolved = [(k, v) for k, v, ok in refs if not ok]
    assert unresolved == []
    minimum = {"partnership": 28, "action_plan_2015": 28, "action_plan_2016_2017": 50,
               "case_osu_2_2016": 80}[name]  # fmt: skip
    assert len(refs) >= minimum, len(refs)


def test_two_line_timeframes_keep_their_break_in_every_format() -> None:
    """The cell's "K26 lager sak" / "Neste møte" are two statements on two lines: each
    format prints the break (Word <w:br/>, HTML <br>, two PDF lines), the CSV keeps it,
    and the timeframe is still read as the next OSU meeting."""
    import docx
    from pypdf import PdfReader

    from khsmodel import exporters

    plan = _plan_2016()
    tfs = {m.timeframe.text: m.timeframe for _, m in plan.iter_measures() if m.timeframe}
    assert tfs["K26 lager sak\nNeste møte"].interpretation == NextMeeting(body="osu")
    wanted = ("K26 lager sak\nNeste møte", "K26 kaller inn til møte\nplanleggingsmøte")
    d = docx.Document(io.BytesIO(exporters.get("docx").export(plan)))
    cells = {c.text for t in d.tables for r in t.rows for c in r.cells}
    html = exporters.get("html").export(plan).decode()
    pdf_bytes = exporters.get("pdf").export(plan)
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes)).pages)
    pdf_lines = [" ".join(line.split()) for line in pdf.splitlines()]
    csv_text = exporters.get("csv").export(plan).decode("utf-8-sig")
    for text in wanted:
        first, second = text.split("\n")
        assert text in cells, text  # python-docx reads <w:br/> as "\n"
        assert f"{first}<br>{second}" in html, text
        assert any(line.endswith(first) for line in pdf_lines), first
        assert any(line.startswith(second) for line in pdf_lines), second
        assert f'"{text}"' in csv_text.replace("\r\n", "\n"), text


def test_a_measure_with_its_own_heading_is_named_alike_everywhere() -> None:
    """Measure 2.4 of 002 has its own heading, "Fagdag", printed over its text: the
    timeline names it "Fagdag"; the CSVs keep the text in their text column and the
    heading in a column of its own; the diff and the appendix name it heading and text."""
    import csv as csv_module

    from khsmodel import exporters
    from khsmodel.labels import NB
    from khsmodel_exporters._timeline_data import collect

    plan = _plan_2016()
    text = "Kommunene etterspør kompetanse på tidlig intervensjon"
    rows = [r for _, rs in collect(plan, NB).groups for r in rs]
    assert "Fagdag" in [r.text for r in rows] and text not in [r.text for r in rows]
    for doc in (plan, khs.status_report_2016()):
        data = exporters.get("csv").export(doc).decode("utf-8-sig")
        got = [r for r in csv_module.DictReader(io.StringIO(data)) if r["text"] == text]
        assert [r["heading"] for r in got] == ["Fagdag"], doc
    changes = khs.changes_2015_to_2016_2017()
    [added] = [p for p in changes.added if p.text == text]
    assert added.heading == "Fagdag" and added.to_data()["heading"] == "Fagdag"
    assert "2.4 Fagdag: 'Kommunene etterspør" in changes.text()
    # a heading shared by neighbours heads a group: not one measure's name
    assert all(p.heading is None for p in changes.added if p.text != text)
    html = exporters.get("html").export(plan, previous=khs.action_plan_2015()).decode()
    appendix = html[html.index("Endringer fra forrige plan"):]
    assert f"<strong>Fagdag</strong><br>{text}" in appendix
