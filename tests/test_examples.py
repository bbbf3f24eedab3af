"""The seed examples: JSON files up to date, every example loads, make_documents writes them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import khsmodel
from tests.support.pdf_support import pdftotext

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
sys.path.insert(0, str(EXAMPLES_DIR))

from catalogue import EXAMPLES  # noqa: E402
from write_json import DOCUMENTS, expected_files  # noqa: E402


def test_every_seed_is_modelled() -> None:
    seeds = {name[:3] for name in EXAMPLES}
    assert seeds == {"000", "001", "002", "003", "004"}


def test_json_files_are_up_to_date() -> None:
    wanted = expected_files()
    present = {p.name for p in DOCUMENTS.glob("*.json")}
    assert present == set(wanted), "run: python examples/write_json.py"
    for name, text in wanted.items():
        on_disk = (DOCUMENTS / name).read_text(encoding="utf-8")
        assert on_disk == text, f"{name} is out of date; run: python examples/write_json.py"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_json_file_loads_to_the_python_example(name: str) -> None:
    assert khsmodel.load(DOCUMENTS / f"{name}.json") == EXAMPLES[name]()


def test_make_documents_writes_every_example(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES_DIR / "make_documents.py"), str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    for name, build in EXAMPLES.items():
        json_file = out / f"{name}.json"
        assert khsmodel.loads(json_file.read_bytes()) == build()
    # the follow-up of seed 002: the changes from 2015 and the status report of 30 June 2016
    text = (out / "002-khs-endringer-fra-2015.txt").read_text(encoding="utf-8")
    assert text.startswith("Handlingsplan for 2015 → Handlingsplan 2016-2017\n")
    # in the plans' language, as the documents beside it
    assert "videreført: 0, endret: 0, nye: 22, ikke med: 11" in text
    assert "nytt fokusområde: 1 " in text and "focus area" not in text
    data = json.loads((out / "002-khs-endringer-fra-2015.json").read_text(encoding="utf-8"))
    assert data["summary"]["added"] == 22 and data["carried_over"] == []
    status = khsmodel.load(out / "002-khs-statusrapport-2016-06-30.json")
    assert isinstance(status, khsmodel.StatusReport) and status.summary().total == 22
    # the 2016-2017 plan with its appendix of changes from 2015, in the formats that print it
    changes = "Endringer fra forrige plan"
    with_changes = out / "002-khs-handlingsplan-2016-2017-med-endringer"
    assert not (with_changes.with_suffix(".json")).exists()  # JSON holds no appendix
    import docx

    paras = [p.text for p in docx.Document(str(with_changes.with_suffix(".docx"))).paragraphs]
    assert changes in paras and "Nye tiltak i denne planen (22)" in paras
    assert changes in with_changes.with_suffix(".html").read_text(encoding="utf-8")
    pdf = pdftotext(with_changes.with_suffix(".pdf").read_bytes())
    assert changes in pdf and "Prosjektbeskrivelse for diagnoseuavhengig" in pdf
    # the meeting plans: the seed's meetings of 2022, and the made-up one of 2026
    seed = khsmodel.load(out / "003-vest-viken-moteplan-2022.json")
    assert isinstance(seed, khsmodel.MeetingPlan)
    assert [m.date for m in seed.meetings] == [dt.date(2022, 1, 10), dt.date(2022, 2, 4)]
    made_up = khsmodel.load(out / "oppdiktet-moteplan-2026.json")
    assert isinstance(made_up, khsmodel.MeetingPlan) and "oppdiktet" in (made_up.title or "")
    assert (out / "oppdiktet-moteplan-2026.ics").read_bytes().count(b"BEGIN:VEVENT") == 20  # 18 meetings, deadlines, dates + 2 dated measures
    # the site holds the follow-up documents too, linked from its index
    index = (out / "site" / "index.html").read_text(encoding="utf-8")
    for name in ("002-khs-statusrapport-2016-06-30", "003-vest-viken-moteplan-2022",
                 "oppdiktet-moteplan-2026", "002-khs-handlingsplan-2016-2017-med-endringer"):
        assert (out / "site" / f"{name}.html").is_file() and f'href="{name}.html"' in index, name
    assert changes in (out / "site" / f"{with_changes.name}.html").read_text(encoding="utf-8")


def test_make_documents_shows_its_usage_and_refuses_an_unknown_option(tmp_path: Path) -> None:
    script = str(EXAMPLES_DIR / "make_documents.py")
    shown = subprocess.run([sys.executable, script, "--help"], capture_output=True, text=True,
                           check=False, cwd=tmp_path)  # fmt: skip
    assert shown.returncode == 0 and "usage: make_documents.py" in shown.stdout
    assert "OUT_DIR" in shown.stdout.upper() and not list(tmp_path.iterdir())  # nothing written
    wrong = subprocess.run([sys.executable, script, "--out", "x"], capture_output=True,
                           text=True, check=False, cwd=tmp_path)  # fmt: skip
    assert wrong.returncode == 2 and "unrecognized arguments: --out" in wrong.stderr
    assert not list(tmp_path.iterdir())
