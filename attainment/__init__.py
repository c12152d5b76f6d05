"""The attainment engine: the status of every indicator and goal along the goal chain.

The rules are in docs/rules.md; the set-wise SQL in queries/engine/. This package is the thin,
typed Python side: reading the rule settings, running the passes, explaining one goal.
"""

from attainment.rules import Rules

__all__ = ["Rules"]
