"""Documents and readback helpers for the PDF tests (not collected by pytest).

Readback uses the programs a person would: ``pdftotext`` and ``pdffonts``
(poppler-utils) and pypdf for the outline and the catalogue.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from khsmodel import (
    ActionPlan,
    Adoption,
    Body,
    BodyKind,
    CaseNumber,
    FocusArea,
    KommuneNumber,
    Measure,
    Organisation,
    OrganisationKind,
    OtherName,
    Partnership,
    PartnershipKind,
    Period,
    Phase,
    Responsibility,
    ResponsibleParty,
    Timeframe,
    interpret_timeframe,
)
from tests.support.needs import program

ROOT = Path(__file__).resolve().parents[2]

#: Sámi and Kven forms of shared/domain/test-names.md (with the Norwegian name and language).
SAMI_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Guovdageaidnu", "Kautokeino", "se"),
    ("Kárášjohka", "Karasjok", "se"),
    ("Unjárga", "Nesseby", "se"),
    ("Deanu gielda", "Tana", "se"),
    ("Porsáŋgu", "Porsanger", "se"),
    ("Porsanki", "Porsanger", "fkv"),
    ("Gáivuona suohkan", "Kåfjord", "se"),
    ("Kaivuonon komuuni", "Kåfjord", "fkv"),
    ("Evenášši", "Evenes", "se"),
    ("Loabák", "Lavangen", "se"),
    ("Hábmera suohkan", "Hamarøy", "smj"),
    ("Fuosko suohkan", "Fauske", "smj"),
    ("Fuolldá", "Sørfold", "smj"),
    ("Suortá", "Sortland", "se"),
    ("Divtasvuodna", "Tysfjord", "smj"),
    ("Snåase", "Snåsa", "sma"),
    ("Raarvihke", "Røyrvik", "sma"),
    ("Aarborte", "Hattfjelldal", "sma"),
    ("Nåavmesjenjaelmie", "Namsos", "sma"),
    ("Ráisa", "Nordreisa", "se"),
    ("Storfjord - Omasvuotna - Omasvuono", "Storfjord", "se"),
    ("Dielddanuorri", "Tjeldsund", "se"),
)
#: Words to find exactly: capitals and South Sámi ï, the NFD spelling, seed names kept as written.
SAMI_WORDS = (
    "gïele",
    "á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž Ï",
    "Ka\u0301ra\u0301s\u030cjohka",
    "Kari Engen Sørensen",
    "Anne-Hilde Crowo",
    "Øvre Eiker",
    "Ål",
    "Bærum",
)

_KNR = (
    "5612",
    "5610",
    "5636",
    "5628",
    "5622",
    "5622",
    "5540",
    "5540",
    "1853",
    "5518",
    "1875",
    "1841",
    "1845",
    "1870",
    "1850",
    "5041",
    "5043",
    "1826",
    "5007",
    "5544",
    "5538",
    "5512",
)


def sami_plan() -> ActionPlan:
    """A plan of a northern partnership: every Sámi form as a party and as a responsible."""
    parties = tuple(
        Organisation(
            id=f"k{i}",
            kind=OrganisationKind.MUNICIPALITY,
            name=norwegian,
            kommune_number=KommuneNumber(knr),
            other_names=(OtherName(name=sami, lang=lang),),
        )
        for i, ((sami, norwegian, lang), knr) in enumerate(zip(SAMI_NAMES, _KNR, strict=True))
    )
    partnership = Partnership(
        id="nord",
        name="Helsefellesskap Nord-Sápmi",
        kind=PartnershipKind.HEALTH_PARTNERSHIP,
        parties=parties,
        bodies=(
            Body(
                id="ssu",
                kind=BodyKind.STRATEGIC_COMMITTEE,
                name="Strategisk samarbeidsutvalg",
                abbreviation="SSU",
            ),
        ),
    )
    measures = tuple(
        Measure(
            number=i + 1,
            text=f"Samisk språk i tjenestene: {sami} ({norwegian})",
            responsibility=Responsibility(text=sami, lead=(ResponsibleParty(party=f"k{i}"),)),
            timeframe=Timeframe(
                text="Medio juni", interpretation=interpret_timeframe("Medio juni", year=2022)
            ),
        )
        for i, (sami, norwegian, _) in enumerate(SAMI_NAMES)
    )
    words = tuple(
        Measure(number=len(measures) + i + 1, text=w, responsibility=Responsibility(text=w))
        for i, w in enumerate(SAMI_WORDS)
    )
    return ActionPlan(
        title="Handlingsplan for samiske pasienter 2022–2023",
        partnership=partnership,
        owner="ssu",
        period=Period(start=dt.date(2022, 1, 1), end=dt.date(2023, 12, 31)),
        adoptions=(Adoption(
            body="ssu", date=dt.date(2022, 2, 4), case_number=CaseNumber.parse("07-2022")
        ),),
        focus_areas=(
            FocusArea(
                number=1, title="Samisk språk og kultur i pasientforløpene", measures=measures
            ),
            FocusArea(number=2, title="Navn og ord som skal stå som de er skrevet", measures=words),
        ),
    )


def tf(text: str, year: int = 2016) -> Timeframe:
    return Timeframe(text=text, interpretation=interpret_timeframe(text, year=year, body="osu"))


def timeline_plan(*, resolvable: bool = True, n: int = 0) -> ActionPlan:
    """A plan with fuzzy and (optionally) resolvable timeframes; ``n`` extra dated measures."""
    fuzzy = ("Tidsplan i samarbeid med kommunene", "Neste møte")
    texts = (
        ("Medio juni", "15 mars", "Starter i april", "2016", "innen 1. september")
        if (resolvable)
        else ()
    )
    measures = [
        Measure(number=i + 1, label=f"1.{i + 1}", text=f"Tiltak med tidsperspektiv «{t}»",
                timeframe=tf(t))
        for i, t in enumerate((*texts, *fuzzy))
    ]
    measures += [
        Measure(
            number=len(measures) + i + 1,
            label=f"1.{len(measures) + i + 1}",
            text=f"Ekstra tiltak nummer {i + 1}",
            timeframe=tf(["Mars 2016", "April 2016", "2017", "Medio mai"][i % 4]),
        )
        for i in range(n)
    ]
    return ActionPlan(
        title="Handlingsplan med tidslinje",
        period=Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
        focus_areas=(
            FocusArea(
                number=1,
                title="Første fokusområde",
                measures=tuple(measures),
            ),
            FocusArea(
                number=2,
                title="Uten tidsperspektiv",
                measures=(
                    Measure(
                        number=1,
                        text="Tiltak uten tid",
                        phase=Phase(number=1, label="Fase 1"),
                        responsibility=Responsibility(text="Partene"),
                    ),
                ),
            ),
        ),
    )


def plan_2016_2017() -> ActionPlan:
    """The 2016–2017 plan of seed 002, from examples/khs.py."""
    examples = str(ROOT / "examples")
    if examples not in sys.path:
        sys.path.insert(0, examples)
    import khs  # type: ignore[import-not-found]

    plan = khs.action_plan_2016_2017()
    assert isinstance(plan, ActionPlan)
    return plan


# ---------------------------------------------------------------- readback
def pdftotext(
    data: bytes,
    *,
    first: int | None = None,
    last: int | None = None,
    raw: bool = True,
    body_only: bool = False,
) -> str:
    """Text of a PDF as poppler reads it (``-raw``: in drawing order).

    ``body_only`` crops away the running header and footer (A4, the exporter's margins).
    """
    cmd = [program("pdftotext")]
    if raw:
        cmd.append("-raw")
    if body_only:
        cmd += ["-x", "0", "-y", "60", "-W", "595", "-H", "728"]  # 60..788 pt from the top
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    out = subprocess.run(
        [*cmd, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True, timeout=60
    )
    return out.stdout.decode("utf-8")


def norm(text: str) -> str:
    """NFC, whitespace collapsed (line breaks of the layout are not data)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdffonts(data: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb, sub, uni."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [program("pdffonts"), str(path)], capture_output=True, check=True, text=True, timeout=60
    ).stdout.splitlines()
    # Split from the right: a name longer than its column (a subset prefix and a long
    # family name) pushes the fixed columns aside. Type ("CID TrueType") holds spaces.
    rows = []
    for line in out[2:]:
        t = line.split()
        rows.append({"name": t[0], "type": " ".join(t[1:-6]), "encoding": t[-6],
                     "emb": t[-5], "sub": t[-4], "uni": t[-3],
                     "object ID": f"{t[-2]} {t[-1]}"})  # fmt: skip
    return rows


def word_boxes(data: bytes, tmp_path: Path) -> list[tuple[int, float, float, float, float]]:
    """(page, xMin, yMin, xMax, yMax) of every word, from ``pdftotext -bbox``."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(data)
    html = subprocess.run(
        [program("pdftotext"), "-bbox", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        timeout=120,
    ).stdout
    boxes = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', line)
        if m and "<word" in line:
            boxes.append((page, *(float(g) for g in m.groups())))
    return boxes


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every outline entry, in order."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    out: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item)  # type: ignore[arg-type]
                out.append((depth, str(item.title), page))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return out
