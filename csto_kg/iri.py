"""The base IRI of everything the project mints, in a module of its own.

:mod:`csto_kg.namespaces` builds the rdflib namespaces on it; the server's query
workers (:mod:`csto_kg.query`) need only the string, and so never import
rdflib (about 16 MB of each worker's memory).
"""

BASE = "https://w3id.org/csto-kg/"
