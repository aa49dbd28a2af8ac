"""Sphinx configuration for the mentorrules documentation."""

project = "mentorrules"
author = "The mentorrules developers"
copyright = "2026, The mentorrules developers"
language = "en"

extensions = [
    "myst_nb",  # MyST Markdown and notebooks; it loads myst_parser itself
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
]

exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints"]

# MyST and notebooks
myst_enable_extensions = ["colon_fence", "deflist"]
nb_execution_mode = "off"

# Docstrings: Google style with a "Legal basis:" section rendered like "Notes:".
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_custom_sections = [("Legal basis", "notes_style")]

# The build must not need the network, so no inventories are fetched.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

# HTML
html_theme = "furo"
html_title = "mentorrules"
