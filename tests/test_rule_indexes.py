"""The rules' indexes give what the plain pass they replace gives.

LabelNamesItsOwner matches every labelled fact's label against the names of the states, organisations and organs
(and of the capitals) through ``name_index.ByFirstWord``, which offers a label only the names whose first word is one
of its words. A name it leaves out would silence the rule, so the names it finds are compared here with those the
plain pass over every name finds, for the project's own names and labels, changed in case and spelling, and for
names and labels made to sit at the index's edges (punctuation first, non-ASCII, the Kelvin sign, the long s).
ValueGivenByItsPassage asks which entities have a name anywhere in a passage (``name in text``) through
``name_index.ByPrefix``: compared the same way with the plain test of every name."""

from __future__ import annotations

import random
import re

import pytest
from rdflib import Literal

from csto_kg import paths
from csto_kg.loader import load
from csto_kg.namespaces import ENTITIES_GRAPH, OA, RDFS, SKOS
from csto_kg.validation.rules.name_index import ByFirstWord, ByPrefix
from csto_kg.validation.rules.naming import _named, _norm

_EDGE_NAMES = ["(CSTO)", "U.S.", "Côte d'Ivoire", "Ĳssel", "x-ray unit", "Kazakhstan", "UN", "Belarus's", " Minsk"]
_EDGE_LABELS = [
    "Kazakhstan snubs Russian events",
    "\u212aazakhstan snubs Russian events",  # the Kelvin sign: re's case-insensitive match takes it for k
    "Ruſſia and Belaruſ",  # the long s: re's case-insensitive match takes it for s, lower() keeps it
    "KAZAKHSTAN, the UN and (CSTO) meet",
    "the U.S. and Côte d'Ivoire",
    "unconvincing x-ray units",
    "Ĳssel flooding",
    "Belarus's capital, Minsk",
    "",
]


def _pattern(text: str) -> re.Pattern:
    """As the rule makes it: a whole word, in any case unless the name is all capitals."""
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", 0 if text.isupper() else re.IGNORECASE)


@pytest.fixture(scope="module")
def names_and_labels() -> tuple[list[str], list[str]]:
    ds = load(paths.root()).dataset
    ent = ds.graph(ENTITIES_GRAPH)
    names = {
        str(o).strip()
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
        for o in ent.objects(None, p)
        if isinstance(o, Literal) and len(str(o).strip()) >= 2
    }
    labels = sorted({str(o) for _, _, o, _ in ds.quads((None, RDFS.label, None, None))})
    rng = random.Random(0)
    labels = rng.sample(labels, min(len(labels), 800))
    labels += [x.upper() for x in labels[:200]] + [x.replace("a", "á", 1) for x in labels[200:300]]
    return sorted(names) + _EDGE_NAMES, labels + _EDGE_LABELS


def test_a_label_is_offered_every_name_it_has(names_and_labels):
    names, labels = names_and_labels
    patterns = {n: _pattern(n) for n in names}
    index = ByFirstWord([(n, n) for n in names])
    offered = 0  # names offered to the ASCII labels
    for label in labels:
        candidates = index.candidates(label)
        offered += len(candidates) if label.isascii() else 0
        found = {n for n in candidates if patterns[n].search(label)}
        assert found == {n for n in names if patterns[n].search(label)}, label
    for label, name in ((_EDGE_LABELS[1], "Kazakhstan"), (_EDGE_LABELS[2], "Russia"), (_EDGE_LABELS[2], "Belarus")):
        assert name in {n for n in index.candidates(label) if patterns[n].search(label)}, (label, name)
    # and it is an index: an ASCII label is offered a part of the names (on the project: ~1/6), not all of them
    ascii_labels = sum(label.isascii() for label in labels)
    assert offered < ascii_labels * len(names) / 3, (offered, ascii_labels, len(names))


def test_a_case_folded_passage_is_offered_every_name_it_names_as_whole_words(names_and_labels):
    """ValueNamedInItsPassage asks which entities of a kind a passage names as whole words (``naming._named(...,
    whole=True)``) of those ``ByFirstWord(exact=True)`` offers it: names and passages are case-folded alike
    (``naming._norm``), so the index takes their words as they are, in any script (at 1e6, asking every entity of
    the kind about every passage was 40 % of the rule and grew with passages x entities)."""
    names, labels = names_and_labels
    folded = sorted({_norm(n) for n in names})
    quotes = sorted({_norm(str(o)) for _, _, o, _ in load(paths.root()).dataset.quads((None, OA.exact, None, None))})
    quotes = random.Random(0).sample(quotes, min(len(quotes), 300)) + [_norm(x) for x in labels[-len(_EDGE_LABELS) :]]
    index = ByFirstWord([(n, n) for n in folded], exact=True)
    offered = 0
    for quote in quotes:
        candidates = set(index.candidates(quote))
        offered += len(candidates)
        found = {n for n in candidates if _named({n}, [quote], whole=True)}
        assert found == {n for n in folded if _named({n}, [quote], whole=True)}, quote
    assert any(not q.isascii() for q in quotes) and any(not n.isascii() for n in folded)  # other scripts, exactly
    assert offered < len(quotes) * len(folded) / 3, (offered, len(quotes), len(folded))


def test_a_passage_is_found_to_hold_every_name_that_is_in_it(names_and_labels):
    """``ByPrefix.found``: the items with a name anywhere in one of the texts, as ``any(n in t ...)`` over every
    name finds them, for the project's folded names and passages and for names shorter than the prefix, overlapping
    one another, inside words ("chinaled"), at a passage's end, empty, or in other scripts."""
    names, labels = names_and_labels
    folded = sorted({_norm(n) for n in names}) + ["", "a", "un", "nato", "china", "north korea", "korea", "é", "ruſs"]
    quotes = sorted({_norm(str(o)) for _, _, o, _ in load(paths.root()).dataset.quads((None, OA.exact, None, None))})
    quotes = random.Random(1).sample(quotes, min(len(quotes), 300)) + [_norm(x) for x in labels[-len(_EDGE_LABELS) :]]
    quotes += ["the chinaled sco", "north korea", "ends with nato", "nat", "", "ruſsia"]
    items = [(n, i) for i, n in enumerate(folded)] + [(n, f"other {n}") for n in folded[:50]]  # names shared
    index = ByPrefix(items)
    for k in range(len(quotes)):
        texts = quotes[k : k + 1 + k % 3]  # one to three passages, as a fact's evidence gives them
        assert index.found(texts) == {item for n, item in items if any(n in t for t in texts)}, texts
    assert index.found(["the chinaled sco"]) >= {folded.index("china")}
    assert index.found([]) == set()
