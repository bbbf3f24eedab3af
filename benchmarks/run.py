"""Benchmarks: khsmodel against the raw libraries, side by side in one run.

    python benchmarks/run.py [--json FILE] [--raw FILE] [--sizes full|small|tiny|A,B,C]
                             [--repeats K] [--quick] [--only GROUPS]

Every number is a ratio of two measurements taken in the same run, each the
minimum of several repeats, ours and the peer's interleaved (the order
alternates), so the load of a shared machine hits both alike. Ratios are ours
divided by the peer's: below 1 means khsmodel is faster.

Sizes are three measure counts: the two export sizes and the JSON / validate
size (``full``: 1 000, 5 000, 10 000). ``--quick`` runs tiny sizes with one
repeat (a smoke test, seconds). ``--json`` writes the summary (exactly the keys
of issue 7); ``--raw`` writes every timing in seconds, for ``benchmarks/plot.py``.
See docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES = {
    "full": (1000, 5000, 10000),
    "small": (200, 1000, 2000),
    "tiny": (20, 100, 200),
}
GROUPS = ("import", "json", "validate", "docx", "pdf", "html", "pdfa", "memory", "followup")

#: Targets of issue 7 (ratios unless named otherwise): key → (limit, label).
TARGETS: dict[str, float] = {
    "import_ms": 70.0,
    "validate_10k_ms": 50.0,
    "json_load_vs_cattrs": 1.2,
    "json_dump_vs_cattrs": 1.25,
    "json_load_vs_pydantic": 1.0,  # stretch
    "docx_1k_vs_python_docx": 1.0,
    "pdf_1k_vs_reportlab": 1.1,
    "html_1k_vs_jinja2": 1.0,  # issue 17
    "pdfa_1k_weasyprint_vs_libreoffice": 1.5,  # issue 17: time
    "pdfa_peak_mem_weasyprint_vs_libreoffice": 1.5,  # issue 17: memory
    "docx_peak_mem_vs_python_docx": 1.2,
    "pdf_peak_mem_vs_reportlab": 1.2,
    "docx_1k_to_5k": 5.5,
    "pdf_1k_to_5k": 6.2,
}


def have(module: str) -> bool:
    """True when an optional peer (pydantic, msgspec, docxtpl: the ``bench`` extra) is installed."""
    return importlib.util.find_spec(module) is not None


# ---------------------------------------------------------------- timing
def interleaved(fns: dict[str, Callable[[], object]], repeats: int) -> dict[str, list[float]]:
    """Run each function ``repeats`` times, round robin, rotating who goes first."""
    names = list(fns)
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(repeats):
        k = r % len(names)
        for name in names[k:] + names[:k]:
            gc.collect()
            t0 = time.perf_counter()
            fns[name]()
            times[name].append(time.perf_counter() - t0)
    return times


def best(times: list[float]) -> float:
    return min(times)


def _best(group: dict[str, list[float]], name: str) -> float | None:
    return min(group[name]) if name in group else None


# ---------------------------------------------------------------- children
def _rss_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")  # pragma: no cover


def _reset_peak() -> bool:
    """Reset the process's peak RSS (Linux ≥ 4.0); False when not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def child_memory(fmt: str, side: str, n: int) -> dict[str, Any]:
    """Peak memory of one export in this (fresh) process: RSS growth over the export."""
    import resource

    from _peers import docx_by_hand, pdf_by_hand
    from _plans import make_plan

    from khsmodel import exporters

    fn: Callable[[Any], bytes]
    if side == "ours":

        def fn(plan: Any) -> bytes:
            return exporters.export(plan, fmt)
    else:
        fn = docx_by_hand if fmt == "docx" else pdf_by_hand
    fn(make_plan(3))  # imports, fonts, hooks: not part of the measurement
    plan = make_plan(n)
    gc.collect()
    exact = _reset_peak()
    before = _rss_kb("VmRSS")
    base_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = fn(plan)
    if exact:
        peak = _rss_kb("VmHWM")
        method = "VmHWM after clear_refs"
    else:  # pragma: no cover - kernels without clear_refs
        peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, base_max)
        method = "ru_maxrss"
    return {"peak_kb": peak - before, "bytes": len(out), "method": method}


def child_pdfa(route: str, n: int) -> dict[str, Any]:
    """One ``pdfa`` export of an ``n``-measure plan by ``route`` in this fresh process.

    Memory is what the route needs beyond a process that has imported khsmodel and
    holds the plan, libraries loaded on the way included (WeasyPrint, Pango and fonts
    load in this process; LibreOffice starts as a child): the larger of this process's
    peak growth over the export (WeasyPrint's layout; for LibreOffice the Word file) and
    its growth kept while a child ran plus the child's own peak RSS (``RUSAGE_CHILDREN``:
    the largest child, its own children included: soffice). Time: the same first export (``cold_s``, LibreOffice
    starts anew each time, as it does for every user call) and a second one
    (``warm_s``: WeasyPrint's libraries and fonts are loaded then; for LibreOffice a
    second cold start).
    """
    import resource

    from _plans import make_plan

    from khsmodel_exporters.pdfa import PdfaExporter

    exporter = PdfaExporter()
    plan = make_plan(n)
    gc.collect()
    exact = _reset_peak()
    before = _rss_kb("VmRSS")
    t0 = time.perf_counter()
    out = exporter.export(plan, route=route)
    cold = time.perf_counter() - t0
    own_peak = (_rss_kb("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    kept = _rss_kb("VmRSS") - before
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kB on Linux
    # a child's memory counts beside what this process kept while the child ran (soffice;
    # WeasyPrint starts none, fontconfig at most)
    peak = max(own_peak - before, kept + child)
    t0 = time.perf_counter()
    exporter.export(plan, route=route)
    warm = time.perf_counter() - t0
    return {"peak_kb": peak, "own_peak_kb": own_peak - before, "child_peak_kb": child,
            "cold_s": cold, "warm_s": warm, "bytes": len(out)}  # fmt: skip


def measure_pdfa(n: int) -> dict[str, dict[str, Any]]:
    """Both routes of the ``pdfa`` exporter, each in its own fresh process, one after the
    other (LibreOffice uses both cores; side by side they would slow each other)."""
    out: dict[str, dict[str, Any]] = {}
    for route in ("weasyprint", "libreoffice"):
        proc = subprocess.run(
            [sys.executable, str(HERE / "run.py"), "--child-pdfa", route, str(n)],
            stdout=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
        if proc.returncode:
            raise RuntimeError(f"pdfa child {route} failed ({proc.returncode})")
        out[route] = json.loads(proc.stdout)
    return out


_FIRST_USE_SNIPPET = (
    "import time\n"
    "t = time.perf_counter()\n"
    "from khsmodel import ActionPlan, dumps, loads, validate\n"
    "loads(dumps(ActionPlan(title='x')))\n"
    "print((time.perf_counter() - t) * 1000)\n"
)

_IMPORT_SNIPPET = (
    "import sys, time\n"
    "t = time.perf_counter()\n"
    "import khsmodel\n"
    "t = time.perf_counter() - t\n"
    "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
    "('khsmodel_exporters', 'docx', 'reportlab', 'lxml'))\n"
    "print(t * 1000, ','.join(heavy))\n"
)


def measure_import(repeats: int) -> dict[str, Any]:
    """``import khsmodel`` in fresh interpreters, and a bare interpreter start (ms)."""
    exe = sys.executable
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    inner: list[float] = []
    wall_import: list[float] = []
    bare: list[float] = []
    first_use: list[float] = []
    heavy = ""
    for _ in range(repeats):
        out = subprocess.run(
            [exe, "-c", _FIRST_USE_SNIPPET], check=True, env=env, capture_output=True, text=True
        ).stdout.split()
        first_use.append(float(out[0]))
        t0 = time.perf_counter()
        subprocess.run([exe, "-c", "pass"], check=True, env=env)
        bare.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        out = subprocess.run(
            [exe, "-c", _IMPORT_SNIPPET], check=True, env=env, capture_output=True, text=True
        ).stdout.split()
        wall_import.append((time.perf_counter() - t0) * 1000)
        inner.append(float(out[0]))
        heavy = out[1] if len(out) > 1 else ""
    return {
        "import_ms": min(inner),
        "bare_python_ms": min(bare),
        "python_import_khsmodel_ms": min(wall_import),
        "first_use_ms": min(first_use),
        "heavy_modules": heavy,
    }


def measure_memory(n: int) -> dict[str, dict[str, Any]]:
    """Peak memory of each export in its own fresh process, all four at once.

    Memory is not disturbed by a neighbour the way time is (each process
    measures its own resident set), so the processes run side by side to keep
    the run short.
    """
    procs = {
        (fmt, side): subprocess.Popen(
            [sys.executable, str(HERE / "run.py"), "--child-memory", fmt, side, str(n)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for fmt in ("docx", "pdf")
        for side in ("ours", "peer")
    }
    out: dict[str, dict[str, Any]] = {}
    for (fmt, side), proc in procs.items():
        stdout, _ = proc.communicate()
        if proc.returncode:
            raise RuntimeError(f"memory child {fmt} {side} failed ({proc.returncode})")
        out[f"{fmt}_{side}"] = json.loads(stdout)
    return out


# ---------------------------------------------------------------- the run
def run(sizes: tuple[int, int, int], repeats: int | None, only: set[str]) -> dict[str, Any]:
    from _peers import (
        docx_by_hand,
        docx_by_template,
        html_by_template,
        msgspec_models,
        pdf_by_hand,
        plain_cattrs,
        pydantic_models,
    )
    from _plans import make_plan

    import khsmodel
    from khsmodel import dumps, exporters, loads, validate

    small, large, json_n = sizes
    tiny = max(small // 5, 1)  # a third point for the scaling curve (docs/performance.png)
    raw: dict[str, Any] = {
        "sizes": {"export_tiny": tiny, "export_small": small, "export_large": large, "json": json_n}
    }

    def reps(default: int) -> int:
        return repeats if repeats is not None else default

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    if "import" in only:
        log("import khsmodel in fresh interpreters …")
        raw["import"] = measure_import(reps(8))

    if "json" in only or "validate" in only:
        log(f"building a plan of {json_n} measures …")
        plan = make_plan(json_n)
        text = dumps(plan)
        raw["json_bytes"] = len(text.encode("utf-8"))

    if "json" in only:
        cattrs_loads, cattrs_dumps = plain_cattrs()
        loads(dumps(make_plan(3)))  # warm up: the converter builds its hooks on first use
        # every peer reads the same file to the same content (checked on a smaller plan)
        check = make_plan(min(json_n, 300))
        check_text = dumps(check)
        assert cattrs_loads(check_text) == check, "plain cattrs does not read the same plan"
        assert json.loads(cattrs_dumps(check)) == json.loads(check_text), "plain cattrs differs"
        load_fns: dict[str, Callable[[], object]] = {
            "ours": lambda: loads(text),
            "cattrs": lambda: cattrs_loads(text),
        }
        if have("pydantic"):
            pyd = pydantic_models()
            read = pyd.model_validate_json(check_text)
            again = json.loads(read.model_dump_json(by_alias=True, exclude_unset=True))
            assert again == json.loads(check_text), "the pydantic peer does not read the same plan"
            load_fns["pydantic"] = lambda: pyd.model_validate_json(text)
        else:
            log("pydantic is not installed (pip install -e '.[bench]'): its peer is left out")
        if have("msgspec"):
            import msgspec

            decode: Any = msgspec.json.Decoder(msgspec_models())
            read = decode.decode(check_text)
            assert json.loads(msgspec.json.encode(read)) == json.loads(check_text), (
                "msgspec differs"
            )
            load_fns["msgspec"] = lambda: decode.decode(text)
        else:
            log("msgspec is not installed (pip install -e '.[bench]'): its peer is left out")
        log(f"JSON load/dump of {json_n} measures ({len(text) // 1024} KiB) …")
        raw["json_load"] = interleaved(load_fns, reps(4))
        raw["json_dump"] = interleaved(
            {"ours": lambda: dumps(plan), "cattrs": lambda: cattrs_dumps(plan)}, reps(4)
        )

    if "validate" in only:
        log(f"validate {json_n} measures …")
        validate(make_plan(3))  # rule modules load on first use
        # ~1 s in all: a cheap measurement, so more repeats steady its minimum
        raw["validate"] = interleaved({"ours": lambda: validate(plan)}, reps(25))
        raw["validate_findings"] = len(validate(plan).findings)

    if "json" in only or "validate" in only:
        del plan, text  # a big live heap slows every collection in what follows

    have_docxtpl = have("docxtpl")

    for fmt in ("docx", "pdf"):
        if fmt not in only:
            continue
        peer = docx_by_hand if fmt == "docx" else pdf_by_hand
        warm = make_plan(3)
        exporters.export(warm, fmt)  # warm up: imports, fonts, converter hooks
        peer(warm)
        if fmt == "docx" and have_docxtpl:
            docx_by_template(warm)
        for label, n, k in (("tiny", tiny, 2), ("small", small, 3), ("large", large, 2)):
            log(f"{fmt} export of {n} measures …")
            p = make_plan(n)
            fns: dict[str, Callable[[], object]] = {
                "ours": lambda p=p, fmt=fmt: exporters.export(p, fmt),  # type: ignore[misc]
                "peer": lambda p=p, peer=peer: peer(p),  # type: ignore[misc]
            }
            if fmt == "docx" and have_docxtpl:
                fns["docxtpl"] = lambda p=p: docx_by_template(p)  # type: ignore[misc]
            if fmt == "pdf" and label == "small":  # the peer draws no timeline chart
                fns["ours_no_chart"] = lambda p=p: exporters.export(p, "pdf", timeline=False)  # type: ignore[misc]
            raw[f"{fmt}_{label}"] = interleaved(fns, reps(k))
            del p, fns

    if "html" in only:
        if have("jinja2"):
            from khsmodel_exporters.content import build
            from khsmodel_exporters.html import HtmlExporter
            from khsmodel_exporters.html._render import render

            # the class itself: the entry point is only published once `pip install -e .` ran
            html = HtmlExporter()
            warm = make_plan(3)
            html.export(warm)
            html_by_template(warm)
            log(f"html export of {small} measures …")
            p = make_plan(small)
            content = build(p)
            raw["html_small"] = interleaved(
                {
                    "ours": lambda: html.export(p),
                    "peer": lambda: html_by_template(p),
                    # the Jinja2 page has no timeline; and the stages: content, then page
                    "ours_no_chart": lambda: html.export(p, timeline=False),
                    "render_no_chart": lambda: render(content, timeline=False),
                },
                reps(5),
            )
            del p, content
        else:
            log("jinja2 is not installed (pip install -e '.[bench]'): the html peer is left out")

    if "pdfa" in only:
        from khsmodel import KhsModelError
        from khsmodel_exporters.pdfa import find_soffice, weasyprint_missing

        try:
            find_soffice()
            missing = weasyprint_missing()
        except KhsModelError as exc:  # no LibreOffice
            missing = str(exc)
        if missing:
            log(f"pdfa routes left out: {missing}")
        else:
            log(f"pdfa of {small} measures: WeasyPrint and LibreOffice (2 fresh processes) …")
            raw["pdfa"] = measure_pdfa(small)

    if "memory" in only:
        log(f"peak memory of docx and pdf export of {large} measures (4 fresh processes) …")
        raw["memory"] = measure_memory(large)

    if "followup" in only:  # status report and plan diff (benchmarks/followup.py, issue 18)
        from followup import measure as measure_followup

        log(f"status report and diff at {small}, {large}, {json_n} measures …")
        raw["followup"] = measure_followup((small, large, json_n), reps(5))

    raw["seconds"] = time.perf_counter() - started
    raw["machine"] = machine()
    raw["python"] = platform.python_version()
    raw["khsmodel"] = khsmodel.__version__
    raw["date"] = time.strftime("%Y-%m-%d")
    raw["libraries"] = libraries()
    return raw


def libraries() -> str:
    """The versions of the raw libraries, and whether reportlab's C accelerators are on."""
    from importlib import metadata

    parts = []
    for dist in ("cattrs", "python-docx", "reportlab", "pydantic", "msgspec"):
        try:
            parts.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            continue
    try:
        from reportlab.lib import rl_accel

        accel = type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
        parts.append("rl_accel " + ("on" if accel else "off"))
    except ImportError:
        pass
    return ", ".join(parts)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:  # pragma: no cover - not Linux
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, {cpu}"


def _ratio(raw: dict[str, Any], key: str, ours: str = "ours", peer: str = "peer") -> float | None:
    if key not in raw or peer not in raw[key]:
        return None
    return best(raw[key][ours]) / best(raw[key][peer])


def summary(raw: dict[str, Any]) -> dict[str, Any]:
    """The issue's keys, from the raw timings (None where a group was not run)."""

    def rnd(x: float | None, digits: int = 3) -> float | None:
        return None if x is None else round(x, digits)

    mem = raw.get("memory")
    pa = raw.get("pdfa")
    growth_docx = growth_pdf = None
    if "docx_small" in raw and "docx_large" in raw:
        growth_docx = best(raw["docx_large"]["ours"]) / best(raw["docx_small"]["ours"])
    if "pdf_small" in raw and "pdf_large" in raw:
        growth_pdf = best(raw["pdf_large"]["ours"]) / best(raw["pdf_small"]["ours"])
    imp = raw.get("import", {})
    val = raw.get("validate")
    return {
        "import_ms": rnd(imp.get("import_ms"), 1),
        "bare_python_ms": rnd(imp.get("bare_python_ms"), 1),
        "ratios": {
            "json_load_vs_cattrs": rnd(_ratio(raw, "json_load", peer="cattrs")),
            "json_dump_vs_cattrs": rnd(_ratio(raw, "json_dump", peer="cattrs")),
            "json_load_vs_pydantic": rnd(_ratio(raw, "json_load", peer="pydantic")),
            "json_load_vs_msgspec": rnd(_ratio(raw, "json_load", peer="msgspec")),
            "docx_1k_vs_python_docx": rnd(_ratio(raw, "docx_small")),
            "docx_5k_vs_python_docx": rnd(_ratio(raw, "docx_large")),
            "pdf_1k_vs_reportlab": rnd(_ratio(raw, "pdf_small")),
            "pdf_5k_vs_reportlab": rnd(_ratio(raw, "pdf_large")),
            "html_1k_vs_jinja2": rnd(_ratio(raw, "html_small")),
            "pdfa_1k_weasyprint_vs_libreoffice": rnd(
                pa["weasyprint"]["warm_s"] / pa["libreoffice"]["warm_s"] if pa else None
            ),
            "pdfa_peak_mem_weasyprint_vs_libreoffice": rnd(
                pa["weasyprint"]["peak_kb"] / pa["libreoffice"]["peak_kb"] if pa else None
            ),
            "docx_peak_mem_vs_python_docx": rnd(
                mem["docx_ours"]["peak_kb"] / mem["docx_peer"]["peak_kb"] if mem else None
            ),
            "pdf_peak_mem_vs_reportlab": rnd(
                mem["pdf_ours"]["peak_kb"] / mem["pdf_peer"]["peak_kb"] if mem else None
            ),
        },
        "growth": {"docx_1k_to_5k": rnd(growth_docx), "pdf_1k_to_5k": rnd(growth_pdf)},
        "validate_10k_ms": rnd(best(val["ours"]) * 1000 if val else None, 1),
        "machine": raw["machine"],
        "python": raw["python"],
    }


def table(raw: dict[str, Any], s: dict[str, Any]) -> str:
    """The human-readable table: absolute times (noise) and ratios (the result)."""
    sz = raw["sizes"]

    def k(n: int) -> str:
        return f"{n / 1000:g}k" if n >= 1000 else str(n)

    rows: list[tuple[str, str, str, str, str]] = []

    def add(
        label: str,
        key: str | None,
        ours: float | None,
        peer: float | None,
        value: float | None,
        unit: str = "s",
    ) -> None:
        if value is None:
            return
        target = TARGETS.get(key or "")
        verdict = "" if target is None else ("ok" if value <= target else "MISS")

        def fmt(x: float) -> str:
            return f"{x * 1000:.0f} ms" if unit == "s" else f"{x:.0f} {unit}"

        rows.append(
            (
                label,
                fmt(ours) if ours is not None else "",
                fmt(peer) if peer is not None else "",
                f"{value:.2f}"
                if key not in ("import_ms", "validate_10k_ms")
                else f"{value:.0f} ms",
                f"≤ {target:g}{' ms' if key in ('import_ms', 'validate_10k_ms') else ''} {verdict}"
                if target is not None
                else "",
            )
        )

    r = s["ratios"]
    imp = raw.get("import")
    if imp:
        add(
            "import khsmodel (bare python start beside it)",
            "import_ms",
            imp["import_ms"] / 1000,
            imp["bare_python_ms"] / 1000,
            s["import_ms"],
        )
        add(
            "first use: import ActionPlan, loads, dumps, validate; one round trip",
            None,
            imp["first_use_ms"] / 1000,
            None,
            imp["first_use_ms"],
        )
        rows[-1] = (*rows[-1][:3], f"{imp['first_use_ms']:.0f} ms", "")
    if "json_load" in raw:
        jl, jd, n = raw["json_load"], raw["json_dump"], k(sz["json"])
        add(
            f"JSON load {n} vs plain cattrs",
            "json_load_vs_cattrs",
            best(jl["ours"]),
            best(jl["cattrs"]),
            r["json_load_vs_cattrs"],
        )
        add(
            f"JSON dump {n} vs plain cattrs",
            "json_dump_vs_cattrs",
            best(jd["ours"]),
            best(jd["cattrs"]),
            r["json_dump_vs_cattrs"],
        )
        add(
            f"JSON load {n} vs pydantic v2 (stretch)",
            "json_load_vs_pydantic",
            best(jl["ours"]),
            _best(jl, "pydantic"),
            r["json_load_vs_pydantic"],
        )
        add(
            f"JSON load {n} vs msgspec",
            None,
            best(jl["ours"]),
            _best(jl, "msgspec"),
            r["json_load_vs_msgspec"],
        )
    if "validate" in raw:
        add(
            f"validate {k(sz['json'])} measures",
            "validate_10k_ms",
            best(raw["validate"]["ours"]),
            None,
            s["validate_10k_ms"],
        )
    for fmt, peer_name, key1, key5 in (
        ("docx", "python-docx", "docx_1k_vs_python_docx", "docx_5k_vs_python_docx"),
        ("pdf", "reportlab", "pdf_1k_vs_reportlab", "pdf_5k_vs_reportlab"),
    ):
        if f"{fmt}_small" not in raw:
            continue
        a, b = raw[f"{fmt}_small"], raw[f"{fmt}_large"]
        add(
            f"{fmt} {k(sz['export_small'])} vs hand {peer_name}",
            key1,
            best(a["ours"]),
            best(a["peer"]),
            r[key1],
        )
        add(
            f"{fmt} {k(sz['export_large'])} vs hand {peer_name}",
            key5,
            best(b["ours"]),
            best(b["peer"]),
            r[key5],
        )
        if "ours_no_chart" in a:
            add(
                f"pdf {k(sz['export_small'])} without the timeline chart vs hand reportlab",
                None,
                best(a["ours_no_chart"]),
                best(a["peer"]),
                best(a["ours_no_chart"]) / best(a["peer"]),
            )
        if "docxtpl" in a:
            add(
                f"docx {k(sz['export_small'])} vs docxtpl (stretch)",
                None,
                best(a["ours"]),
                best(a["docxtpl"]),
                best(a["ours"]) / best(a["docxtpl"]),
            )
            add(
                f"docx {k(sz['export_large'])} vs docxtpl",
                None,
                best(b["ours"]),
                best(b["docxtpl"]),
                best(b["ours"]) / best(b["docxtpl"]),
            )
        g_key = f"{fmt}_1k_to_5k"
        add(
            f"{fmt} growth {k(sz['export_small'])}→{k(sz['export_large'])} (peer beside it)",
            g_key,
            None,
            None,
            s["growth"][g_key],
        )
        rows[-1] = (
            rows[-1][0],
            f"{s['growth'][g_key]:.2f}x",
            f"{best(b['peer']) / best(a['peer']):.2f}x",
            *rows[-1][3:],
        )
    if "html_small" in raw:
        h = raw["html_small"]
        n = k(sz["export_small"])
        add(f"html {n} vs hand Jinja2 template", "html_1k_vs_jinja2", best(h["ours"]),
            best(h["peer"]), r["html_1k_vs_jinja2"])  # fmt: skip
        add(f"html {n} without the timeline vs hand Jinja2", None, best(h["ours_no_chart"]),
            best(h["peer"]), best(h["ours_no_chart"]) / best(h["peer"]))  # fmt: skip
        add(f"html {n} page from built content, no timeline, vs Jinja2", None,
            best(h["render_no_chart"]), best(h["peer"]),
            best(h["render_no_chart"]) / best(h["peer"]))  # fmt: skip
    pa = raw.get("pdfa")
    if pa:
        wp, lo, n = pa["weasyprint"], pa["libreoffice"], k(sz["export_small"])
        add(f"pdfa {n}: WeasyPrint vs LibreOffice route", "pdfa_1k_weasyprint_vs_libreoffice",
            wp["warm_s"], lo["warm_s"], r["pdfa_1k_weasyprint_vs_libreoffice"])  # fmt: skip
        add(f"pdfa {n}, first export in a process (WeasyPrint loading)", None,
            wp["cold_s"], lo["cold_s"], wp["cold_s"] / lo["cold_s"])  # fmt: skip
        add(f"pdfa {n} peak memory: WeasyPrint vs LibreOffice (soffice's RSS)",
            "pdfa_peak_mem_weasyprint_vs_libreoffice", wp["peak_kb"] / 1024,
            lo["peak_kb"] / 1024, r["pdfa_peak_mem_weasyprint_vs_libreoffice"], unit="MiB")  # fmt: skip
    mem = raw.get("memory")
    if mem:
        for fmt, peer_name, key in (
            ("docx", "python-docx", "docx_peak_mem_vs_python_docx"),
            ("pdf", "reportlab", "pdf_peak_mem_vs_reportlab"),
        ):
            add(
                f"{fmt} peak memory {k(sz['export_large'])} vs hand {peer_name}",
                key,
                mem[f"{fmt}_ours"]["peak_kb"] / 1024,
                mem[f"{fmt}_peer"]["peak_kb"] / 1024,
                r[key],
                unit="MiB",
            )
    head = ("measurement", "ours", "peer", "ratio", "target")
    widths = [max(len(str(x[i])) for x in [head, *rows]) for i in range(5)]
    lines = [
        "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [head, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(
        f"{raw['machine']}; Python {raw['python']}; khsmodel {raw['khsmodel']}; "
        f"{raw['date']}; run took {raw['seconds']:.0f} s"
    )
    if raw.get("libraries"):
        lines.append(raw["libraries"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", metavar="FILE", help="write the summary (issue 7's keys) here")
    ap.add_argument("--raw", metavar="FILE", help="write every timing (seconds) here")
    ap.add_argument(
        "--sizes",
        default="full",
        help="full (1000,5000,10000), small, tiny, or three numbers A,B,C",
    )
    ap.add_argument("--repeats", type=int, help="repeats of every measurement (default: per kind)")
    ap.add_argument("--quick", action="store_true", help="tiny sizes, one repeat (smoke test)")
    ap.add_argument("--only", help=f"comma-separated groups of {','.join(GROUPS)}")
    ap.add_argument("--child-memory", nargs=3, metavar=("FMT", "SIDE", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--child-pdfa", nargs=2, metavar=("ROUTE", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child_pdfa:
        route, n = args.child_pdfa
        print(json.dumps(child_pdfa(route, int(n))))
        return 0

    if args.child_memory:
        fmt, side, n = args.child_memory
        print(json.dumps(child_memory(fmt, side, int(n))))
        return 0

    name = "tiny" if args.quick else args.sizes
    if name in SIZES:
        sizes = SIZES[name]
    else:
        try:
            a, b, c = (int(x) for x in name.split(","))
        except ValueError:
            ap.error(f"--sizes: {name!r} is not one of {', '.join(SIZES)} or three numbers A,B,C")
        sizes = (a, b, c)
    repeats = 1 if args.quick and args.repeats is None else args.repeats
    only = set(GROUPS) if not args.only else {g.strip() for g in args.only.split(",")}
    unknown = only - set(GROUPS)
    if unknown:
        ap.error(f"--only: unknown group(s) {', '.join(sorted(unknown))}")

    raw = run(sizes, repeats, only)
    s = summary(raw)
    print(table(raw, s))
    if "followup" in raw:
        from followup import table as followup_table

        print(followup_table(raw["followup"]))
    if args.json:
        Path(args.json).write_text(json.dumps(s, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if args.raw:
        Path(args.raw).write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
