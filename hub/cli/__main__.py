"""`python -m hub.cli` runs the `hub` command."""

import sys

from hub.cli.main import main

sys.exit(main())
