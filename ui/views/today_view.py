"""Vandaag: the worker's home screen (planned route per shift, else open cases by priority),
and "Alle zaken" beside it: every case of this worker, also closed, found by name, address or
postcode offline (a search always covers all cases).

Sync rules enforced in the query itself (on the DB thread, so no hidden row reaches the GUI):
after too long without a successful sync (``services.sync.details_hidden``, 14 days) no case
is listed and a notice asks to sync first; husks (cases emptied by a tombstone, kept only until
their pending attempts are acked) are never listed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.listing import CaseListRow
from fieldapp.services.changes import Changes
from fieldapp.services.plan_views import come_back_later
from ui.backend import Backend
from ui.display import long_date
from ui.messages import user_message
from ui.models.case_list import ROW_ROLE, CaseFilterProxy, CaseListModel
from ui.models.route_groups import RouteGroup, group_route
from ui.print_request import Output, PrintSource
from ui.qt import (
    QAbstractItemView,
    QAction,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListView,
    QModelIndex,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon
from ui.views.case_card import CaseCardDelegate
from ui.views.marks_legend import MarksLegend
from ui.views.today_fetch import TodayResult, make_fetch

FIRST_PAGE = 150  # rows shown first after unlock, before the full list arrives


class TodayView(QWidget):
    open_case = Signal(str)
    print_requested = Signal(object)  # PrintSource
    sync_requested = Signal()

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TodayView")
        self.backend = backend
        self.model = CaseListModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._stale = True
        self.details_hidden = False
        self.today_provider = date.today
        self._loaded_all = False
        self.default_shift_id: str | None = None

        self.title = QLabel(self.tr("Vandaag"))
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek op naam, adres of postcode"))
        self.search.addAction(icon("zoeken"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Zoeken"))
        self.search.textChanged.connect(self._on_search)
        self.wijk = QComboBox()
        self.wijk.setAccessibleName(self.tr("Wijk"))
        self.wijk.setMinimumContentsLength(14)
        self.wijk.currentIndexChanged.connect(self._on_wijk)
        wijk_label = QLabel(self.tr("&Wijk:"))
        wijk_label.setBuddy(self.wijk)

        self.list = QListView()
        self.list.setObjectName("CaseList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(CaseCardDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Zaken voor vandaag"))
        self.list.activated.connect(self._on_activated)
        self.list.doubleClicked.connect(self._on_activated)
        # On a planned route: nobody home, try again later today (the new order goes to the
        # team lead with the next sync).
        self.later_action = QAction(self.tr("Niet thuis: straks terug (achteraan de route)"), self)
        self.later_action.triggered.connect(self.come_back_later)
        self.later_action.setEnabled(False)
        self.list.addAction(self.later_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.count = QLabel()
        self.count.setObjectName("Muted")
        self.empty = QLabel(self.tr("Geen zaken gevonden."))
        self.empty.setObjectName("Muted")
        self.empty.hide()

        filters = QHBoxLayout()
        # Beside the route: every case of this worker (also closed ones), e.g. for a call back.
        self.route_button = QPushButton(self.tr("&Route vandaag"))
        self.all_button = QPushButton(self.tr("&Alle zaken"))
        self.scope = QButtonGroup(self)
        for button in (self.route_button, self.all_button):
            button.setCheckable(True)
            button.setObjectName("ScopeButton")
            self.scope.addButton(button)
        self.route_button.setChecked(True)
        self.all_button.setToolTip(self.tr("Alle zaken van u, ook afgesloten; ook offline"))
        self.scope.buttonToggled.connect(lambda _b, _on: self._on_scope())
        filters.addWidget(self.route_button)
        filters.addWidget(self.all_button)
        filters.addSpacing(12)
        filters.addWidget(self.search, 3)
        filters.addSpacing(12)
        filters.addWidget(wijk_label)
        filters.addWidget(self.wijk, 1)
        self.print_button = QPushButton(icon("kaartje"), self.tr("Kaartjes en brieven…"))
        self.print_button.setToolTip(self.tr("Printen voor de route of de zaken in de lijst"))
        self.print_button.clicked.connect(self.request_print)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(header)
        layout.addLayout(filters)
        self.legend = MarksLegend()
        count_row = QHBoxLayout()
        count_row.addWidget(self.count, 1)
        count_row.addWidget(self.legend)
        layout.addLayout(count_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.hidden_notice = self._build_hidden_notice()
        layout.addWidget(self.hidden_notice, 0, Qt.AlignmentFlag.AlignTop)
        self.setTabOrder(self.search, self.wijk)
        self.setTabOrder(self.wijk, self.list)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        backend.hub.changed.connect(self._on_changed)
        backend.hub.locked.connect(self.clear)

    # --- data --------------------------------------------------------------------------------

    def showing_all(self) -> bool:
        """ "Alle zaken" is chosen, or a search runs (a search always covers every case)."""
        return self.all_button.isChecked() or bool(self.search.text().strip())

    def reload(self) -> None:
        """Fetch the rows on the DB thread; the list keeps its old rows until they arrive."""
        self._stale = False
        today = self.today_provider()
        identity = self.backend.identity
        worker_id = identity.worker_id if identity else None
        all_cases = self.showing_all()
        self._loaded_all = all_cases
        # After unlock the list is empty: show the top of the list first (a cheap query), then
        # the whole list. The DB thread runs both in order, so the full result always wins.
        quick = self.model.rowCount() == 0

        def fetch(limit: int | None) -> Callable[[Session], TodayResult]:
            return make_fetch(
                all_cases=all_cases,
                today=today,
                worker_id=worker_id,
                policy=self.backend.policy,
                now=datetime.now(UTC),
                limit=limit,
            )

        def show(result: TodayResult) -> None:
            if result.all_cases != self._loaded_all:
                return  # the scope changed while this was read; a newer read is queued
            self.set_details_hidden(result.hidden)
            rows, self.default_shift_id = result.rows, None
            headings: dict[int, RouteGroup] = {}
            if result.planned and result.slots:
                local = datetime.now(AMSTERDAM)
                rows, headings, self.default_shift_id = group_route(
                    result.rows, result.slots, local.hour * 60 + local.minute
                )
            # Shift headings make rows taller: uniform sizes only for plain (long) lists.
            self.list.setUniformItemSizes(not headings)
            self.model.set_rows(rows, today=today, planned=result.planned, headings=headings)
            self._fill_wijken()
            self._update_header()

        if quick:
            self.backend.runner.query(fetch(FIRST_PAGE), parent=self).success(show).run()
        self.backend.runner.query(fetch(None), parent=self).success(show).run()

    def clear(self) -> None:
        self.model.clear()
        self.search.clear()
        self.wijk.blockSignals(True)
        self.wijk.clear()
        self.wijk.blockSignals(False)
        self.count.clear()
        self._stale = True

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if not (
            changes.cases or changes.attempts or changes.plans or changes.signals or changes.sync
        ):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # refresh when shown again (hidden views do not redraw)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale and self.backend.is_unlocked:
            self.reload()

    # --- filters -----------------------------------------------------------------------------

    def _fill_wijken(self) -> None:
        current = self.wijk.currentData()
        self.wijk.blockSignals(True)
        self.wijk.clear()
        self.wijk.addItem(self.tr("Alle wijken"), "")
        for name in self.model.wijken():
            self.wijk.addItem(name, name)
        found = self.wijk.findData(current) if current else 0
        self.wijk.setCurrentIndex(max(found, 0))
        self.wijk.blockSignals(False)
        self.proxy.set_wijk(self.wijk.currentData() or "")

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        if self.showing_all() != self._loaded_all and self.backend.is_unlocked:
            self.reload()  # searching leaves the route for all cases, clearing goes back
        self._update_header()

    def _on_scope(self) -> None:
        if self.backend.is_unlocked and self.showing_all() != self._loaded_all:
            self.reload()
        self._update_header()

    def _on_wijk(self, _index: int) -> None:
        self.proxy.set_wijk(self.wijk.currentData() or "")
        self._update_header()

    def _update_header(self) -> None:
        self.later_action.setEnabled(self.model.planned)
        day = long_date(self.model.today)
        if self._loaded_all:
            self.subtitle.setText(
                self.tr("%1 · alle zaken, ook afgesloten (zoeken werkt ook offline)").replace(
                    "%1", day
                )
            )
        elif self.model.planned:
            self.subtitle.setText(self.tr("%1 · geplande route").replace("%1", day))
        else:
            self.subtitle.setText(
                self.tr("%1 · open zaken op prioriteit en termijn").replace("%1", day)
            )
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("%1 zaken").replace("%1", str(total)))
        else:
            self.count.setText(
                self.tr("%1 van %2 zaken").replace("%1", str(shown)).replace("%2", str(total))
            )
        self.empty.setVisible(shown == 0 and self.backend.is_unlocked and not self.details_hidden)

    def _on_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, CaseListRow):
            self.open_case.emit(row.id)

    def come_back_later(self) -> None:
        """Move the current case to the end of today's route (a route edit for the lead)."""
        index = self.list.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        identity = self.backend.identity
        if row is None or not self.model.planned or identity is None:
            return
        case_id, today, now = row.id, self.model.today, datetime.now(UTC)
        worker_id, device_id = identity.worker_id, identity.device_id

        def write(session: Session) -> Changes:
            return come_back_later(
                session,
                case_id=case_id,
                day=today,
                now=now,
                worker_id=worker_id,
                device_id=device_id,
            )

        self.backend.runner.db_op(write, parent=self).failure(
            lambda error: self.count.setText(user_message(error))
        ).run(initiator=self)

    def request_print(self) -> None:
        """Print for today's route (its shifts; the current or next one first) or, without one,
        the cases shown in the list."""
        ids = tuple(
            row.id
            for row in (self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount()))
            if isinstance(row, CaseListRow)
        )
        self.print_requested.emit(
            PrintSource(
                day=self.model.today,
                case_ids=ids,
                use_shifts=True,
                default=Output.CARDS.value,
                default_shift_id=self.default_shift_id,
            )
        )

    # --- sync notice -------------------------------------------------------------------------

    def _build_hidden_notice(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("SyncFirstNotice")
        frame.setStyleSheet(
            "QFrame#SyncFirstNotice { background: #fff4cc; border: 1px solid #a86f00;"
            " border-radius: 8px; }"
        )
        title = QLabel(self.tr("Synchroniseer eerst: het is te lang geleden"))
        title.setObjectName("PageTitle")
        title.setWordWrap(True)
        body = QLabel(
            self.tr(
                "Deze laptop heeft al meer dan 14 dagen niet met de server gesynchroniseerd. "
                "Daarom zijn de gegevens van zaken verborgen tot de volgende geslaagde "
                "synchronisatie. Wat u al hebt vastgelegd, blijft bewaard en wordt dan verstuurd."
            )
        )
        body.setWordWrap(True)
        self.sync_button = QPushButton(icon("sync"), self.tr("Nu &synchroniseren"))
        self.sync_button.setObjectName("PrimaryButton")
        self.sync_button.clicked.connect(lambda: self.sync_requested.emit())
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.addWidget(title)
        inner.addWidget(body)
        inner.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        frame.hide()
        return frame

    def set_details_hidden(self, hidden: bool) -> None:
        self.details_hidden = hidden
        self.hidden_notice.setVisible(hidden)
        for widget in (
            self.list,
            self.count,
            self.legend,
            self.search,
            self.wijk,
            self.print_button,
        ):
            widget.setVisible(not hidden)
        if hidden:
            self.empty.hide()

    def focus_list(self) -> None:
        self.list.setFocus()
        if self.proxy.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
