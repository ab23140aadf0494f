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
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.listing import AttemptMark, CaseListRow
from ui.display import deadline_text, euros, since_text
from ui.labels import (
    CONTACT_ICONS,
    DAYPART_ICONS,
    contactsoort_label,
    dagdeel_label,
    partner_label,
)
from ui.models.case_list import HEADING_ROLE, ROW_ROLE, TODAY_ROLE
from ui.qt import (
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QDate,
    QEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QLocale,
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
    QToolTip,
)
from ui.reason_labels import translate_flag, translate_reason
from ui.resources import icon

CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#7b8794")  # >= 3:1 on the card and the list (WCAG 1.4.11)
SELECTED_BORDER = QColor("#1f6fb2")
TEXT = QColor("#1d2b36")
MUTED = QColor("#52606d")
OVERDUE = QColor("#b3261e")
SOON = QColor("#9a6700")
CALM = QColor("#2e7d4f")
WARN = QColor("#8a4b00")
SEQ_BG = QColor("#e8f0f7")
HEADING = QColor("#2f4858")
REACHED_BG = QColor("#e3f2e8")
MARK_BORDER = QColor("#7b8794")
MAX_MARKS = 8
_MARK_GAP = 4

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
        if index.data(HEADING_ROLE):
            height += self._heading_height(option.font)
        view = self.parent()
        width = (
            view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        )
        return QSize(max(width, 320), height)

    def _heading_height(self, base: QFont) -> int:
        return QFontMetrics(self._fonts(base)[0]).height() + 14

    def _card_area(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QRect:
        """The part of the row below its shift heading (the whole row without one)."""
        rect = QRect(option.rect)
        if index.data(HEADING_ROLE):
            rect.setTop(rect.top() + self._heading_height(option.font))
        return rect

    def _paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, text: str, title_font: QFont
    ) -> None:
        band = QRect(option.rect)
        band.setHeight(self._heading_height(option.font))
        painter.setFont(title_font)
        painter.setPen(HEADING)
        painter.drawText(
            band.adjusted(_MARGIN + 2, 6, -_MARGIN, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            text,
        )

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
        heading = index.data(HEADING_ROLE)
        if heading:
            self._paint_heading(painter, option, str(heading), title_font)
        area = self._card_area(option, index)
        card = QRectF(area.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        closed = row.status is CaseStatus.GESLOTEN
        # A closed case (in "Alle zaken") has no deadline to chase: no red bar, no clock.
        left = 0 if closed else (row.deadline - today).days
        urgency = MUTED if closed else OVERDUE if left < 0 else SOON if left <= 3 else CALM

        painter.setPen(QPen(SELECTED_BORDER if selected else CARD_BORDER, 3 if selected else 1))
        painter.setBrush(QColor("#f4f8fc") if selected else CARD_BG)
        painter.drawRoundedRect(card, 8, 8)
        if left < 0:
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
        clock_text = (
            QCoreApplication.translate("CaseCard", "afgesloten")
            if closed
            else deadline_text(row.deadline, today)
        )
        clock_w = QFontMetrics(title_font).horizontalAdvance(clock_text)
        clock_rect = QRect(inner.right() - clock_w, inner.top(), clock_w, title_h)
        painter.setPen(urgency)
        painter.drawText(clock_rect, Qt.AlignmentFlag.AlignRight, clock_text)
        icon_size = int(title_h * 0.8)
        icon("vinkje" if closed else "klok" if left >= 0 else "waarschuwing").paint(
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
                " · ".join(translate_flag(w) for w in row.warnings),
                Qt.TextElideMode.ElideRight,
                width - small_h,
            )
            painter.drawText(QRect(x + small_h + 2, y, width - small_h, small_h), 0, text)
        elif row.reasons:
            # No warning: the main reason for the priority, quietly.
            painter.setPen(MUTED)
            text = QFontMetrics(small_font).elidedText(
                translate_reason(row.reasons[0]), Qt.TextElideMode.ElideRight, width
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
        """Previous attempts: contact icon + daypart symbol (rising sun, sun, moon) + a check
        when reached, on a tinted pill; no letters, so nothing depends on the language."""
        marks = mark_rects(row, right, y, height)
        for rect, mark in marks:
            painter.setPen(QPen(CALM if mark.bereikt else MARK_BORDER, 1))
            painter.setBrush(REACHED_BG if mark.bereikt else CARD_BG)
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            size = rect.height() - 4
            x = rect.left() + 3
            for name in mark_icons(mark):
                icon(name).paint(painter, QRect(x, rect.top() + 2, size, size))
                x += size + 1
        return (right - marks[0][0].left()) if marks else 0

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """A tooltip per attempt mark ("Huisbezoek, 21 okt, avond, niet bereikt")."""
        row = index.data(ROW_ROLE)
        if event.type() == QEvent.Type.ToolTip and isinstance(row, CaseListRow):
            for rect, mark in self.marks_at(option, row, index):
                if rect.contains(event.pos()):
                    QToolTip.showText(event.globalPos(), mark_description(mark), view, rect)
                    return True
            QToolTip.hideText()
        return bool(super().helpEvent(event, view, option, index))

    def marks_at(
        self,
        option: QStyleOptionViewItem,
        row: CaseListRow,
        index: QModelIndex | QPersistentModelIndex,
    ) -> list[tuple[QRect, AttemptMark]]:
        """Where paint() draws the marks for this row in ``option.rect``."""
        title_font, body_font, _small = self._fonts(option.font)
        area = self._card_area(option, index)
        card = QRectF(area.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))
        inner = card.toRect().adjusted(_PAD + 4, _PAD, -_PAD, -_PAD)
        body_h = QFontMetrics(body_font).height()
        y = inner.top() + QFontMetrics(title_font).height() + 4 + body_h + 4
        return mark_rects(row, inner.right(), y, body_h)


def mark_icons(mark: AttemptMark) -> list[str]:
    names = [CONTACT_ICONS[mark.soort], DAYPART_ICONS[mark.dagdeel]]
    if mark.bereikt:
        names.append("vinkje")
    return names


def mark_rects(
    row: CaseListRow, right: int, y: int, height: int
) -> list[tuple[QRect, AttemptMark]]:
    """The last eight attempts, right-aligned, each a pill as wide as its symbols."""
    size = height - 4
    marks = row.attempts[-MAX_MARKS:]
    widths = [len(mark_icons(m)) * (size + 1) + 5 for m in marks]
    x = right - sum(widths) - _MARK_GAP * max(len(marks) - 1, 0)
    rects: list[tuple[QRect, AttemptMark]] = []
    for mark, width in zip(marks, widths, strict=True):
        rects.append((QRect(x, y, width, height), mark))
        x += width + _MARK_GAP
    return rects


def mark_description(mark: AttemptMark) -> str:
    local = mark.occurred_at.astimezone(AMSTERDAM)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMM")
    reached = (
        QCoreApplication.translate("CaseCard", "bereikt")
        if mark.bereikt
        else QCoreApplication.translate("CaseCard", "niet bereikt")
    )
    return ", ".join((contactsoort_label(mark.soort), day, dagdeel_label(mark.dagdeel), reached))
