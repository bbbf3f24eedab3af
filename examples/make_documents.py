"""Write every seed example into out/ in every installed format.

Run: python examples/make_documents.py [OUT_DIR]

Each example is written once per exporter that supports its kind and whose
dependencies are installed (``pip install -e ".[all]"`` installs them all).
An exporter that cannot load is reported and skipped; the others still run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import EXAMPLES  # noqa: E402

import khsmodel  # noqa: E402
from khsmodel import exporters  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("out")
    out.mkdir(parents=True, exist_ok=True)
    loaded = []
    for name in exporters.available():
        try:
            loaded.append(exporters.get(name))
        except khsmodel.KhsModelError as exc:
            print(f"skipping format {name}: {exc}", file=sys.stderr)
    written = 0
    for example, build in EXAMPLES.items():
        doc = build()
        for exporter in loaded:
            if type(doc).KIND not in exporter.kinds:
                continue
            target = out / f"{example}{exporter.suffix}"
            khsmodel.export(doc, exporter.name, path=target)
            written += 1
            print(target)
    print(f"{written} files in {out}/ ({', '.join(e.name for e in loaded)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
