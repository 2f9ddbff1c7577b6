"""The build's latest consistency validation report (SHACL + provenance checks), for ``/validation``.

The build writes ``validation.ttl`` (an ``sh:ValidationReport``) and
``validation.json`` (one object per result: severity, rule, focus, message,
curated file and line...) next to its store; a build made with
``--no-validate`` has neither, and the page says so. Whether the graph
conforms comes from the report (``sh:conforms``), else from the build's
manifest. The JSON is read tolerantly (a list of results, or an object with
``conforms`` and ``results``); prefixed names in it link to their pages.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from csto_kg.namespaces import BASE, PREFIXES

__all__ = ["Report", "Result", "load_report", "expand", "TURTLE_FILE", "JSON_FILE"]

TURTLE_FILE = "validation.ttl"
JSON_FILE = "validation.json"
_PREFIXES = {**PREFIXES, "shape": BASE + "shapes/"}
_SHOWN = {
    "severity",
    "rule",
    "rule_label",
    "message",
    "focus",
    "focus_label",
    "path",
    "value",
    "file",
    "line",
    "rule_iri",
    "focus_iri",
    "path_iri",
    "value_iri",
    "context_iri",
}  # (full IRIs of the CURIEs shown)


def expand(name) -> str | None:
    """The IRI a prefixed name (``:armenia``, ``shape:ClaimDescription``) or full IRI stands for."""
    if not isinstance(name, str) or not name:
        return None
    if name.startswith(("http://", "https://")):
        return name
    pfx, sep, local = name.partition(":")
    if sep and pfx in _PREFIXES and " " not in local:
        return _PREFIXES[pfx] + local
    return None


@dataclass
class Result:
    severity: str
    focus: str | None
    focus_label: str | None
    rule: str | None
    rule_label: str | None
    message: str
    path: str | None
    value: str | None
    where: str | None
    other: dict = field(default_factory=dict)


@dataclass
class Report:
    conforms: bool | None
    results: list[Result]
    severities: Counter
    has_turtle: bool


def _result(r: dict) -> Result:
    get = lambda *keys: next((str(r[k]) for k in keys if r.get(k) not in (None, "")), None)  # noqa: E731
    where = get("file")
    if where and r.get("line"):
        where = f"{where}:{r['line']}"
    return Result(
        severity=get("severity", "resultSeverity") or "Violation",
        focus=get("focus", "focusNode"),
        focus_label=get("focus_label"),
        rule=get("rule", "sourceShape", "shape"),
        rule_label=get("rule_label"),
        message=get("message", "resultMessage") or "",
        path=get("path", "resultPath"),
        value=get("value"),
        where=where,
        other={k: v for k, v in r.items() if k not in _SHOWN and v not in (None, "")},
    )


def _conforms_from_turtle(path: Path) -> bool | None:
    try:
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            if t.predicate.value == "http://www.w3.org/ns/shacl#conforms":
                return t.object.value == "true"
    except (OSError, SyntaxError):
        return None
    return None


def load_report(build_path: Path, manifest: dict | None = None) -> Report | None:
    """The report of the build at ``build_path``, or ``None`` if it has none."""
    ttl, js = build_path / TURTLE_FILE, build_path / JSON_FILE
    if not js.is_file() and not ttl.is_file():
        return None
    data: object = []
    if js.is_file():
        try:
            data = json.loads(js.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = []
    conforms = None
    if isinstance(data, dict):
        conforms = data.get("conforms") if isinstance(data.get("conforms"), bool) else None
        data = data.get("results", [])
    results = [_result(r) for r in data if isinstance(r, dict)] if isinstance(data, list) else []
    if conforms is None and ttl.is_file():
        conforms = _conforms_from_turtle(ttl)
    if conforms is None and manifest is not None and isinstance(manifest.get("conforms"), bool):
        conforms = manifest["conforms"]
    return Report(conforms, results, Counter(r.severity for r in results), ttl.is_file())
