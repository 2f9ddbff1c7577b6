"""What ``shape:DateBasisRule`` reads of a date in its passages (``rules/support.py`` ``unstated_part``), as a table:
the date written in words, in digits (day.month.year, month/year, ISO) or not at all, and the near misses a digit
pattern must not take for it (another day or month whose digits contain this one's)."""

from __future__ import annotations

import pytest

from csto_kg.validation.rules.support import unstated_part

# value, passage, year from context (a csto:dateBasis), what the passage does not state (None: all of it)
CASES = [
    ("2022", "signed in 2022", False, None),
    ("2022", "signed that year", False, "the year 2022"),
    ("2022", "signed the following year", True, None),
    ("2022-01-06", "on 6 January 2022", False, None),
    ("2022-01-06", "on January 6th, 2022", False, None),
    ("2022-01-06", "on the 6 of Jan. 2022", False, None),
    ("2022-01-06", "on 6 Janaury 2022", False, None),  # the source's transposed letters
    ("2022-01-06", "in January 2022", False, "the day (6 January)"),
    ("2022-01-06", "early in 2022", False, "the month (January)"),
    ("2022-01-06", "dated 06.01.2022", False, None),
    ("2022-01-06", "dated 6/1/2022", False, None),
    ("2022-01-06", "dated 6.01/2022", False, None),
    ("2022-01-06", "dated 2022-01-06", False, None),
    ("2022-01-06", "dated 16.01.2022", False, "the month (January)"),  # another day
    ("2022-01-06", "dated 06.11.2022", False, "the month (January)"),  # another month
    ("2022-01-06", "dated 2022-01-16", False, "the month (January)"),
    ("2022-01-06", "dated 06.01.20221", False, "the month (January)"),
    ("2022-01", "in 01.2022", False, None),
    ("2022-01", "in 1/2022", False, None),
    ("2022-01", "in 2022-01", False, None),
    ("2022-01", "in 11.2022", False, "the month (January)"),
    ("2022-01", "in 2022-010", False, "the month (January)"),
    ("2022-11", "in November", True, None),
    ("2022-11-22", "on 22 of November", True, None),
]


@pytest.mark.parametrize(("value", "text", "from_context", "missing"), CASES)
def test_what_a_passage_states_of_a_date(value, text, from_context, missing):
    assert unstated_part(value, text, year_from_context=from_context) == missing
