"""Date bounds without widening: ``csto_kg.derive.agree`` and the bounds the build derives from it.

Compatible values at different precision give the most precise bounds (their
intersection); values that cannot both be true give no bounds at all (validation
reports them, shape:CrossSourceConsistency).
"""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef

from csto_kg.derive import agree, bounds, derive
from csto_kg.namespaces import CSTO, XSD

D = dt.date
YEAR, MONTH, DAY = (
    Literal("1993", datatype=XSD.gYear),
    Literal("1993-05", datatype=XSD.gYearMonth),
    Literal("1993-05-02", datatype=XSD.date),
)


def test_bounds_of_each_precision():
    assert bounds(YEAR) == (D(1993, 1, 1), D(1993, 12, 31))
    assert bounds(MONTH) == (D(1993, 5, 1), D(1993, 5, 31))
    assert bounds(DAY) == (D(1993, 5, 2), D(1993, 5, 2))
    assert bounds(Literal("1993")) is None


def test_compatible_values_give_the_most_precise():
    a = agree([YEAR, DAY, MONTH])
    assert a.compatible and a.bounds == (D(1993, 5, 2), D(1993, 5, 2)) and a.preferred == DAY


def test_conflicting_values_give_no_bounds():
    a = agree([YEAR, Literal("1994", datatype=XSD.gYear)])
    assert not a.compatible and a.bounds is None and a.preferred is None
    assert a.conflicts == ((YEAR, Literal("1994", datatype=XSD.gYear)),)


def test_build_derives_intersection_or_nothing():
    g = Graph()
    nested, clash = URIRef("urn:x:nested"), URIRef("urn:x:clash")
    g.add((nested, CSTO.date, YEAR))
    g.add((nested, CSTO.date, MONTH))
    g.add((clash, CSTO.date, YEAR))
    g.add((clash, CSTO.date, Literal("1994", datatype=XSD.gYear)))
    out = derive(g)
    assert out.value(nested, CSTO.notBefore) == Literal("1993-05-01", datatype=XSD.date)
    assert out.value(nested, CSTO.notAfter) == Literal("1993-05-31", datatype=XSD.date)
    assert (clash, CSTO.notBefore, None) not in out and (clash, CSTO.notAfter, None) not in out
