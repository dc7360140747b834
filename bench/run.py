"""`make bench`: run every benchmark in turn; each writes its own figures into README.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["sync.py", "signals.py", "signals_eval.py", "digest.py", "sweep.py"]


def main() -> int:
    failed = []
    for name in BENCHES:
        print(f"== bench/{name}", flush=True)
        if subprocess.call([sys.executable, str(HERE / name)], cwd=HERE.parent):
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
