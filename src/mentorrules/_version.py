"""The library version, recorded in every decision and its fingerprint."""

__version__ = "0.2.0"
