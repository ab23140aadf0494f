"""Entry point of the PyInstaller bundle: the same ``fieldapp`` console script."""

from ui.main import main

raise SystemExit(main())
