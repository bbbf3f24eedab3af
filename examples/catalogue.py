"""The seed examples by name: every document modelled from shared/seeds/.

``EXAMPLES`` maps a stable file name to a function that builds the document.
The names start with the seed number they model.
"""

from __future__ import annotations

from collections.abc import Callable

import khs
import lofoten
import vest_viken

from khsmodel import Document
from khsmodel.labels import Labels

__all__ = ["EXAMPLES", "LABELS"]

EXAMPLES: dict[str, Callable[[], Document]] = {
    "000-osu-sak-2-2016-saksframlegg": khs.case_osu_2_2016,
    "001-khs-partnership": khs.partnership,
    "001-khs-samarbeidsavtale": khs.agreement,
    "001-khs-handlingsplan-2015": khs.action_plan_2015,
    "002-khs-handlingsplan-2016-2017": khs.action_plan_2016_2017,
    "003-vest-viken-partnership": vest_viken.partnership,
    "003-avtale-regjeringen-ks-2019": vest_viken.agreement_government_ks,
    "003-vest-viken-overordnet-samarbeidsavtale": vest_viken.agreement_overarching,
    "003-partnerskapsmote-2022-02-04": vest_viken.partnership_meeting_2022,
    "004-lofoten-vesteralen-salten-partnership": lofoten.partnership,
    "004-ssu-handlingsplan-2021-2022": lofoten.action_plan_2021_2022,
    "004-partnerskapsmote-sak-07-2021-saksframlegg": lofoten.case_07_2021,
}

#: The words of the documents' own case systems, where they differ from the default
#: (Word, PDF and PDF/A take them as the ``labels`` option): seed 004 says "Vår ref"
#: and "Dato dok" where seed 000 says "Arkivsak" and "Dato".
LABELS: dict[str, Labels] = {
    "004-partnerskapsmote-sak-07-2021-saksframlegg": lofoten.CASE_LABELS,
}
