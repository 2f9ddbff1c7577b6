"""What ``shape:FigureMatchesItsWords`` reads in a figure's words (``csto_kg/number_words.py``), as tables.

Every ``csto:statedAs`` of the curated data is here (the rule's real input), and the forms a curator may write
next: thousands separators of every kind, "a hundred", "2.5 million", ordinals and qualifiers before the number,
and the nouns after it that name its unit.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from csto_kg.number_words import numbers_in, qualifiers_of, units_mentioned, units_of

# words, a number they state, how they qualify it
STATED = [
    ("18 views", 18, "Exactly"),
    ("30 Years", 30, "Exactly"),
    ("Six states", 6, "Exactly"),
    ("The only case", 1, "Exactly"),
    ("an airbase", 1, "Exactly"),
    ("its 30th year", 30, "Exactly"),
    ("just 7 percent", 7, "Exactly"),
    ("all the 16 Soviet republics", 16, "Exactly"),
    ("six member-states", 6, "Exactly"),
    ("the fifth meeting", 5, "Exactly"),
    ("more than 30%", 30, "MoreThan"),
    ("more than once", 1, "MoreThan"),
    ("more than 2,000 military personnel and 250 pieces of equipment", 2000, "MoreThan"),
    ("more than 2,000 military personnel and 250 pieces of equipment", 250, "Exactly"),
    ("more than 100,000 Karabakh Armenians", 100000, "MoreThan"),
    ("more than two hundred protesters", 200, "MoreThan"),
    ("some 2,500 troops", 2500, "Approximately"),
    ("Some\u00a064,253", 64253, "Approximately"),
    ("about 2\u202f500 troops", 2500, "Approximately"),
    ("more than a hundred protesters", 100, "MoreThan"),
    ("a thousand troops", 1000, "Exactly"),
    ("2.5 million people", 2500000, "Exactly"),
    ("thirty-five states", 35, "Exactly"),
    ("no more than 5 states", 5, "UpTo"),
    ("at least 3 states", 3, "AtLeast"),
    ("fewer than 40 observers", 40, "LessThan"),
]


@pytest.mark.parametrize("words,number,qualifier", STATED, ids=[f"{w}:{n}" for w, n, _ in STATED])
def test_words_state_the_number_with_its_qualifier(words, number, qualifier):
    assert Decimal(number) in numbers_in(words)
    assert qualifiers_of(words, Decimal(number)) == {qualifier}


@pytest.mark.parametrize(
    "words,number",
    [("some 2,500 troops", 25000), ("some 2,500 troops", 250), ("six member-states", 7), ("two members", 1)],
)
def test_a_number_the_words_do_not_state_is_not_read(words, number):
    assert Decimal(number) not in numbers_in(words)


# words, a number they state, the unit the noun after it names (None: no noun there names one, nothing is checked)
UNITS = [
    ("18 views", 18, None),
    ("30 Years", 30, "Years"),
    ("Six states", 6, "States"),
    ("three others", 3, None),
    ("The only case", 1, None),
    ("an airbase", 1, "Airbases"),
    ("two Russian army garrisons", 2, "Garrisons"),
    ("its 30th year", 30, "Years"),
    ("the 20th anniversary of the organization", 20, "Years"),
    ("just 7 percent", 7, "Percent"),
    ("more than 30%", 30, "Percent"),
    ("all the 16 Soviet republics", 16, "States"),
    ("six member-states", 6, "States"),
    ("two of its member states", 2, "States"),
    ("two members", 2, None),
    ("only six of them", 6, None),
    ("three times", 3, "Occasions"),
    ("more than once", 1, None),
    ("the fifth meeting", 5, "Occasions"),
    ("some 2,500 troops", 2500, "Persons"),
    ("more than two hundred protesters", 200, "Persons"),
    ("more than 100,000 Karabakh Armenians", 100000, None),
    ("more than 2,000 military personnel and 250 pieces of equipment", 2000, "Persons"),
    ("more than 2,000 military personnel and 250 pieces of equipment", 250, "PiecesOfEquipment"),
    ("2.5 million people", 2500000, "Persons"),
    ("about 2\u202f500 troops", 2500, "Persons"),
]


@pytest.mark.parametrize("words,number,unit", UNITS, ids=[f"{w}:{n}" for w, n, _ in UNITS])
def test_the_noun_after_a_number_names_its_unit(words, number, unit):
    assert units_of(words, Decimal(number)) == ({unit} if unit else set())


# a text, the units any of its words name (number or not): where a figure's own words name none, what is said of it
MENTIONED = [
    ("Six states signed the Collective Security Treaty (CST) in 1992, with three others", {"States"}),
    ("The only case of a CSTO peacekeeping mission", {"Occasions"}),
    ("the members' differences stood in the way more than once", {"Occasions"}),
    ("18 views", {"Occasions"}),
    ("0 comments", {"Comments"}),
    ("more than 30% of its trade", {"Percent"}),
    ("six member-states marked the anniversary", {"States", "Years"}),
    ("A count of people: the Karabakh Armenians the campaign displaced", {"Persons"}),
    ("a statement from the foreign ministers", {"Documents"}),
    ("more than 100,000 Karabakh Armenians", set()),
    ("based on the basis of a statesman's word", set()),
]


@pytest.mark.parametrize("text,units", MENTIONED, ids=[t[:40] for t, _ in MENTIONED])
def test_the_units_a_text_names_anywhere(text, units):
    assert units_mentioned(text) == units
