"""``python -m khsmodel.cli``: the same command line as ``khsmodel`` and ``python -m khsmodel``."""

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
