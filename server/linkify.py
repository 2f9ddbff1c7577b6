"""Identifiers in prose made links: comments, notes and descriptions name resources the site serves.

In a literal shown on a page, these become links to the local page, when the
graph has the resource (nothing else is linked, so no link leads to a 404):

- an IRI of the graph (``https://w3id.org/csto-kg/id/armenia``) -> ``/id/armenia``;
- a prefixed name with the project's prefixes (``:membership-armenia``,
  ``csto:Membership``, ``graph:inferred``, ``src:001_…``, ``ev:001-title``);
- a seed file or id (``001_7fa2a4cddbc73fc3.txt``) and "seed 001" -> its source document.

Text is escaped first; only the matched identifier is wrapped. An IRI or a
prefixed name reads as its target's label (``(see :stance-004-tokayev-appeal)``
reads "(see Tokayev's appeal …)"), the identifier kept as the link's title; the
curated text itself is unchanged. A seed reference keeps its own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from csto_kg.namespaces import BASE, PREFIXES

__all__ = ["linkify"]

_IRI = re.compile(re.escape(BASE) + r"[^\s<>\"'(),;]*[^\s<>\"'(),;.:]")
_CURIE = re.compile(r"(?<![\w/:#.-])(csto|graph|src|ev|st)?:([A-Za-z0-9][\w-]*(?:\.[\w-]+)*)")
_SEED_FILE = re.compile(r"(?<![\w/#-])(\d{3}_[0-9a-f]{16})(?:\.txt)?\b")
_SEED_WORD = re.compile(r"\b([Ss]eeds? )(\d{3})\b")
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in (_IRI, _CURIE, _SEED_FILE, _SEED_WORD)))


def linkify(
    text: str, exists: Callable[[str], bool], seed_ids: list[str], label: Callable[[str], str] | None = None
) -> Markup:
    """``text`` escaped, with the identifiers it names linked (see the module docstring); ``label`` gives the
    text of a link to an IRI or prefixed name (without it, the identifier as written)."""
    out, last = [], 0
    for m in _ANY.finditer(text):
        link = _link(m.group(0), exists, seed_ids, label)
        if link is None:
            continue
        out.append(escape(text[last : m.start()]))
        out.append(link)
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _link(
    token: str, exists: Callable[[str], bool], seed_ids: list[str], label: Callable[[str], str] | None
) -> Markup | None:
    iri, prefix_text, shown, named = None, "", token, False
    if token.startswith(BASE):
        iri, named = token, True
    elif (m := _SEED_FILE.fullmatch(token)) or (m := re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", token)):
        iri = BASE + "source/" + token[:20]
    elif m := _SEED_WORD.fullmatch(token):
        found = [s for s in seed_ids if s.startswith(m.group(2) + "_")]
        if len(found) != 1:
            return None
        iri, prefix_text, shown = BASE + "source/" + found[0], m.group(1), m.group(2)
    elif m := _CURIE.fullmatch(token):
        ns = PREFIXES.get(m.group(1) or "")
        iri, named = (ns + m.group(2) if ns and ns.startswith(BASE) else None), True
    if iri is None or not exists(iri):
        return None
    if named and label is not None:
        return Markup('<a class="in-text" href="/{}" title="{}">{}</a>').format(iri[len(BASE) :], token, label(iri))
    return Markup('{}<a class="in-text" href="/{}">{}</a>').format(prefix_text, iri[len(BASE) :], shown)
