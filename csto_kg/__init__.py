"""The CSTO knowledge graph: curated facts with verbatim provenance."""

__version__ = "1.0.0"
