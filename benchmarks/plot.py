"""The scaling curve of docs/performance.md, drawn from a benchmark run's raw timings.

    python benchmarks/run.py --json bench.json --raw bench-raw.json
    python benchmarks/plot.py bench-raw.json docs/performance.png

Two panels (Word, PDF): export time against the number of measures on log-log
axes, khsmodel beside its peers, with a dotted line of linear growth from
khsmodel's smallest point. Needs matplotlib (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

SERIES = {
    "docx": (
        ("ours", "khsmodel docx", "#1F3864", "o-"),
        ("peer", "hand-written python-docx", "#C55A11", "s--"),
        ("docxtpl", "docxtpl template", "#7F7F7F", "^:"),
    ),
    "pdf": (
        ("ours", "khsmodel pdf (with timeline chart)", "#1F3864", "o-"),
        ("ours_no_chart", "khsmodel pdf, no chart", "#5B9BD5", "d-"),
        ("peer", "hand-written reportlab", "#C55A11", "s--"),
    ),
}


def plot(raw: dict[str, Any], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullFormatter

    sizes = raw["sizes"]
    labels = [k for k in ("export_tiny", "export_small", "export_large") if k in sizes]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), dpi=110)
    for ax, (fmt, title) in zip(axes, (("docx", "Word (.docx)"), ("pdf", "PDF")), strict=True):
        for key, name, colour, style in SERIES[fmt]:
            xs, ys = [], []
            for label in labels:
                group = raw.get(f"{fmt}_{label.removeprefix('export_')}", {})
                if key in group:
                    xs.append(sizes[label])
                    ys.append(min(group[key]))
            if xs:
                ax.plot(xs, ys, style, color=colour, label=name, linewidth=1.6, markersize=5)
            if key == "ours" and xs:
                ax.plot(
                    [xs[0], xs[-1]],
                    [ys[0], ys[0] * xs[-1] / xs[0]],
                    ":",
                    color="#A0A0A0",
                    linewidth=1,
                    label="linear growth",
                )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ticks = [sizes[label] for label in labels]
        ax.set_xticks(ticks, [f"{n:,}".replace(",", " ") for n in ticks])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_title(title)
        ax.set_xlabel("measures in the plan")
        ax.set_ylabel("seconds (minimum of the repeats)")
        ax.grid(True, which="both", linewidth=0.3, alpha=0.6)
        ax.legend(fontsize=8)
    fig.suptitle(
        f"Export time against plan size — {raw.get('date', '')}, {raw.get('machine', '')}",
        fontsize=9,
    )
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", help="the --raw file of benchmarks/run.py")
    ap.add_argument("out", nargs="?", default="docs/performance.png", help="the PNG to write")
    args = ap.parse_args(argv)
    plot(json.loads(Path(args.raw).read_text("utf-8")), Path(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
