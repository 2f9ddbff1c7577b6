"""``csto-kg validate`` through the real CLI: exit codes, what the curator reads, and the formats.

Exit codes: 0 the graph conforms, 1 it does not (any sh:Violation), 2 an error
(a curated file that does not parse: one line naming file and line, no traceback).
Tests that break things work on a copy of the inputs (``CSTO_KG_ROOT``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from csto_kg.namespaces import RDF, SH

pytestmark = [pytest.mark.xdist_group("test_validate_cli")]  # one worker sets up a copy validated in every format once

ROOT = Path(__file__).resolve().parent.parent
SHAPE = "https://w3id.org/csto-kg/shapes/"
EVIDENCE_DEF = re.compile(r"^(ev:[\w.-]+) a csto:Evidence\b")
EXACT = re.compile(r'oa:exact "')


def validate_cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["csto-kg", "validate", *args], env=env, capture_output=True, text=True)


def copy_project(dest: Path) -> tuple[Path, dict]:
    for folder in ("ontology", "kg", "shapes", "seeds"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest, dict(os.environ, CSTO_KG_ROOT=str(dest))


def first_plain_letter(line: str, k: int) -> int:
    """Index of the first ASCII letter at or after ``k`` that is not part of an escape (``\\u00A0``, ``\\"``)."""
    while not (line[k].isascii() and line[k].isalpha()):
        k += (6 if line[k + 1] == "u" else 2) if line[k] == "\\" else 1
    return k


def break_first_quote(path: Path) -> tuple[str, int]:
    """Change one letter of the first evidence quote in ``path``; return the evidence and its defining line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    evidence, defined_at = None, None
    for i, line in enumerate(lines):
        m = EVIDENCE_DEF.match(line)
        if m:
            evidence, defined_at = m.group(1), i + 1
        q = EXACT.search(line)
        if q and evidence:
            j = first_plain_letter(line, q.end())
            swapped = "b" if line[j] == "a" else "a"
            lines[i] = line[:j] + swapped + line[j + 1 :]
            path.write_text("\n".join(lines), encoding="utf-8")
            return evidence, defined_at
    raise AssertionError(f"no evidence quote in {path}")


def seed_files() -> list[Path]:
    files = sorted(p for p in (ROOT / "kg").glob("*.trig") if p.stem != "entities")
    if not files:
        pytest.skip("no curated seed file in kg/ yet")
    return files


@pytest.fixture(scope="module")
def broken_quote(tmp_path_factory):
    """A copy of the project with one quote changed by one letter, validated in every format."""
    root, env = copy_project(tmp_path_factory.mktemp("broken-quote"))
    target = root / "kg" / seed_files()[0].name
    evidence, line = break_first_quote(target)
    runs = {fmt: validate_cli("--format", fmt, env=env) for fmt in ("text", "json", "turtle")}
    return target, evidence, line, runs


def test_shipped_graph_conforms():
    """The curated graph in this checkout conforms: whatever kg/ holds now (more as curation lands)."""
    env = {k: v for k, v in os.environ.items() if k != "CSTO_KG_ROOT"}
    run = validate_cli(env=env)
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr
    assert run.stdout.rstrip().endswith("the graph conforms.")


def test_broken_quote_fails_naming_file_and_line(broken_quote):
    target, evidence, line, runs = broken_quote
    text = runs["text"]
    assert text.returncode == 1, text.stdout[-3000:] + text.stderr
    assert "[shape:VerbatimQuoteRule]" in text.stdout
    assert f"kg/{target.name}:{line}" in text.stdout, f"the curator is sent to {evidence}'s definition"
    assert f"focus:   {evidence}" in text.stdout
    assert "the graph does NOT conform" in text.stdout


def test_json_format(broken_quote):
    target, evidence, line, runs = broken_quote
    assert runs["json"].returncode == 1
    results = json.loads(runs["json"].stdout)
    assert isinstance(results, list) and results
    for r in results:
        assert {"severity", "rule", "message", "focus", "focus_label", "file", "line"} <= r.keys()
    quote = [r for r in results if r["rule"] == "shape:VerbatimQuoteRule"]
    assert quote == [r for r in quote if r["focus"] == evidence] and len(quote) == 1
    assert quote[0]["severity"] == "Violation"
    assert (quote[0]["file"], quote[0]["line"]) == (f"kg/{target.name}", line)


def test_turtle_format_is_a_validation_report(broken_quote):
    _, evidence, _, runs = broken_quote
    assert runs["turtle"].returncode == 1
    g = Graph()
    g.parse(data=runs["turtle"].stdout, format="turtle")
    report = g.value(predicate=RDF.type, object=SH.ValidationReport)
    assert report is not None
    assert g.value(report, SH.conforms) == Literal(False)
    shapes = {g.value(r, SH.sourceShape) for r in g.objects(report, SH.result)}
    assert URIRef(SHAPE + "VerbatimQuoteRule") in shapes


def test_syntax_error_is_one_line_with_file_and_line(tmp_path):
    root, env = copy_project(tmp_path)
    target = root / "kg" / seed_files()[-1].name
    lines = target.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("graph:")) + 1
    lines.insert(at, ':broken-node rdfs:label "an unterminated string .')
    target.write_text("\n".join(lines), encoding="utf-8")

    run = validate_cli(env=env)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert f"kg/{target.name}:{at + 1}:" in run.stderr and "syntax error" in run.stderr
    assert str(root) not in run.stderr, "the file is named relative to the project (kg/...), not by absolute path"


@pytest.mark.parametrize(
    "line,said",
    [
        ('shape:Broken sh:message "unterminated .', "syntax error"),
        ('shape:Broken sh:minCount "one"^^xsd:integer .', 'ill-typed literal "one" for datatype xsd:integer'),
    ],
    ids=["syntax", "ill-typed"],
)
def test_a_broken_shapes_file_is_one_line_with_file_and_line(tmp_path, line, said):
    root, env = copy_project(tmp_path)
    target = sorted((root / "shapes").glob("*.ttl"))[-1]
    text = target.read_text(encoding="utf-8")
    at = text.count("\n") + 2
    target.write_text(text + "\n" + line + "\n", encoding="utf-8")
    run = validate_cli(env=env)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert f"shapes/{target.name}:{at}" in run.stderr and said in run.stderr, run.stderr


def test_missing_shapes_is_an_error(tmp_path):
    root, env = copy_project(tmp_path)
    shutil.rmtree(root / "shapes")
    (root / "shapes").mkdir()
    run = validate_cli(env=env)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "no SHACL shapes" in run.stderr


@pytest.mark.parametrize("occurrence", ["99", "0"])
def test_cite_occurrence_out_of_range_is_one_line(occurrence):
    run = subprocess.run(
        ["csto-kg", "cite", "001", "the", "--id", "x", "--occurrence", occurrence], capture_output=True, text=True
    )
    assert run.returncode == 2, run.stderr
    assert run.stdout == "" and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert f"occurrence {occurrence}" in run.stderr and "occurs" in run.stderr


@pytest.mark.parametrize("occurrence,start", [("1", 10664), ("2", 10686)])
def test_cite_gives_a_repeated_quote_the_prefix_and_suffix_that_single_it_out(occurrence, start):
    """003's byline name occurs twice; the evidence cite prints says which one by oa:prefix / oa:suffix, the seed's
    text around that occurrence, which together with the quote occur in the seed once (validate requires them)."""
    from csto_kg.seeds import load_seed

    run = subprocess.run(
        ["csto-kg", "cite", "003", "Kester Kenn Klomegah", "--id", "x", "--occurrence", occurrence],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    found = re.search(r'oa:prefix "((?:[^"\\]|\\.)*)" ; oa:suffix "((?:[^"\\]|\\.)*)"', run.stdout)
    assert found, run.stdout
    prefix, suffix = (json.loads(f'"{g}"'.replace("\\u00A0", "\\u00a0")) for g in found.groups())
    text = load_seed("003_6d908fab4c796ec4").text
    assert f"oa:start {start} ;" in run.stdout
    assert text[start - len(prefix) : start] == prefix and text[start + 20 : start + 20 + len(suffix)] == suffix
    assert text.count(prefix + "Kester Kenn Klomegah" + suffix) == 1 and prefix.strip() and suffix.strip()


def test_cite_gives_a_quote_that_occurs_once_no_prefix_or_suffix():
    run = subprocess.run(
        ["csto-kg", "cite", "001", "As quick as a tiger.", "--id", "x"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "oa:prefix" not in run.stdout and "oa:suffix" not in run.stdout


def test_messages_write_iris_as_curies_before_punctuation(broken_quote):
    """Text and JSON: an IRI followed by '.' or ';' still shortens; JSON carries the full IRI beside the CURIE."""
    _, evidence, _, runs = broken_quote
    assert "https://w3id.org/csto-kg/" not in runs["text"].stdout
    quote = [r for r in json.loads(runs["json"].stdout) if r["rule"] == "shape:VerbatimQuoteRule"][0]
    assert quote["focus"] == evidence and quote["focus_iri"] == "https://w3id.org/csto-kg/evidence/" + evidence[3:]
    assert quote["rule_iri"] == SHAPE + "VerbatimQuoteRule"
    assert "the quote is" in quote["message"] and "the seed" in quote["message"]
