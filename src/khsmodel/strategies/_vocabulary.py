"""The vocabulary the strategies draw from: Norwegian and Sámi words, phrases
and names from the seeds and shared/domain/test-names.md (kept as written), hostile
but legal strings, and the catalogue of parties and bodies."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from ..parties import OrganisationKind, RoleKind
from ..partnerships import BodyKind
from ..plans import Collective

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
