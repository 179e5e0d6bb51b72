"""Bar charts drawn on the server as SVG geometry: the insights page's template places the
rectangles and labels this module measured (templates/applications/_partials/bar_chart.html).
Coordinates are in the SVG's own units (its ``viewBox``); the image scales to the width it is
given, so a phone shows the same chart smaller, never wider than the screen. The chart is
narrow in units (``WIDTH``) so that its text stays legible once a phone scales it down."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 480.0
LABEL_CHARS = 40  # a row chart's label, cut with "…" (the table beside it has it whole)


@dataclass(frozen=True, slots=True)
class Point:
    """One bar's data: ``name`` says it in full (the chart's description), ``label`` is what
    is written by the bar, ``sublabel`` a second line under it (a column's month)."""

    name: str
    value: int
    label: str = ""
    sublabel: str = ""


@dataclass(frozen=True, slots=True)
class Bar:
    name: str
    label: str
    sublabel: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float  # where the label is written (its anchor)
    label_y: float
    value_x: float  # where the number is written
    value_y: float


@dataclass(frozen=True, slots=True)
class Chart:
    kind: str  # "columns" (one vertical bar per point) or "rows" (one horizontal bar per point)
    width: float
    height: float
    bars: list[Bar]
    baseline: float  # y of the axis under the columns

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def _scale(values: list[int], length: float) -> float:
    """Units per count, so the largest bar takes ``length``."""
    return length / max([*values, 1])


def columns(points: list[Point], *, height: float = 230.0) -> Chart:
    """Vertical bars, one per point, labels under them (two lines), values above."""
    top, bottom = 24.0, 44.0
    slot = WIDTH / max(len(points), 1)
    per = _scale([p.value for p in points], height - top - bottom)
    baseline = height - bottom
    bars = []
    for index, point in enumerate(points):
        middle = round(index * slot + slot / 2, 1)
        bar_height = round(point.value * per, 1)
        bars.append(
            Bar(
                name=point.name,
                label=point.label or point.name,
                sublabel=point.sublabel,
                value=point.value,
                x=round(index * slot + slot * 0.15, 1),
                y=round(baseline - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=bar_height,
                label_x=middle,
                label_y=baseline + 19,
                value_x=middle,
                value_y=round(baseline - bar_height - 6, 1),
            )
        )
    return Chart("columns", WIDTH, height, bars, baseline)


def rows(points: list[Point]) -> Chart:
    """Horizontal bars, one per point: the label above its bar, the value at the bar's end
    (room is kept for it)."""
    row, left, right = 50.0, 2.0, 44.0
    per = _scale([p.value for p in points], WIDTH - left - right)
    bars = []
    for index, point in enumerate(points):
        y = index * row + 24
        length = round(point.value * per, 1)
        bars.append(
            Bar(
                name=point.name,
                label=_cut(point.label or point.name),
                sublabel="",
                value=point.value,
                x=left,
                y=y,
                width=length,
                height=18.0,
                label_x=left,
                label_y=y - 6,
                value_x=round(left + length + 6, 1),
                value_y=y + 15,
            )
        )
    height = max(len(points), 1) * row + 6
    return Chart("rows", WIDTH, height, bars, 0.0)


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
