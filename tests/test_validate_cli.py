"""``csto-kg validate`` through its CLI (``main``, run in the test's process): exit codes, what the curator reads, and the formats.

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
from support import CSTO_KG, run_cli

pytestmark = [pytest.mark.xdist_group("test_validate_cli")]  # one worker sets up a copy validated in every format once

ROOT = Path(__file__).resolve().parent.parent
SHAPE = "https://w3id.org/csto-kg/shapes/"
EVIDENCE_DEF = re.compile(r"^(ev:[\w.-]+) a csto:Evidence\b")
EXACT = re.compile(r'oa:exact "')


def validate_cli(*args: str, env: dict, process: bool = False) -> subprocess.CompletedProcess:
    """``csto-kg validate ARGS``: the command's ``main`` in this process (support.run_cli), or (``process``) the
    installed command in a process of its own, for what a next process finds (tests/test_entry_points.py checks
    that the installed command is that ``main``)."""
    if process:
        return subprocess.run([CSTO_KG, "validate", *args], env=env, capture_output=True, text=True)
    return run_cli(["validate", *args], env=env)


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


def test_the_shapes_check_is_remembered_per_content_and_a_slip_is_refused_all_the_same(tmp_path):
    """A well-formed shapes graph is checked once per content (and code): the next validate, a process of its own,
    finds it remembered in the cache folder (written by the first, in this process, whether or not this process has
    checked that content before); a slip makes a new content, which is checked, refused and not remembered."""
    root, env = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    env["CSTO_KG_CACHE"] = str(cache)
    assert validate_cli(env=env).returncode == 0
    remembered = sorted((cache / "shapes-check").iterdir())
    assert len(remembered) == 1 and remembered[0].stat().st_size == 0
    assert validate_cli(env=env, process=True).returncode == 0
    assert sorted((cache / "shapes-check").iterdir()) == remembered
    target = next(p for p in sorted((root / "shapes").glob("*.ttl")) if "\nshape:EntityHasLabel " in p.read_text())
    text = target.read_text(encoding="utf-8")
    at = text.count("\n") + 2
    target.write_text(text + "\nshape:EntityHasLabel sh:deactivated true .\n", encoding="utf-8")
    run = validate_cli(env=env)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr
    assert f"shapes/{target.name}:{at}" in run.stderr and "switched off" in run.stderr, run.stderr
    assert sorted((cache / "shapes-check").iterdir()) == remembered, "a refused content is not remembered"


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
        [CSTO_KG, "cite", "001", "the", "--id", "x", "--occurrence", occurrence], capture_output=True, text=True
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
        [CSTO_KG, "cite", "003", "Kester Kenn Klomegah", "--id", "x", "--occurrence", occurrence],
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
    run = subprocess.run([CSTO_KG, "cite", "001", "As quick as a tiger.", "--id", "x"], capture_output=True, text=True)
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


# --- slips in shapes/ (curators maintain the shapes too) --------------------------------------------------------
# A shape slip rarely makes the data invalid: a shape targeting an undeclared class, a path through an undeclared
# property, sh:deactivated left in, a misspelt severity, a query that never binds $this each pass silently (or fail
# every focus node with the shape's own message, which names no cause). ``csto-kg validate`` refuses such a shapes
# graph before validating: exit 2, one line naming the file, the line and the cause.
# (name, shapes file, [(old, new)] or ("append", text), words of the message, text of the line it names)
SHAPE_SLIPS = [
    (
        "no_message",
        "stances",
        [
            (
                '    sh:severity sh:Violation ;\n    sh:message "A stance must have a csto:about."@en .',
                "    sh:severity sh:Violation .",
            )
        ],
        "must have exactly one sh:message",
        "shape:StanceAbout a sh:PropertyShape",
    ),
    (
        "message_untagged",
        "stances",
        [
            (
                '    sh:message "A stance must have a csto:about."@en .',
                '    sh:message "A stance must have a csto:about." .',
            )
        ],
        "must have exactly one sh:message, an @en literal",
        'sh:message "A stance must have a csto:about."',
    ),
    (
        "label_removed",
        "stances",
        [('    rdfs:label "stance is about something"@en ;\n', "")],
        "must have exactly one rdfs:label",
        "shape:StanceAbout a sh:PropertyShape",
    ),
    (
        "target_class_undeclared",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:about ;",
                "    sh:targetClass csto:Stanse ;\n    sh:path csto:about ;",
            )
        ],
        "csto:Stanse (sh:targetClass of shape:StanceAbout) is not declared in the ontology",
        "sh:targetClass csto:Stanse",
    ),
    (
        "target_class_wrong_case",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:about ;",
                "    sh:targetClass csto:stance ;\n    sh:path csto:about ;",
            )
        ],
        "csto:stance (sh:targetClass of shape:StanceAbout) is not declared",
        "sh:targetClass csto:stance",
    ),
    (
        "target_class_a_property",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:about ;",
                "    sh:targetClass csto:heldBy ;\n    sh:path csto:about ;",
            )
        ],
        "csto:heldBy (sh:targetClass of shape:StanceAbout) is declared in the ontology, but not as a class",
        "sh:targetClass csto:heldBy",
    ),
    (
        "target_subjects_undeclared",
        "agents",
        [("    sh:targetSubjectsOf csto:speaksLanguage ;\n", "    sh:targetSubjectsOf csto:speaksLanguages ;\n")],
        "csto:speaksLanguages (sh:targetSubjectsOf of shape:LanguageTagWellFormed) is not declared",
        "sh:targetSubjectsOf csto:speaksLanguages",
    ),
    (
        "no_target",
        "stances",
        [("    sh:targetClass csto:Stance ;\n    sh:path csto:about ;", "    sh:path csto:about ;")],
        "shape:StanceAbout has no target",
        "shape:StanceAbout a sh:PropertyShape",
    ),
    (
        "path_undeclared",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:about ;",
                "    sh:targetClass csto:Stance ;\n    sh:path csto:abuot ;",
            )
        ],
        "csto:abuot (sh:path of shape:StanceAbout) is not declared",
        "sh:path csto:abuot",
    ),
    (
        "path_outside_the_targets_domain",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:heldBy ;",
                "    sh:targetClass csto:Stance ;\n    sh:path csto:holder ;",
            )
        ],
        "the ontology gives csto:holder the domain csto:OfficeHolding, which csto:Stance",
        "sh:path csto:holder",
    ),
    (
        "class_undeclared",
        "stances",
        [
            (
                "    sh:path csto:heldBy ;\n    sh:minCount 1 ;",
                "    sh:path csto:heldBy ;\n    sh:class csto:Persn ;\n    sh:minCount 1 ;",
            )
        ],
        "csto:Persn (sh:class of shape:StanceHolder) is not declared",
        "sh:class csto:Persn",
    ),
    (
        "in_undeclared_value",
        "stances",
        [("    sh:in ( csto:Direct csto:Reported ) ;", "    sh:in ( csto:Direct csto:Reportd ) ;")],
        "csto:Reportd (sh:in of shape:StanceAttribution) is not declared",
        "sh:in ( csto:Direct csto:Reportd )",
    ),
    (
        "datatype_against_range",
        "agents",
        [
            (
                "    sh:path csto:speaksLanguage ;\n    sh:datatype xsd:language ;",
                "    sh:path csto:speaksLanguage ;\n    sh:datatype xsd:string ;",
            )
        ],
        "sh:datatype xsd:string of shape:LanguageTagWellFormed contradicts the rdfs:range xsd:language",
        "sh:datatype xsd:string",
    ),
    (
        "severity_misspelt",
        "stances",
        [
            (
                '    sh:severity sh:Violation ;\n    sh:message "A stance must have a csto:about."@en .',
                '    sh:severity sh:violation ;\n    sh:message "A stance must have a csto:about."@en .',
            )
        ],
        "must have one sh:severity, sh:Violation, sh:Warning or sh:Info (found sh:violation)",
        "sh:severity sh:violation",
    ),
    (
        "severity_removed",
        "stances",
        [
            (
                '    sh:severity sh:Violation ;\n    sh:message "A stance must have a csto:about."@en .',
                '    sh:message "A stance must have a csto:about."@en .',
            )
        ],
        "(found none)",
        "shape:StanceAbout a sh:PropertyShape",
    ),
    (
        "deactivated_left_in",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:heldBy ;",
                "    sh:targetClass csto:Stance ;\n    sh:deactivated true ;\n    sh:path csto:heldBy ;",
            )
        ],
        "shape:StanceHolder is switched off (sh:deactivated true)",
        "sh:deactivated true",
    ),
    (
        "same_iri_in_two_files",
        "events",
        (
            "append",
            '\nshape:StanceAbout a sh:PropertyShape ;\n    rdfs:label "event is about something"@en ;\n    rdfs:comment "An event names its topic."@en ;\n    sh:targetClass csto:Event ;\n    sh:path csto:about ;\n    sh:maxCount 5 ;\n    sh:severity sh:Violation ;\n    sh:message "An event has at most five csto:about."@en .\n',
        ),
        "shape:StanceAbout is also defined in shapes/events.ttl:",
        "shape:StanceAbout a sh:PropertyShape",
    ),
    (
        "min_count_a_string",
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:about ;\n    sh:minCount 1 ;",
                '    sh:targetClass csto:Stance ;\n    sh:path csto:about ;\n    sh:minCount "1" ;',
            )
        ],
        'sh:minCount "1" is not well-formed SHACL',
        'sh:minCount "1"',
    ),
    (
        "sparql_syntax_error",
        "agents",
        [
            (
                'STR(?item), "http://www.wikidata.org/entity/"))\n            }',
                'STR(?item), "http://www.wikidata.org/entity/")\n            }',
            )
        ],
        "the SPARQL query of shape:WikidataItemOfOneEntity does not parse",
        "sh:select",
    ),
    (
        "sparql_unknown_prefix",
        "agents",
        [
            (
                "                $this skos:exactMatch ?item .\n                ?value skos:exactMatch ?item .",
                "                $this skoss:exactMatch ?item .\n                ?value skos:exactMatch ?item .",
            )
        ],
        "Unknown namespace prefix : skoss",
        "sh:select",
    ),
    (
        "sparql_this_unbound",
        "agents",
        [
            (
                "                $this skos:exactMatch ?item .\n                ?value skos:exactMatch ?item .",
                "                $thiss skos:exactMatch ?item .\n                ?value skos:exactMatch ?item .",
            )
        ],
        "has $this (the focus node) in no triple pattern",
        "sh:select",
    ),
    (
        "message_names_unselected_variable",
        "agents",
        [('    sh:message "This entity and {?value} link', '    sh:message "This entity and {?other} link')],
        "names {?other}, a variable its SPARQL query does not SELECT",
        "{?other}",
    ),
    (  # round 12: pySHACL refused it mid-validation with a traceback naming no file
        "sparql_values_clause",
        "events",
        [
            (
                "                $this ?path ?value, ?other .\n"
                "                FILTER (?path IN (csto:speed, csto:speechForm, csto:speechAct) && STR(?value) > STR(?other))",
                "                VALUES ?path { csto:speed csto:speechForm csto:speechAct }\n"
                "                $this ?path ?value, ?other .\n                FILTER (STR(?value) > STR(?other))",
            )
        ],
        "uses VALUES, which a SHACL SPARQL constraint may not",
        "sh:select",
    ),
]


def _slip_shapes(root: Path, name: str, edit) -> Path:
    path = root / "shapes" / f"{name}.ttl"
    text = path.read_text(encoding="utf-8")
    if edit[0] == "append":
        text += edit[1]
    else:
        for old, new in edit:
            assert text.count(old) == 1, (path.name, old)
            text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,file,edit,words,line_text", SHAPE_SLIPS, ids=[s[0] for s in SHAPE_SLIPS])
def test_a_slip_in_the_shapes_is_refused_with_file_line_and_cause(
    name, file, edit, words, line_text, tmp_path, monkeypatch
):
    from csto_kg.loader import CuratedFileError
    from csto_kg.validation import validate

    root, _ = copy_project(tmp_path)
    _slip_shapes(root, file, edit)
    monkeypatch.setenv("CSTO_KG_TODAY", "2026-11-30")
    with pytest.raises(CuratedFileError) as refused:
        validate(root)
    error = refused.value
    assert words in error.message, error.message
    located = error.path.read_text(encoding="utf-8").splitlines()[error.line - 1]
    assert error.path.parent.name == "shapes" and line_text in located, (error.path, error.line, located)


def test_a_shapes_slip_after_a_clean_validation_in_the_same_process_is_still_refused(tmp_path, monkeypatch):
    """The shapes check is done once per process for each content of shapes/ and ontology/ (slip batches validate
    many copies of one project): an edit to either after a clean validation is checked again."""
    from csto_kg.loader import CuratedFileError
    from csto_kg.validation import validate

    root, _ = copy_project(tmp_path)
    monkeypatch.setenv("CSTO_KG_TODAY", "2026-11-30")
    assert validate(root).conforms
    _, file, edit, words, _ = SHAPE_SLIPS[0]
    _slip_shapes(root, file, edit)
    with pytest.raises(CuratedFileError) as refused:
        validate(root)
    assert words in refused.value.message, refused.value.message


def test_the_cli_refuses_a_shapes_slip_exit_2_naming_file_and_line(tmp_path):
    root, env = copy_project(tmp_path)
    _slip_shapes(
        root,
        "stances",
        [
            (
                "    sh:targetClass csto:Stance ;\n    sh:path csto:about ;",
                "    sh:targetClass csto:Stanse ;\n    sh:path csto:about ;",
            )
        ],
    )
    line = (root / "shapes" / "stances.ttl").read_text(encoding="utf-8").splitlines().index(
        "    sh:targetClass csto:Stanse ;"
    ) + 1
    run = validate_cli(env=env)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr
    assert f"shapes/stances.ttl:{line}: csto:Stanse (sh:targetClass of shape:StanceAbout) is not declared" in run.stderr
    assert "Traceback" not in run.stderr, run.stderr


def test_a_new_node_without_a_class_is_refused_with_file_and_line(tmp_path):
    """A fact written from scratch without its ``a csto:Claim`` line is described by nothing: no shape targets it."""
    root, env = copy_project(tmp_path)
    path = next((root / "kg").glob("002_*.trig"))
    text = path.read_text(encoding="utf-8")
    block = (
        '\n:claim-002-zas-secretary-general rdfs:label "Seed 002: Stanislav Zas is the CSTO\'s secretary general"@en ;\n'
        "    csto:assertedBy src:002_31ac2e71aae4dd18 ;\n    csto:about :stanislav-zas ;\n"
        "    csto:position csto:FactualAssertion ;\n    prov:wasDerivedFrom ev:002-zas-make-peace .\n"
    )
    at = text.rstrip().rindex("}")
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(block.splitlines()[1]) + 1
    run = validate_cli(env=env)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr
    assert f"{path.name}:{line}: untyped node: :claim-002-zas-secretary-general" in run.stderr, run.stderr


@pytest.mark.parametrize("today", ["yesterday", "2026-13-01", "07/12/2026"])
def test_a_fixed_today_that_is_no_date_is_refused_naming_the_variable(tmp_path, today):
    """``CSTO_KG_TODAY`` (the day a report is reproduced for) not a date was a ValueError traceback, after SHACL."""
    root, env = copy_project(tmp_path)
    run = validate_cli(env={**env, "CSTO_KG_TODAY": today})
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert f"csto-kg validate: error: CSTO_KG_TODAY={today!r} is not a date written YYYY-MM-DD" in run.stderr


def test_a_node_typed_under_a_misspelt_name_is_named_beside_the_one_left_untyped(tmp_path):
    """A letter dropped where a node is typed (``:astaa a csto:Place``) leaves the node every other file describes
    untyped: the refusal names, beside it, the typed node of a similar name and where it is typed. A new node of a
    name like no other gets no such hint."""
    root, env = copy_project(tmp_path)
    entities = root / "kg" / "entities.trig"
    text = entities.read_text(encoding="utf-8")
    assert text.count("\n:astana a ") == 1
    entities.write_text(text.replace("\n:astana a ", "\n:astaa a "), encoding="utf-8")
    line = next(
        n for n, x in enumerate(entities.read_text(encoding="utf-8").splitlines(), 1) if x.startswith(":astaa ")
    )
    run = validate_cli(env=env)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr
    assert "untyped node: :astana is described" in run.stderr, run.stderr
    assert f"a typed node of a similar name: :astaa (kg/entities.trig:{line})" in run.stderr, run.stderr

    entities.write_text(text, encoding="utf-8")
    path = next((root / "kg").glob("002_*.trig"))
    original = path.read_text(encoding="utf-8")
    assert "    csto:heldBy :stanislav-zas ;" in original
    path.write_text(original.replace("csto:heldBy :stanislav-zas ;", "csto:heldBy :quite-another-node ;", 1), "utf-8")
    run = validate_cli(env=env)
    assert run.returncode == 2 and "dangling reference: :quite-another-node" in run.stderr, run.stderr
    assert "similar name" not in run.stderr, run.stderr


# --- seeds and source records (round 12) ------------------------------------------------------------------------
NEW_SEED = "005_0123456789abcdef"
NEW_TEXT = "A Test Article on the CSTO\n\nby Jane Roe\n\nThe CSTO summit met in Minsk on 23 November 2023.\n"


def _new_seed(root: Path, data: bytes, kg: bool = True) -> Path:
    (root / "seeds" / f"{NEW_SEED}.txt").write_bytes(data)
    if kg:
        (root / "kg" / f"{NEW_SEED}.trig").write_text(
            "@prefix graph: <https://w3id.org/csto-kg/graph/> .\n\ngraph:" + NEW_SEED + " {\n}\n", encoding="utf-8"
        )
    return root / "seeds" / f"{NEW_SEED}.txt"


def _crlf(path: Path) -> Path:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return path


SEED_REFUSALS = [
    ("new_seed_with_a_bom", lambda root: _new_seed(root, b"\xef\xbb\xbf" + NEW_TEXT.encode()), 1, "byte-order mark"),
    (
        "new_seed_in_latin_1",
        lambda root: _new_seed(root, NEW_TEXT.replace("Jane Roe", "Ren\u00e9e Roe").encode("latin-1")),
        3,
        "not UTF-8 (byte 0xe9",
    ),
    ("new_seed_with_crlf", lambda root: _new_seed(root, NEW_TEXT.replace("\n", "\r\n").encode()), 1, "CRLF"),
    ("seed_saved_with_crlf", lambda root: _crlf(next((root / "seeds").glob("000_*.txt"))), 1, "a carriage return"),
    ("new_seed_without_its_file", lambda root: _new_seed(root, NEW_TEXT.encode(), kg=False), None, "no curated file"),
]


@pytest.mark.parametrize("name,slip,line,words", SEED_REFUSALS, ids=[s[0] for s in SEED_REFUSALS])
def test_a_seed_that_is_not_plain_utf8_text_or_has_no_file_is_refused(name, slip, line, words, tmp_path, monkeypatch):
    """A seed with a BOM, in another encoding, with CR line ends, or without its kg/ file is refused by the loader
    (exit 2), naming the seed file and line: before, a BOM or CRLF shifted every offset silently, Latin-1 crashed
    the quote check, and a seed without a source record was never looked at."""
    from csto_kg.loader import CuratedFileError
    from csto_kg.validation import validate

    root, _ = copy_project(tmp_path)
    path = slip(root)
    monkeypatch.setenv("CSTO_KG_TODAY", "2026-11-30")
    with pytest.raises(CuratedFileError) as refused:
        validate(root)
    assert refused.value.path.resolve() == path.resolve() and refused.value.line == line, str(refused.value)
    assert words in refused.value.message, refused.value.message


def test_a_seed_file_without_a_source_record_or_a_seed_added_twice_is_a_violation(tmp_path, monkeypatch):
    """A new seed's file without its source record, and a seed that is byte for byte another under a second name,
    are reported by shape:SourceChecksumRule at the file that holds them."""
    from csto_kg.validation import validate

    root, _ = copy_project(tmp_path)
    _new_seed(root, NEW_TEXT.encode())
    twin = "006_0123456789abcdef"
    old = next((root / "kg").glob("004_*.trig")).read_text(encoding="utf-8")
    shutil.copy(next((root / "seeds").glob("004_*.txt")), root / "seeds" / f"{twin}.txt")
    record = old[old.index("src:004_b88eea108042ee85 a csto:SourceDocument") :]
    record = record[: record.index(" .\n") + 3].replace("004_b88eea108042ee85", twin)
    (root / "kg" / f"{twin}.trig").write_text(
        old[: old.index("graph:004_b88eea108042ee85 {")] + f"graph:{twin} {{\n{record}}}\n", encoding="utf-8"
    )
    monkeypatch.setenv("CSTO_KG_TODAY", "2026-11-30")
    results = validate(root).to_json()
    found = {r["file"]: r["message"] for r in results if r["rule"] == "shape:SourceChecksumRule"}
    assert "has no source record" in found.get(f"kg/{NEW_SEED}.trig", ""), found
    assert "byte for byte seeds/004_b88eea108042ee85.txt" in found.get(f"kg/{twin}.trig", ""), found
