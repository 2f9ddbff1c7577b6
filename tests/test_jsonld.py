"""``csto_kg/jsonld.py``: JSON-LD compacted with the project's prefixes reads back as the same triples, whatever
IRIs it holds (the descriptions themselves: ``test_linked_data.py``)."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from csto_kg.jsonld import compact
from csto_kg.namespaces import PREFIXES

CSTO, ID = PREFIXES["csto"], PREFIXES[""]
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _read(body: bytes) -> set:
    return {(q.subject, q.predicate, q.object) for q in ox.parse(body, format=ox.RdfFormat.JSON_LD)}


@pytest.mark.parametrize(
    "subject, wanted_prefix",
    [
        (ID + "armenia", "id"),  # Turtle's ":" has no name in JSON-LD
        (CSTO + "State", "csto"),
        ("csto:State", None),  # an absolute IRI of scheme "csto": the prefix must not be defined
        ("id:x", None),
        (CSTO + "//x", None),  # "csto://x" would be read as an absolute IRI
        ("urn:x:y", None),
    ],
)
def test_compacted_reads_back_as_written(subject, wanted_prefix):
    triples = [
        ox.Triple(ox.NamedNode(subject), LABEL, ox.Literal("x", language="en")),
        ox.Triple(ox.NamedNode(subject), ox.NamedNode(CSTO + "memberOf"), ox.NamedNode(ID + "csto")),
        ox.Triple(
            ox.NamedNode(subject),
            ox.NamedNode(CSTO + "date"),
            ox.Literal("2022", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")),
        ),
        ox.Triple(
            ox.NamedNode(subject),
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(CSTO + "State"),
        ),
        ox.Triple(ox.BlankNode("b0"), ox.NamedNode(CSTO + "about"), ox.NamedNode(subject)),
    ]
    body = compact(ox.serialize(triples, format=ox.RdfFormat.JSON_LD), PREFIXES)
    doc = json.loads(body)
    assert set(doc) == {"@context", "@graph"}
    assert (wanted_prefix in doc["@context"]) == (wanted_prefix is not None)
    if subject.split(":", 1)[0] in ("csto", "id"):
        assert subject.split(":", 1)[0] not in doc["@context"]
    got = _read(body)
    assert {(s, p, o) for s, p, o in got if not isinstance(s, ox.BlankNode)} == {
        (t.subject, t.predicate, t.object) for t in triples[:4]
    }
    assert len(got) == len(triples)


def test_nothing_to_compact_is_left_as_it_was():
    empty = ox.serialize([], format=ox.RdfFormat.JSON_LD)
    assert compact(empty, PREFIXES) == empty
