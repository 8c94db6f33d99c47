"""``python -m cleanpress`` is the same as the ``cleanpress`` command."""

import sys

from .cli import main

sys.exit(main())
