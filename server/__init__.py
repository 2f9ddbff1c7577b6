"""The read-only SPARQL 1.1 endpoint and linked-data site (imported as ``csto_kg.server``)."""
