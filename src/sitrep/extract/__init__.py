"""Extractors: small typed functions over a parsed spaCy ``Doc`` and the :class:`Article`."""
