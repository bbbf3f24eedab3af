"""Sphinx configuration of the documentation site: the pages of docs/ (Markdown, read by
MyST) and the API reference (docs/api/, from the docstrings by autodoc).

Build: ``pip install -e ".[docs]"`` then ``python -m sphinx -W --keep-going -b html docs site``
(CI does so in .ci/run; every warning is an error). Why Sphinx and not MkDocs: see
CONTRIBUTING.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the tree's own sources, not an installed copy (a worktree documents itself)
sys.path.insert(0, str(ROOT / "src"))

from khsmodel._version import __version__  # noqa: E402

project = "khsmodel"
author = "khsmodel developers"
copyright = "khsmodel developers"
release = version = __version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
# docs/schema/ holds the generated JSON Schema (a download, not a page)
exclude_patterns = ["_build", "schema"]

# Markdown: anchors for the headings the pages link to ("rules.md#plan-rules")
myst_heading_anchors = 3

autodoc_default_options = {
    "members": True,
    "member-order": "bysource",
    "show-inheritance": False,
}
# the signatures stay readable: types in the description, not in the signature line
autodoc_typehints = "description"
autodoc_typehints_format = "short"
add_module_names = False

html_theme = "alabaster"
html_title = f"khsmodel {release}"
html_static_path: list[str] = []
# the code blocks of the pages are up to 100 characters wide (ruff's line length)
html_theme_options = {"page_width": "1240px", "sidebar_width": "260px"}
