"""``csto-kg``: build, validate, export, query and serve the CSTO knowledge graph.

Exit codes (all commands): 0 success (for ``validate``: the graph conforms),
1 the graph does not conform, 2 an error (bad input, bad arguments).
"""

from __future__ import annotations

import argparse
import sys

from . import __version__

__all__ = ["main"]


def _cmd_cite(args: argparse.Namespace) -> int:
    from .cite import evidence_turtle

    sys.stdout.write(evidence_turtle(args.seed, args.quote, args.id, args.occurrence))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="csto-kg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"csto-kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("cite", help="print a verbatim evidence node (quote + code-point offsets) for a passage of a seed")
    p.add_argument("seed", help="seed id, file name or number (e.g. 001)")
    p.add_argument("quote", help="the passage; no-break spaces and curly quotes may be typed plainly")
    p.add_argument("--id", required=True, help="local name of the evidence node, e.g. 001-kz-force-size")
    p.add_argument("--occurrence", type=int, help="which occurrence, when the passage occurs more than once")
    p.set_defaults(func=_cmd_cite)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # every command turns expected failures into a one-line error
        from .errors import is_user_error

        if not is_user_error(e):
            raise
        print(f"csto-kg {args.command}: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
