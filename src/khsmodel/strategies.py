"""Hypothesis strategies for every public khsmodel type (public API, for tests).

Every strategy produces *valid* values: they load, dump, validate against the
JSON Schema and satisfy the meaning rules (periods in order, timeframes inside
the plan period, numbering without gaps, references that resolve inside the
embedded partnership, status consistent with progress, case numbers whose
year is the meeting year …). Text is realistic Norwegian with Sámi names and
letters (á č đ ŋ š ŧ ž, ï) and, unless ``hostile=False``, now and then a
hostile but legal string (markup, ``&``, no-break space, emoji, right-to-left
text, tabs and newlines). No strategy ever produces an XML-illegal control
character or a lone surrogate.

>>> from hypothesis import given, settings
>>> from khsmodel import dumps, loads, strategies as ks
>>> @settings(max_examples=5, deadline=None)
... @given(ks.documents(kinds=("action_plan",)))
... def test_plan_round_trip(plan):
...     assert loads(dumps(plan)) == plan
>>> test_plan_round_trip()

Strategies that refer to parties and bodies take ``partnership=`` (ids then
resolve in it); dated ones take ``within=`` (a :class:`~khsmodel.Period`).
Enumerations need no strategy of their own: ``st.sampled_from(MeasureStatus)``.
This module imports hypothesis (``pip install "khsmodel[strategies]"``; without it,
importing the module raises an :class:`ImportError` that says so); ``import khsmodel``
does not import it.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as _exc:  # an optional dependency: say which extra brings it
    raise ImportError(
        "khsmodel.strategies needs hypothesis, which is not installed; "
        'install it with: pip install "khsmodel[strategies]"',
        name=_exc.name,
    ) from _exc

from ._base import (
    SEASON_MONTHS,
    Emphasis,
    EmphasisKind,
    EventRef,
    ItemList,
    Link,
    Paragraph,
    PartialDate,
    Period,
    Resource,
    ResourceKind,
    evolve,
)
from .agreements import (
    PRIORITY_GROUP_VERSIONS,
    Agreement,
    AgreementLevel,
    AgreementSection,
    AgreementTopic,
    PriorityGroup,
    StatutoryItem,
    priority_groups_on,
    statutory_items_in_force,
)
from .cases import (
    Attachment,
    CaseDocument,
    CaseReference,
    CaseStatus,
    ProcessEvent,
    Proposal,
    ProposalKind,
    Section,
    SectionKind,
)
from .decisions import Decision, DecisionKind, VoteCount
from .documents import DOCUMENT_TYPES, Document
from .identifiers import (
    ArchiveReference,
    CaseNumber,
    JournalNumber,
    KommuneNumber,
    OrganisationNumber,
    organisation_number_check_digit,
)
from .meetings import (
    AgendaItem,
    Meeting,
    Minutes,
    Participant,
    ParticipantRole,
    ProgrammeItem,
    ProgrammeItemKind,
)
from .parties import Organisation, OrganisationKind, OtherName, Person, Role, RoleKind, Unit
from .partnerships import (
    Body,
    BodyKind,
    BodyMember,
    HistoryEntry,
    Membership,
    MembershipRole,
    Partnership,
    PartnershipKind,
)
from .plans import (
    ActionPlan,
    Adoption,
    Collective,
    FocusArea,
    Measure,
    MeasureRef,
    MeasureStatus,
    Phase,
    PlanStatus,
    ProgressEntry,
    Responsibility,
    ResponsibleParty,
)
from .status import StatusReport, report
from .timeframes import (
    MONTHS_NB,
    AtEvent,
    Between,
    ByDate,
    Frequency,
    InMonth,
    Interpretation,
    InYear,
    MonthPart,
    NextMeeting,
    OnDate,
    Ongoing,
    Precision,
    Recurring,
    StartingFrom,
    Timeframe,
)

__all__ = [
    "HOSTILE_STRINGS",
    "ILLEGAL_XML_CHARACTERS",
    "action_plans",
    "adoptions",
    "agenda_items",
    "agreement_sections",
    "agreements",
    "archive_references",
    "attachments",
    "blocks",
    "bodies",
    "body_members",
    "case_documents",
    "case_numbers",
    "case_references",
    "decisions",
    "documents",
    "emphases",
    "event_refs",
    "focus_areas",
    "history_entries",
    "ids",
    "interpretations",
    "journal_numbers",
    "kommune_numbers",
    "links",
    "measure_refs",
    "measures",
    "meetings",
    "memberships",
    "minutes",
    "organisation_numbers",
    "organisations",
    "other_names",
    "partial_dates",
    "participants",
    "partnerships",
    "periods",
    "person_names",
    "persons",
    "phases",
    "priority_groups",
    "process_events",
    "programme_items",
    "progress_entries",
    "proposals",
    "resources",
    "responsibilities",
    "responsible_parties",
    "roles",
    "sections",
    "status_reports",
    "texts",
    "timeframes",
    "units",
    "vote_counts",
]

_T = TypeVar("_T")

MIN_DATE = dt.date(2009, 1, 1)
MAX_DATE = dt.date(2030, 12, 31)

# ---------------------------------------------------------------------------
# Vocabulary (from the seeds and shared/domain/test-names.md, kept as written)
# ---------------------------------------------------------------------------

_PHRASES = (
    "Utarbeide et diagnoseuavhengig pasientforløp for pasienter med behov for koordinerte tjenester",
    "Tiltak rettet mot barn og unge",
    "Ferdigstille og implementere og bredde de pågående pasientforløpene",
    "Riktig bruk av rehabiliteringsressursene",
    "Lærings- og mestringstilbud",
    "Oversikt over lokale tiltak forankret i LSUene",
    "Barn som pårørende",
    "Konferanse for kommuner og helseforetak",
    "Kommunene etterspør kompetanse på tidlig intervensjon",
    "Representasjon i LSU",
    "Involvere fastlegene",
    "Bruke praksiskonsulentene for å involvere fastlegene",
    "Siste samling i læringsnettverket",
    "Implementering i pilotkommuner og sykehus",
    "Spredning til alle kommuner og sykehus",
    "Bruke erfaringene fra Alert og PLO meldinger",
    "Koordinerende enhet i alle kommuner og helseforetaket",
    "Retningslinjer for henvisning til private rehabiliteringsinstitusjoner fra sykehus",
    "Arrangere et dagsseminar",
    "Evaluering av bruk av frisklivssentralen i en eller flere kommuner",
    "Erfaringsdeling. Fokus på skjæringspunktet i innleggelse og utskriving",
    "Første møte med fylkekommunen",
    "Utskrivningsklare pasienter",
    "Øyeblikkelig hjelp døgnopphold i Øvre Eiker, Ål og Bærum",
    "Felles plan for spesialsykepleierkompetanse",
    "Nytt meldingsutvekslingssystem",
    "Samhandling med Guovdageaidnu og Kárášjohka om samiske pasienter",
    "Tolketjeneste på nordsamisk, lulesamisk og sørsamisk",
    "Informasjon på sørsamisk (gïele)",
    "Samling i Hábmer og Fuossko",
    "Bokstavprøve: á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž ï Ï",
    "Proessen for handlingsplanen",
)

_SAMI_PLACES = (
    "Guovdageaidnu", "Kárášjohka", "Unjárga", "Deatnu", "Porsáŋgu", "Gáivuotna", "Evenášši",
    "Loabák", "Hábmer", "Fuossko", "Fuolldá", "Suortá", "Divtasvuodna", "Snåase", "Raarvihke",
    "Aarborte", "Nåavmesjenjaelmie", "Ráisa", "Omasvuotna", "Dielddanuorri",
)  # fmt: skip

#: Northern Sámi words of the field: møte, helse (genitive), samarbeid, kommune, anbefaling.
_SAMI_WORDS = ("čoahkkin", "dearvvašvuođa", "ovttasbargu", "suohkan", "ávžžuhus")

_WORDS: tuple[str, ...] = tuple(
    sorted(
        {w.strip(".,:()") for p in _PHRASES for w in p.split() if len(w.strip(".,:()")) > 1}
        | set(_SAMI_PLACES)
        | set(_SAMI_WORDS)
    )
)

_DETAIL_LINES = (
    "Krav til arbeidet:",
    "Synliggjøre hva som skiller dette fra andre pasientforløp",
    "- Rettigheter forankret i lov",
    "-Oppsummere høringssvar",
    "- dokumentasjon",
    "Rapportere til OSU, men med egen styringsgruppe",
    "Oppfølging av lovverket er partenes eget ansvar.",
    "OSU vil bli holdt informert",
)

#: Hostile but legal strings (shared/domain/test-names.md): exporters must print them as typed.
HOSTILE_STRINGS: tuple[str, ...] = (
    "<b>fet</b>",
    '<img src="/etc/passwd">',
    "</w:t>",
    "]]>",
    "AT&T",
    "&amp;",
    "&#x41;",
    "R&D-midler",
    "100\u00a0%",
    "helse\u00adfelles\u00adskap",
    "null\u200bbredde",
    "مستشفى",
    "בית חולים",
    "Møte med مستشفى, sak 07-2021",
    "\u202eomvendt",
    "🏥",
    "👩\u200d⚕️",
    "e\u0301",
    "Ka\u0301ra\u0301s\u030cjohka",
    "spesialsykepleierkompetanse",
    "meldingsutvekslingssystem",
    "kolonne\tkolonne",
    "linje 1\nlinje 2",
    "linje 1\r\nlinje 2",
    "Prosjektledels\nen",
    "%s %d {0} ${x}",
    "C:\\sti\\fil",
    "\"sitat\" og 'apostrof'",
    "*stjerne* _under_ # overskrift",
    "spesialsykepleierkompetanse" * 8,
)

#: Characters that XML 1.0 (and so Word and every exporter) cannot carry; never generated.
ILLEGAL_XML_CHARACTERS: frozenset[str] = frozenset(
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]
)

_FREE_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co"), exclude_characters="\ufeff"
    ),
    min_size=1,
    max_size=12,
)

_FIRST_NAMES = (
    "Kari", "Trude Kristin", "Anne-Hilde", "Siri", "Ole", "Åse", "Ørjan", "Bjørn", "Ragnhild",
    "Ingrid", "Máret", "Ánde", "Biret", "Niillas", "Sunná", "Ánne", "Áslat", "Iŋgá", "Mihkkal",
    "Jon Ivar",
)  # fmt: skip
_LAST_NAMES = (
    "Engen Sørensen", "Kristensen", "Crowo", "Hatlen", "Hætta", "Gaup", "Sara", "Eira", "Skum",
    "Bøe", "Østbø", "Aasheim", "Løvås", "Nilsen", "Johansen",
)  # fmt: skip
_SEED_NAMES = ("Kari Engen Sørensen", "Trude Kristin Kristensen", "Anne-Hilde Crowo", "Siri Hatlen")

_ROLE_TITLES: tuple[tuple[str, RoleKind | None], ...] = (
    ("styreleder", RoleKind.CHAIR),
    ("leder", RoleKind.CHAIR),
    ("nestleder", RoleKind.DEPUTY_CHAIR),
    ("medlem", RoleKind.MEMBER),
    ("sekretær", RoleKind.SECRETARY),
    ("saksbehandler", RoleKind.CASE_OFFICER),
    ("administrerende direktør", RoleKind.CHIEF_EXECUTIVE),
    ("kommunedirektør", RoleKind.CHIEF_EXECUTIVE),
    ("klinikkdirektør", RoleKind.DIRECTOR),
    ("samhandlingsdirektør", RoleKind.DIRECTOR),
    ("kommunalsjef helse og omsorg", RoleKind.MANAGER),
    ("leder LMS", RoleKind.MANAGER),
    ("ordfører", RoleKind.MAYOR),
    ("brukerrepresentant", RoleKind.USER_REPRESENTATIVE),
    ("fastlege", RoleKind.GP_REPRESENTATIVE),
    ("praksiskonsulent", RoleKind.PRACTICE_CONSULTANT),
    ("hovedtillitsvalgt", RoleKind.EMPLOYEE_REPRESENTATIVE),
    ("kommuneoverlege", RoleKind.OTHER),
    ("seniorrådgiver", None),
)

_URLS = (
    "https://www.vestreviken.no/samhandling",
    "https://www.nordlandssykehuset.no/helsefellesskapet",
    "https://www.helse-nord.no/",
    "https://www.regjeringen.no/no/dokumenter/avtale/id2674553/",
    "https://example.no/sak?id=07-2021&format=pdf",
    "https://example.no/Kárášjohka/møte",
)

#: Timeframe texts without an interpretation: no time ("Etter behov"), or not read.
_UNRESOLVED_TIMEFRAMES = (
    "Tidsplan i samarbeid med kommunene",
    "Etter behov",
    "Så snart som råd",
    "K26 kaller inn til møte",
    "Ikke aktuelt",
    "Når finansieringen er avklart",
    "LSU 2016",
)

_COLLECTIVE_TEXT = {
    Collective.ALL_PARTIES: "Partene",
    Collective.EACH_PARTY: "Hver enkelt part",
    Collective.MUNICIPALITIES: "Kommunene",
    Collective.EACH_MUNICIPALITY: "Hver enkelt kommune",
    Collective.PARTICIPATING_MUNICIPALITIES: "Deltakende kommune(r)",
    Collective.HOSPITALS: "sykehus",
}

# ---------------------------------------------------------------------------
# Parties catalogue (parties.csv, test-names.md); numbers generated where not known
# ---------------------------------------------------------------------------


@attrs.frozen
class _PartySeed:
    key: str
    kind: OrganisationKind
    name: str
    short_name: str | None = None
    kommune_number: str | None = None
    organisation_number: str | None = None
    other_name: tuple[str, str] | None = None
    aliases: tuple[str, ...] = ()
    units: tuple[tuple[str, str, str | None], ...] = ()


_K = OrganisationKind
_HF_UNITS = (
    ("lms", "Lærings- og mestringssenteret", "LMS"),
    ("bupa", "Barne- og ungdomspsykiatrisk avdeling", "BUPA"),
    ("phr", "Klinikk for psykisk helse og rus", "PHR"),
)
_KOMMUNE_UNITS = (
    ("ke", "Koordinerende enhet", "KE"),
    ("frisklivssentralen", "Frisklivssentralen", None),
)

_MUNICIPALITIES = (
    _PartySeed("baerum", _K.MUNICIPALITY, "Bærum kommune", "Bærum", "3024", "935478715"),
    _PartySeed("asker", _K.MUNICIPALITY, "Asker kommune", "Asker", "3025", "920125298"),
    _PartySeed("drammen", _K.MUNICIPALITY, "Drammen kommune", "Drammen", "3005", "921234554"),
    _PartySeed("ovre-eiker", _K.MUNICIPALITY, "Øvre Eiker kommune", "Øvre Eiker", "3048", "954597482"),
    _PartySeed("al", _K.MUNICIPALITY, "Ål kommune", "Ål", "3043", "864952992"),
    _PartySeed("krodsherad", _K.MUNICIPALITY, "Krødsherad kommune", "Krødsherad", "3046", "964962855"),
    _PartySeed("bodo", _K.MUNICIPALITY, "Bodø kommune", "Bodø", "1804", "972418013"),
    _PartySeed("fauske", _K.MUNICIPALITY, "Fauske kommune", "Fauske", "1841", "972418021",
               ("Fuosko suohkan", "smj")),
    _PartySeed("sorfold", _K.MUNICIPALITY, "Sørfold kommune", "Sørfold", "1845", "972417750",
               ("Fuolldá", "smj")),
    _PartySeed("hamaroy", _K.MUNICIPALITY, "Hamarøy kommune", "Hamarøy", "1875", "970542507",
               ("Hábmera suohkan", "smj")),
    _PartySeed("sortland", _K.MUNICIPALITY, "Sortland kommune", "Sortland", "1870", "847737492",
               ("Suortá", "se")),
    _PartySeed("kautokeino", _K.MUNICIPALITY, "Guovdageainnu suohkan – Kautokeino kommune",
               "Kautokeino", "5612", None, ("Guovdageaidnu", "se")),
    _PartySeed("karasjok", _K.MUNICIPALITY, "Kárášjoga suohkan – Karasjok kommune", "Karasjok",
               "5610", None, ("Kárášjohka", "se")),
    _PartySeed("porsanger", _K.MUNICIPALITY, "Porsanger kommune", "Porsanger", "5622", None,
               ("Porsáŋgu", "se")),
    _PartySeed("kafjord", _K.MUNICIPALITY, "Kåfjord kommune", "Kåfjord", "5540", None,
               ("Gáivuona suohkan", "se")),
    _PartySeed("snasa", _K.MUNICIPALITY, "Snåase tjïelte – Snåsa kommune", "Snåsa", "5041", None,
               ("Snåase", "sma")),
    _PartySeed("namsos", _K.MUNICIPALITY, "Namsos kommune", "Namsos", "5007", None,
               ("Nåavmesjenjaelmie", "sma")),
    _PartySeed("tjeldsund", _K.MUNICIPALITY, "Tjeldsund kommune", "Tjeldsund", "5512", None,
               ("Dielddanuorri", "se")),
)  # fmt: skip

_HOSPITAL_TRUSTS = (
    _PartySeed("vestre-viken", _K.HOSPITAL_TRUST, "Vestre Viken HF", "Vestre Viken",
               organisation_number="894166762", aliases=("VV",), units=_HF_UNITS),
    _PartySeed("nordlandssykehuset", _K.HOSPITAL_TRUST, "Nordlandssykehuset HF", "NLSH",
               organisation_number="983974910", units=_HF_UNITS),
    _PartySeed("unn", _K.HOSPITAL_TRUST, "Universitetssykehuset Nord-Norge HF", "UNN",
               units=_HF_UNITS),
    _PartySeed("finnmarkssykehuset", _K.HOSPITAL_TRUST, "Finnmarkssykehuset HF",
               "Finnmarkssykehuset", units=_HF_UNITS),
)  # fmt: skip

_OTHER_PARTIES = (
    _PartySeed("helse-sor-ost", _K.REGIONAL_HEALTH_AUTHORITY, "Helse Sør-Øst RHF",
               organisation_number="991324968"),
    _PartySeed("helse-nord", _K.REGIONAL_HEALTH_AUTHORITY, "Helse Nord RHF",
               organisation_number="883658752"),
    _PartySeed("ks", _K.OTHER, "KS (Kommunesektorens organisasjon)", "KS",
               organisation_number="971032146"),
    _PartySeed("nordland-fylkeskommune", _K.COUNTY_AUTHORITY, "Nordland fylkeskommune"),
    _PartySeed("k26", _K.INTERMUNICIPAL_COOPERATION, "Kommunehelsesamarbeidet", "K26",
               aliases=("KHS",)),
    _PartySeed("brukerutvalget", _K.USER_COUNCIL, "Brukerutvalget i Vestre Viken"),
    _PartySeed("fastlegene", _K.GP_REPRESENTATION, "Fastlegene (praksiskonsulentordningen)",
               "Fastlegene"),
    _PartySeed("statsforvalteren", _K.GOVERNMENT, "Statsforvalteren i Nordland"),
    _PartySeed("sametinget", _K.OTHER, "Sámediggi – Sametinget", "Sámediggi"),
)  # fmt: skip


@attrs.frozen
class _BodySeed:
    key: str
    kind: BodyKind
    name: str
    abbreviation: str | None = None
    level: int | None = None


_BODIES = (
    _BodySeed("osu", BodyKind.OVERARCHING_COMMITTEE, "Overordnet samarbeidsutvalg", "OSU", 2),
    _BodySeed("oso", BodyKind.OVERARCHING_COMMITTEE, "Overordnet samarbeidsorgan", "OSO", 2),
    _BodySeed("partnerskapsmotet", BodyKind.PARTNERSHIP_MEETING, "Partnerskapsmøtet", None, 1),
    _BodySeed("ssu", BodyKind.STRATEGIC_COMMITTEE, "Strategisk samarbeidsutvalg", "SSU", 2),
    _BodySeed("fsu-barn", BodyKind.PROFESSIONAL_COMMITTEE, "Faglig samarbeidsutvalg barn og unge",
              "FSU barn og unge", 3),
    _BodySeed("ksu-phr", BodyKind.CLINICAL_COMMITTEE,
              "Klinisk samarbeidsutvalg psykisk helse og rus", "KSU", 3),
    _BodySeed("lsu-drammen", BodyKind.LOCAL_COMMITTEE, "Lokalt samarbeidsutvalg Drammen",
              "LSU Drammen", 3),
    _BodySeed("samarbeidsstyret", BodyKind.COOPERATION_BOARD, "Samarbeidsstyret"),
    _BodySeed("eiermotet", BodyKind.OWNERS_MEETING, "Eiermøtet"),
    _BodySeed("brukerutvalg", BodyKind.USER_COUNCIL, "Brukerutvalget"),
    _BodySeed("sekretariat", BodyKind.SECRETARIAT, "Samhandlingssekretariatet", "Sekretariatet"),
    _BodySeed("ag-habmer", BodyKind.WORKING_GROUP, "Arbeidsgruppe for samisk helse i Hábmer"),
)  # fmt: skip

# ---------------------------------------------------------------------------
# Context and draw helpers
#
# Internal code draws through a few cached primitive strategies (integers,
# booleans) instead of building ``st.none() | ...`` or ``st.lists(...)``
# objects per value: hypothesis validates every new strategy object, and that
# cost dominated. Public strategies are thin ``st.composite`` wrappers.
# ---------------------------------------------------------------------------


def _unwrapped(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T]:
    """The strategy behind hypothesis' lazy wrapper: drawing it skips an unwrap per draw
    (about a quarter of the generation time here). The attribute is hypothesis-internal;
    without it the wrapper itself is used, which is only slower."""
    return getattr(strategy, "wrapped_strategy", strategy)


_BOOLEANS = _unwrapped(st.booleans())


@attrs.frozen
class _Ctx:
    """What a value may refer to: the partnership's parties and bodies; a date window."""

    hostile: bool = True
    parties: tuple[Organisation, ...] = ()
    bodies: tuple[Body, ...] = ()
    lo: dt.date = MIN_DATE
    hi: dt.date = MAX_DATE
    #: The most votes a decision may count (a meeting's exact participant count).
    max_votes: int | None = None

    @property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parties)

    @property
    def body_ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.bodies)

    def within(self, lo: dt.date | None, hi: dt.date | None) -> _Ctx:
        return attrs.evolve(self, lo=lo or self.lo, hi=hi or self.hi)


def _ctx(
    hostile: bool, partnership: Partnership | None = None, within: Period | None = None
) -> _Ctx:
    ctx = _Ctx(hostile=hostile)
    if partnership is not None:
        ctx = attrs.evolve(ctx, parties=partnership.parties, bodies=partnership.bodies)
    if within is not None:
        ctx = ctx.within(within.first_day, within.last_day)
    return ctx


@functools.lru_cache(maxsize=8192)
def _integers(lo: int, hi: int) -> st.SearchStrategy[int]:
    return _unwrapped(st.integers(lo, hi))


def _int(draw: st.DrawFn, lo: int, hi: int) -> int:
    return lo if hi <= lo else draw(_integers(lo, hi))


def _bool(draw: st.DrawFn) -> bool:
    return draw(_BOOLEANS)


def _one_in(draw: st.DrawFn, n: int) -> bool:
    """True about once in ``n`` draws (False is the simpler, shrunk value)."""
    return _int(draw, 1, n) == n


#: Tags a top-level document can carry; most documents are Bokmål, the default.
_LANGUAGE_TAGS = ("nn", "se", "smj", "sma", "en", "nb-NO", "nn-NO", "se-NO", "en-GB")


def _language(draw: st.DrawFn) -> str:
    return _pick(draw, _LANGUAGE_TAGS) if _one_in(draw, 4) else "nb"


def _pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items`` (shrinks towards the first)."""
    return items[_int(draw, 0, len(items) - 1)]


def _maybe(draw: st.DrawFn, make: Callable[[], _T]) -> _T | None:
    """``make()`` or None (shrinks to None)."""
    return make() if _bool(draw) else None


def _maybe_pick(draw: st.DrawFn, items: Sequence[_T]) -> _T | None:
    """None or one of ``items``, in one draw (0 is None, the shrunk value)."""
    k = _int(draw, 0, len(items))
    return items[k - 1] if k else None


def _date(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=_int(draw, 0, (hi - lo).days))


def _maybe_date(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date | None:
    """None or a day in [lo, hi], in one draw."""
    k = _int(draw, 0, max(0, (hi - lo).days) + 1)
    return lo + dt.timedelta(days=k - 1) if k else None


def _covering(draw: st.DrawFn, day: dt.date) -> PartialDate:
    """The year, the month or a season of ``day`` (one that covers it)."""
    seasons = [s for s, (a, b) in SEASON_MONTHS.items() if a <= day.month <= b]
    k = _int(draw, 0, 1 + len(seasons))
    if k == 0:
        return PartialDate(year=day.year)
    if k == 1:
        return PartialDate(year=day.year, month=day.month)
    return PartialDate(year=day.year, season=seasons[k - 2])


def _coarse(draw: st.DrawFn, day: dt.date | None) -> dt.date | PartialDate | None:
    """Now and then the year, month or season of ``day`` only, as sources write "i 2009",
    "fra mars 2016", "våren 2022" (it covers ``day``: bounds drawn around dates stay in
    order)."""
    if day is None or not _one_in(draw, 5):
        return day
    return _covering(draw, day)


@st.composite
def partial_dates(
    draw: st.DrawFn, *, min_date: dt.date = MIN_DATE, max_date: dt.date = MAX_DATE
) -> PartialDate:
    """A date known only to the year, month or season ("2009", "mars 2016", "våren 2022")
    that covers a day within the bounds."""
    return _covering(draw, _date(draw, min_date, max_date))


def _some(draw: st.DrawFn, items: Sequence[_T], max_n: int, min_n: int = 0) -> tuple[_T, ...]:
    """Between ``min_n`` and ``max_n`` distinct items of ``items``, in their order."""
    n = _int(draw, min(min_n, len(items)), min(max_n, len(items)))
    chosen: set[int] = set()
    for _ in range(n):
        k = _int(draw, 0, len(items) - 1)
        while k in chosen:  # next free index, wrapping
            k = (k + 1) % len(items)
        chosen.add(k)
    return tuple(items[k] for k in sorted(chosen))


def _sorted_dates(draw: st.DrawFn, n: int, lo: dt.date, hi: dt.date) -> list[dt.date]:
    """``n`` distinct dates in order (fewer when the window is too short)."""
    span = (hi - lo).days + 1
    chosen: set[int] = set()
    for _ in range(min(n, max(span, 0))):
        offset = _int(draw, 0, span - 1)
        while offset in chosen:  # next free day, wrapping: always terminates
            offset = (offset + 1) % span
        chosen.add(offset)
    return [lo + dt.timedelta(days=o) for o in sorted(chosen)]


def _repeat(draw: st.DrawFn, make: Callable[[], _T], max_n: int, min_n: int = 0) -> tuple[_T, ...]:
    return tuple(make() for _ in range(_int(draw, min_n, max_n)))


def _norm(text: str) -> str:
    """Comparison key for "the same text": NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "đ": "d", "ŋ": "n", "ŧ": "t"})


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    ascii_only = "".join(c for c in folded if c.isascii())
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_only).split()) or "x"


def _date_nb(day: dt.date, *, year: bool = True) -> str:
    """A date as Norwegian documents print it: "8. februar 2016"."""
    text = f"{day.day}. {MONTHS_NB[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------

_PHRASE_WORDS = tuple(tuple(p.split(" ")) for p in _PHRASES)


def _hostile_fragment(draw: st.DrawFn) -> str:
    return _pick(draw, HOSTILE_STRINGS) if _bool(draw) else draw(_FREE_TEXT)


@functools.cache
def _text_sizes(max_words: int) -> tuple[int, ...]:
    """How many texts there are of each shape: phrases, then 1, 2, … ``max_words`` words."""
    phrases = len(_PHRASES) if max_words >= 4 else 0
    return (phrases, *(len(_WORDS) ** n for n in range(1, max_words + 1)))


def _text(draw: st.DrawFn, hostile: bool, max_words: int = 8) -> str:
    """A phrase of the seeds or 1..max_words words, chosen by one integer draw (fast); with
    ``hostile``, one text in eight gets a hostile fragment at a drawn position."""
    text = _text_or_none(draw, hostile, max_words, optional=False)
    assert text is not None
    return text


def _text_or_none(draw: st.DrawFn, hostile: bool, max_words: int, *, optional: bool) -> str | None:
    """:func:`_text`, or (when ``optional``) None, all in one integer draw; 0 is None."""
    sizes = _text_sizes(max(1, max_words))
    k = _int(draw, 0, sum(sizes) * (8 if hostile else 1) - (0 if optional else 1))
    if optional:
        if k == 0:
            return None
        k -= 1
    with_fragment = hostile and k % 8 == 7
    code = k // 8 if hostile else k
    if code < sizes[0]:
        words = list(_PHRASE_WORDS[code])
    else:
        code -= sizes[0]
        n = 1
        while code >= sizes[n]:
            code -= sizes[n]
            n += 1
        words = []
        for _ in range(n):  # the digits of code in base len(_WORDS)
            code, w = divmod(code, len(_WORDS))
            words.append(_WORDS[w])
        words[0] = _cap(words[0])
    if with_fragment:
        words.insert(_int(draw, 0, len(words)), _hostile_fragment(draw))
    return " ".join(words)


def _maybe_text(draw: st.DrawFn, hostile: bool, max_words: int = 8) -> str | None:
    """None or a text. (Most values are texts; None is the shrunk value.)"""
    return _text_or_none(draw, hostile, max_words, optional=True)


def _distinct_texts(draw: st.DrawFn, hostile: bool, n: int, max_words: int = 10) -> list[str]:
    """``n`` texts that differ after normalisation (NFC, case, whitespace)."""
    out: list[str] = []
    seen: set[str] = set()
    for i in range(n):
        text = _text(draw, hostile, max_words)
        if _norm(text) in seen:
            text = f"{text} ({i + 1})"
        seen.add(_norm(text))
        out.append(text)
    return out


@st.composite
def texts(draw: st.DrawFn, *, hostile: bool = True, max_words: int = 8) -> str:
    """A non-blank Norwegian text: a phrase from the seeds or words (Sámi names included).

    With ``hostile=True`` about one text in eight also carries a hostile but
    legal fragment (markup, ``&``, NBSP, emoji, RTL, tab, newline, arbitrary
    printable Unicode). Never XML-illegal controls, never lone surrogates.
    """
    return _text(draw, hostile, max_words)


_PERSON_NAMES = _SEED_NAMES + tuple(f"{f} {last}" for f in _FIRST_NAMES for last in _LAST_NAMES)


def _person_name(draw: st.DrawFn) -> str:
    return _pick(draw, _PERSON_NAMES)


@st.composite
def person_names(draw: st.DrawFn) -> str:
    """Person names: the seeds' names and Norwegian/Sámi first and last names."""
    return _person_name(draw)


@st.composite
def ids(draw: st.DrawFn, prefix: str = "") -> str:
    """Identifier slugs like ``plan-guovdageaidnu-3`` (ASCII, lower case, hyphens)."""
    n = _int(draw, 0, 99)
    return f"{prefix}{_slug(_pick(draw, _WORDS))}{'-' + str(n) if n else ''}"


# ---------------------------------------------------------------------------
# Identifiers
# ---------------------------------------------------------------------------


def _orgnr(draw: st.DrawFn) -> OrganisationNumber:
    first = _pick(draw, "98") if _bool(draw) else str(_int(draw, 0, 9))
    eight = first + f"{_int(draw, 0, 9_999_999):07d}"
    check = organisation_number_check_digit(eight)
    if check is None:  # no valid number has these eight digits: change the eighth
        eight = eight[:7] + str((int(eight[7]) + 1) % 10)
        check = organisation_number_check_digit(eight)
        assert check is not None  # changing digit 8 by one moves the remainder by 2
    return OrganisationNumber(eight + str(check))


@st.composite
def organisation_numbers(draw: st.DrawFn) -> OrganisationNumber:
    """Valid organisation numbers (mod-11); most start with 8 or 9 as numbers in use do."""
    return _orgnr(draw)


_COUNTIES = ("03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55",
             "56", "01", "02", "04", "05", "06", "07", "08", "09", "10", "12", "14", "16", "17",
             "19", "20", "30", "38", "54")  # fmt: skip


@st.composite
def kommune_numbers(draw: st.DrawFn) -> KommuneNumber:
    """Kommunenummer: real ones ("3024", "1875", "5612") and county + two digits ("0219")."""
    if _bool(draw):
        return KommuneNumber(_pick(draw, _MUNICIPALITIES).kommune_number or "0219")
    return KommuneNumber(f"{_pick(draw, _COUNTIES)}{_int(draw, 1, 99):02d}")


#: Prefixes of case numbers as agendas write them (shared/domain/field-phrases.md §3),
#: with the North Sámi "Ášši" (case) for the letters; "" is a bare number.
_CASE_PREFIXES = (
    "", "sak", "sak ", "Sak ", "PS ", "RS ", "OS-sak ", "SR-sak ", "OSO sak ", "K. sak ",
    "Styresak nr: ", "sak KS-", "Sak HS ", "sak PS ", "Saksnr.: ", "Partnerskapsmøte sak ",
    "Ášši ",
)  # fmt: skip


def _case_number(draw: st.DrawFn, year: int, seq: int) -> CaseNumber:
    yy = year % 100
    prefix = _pick(draw, _CASE_PREFIXES)
    number = _pick(draw, (
        f"{seq}/{year}", f"{seq:02d}-{year}", f"{seq:03d}-{year}", f"{seq:03d}/{yy:02d}",
        f"{seq}-{yy:02d}", f"{seq:02d}/{yy:02d}",
        # year first ("Sak 2014/15") is read so only after a prefix
        *([f"{year}/{seq:02d}", f"{year}/{seq}"] if prefix and seq < 1000 else []),
    ))  # fmt: skip
    return CaseNumber(text=prefix + number, sequence=seq, year=year)


@st.composite
def case_numbers(
    draw: st.DrawFn,
    *,
    year: int | None = None,
    sequence: int | None = None,
    max_sequence: int = 120,
) -> CaseNumber:
    """Meeting case numbers as written, with a prefix or bare: "2/2016", "07-2021",
    "OSO sak 004-2021", "sak21/2015", "PS 021/15", "Sak 02-14", "OS-sak 5/2023", and
    year first after a prefix ("Sak 2014/15"). Two-digit years are of ``year``'s
    century window: ``CaseNumber.parse(text, reference_year=year)`` reads them back."""
    year = year if year is not None else _int(draw, MIN_DATE.year, MAX_DATE.year)
    seq = sequence if sequence is not None else _int(draw, 1, max_sequence)
    return _case_number(draw, year, seq)


def _archive_reference(draw: st.DrawFn, max_year: int) -> ArchiveReference:
    year = _int(draw, MIN_DATE.year, max_year)
    seq = _int(draw, 1, 99999)
    doc = _maybe(draw, lambda: _int(draw, 1, 40))
    year_text = f"{year % 100:02d}" if _one_in(draw, 4) else str(year)
    text = f"{year_text}/{seq}" + (f"-{doc}" if doc is not None else "")
    return ArchiveReference(text=text, year=year, sequence=seq, document_number=doc)


@st.composite
def archive_references(draw: st.DrawFn, *, max_year: int = MAX_DATE.year) -> ArchiveReference:
    """Archive references: "2021/3288", "2021/3288-4", "09/810" (two-digit year)."""
    return _archive_reference(draw, max_year)


@st.composite
def journal_numbers(draw: st.DrawFn) -> JournalNumber:
    """Journal numbers (journalår + sekvensnummer)."""
    return JournalNumber(
        year=_int(draw, MIN_DATE.year, MAX_DATE.year), sequence=_int(draw, 1, 99999)
    )


# ---------------------------------------------------------------------------
# Blocks, periods, links, resources
# ---------------------------------------------------------------------------


def _emphasis(draw: st.DrawFn, text: str) -> tuple[Emphasis, ...]:
    """Up to two emphasised, ordered, non-overlapping ranges of ``text`` (often none)."""
    n = _int(draw, 0, 3)
    if n < 2 or len(text) < 2:  # half of the paragraphs have none
        return ()
    cuts = sorted({_int(draw, 0, len(text)) for _ in range(2 * (n - 1))} | {0, len(text)})
    pairs = list(zip(cuts[1::2], cuts[2::2], strict=False))
    kinds = tuple(EmphasisKind)
    return tuple(
        Emphasis(start=a, end=b, kind=kinds[_int(draw, 0, len(kinds) - 1)])
        for a, b in pairs
        if a < b
    )


def _block(draw: st.DrawFn, hostile: bool) -> Paragraph | ItemList:
    if _bool(draw):
        text = _text(draw, hostile, 14)
        return Paragraph(text=text, emphasis=_emphasis(draw, text))
    items = _repeat(draw, lambda: _text(draw, hostile), 4, 1)
    if _bool(draw):
        return ItemList(items=items, ordered=True, start=_int(draw, 1, 5))
    return ItemList(items=items)


def _blocks(draw: st.DrawFn, ctx: _Ctx, max_n: int = 2) -> tuple[Paragraph | ItemList, ...]:
    return _repeat(draw, lambda: _block(draw, ctx.hostile), max_n)


@st.composite
def emphases(draw: st.DrawFn, *, length: int = 40) -> Emphasis:
    """An italic or bold range within a text of ``length`` (at least 1) characters."""
    start = _int(draw, 0, length - 1)
    end = _int(draw, start + 1, length)
    kind = tuple(EmphasisKind)[_int(draw, 0, len(EmphasisKind) - 1)]
    return Emphasis(start=start, end=end, kind=kind)


@st.composite
def blocks(draw: st.DrawFn, *, hostile: bool = True) -> Paragraph | ItemList:
    """A paragraph or a (bulleted or numbered) list."""
    return _block(draw, hostile)


def _event_ref(
    draw: st.DrawFn, bodies: Sequence[str], lo: dt.date, hi: dt.date, dated: bool | None
) -> EventRef:
    day = _date(draw, lo, hi) if (dated or (dated is None and _bool(draw))) else None
    year = (day or lo).year
    name = _pick(draw, (f"partnerskapsmøtet {year}", f"eiermøtet {year}", f"OSU-møtet {year}",
                        f"Fagdag i Guovdageaidnu {year}", "regional rehabiliteringskonferanse"))  # fmt: skip
    return EventRef(name=name, body=_maybe_pick(draw, bodies), date=day)


@st.composite
def event_refs(
    draw: st.DrawFn,
    *,
    bodies: Sequence[str] = (),
    min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE,
    dated: bool | None = None,
) -> EventRef:
    """A named event ("partnerskapsmøtet 2022"), optionally of a body (id) and dated."""
    return _event_ref(draw, bodies, min_date, max_date, dated)


def _period_text(start: dt.date | None, end: dt.date | None, event: EventRef | None) -> str:
    if event is not None:
        return f"{_date_nb(start) if start else 'Fra nå'} til og med {event.name}"
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}-{end.year}" if start.year != end.year else str(start.year)
    return f"{_date_nb(start) if start else ''} – {_date_nb(end) if end else ''}".strip()


def _period(
    draw: st.DrawFn, *, bounded: bool, lo: dt.date, hi: dt.date, bodies: Sequence[str],
    min_days: int = 0, max_days: int = 3 * 366,
) -> Period:  # fmt: skip
    max_days = max(max_days, min_days)
    latest_start = max(lo, hi - dt.timedelta(days=min_days))
    start = _date(draw, lo, latest_start) if bounded or _bool(draw) else None
    end: dt.date | None = None
    if bounded or _bool(draw):
        base = start or lo
        end_lo = min(hi, base + dt.timedelta(days=min_days))
        end_hi = max(end_lo, min(hi, base + dt.timedelta(days=max_days)))
        if start is not None and dt.date(start.year, 1, 1) >= lo and _bool(draw):
            # calendar years, the common case for plans ("2016-2017")
            jan1 = dt.date(start.year, 1, 1)
            first_end = jan1 + dt.timedelta(days=min_days)
            last_end = min(hi, jan1 + dt.timedelta(days=max_days))
            years = [y for y in range(start.year, last_end.year + 1)
                     if first_end <= dt.date(y, 12, 31) <= last_end]  # fmt: skip
            if years:
                start, end = jan1, dt.date(_pick(draw, years), 12, 31)
        if end is None:
            end = _date(draw, end_lo, end_hi)
    event = None
    if end is not None and _one_in(draw, 4):
        event = _event_ref(draw, bodies, end, end, dated=True)
        if _bool(draw):
            end = None  # only the event (and its date) bounds the period
    text = _maybe(draw, lambda: _period_text(start, end or (event.date if event else None), event))
    if text is None:  # a period written "2009–2017" with no day is two partial dates
        return Period(start=_coarse(draw, start), end=_coarse(draw, end), end_event=event)
    return Period(start=start, end=end, end_event=event, text=text or None)


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    bounded: bool = False,
    min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE,
    bodies: Sequence[str] = (),
    min_days: int = 0,
    max_days: int = 3 * 366,
) -> Period:
    """A period with start <= end (``effective_end``). ``bounded=True``: both ends known.

    Plans mostly run over calendar years ("2016-2017"). The end may be an event
    ("til og med partnerskapsmøtet 2022") whose date is then the effective end;
    ``end`` is then either None or that same date.
    """
    return _period(draw, bounded=bounded, lo=min_date, hi=max_date, bodies=bodies,
                   min_days=min_days, max_days=max_days)  # fmt: skip


def _link(draw: st.DrawFn, hostile: bool) -> Link:
    return Link(title=_text(draw, hostile, 6), url=_maybe_pick(draw, _URLS),
                description=_maybe_text(draw, hostile))  # fmt: skip


@st.composite
def links(draw: st.DrawFn, *, hostile: bool = True) -> Link:
    """A link: title as written, optional URL and description."""
    return _link(draw, hostile)


def _resource(draw: st.DrawFn, ctx: _Ctx) -> Resource:
    return Resource(
        kind=_pick(draw, tuple(ResourceKind)),
        title=_text(draw, ctx.hostile, 6),
        url=_maybe_pick(draw, _URLS),
        body=_maybe_pick(draw, ctx.body_ids),
        date=_maybe_date(draw, MIN_DATE, MAX_DATE),
        period=_maybe(draw, lambda: _period(draw, bounded=True, lo=MIN_DATE, hi=MAX_DATE,
                                            bodies=ctx.body_ids)),
        text=_blocks(draw, ctx, 1),
    )  # fmt: skip


@st.composite
def resources(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Resource:
    """A published resource (minutes, statutes, a report …); ``body`` a body of ``partnership``."""
    return _resource(draw, _ctx(hostile, partnership))


# ---------------------------------------------------------------------------
# Timeframes
# ---------------------------------------------------------------------------

_INTERPRETATION_KINDS: tuple[type, ...] = (
    OnDate, InMonth, InYear, Between, StartingFrom, ByDate, NextMeeting, AtEvent, Ongoing,
    Recurring,
)  # fmt: skip
_ONGOING_TEXT = ("Løpende", "Løpande", "Fortløpende", "Kontinuerlig", "Hele perioden",
                 "I løpet av planperioden")  # fmt: skip
_RECURRING_TEXT = {
    Frequency.YEARLY: ("Årlig", "Årleg", "Hvert år", "En gang i året"),
    Frequency.QUARTERLY: ("Kvartalsvis", "Hvert kvartal"),
    Frequency.MONTHLY: ("Hver måned", "Månedlig", "Kvar månad"),
    Frequency.PER_MEETING: ("Hvert møte", "Kvart møte"),
}


def _recurring(draw: st.DrawFn) -> tuple[Recurring, str]:
    """A recurrence and a text that says it, Bokmål or Nynorsk."""
    frequency = _pick(draw, tuple(Frequency))
    text = _pick(draw, _RECURRING_TEXT[frequency])
    if frequency is not Frequency.YEARLY:
        return Recurring(frequency=frequency), text
    if _one_in(draw, 4):
        interval = _int(draw, 2, 6)
        return Recurring(frequency=frequency, interval=interval), f"Hvert {interval}. år"
    month = _maybe(draw, lambda: _int(draw, 1, 12))
    if month is None:
        return Recurring(frequency=frequency), text
    return Recurring(frequency=frequency, month=month), f"{text} i {MONTHS_NB[month - 1]}"
_PART_TEXT = {MonthPart.EARLY: "primo", MonthPart.MID: "medio", MonthPart.LATE: "ultimo"}


def _interpretation(
    draw: st.DrawFn, kind: type, lo: dt.date, hi: dt.date, bodies: Sequence[str], ref_year: int
) -> tuple[Interpretation, str]:
    """An interpretation of ``kind`` whose dates lie in [lo, hi], and a text that says it.

    Where :func:`interpret_timeframe` understands the text, it gives back this
    interpretation (with ``year=ref_year``; without the date of a next meeting).
    A kind that cannot fit the window (a whole year in a short plan) becomes a date.
    """
    day = _date(draw, lo, hi)
    year_suffix = "" if day.year == ref_year and _bool(draw) else f" {day.year}"
    if kind is InMonth:
        part = _maybe_pick(draw, tuple(MonthPart))
        im = InMonth(year=day.year, month=day.month, part=part)
        first, last = im.date_range()
        if lo <= first and last <= hi:
            month = MONTHS_NB[day.month - 1]
            return im, _cap(f"{_PART_TEXT[part]} {month}" if part else month) + year_suffix
        kind = OnDate
    if kind is InYear:
        years = [y for y in range(lo.year, hi.year + 1)
                 if lo <= dt.date(y, 1, 1) and dt.date(y, 12, 31) <= hi]  # fmt: skip
        if years:
            year = _pick(draw, years)
            return InYear(year=year), str(year)
        kind = OnDate
    if kind is Between:
        first, last = sorted((day, _date(draw, lo, hi)))
        return Between(start=first, end=last), _period_text(first, last, None)
    if kind is StartingFrom:
        precision = _pick(draw, tuple(Precision))
        if precision is Precision.MONTH and day.replace(day=1) >= lo:
            start = day.replace(day=1)
            text = f"Starter i {MONTHS_NB[start.month - 1]}{year_suffix}"
            return StartingFrom(start=start, precision=precision), text
        if precision is Precision.YEAR and day.replace(month=1, day=1) >= lo:
            start = day.replace(month=1, day=1)
            return StartingFrom(start=start, precision=precision), f"Fra {start.year}"
        return StartingFrom(start=day), f"Fra {_date_nb(day)}"
    if kind is ByDate:
        return ByDate(date=day), f"{_pick(draw, ('Innen', 'Senest'))} {_date_nb(day)}"
    if kind is NextMeeting and bodies:
        interpretation = NextMeeting(body=_pick(draw, bodies), date=_maybe(draw, lambda: day))
        return interpretation, _pick(draw, ("Neste møte", "Førstkommende møte"))
    if kind is AtEvent:
        name = _pick(draw, (f"Skisse presenteres i OSU {_date_nb(day, year=False)}", "Fagdag",
                            f"partnerskapsmøtet {day.year}", "Første møte med fylkekommunen"))  # fmt: skip
        return AtEvent(
            name=name, body=_maybe_pick(draw, bodies), date=_maybe(draw, lambda: day)
        ), name
    if kind is Ongoing:
        return Ongoing(), _pick(draw, _ONGOING_TEXT)
    if kind is Recurring:
        return _recurring(draw)
    # OnDate, and the fallback of every kind that does not fit
    style = _int(draw, 0, 2)
    if style == 0:
        text = _date_nb(day, year=bool(year_suffix))
    elif style == 1:
        text = f"{day.day} {MONTHS_NB[day.month - 1]}{year_suffix}"
    else:
        text = f"{day.day:02d}.{day.month:02d}.{day.year}"
    return OnDate(date=day), text


@st.composite
def interpretations(
    draw: st.DrawFn,
    *,
    within: Period | None = None,
    bodies: Sequence[str] = ("osu",),
    kinds: Sequence[type] = _INTERPRETATION_KINDS,
) -> Interpretation:
    """Any timeframe interpretation (every class), dates inside ``within`` if given."""
    ctx = _ctx(False, within=within)
    return _interpretation(draw, _pick(draw, tuple(kinds)), ctx.lo, ctx.hi, bodies, ctx.lo.year)[0]


def _timeframe(draw: st.DrawFn, ctx: _Ctx, ref_year: int | None = None) -> Timeframe:
    choice = _int(draw, 0, len(_INTERPRETATION_KINDS))
    if choice == len(_INTERPRETATION_KINDS):
        if ctx.hostile and _one_in(draw, 4):
            return Timeframe(text=_text(draw, True, 4))
        return Timeframe(text=_pick(draw, _UNRESOLVED_TIMEFRAMES))
    interpretation, text = _interpretation(
        draw, _INTERPRETATION_KINDS[choice], ctx.lo, ctx.hi, ctx.body_ids,
        ref_year if ref_year is not None else ctx.lo.year,
    )  # fmt: skip
    return Timeframe(text=text, interpretation=interpretation)


@st.composite
def timeframes(
    draw: st.DrawFn,
    *,
    within: Period | None = None,
    bodies: Sequence[str] = (),
    hostile: bool = True,
) -> Timeframe:
    """A timeframe: the text as written and, mostly, an interpretation (every class).

    Resolved dates lie inside ``within`` (the plan period). ``NextMeeting``
    needs ``bodies`` (ids); unresolvable texts ("Tidsplan i samarbeid med
    kommunene") have no interpretation. Texts are those the seeds use: "Medio
    juni", "Starter i april", "15 mars", "2016", "Neste møte".
    """
    ctx = attrs.evolve(_ctx(hostile, within=within), bodies=tuple(
        Body(id=b, kind=BodyKind.OTHER, name=b) for b in bodies))  # fmt: skip
    return _timeframe(draw, ctx)


# ---------------------------------------------------------------------------
# Parties and people
# ---------------------------------------------------------------------------


@st.composite
def units(draw: st.DrawFn) -> Unit:
    """A unit of an organisation (LMS, BUPA, a clinic)."""
    uid, name, abbr = _pick(draw, _HF_UNITS + _KOMMUNE_UNITS)
    return Unit(id=uid, name=name, abbreviation=abbr)


@st.composite
def other_names(draw: st.DrawFn) -> OtherName:
    """A Sámi name form ("Hábmer", "Guovdageaidnu") with its language tag and validity."""
    name, lang = _pick(draw, [m.other_name for m in _MUNICIPALITIES if m.other_name])
    valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
    valid_to = _maybe_date(draw, valid_from or MIN_DATE, MAX_DATE)
    return OtherName(name=name, lang=lang, valid_from=valid_from, valid_to=valid_to)


def _organisation(
    draw: st.DrawFn,
    seed: _PartySeed,
    hostile: bool,
    *,
    in_partnership: bool,
    parent: str | None = None,
) -> Organisation:
    """An organisation from a catalogue entry. In a partnership its validity covers every
    generated date (it existed before 2009 and still exists), so references stay valid."""
    name = seed.name
    if hostile and _one_in(draw, 10):
        name = f"{name} {_pick(draw, HOSTILE_STRINGS)}"
    orgnr = (
        OrganisationNumber(seed.organisation_number)
        if seed.organisation_number
        else _maybe(draw, lambda: _orgnr(draw))
    )
    if in_partnership:
        valid_from = _maybe_date(draw, dt.date(1964, 1, 1), MIN_DATE - dt.timedelta(days=1))
        valid_to = None
    else:
        valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
        valid_to = _maybe_date(draw, valid_from or MIN_DATE, MAX_DATE)
    other: tuple[OtherName, ...] = ()
    if seed.other_name and _bool(draw):
        other = (OtherName(name=seed.other_name[0], lang=seed.other_name[1]),)
    unit_seeds = _some(draw, seed.units, 2)
    return Organisation(
        id=seed.key,
        kind=seed.kind,
        name=name,
        short_name=seed.short_name if _bool(draw) else None,
        aliases=seed.aliases,
        organisation_number=orgnr,
        kommune_number=KommuneNumber(seed.kommune_number) if seed.kommune_number else None,
        valid_from=valid_from,
        valid_to=valid_to,
        parent=parent,
        units=tuple(Unit(id=u, name=n, abbreviation=a) for u, n, a in unit_seeds),
        other_names=other,
        url=_maybe_pick(draw, _URLS),
        note=_maybe_text(draw, hostile),
    )


@st.composite
def organisations(
    draw: st.DrawFn, *, kind: OrganisationKind | None = None, hostile: bool = True
) -> Organisation:
    """An organisation from a realistic catalogue (real names and numbers where known).

    Municipalities always have a kommunenummer; organisation numbers are valid;
    ``valid_from <= valid_to``.
    """
    seeds = [s for s in _MUNICIPALITIES + _HOSPITAL_TRUSTS + _OTHER_PARTIES
             if kind is None or s.kind is kind]  # fmt: skip
    return _organisation(draw, _pick(draw, seeds), hostile, in_partnership=False)


def _role(draw: st.DrawFn, ctx: _Ctx) -> Role:
    title, kind = _pick(draw, _ROLE_TITLES)
    valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
    return Role(
        title=title,
        kind=kind,
        organisation=_maybe_pick(draw, ctx.party_ids),
        organisation_text=_maybe_text(draw, ctx.hostile, 3),
        body=_maybe_pick(draw, ctx.body_ids),
        valid_from=valid_from,
        valid_to=_maybe_date(draw, valid_from or MIN_DATE, MAX_DATE),
    )


@st.composite
def roles(draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True) -> Role:
    """A role as written ("styreleder") with kind; organisation and body are ids of
    ``partnership``."""
    return _role(draw, _ctx(hostile, partnership))


def _person(draw: st.DrawFn, ctx: _Ctx) -> Person:
    name = _person_name(draw)
    person_roles = _repeat(draw, lambda: _role(draw, ctx), 1 if ctx.parties else 2)
    email = f"{_slug(name).replace('-', '.')}@example.no" if _bool(draw) else None
    text = _maybe(draw, lambda: Person(name=name, roles=person_roles).display())
    return Person(name=name, roles=person_roles, text=text, email=email)


@st.composite
def persons(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Person:
    """A person with a Norwegian or Sámi name and roles referring to ``partnership``."""
    return _person(draw, _ctx(hostile, partnership))


# ---------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------


def _votes(draw: st.DrawFn, unanimous: bool | None, max_votes: int | None) -> VoteCount | None:
    """Votes with >= 1 in favour, none against when unanimous, >= 1 against when not, and
    at most ``max_votes`` in all (None when that is impossible)."""
    cap = 45 if max_votes is None else max_votes
    least_against = 1 if unanimous is False else 0
    if cap < 1 + least_against:
        return None
    in_favour = _int(draw, 1, min(40, cap - least_against))
    if unanimous:
        return VoteCount(in_favour=in_favour)
    room = cap - in_favour
    against = _int(draw, least_against, min(in_favour, room))
    return VoteCount(in_favour=in_favour, against=against,
                     abstained=_int(draw, 0, min(5, room - against)))  # fmt: skip


@st.composite
def vote_counts(draw: st.DrawFn, *, unanimous: bool | None = None) -> VoteCount:
    """Votes cast; ``unanimous=True``: none against or abstaining; ``False``: >= 1 against."""
    votes = _votes(draw, unanimous, None)
    assert votes is not None  # without a cap there is always room
    return votes


_DECISION_HEADINGS = {
    DecisionKind.DECISION: "Vedtak",
    DecisionKind.RECOMMENDATION: "Anbefaling",
    DecisionKind.NOTED: "Til orientering",
    DecisionKind.ADOPTED: "Vedtatt",
    DecisionKind.DELEGATED: "Delegert vedtak",
    DecisionKind.OTHER: "Konklusjon",
}


def _decision(
    draw: st.DrawFn,
    ctx: _Ctx,
    *,
    body: str | None,
    date: dt.date | None,
    case_number: CaseNumber | None,
    kind: DecisionKind | None = None,
) -> Decision:
    kind = kind or _pick(draw, tuple(DecisionKind))
    unanimous = _maybe(draw, lambda: _bool(draw))
    return Decision(
        kind=kind,
        text=_text(draw, ctx.hostile, 14),
        date=date,
        body=body,
        case_number=case_number,
        heading=_maybe(draw, lambda: _DECISION_HEADINGS[kind]),
        items=_repeat(draw, lambda: _text(draw, ctx.hostile), 3),
        unanimous=unanimous,
        votes=_maybe(draw, lambda: _votes(draw, unanimous, ctx.max_votes)),
    )


@st.composite
def decisions(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    body: str | None = None,
    date: dt.date | None = None,
    case_number: CaseNumber | None = None,
    hostile: bool = True,
) -> Decision:
    """A decision of a body (of ``partnership``); its case number's year is its date's year;
    unanimous decisions have no votes against."""
    ctx = _ctx(hostile, partnership)
    body = body if body is not None else _maybe_pick(draw, ctx.body_ids)
    date = date if date is not None else _maybe_date(draw, MIN_DATE, MAX_DATE)
    if case_number is None:
        case_number = _maybe(
            draw, lambda: _case_number(draw, date.year if date else 2016, _int(draw, 1, 120))
        )
    return _decision(draw, ctx, body=body, date=date, case_number=case_number)


# ---------------------------------------------------------------------------
# Agreements
# ---------------------------------------------------------------------------

_WRITTEN_PRIORITY_GROUPS = (
    PriorityGroup(text="Personer med rus og psykiske helseplage"),
    PriorityGroup(text="Samiske pasienter i Kárášjohka og Guovdageaidnu"),
)


def _national_groups(on: dt.date | None) -> tuple[PriorityGroup, ...]:
    if on is not None:
        return priority_groups_on(on)
    return tuple(g for _, groups in PRIORITY_GROUP_VERSIONS.values() for g in groups)


@st.composite
def priority_groups(draw: st.DrawFn, *, on: dt.date | None = None) -> PriorityGroup:
    """A priority patient group: from the national list in force ``on`` (any version when
    ``on`` is None), or as written without a key."""
    national = _national_groups(on)
    return (
        _pick(draw, national) if national and _bool(draw) else _pick(draw, _WRITTEN_PRIORITY_GROUPS)
    )


def _priority_groups(draw: st.DrawFn, on: dt.date | None) -> tuple[PriorityGroup, ...]:
    """Up to three groups in one national wording (the version in force), no key twice."""
    if on is None:  # pick one version by the day it came into force
        on = _pick(draw, sorted(d for d, _ in PRIORITY_GROUP_VERSIONS.values()))
    return _some(draw, _national_groups(on) + _WRITTEN_PRIORITY_GROUPS, 3)


def _agreement_section(draw: st.DrawFn, ctx: _Ctx, on: dt.date | None) -> AgreementSection:
    topic = _pick(draw, tuple(AgreementTopic))
    items: tuple[StatutoryItem, ...] = ()
    if topic is AgreementTopic.STATUTORY:
        in_force = [i.key for i in statutory_items_in_force(on or dt.date(2012, 1, 1))]
        items = _some(draw, in_force, 3, 1)
    return AgreementSection(topic=topic, heading=_maybe_text(draw, ctx.hostile, 4),
                            content=_blocks(draw, ctx), statutory_items=items)  # fmt: skip


@st.composite
def agreement_sections(
    draw: st.DrawFn, *, on: dt.date | None = None, hostile: bool = True
) -> AgreementSection:
    """A section of an agreement; its statutory items are those in force ``on``."""
    return _agreement_section(draw, _Ctx(hostile=hostile), on)


def _agreement_parties(draw: st.DrawFn, ctx: _Ctx) -> tuple[Organisation, ...]:
    """At least one municipality and one hospital trust, no party twice."""
    if not ctx.parties:
        return _parties(draw, ctx.hostile, max_extra=1)
    first_kommune = next(p for p in ctx.parties if p.kind is OrganisationKind.MUNICIPALITY)
    first_trust = next(p for p in ctx.parties if p.kind is OrganisationKind.HOSPITAL_TRUST)
    extra = set(_some(draw, ctx.party_ids, 2))
    return tuple(p for p in ctx.parties if p in (first_kommune, first_trust) or p.id in extra)


_AGREEMENT_TITLES = (
    "Overordnet samarbeidsavtale",
    "Samarbeidsavtale mellom kommunene og helseforetaket",
    "Tjenesteavtale om utskrivningsklare pasienter",
    "Delavtale om samisk språk i Guovdageaidnu og Kárášjohka",
)


def _agreement(draw: st.DrawFn, ctx: _Ctx, agreement_id: str) -> Agreement:
    parties = _agreement_parties(draw, ctx)
    signing = attrs.evolve(ctx, parties=parties)
    date = _maybe_date(draw, dt.date(2012, 1, 1), MAX_DATE)
    in_force = [i.key for i in statutory_items_in_force(date or dt.date(2012, 1, 1))]
    body = _maybe_pick(draw, ctx.body_ids)
    decision = None
    if _bool(draw):
        cn = (
            _maybe(draw, lambda: _case_number(draw, date.year, _int(draw, 1, 60))) if date else None
        )
        decision = _decision(draw, ctx, body=body, date=date, case_number=cn,
                             kind=DecisionKind.ADOPTED)  # fmt: skip
    title = _pick(draw, _AGREEMENT_TITLES)
    if ctx.hostile and _one_in(draw, 8):
        title = f"{title} {_hostile_fragment(draw)}"
    return Agreement(
        language=_language(draw),
        id=agreement_id,
        title=title,
        level=_pick(draw, tuple(AgreementLevel)),
        short_title=_maybe(draw, lambda: "Samarbeidsavtalen"),
        parties=parties,
        signatories=_repeat(draw, lambda: _person(draw, signing), 2),
        date=date,
        validity=_maybe(draw, lambda: _period(draw, bounded=_bool(draw), lo=date or MIN_DATE,
                                              hi=MAX_DATE, bodies=ctx.body_ids)),
        description=_blocks(draw, ctx, 1),
        sections=_repeat(draw, lambda: _agreement_section(draw, ctx, date), 3),
        statutory_items=_some(draw, in_force, 4),
        priority_groups=_priority_groups(draw, date),
        priority_groups_text=_maybe_text(draw, ctx.hostile),
        decision=decision,
        parent=_maybe(draw, lambda: f"{agreement_id}-overordnet"),
        replaces=_maybe(draw, lambda: f"{agreement_id}-2012"),
        url=_maybe_pick(draw, _URLS),
        links=_repeat(draw, lambda: _link(draw, ctx.hostile), 1),
    )  # fmt: skip


@st.composite
def agreements(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Agreement:
    """An agreement with >= 1 municipality and >= 1 hospital trust as parties (of
    ``partnership`` when given), no party twice, § 6-2 items in force on its date."""
    return _agreement(draw, _ctx(hostile, partnership), draw(ids("avtale-")))


# ---------------------------------------------------------------------------
# Partnerships
# ---------------------------------------------------------------------------


def _parties(draw: st.DrawFn, hostile: bool, max_extra: int = 3) -> tuple[Organisation, ...]:
    """>= 1 municipality (with kommunenummer), >= 1 hospital trust, others; unique ids."""
    kommuner = _some(draw, _MUNICIPALITIES, 2, 1)
    trusts = _some(draw, _HOSPITAL_TRUSTS, 1, 1)
    others = _some(draw, _OTHER_PARTIES, max_extra)
    seeds = [*trusts, *kommuner, *others]
    # A hospital trust's owner is a regional health authority of the partnership, if any.
    rhf = [s.key for s in others if s.kind is OrganisationKind.REGIONAL_HEALTH_AUTHORITY]
    orgs = [
        _organisation(draw, seed, hostile, in_partnership=True,
                      parent=_maybe_pick(draw, rhf) if seed.kind is OrganisationKind.HOSPITAL_TRUST else None)
        for seed in seeds
    ]  # fmt: skip
    # Two parties of one partnership with one organisation number (a generated number can
    # repeat one drawn before, "000000000" twice when shrinking) is PART005: keep the first.
    seen: set[OrganisationNumber] = set()
    for i, o in enumerate(orgs):
        if o.organisation_number is not None:
            if o.organisation_number in seen:
                orgs[i] = evolve(o, organisation_number=None)
            seen.add(o.organisation_number)
    return tuple(orgs)


def _memberships_of(
    draw: st.DrawFn, party: str, role: MembershipRole, lo: dt.date, hi: dt.date, hostile: bool,
) -> tuple[Membership, ...]:  # fmt: skip
    """One or two memberships of a party that do not overlap (inclusive ends).

    Two are a change of role on a date: the first ends the day before the second starts.
    """
    note = _maybe_text(draw, hostile, 5)
    if hi <= lo or _bool(draw):
        start = _maybe_date(draw, lo, hi)
        end = _maybe_date(draw, start or lo, hi)
        # one membership: "fra 2020" (a partial date) cannot overlap another of the party
        return (Membership(party=party, valid_from=_coarse(draw, start), valid_to=_coarse(draw, end),
                           role=role, note=note),)  # fmt: skip
    change = _date(draw, lo + dt.timedelta(days=1), hi)
    first_from = _maybe_date(draw, lo, change - dt.timedelta(days=1))
    first_role = _pick(draw, tuple(MembershipRole))
    return (
        Membership(party=party, valid_from=first_from, valid_to=change - dt.timedelta(days=1),
                   role=first_role),
        Membership(party=party, valid_from=change, role=role, note=note),
    )  # fmt: skip


@st.composite
def memberships(
    draw: st.DrawFn, *, party: str = "baerum", min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE, hostile: bool = True,
) -> Membership:  # fmt: skip
    """A membership of one party over a period (from <= to; open ends allowed)."""
    role = _pick(draw, tuple(MembershipRole))
    return _memberships_of(draw, party, role, min_date, max_date, hostile)[-1]


def _body_member(draw: st.DrawFn, ctx: _Ctx) -> BodyMember:
    valid_from = _maybe_date(draw, MIN_DATE, MAX_DATE)
    return BodyMember(
        person=_maybe(draw, lambda: _person(draw, ctx)),
        party=_maybe_pick(draw, ctx.party_ids),
        role=_maybe_pick(draw, tuple(RoleKind)),
        valid_from=valid_from,
        valid_to=_maybe_date(draw, valid_from or MIN_DATE, MAX_DATE),
    )


@st.composite
def body_members(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> BodyMember:
    """A member of a body: person, the party represented (of ``partnership``), role, period."""
    return _body_member(draw, _ctx(hostile, partnership))


def _body(
    draw: st.DrawFn, seed: _BodySeed, ctx: _Ctx, parents: Sequence[str], *, in_partnership: bool
) -> Body:
    """A body from a catalogue entry. In a partnership it exists on every generated date."""
    if in_partnership:
        established = _maybe_date(draw, dt.date(2000, 1, 1), MIN_DATE)
        dissolved = None
    else:
        established = _maybe_date(draw, MIN_DATE, MAX_DATE)
        dissolved = _maybe_date(draw, established or MIN_DATE, MAX_DATE)
    return Body(
        id=seed.key,
        kind=seed.kind,
        name=seed.name,
        abbreviation=seed.abbreviation,
        aliases=("OSO",) if seed.key == "osu" and _bool(draw) else (),
        level=seed.level,
        parent=_maybe_pick(draw, parents),
        established=_coarse(draw, established),
        dissolved=dissolved,
        mandate=_blocks(draw, ctx, 1),
        members=_repeat(draw, lambda: _body_member(draw, ctx), 1 if in_partnership else 2),
    )


@st.composite
def bodies(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Body:
    """A body (OSU, SSU, partnerskapsmøtet, LSU, sekretariatet …); members refer to
    parties of ``partnership``."""
    return _body(draw, _pick(draw, _BODIES), _ctx(hostile, partnership), (), in_partnership=False)


def _history_entry(draw: st.DrawFn, hostile: bool) -> HistoryEntry:
    start = _maybe_date(draw, MIN_DATE, MAX_DATE)
    end = _maybe_date(draw, start or MIN_DATE, MAX_DATE)
    when = _date_nb(start) if start and _bool(draw) else None
    # "i 2009": a line that gives only the year (or month) has partial dates, not days
    return HistoryEntry(text=_text(draw, hostile, 12), start=start if when else _coarse(draw, start),
                        end=end if when else _coarse(draw, end), when=when)  # fmt: skip


@st.composite
def history_entries(draw: st.DrawFn, *, hostile: bool = True) -> HistoryEntry:
    """A line of a partnership's history with the dates it speaks of (start <= end)."""
    return _history_entry(draw, hostile)


_PARTNERSHIP_NAMES = (
    ("Kommunehelsesamarbeidet", "KHS", PartnershipKind.MUNICIPAL_HEALTH_COOPERATION),
    ("Helsefelleskap Vest-Viken", "HVV", PartnershipKind.HEALTH_PARTNERSHIP),
    ("Helsefellesskapet Lofoten, Vesterålen og Salten", None, PartnershipKind.HEALTH_PARTNERSHIP),
    ("Helsefellesskapet Finnmark – Finnmárkku dearvvašvuođaovttasbargu", None,
     PartnershipKind.HEALTH_PARTNERSHIP),
    ("Samarbeidsforum for Hábmer og Fuossko", None, PartnershipKind.OTHER),
)  # fmt: skip

_MEMBERSHIP_ROLES = {
    OrganisationKind.HOSPITAL_TRUST: (MembershipRole.HOSPITAL_TRUST,),
    OrganisationKind.MUNICIPALITY: (MembershipRole.MEMBER, MembershipRole.OWNER),
}
_OTHER_MEMBERSHIP_ROLES = (MembershipRole.OBSERVER, MembershipRole.ASSOCIATED)


def _partnership(
    draw: st.DrawFn, hostile: bool, max_bodies: int, *, embedded: bool = False
) -> Partnership:
    """A partnership. An ``embedded`` one (the context of a plan, case or meeting) is
    compact: parties, memberships and bodies, and only now and then the rest."""
    name, short, kind = _pick(draw, _PARTNERSHIP_NAMES)
    pid = _slug(short or name)
    ctx = _Ctx(hostile=hostile, parties=_parties(draw, hostile))
    body_list: list[Body] = []
    for seed in _some(draw, _BODIES, max_bodies, 1):
        body_list.append(_body(draw, seed, ctx, [b.id for b in body_list], in_partnership=True))
    ctx = attrs.evolve(ctx, bodies=tuple(body_list))
    ms = [
        m
        for p in ctx.parties
        for m in _memberships_of(
            draw, p.id, _pick(draw, _MEMBERSHIP_ROLES.get(p.kind, _OTHER_MEMBERSHIP_ROLES)),
            MIN_DATE, MAX_DATE, hostile,
        )
    ]  # fmt: skip
    established_day = _maybe_date(draw, MIN_DATE, MAX_DATE)
    established = _coarse(draw, established_day)
    if embedded and not _one_in(draw, 4):
        return Partnership(id=pid, name=name, kind=kind, short_name=short, established=established,
                           parties=ctx.parties, memberships=tuple(ms), bodies=ctx.bodies)  # fmt: skip
    return Partnership(
        language=_language(draw),
        id=pid,
        name=name,
        kind=kind,
        short_name=short,
        aliases=("K26",) if short == "KHS" else (),
        description=_blocks(draw, ctx, 1),
        established=established,
        established_text=_date_nb(established) if isinstance(established, dt.date) and _bool(draw)
        else None,
        period=_maybe(draw, lambda: _period(draw, bounded=False, lo=established_day or MIN_DATE,
                                            hi=MAX_DATE, bodies=ctx.body_ids)),
        history=_repeat(draw, lambda: _history_entry(draw, hostile), 2),
        parties=ctx.parties,
        memberships=tuple(ms),
        bodies=ctx.bodies,
        agreements=(_agreement(draw, ctx, f"{pid}-avtale-1"),) if _one_in(draw, 4) else (),
        decisions=_repeat(draw, lambda: _dated_decision(draw, ctx, _pick(draw, ctx.body_ids)), 2),
        priority_groups=_priority_groups(draw, None),
        priority_groups_text=_maybe_text(draw, hostile),
        resources=_repeat(draw, lambda: _resource(draw, ctx), 1),
        url=_maybe_pick(draw, _URLS),
        links=_repeat(draw, lambda: _link(draw, hostile), 1),
    )  # fmt: skip


def _dated_decision(draw: st.DrawFn, ctx: _Ctx, body: str) -> Decision:
    day = _date(draw, MIN_DATE, MAX_DATE)
    cn = _maybe(draw, lambda: _case_number(draw, day.year, _int(draw, 1, 60)))
    return _decision(draw, ctx, body=body, date=day, case_number=cn)


@st.composite
def partnerships(draw: st.DrawFn, *, hostile: bool = True, max_bodies: int = 4) -> Partnership:
    """A partnership: >= 1 municipality (with kommunenummer) and >= 1 hospital trust, unique
    party ids, every party a member (memberships of a party do not overlap), bodies with
    unique ids that exist on every generated date, and agreements, decisions and
    resources that refer only to these parties and bodies."""
    return _partnership(draw, hostile, max_bodies)


# ---------------------------------------------------------------------------
# Action plans
# ---------------------------------------------------------------------------


def _responsible(draw: st.DrawFn, ctx: _Ctx) -> tuple[ResponsibleParty, str]:
    """One responsible (a party with optional unit, a body, or a collective) and its words."""
    choice = _pick(draw, (*Collective, *ctx.parties, *ctx.bodies))
    party_id = unit_id = body_id = collective = None
    if isinstance(choice, Organisation):
        words = choice.short_name or (choice.aliases[0] if choice.aliases else choice.name)
        unit = _maybe_pick(draw, choice.units)
        if unit is not None:
            words, unit_id = f"{words} ved {unit.abbreviation or unit.name}", unit.id
        party_id = choice.id
    elif isinstance(choice, Body):
        words, body_id = choice.label, choice.id
    else:
        collective = choice
        words = _COLLECTIVE_TEXT[collective]
    rp = ResponsibleParty(party=party_id, unit=unit_id, body=body_id, collective=collective,
                          text=words if _bool(draw) else None)  # fmt: skip
    return rp, words


@st.composite
def responsible_parties(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> ResponsibleParty:
    """A responsible: a party of ``partnership`` (with a unit of it), one of its bodies, or
    a collective ("Hver enkelt kommune"); only collectives without a partnership."""
    return _responsible(draw, _ctx(hostile, partnership))[0]


def _responsibility(draw: st.DrawFn, ctx: _Ctx) -> Responsibility:
    lead = _repeat(draw, lambda: _responsible(draw, ctx), 2, 1)
    contributors = _repeat(draw, lambda: _responsible(draw, ctx), 2)
    text = " og ".join(w for _, w in lead)
    if contributors:
        text += " i samarbeid med " + " og ".join(w for _, w in contributors)
    if ctx.hostile and _one_in(draw, 8):
        text += " " + _hostile_fragment(draw)
    return Responsibility(
        text=text, lead=tuple(r for r, _ in lead), contributors=tuple(r for r, _ in contributors)
    )


@st.composite
def responsibilities(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Responsibility:
    """Who is responsible: text as written ("VV ved LMS i samarbeid med Kommunene"), >= 1 lead,
    contributors; every id resolves in ``partnership``."""
    return _responsibility(draw, _ctx(hostile, partnership))


_PHASE_TITLES = (
    "Implementering i pilotkommuner og sykehus",
    "Spredning til alle kommuner og sykehus",
    "Implementere pågående pasientforløp",
)


@st.composite
def phases(draw: st.DrawFn, *, number: int | None = None) -> Phase:
    """A phase ("Fase 1")."""
    n = number if number is not None else _int(draw, 1, 4)
    return Phase(number=n, label=f"Fase {n}", title=_maybe_pick(draw, _PHASE_TITLES))


_S = MeasureStatus
#: Progress statuses in order for each measure status; the last is the measure's status.
_STATUS_CHAINS: dict[MeasureStatus, tuple[tuple[MeasureStatus, ...], ...]] = {
    _S.PLANNED: ((), (_S.PLANNED,)),
    _S.STARTED: ((_S.STARTED,), (_S.PLANNED, _S.STARTED)),
    _S.ONGOING: ((_S.ONGOING,), (_S.STARTED, _S.ONGOING)),
    _S.DONE: ((_S.DONE,), (_S.STARTED, _S.DONE), (_S.STARTED, _S.ONGOING, _S.DONE)),
    _S.POSTPONED: ((_S.POSTPONED,), (_S.PLANNED, _S.POSTPONED)),
    _S.CANCELLED: ((_S.CANCELLED,), (_S.STARTED, _S.CANCELLED)),
    _S.CARRIED_OVER: ((_S.CARRIED_OVER,), (_S.STARTED, _S.CARRIED_OVER)),
}

_PROGRESS_TEXT = (
    "OSU vil bli holdt informert",
    "Arbeidet er startet opp",
    "Ferdigstilt og rapportert til OSU",
    "Utsatt til neste planperiode",
    "Videreføres i 2017",
)


def _progress_entry(
    draw: st.DrawFn, ctx: _Ctx, day: dt.date, status: MeasureStatus | None
) -> ProgressEntry:
    return ProgressEntry(
        date=day,
        text=_pick(draw, _PROGRESS_TEXT) if _bool(draw) else _text(draw, ctx.hostile),
        status=status,
        reported_to=_maybe_pick(draw, ctx.body_ids),
        author=_maybe(draw, lambda: _person_name(draw)),
    )


def _progress(
    draw: st.DrawFn, ctx: _Ctx, status: MeasureStatus | None, lo: dt.date, hi: dt.date
) -> tuple[ProgressEntry, ...]:
    """Entries on distinct days in order; with a status, their statuses form a chain
    ending in it (done comes after started); without, they carry no status."""
    chain: tuple[MeasureStatus | None, ...] = (
        (None,) * _int(draw, 0, 2) if status is None else _pick(draw, _STATUS_CHAINS[status])
    )
    days = _sorted_dates(draw, len(chain), lo, hi)
    chain = chain[len(chain) - len(days) :]  # a short window keeps the end of the chain
    return tuple(_progress_entry(draw, ctx, d, s) for d, s in zip(days, chain, strict=True))


@st.composite
def progress_entries(
    draw: st.DrawFn, *, status: MeasureStatus | None = None, partnership: Partnership | None = None,
    hostile: bool = True,
) -> ProgressEntry:  # fmt: skip
    """A dated follow-up note ("OSU vil bli holdt informert"), optionally with a status."""
    return _progress_entry(
        draw, _ctx(hostile, partnership), _date(draw, MIN_DATE, MAX_DATE), status
    )


def _measure_ref(draw: st.DrawFn, plan: str, text: str | None) -> MeasureRef:
    """A reference that names the measure: by number (and focus area), by text, or both."""
    measure = _int(draw, 1, 9) if text is None or _bool(draw) else None
    focus_area = _maybe(draw, lambda: _int(draw, 1, 5)) if measure else None
    return MeasureRef(plan=plan, focus_area=focus_area, measure=measure, text=text)


@st.composite
def measure_refs(draw: st.DrawFn, *, plan: str = "handlingsplan-2015") -> MeasureRef:
    """A reference to a measure of another (earlier) plan, by plan id and numbers."""
    return _measure_ref(draw, plan, _maybe_pick(draw, _PHRASES))


def _measure(
    draw: st.DrawFn, ctx: _Ctx, *, number: int, text: str, phase: Phase | None,
    id_prefix: str, previous_plan: str | None,
) -> Measure:  # fmt: skip
    """A measure whose timeframe lies in the ctx window and whose progress starts no
    earlier than the timeframe and follows its status."""
    timeframe = _maybe(draw, lambda: _timeframe(draw, ctx))
    rng = timeframe.date_range() if timeframe else None
    progress_lo = max(ctx.lo, rng[0]) if rng and rng[0] else ctx.lo
    status = _maybe_pick(draw, tuple(MeasureStatus))
    carried = None
    if previous_plan and _one_in(draw, 3):
        carried = _measure_ref(draw, previous_plan, _maybe(draw, lambda: text))
    return Measure(
        number=number,
        text=text,
        label=_maybe(draw, lambda: str(number)),
        id=f"{id_prefix}{number}" if _bool(draw) else None,
        heading=_maybe_pick(draw, ("Barn som pårørende", "Involvere fastlegene")),
        details=_repeat(draw, lambda: _pick(draw, _DETAIL_LINES) if _bool(draw)
                        else _text(draw, ctx.hostile), 2),
        responsibility=_responsibility(draw, ctx),
        timeframe=timeframe,
        phase=phase,
        status=status,
        progress=_progress(draw, ctx, status, progress_lo, ctx.hi),
        carried_over_from=carried,
    )  # fmt: skip


def _measures(
    draw: st.DrawFn, ctx: _Ctx, n: int, *, phased: bool, id_prefix: str, previous_plan: str | None
) -> tuple[Measure, ...]:
    """Measures numbered 1..n with distinct texts; phases (if any) non-decreasing."""
    phase_numbers: list[int] = []
    for _ in range(n if phased else 0):
        phase_numbers.append(phase_numbers[-1] + _int(draw, 0, 1) if phase_numbers else 1)
    titles = {k: _maybe_pick(draw, _PHASE_TITLES) for k in dict.fromkeys(phase_numbers)}
    phase_list = [Phase(number=k, label=f"Fase {k}", title=titles[k]) for k in phase_numbers]
    return tuple(
        _measure(draw, ctx, number=i + 1, text=text, phase=phase_list[i] if phased else None,
                 id_prefix=id_prefix, previous_plan=previous_plan)
        for i, text in enumerate(_distinct_texts(draw, ctx.hostile, n))
    )  # fmt: skip


@st.composite
def measures(
    draw: st.DrawFn,
    *,
    number: int = 1,
    partnership: Partnership | None = None,
    within: Period | None = None,
    hostile: bool = True,
) -> Measure:
    """A measure with >= 1 responsible (resolving in ``partnership``, else collectives), a
    timeframe inside ``within``, and progress consistent with its status."""
    ctx = _ctx(hostile, partnership, within)
    return _measure(draw, ctx, number=number, text=_text(draw, hostile, 10), phase=None,
                    id_prefix="m", previous_plan=None)  # fmt: skip


def _focus_area(
    draw: st.DrawFn, ctx: _Ctx, number: int, title: str, max_measures: int,
    previous_plan: str | None,
) -> FocusArea:  # fmt: skip
    return FocusArea(
        number=number,
        title=title,
        label=_maybe(draw, lambda: f"Fokusområde {number}"),
        description=_blocks(draw, ctx, 1),
        measures=_measures(draw, ctx, _int(draw, 1, max_measures), phased=_bool(draw),
                           id_prefix=f"t{number}.", previous_plan=previous_plan),
    )  # fmt: skip


@st.composite
def focus_areas(
    draw: st.DrawFn,
    *,
    number: int = 1,
    partnership: Partnership | None = None,
    within: Period | None = None,
    max_measures: int = 3,
    hostile: bool = True,
) -> FocusArea:
    """A focus area numbered ``number`` with measures 1..m (distinct texts, phases in order)."""
    ctx = _ctx(hostile, partnership, within)
    return _focus_area(draw, ctx, number, _text(draw, hostile, 10), max_measures, None)


def _adoption(
    draw: st.DrawFn, ctx: _Ctx, *, near_start: bool, body: Body | None = None
) -> Adoption:
    """Adopted by a body of the partnership (``body``, else one drawn), at the start of the
    window (the plan period) or any time in it, in a case of that year: "Vedtatt i OSU
    8. februar 2016, sak 2/2016"."""
    if body is None:
        body = _pick(draw, ctx.bodies) if ctx.bodies else None
    hi = min(ctx.hi, ctx.lo + dt.timedelta(days=60)) if near_start else ctx.hi
    day = _date(draw, ctx.lo, hi)
    cn = _case_number(draw, day.year, _int(draw, 1, 60))
    label = body.label if body else "møtet"
    decision = None
    if _bool(draw):
        decision = _decision(draw, ctx, body=body.id if body else None, date=day, case_number=cn,
                             kind=DecisionKind.ADOPTED)  # fmt: skip
    return Adoption(body=body.id if body else None, date=day, case_number=cn,
                    text=_maybe(draw, lambda: f"Vedtatt i {label} {_date_nb(day)}, sak {cn.canonical}"),
                    decision=decision)  # fmt: skip


@st.composite
def adoptions(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    within: Period | None = None,
    hostile: bool = True,
) -> Adoption:
    """An adoption naming a body of ``partnership``, a date (early in ``within``) and a case
    number of that date's year."""
    return _adoption(draw, _ctx(hostile, partnership, within), near_start=within is not None)


_PLAN_TITLES = (
    "Handlingsplan",
    "Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten",
    "Handlingsplan for samhandling i Kárášjohka og Guovdageaidnu",
)


def _action_plan(
    draw: st.DrawFn, hostile: bool, partnership: Partnership | None, max_focus_areas: int,
    max_measures: int,
) -> ActionPlan:  # fmt: skip
    ctx = _ctx(hostile, partnership)
    period = None
    if not _one_in(draw, 6):
        period = _period(draw, bounded=True, lo=dt.date(2012, 1, 1), hi=MAX_DATE,
                         bodies=ctx.body_ids, min_days=90, max_days=2 * 366)  # fmt: skip
        ctx = ctx.within(period.first_day, period.last_day)
    plan_id = _maybe(draw, lambda: draw(ids("handlingsplan-")))
    previous = _maybe(draw, lambda: draw(ids("handlingsplan-forrige-")))
    adoptions: tuple[Adoption, ...] = ()
    if ctx.bodies and _bool(draw):
        status = _maybe_pick(draw, (PlanStatus.ADOPTED, PlanStatus.SUPERSEDED))
        # mostly one body; a joint plan is adopted by several, each once
        adopters = _some(draw, ctx.bodies, 1 if not _one_in(draw, 3) else 3, 1)
        adoptions = tuple(_adoption(draw, ctx, near_start=period is not None, body=b)
                          for b in adopters)  # fmt: skip
    else:
        status = _maybe_pick(draw, (PlanStatus.DRAFT, PlanStatus.PROPOSED))
    title = _pick(draw, _PLAN_TITLES)
    if period is not None and period.start is not None and period.effective_end is not None:
        title += f" {period.start.year}-{period.effective_end.year}"
    n_focus_areas = _int(draw, 1, max_focus_areas)
    return ActionPlan(
        language=_language(draw),
        title=title,
        id=plan_id,
        partnership=partnership,
        owner=_maybe_pick(draw, ctx.body_ids),
        period=period,
        status=status,
        adoptions=adoptions,
        introduction=_blocks(draw, ctx, 1),
        purpose=_blocks(draw, ctx, 1),
        priority_groups=_priority_groups(draw, period.first_day if period else None),
        priority_groups_text=_maybe_text(draw, hostile),
        focus_areas=tuple(
            _focus_area(draw, ctx, i + 1, title, max_measures, previous)
            for i, title in enumerate(_distinct_texts(draw, hostile, n_focus_areas))
        ),
        ongoing_activities_text=_maybe(draw, lambda: "I tillegg kommer pågående aktiviteter som videreføres"),
        ongoing_activities=_measures(draw, ctx, _int(draw, 0, 2), phased=False, id_prefix="p",
                                     previous_plan=previous),
        previous_plan=previous if previous != plan_id else None,
    )  # fmt: skip


@st.composite
def action_plans(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    hostile: bool = True,
    max_focus_areas: int = 3,
    max_measures: int = 3,
) -> ActionPlan:
    """An action plan: a period (start <= end, mostly calendar years), focus areas 1..n with
    measures 1..m (distinct texts, phases in order), responsibles that resolve in the
    embedded partnership, timeframes inside the period, status consistent with progress,
    and an adoption (a body of the partnership, a date, a case number) when adopted.

    Without ``partnership`` one is drawn, or now and then none: then every responsible
    is a collective and the plan is not adopted.
    """
    if partnership is None and not _one_in(draw, 5):
        partnership = _partnership(draw, hostile, 3, embedded=True)
    return _action_plan(draw, hostile, partnership, max_focus_areas, max_measures)


@st.composite
def status_reports(
    draw: st.DrawFn,
    *,
    plan: ActionPlan | None = None,
    hostile: bool = True,
    max_focus_areas: int = 3,
    max_measures: int = 3,
) -> StatusReport:
    """A status report made by :func:`khsmodel.report` (so its items agree with the plan):
    of ``plan`` or a drawn one, as of a date inside the plan period or after it, now and then
    with ``since`` (before that date), a ``due_within`` window and a title."""
    if plan is None:
        plan = draw(action_plans(hostile=hostile, max_focus_areas=max_focus_areas,
                                 max_measures=max_measures))  # fmt: skip
    start = (plan.period.first_day if plan.period else None) or MIN_DATE
    as_of = _date(draw, start, max(start, MAX_DATE))
    since = _maybe_date(draw, start, as_of - dt.timedelta(days=1)) if as_of > start else None
    return report(
        plan,
        as_of,
        due_within=_int(draw, 0, 120),
        since=since,
        title=_maybe_text(draw, hostile, 8),
    )


# ---------------------------------------------------------------------------
# Case documents
# ---------------------------------------------------------------------------

_PROPOSAL_HEADINGS = {
    ProposalKind.PROPOSED_DECISION: "Forslag til vedtak",
    ProposalKind.RECOMMENDATION: "Anbefaling",
    ProposalKind.INNSTILLING: "Innstilling",
}
_SECTION_HEADINGS = {
    SectionKind.BACKGROUND: "Bakgrunn",
    SectionKind.PRESENTATION: "Saksfremstilling",
    SectionKind.PROCESS: "Orientering om prosess",
    SectionKind.FACTS: "Saksopplysninger",
    SectionKind.ASSESSMENT: "Vurdering",
    SectionKind.OTHER: "Annet",
}


def _proposal(draw: st.DrawFn, ctx: _Ctx) -> Proposal:
    kind = _pick(draw, tuple(ProposalKind))
    return Proposal(
        kind=kind,
        heading=_PROPOSAL_HEADINGS[kind],
        text=_text(draw, ctx.hostile, 14),
        decision_kind=_maybe_pick(draw, tuple(DecisionKind)),
        proposed_by=_maybe_pick(draw, ctx.party_ids),
    )


@st.composite
def proposals(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Proposal:
    """A proposed decision or recommendation under the heading the source uses."""
    return _proposal(draw, _ctx(hostile, partnership))


def _section(draw: st.DrawFn, ctx: _Ctx) -> Section:
    kind = _pick(draw, tuple(SectionKind))
    return Section(kind=kind, heading=_SECTION_HEADINGS[kind], content=_blocks(draw, ctx))


@st.composite
def sections(draw: st.DrawFn, *, hostile: bool = True) -> Section:
    """A section of a case document ("Bakgrunn", "Saksfremstilling" …)."""
    return _section(draw, _Ctx(hostile=hostile))


def _process_event(draw: st.DrawFn, ctx: _Ctx, day: dt.date) -> ProcessEvent:
    date_text = _pick(draw, (_date_nb(day), f"{day.day}.{MONTHS_NB[day.month - 1]} {day.year}"))
    return ProcessEvent(
        date=day,
        text=_text(draw, ctx.hostile, 12),
        date_text=_maybe(draw, lambda: date_text),
        body=_maybe_pick(draw, ctx.body_ids),
        party=_maybe_pick(draw, ctx.party_ids),
    )


@st.composite
def process_events(
    draw: st.DrawFn, *, partnership: Partnership | None = None, before: dt.date = MAX_DATE,
    hostile: bool = True,
) -> ProcessEvent:  # fmt: skip
    """A dated step of a case's preparation ("25.januar 2016"), not after ``before``."""
    return _process_event(draw, _ctx(hostile, partnership), _date(draw, MIN_DATE, before))


def _earlier_case_number(draw: st.DrawFn, than: CaseNumber) -> CaseNumber:
    """A case number before ``than``: same year and lower sequence, or an earlier year."""
    if than.sequence > 1 and _bool(draw):
        return _case_number(draw, than.year, _int(draw, 1, than.sequence - 1))
    return _case_number(draw, _int(draw, than.year - 8, than.year - 1), _int(draw, 1, 120))


def _case_reference(draw: st.DrawFn, ctx: _Ctx, than: CaseNumber, before: dt.date) -> CaseReference:
    cn = _earlier_case_number(draw, than)
    body = _maybe_pick(draw, ctx.bodies)
    last = min(before - dt.timedelta(days=1), dt.date(cn.year, 12, 31))
    day = (
        _date(draw, dt.date(cn.year, 1, 1), last) if last.year == cn.year and _bool(draw) else None
    )
    label = body.label if body else "sak"
    text = _pick(draw, (f"sak{cn.sequence}/{cn.year}", f"{label} sak {cn.text}", cn.text))
    decision = None
    if _one_in(draw, 3):
        decision = _decision(draw, ctx, body=body.id if body else None, date=day, case_number=cn)
    return CaseReference(
        text=text, case_number=_maybe(draw, lambda: cn), body=body.id if body else None,
        date=day, title=_maybe_text(draw, ctx.hostile, 6), decision=decision,
    )  # fmt: skip


@st.composite
def case_references(
    draw: st.DrawFn, *, than: CaseNumber | None = None, partnership: Partnership | None = None,
    hostile: bool = True,
) -> CaseReference:  # fmt: skip
    """A reference to a case earlier than ``than`` (lower year, or same year and lower
    sequence): "sak21/2015", "OSO sak 004-2021"."""
    than = than or CaseNumber(text="2/2016", sequence=2, year=2016)
    return _case_reference(draw, _ctx(hostile, partnership), than, dt.date(than.year, 12, 31))


def _attachment(
    draw: st.DrawFn, hostile: bool, number: int | None, with_document: bool
) -> Attachment:
    return Attachment(
        title=_text(draw, hostile, 8),
        number=number,
        description=_maybe_text(draw, hostile),
        url=_maybe_pick(draw, _URLS),
        media_type=_maybe_pick(draw, ("application/pdf", "application/json")),
        document=_action_plan(draw, hostile, None, 1, 2) if with_document else None,
        # the file as published, kept apart from the title ("Digital-transformasjon-")
        file_name=_maybe_pick(draw, ("Digital-transformasjon-", "vedlegg_1.pdf", "Status-ÆØÅ")),
    )


@st.composite
def attachments(
    draw: st.DrawFn, *, number: int | None = None, hostile: bool = True, with_document: bool = False
) -> Attachment:
    """An attachment (vedlegg); with ``with_document`` it holds a small action plan."""
    return _attachment(draw, hostile, number, with_document)


def _case_document(
    draw: st.DrawFn, ctx: _Ctx, partnership: Partnership | None, *, body: str,
    case_number: CaseNumber, meeting_date: dt.date, nested: bool,
) -> CaseDocument:  # fmt: skip
    """A case document for the meeting of ``body`` on ``meeting_date``. A nested one (on an
    agenda) always states its meeting date and never attaches a document."""
    document_date = _date(draw, meeting_date - dt.timedelta(days=60), meeting_date)
    event_days = _sorted_dates(draw, _int(draw, 0, 2), document_date - dt.timedelta(days=90),
                               document_date)  # fmt: skip
    status = _maybe_pick(draw, tuple(CaseStatus))
    decision = None
    if status in (CaseStatus.CONSIDERED, CaseStatus.ADOPTED) and _bool(draw):
        decision = _decision(draw, ctx, body=body, date=meeting_date, case_number=case_number)
    numbered = _bool(draw)
    attached = tuple(
        _attachment(draw, ctx.hostile, i + 1 if numbered else None,
                    with_document=not nested and _one_in(draw, 6))
        for i in range(_int(draw, 0, 2))
    )  # fmt: skip
    return CaseDocument(
        language=_language(draw),
        body=body,
        case_number=case_number,
        id=_maybe(draw, lambda: f"sak-{body}-{case_number.year}-{case_number.sequence}"),
        partnership=partnership,
        title=_maybe_text(draw, ctx.hostile, 10),
        document_type=_maybe_pick(draw, ("Saksframlegg", "Orienteringssak")),
        letterhead=_some(draw, ("VESTRE VIKEN", "KHS", "Kommunehelsesamarbeidet"), 3),
        issued_by=_repeat(draw, lambda: _text(draw, ctx.hostile, 3), 1),
        meeting_date=meeting_date if nested else _maybe(draw, lambda: meeting_date),
        document_date=_maybe(draw, lambda: document_date),
        case_officers=_repeat(draw, lambda: _person(draw, ctx), 2, 1),
        archive_reference=_maybe(draw, lambda: _archive_reference(draw, document_date.year)),
        proposal=_proposal(draw, ctx),
        sections=_repeat(draw, lambda: _section(draw, ctx), 3, 1),
        process_events=tuple(_process_event(draw, ctx, d) for d in event_days),
        references=_repeat(draw, lambda: _case_reference(draw, ctx, case_number, document_date), 2),
        attachments_heading=_maybe(draw, lambda: "Vedlegg") if attached else None,
        attachments=attached,
        status=status,
        decision=decision,
    )  # fmt: skip


@st.composite
def case_documents(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    body: str | None = None,
    case_number: CaseNumber | None = None,
    meeting_date: dt.date | None = None,
    hostile: bool = True,
) -> CaseDocument:
    """A case document (saksframlegg): document date <= meeting date, case number of the
    meeting year, references to earlier cases only, a proposal, process events not after
    the document date; body and every reference resolve in the embedded partnership."""
    if partnership is None and body is None:
        partnership = _partnership(draw, hostile, 3, embedded=True)
    ctx = _ctx(hostile, partnership)
    body = body or _pick(draw, ctx.body_ids)
    if meeting_date is None:
        year = case_number.year if case_number else _int(draw, 2010, MAX_DATE.year)
        meeting_date = _date(draw, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if case_number is None:
        case_number = _case_number(draw, meeting_date.year, _int(draw, 1, 120))
    return _case_document(draw, ctx, partnership, body=body, case_number=case_number,
                          meeting_date=meeting_date, nested=False)  # fmt: skip


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------


def _participant(draw: st.DrawFn, ctx: _Ctx) -> Participant:
    person = _maybe(draw, lambda: _person(draw, ctx))
    party = _maybe_pick(draw, ctx.party_ids)
    if person is None and party is None:
        person = Person(name=_person_name(draw))
    return Participant(person=person, party=party, role=_maybe_pick(draw, tuple(ParticipantRole)),
                       present=_bool(draw))  # fmt: skip


@st.composite
def participants(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> Participant:
    """A participant: a person and/or the party represented (an id of ``partnership``)."""
    return _participant(draw, _ctx(hostile, partnership))


def _programme_item(draw: st.DrawFn, ctx: _Ctx, start: dt.time | None) -> ProgrammeItem:
    return ProgrammeItem(
        text=_text(draw, ctx.hostile, 10),
        kind=_maybe_pick(draw, tuple(ProgrammeItemKind)),
        title=_maybe_text(draw, ctx.hostile, 6),
        speakers=_repeat(draw, lambda: _person(draw, ctx), 2),
        start_time=start,
        presentations=_repeat(draw, lambda: _text(draw, ctx.hostile, 5), 1),
        notes=_repeat(draw, lambda: _text(draw, ctx.hostile), 1),
    )


@st.composite
def programme_items(
    draw: st.DrawFn, *, partnership: Partnership | None = None, hostile: bool = True
) -> ProgrammeItem:
    """An item of a meeting's programme with speakers, start time, presentations, notes."""
    start = _maybe(draw, lambda: dt.time(_int(draw, 8, 17), _pick(draw, (0, 15, 30, 45))))
    return _programme_item(draw, _ctx(hostile, partnership), start)


def _agenda_item(draw: st.DrawFn, ctx: _Ctx, body: str, day: dt.date, cn: CaseNumber) -> AgendaItem:
    case_doc = None
    if _one_in(draw, 3):
        case_doc = _case_document(draw, ctx, None, body=body, case_number=cn, meeting_date=day,
                                  nested=True)  # fmt: skip
    return AgendaItem(
        case_number=cn,
        title=_text(draw, ctx.hostile, 10),
        case_type=_maybe_pick(draw, ("PS", "RS", "Orienteringssak", "Vedtakssak")),
        case_document=case_doc,
        decision=_maybe(draw, lambda: _decision(draw, ctx, body=body, date=day, case_number=cn)),
    )


@st.composite
def agenda_items(
    draw: st.DrawFn,
    *,
    body: str = "osu",
    meeting_date: dt.date = dt.date(2016, 2, 8),
    case_number: CaseNumber | None = None,
    partnership: Partnership | None = None,
    hostile: bool = True,
) -> AgendaItem:
    """An agenda item whose case number is of the meeting year and whose case document and
    decision belong to ``body`` and ``meeting_date``."""
    cn = case_number or _case_number(draw, meeting_date.year, _int(draw, 1, 60))
    return _agenda_item(draw, _ctx(hostile, partnership), body, meeting_date, cn)


def _minutes(draw: st.DrawFn, hostile: bool, meeting_date: dt.date | None) -> Minutes:
    lo = meeting_date or MIN_DATE
    day = _maybe_date(draw, lo, lo + dt.timedelta(days=30))
    return Minutes(
        title=_pick(draw, ("Referat", "Protokoll", "Referat fra partnerskapsmøtet")),
        date=day,
        approved=_maybe_date(draw, day or lo, (day or lo) + dt.timedelta(days=90)),
        url=_maybe_pick(draw, _URLS),
        content=_blocks(draw, _Ctx(hostile=hostile), 1),
    )


@st.composite
def minutes(
    draw: st.DrawFn, *, meeting_date: dt.date | None = None, hostile: bool = True
) -> Minutes:
    """Minutes (referat) dated on or after the meeting and approved on or after that."""
    return _minutes(draw, hostile, meeting_date)


_LOCATIONS = ("Drammen sykehus", "Bodø rådhus", "Kárášjohka", "Teams", "Scandic Hábmer")


def _meeting(
    draw: st.DrawFn, hostile: bool, partnership: Partnership, max_agenda_items: int
) -> Meeting:
    ctx = _ctx(hostile, partnership)
    body = _pick(draw, ctx.bodies)
    day = _date(draw, dt.date(2010, 1, 1), MAX_DATE)
    present = _repeat(draw, lambda: _participant(draw, ctx), 3)
    count = _maybe(draw, lambda: _int(draw, len(present), len(present) + 120))
    approximate = _bool(draw) if count is not None else False
    # Votes never exceed an exact participant count.
    ctx = attrs.evolve(ctx, max_votes=None if approximate else count)
    sequences = sorted({_int(draw, 1, 60) for _ in range(_int(draw, 0, max_agenda_items))})
    agenda = tuple(
        _agenda_item(draw, ctx, body.id, day, _case_number(draw, day.year, s)) for s in sequences
    )
    hour = _int(draw, 8, 13)
    start = _maybe(draw, lambda: dt.time(hour, _pick(draw, (0, 15, 30))))
    end = dt.time(hour + _int(draw, 1, 6), 0) if start and _bool(draw) else None
    # Programme items in time order, none before the meeting starts.
    base = dt.datetime.combine(day, start or dt.time(hour))
    slots = [(base + dt.timedelta(minutes=30 * i)).time() for i in range(3)]
    programme = tuple(
        _programme_item(draw, ctx, slots[i] if start and _bool(draw) else None)
        for i in range(_int(draw, 0, 2))
    )
    case_numbers_on_agenda = [a.case_number for a in agenda]
    return Meeting(
        language=_language(draw),
        body=body.id,
        date=day,
        id=_maybe(draw, lambda: f"{body.id}-{day.isoformat()}"),
        title=_maybe(draw, lambda: f"{body.label} {_date_nb(day)}"),
        partnership=partnership,
        start_time=start,
        end_time=end,
        location=_maybe_pick(draw, _LOCATIONS),
        description=_blocks(draw, ctx, 1),
        participants_count=count,
        participants_approximate=approximate,
        participants_text=f"ca. {count} deltakere" if count is not None and _bool(draw) else None,
        participants=present,
        represented_parties=_some(draw, ctx.party_ids, 3),
        represented_text=_maybe(draw, lambda: "Alle kommunene var representert"),
        programme=programme,
        agenda=agenda,
        presentations=_repeat(draw, lambda: _attachment(draw, hostile, None, False), 1),
        presentations_text=_maybe(draw, lambda: "Presentasjonene fra møtet ligger nedenfor:"),
        decisions=_repeat(draw, lambda: _decision(draw, ctx, body=body.id, date=day,
                                                  case_number=_maybe_pick(draw, case_numbers_on_agenda)), 1),
        minutes=_maybe(draw, lambda: _minutes(draw, hostile, day)),
        notes=_blocks(draw, ctx, 1),
        links=_repeat(draw, lambda: _link(draw, hostile), 1),
    )  # fmt: skip


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    partnership: Partnership | None = None,
    hostile: bool = True,
    max_agenda_items: int = 3,
) -> Meeting:
    """A meeting of a body of the embedded partnership: agenda case numbers unique and of
    the meeting year, agenda case documents and decisions of the same body and date,
    vote counts consistent with unanimity, participants count >= listed participants."""
    if partnership is None:
        partnership = _partnership(draw, hostile, 3, embedded=True)
    return _meeting(draw, hostile, partnership, max_agenda_items)


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

_DOCUMENT_STRATEGIES: dict[str, Callable[..., st.SearchStrategy[Any]]] = {
    "partnership": partnerships,
    "agreement": agreements,
    "action_plan": action_plans,
    "case_document": case_documents,
    "meeting": meetings,
    "status_report": status_reports,
}


def documents(
    kinds: Sequence[str] | None = None, *, hostile: bool = True
) -> st.SearchStrategy[Document]:
    """Any top-level document; ``kinds`` limits them: ``documents(kinds=("action_plan",))``."""
    chosen = tuple(kinds) if kinds is not None else tuple(DOCUMENT_TYPES)
    unknown = [k for k in chosen if k not in _DOCUMENT_STRATEGIES]
    if unknown or not chosen:
        raise ValueError(
            f"unknown document kind(s) {unknown or list(chosen)!r}; "
            f"expected some of {', '.join(DOCUMENT_TYPES)}"
        )
    return st.one_of(*[_DOCUMENT_STRATEGIES[k](hostile=hostile) for k in chosen])
