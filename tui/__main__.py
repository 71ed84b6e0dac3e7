"""Allow ``python -m tui``."""

from tui.cli.main import main

raise SystemExit(main())
