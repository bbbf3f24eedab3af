"""The benchmark keeps working: ``benchmarks/run.py --quick`` at tiny sizes, one repeat.

Not a timing test: it checks that every measurement runs (the peers read and
write the same plans, the memory children start) and that ``--json`` writes
exactly the keys of issue 7, each a number. pydantic and msgspec are
benchmark-only dependencies (the ``bench`` extra); without them their ratios
are null.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

from tests.support.needs import find_program

ROOT = Path(__file__).resolve().parents[1]

RATIOS = {
    "json_load_vs_cattrs",
    "json_dump_vs_cattrs",
    "json_load_vs_pydantic",
    "json_load_vs_msgspec",
    "docx_1k_vs_python_docx",
    "docx_5k_vs_python_docx",
    "pdf_1k_vs_reportlab",
    "pdf_5k_vs_reportlab",
    "html_1k_vs_jinja2",
    "pdfa_1k_weasyprint_vs_libreoffice",
    "pdfa_peak_mem_weasyprint_vs_libreoffice",
    "docx_peak_mem_vs_python_docx",
    "pdf_peak_mem_vs_reportlab",
}
OPTIONAL = {
    "json_load_vs_pydantic": "pydantic",
    "json_load_vs_msgspec": "msgspec",
    "html_1k_vs_jinja2": "jinja2",
}


def _number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


def test_quick_run_writes_the_issue_keys(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    raw = tmp_path / "raw.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out),
         "--raw", str(raw)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "JSON load 200 vs plain cattrs" in run.stdout
    assert "pdf peak memory 100 vs hand reportlab" in run.stdout
    if importlib.util.find_spec("jinja2") is not None:
        assert "html 20 vs hand Jinja2 template" in run.stdout

    data = json.loads(out.read_text("utf-8"))
    assert set(data) == {
        "import_ms",
        "bare_python_ms",
        "ratios",
        "growth",
        "validate_10k_ms",
        "machine",
        "python",
    }
    assert set(data["ratios"]) == RATIOS
    assert set(data["growth"]) == {"docx_1k_to_5k", "pdf_1k_to_5k"}
    for key in ("import_ms", "bare_python_ms", "validate_10k_ms"):
        assert _number(data[key]), key
    from khsmodel_exporters.pdfa import weasyprint_missing

    both_routes = find_program("soffice") is not None and weasyprint_missing() is None
    for key, value in data["ratios"].items():
        module = OPTIONAL.get(key)
        missing = module is not None and importlib.util.find_spec(module) is None
        if missing or (key.startswith("pdfa_") and not both_routes):  # LibreOffice, Pango
            assert value is None, key
        else:
            assert _number(value), (key, value)
    for key, value in data["growth"].items():
        assert _number(value), (key, value)
    assert data["python"] == ".".join(str(x) for x in sys.version_info[:3])
    assert "CPUs" in data["machine"]

    # the raw timings behind the plot: every size, ours and the peer's, in seconds
    timings = json.loads(raw.read_text("utf-8"))
    assert timings["sizes"] == {
        "export_tiny": 4,
        "export_small": 20,
        "export_large": 100,
        "json": 200,
    }
    for group in ("docx_tiny", "docx_small", "docx_large", "pdf_tiny", "pdf_small", "pdf_large"):
        assert set(timings[group]) >= {"ours", "peer"}
        assert all(_number(t) for t in timings[group]["ours"] + timings[group]["peer"])
    # importing the package loads no exporter and no heavy library
    assert timings["import"]["heavy_modules"] == ""


def test_followup_benchmark_runs(tmp_path: Path) -> None:
    """benchmarks/followup.py --quick: report and diff at two tiny sizes, times as numbers."""
    out = tmp_path / "followup.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "followup.py"), "--quick", "--json", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"report", "diff"}
    assert all(set(data[k]) == {"20", "100"} and all(map(_number, data[k].values())) for k in data)
    assert "report" in result.stdout and "diff" in result.stdout
