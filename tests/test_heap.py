"""csto_kg.heap.collector_paused: the cyclic collector off inside a block, then as the caller had it."""

from __future__ import annotations

import gc

import pytest

from csto_kg.heap import collector_paused, without_collector


@pytest.fixture
def collecting():
    before = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if before else gc.disable()


def test_the_collector_is_off_in_the_block_and_on_again_after(collecting):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_block_leaves_the_collector_to_the_outer_one(collecting):
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it off and leaves it off
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_finds_it_off(collecting):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_function_that_raises_gives_the_collector_back(collecting):
    @without_collector
    def fails():
        assert not gc.isenabled()
        raise ValueError("a curated file's error")

    with pytest.raises(ValueError, match="curated file"):
        fails()
    assert gc.isenabled()


def test_the_loader_inference_and_validate_run_with_the_collector_off(collecting, monkeypatch):
    """Where the pause is applied (the loader's load, inference, csto-kg validate): a function each calls midway
    finds the collector off, on the curated project."""
    import csto_kg.loader
    import csto_kg.reason
    import csto_kg.validation.run
    from csto_kg.loader import load
    from csto_kg.reason import inferred_triples
    from csto_kg.validation import validate

    seen: dict[str, list[bool]] = {}

    def watch(module, name):
        inner = getattr(module, name)

        def watched(*args, **kwargs):
            seen.setdefault(name, []).append(gc.isenabled())
            return inner(*args, **kwargs)

        monkeypatch.setattr(module, name, watched)

    watch(csto_kg.loader, "curated_files")  # in load, between the ontology and the curated files
    watch(csto_kg.reason, "derive")  # in inference, before the reasoner
    watch(csto_kg.validation.run, "load_shapes")  # in validate, after loading and before inference
    data = load()
    inferred_triples(data.dataset)
    monkeypatch.setenv("CSTO_KG_TODAY", "2026-11-30")
    assert validate().conforms
    assert seen.keys() == {"curated_files", "derive", "load_shapes"}, seen
    assert not any(any(states) for states in seen.values()), seen  # every call found the collector off
    assert gc.isenabled()
