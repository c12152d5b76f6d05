"""Points per plotly chart, the measure of how much a chart sends and draws."""

from __future__ import annotations

import base64
import json
from typing import Any

import numpy as np


def _array_length(value: Any) -> int:
    """The length of a plotly data array: a JSON list, or a typed array (``bdata``)."""
    if isinstance(value, list | tuple):
        return len(value)
    if isinstance(value, dict) and "bdata" in value:
        shape = value.get("shape")
        if shape:
            return int(str(shape).split(",")[0])
        raw = base64.b64decode(value["bdata"])
        return len(raw) // np.dtype(value.get("dtype", "f8")).itemsize
    return 0


def chart_points(figure: dict) -> int:
    """The plotted points of a figure: per trace ``len(x)``, or ``ids`` / ``labels`` /
    ``values`` / ``y`` for a trace without ``x`` (e.g. a sunburst)."""
    total = 0
    for trace in figure.get("data", []):
        for key in ("x", "ids", "labels", "values", "y"):
            if key in trace and trace[key] is not None:
                total += _array_length(trace[key])
                break
    return total


def spec_points(spec: str) -> int:
    """The points of a figure given as JSON (``PlotlyChart.spec``)."""
    return chart_points(json.loads(spec))
