"""How long the learner's quick verbs take as whole processes, against a 1 s budget.

A learner types `acelabs list` or `acelabs hint 04 q2` in a terminal and waits for the whole
process, interpreter start-up and imports included, so that is what is timed: each verb runs
several times in a scratch workspace (so `hint` records as it would) and the median counts.
Run from the repository root:  .venv/bin/python benchmarks/verb_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 1.0
VERBS: dict[str, list[str]] = {
    "--help": ["--help"],
    "list": ["list"],
    "hint": ["hint", "01", "q1"],
    "progress": ["progress"],
}


def acelabs_command() -> list[str]:
    """The `acelabs` script installed beside this interpreter, as a learner runs it."""
    script = Path(sys.executable).with_name("acelabs")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "autograde.cli"]


def seconds(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5, help="runs per verb (default: 5)")
    runs = options.parse_args(argv).runs
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"median of {runs} runs per verb")
    over = []
    with tempfile.TemporaryDirectory(prefix="acelabs-bench-") as tmp:
        workspace = Path(tmp) / "work"
        workspace.mkdir()
        from labs import progress

        progress.init(workspace)
        for name, args in VERBS.items():
            command = [*acelabs_command(), *args]
            times = [seconds(command, workspace) for _ in range(runs)]
            median = statistics.median(times)
            verdict = "under 1 s" if median < BUDGET_SECONDS else "OVER 1 s"
            if median >= BUDGET_SECONDS:
                over.append(name)
            print(f"acelabs {' '.join(args):<14} {median:6.2f} s  (min {min(times):.2f}, "
                  f"max {max(times):.2f})  {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
