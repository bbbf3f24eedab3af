"""Regenerate examples/documents/*.json from the Python examples.

Run: python examples/write_json.py   (a test fails when the files are out of date)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import EXAMPLES

import khsmodel

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def expected_files() -> dict[str, str]:
    """File name → JSON text for every example."""
    return {f"{name}.json": khsmodel.dumps(build()) for name, build in EXAMPLES.items()}


def main() -> int:
    DOCUMENTS.mkdir(exist_ok=True)
    wanted = expected_files()
    for stale in DOCUMENTS.glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        khsmodel.serialization.write_atomic(DOCUMENTS / name, text.encode("utf-8"))
    print(f"wrote {len(wanted)} files to {DOCUMENTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
