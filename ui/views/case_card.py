"""CaseCardDelegate: paints one Vandaag row as a calm card (not a grid row).

Layout (heights follow the font, so 125/150 % scaling and larger fonts just work)::

    [seq] Address                                           (clock) nog 5 dagen
          Names
          Huur, Energie · € 1.234 · sinds 3 mrt 2026        [house]o [phone]m ...
          (!) warnings

Overdue cards say "te laat" in words and get a red side bar; colour is never the only signal.
Painting reads only the row dataclass (ROW_ROLE): it never touches the database.
"""

from __future__ import annotations

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.listing import CaseListRow
from ui.display import case_clock_text, euros, is_overdue, since_text
from ui.labels import CONTACT_ICONS, dagdeel_letter, partner_label
from ui.models.case_list import ROW_ROLE, TODAY_ROLE
from ui.qt import (
    QAbstractItemView,
    QColor,
    QFont,
    QFontMetrics,
    QModelIndex,
    QPainter,
    QPen,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)
from ui.resources import icon

CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#d5dde3")
SELECTED_BORDER = QColor("#1f6fb2")
TEXT = QColor("#1d2b36")
MUTED = QColor("#52606d")
OVERDUE = QColor("#b3261e")
SOON = QColor("#9a6700")
CALM = QColor("#2e7d4f")
WARN = QColor("#8a4b00")
SEQ_BG = QColor("#e8f0f7")

_MARGIN = 6
_PAD = 10


class CaseCardDelegate(QStyledItemDelegate):
    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.2)
        title.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.95)
        return title, QFont(base), small

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, body, small = self._fonts(option.font)
        height = (
            QFontMetrics(title).height()
            + 2 * QFontMetrics(body).height()
            + QFontMetrics(small).height()
            + 3 * 4
            + 2 * _PAD
            + 2 * _MARGIN
        )
        # Width follows the viewport (the list re-lays out on resize), never wider than it:
        # a card list must not scroll sideways.
        view = self.parent()
        width = (
            view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        )
        return QSize(max(width, 320), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, CaseListRow):
            return
        today = index.data(TODAY_ROLE)
        title_font, body_font, small_font = self._fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        left = (row.deadline - today).days
        closed = row.status is CaseStatus.GESLOTEN
        late = is_overdue(row.deadline, today, row.status)
        urgency = CALM if closed else OVERDUE if late else SOON if left <= 3 else CALM

        painter.setPen(QPen(SELECTED_BORDER if selected else CARD_BORDER, 3 if selected else 1))
        painter.setBrush(QColor("#f4f8fc") if selected else CARD_BG)
        painter.drawRoundedRect(card, 8, 8)
        if late:
            bar = QRectF(card.left() + 1, card.top() + 6, 5, card.height() - 12)
            painter.fillRect(bar, OVERDUE)
        if selected and focused:
            pen = QPen(SELECTED_BORDER, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(4, 4, -4, -4), 6, 6)

        inner = card.toRect().adjusted(_PAD + 4, _PAD, -_PAD, -_PAD)
        x = inner.left()
        title_h = QFontMetrics(title_font).height()
        if row.planned_seq is not None:
            badge = QRect(x, inner.top(), title_h + 6, title_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SEQ_BG)
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(SELECTED_BORDER)
            painter.setFont(title_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(row.planned_seq))
        x += title_h + 14

        # Right column: deadline clock and attempt marks.
        painter.setFont(title_font)
        clock_text = case_clock_text(
            row.deadline, today, status=row.status, resultaat=row.resultaat
        )
        clock_w = QFontMetrics(title_font).horizontalAdvance(clock_text)
        clock_rect = QRect(inner.right() - clock_w, inner.top(), clock_w, title_h)
        painter.setPen(urgency)
        painter.drawText(clock_rect, Qt.AlignmentFlag.AlignRight, clock_text)
        icon_size = int(title_h * 0.8)
        icon("waarschuwing" if late else "klok").paint(
            painter,
            QRect(clock_rect.left() - icon_size - 6, inner.top() + 2, icon_size, icon_size),
        )

        # Title: the address.
        painter.setPen(TEXT)
        text_w = clock_rect.left() - icon_size - 18 - x
        address = QFontMetrics(title_font).elidedText(
            row.address_line or "—", Qt.TextElideMode.ElideRight, max(text_w, 40)
        )
        painter.drawText(QRect(x, inner.top(), max(text_w, 40), title_h), 0, address)

        y = inner.top() + title_h + 4
        body_h = QFontMetrics(body_font).height()
        painter.setFont(body_font)
        painter.setPen(TEXT)
        width = inner.right() - x
        names = QFontMetrics(body_font).elidedText(row.names, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, body_h), 0, names)
        y += body_h + 4

        marks_w = self._paint_marks(painter, row, inner.right(), y, body_h, small_font)
        painter.setFont(body_font)
        painter.setPen(MUTED)
        summary = " · ".join(
            part
            for part in (
                ", ".join(partner_label(p) for p in row.partners),
                euros(row.total_cents),
                since_text(row.since),
            )
            if part
        )
        summary_w = inner.right() - marks_w - 12 - x
        summary = QFontMetrics(body_font).elidedText(
            summary, Qt.TextElideMode.ElideRight, max(summary_w, 40)
        )
        painter.drawText(QRect(x, y, max(summary_w, 40), body_h), 0, summary)
        y += body_h + 4

        small_h = QFontMetrics(small_font).height()
        painter.setFont(small_font)
        if row.warnings:
            icon("waarschuwing").paint(painter, QRect(x, y + 1, small_h - 2, small_h - 2))
            painter.setPen(WARN)
            text = QFontMetrics(small_font).elidedText(
                " · ".join(row.warnings), Qt.TextElideMode.ElideRight, width - small_h
            )
            painter.drawText(QRect(x + small_h + 2, y, width - small_h, small_h), 0, text)
        elif row.reasons:
            # No warning: the main reason for the priority, quietly.
            painter.setPen(MUTED)
            text = QFontMetrics(small_font).elidedText(
                row.reasons[0], Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(QRect(x, y, width, small_h), 0, text)
        painter.restore()

    def _paint_marks(
        self,
        painter: QPainter,
        row: CaseListRow,
        right: int,
        y: int,
        height: int,
        font: QFont,
    ) -> int:
        """Previous attempts as small icons + daypart letter (+ check when reached)."""
        if not row.attempts:
            return 0
        metrics = QFontMetrics(font)
        size = height - 2
        marks = row.attempts[-8:]
        step = size + metrics.horizontalAdvance("m✓") + 8
        total = step * len(marks)
        x = right - total
        painter.setFont(font)
        for mark in marks:
            icon(CONTACT_ICONS[mark.soort]).paint(painter, QRect(x, y + 1, size, size))
            label = dagdeel_letter(mark.dagdeel) + ("✓" if mark.bereikt else "")
            painter.setPen(CALM if mark.bereikt else MUTED)
            painter.drawText(QRect(x + size + 2, y, step - size - 2, height), 0, label)
            x += step
        return total
