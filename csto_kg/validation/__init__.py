"""Consistency validation: the SHACL shapes in ``shapes/`` plus the checks SHACL cannot make, in one report.

What is validated is the union of the ontology, the curated graphs and the
inferred graph (OWL RL + :mod:`csto_kg.derive`), so class targets see inferred
types: a ``csto:Invocation`` is checked as a ``csto:AssistanceRequest`` too.
One module per part, as pySHACL keeps one per part of the spec:

- :mod:`.report`  the report model (results, text, JSON, the ``sh:ValidationReport`` graph);
- :mod:`.locate`  where a result is: ``kg/<file>:<line>`` of a node or of a statement;
- :mod:`.shacl`   the shapes graph and the SHACL results, from either engine:
  :mod:`.shacl_store` (the shapes compiled to SPARQL in Oxigraph, with
  :mod:`.shacl_terms` and :mod:`.shacl_values`; a constraint's focus nodes joined in first where exact,
  :mod:`.focus_first`) or pySHACL, the reference;
- :mod:`.shacl_state`, :mod:`.incremental`, :mod:`.reads`  a build's SHACL results kept for the next build,
  which validates again only the focus nodes its changes reach (what each query reads, from ``?this``);
- :mod:`.rules`   the Python rules, one module per family (provenance, vocabulary,
  consistency, chronology, membership), reported as results of the same report;
- :mod:`.run`     orchestration.

The graph conforms when no result is an ``sh:Violation``; warnings and infos
do not fail it.
"""

from ..namespaces import SHAPE
from .report import Report, Result
from .rules import PYTHON_RULES, RULE_SEVERITY
from .run import infer_loaded, validate, validate_loaded
from .shacl import load_shapes

__all__ = [
    "SHAPE",
    "PYTHON_RULES",
    "RULE_SEVERITY",
    "Result",
    "Report",
    "load_shapes",
    "infer_loaded",
    "validate_loaded",
    "validate",
]
