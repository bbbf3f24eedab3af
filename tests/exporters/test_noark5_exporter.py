"""The noark5 exporter: Noark 5 v5.0 arkivstruktur XML, checked against Arkivverket's XSD.

The XSDs are read from ../shared/schemas/noark5/ (never copied into the
repository: they carry no licence of their own); without that folder the
schema tests skip and say why.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import khsmodel
from khsmodel import (
    ActionPlan,
    AgendaItem,
    ArchiveReference,
    Attachment,
    CaseDocument,
    CaseNumber,
    Decision,
    DecisionKind,
    JournalNumber,
    Meeting,
    Minutes,
    Participant,
    ParticipantRole,
    Person,
    VoteCount,
    exporters,
)
from khsmodel import strategies as ks
from khsmodel.errors import (
    ExporterOptionError,
    UnknownOptionError,
    UnsupportedKindError,
    UnwritableTextError,
)
from tests.support.needs import require_shared, shared_dir

etree = pytest.importorskip("lxml.etree")

ROOT = Path(__file__).resolve().parents[2]
XSD = shared_dir("schemas/noark5/arkivstruktur.xsd")
sys.path.insert(0, str(ROOT / "examples"))

from catalogue import EXAMPLES  # noqa: E402

N = "{http://www.arkivverket.no/standarder/noark5/arkivstruktur}"
K = "{urn:khsmodel:noark5:1}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
NS = {"n": N[1:-1], "k": K[1:-1]}
KINDS = ("case_document", "meeting")
SUPPORTED = sorted(n for n, build in EXAMPLES.items() if type(build()).KIND in KINDS)
SAMI = "Hábmer, Fuolldá, Kárášjohka, Porsáŋgu, Evenášši, Deanu gielda, Snåase, Raarvihke, Æøå"


@pytest.fixture(scope="module")
def schema() -> Any:
    require_shared(XSD)
    return etree.XMLSchema(etree.parse(str(XSD)))


def export(doc: Any, **options: Any) -> bytes:
    return khsmodel.export(doc, "noark5", **options)


def parse(data: bytes) -> Any:
    return etree.fromstring(data)


def assert_valid(schema: Any, data: bytes) -> Any:
    root = parse(data)
    if not schema.validate(root):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
        pytest.fail(f"not valid Noark 5 arkivstruktur:\n{errors}")
    return root


def texts(root: Any, xpath: str) -> list[str]:
    return [e.text for e in root.xpath(xpath, namespaces=NS)]


def case_004() -> CaseDocument:
    doc = EXAMPLES["004-partnerskapsmote-sak-07-2021-saksframlegg"]()
    assert isinstance(doc, CaseDocument)
    return doc


def meeting_with_agenda() -> Meeting:
    """The partnership meeting of 23 September 2021 with case 07-2021 decided by vote."""
    case = case_004()
    decision = Decision(
        kind=DecisionKind.ADOPTED,
        text="Partnerskapsmøtet slutter seg til handlingsplan for SSU for perioden 2021-2022.",
        date=dt.date(2021, 9, 23),
        body="partnerskapsmotet",
        case_number=case.case_number,
        heading="Vedtak",
        unanimous=False,
        votes=VoteCount(in_favour=12, against=0, abstained=1),
    )
    return Meeting(
        body="partnerskapsmotet",
        date=dt.date(2021, 9, 23),
        title="Partnerskapsmøte 2021",
        partnership=case.partnership,
        start_time=dt.time(9, 30),
        end_time=dt.time(15, 0),
        location="Hábmer / Hamarøy",
        participants=(
            Participant(person=Person(name="Ánde Sárá Niillas"), role=ParticipantRole.CHAIR),
            Participant(person=Person(name="Trude Kristin Kristensen"),
                        role=ParticipantRole.SECRETARY),
            Participant(party="hamaroy", role=ParticipantRole.MEMBER),
            Participant(person=Person(name="Fráva Máhtte"), present=False),
        ),
        agenda=(
            AgendaItem(case_number=case.case_number, title=str(case.title),
                       case_type="Politisk sak", case_document=attrs.evolve(case, partnership=None),
                       decision=decision),
            AgendaItem(case_number=CaseNumber.parse("08-2021"), title="Eventuelt"),
        ),
        minutes=Minutes(title="Protokoll", date=dt.date(2021, 9, 30), approved=dt.date(2021, 10, 5)),
        presentations=(Attachment(title="Status SSU"),),
    )  # fmt: skip


# ---------------------------------------------------------------------------- registry, CLI


def test_registered_with_suffix_and_kinds() -> None:
    assert "noark5" in exporters.available()
    exp = exporters.get("noark5")
    assert exp.suffix == ".noark5.xml"
    assert exp.media_type == "application/xml"
    assert tuple(exp.kinds) == KINDS


def test_unsupported_kind_is_refused() -> None:
    with pytest.raises(UnsupportedKindError) as kind:
        export(ActionPlan(title="Handlingsplan"))
    assert (kind.value.exporter, kind.value.kind) == ("noark5", "action_plan")


def test_unknown_and_bad_options_are_errors() -> None:
    case = case_004()
    with pytest.raises(UnknownOptionError) as unknown:
        export(case, colour="red")
    assert (unknown.value.exporter, unknown.value.key, unknown.value.value) == ("noark5", "colour", "red")
    for key, value in (("journal_number", "3288"), ("namespace", "not-a-uuid"), ("arkivskaper", "")):
        with pytest.raises(ExporterOptionError) as bad:
            export(case, **{key: value})
        assert (bad.value.exporter, bad.value.key, bad.value.value) == ("noark5", key, value)


def test_cli_export_writes_the_file(tmp_path: Path) -> None:
    from khsmodel.cli import main

    src = ROOT / "examples" / "documents" / "004-partnerskapsmote-sak-07-2021-saksframlegg.json"
    assert main(["export", str(src), "--format", "noark5", "--out-dir", str(tmp_path)]) == 0
    out = tmp_path / "004-partnerskapsmote-sak-07-2021-saksframlegg.noark5.xml"
    assert out.read_bytes() == export(khsmodel.load(src))


# ------------------------------------------------------------------------- schema validity


@pytest.mark.parametrize("name", SUPPORTED)
def test_every_supporting_example_validates(schema: Any, name: str) -> None:
    data = export(EXAMPLES[name]())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    root = assert_valid(schema, data)
    assert root.tag == f"{N}arkiv"


def test_the_seed_examples_cover_both_kinds() -> None:
    assert {type(EXAMPLES[n]()).KIND for n in SUPPORTED} == set(KINDS)


def test_meeting_with_agenda_minutes_and_presentations_validates(schema: Any) -> None:
    assert_valid(schema, export(meeting_with_agenda()))


@given(ks.documents(kinds=KINDS))
def test_generated_documents_validate(schema: Any, doc: Any) -> None:
    data = export(doc)
    root = assert_valid(schema, data)
    ids = texts(root, "//n:systemID")
    assert len(ids) == len(set(ids))
    assert export(doc) == data


@given(ks.case_documents(body="osu"), st.sampled_from(["2020/17", "2021/3288-4"]))
def test_generated_cases_without_partnership_validate(
    schema: Any, case: CaseDocument, ref: str
) -> None:
    for doc in (case, attrs.evolve(case, archive_reference=ArchiveReference.parse(ref))):
        assert_valid(schema, export(doc))


# ------------------------------------------------------------------------------- content


def test_case_004_is_a_saksmappe_with_archive_numbers(schema: Any) -> None:
    root = assert_valid(schema, export(case_004()))
    (mappe,) = root.xpath("//n:mappe", namespaces=NS)
    assert mappe.get(XSI_TYPE) == "saksmappe"
    assert texts(mappe, "n:mappeID") == ["2021/3288"]
    assert texts(mappe, "n:saksaar") == ["2021"]
    assert texts(mappe, "n:sakssekvensnummer") == ["3288"]
    assert texts(mappe, "n:saksdato") == ["2021-08-02"]
    assert texts(mappe, "n:saksansvarlig") == ["Trude Kristin Kristensen"]
    assert texts(mappe, "n:tittel") == [
        "Handlingsplan for strategisk samarbeidsutvalg (SSU) for perioden 2021-2022"
    ]
    # 21 member parties on the case date, by organisation number; Sámi-named ones included
    parts = {p.findtext(f"{N}partNavn"): p.findtext(f"{N}partID") for p in mappe.iter(f"{N}part")}
    assert len(parts) == 21
    assert parts["Hamarøy"] == "970542507"
    assert parts["Nordlandssykehuset HF"] == "983974910"
    # the archive case number is not the meeting's case number, which keeps its own place
    assert texts(root, "//k:moetesak/k:moetesaksnummer") == ["07-2021"]
    assert texts(root, "//k:moetesak/k:moetedato") == ["2021-09-23"]


def test_case_004_journalpost_and_documents(schema: Any) -> None:
    root = assert_valid(schema, export(case_004()))
    (reg,) = root.xpath("//n:registrering", namespaces=NS)
    assert reg.get(XSI_TYPE) == "journalpost"
    assert texts(reg, "n:journalposttype") == ["Saksframlegg"]
    assert texts(reg, "n:journalpostnummer") == ["1"]
    assert texts(reg, "n:journaldato") == ["2021-08-02"]
    assert texts(reg, "n:antallVedlegg") == ["1"]
    assert texts(reg, "n:korrespondansepart/n:saksbehandler") == ["Trude Kristin Kristensen"]
    assert texts(reg, "n:korrespondansepart/n:korrespondanseparttype") == ["Intern avsender"]
    assert texts(reg, "n:beskrivelse")[0].startswith("Anbefaling: Partnerskapsmøtet slutter seg")
    docs = reg.findall(f"{N}dokumentbeskrivelse")
    assert [(d.findtext(f"{N}tilknyttetRegistreringSom"), d.findtext(f"{N}dokumentnummer"),
             d.findtext(f"{N}tittel")) for d in docs] == [
        ("Hoveddokument", "1",
         "Handlingsplan for strategisk samarbeidsutvalg (SSU) for perioden 2021-2022"),
        ("Vedlegg", "2", "Forslag til handlingsplan for strategisk samarbeidsutvalg (SSU)"),
    ]  # fmt: skip


def test_journal_number_option_and_document_number(schema: Any) -> None:
    case = attrs.evolve(case_004(), archive_reference=ArchiveReference.parse("2021/3288-4"))
    root = assert_valid(schema, export(case, journal_number="2021/8687"))
    assert texts(root, "//n:journalaar") == ["2021"]
    assert texts(root, "//n:journalsekvensnummer") == ["8687"]
    assert texts(root, "//n:journalpostnummer") == ["4"]
    same = export(case, journal_number=JournalNumber(year=2021, sequence=8687))
    assert same == export(case, journal_number="2021/8687")


def test_case_000_without_archive_reference_is_a_plain_mappe(schema: Any) -> None:
    root = assert_valid(schema, export(EXAMPLES["000-osu-sak-2-2016-saksframlegg"]()))
    (mappe,) = root.xpath("//n:mappe", namespaces=NS)
    assert mappe.get(XSI_TYPE) is None
    assert texts(mappe, "n:mappeID") == ["OSU 2/2016"]
    assert not root.xpath("//n:saksaar", namespaces=NS)
    (reg,) = mappe.findall(f"{N}registrering")
    assert reg.get(XSI_TYPE) is None
    officers = ["Christine Furuholmen", "Kari Engen Sørensen"]
    assert texts(reg, "n:forfatter") == officers
    assert texts(reg, "n:korrespondansepart/n:saksbehandler") == officers
    assert texts(reg, "n:dokumentbeskrivelse/n:tittel")[1] == "Handlingsplan 2016-2017"
    assert texts(root, "//k:moetesaksnummer") == ["2/2016"]
    assert texts(root, "//n:arkivskaperNavn") == ["Kommunehelsesamarbeidet"]


def test_meeting_agenda_items_become_moeteregistreringer(schema: Any) -> None:
    root = assert_valid(schema, export(meeting_with_agenda()))
    (mappe,) = root.xpath("//n:mappe", namespaces=NS)
    assert mappe.get(XSI_TYPE) == "moetemappe"
    assert texts(mappe, "n:moetedato") == ["2021-09-23"]
    assert texts(mappe, "n:utvalg") == ["Partnerskapsmøtet"]
    assert texts(mappe, "n:moetested") == ["Hábmer / Hamarøy"]
    regs = mappe.findall(f"{N}registrering")
    assert [r.get(XSI_TYPE) for r in regs] == ["moeteregistrering"] * 4
    assert [r.findtext(f"{N}tittel") for r in regs] == [
        "07-2021 Handlingsplan for strategisk samarbeidsutvalg (SSU) for perioden 2021-2022",
        "08-2021 Eventuelt",
        "Protokoll",
        "Presentasjoner",
    ]
    assert [r.findtext(f"{N}moeteregistreringstype") for r in regs] == [
        "Saksframlegg", "Saksframlegg", "Møteprotokoll", "Møtedokument"]  # fmt: skip
    first = regs[0]
    assert first.findtext(f"{N}moetesakstype") == "Politisk sak"
    assert first.findtext(f"{N}moeteregistreringsstatus") == "Ferdig behandlet av utvalget"
    assert first.findtext(f"{N}saksbehandler") == "Trude Kristin Kristensen"
    assert texts(first, "n:merknad/n:merknadstekst") == [
        "Partnerskapsmøtet slutter seg til handlingsplan for SSU for perioden 2021-2022."
    ]
    assert texts(first, "n:merknad/n:merknadstype") == ["Vedtak"]
    assert texts(first, "n:merknad/n:merknadsdato") == ["2021-09-23T00:00:00"]
    assert texts(first, ".//k:vedtak/*") == ["false", "12", "0", "1"]
    assert texts(first, ".//k:moetesak/k:arkivsaksnummer") == ["2021/3288"]
    assert texts(first, "n:dokumentbeskrivelse/n:tilknyttetRegistreringSom") == [
        "Hoveddokument", "Vedlegg"]  # fmt: skip
    assert texts(regs[1], ".//k:moetesaksnummer") == ["08-2021"]
    assert texts(regs[2], ".//k:godkjent") == ["2021-10-05"]
    # present people with a function; the absent one is left out; a party-only participant is a part
    assert [(d.findtext(f"{N}moetedeltakerNavn"), d.findtext(f"{N}moetedeltakerFunksjon"))
            for d in mappe.findall(f"{N}moetedeltaker")] == [
        ("Ánde Sárá Niillas", "Møteleder"), ("Trude Kristin Kristensen", "Referent")]  # fmt: skip
    assert texts(mappe, "n:part/n:partNavn") == ["Hamarøy"]
    assert texts(mappe, ".//k:moete/k:starttid") == ["09:30:00"]
    # the folder closes with the last date it knows: the approval of the minutes
    assert texts(mappe, "n:avsluttetDato") == ["2021-10-05T00:00:00"]


def test_meeting_003_participants_and_presentations(schema: Any) -> None:
    root = assert_valid(schema, export(EXAMPLES["003-partnerskapsmote-2022-02-04"]()))
    (mappe,) = root.xpath("//n:mappe", namespaces=NS)
    assert texts(mappe, "n:tittel") == ["Partnerskapsmøte i helsefellesskapet"]
    assert texts(mappe, "n:moetenummer") == ["partnerskapsmote-2022-02-04"]
    assert len(mappe.findall(f"{N}part")) == 21
    speakers = texts(mappe, "n:moetedeltaker/n:moetedeltakerNavn")
    assert speakers[:2] == ["Siri Hatlen", "Gunn Cecilie Ringdal"]
    assert speakers.count("Grete Syrdal") == 1 and "Håvard Hagen Vika" in speakers
    assert set(texts(mappe, "n:moetedeltaker/n:moetedeltakerFunksjon")) == {"Innleder"}
    assert texts(mappe, "n:registrering/n:dokumentbeskrivelse/n:tittel") == [
        "Vestre Viken utviklingsplan", "Status helsefelleskapet", "Digital transformasjon",
        "Fire prioriterte grupper i helsefellesskapet"]  # the titles, not the file names
    assert texts(mappe, ".//k:deltakertekst") == ["ca. 80 deltakere"]


def test_norwegian_sami_and_markup_text_survive(schema: Any) -> None:
    title = f"{SAMI} <b>&amp;</b>\ttab\r\nCRLF  "
    case = attrs.evolve(
        case_004(), title=title,
        case_officers=(Person(name="Ánde Sárá Niillas"), Person(name="Áile Ŋŧđž Čuđe")),
        attachments=(Attachment(title="Vedlegg: Guovdageaidnu – ČĐŊŠŦŽ"),),
    )  # fmt: skip
    data = export(case)
    assert SAMI.encode("utf-8") in data  # UTF-8, not character references
    root = assert_valid(schema, data)
    assert texts(root, "//n:mappe/n:tittel") == [title]
    assert texts(root, "//n:saksansvarlig") == ["Ánde Sárá Niillas"]
    assert "Áile Ŋŧđž Čuđe" in texts(root, "//n:korrespondansepartNavn")
    assert texts(root, "//n:dokumentbeskrivelse/n:tittel")[1] == "Vedlegg: Guovdageaidnu – ČĐŊŠŦŽ"


def test_deterministic_uuid_system_ids(schema: Any) -> None:
    case = case_004()
    data = export(case)
    assert data == export(case_004())
    root = parse(data)
    ids = texts(root, "//n:systemID")
    assert len(ids) == 6 and len(set(ids)) == 6  # arkiv, arkivdel, mappe, journalpost, 2 documents
    assert all(uuid.UUID(i).version == 5 for i in ids)
    other = texts(parse(export(case, namespace=uuid.uuid4())), "//n:systemID")
    assert set(other).isdisjoint(ids)
    moved = texts(parse(export(case, arkivskaper_id="974760843")), "//n:systemID")
    assert set(moved).isdisjoint(ids)


def test_dates_come_from_the_document_never_the_clock() -> None:
    root = parse(export(case_004()))
    stamps = texts(root, "//n:opprettetDato | //n:avsluttetDato | //n:arkivertDato")
    assert set(stamps) == {"2021-08-02T00:00:00", "2021-09-23T00:00:00"}


def test_options_name_the_archive(schema: Any) -> None:
    root = assert_valid(schema, export(
        case_004(), arkivskaper="Nordlandssykehuset HF", arkivskaper_id="983974910",
        registrert_av="Sekretariatet", administrativ_enhet="Samhandlingsavdelingen",
    ))  # fmt: skip
    assert texts(root, "//n:arkivskaperNavn") == ["Nordlandssykehuset HF"]
    assert texts(root, "//n:arkivskaperID") == ["983974910"]
    assert set(texts(root, "//n:opprettetAv")) == {"Sekretariatet"}
    assert set(texts(root, "//n:administrativEnhet")) == {"Samhandlingsavdelingen"}


# ----------------------------------------------------------------------- unwritable text


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"title": "Plan\x0b2021"}, "$.title"),
        ({"attachments": (Attachment(title="Vedlegg\x00"),)},
         "$.attachments[0].title"),
        ({"case_officers": (Person(name="Trude\x1b"),)}, "$.case_officers[0].name"),
    ],
)  # fmt: skip
def test_control_characters_are_rejected_with_their_path(
    tmp_path: Path, change: dict[str, Any], path: str
) -> None:
    bad = attrs.evolve(case_004(), **change)
    target = tmp_path / "sak.noark5.xml"
    with pytest.raises(UnwritableTextError) as refused:
        khsmodel.export(bad, "noark5", target)
    assert refused.value.path == path and "Noark 5" in refused.value.reason
    assert not target.exists()
