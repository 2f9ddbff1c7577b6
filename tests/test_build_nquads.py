"""The build's ``dataset.nq`` is written line by line from each term's Oxigraph spelling (``str`` of its Oxigraph
term), not through Oxigraph's serialiser: these tests hold those lines to the serialiser's bytes.

On the shared build, the whole file is what Oxigraph writes when it reads the file back and serialises it again
(the quads in the file's order). On terms the curated graph lacks (every ASCII control character, quotes and
backslashes, no-break and line-separator spaces, characters past the BMP, language tags with subtags, datatypes
and IRIs beyond ASCII, blank nodes, graphs given as rdflib ``Graph`` objects), the writer's bytes are the
serialiser's for the same quads, and the literals it reports are each written literal with its Oxigraph term.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from csto_kg.build import _write_nquads
from csto_kg.terms import to_ox

G = URIRef("https://example.org/graph/g")
S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")

TEXTS = [
    "".join(map(chr, range(0x00, 0x20))) + "\x7f",  # every control character: \t \n \r written as escapes
    'she said "no" \\ then \\"yes\\"',
    "no-break\u00a0space, narrow\u202fone, line\u2028and paragraph\u2029separators, \ufeff BOM",
    "“curly” ‘quotes’ — dash … ellipsis",
    "past the BMP: \U0001f30d \U00010348 \U0010fffd",
    "combining e\u0301 and a lone \u0301",
    "",
    " ",
]
LITERALS = [Literal(t) for t in TEXTS]
LITERALS += [Literal(t, lang=lang) for t in TEXTS[1:4] for lang in ("en", "en-GB", "sr-Latn-RS", "ru")]
LITERALS += [
    Literal("2023", datatype=XSD.gYear),
    Literal("1.50", datatype=XSD.decimal),  # the lexical form as written: the store would keep 1.5
    Literal("04", datatype=XSD.string),
    Literal("x", datatype=URIRef("https://example.org/dt/été")),
    Literal("x", datatype=XSD.string),
]
SUBJECTS = [S, BNode("b0"), BNode("node-with-dashes_and_underscores"), URIRef("https://example.org/été/%C3%A9?q=1#f")]


def _serialised(quads) -> bytes:
    return ox.serialize(
        [
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g.identifier if isinstance(g, Graph) else g))
            for s, p, o, g in quads
        ],
        format=ox.RdfFormat.N_QUADS,
    )


def test_every_line_of_the_shared_build_is_as_oxigraph_serialises_it(shared_build):
    path = shared_build.build.path / "dataset.nq"
    written = path.read_bytes()
    with path.open("rb") as f:
        again = ox.serialize(ox.parse(f, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    assert written.count(b"\n") > 10_000 and b"\xc2\xa0" in written and "“".encode() in written
    assert again == written


@pytest.mark.parametrize("graph", [G, Graph(identifier=G)], ids=["iri", "graph-object"])
def test_odd_terms_are_written_as_the_serialiser_writes_them(tmp_path, graph):
    quads = [(s, P, o, graph) for s in SUBJECTS for o in [*LITERALS, S, BNode("o1")]]
    quads += quads[:3]  # a repeated quad is written again, as the serialiser writes it
    out = tmp_path / "out.nq"
    literals = _write_nquads(iter(quads), out)
    assert out.read_bytes() == _serialised(quads)
    assert literals == {lit: to_ox(lit) for lit in LITERALS}
    assert {type(v) for v in literals.values()} == {ox.Literal}


def test_appending_keeps_what_was_written(tmp_path):
    out = tmp_path / "out.nq"
    first = [(S, P, lit, G) for lit in LITERALS[:5]]
    second = [(S, P, lit, URIRef("https://example.org/graph/h")) for lit in LITERALS[5:]]
    _write_nquads(iter(first), out)
    _write_nquads(iter(second), out, "ab")
    assert out.read_bytes() == _serialised(first) + _serialised(second)


def test_more_lines_than_one_write_are_all_written(tmp_path):
    quads = [(URIRef(f"https://example.org/n{i}"), P, Literal(i), G) for i in range(20_000)]
    out = tmp_path / "out.nq"
    _write_nquads(iter(quads), out)
    assert out.read_bytes() == _serialised(quads)
