"""The generated index beside the ontology (``csto-kg docs`` -> ``ontology/INDEX.md``)."""

from __future__ import annotations

import subprocess

import pytest

from csto_kg.docs import class_properties, render_index
from csto_kg.query import open_store
from support import CSTO_KG, ROOT


@pytest.fixture(scope="module")
def built(shared_build):
    return shared_build.build, shared_build.env


def test_committed_index_is_current(built):
    b, _ = built
    expected = render_index(open_store(b.store_path), ROOT / "queries")
    committed = (ROOT / "ontology" / "INDEX.md").read_text(encoding="utf-8")
    assert committed == expected, "ontology/INDEX.md is stale: run `csto-kg docs` and commit it"


def test_index_lists_entities_with_their_seeds_and_classes_with_properties(built):
    b, _ = built
    text = render_index(open_store(b.store_path), ROOT / "queries")
    assert (
        "| `:csto` | Collective Security Treaty Organization | `csto:MilitaryAlliance` | 000, 001, 002, 003, 004 |"
        in text
    )
    assert "### `csto:Stance`" in text and "| `csto:heldBy` |" in text
    assert "?x a csto:Stance ; rdfs:label ?label ." in text
    assert "## Disagreements between sources" in text


def test_class_properties_counts_instances_carrying_each_property(built):
    b, _ = built
    store = open_store(b.store_path)
    uses = {
        u.prop: u.instances
        for u in class_properties(store, "https://w3id.org/csto-kg/ontology/Stance")[
            "https://w3id.org/csto-kg/ontology/Stance"
        ]
    }
    n = int(
        next(
            iter(
                store.query(
                    "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/csto-kg/ontology/Stance> ; "
                    "<https://w3id.org/csto-kg/ontology/heldBy> ?h } }"
                )
            )
        )["n"].value
    )
    assert uses["https://w3id.org/csto-kg/ontology/heldBy"] == n > 0


def test_docs_command_writes_the_index(built, tmp_path):
    _, env = built
    out = subprocess.run([CSTO_KG, "docs"], env=env, check=True, capture_output=True, text=True).stdout
    assert out.startswith("wrote ") and out.strip().endswith("ontology/INDEX.md")


def test_class_page_on_the_site_shows_the_properties_its_instances_carry(built):
    from csto_kg.server.app import create_app

    b, _ = built
    page = create_app(build=b).test_client().get("/ontology/Stance", headers={"Accept": "text/html"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Properties its instances carry" in text
    assert "/ontology/heldBy" in text.split("Properties its instances carry", 1)[1]
