"""The tables of the figures pages, described as data so every page renders them with one
accessible template (caption, column headers, row headers, numeric cells right-aligned)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class Cell:
    value: object
    numeric: bool
    header: bool


@dataclass(frozen=True)
class FiguresTable:
    caption: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[object]] = field(default=())
    #: The first cell of each row names the row (``<th scope="row">``).
    row_headers: bool = True

    @property
    def body(self) -> Iterable[list[Cell]]:
        for row in self.rows:
            yield [Cell(value, column.numeric, self.row_headers and index == 0)
                   for index, (column, value) in enumerate(zip(self.columns, row, strict=True))]
