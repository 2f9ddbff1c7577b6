"""The loader's two parsers agree: Oxigraph's (the fast path) and rdflib's (the reference).

Every curated, ontology and fixture file, and a generated synthetic project,
is read both ways; each named graph must be the same graph (isomorphic, so
blank-node labels may differ; literals compared by lexical form, datatype and
language). Files Oxigraph rejects go to rdflib, whose error names the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD as XSD_NS
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from csto_kg.loader import CuratedFileError, _parse, _read, _unclosed_brace_line, holds, load
from csto_kg.terms import Terms

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [
        *ROOT.glob("ontology/*.ttl"),
        *ROOT.glob("shapes/*.ttl"),
        *ROOT.glob("kg/*.trig"),
        *ROOT.glob("tests/shapes/*/*.trig"),
    ]
)


def _by_graph(quads) -> dict:
    out: dict = {}
    for s, p, o, g in quads:
        out.setdefault(g, Graph()).add((s, p, o))
    return out


def _reference(path: Path, fmt: str) -> dict:
    parsed = _parse(path, fmt)
    if fmt == "turtle":
        return {None: parsed}
    default = parsed.default_graph.identifier
    return {(None if g.identifier == default else g.identifier): g for g in parsed.graphs() if len(g)}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_oxigraph_parse_equals_rdflib_parse(path):
    fmt = "turtle" if path.suffix == ".ttl" else "trig"
    fast = _by_graph(_read(path, fmt, Terms()).quads)
    reference = _reference(path, fmt)
    assert fast.keys() == reference.keys()
    for name, graph in reference.items():
        assert isomorphic(fast[name], graph), f"{path.name}: graph {name} differs"
        assert _literals(graph) == _literals(fast[name])


def test_synthetic_project_loads_the_same_through_either_parser(tiny, monkeypatch):
    import csto_kg.loader as loader

    fast = load(tiny)
    monkeypatch.setattr(loader.ox, "parse", _reject)  # every file then goes to rdflib's parser
    reference = load(tiny)
    names = {g.identifier for g in reference.dataset.graphs() if len(g)}
    assert names == {g.identifier for g in fast.dataset.graphs() if len(g)}
    for name in names:
        assert isomorphic(fast.dataset.graph(name), reference.dataset.graph(name)), name


def _reject(*_args, **_kw):
    raise SyntaxError("rejected, to exercise rdflib's path")


def test_a_file_oxigraph_rejects_is_reported_with_rdflibs_reason_and_line(tmp_path):
    bad = tmp_path / "kg" / "broken.trig"
    bad.parent.mkdir()
    bad.write_text("@prefix ex: <https://example.org/> .\n\nex:a ex:b ex:c, .\nex:d ex:e ex:f .\n", encoding="utf-8")
    with pytest.raises(CuratedFileError) as e:
        _read(bad, "trig", Terms())
    assert e.value.path == bad and e.value.line == 3 and "syntax error" in str(e.value)


def _literals(triples) -> set:
    """Literals as (lexical form, datatype, language): language tags are case-insensitive (BCP 47, RDF 1.1)."""
    return {(str(o), o.datatype, (o.language or "").lower()) for *_, o in triples if isinstance(o, Literal)}


def test_literals_are_read_as_rdflib_reads_them(tmp_path):
    f = tmp_path / "lexical.ttl"
    f.write_text(
        "@prefix ex: <https://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        'ex:a ex:n "04"^^xsd:integer ; ex:m "5"^^xsd:nonNegativeInteger ; ex:d 1.50 ; ex:l "x"@EN-gb .\n',
        encoding="utf-8",
    )
    fast = _literals((s, p, o) for s, p, o, _ in _read(f, "turtle", Terms()).quads)
    assert fast == _literals(_reference(f, "turtle")[None])
    assert {lex for lex, _, _ in fast} == {"4", "5", "1.50", "x"}  # rdflib's integer normal form; the rest as written


# XML Schema 1.1 lexical spaces, where rdflib's own check is looser or absent: (lexical form, datatype, why or None).
# (rdflib, stricter than XML Schema 1.1 there, refuses a year 0000, 24:00:00 and "PT.5S": not listed.)
LEXICAL = [
    ("2023-13", "gYearMonth", "month 01-12"),
    ("2022-9", "gYearMonth", "month 01-12"),
    ("199", "gYear", "four or more digits"),
    ("02022", "gYear", "four or more digits"),
    ("2023-02-29", "date", "no such day"),
    ("2023-04-31", "date", "no such day"),
    ("--02-30", "gMonthDay", "no such day"),
    ("--13", "gMonth", "--MM"),
    ("2022-01-06T10:00", "dateTime", "hh:mm:ss"),
    ("1_000", "integer", "an integer"),
    (" 5", "integer", "an integer"),
    ("128", "byte", "out of the range"),
    ("0", "positiveInteger", "out of the range"),
    ("1e5", "decimal", "decimal point"),
    ("NaN", "decimal", "decimal point"),
    ("inf", "double", "INF"),
    ("True", "boolean", "true, false"),
    ("P1YT", "duration", "PnYnMnDTnHnMnS"),
    ("P", "duration", "PnYnMnDTnHnMnS"),
    ("2022", "gYear", None),
    ("-0044", "gYear", None),
    ("12022", "gYear", None),
    # valid XML Schema, but a calendar date with a time zone is refused: rdflib drops the zone as it reads it
    ("2022-09Z", "gYearMonth", "time zone"),
    ("2022-05-16+03:00", "date", "time zone"),
    ("2022-05:00", "gYear", "time zone"),  # a month meant, read by XML Schema as the year 2022 in zone -05:00
    ("--09Z", "gMonth", None),  # not a calendar date the project uses
    ("2024-02-29", "date", None),
    ("--02-29", "gMonthDay", None),
    ("+5", "positiveInteger", None),
    ("-128", "byte", None),
    (".5", "decimal", None),
    ("-INF", "double", None),
    ("1", "boolean", None),
    ("-P3DT4H", "dayTimeDuration", None),
]


@pytest.mark.parametrize("lexical,datatype,why", LEXICAL, ids=[f"{d}:{v.strip() or 'space'}" for v, d, _ in LEXICAL])
def test_a_literal_outside_its_datatypes_lexical_space_is_refused_with_file_and_line(tmp_path, lexical, datatype, why):
    (tmp_path / "seeds").mkdir()
    kg = tmp_path / "kg"
    kg.mkdir()
    (kg / "entities.trig").write_text(
        "@prefix : <https://w3id.org/csto-kg/id/> .\n@prefix graph: <https://w3id.org/csto-kg/graph/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\ngraph:entities {\n"
        f':x a <https://w3id.org/csto-kg/ontology/State> ;\n    :value "{lexical}"^^xsd:{datatype} .\n}}\n',
        encoding="utf-8",
    )
    if why is None:
        load(tmp_path, with_ontology=False)
        return
    with pytest.raises(CuratedFileError) as e:
        load(tmp_path, with_ontology=False)
    assert (e.value.path, e.value.line) == (kg / "entities.trig", 7)
    assert f'ill-typed literal "{lexical}" for datatype xsd:{datatype}' in str(e.value) and why in str(e.value)


def test_valid_literals_still_load_after_owlrl_has_run_in_the_process(tmp_path):
    """owlrl replaces rdflib's converters for gYear, gYearMonth, gMonthDay... with stricter ones and leaves them
    behind: the reasoner restores rdflib's, so what the loader accepts does not depend on what ran before."""
    from csto_kg.reason import infer

    g = Graph()
    g.parse(data="@prefix owl: <http://www.w3.org/2002/07/owl#> . <urn:a> a owl:Class .", format="turtle")
    infer(g, reasoner="owlrl")
    for lexical, datatype, why in LEXICAL:
        if why is None:
            assert Literal(lexical, datatype=XSD_NS[datatype]).ill_typed is not True, (lexical, datatype)
    test_a_literal_outside_its_datatypes_lexical_space_is_refused_with_file_and_line(tmp_path, "-0044", "gYear", None)


# (line, what is looked for, found): a name is found whole, never as the start or end of a longer one
HOLDS = [
    ("    csto:about :csto, :nato ;", ":nat", False),  # ':nato' typed as ':nat': not the first line naming NATO
    ("    csto:about :csto, :nato ;", ":nato", True),
    ("csto:bordersOn :nat .", ":nat", True),
    ("csto:bordersOn :nat.", ":nat", True),  # the statement's full stop ends the name
    ("csto:bordersOn :nat.x", ":nat", False),  # a full stop inside a longer name does not
    ("x csto:nat y", ":nat", False),  # another prefix's name
    ("ev:a-1 a csto:Evidence", ":a-1 ", False),
    (":a-1 a csto:Stance", ":a-1 ", True),
    (":a-10 a csto:Stance", ":a-1", False),
    ('    csto:date "1993"^^xsd:gYear ;', '"1993"^^', True),
    ("graph:001_x {", "graph:001_x ", True),
    ("<https://w3id.org/csto-kg/id/a>, x", "<https://w3id.org/csto-kg/id/a>", True),
    ("anything", "", False),
]


@pytest.mark.parametrize("line, needle, found", HOLDS)
def test_a_file_error_is_located_at_a_name_written_whole(line, needle, found):
    assert holds(line, needle) is found


# (TriG text, the line of the "{" left open): braces in strings, long strings, IRIs and comments are not blocks
UNCLOSED = [
    ("graph:a {\n:x :p :y .\n}\n", None),
    ("graph:a {\n:x :p :y .\n", 1),
    ('graph:a {\n:x :p "a } b" .\n', 1),  # a brace in a string
    ('graph:a {\n:x :p """two\n} lines""" .\n}\n', None),  # a brace in a long string spanning lines
    ("graph:a {\n:x :p :y . # }\n", 1),  # in a comment
    ("graph:a {\n:x :p <http://e.org/a#b> .\n", 1),  # an IRI's '#' is no comment
    ("graph:a {\n}\ngraph:b {\n:x :p :y .\n", 3),
    ('graph:a {\n:x :p "it\'s \\" } " .\n', 1),  # an escaped quote inside a string
]


@pytest.mark.parametrize("text, line", UNCLOSED)
def test_the_block_a_file_leaves_open_is_found_by_its_opening_line(text, line):
    assert _unclosed_brace_line(text) == line
