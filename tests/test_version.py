"""One version, written once (csto_kg.__version__): the package metadata and the ontology's version follow it."""

from __future__ import annotations

from importlib.metadata import version

from rdflib import OWL, Graph, URIRef

import csto_kg
from support import ROOT

ONTOLOGY = URIRef("https://w3id.org/csto-kg/ontology")


def test_installed_package_has_the_version_of_the_code():
    assert version("csto-kg") == csto_kg.__version__


def test_ontology_version_iri_and_info_match_the_package_version():
    g = Graph().parse(ROOT / "ontology" / "csto.ttl", format="turtle")
    assert str(g.value(ONTOLOGY, OWL.versionInfo)) == csto_kg.__version__
    assert g.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{csto_kg.__version__}")
