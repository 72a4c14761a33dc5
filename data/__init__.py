"""The book's data tables, installed with the package as ``aicap.datasets``.

This folder is mapped to the package ``aicap.datasets`` (see ``pyproject.toml``), so the tables
are found by :func:`aicap.data.data_dir` whether the package is installed from this checkout
(editable), from a wheel, or by Binder's ``pip install .``. It holds no code.
"""
