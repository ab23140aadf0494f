"""Veldwerk core: no Qt here (import-linter enforces it).

``__version__`` is the one place the version lives: pyproject reads it (setuptools dynamic
version), and ``fieldapp --version``, the About box, the bundle and the server's ``/v1/health``
show it.
"""

__version__ = "0.2.0"
