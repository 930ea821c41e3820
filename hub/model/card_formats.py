"""Card sizes and how many go on an A4 sheet, for :mod:`hub.model.cards`; every length in millimetres."""

from __future__ import annotations

from dataclasses import dataclass

from hub.model.measure import A4, text_measure


@dataclass(frozen=True)
class CardFormat:
    """A card size and how many go on an A4 sheet; every length in millimetres."""

    name: str
    width: float
    height: float
    columns: int
    rows: int
    top: float
    padding: float
    kicker_pt: float
    sizes_pt: tuple[float, ...]  # text sizes to try, largest first
    heading_scale: float = 1.1

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def left(self) -> float:
        return (A4[0] - self.columns * self.width) / 2

    @property
    def grid_bottom(self) -> float:
        return self.top + self.rows * self.height

    def position(self, slot: int, back: bool = False) -> tuple[float, float]:
        """Top-left corner of card ``slot`` (0-based, across then down); backs are mirrored left to right."""
        row, column = divmod(slot, self.columns)
        if back:
            column = self.columns - 1 - column
        return self.left + column * self.width, self.top + row * self.height

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.padding

    @property
    def kicker_width(self) -> float:
        """The kicker shares its line with the card's number on the right."""
        return self.text_width - 12.0

    def kicker_height(self, kicker: str) -> float | None:
        height = text_measure().height_mm(kicker, self.kicker_pt, self.kicker_width)
        return None if height is None else height + KICKER_GAP_MM

    def cut_lines(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Where the guillotine cuts: the x of each vertical cut and the y of each horizontal one."""
        xs = tuple(round(self.left + column * self.width, 2) for column in range(self.columns + 1))
        ys = tuple(round(self.top + row * self.height, 2) for row in range(self.rows + 1))
        return xs, ys


KICKER_GAP_MM = 1.5
HEADING_GAP_EM = 0.4
SMALL_CARD = CardFormat(
    "small", 85.0, 55.0, 2, 4, 24.0, 4.5, 7.0, (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.5, 10.0, 9.5)
)
LARGE_CARD = CardFormat("large", 90.0, 120.0, 2, 2, 14.0, 6.0, 8.0, (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5))
CARD_FORMATS = {card.name: card for card in (SMALL_CARD, LARGE_CARD)}
