"""Build, export, cite and the loader's error reports, through the CLI (pruning through the build itself).

The commands run in the test's process (``support.run_cli``: ``csto_kg.cli.main``, the function the installed
``csto-kg`` calls, without a Python start for each); that the installed command is that function is
tests/test_entry_points.py's.

A test that breaks things works on a copy of the project's inputs
(``CSTO_KG_ROOT``) and its own build directory (``CSTO_KG_BUILD``), so the
checkout is never touched; exports and cite read the session's build.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from support import canonical_triples, run_cli, snapshot_inputs

ROOT = Path(__file__).resolve().parent.parent
GRAPH = "https://w3id.org/csto-kg/graph/"
INFERRED = GRAPH + "inferred"
SEED_IDS = sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))


def cli(*args, env, check=True):
    """``csto-kg ARGS`` in this process (support.run_cli: the command's ``main``, without a Python start)."""
    run = run_cli(list(args), env=env)
    if check:
        run.check_returncode()
    return run


@pytest.fixture
def project(tmp_path):
    """A private copy of the inputs and a private build directory."""
    root = snapshot_inputs(tmp_path / "project")
    env = dict(os.environ, CSTO_KG_ROOT=str(root), CSTO_KG_BUILD=str(tmp_path / "build"))
    return root, env


@pytest.fixture(scope="module")
def built(shared_build):
    """The environment of the session's build (validated, with its dumps): exports and cite only read it."""
    return shared_build.env


def test_build_reports_counts_and_reuses_current_build(built):
    again = cli("build", env=built).stdout
    assert "up to date" in again
    manifest = json.loads((Path(built["CSTO_KG_BUILD"]) / "current" / "manifest.json").read_text())
    assert manifest["triples"]["asserted"] > 1000 and manifest["triples"]["inferred"] > 0
    assert sorted(g.rsplit("/", 1)[1] for g in manifest["seed_graphs"]) == SEED_IDS, "every seed contributes a graph"


def _graph_sizes(path: Path, fmt: ox.RdfFormat) -> Counter:
    """Named graph -> its quads in the file at ``path`` (Oxigraph's strict parser)."""
    return Counter(
        q.graph_name.value for q in ox.parse(path=str(path), format=fmt) if q.graph_name != ox.DefaultGraph()
    )


QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_quad_exports_keep_named_graphs(built, tmp_path, fmt):
    """Every graph of the build in each quad format. The JSON-LD export is also read by rdflib, as a JSON-LD
    consumer would read it (rdflib reads the TriG dump in tests/test_dump_fidelity.py; each read of the whole
    dataset by rdflib takes 2-3 s)."""
    out = tmp_path / f"dump.{fmt}"
    cli("export", "--format", fmt, "-o", str(out), env=built)
    sizes = _graph_sizes(out, QUAD_FORMATS[fmt])
    manifest = json.loads((Path(built["CSTO_KG_BUILD"]) / "current" / "manifest.json").read_text())
    assert sizes == manifest["graphs"]
    assert {GRAPH + s for s in SEED_IDS} <= set(sizes) and {INFERRED, GRAPH + "ontology"} <= set(sizes)
    if fmt == "jsonld":
        ds = Dataset()
        ds.parse(out, format="json-ld")
        assert {str(g.identifier): len(g) for g in ds.graphs() if len(g)} == manifest["graphs"]


def test_no_inferred_export_drops_the_inferred_graph(built, tmp_path):
    out = tmp_path / "dump.trig"
    cli("export", "--format", "trig", "--no-inferred", "-o", str(out), env=built)
    sizes = _graph_sizes(out, ox.RdfFormat.TRIG)
    manifest = json.loads((Path(built["CSTO_KG_BUILD"]) / "current" / "manifest.json").read_text())
    assert sizes == {g: n for g, n in manifest["graphs"].items() if g != INFERRED}
    assert sizes[GRAPH + "entities"] > 0


def test_turtle_export_is_one_graph(built, tmp_path):
    with_inf, without, quads = tmp_path / "a.ttl", tmp_path / "b.ttl", tmp_path / "all.nq"
    cli("export", "--format", "ttl", "-o", str(with_inf), env=built)
    cli("export", "--format", "ttl", "--no-inferred", "-o", str(without), env=built)
    cli("export", "--format", "nq", "-o", str(quads), env=built)
    every = list(ox.parse(path=str(quads), format=ox.RdfFormat.N_QUADS))
    asserted = [q for q in every if q.graph_name != ox.NamedNode(INFERRED)]
    # each canonicalised once (~1 s each)
    expected = {with_inf: canonical_triples(every), without: canonical_triples(asserted)}
    for out, union in expected.items():  # a triple several graphs hold is there once
        assert canonical_triples(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)) == union, out.name
    assert len(expected[with_inf]) > len(expected[without]) > 1000


@pytest.mark.parametrize("together", [True, False])
def test_dumps_written_side_by_side_equal_those_written_one_by_one(built, tmp_path, monkeypatch, together):
    """Past a size the build writes its dumps in processes of their own, all at once or one after the other;
    byte for byte the same files."""
    from csto_kg import export

    current = (Path(built["CSTO_KG_BUILD"]) / "current").resolve()  # dumps written one by one (a small build)
    monkeypatch.setattr(export, "PARALLEL_DUMPS_BYTES", 0)
    sums = export.write_dumps(current / "dataset.nq", tmp_path / "dumps", together=together)
    assert (tmp_path / "dumps" / "SHA256SUMS").read_text() == (current / "dumps" / "SHA256SUMS").read_text()
    assert sorted(sums) == sorted(p.name for p in (current / "dumps").iterdir() if p.name != "SHA256SUMS")


def test_a_dump_process_that_fails_is_one_clear_error_and_leaves_no_file(tmp_path, monkeypatch):
    from csto_kg import export
    from csto_kg.errors import UserError

    nq = tmp_path / "dataset.nq"
    nq.write_text("<https://e.org/a> <https://e.org/b> <https://e.org/c> <https://e.org/g> .\nnot a quad\n")
    monkeypatch.setattr(export, "PARALLEL_DUMPS_BYTES", 0)
    with pytest.raises(UserError, match=r"writing the dump csto-kg\.\w+ failed: .*dataset\.nq.*line 2"):
        export.write_dumps(nq, tmp_path / "dumps")
    assert sorted(p.name for p in (tmp_path / "dumps").iterdir()) == ["csto-kg.nq"]  # the link; nothing half-written


def test_the_builds_report_is_the_validate_commands_with_the_store_written_beside_it(project):
    """graph:support and graph:meta are in dataset.nq before validation starts, and another process writes the
    streamed dumps from it beside SHACL, then the store once SHACL is done, while the rules run; SHACL still sees
    only the loaded and inferred quads, as validate does (with the derived graphs it reports thousands of results
    on the curated graph)."""
    root, env = project
    env = dict(env, CSTO_KG_TODAY="2026-12-02")
    cli("build", "--force", env=env)
    current = (Path(env["CSTO_KG_BUILD"]) / "current").resolve()
    validated = cli("validate", "--format", "json", env=env, check=False).stdout
    assert json.loads((current / "validation.json").read_text(encoding="utf-8")) == json.loads(validated)
    manifest = json.loads((current / "manifest.json").read_text())
    # the store written whole (a small build): nothing written beside SHACL (tests/test_incremental_validation.py
    # has the streamed dumps written there, before a store updated)
    assert set(manifest["alongside_s"]) == {"waited", "write_store", "dumps", "elapsed"}
    # the store process starts before the validation (within the manifest's millisecond: starting it can take
    # less), and goes on to the store once SHACL is done, beside the Python rules: within the validation, not after
    started = manifest["started_s"]
    assert (
        started["writes"]
        <= started["validate"]
        < started["go"]
        < started["validate"] + manifest["timings_s"]["validate"]
    )
    store = ox.Store.read_only(str(current / "store"))
    named = sum(1 for _ in store.quads_for_pattern(None, None, None, None)) - len(
        list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    )
    assert named == manifest["triples"]["total"]  # every quad of the file, support and meta included


def test_a_result_on_a_blank_node_is_located_in_the_builds_report_as_validate_locates_it(project):
    """A selector (a blank node) whose start comes after its end: the build's SHACL store is bulk-loaded from
    the N-Quads it wrote, and a bulk load relabels blank nodes, so the result's focus named no node of the loaded
    dataset: the build reported it with no file or line, and the quote rule, not knowing SHACL had rejected that
    evidence, reported the quote as well. The build's report is the validate command's."""
    import re

    root, env = project
    path = root / "kg" / f"{SEED_IDS[0]}.trig"
    text = path.read_text(encoding="utf-8")
    found = re.search(r"oa:start (\d+) ; oa:end (\d+)", text)
    start, end = found.groups()
    path.write_text(text.replace(found.group(0), f"oa:start {end} ; oa:end {start}", 1), encoding="utf-8")
    evidence = text.rfind("\nev:", 0, found.start())  # the selector is located at the evidence node holding it
    line = text[: evidence + 1].count("\n") + 1
    cli("build", "--force", env=env, check=False)
    report = json.loads((Path(env["CSTO_KG_BUILD"]) / "current" / "validation.json").read_text(encoding="utf-8"))
    assert json.loads(cli("validate", "--format", "json", env=env, check=False).stdout) == report
    selector = [r for r in report if r["rule"] == "shape:PositionSelectorStartBeforeEnd"]
    assert [(r["focus"], r["file"], r["line"]) for r in selector] == [("[]", f"kg/{SEED_IDS[0]}.trig", line)]
    assert not [r for r in report if r["rule"] == "shape:VerbatimQuoteRule"]


@pytest.mark.parametrize("dumps_first", [False, True])  # failing in the store, or in a dump before the go
def test_a_store_process_that_fails_is_one_clear_error(tmp_path, dumps_first):
    from csto_kg.errors import UserError
    from csto_kg.served_store import start

    nq = tmp_path / "dataset.nq"
    nq.write_text("<https://e.org/a> <https://e.org/b> <https://e.org/c> <https://e.org/g> .\nnot a quad\n")
    writes = start(nq, tmp_path / "store", tmp_path / "dumps", dumps_first=dumps_first)
    if dumps_first:  # failed in its first dump, before its go: the go finds it ended
        assert writes.proc.wait(timeout=60) == 1
    with pytest.raises(UserError, match=r"writing the store and dumps failed: .*dataset\.nq.*line 2"):
        writes.wait()
    assert (tmp_path / "store").exists() is not dumps_first  # the store comes after the go


def test_a_store_process_whose_build_ends_without_its_go_writes_no_store(built, tmp_path):
    """A build that fails or is killed during SHACL closes the pipe without a go: the store process has written
    the streamed dumps, then stops, writing no store; given the go, the same process writes the store and the
    other dumps, each dump the same bytes as the session build's, csto-kg.nq the file it was given."""
    from csto_kg.export import STREAMED_DUMPS
    from csto_kg.served_store import start

    current = (Path(built["CSTO_KG_BUILD"]) / "current").resolve()
    nq = tmp_path / "dataset.nq"
    nq.write_bytes((current / "dataset.nq").read_bytes())
    writes = start(nq, tmp_path / "store", tmp_path / "dumps", dumps_first=True)
    while sorted(p.name for p in (tmp_path / "dumps").glob("csto-kg.*")) != sorted(STREAMED_DUMPS):
        assert writes.proc.poll() is None, writes.proc.stderr.read().decode()
        time.sleep(0.05)
    writes.proc.stdin.close()  # the build's end, without a go
    assert writes.proc.wait(timeout=60) == 1
    assert "without its go" in writes.proc.stderr.read().decode()
    assert not (tmp_path / "store").exists() and not (tmp_path / "dumps" / "SHA256SUMS").exists()
    waiting = start(nq, tmp_path / "store", tmp_path / "dumps1", wait=True)  # a whole store's build: no dump first
    time.sleep(1)
    waiting.proc.stdin.close()
    assert waiting.proc.wait(timeout=60) == 1
    assert not (tmp_path / "store").exists() and not (tmp_path / "dumps1").exists()

    writes = start(nq, tmp_path / "store", tmp_path / "dumps2", dumps_first=True)
    writes.go()
    timings = writes.wait()
    assert set(timings) >= {"dumps_first", "waited", "write_store", "dumps"}
    for dump in (current / "dumps").iterdir():
        assert (tmp_path / "dumps2" / dump.name).read_bytes() == dump.read_bytes(), dump.name
    assert (tmp_path / "dumps2" / "csto-kg.nq").stat().st_ino == nq.stat().st_ino  # linked, not copied
    assert len(ox.Store.read_only(str(tmp_path / "store"))) > 0


def test_union_lines_stop_at_the_size_the_file_had(tmp_path):
    from csto_kg.export import triple_lines

    lines = [b'<https://e.org/s%d> <https://e.org/p> "%d" <https://e.org/g> .\n' % (i, i) for i in range(5)]
    nq = tmp_path / "dataset.nq"
    nq.write_bytes(b"".join(lines))
    cut = [line.rsplit(b" <", 1)[0] + b" .\n" for line in lines]
    assert list(triple_lines(nq, end=len(b"".join(lines[:3])))) == cut[:3]
    assert list(triple_lines(nq)) == cut


@pytest.mark.parametrize("fmt", ["nq", "ttl"])  # a quad format, and the union (read line by line)
def test_failed_export_leaves_previous_file_and_no_temporary(built, tmp_path, fmt):
    out = tmp_path / f"dump.{fmt}"
    cli("export", "--format", fmt, "-o", str(out), env=built)
    before = out.read_bytes()
    # damage a copy of the build: a build dir whose dataset.nq breaks half-way
    broken = tmp_path / "broken-build"
    shutil.copytree(Path(built["CSTO_KG_BUILD"]).resolve(), broken, symlinks=True)
    nq = (broken / "current").resolve() / "dataset.nq"
    lines = nq.read_text(encoding="utf-8").splitlines(keepends=True)
    nq.write_text("".join(lines[: len(lines) // 2]) + "<oops> this is not N-Quads .\n", encoding="utf-8")
    r = cli("export", "--format", fmt, "-o", str(out), env=dict(built, CSTO_KG_BUILD=str(broken)), check=False)
    assert r.returncode == 2 and "dataset.nq" in r.stderr and "Traceback" not in r.stderr
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_build_keeps_last_good_build(project):
    root, env = project
    cli("build", "--no-validate", env=env)
    current = (Path(env["CSTO_KG_BUILD"]) / "current").resolve()
    kg = root / "kg" / f"{SEED_IDS[1]}.trig"
    kg.write_text(kg.read_text(encoding="utf-8").replace("csto:Summit", "csto:Summit ;;; }", 1), encoding="utf-8")
    r = cli("build", "--no-validate", env=env, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"kg/{kg.name}:" in r.stderr
    assert (Path(env["CSTO_KG_BUILD"]) / "current").resolve() == current
    rows = cli(
        "query", "ASK { ?s a <https://w3id.org/csto-kg/ontology/Summit> }", "--format", "json", env=env, check=False
    )
    # the query command rebuilds a stale build: it must fail the same way, not serve half a graph
    assert rows.returncode == 2


@pytest.mark.parametrize(
    "defect,old,new,needle",
    [
        ("unknown prefix", "csto:Summit", "nosuch:Summit", "nosuch:"),
        ("ill-typed date", '"2022-05"^^xsd:gYearMonth', '"2022-13-45"^^xsd:date', "ill-typed"),
        ("month 13", '"2022-05"^^xsd:gYearMonth', '"2022-13"^^xsd:gYearMonth', "a month 01-12"),
        ("dangling reference", "csto:place :moscow", "csto:place :atlantis", "dangling"),
    ],
)
def test_curated_file_errors_name_file_and_line(project, defect, old, new, needle):
    root, env = project
    path = next(p for p in sorted((root / "kg").glob("0*.trig")) if old in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    r = cli("build", "--no-validate", env=env, check=False)
    assert r.returncode == 2, r.stderr
    assert f"kg/{path.name}:{line}" in r.stderr and str(root) not in r.stderr, (defect, r.stderr)
    assert needle in r.stderr and "Traceback" not in r.stderr


def test_triples_outside_the_files_graph_are_rejected(project):
    root, env = project
    path = root / "kg" / f"{SEED_IDS[0]}.trig"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n<https://w3id.org/csto-kg/id/x> a <https://w3id.org/csto-kg/ontology/Claim> .\n",
        encoding="utf-8",
    )
    r = cli("build", "--no-validate", env=env, check=False)
    assert r.returncode == 2 and f"kg/{path.name}:" in r.stderr and "default graph" in r.stderr


def test_cite_prints_the_seeds_own_text(built):
    seed = next(p for p in sorted((ROOT / "seeds").glob("*.txt")) if "\u00a0" in p.read_text(encoding="utf-8"))
    text = seed.read_text(encoding="utf-8")
    i = text.index("\u00a0")
    passage = text[max(0, i - 15) : i + 15]
    typed = passage.replace("\u00a0", " ").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    r = cli("cite", seed.stem[:3], typed, "--id", "x", env=built)
    assert "\\u00A0" in r.stdout
    start = text.index(passage)
    assert f"oa:start {start} ; oa:end {start + len(passage)}" in r.stdout


def test_export_to_a_folder_names_the_file_to_give(built, tmp_path):
    """``-o`` naming a folder was an IsADirectoryError traceback from the rename of the finished file."""
    r = cli("export", "--format", "nq", "-o", str(tmp_path), env=built, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert f"{tmp_path} is a folder: name the file to write (e.g. {tmp_path / 'csto-kg.nq'})" in r.stderr, r.stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written left there


def test_cite_refuses_a_passage_not_in_the_seed(built):
    r = cli("cite", "001", "this sentence is in no seed", "--id", "x", env=built, check=False)
    assert r.returncode == 2 and "not found" in r.stderr


@pytest.mark.parametrize(
    "seed, slug, says",
    [  # the Turtle it printed would not have parsed, or would have named a node kg/ has
        ("001", "bad id!", "--id 'bad id!' is not a slug: lower-case letters and digits, in words joined by hyphens"),
        ("001", "001-Troops", "is not a slug"),
        ("001", "001-byline-and-title", "ev:001-byline-and-title is already an evidence node (kg/001_"),
        ("009", "x", "no seed document '009' in seeds/ (its seeds: 000_"),
        ("00", "x", "'00' names 5 seed documents (000_"),
    ],
)
def test_cite_refuses_an_id_that_is_no_slug_or_taken_and_a_seed_it_cannot_name(built, seed, slug, says):
    r = cli("cite", seed, "some 2,500 troops", "--id", slug, env=built, check=False)
    assert r.returncode == 2 and r.stdout == "" and says in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_a_build_in_use_by_a_live_server_is_not_pruned(tiny, tmp_path):
    """Pruning is the build's own (csto_kg.build, which the CLI calls): five builds in-process, no dumps, no
    validation, of a copy of the small synthetic project (pruning does not depend on what the graph says)."""
    from csto_kg.build import ensure_built

    root = Path(shutil.copytree(tiny, tmp_path / "project"))
    build_dir = tmp_path / "build"
    builds = build_dir / "builds"
    served = ensure_built(root, build_dir, validate=False, dumps=False).path
    assert served == (build_dir / "current").resolve()
    (served / f".pinned.{os.getpid()}").touch()  # as `csto-kg serve` does for its build
    entities = root / "kg" / "entities.trig"
    for n in range(3):  # three rebuilds: more than pruning spares
        entities.write_text(entities.read_text(encoding="utf-8") + f"\n# edit {n}\n", encoding="utf-8")
        assert ensure_built(root, build_dir, validate=False, dumps=False).path != served
    assert served.exists(), "a pinned build survives rebuilds"
    (served / f".pinned.{os.getpid()}").unlink()
    entities.write_text(entities.read_text(encoding="utf-8") + "\n# edit 3\n", encoding="utf-8")
    ensure_built(root, build_dir, validate=False, dumps=False)
    assert not served.exists(), "once unpinned it is pruned"
    assert len([p for p in builds.iterdir() if not p.name.startswith(".")]) == 2


def test_the_server_shows_the_build_not_the_checkout(shared_build, tmp_path):
    """Seeds, example queries and shapes are read from the build it serves: the checkout may change meanwhile.
    The build is a copy of the session's (its project and build folder), found current by the build's own check."""
    from csto_kg.build import ensure_built
    from csto_kg.server.app import create_app
    from csto_kg.server.config import ServerConfig

    shutil.copytree(shared_build.tmp / "project", tmp_path / "project")
    shutil.copytree(shared_build.tmp / "build", tmp_path / "build", symlinks=True)
    build = ensure_built(tmp_path / "project", tmp_path / "build", validate=False, dumps=False)
    assert build.reused and build.path.is_relative_to(tmp_path / "build"), build.path
    seed = sorted(build.served("seeds").glob("*.txt"))[0].stem
    app = create_app(ServerConfig(), build)
    try:
        for folder in ("seeds", "queries", "shapes"):  # the checkout loses its inputs after the build
            shutil.rmtree(tmp_path / "project" / folder)
        client = app.test_client()
        page = client.get("/query", headers={"Accept": "text/html"}).get_data(as_text=True)
        assert '<script type="application/json" id="example-queries">[]</script>' not in page
        r = client.get(f"/source/{seed}", headers={"Accept": "text/html"})
        words = [w for w in (build.served("seeds") / f"{seed}.txt").read_text(encoding="utf-8").split() if w.isalpha()]
        assert r.status_code == 200 and sum(w in r.get_data(as_text=True) for w in words[-50:]) >= 40  # its text
    finally:
        app.extensions["csto.engine"].close()


def test_a_build_whose_process_ends_with_it_leaves_its_dataset_to_the_exit(tiny, tmp_path, monkeypatch):
    """``csto-kg build`` passes ``release=False``: where it updates the served store (its process then ends soon
    after the rules), the loaded dataset stays frozen, uncollected, for the process's end; a build in a process that
    goes on (the default) gives every object it froze back to the collector, and what its caller had frozen (this
    test session's modules, at collection) is frozen again: nothing is left frozen where the caller froze nothing."""
    import gc

    from csto_kg.build import build

    root = Path(shutil.copytree(tiny, tmp_path / "project"))
    build(root, tmp_path / "kept", validate=False, dumps=False)  # the previous build, whose store the next updates
    monkeypatch.setenv("CSTO_KG_STORE_INCREMENTAL", "1")
    # Everything alive frozen first (earlier tests' in-process `csto-kg build` runs, support.run_cli, leave what
    # they froze, cycles too, for an exit that never comes: collected here), so that the build's count is its own.
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        kept_build = build(root, tmp_path / "kept", validate=False, dumps=False, release=False)
        kept = gc.get_freeze_count() - frozen
        build(root, tmp_path / "freed", validate=False, dumps=False)
        again = gc.get_freeze_count()  # the kept build's dataset and this one's collected, the rest frozen again
        gc.unfreeze()
        build(root, tmp_path / "unfrozen", validate=False, dumps=False)
        left = gc.get_freeze_count()
    finally:
        gc.collect()
        gc.freeze()  # as the session had it
    assert "previous" in kept_build.manifest["store_incremental"], kept_build.manifest["store_incremental"]
    assert kept > 10_000  # the dataset's triples, terms and indexes
    assert abs(again - frozen) < kept // 10, (frozen, kept, again)
    assert left == 0
    assert (
        json.loads((tmp_path / "kept" / "current" / "manifest.json").read_text())["graphs"]
        == json.loads((tmp_path / "freed" / "current" / "manifest.json").read_text())["graphs"]
    )
