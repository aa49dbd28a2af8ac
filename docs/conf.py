"""Sphinx configuration for the mentorrules documentation."""

from __future__ import annotations

import enum
import logging
import sys
from pathlib import Path
from typing import Any

import mentorrules


sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "mentorrules"
author = "The mentorrules developers"
copyright = "2026, The mentorrules developers"
language = "en"
release = mentorrules.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",  # MyST Markdown and notebooks; it loads myst_parser itself
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "catalogue",  # docs/_ext/catalogue.py: rule catalogue and unverified provisions, from the registry
    "docgen",  # docs/_ext/docgen.py: scenarios, date tables, schemas, API list, CLI help
]

exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints", "_ext"]

# MyST and notebooks
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# Every notebook page (tutorial, how-tos, example notebook) is executed on every build,
# and any error fails the build, so the code shown cannot go stale.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 120
nb_merge_streams = True
# Each notebook page names its kernel in its front matter (python3: the Python running the build);
# _quiet_kernels below keeps the kernels' start-up out of the build output.

# Docstrings: Google style with a "Legal basis:" section rendered like "Notes:".
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_custom_sections = [("Legal basis", "notes_style")]
napoleon_use_ivar = False
# Return types are not cross-referenced: a "Returns:" line reads "description", not "type: description".
napoleon_use_rtype = False

# autodoc: the API page documents the names of mentorrules.__all__ under the top-level
# namespace (docs/_ext/docgen.py writes one directive per name).
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = False
autodoc_class_signature = "mixed"

# The build must not need the network, so no inventories are fetched.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

# Nitpicky mode (-n): every cross-reference must resolve.  Types from outside the
# library have no inventory offline, so they are listed here instead of linked.
nitpick_ignore = [
    ("py:class", "datetime.date"),
    ("py:class", "date"),
    ("py:class", "_dt.date"),
    ("py:class", "decimal.Decimal"),
    ("py:class", "Decimal"),
    ("py:class", "enum.StrEnum"),
    ("py:class", "StrEnum"),
    ("py:class", "NamedTuple"),
    ("py:class", "typing.NamedTuple"),
    ("py:class", "Exception"),
    ("py:class", "ValueError"),
    ("py:class", "LookupError"),
    ("py:class", "DeprecationWarning"),
    ("py:exc", "ValueError"),
    ("py:exc", "OverflowError"),
    ("py:exc", "LookupError"),
    ("py:class", "str"),
    ("py:class", "int"),
    ("py:class", "bool"),
    ("py:class", "bytes"),
    ("py:class", "bytearray"),
    ("py:class", "dict"),
    ("py:class", "list"),
    ("py:class", "tuple"),
    ("py:class", "object"),
    ("py:class", "Any"),
    ("py:class", "typing.Any"),
    ("py:class", "Mapping"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "Iterable"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "Iterator"),
    ("py:class", "collections.abc.Iterator"),
    ("py:meth", "str.format"),
    ("py:func", "json.loads"),
    ("py:func", "json.dumps"),
    # Internal types in the signatures of the public named tuples Finding and Notice.
    ("py:class", "FactValue"),
    ("py:class", "Explainer"),
    ("py:class", "mentorrules.model.outcomes.FactValue"),
    ("py:class", "mentorrules.model.outcomes.Explainer"),
    # Internal types in the signature and docstrings of the public FieldError (its message in two languages).
    ("py:class", "Message"),
    ("py:class", "mentorrules.model.exceptions.Message"),
    ("py:data", "MESSAGES"),
    # Named in the docstrings of mentorrules.costs; a module constant, not a name of mentorrules.__all__.
    ("py:data", "COST_RULES"),
    # Returned by rule_catalogue() but not (yet) a name in mentorrules.__all__.
    ("py:class", "RuleInfo"),
    ("py:class", "mentorrules.engine.registry.RuleInfo"),
]
nitpick_ignore_regex = [
    ("py:class", r"attr(s)?\..*"),
    ("py:class", r"collections\.abc\..*"),
    ("py:class", r"typing\..*"),
    ("py:class", r"types\..*"),
    # Arrow and numpy, the columnar path's optional dependencies: no intersphinx (the build is offline).
    ("py:class", r"(pyarrow|pa|numpy|np)\..*"),
    ("py:func", r"mentorrules\.columnar\.(layout|engine)\..*"),
]

# HTML
html_theme = "furo"
html_title = f"mentorrules {release}"
# docs/_static/notebook.css: notebook outputs that never clip (long text lines wrap, wide tables scroll)
# and data frames as plain tables.
html_static_path = ["_static"]
html_css_files = ["notebook.css"]


def _quiet_kernels() -> None:
    """
    Run the notebook pages' kernels without noise in the build output.

    * ipykernel 7 warns, on every kernel start, that a kernel over TCP runs
      without encryption, unless the kernel manager provisions CurveZMQ keys.
      jupyter_client (8.9 and later) does so when its ``transport_encryption``
      is ``"auto"`` and the kernel spec declares support (ipykernel's does),
      but myst-nb gives no way to configure the kernel manager it creates:
      so the default of that setting is changed here, for this build only,
      where pyzmq has CurveZMQ.  With older versions nothing is changed
      (and nothing is warned).
    * accessible-pygments (a furo dependency) configures the root logger at
      ``INFO`` when it is imported, so nbclient's "Executing notebook with
      kernel" lines would be printed even with ``-q``; its logger keeps its
      warnings.
    """
    logging.getLogger("traitlets").setLevel(logging.WARNING)
    try:
        import zmq
        from jupyter_client.manager import KernelManager
    except ImportError:  # myst-nb installs both; without them no notebook runs
        return
    encryption = KernelManager.class_traits().get("transport_encryption")
    if encryption is not None and zmq.has("curve"):
        encryption.default_value = "auto"


_quiet_kernels()


def _public_alias(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """
    Resolve ``mentorrules.<module>.<Name>`` to ``mentorrules.<Name>`` for public names.

    Signatures and docstrings name classes by the module that defines them
    (``mentorrules.model.facts.Case``); the API page documents them under the
    top-level namespace, where users import them from.
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("mentorrules."):
        return None
    name = target.rpartition(".")[2]
    if name not in mentorrules.__all__ or target == f"mentorrules.{name}":
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], f"mentorrules.{name}", node, contnode)


def _skip_member(app: Any, what: str, name: str, obj: Any, skip: bool, options: Any) -> bool | None:
    """Skip the generated field aliases of named tuples: their fields are in the class docstring."""
    doc = getattr(obj, "__doc__", None) or ""
    if doc.startswith("Alias for field number"):
        return True
    return None


def _enum_member_doc(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """
    Keep an enum member's comment as prose.

    Napoleon reads an attribute docstring "nr. 1: dagpenge" as "type: description";
    for an enum member the part before the colon is never a type.
    """
    if what != "attribute" or not lines:
        return
    owner: Any = mentorrules
    for part in name.split(".")[1:-1]:
        owner = getattr(owner, part, None)
    if isinstance(owner, enum.EnumType):
        head, sep, tail = lines[0].partition(": ")
        if sep and head:
            lines[0] = f"{head} – {tail}"


_DEFAULT_INTERPRETATION = repr(mentorrules.Interpretation())


def _short_defaults(
    app: Any, what: str, name: str, obj: Any, options: Any, signature: str | None, return_annotation: str | None
) -> tuple[str | None, str | None] | None:
    """Show the default interpretation as ``Interpretation()`` instead of its long repr."""
    if signature and _DEFAULT_INTERPRETATION in signature:
        return signature.replace(_DEFAULT_INTERPRETATION, "Interpretation()"), return_annotation
    return None


def setup(app: Any) -> None:
    app.connect("missing-reference", _public_alias)
    app.connect("autodoc-skip-member", _skip_member)
    app.connect("autodoc-process-signature", _short_defaults)
    # Before napoleon (priority 500), which would read the member's comment as "type: description".
    app.connect("autodoc-process-docstring", _enum_member_doc, priority=400)
