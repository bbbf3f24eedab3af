"""Reading document text back for word searches.

Document text joins a date's words with no-break spaces (U+00A0: "8.\u00a0februar\u00a02016"
never breaks over a line, :meth:`khsmodel.labels.Labels.in_text`). A test that searches
words ("Vedtatt i OSU 8. februar 2016") reads the text through :func:`words`; a test of
the no-break space itself reads the text as it is.
"""

from __future__ import annotations

NBSP = "\u00a0"


def words(text: str) -> str:
    """``text`` with each no-break space as a plain space."""
    return text.replace(NBSP, " ")
