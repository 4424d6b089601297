"""Core of the OGP repository site: importable logic that hooks and commands call."""

__version__ = "0.1.0"
