"""Hypothesis profiles: "default" (fast, for development) and "ci" (thorough, used by .ci/run).

Select with the environment variable HYPOTHESIS_PROFILE (default "default").
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
