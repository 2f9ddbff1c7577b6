"""The served store updated from the previous build's (csto_kg/served_store.py ``update_store``, nquads_diff.py):
after any edit of the quads it holds exactly what writing it whole holds, the previous store is left as it was,
and where the update cannot be trusted or is not worth it the store is written whole, saying why.

Most cases edit the curated build's ``dataset.nq`` (seeded, every kind of change a build makes: quads dropped,
added, moved to another graph, copied into a second graph, literals changed, blank nodes relabelled) and run the
store process as the build runs it: ``python -m csto_kg.served_store NQUADS STORE --since PREVIOUS``; the last
builds a copy of the project three times, around a literal the store spells otherwise than its file."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from csto_kg.nquads_diff import TooManyChanges, changed_lines
from csto_kg.served_store import write_store
from support import run_cli


def _quads(path: Path) -> set[str]:
    store = ox.Store.read_only(str(path))
    return {str(q) for q in store}


def _write(nquads: Path, store: Path, since: Path | None = None) -> dict:
    args = [sys.executable, "-m", "csto_kg.served_store", str(nquads), str(store)]
    if since is not None:
        args += ["--since", str(since)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])["store"]


@pytest.fixture(scope="module")
def previous(shared_build, tmp_path_factory) -> Path:
    """A previous build as the store process reads it: its dataset.nq and the store written whole from it."""
    folder = tmp_path_factory.mktemp("previous")
    shutil.copy(shared_build.build.nquads, folder / "dataset.nq")
    write_store(folder / "dataset.nq", folder / "store")
    return folder


def _edited(lines: list[bytes], rng: random.Random) -> list[bytes]:
    """The lines after a build's kinds of change, a few of each."""
    lines = list(lines)
    rng.shuffle(lines)  # a build writes its quads in no stable order
    graphs = sorted({line.rsplit(b" ", 2)[-2] for line in lines})
    edited = []
    for line in lines:
        kind = rng.random()
        head, graph = line.rsplit(b" ", 2)[0], line.rsplit(b" ", 2)[1]
        if kind < 0.01:  # dropped (its triple may stay in the union through another graph)
            continue
        if kind < 0.02:  # moved to another graph
            edited.append(head + b" " + rng.choice(graphs) + b" .\n")
        elif kind < 0.03:  # copied into a second graph
            edited += [line, head + b" " + rng.choice(graphs) + b" .\n"]
        elif kind < 0.04 and b'"' in head:  # a literal changed
            edited.append(head.replace(b'"', b'"x', 1) + b" " + graph + b" .\n")
        elif kind < 0.05 and line.startswith(b"_:"):  # a blank node relabelled (an edit earlier in its file)
            edited.append(b"_:re" + line[2:])
        else:
            edited.append(line)
    edited.append(b"<https://example.org/new> <https://example.org/p> _:fresh <https://example.org/graph> .\n")
    return edited


@pytest.mark.parametrize("seed", range(2))
def test_an_updated_store_holds_what_the_whole_write_holds_and_the_previous_store_is_untouched(
    previous, tmp_path, seed
):
    before = _quads(previous / "store")
    new = tmp_path / "dataset.nq"
    new.write_bytes(b"".join(_edited((previous / "dataset.nq").read_bytes().splitlines(True), random.Random(seed))))

    done = _write(new, tmp_path / "updated", since=previous)
    assert "whole" not in done, done
    assert done["added"] > 0 and done["removed"] > 0 and done["left_the_union"] > 0
    write_store(new, tmp_path / "whole")  # the reference: the store written whole from the edited file
    assert _quads(tmp_path / "updated") == _quads(tmp_path / "whole")
    assert _quads(previous / "store") == before


def test_the_same_file_changes_nothing(previous, tmp_path):
    done = _write(previous / "dataset.nq", tmp_path / "updated", since=previous)
    assert (done["added"], done["removed"], done["left_the_union"]) == (0, 0, 0)
    assert _quads(tmp_path / "updated") == _quads(previous / "store")


def test_a_damaged_previous_build_gives_a_store_written_whole_saying_why(previous, tmp_path):
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    shutil.copytree(previous / "store", damaged / "store")
    (damaged / "dataset.nq").write_bytes((previous / "dataset.nq").read_bytes() + b"<not a quad\n")
    done = _write(previous / "dataset.nq", tmp_path / "store", since=damaged)
    assert done["previous"] == "damaged" and done["whole"], done
    assert _quads(tmp_path / "store") == _quads(previous / "store")

    gone = tmp_path / "gone"  # pruned meanwhile
    done = _write(previous / "dataset.nq", tmp_path / "store2", since=gone)
    assert "whole" in done and _quads(tmp_path / "store2") == _quads(previous / "store")


def test_the_comparison_stops_past_its_limit_and_a_line_written_twice_in_one_file_is_no_change(tmp_path):
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_bytes(b"a\nb\nb\nc\n")
    new.write_bytes(b"c\nd\nb\ne\nd\n")
    added, removed = changed_lines(old, new, limit=10)
    assert sorted(set(added)) == [b"d\n", b"e\n"] and removed == [b"a\n"]  # b: twice, then once; d: new, twice
    with pytest.raises(TooManyChanges):
        changed_lines(old, new, limit=1)


# Two different quad lines with one CRC-32, found once by a birthday search over `"{i}"` (30 M lines: lines this
# alike collide far later than random ones would); the test asserts that they still do.
SAME_CRC32 = (b'<urn:s> <urn:p> "29685295" <urn:g> .\n', b'<urn:s> <urn:p> "32060020" <urn:g> .\n')


def test_a_line_sharing_its_crc32_with_a_removed_line_is_not_removed(tmp_path):
    """The old file is read again only for the lines whose CRC-32 is that of a line not met in the new file; each
    such line is then keyed whole, so one sharing only the CRC-32 stays."""
    x, y = SAME_CRC32
    assert x != y and zlib.crc32(x) == zlib.crc32(y)
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_bytes(b"a\n" + x + y)
    new.write_bytes(b"a\n" + y)
    assert changed_lines(old, new, limit=10) == ([], [x])
    new.write_bytes(b"a\n" + x)
    assert changed_lines(old, new, limit=10) == ([], [y])


def test_a_literal_the_store_respells_makes_the_build_write_its_store_whole(tiny, tmp_path):
    """A file stating 1.5 and "1.50"^^xsd:decimal of one node holds two lines (rdflib keeps both spellings) but
    one quad of the store (which keeps 1.5): once "1.50" is taken out, removing its line's quad would take 1.5 out
    with it. The build writes such a store whole, and the next one too (the previous build had it), saying why. (Three
    builds of the small synthetic project: what is checked is the store process's, not the curated data's.)"""
    root = Path(shutil.copytree(tiny, tmp_path / "project"))
    env = dict(os.environ, CSTO_KG_ROOT=str(root), CSTO_KG_BUILD=str(tmp_path / "build"), CSTO_KG_STORE_INCREMENTAL="1")
    current = tmp_path / "build" / "current"
    seed = sorted((root / "kg").glob("0*.trig"))[0]
    text = seed.read_text(encoding="utf-8")
    at = text.index("{\n", text.index("\ngraph:")) + 2
    both = '<https://example.org/n> <https://example.org/count> 1.5, "1.50"^^xsd:decimal .\n'
    seed.write_text(text[:at] + both + text[at:], encoding="utf-8")
    assert run_cli(["build"], env=env).returncode == 0

    seed.write_text(text[:at] + both.replace(', "1.50"^^xsd:decimal', "") + text[at:], encoding="utf-8")
    run_cli(["build"], env=env)
    manifest = json.loads((current / "manifest.json").read_text())
    assert manifest["store_incremental"]["whole"].startswith("a literal of this build or the previous one")
    write_store(current / "dataset.nq", tmp_path / "whole")
    assert _quads(current / "store") == _quads(tmp_path / "whole")
    count = '<https://example.org/n> <https://example.org/count> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert any(q.startswith(count) for q in _quads(current / "store"))

    seed.write_text(text, encoding="utf-8")  # nothing respelled in either build: updated
    run_cli(["build"], env=env)
    done = json.loads((current / "manifest.json").read_text())["store_incremental"]
    assert "whole" not in done and done["removed"] > 0, done
    write_store(current / "dataset.nq", tmp_path / "whole-again")
    assert _quads(current / "store") == _quads(tmp_path / "whole-again")
