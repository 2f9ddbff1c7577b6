"""pySHACL's SPARQL-based constraints answered inside Oxigraph (csto_kg/shacl_sparql.py) give pySHACL's own report.

On the curated graph and on a synthetic project with violations injected of
every kind the SPARQL constraints check.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal

from csto_kg.loader import load
from csto_kg.namespaces import CSTO, ENTITIES_GRAPH, ORG, RDF, TIME, XSD
from csto_kg.reason import infer
from csto_kg.shacl_sparql import in_oxigraph
from csto_kg.validation import validate_loaded

ROOT = Path(__file__).resolve().parent.parent


def _same_validation(data) -> None:
    asserted = Graph()
    for s, p, o, _ in data.dataset.quads((None, None, None, None)):
        asserted.add((s, p, o))
    inferred = infer(asserted)
    with in_oxigraph() as stats:
        fast = validate_loaded(data, inferred)
    reference = validate_loaded(data, inferred)
    assert stats.answered > 0 and not stats.fallbacks, stats.fallbacks
    # The three "a membership period covers the date" constraints run in their decorrelated form (shacl_sparql._decorrelate).
    assert stats.decorrelated == 3, stats.decorrelated
    assert sorted(map(str, fast.results)) == sorted(map(str, reference.results))
    assert fast.conforms == reference.conforms


def test_shacl_sparql_in_oxigraph_equals_pyshacl_on_curated_graph():
    _same_validation(load(ROOT))


def test_shacl_sparql_in_oxigraph_equals_pyshacl_with_violations(tiny):
    """Members removed from half the periods, periods that start too late, end too early or lose their
    organisation, duplicate withdrawal ordinals, a state that is also a person."""
    data = load(tiny)
    ds = data.dataset
    memberships = sorted(set(ds.subjects(RDF.type, CSTO.Membership)))
    for m in memberships[::2]:
        for q in list(ds.quads((m, ORG.member, None, None))):
            ds.remove(q)
    for i, m in enumerate(memberships[1::2]):  # the coverage constraints' inner conditions, one kind each
        for _, _, interval, g in list(ds.quads((m, ORG.memberDuring, None, None))):
            g = ds.graph(g if not hasattr(g, "identifier") else g.identifier)
            if i % 3 == 0:
                for b in list(ds.objects(interval, TIME.hasBeginning)):
                    g.add((b, CSTO.notBefore, Literal("2090-01-01", datatype=XSD.date)))
            elif i % 3 == 1:
                for e in list(ds.objects(interval, TIME.hasEnd)):
                    g.add((e, CSTO.notAfter, Literal("1950", datatype=XSD.gYear)))
        if i % 3 == 2:
            for q in list(ds.quads((m, ORG.organization, None, None))):
                ds.remove(q)
    for w in sorted(set(ds.subjects(RDF.type, CSTO.Withdrawal)))[:4]:
        for q in list(ds.quads((w, CSTO.ordinal, None, None))):
            ds.remove(q)
        for _, _, _, g in list(ds.quads((w, RDF.type, CSTO.Withdrawal, None))):
            ds.graph(g if not hasattr(g, "identifier") else g.identifier).add((w, CSTO.ordinal, Literal(1)))
    state = sorted(set(ds.subjects(RDF.type, CSTO.State)))[0]
    ds.graph(ENTITIES_GRAPH).add((state, RDF.type, CSTO.Person))
    _same_validation(data)
