"""`make bench`: run every benchmark in turn; each writes its own figures into README.md.

`make bench ONLY="signals signals_eval"` (or `python bench/run.py signals signals_eval`) runs
only the named ones, in the same order; the README keeps the other sections as they were.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["sync.py", "signals.py", "signals_eval.py", "digest.py", "sweep.py"]
#: signals_eval scores the frozen unseen set only when asked: `make bench` is its one run.
ARGS = {"signals_eval.py": ["--unseen"]}


def main(argv: list[str]) -> int:
    wanted = [name.removesuffix(".py") + ".py" for name in argv]
    unknown = sorted(set(wanted) - set(BENCHES))
    if unknown:
        print(f"unknown bench: {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
        return 2
    failed = []
    for name in [name for name in BENCHES if not wanted or name in wanted]:
        print(f"== bench/{name}", flush=True)
        if subprocess.call(
            [sys.executable, str(HERE / name), *ARGS.get(name, [])], cwd=HERE.parent
        ):
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
