"""The served store written whole (csto_kg/served_store.py ``write_store``): each quad of ``dataset.nq`` and its
triple in the default graph, whatever the parts its lines are bulk-loaded in, blank nodes labelled as written;
and a line it cannot load named by its line in the file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from csto_kg import served_store
from csto_kg.served_store import write_store

G = "<https://e.org/g>"
QUAD = f"<https://e.org/a> <https://e.org/b> <https://e.org/c> {G} .\n"


def _reference(nquads: Path) -> set[str]:
    """What the store must hold, each quad parsed in Python (labels kept, as written) and its triple beside it."""
    default = ox.DefaultGraph()
    quads = list(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
    return {str(q) for q in quads} | {str(ox.Quad(q.subject, q.predicate, q.object, default)) for q in quads}


@pytest.mark.parametrize("part_lines", [served_store.PART_LINES, 997])  # one part; ~70 parts, blank lines among them
def test_the_store_holds_every_quad_and_its_triple_with_blank_nodes_as_written(
    shared_build, tmp_path, monkeypatch, part_lines
):
    nquads = shared_build.build.nquads
    monkeypatch.setattr(served_store, "PART_LINES", part_lines)
    write_store(nquads, tmp_path / "store")
    held = {str(q) for q in ox.Store.read_only(str(tmp_path / "store"))}
    expected = _reference(nquads)
    assert held == expected
    blank = {q for q in expected if q.startswith("_:")}
    assert len(blank) > 1000  # the passages' selectors, in their named graphs and in the default graph
    assert [p.name for p in tmp_path.iterdir()] == ["store"]  # its scratch file removed


@pytest.mark.parametrize(
    ("second_line", "error", "message"),
    [
        ("not a quad\n", SyntaxError, r"line 2 .*subject"),
        ("_:x <https://e.org/b> <ht tp://x> <https://e.org/g> .\n", SyntaxError, r"line 2 .*IRI"),
        ("<https://e.org/a> <https://e.org/b> <ht tp://x> <https://e.org/g> .\n", SyntaxError, r"line 2 .*IRI"),
        ("<https://e.org/a> <https://e.org/b> <https://e.org/d> .\n", ValueError, r"line 2: not a quad in a named"),
    ],
    ids=["not-a-quad", "blank-node-line", "bad-iri", "default-graph-triple"],
)
def test_a_line_the_store_cannot_take_is_named_by_its_line_in_the_file(tmp_path, second_line, error, message):
    nquads = tmp_path / "dataset.nq"
    nquads.write_text(QUAD + second_line + QUAD.replace("/c>", "/e>"), encoding="utf-8")
    with pytest.raises(error, match=message) as raised:
        write_store(nquads, tmp_path / "store")
    assert str(nquads) in str(raised.value) or raised.value.filename == str(nquads)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset.nq", "store"]  # no scratch file left
