// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/resultgrid.h"

#include "charts/chartview.h"
#include "charts/resultcharts.h"

#include "results/cellcopy.h"
#include "results/nullcelldelegate.h"
#include "results/resultexporter.h"
#include "results/resulttablemodel.h"
#include "results/rowformat.h"
#include "results/selectionstatsbar.h"
#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace linkisdesk {

ResultGrid::ResultGrid(LinkisClient *client, const QString &resultSetPath, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_path(resultSetPath)
    , m_model(new ResultTableModel(client, this))
    , m_view(new QTableView(this))
    , m_arrangeBar(new QWidget(this))
    , m_arrangeNote(new QLabel(m_arrangeBar))
    , m_arrangeProgress(new QProgressBar(m_arrangeBar))
    , m_cancelArrange(new QToolButton(m_arrangeBar))
    , m_clearArrange(new QToolButton(m_arrangeBar))
    , m_summary(new QLabel(this))
    , m_exportProgress(new QProgressBar(this))
    , m_cancelExport(new QToolButton(this))
{
    setObjectName(QStringLiteral("resultGrid"));
    // The model sorts and filters itself (by the column's type, over the whole result set when
    // it fits the cache); a QSortFilterProxyModel would sort the loaded rows as text.
    m_view->setModel(m_model);
    m_selectionStats = new SelectionStatsBar(m_model, m_view, this);
    m_view->setItemDelegate(new NullCellDelegate(m_view));
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);

    // Over the grid: what the sort or filter covers, its progress while rows are read.
    m_arrangeBar->setObjectName(QStringLiteral("arrangeBar"));
    m_arrangeNote->setObjectName(QStringLiteral("arrangeNote"));
    m_arrangeNote->setWordWrap(true);
    m_arrangeNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_arrangeProgress->setMinimumWidth(220);
    m_arrangeProgress->setMaximumWidth(260);
    m_cancelArrange->setText(tr("Cancel"));
    m_cancelArrange->setObjectName(QStringLiteral("cancelArrange"));
    m_clearArrange->setText(tr("Clear sort and filter"));
    m_clearArrange->setObjectName(QStringLiteral("clearArrange"));
    m_clearArrange->setAutoRaise(true);
    auto *arrangeRow = new QHBoxLayout(m_arrangeBar);
    arrangeRow->setContentsMargins(6, 2, 6, 2);
    arrangeRow->addWidget(m_arrangeNote, 1);
    arrangeRow->addWidget(m_arrangeProgress);
    arrangeRow->addWidget(m_cancelArrange);
    arrangeRow->addWidget(m_clearArrange);
    m_arrangeBar->hide();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 3, 6, 3);
    bar->addWidget(m_summary, 1);
    m_exportProgress->setMaximumWidth(180);
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setTextVisible(true);
    m_exportProgress->hide();
    m_cancelExport->setText(tr("Cancel"));
    m_cancelExport->hide();
    bar->addWidget(m_exportProgress);
    bar->addWidget(m_cancelExport);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit columns"));
    fit->setAutoRaise(true);
    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the selection with column headers"));
    copy->setAutoRaise(true);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setAutoRaise(true);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    // The export reads the result set from the server again: it does not follow the grid's
    // sort or filter, and says so while one is shown.
    m_exportOrderNote =
        menu->addAction(tr("Exports every row in the server's order, not the sort or filter "
                           "shown"));
    m_exportOrderNote->setEnabled(false);
    m_exportOrderNote->setVisible(false);
    menu->addAction(tr("CSV\u2026"), this, [this] { exportWithDialog(QStringLiteral("csv")); });
    menu->addAction(tr("TSV\u2026"), this, [this] { exportWithDialog(QStringLiteral("tsv")); });
    menu->addAction(tr("JSON lines\u2026"), this,
                    [this] { exportWithDialog(QStringLiteral("jsonl")); });
    menu->addAction(tr("Excel workbook\u2026"), this,
                    [this] { exportWithDialog(QStringLiteral("xlsx")); })
        ->setObjectName(QStringLiteral("exportXlsx"));
    exportButton->setMenu(menu);
    m_chartButton = new QToolButton(this);
    m_chartButton->setObjectName(QStringLiteral("showChart"));
    m_chartButton->setText(tr("Chart"));
    m_chartButton->setToolTip(tr("Show the result as a chart"));
    m_chartButton->setCheckable(true);
    m_chartButton->setAutoRaise(true);
    connect(m_chartButton, &QToolButton::toggled, this, &ResultGrid::showChart);
    bar->addWidget(m_chartButton);
    bar->addWidget(fit);
    bar->addWidget(copy);
    bar->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_arrangeBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_selectionStats);
    layout->addLayout(bar);

    connect(fit, &QToolButton::clicked, this, &ResultGrid::fitColumns);
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(copyText(true)); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ResultGrid::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultGrid::updateSummary);
    connect(m_model, &ResultTableModel::moreAvailableChanged, this, &ResultGrid::updateSummary);
    connect(m_model, &ResultTableModel::endReached, this, &ResultGrid::updateSummary);
    connect(m_model, &ResultTableModel::failed, this, [this](const ApiError &e) {
        m_summary->setText(tr("Could not read the result: %1").arg(e.message));
    });
    connect(m_model, &ResultTableModel::arrangeStateChanged, this, &ResultGrid::updateArrangeBar);
    connect(m_model, &ResultTableModel::arrangeProgress, this, [this](int read, int rows) {
        m_arrangeProgress->setRange(0, qMax(1, rows));
        m_arrangeProgress->setValue(qMin(read, rows));
        m_arrangeProgress->setFormat(tr("%L1 of %L2 rows").arg(read).arg(rows));
    });
    connect(m_cancelArrange, &QToolButton::clicked, m_model, &ResultTableModel::cancelArrange);
    connect(m_clearArrange, &QToolButton::clicked, m_model, &ResultTableModel::clearArrangement);
    connect(m_model, &ResultTableModel::pageLoaded, this, [this] {
        if (m_model->isText()) {
            refreshText();
        } else if (!m_fitted) {
            m_fitted = true;
            fitColumns();
        }
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createContextMenu(m_view->indexAt(pos), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    auto *copyShortcut = new QAction(m_view);
    copyShortcut->setShortcut(QKeySequence::Copy);
    copyShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(copyShortcut, &QAction::triggered, this, &ResultGrid::copyToClipboard);
    m_view->addAction(copyShortcut);
    // Ctrl+End goes to the true last row at once: the model finds the row count with a few
    // tiny requests and loads only the pages on screen, instead of reading every page.
    // Ctrl+Space selects the current column, as in spreadsheets (a header click sorts here): its
    // statistics then cover the whole result set.
    auto *columnShortcut = new QAction(m_view);
    columnShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    columnShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(columnShortcut, &QAction::triggered, this,
            [this] { m_view->selectColumn(qMax(0, m_view->currentIndex().column())); });
    m_view->addAction(columnShortcut);
    auto *endShortcut = new QAction(m_view);
    endShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    endShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(endShortcut, &QAction::triggered, this, &ResultGrid::goToLastRow);
    m_view->addAction(endShortcut);
    connect(m_model, &ResultTableModel::endReached, this, [this] {
        if (m_wantLastRow) {
            m_wantLastRow = false;
            goToLastRow();
        }
    });
    m_model->setResultSet(resultSetPath);
    updateSummary();
}

ResultGrid::~ResultGrid() = default;

ChartView *ResultGrid::chartView()
{
    if (!m_chart) {
        m_chart = new ChartView(m_client, m_model, this);
        m_chart->hide();
        static_cast<QVBoxLayout *>(layout())->insertWidget(layout()->indexOf(m_view) + 1, m_chart,
                                                           1);
        connect(m_chart, &ChartView::specChanged, this, &ResultGrid::saveChart);
    }
    return m_chart;
}

QStringList ResultGrid::columnNames() const
{
    QStringList names;
    if (!m_model->headerKnown())
        return names;
    for (int c = 0; c < m_model->columnCount(); ++c)
        names << m_model->headerData(c, Qt::Horizontal).toString();
    return names;
}

void ResultGrid::keepChartIn(ResultCharts *charts, int index)
{
    m_charts = charts;
    m_chartIndex = index;
    auto restore = [this] {
        if (!m_charts || m_model->isText())
            return;
        const std::optional<ResultCharts::Entry> saved =
            m_charts->entryFor(m_chartIndex, columnNames());
        if (!saved)
            return;
        chartView()->setSpec(saved->spec);
        showChart(saved->shown);
    };
    if (m_model->headerKnown())
        restore();
    else
        connect(m_model, &ResultTableModel::headerLoaded, this, restore, Qt::SingleShotConnection);
}

void ResultGrid::saveChart()
{
    // Only a chart the user has opened is remembered; a grid never charted leaves the entry.
    if (!m_charts || !m_chart || !m_model->headerKnown())
        return;
    m_charts->set(m_chartIndex, {m_chart->spec(), columnNames(), isChartShown()});
}

bool ResultGrid::isChartShown() const
{
    return m_chart && m_chart->isVisibleTo(this);
}

void ResultGrid::showChart(bool show)
{
    if (show == isChartShown() || (show && m_model->isText()))
        return;
    ChartView *chart = chartView();
    m_view->setVisible(!show);
    chart->setVisible(show);
    if (show) {
        m_selectionStats->hide();
    } else {
        m_selectionStats->recount();
    }
    const QSignalBlocker block(m_chartButton);
    m_chartButton->setChecked(show);
    saveChart();
}

QWidget *ResultGrid::focusTarget() const
{
    if (m_text && m_text->isVisibleTo(this))
        return m_text;
    return m_view;
}

QString ResultGrid::rowsText(int rows)
{
    return rows == 1 ? tr("%Ln row", nullptr, rows) : tr("%Ln rows", nullptr, rows);
}

void ResultGrid::goToLastRow()
{
    if (m_model->moreAvailable() && !m_model->isArranged()) {
        m_wantLastRow = true;
        m_model->seekEnd();
        return;
    }
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int column = qMax(0, m_view->currentIndex().column());
    m_view->setCurrentIndex(m_model->index(rows - 1, column));
    m_view->scrollToBottom();
}

void ResultGrid::refreshText()
{
    if (!m_text) {
        m_text = new QPlainTextEdit(this);
        m_text->setReadOnly(true);
        m_text->setObjectName(QStringLiteral("textResult"));
        m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
        static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_text, 1);
        m_view->hide();
    }
    QStringList lines;
    for (int r = 0; r < m_model->rowCount(); ++r)
        lines << m_model->index(r, 0).data().toString();
    m_text->setPlainText(lines.join(u'\n'));
}

QString ResultGrid::summaryText() const
{
    return m_summary->text();
}

QString ResultGrid::arrangeText() const
{
    return m_arrangeBar->isVisibleTo(this) ? m_arrangeNote->text() : QString();
}

void ResultGrid::updateSummary()
{
    const int rows = m_model->rowCount();
    QString text;
    if (!m_model->headerKnown() && rows == 0)
        text = tr("Loading\u2026");
    else if (m_model->moreAvailable() && !m_model->isArranged())
        text = rows == 1 ? tr("%Ln row loaded, more available (scroll to load)", nullptr, rows)
                         : tr("%Ln rows loaded, more available (scroll to load)", nullptr, rows);
    else
        text = rowsText(rows);
    if (m_summary->text() != text) {
        m_summary->setText(text);
        Q_EMIT summaryChanged(text);
    }
}

void ResultGrid::updateArrangeBar()
{
    const bool arranging = m_model->isArranging();
    const RowArrangement shown = m_model->arrangement();
    // The header shows the sort the rows have (after a cancel too), not just the last click.
    const RowArrangement wanted = arranging ? m_model->requestedArrangement() : shown;
    {
        QHeaderView *header = m_view->horizontalHeader();
        const QSignalBlocker block(header);
        header->setSortIndicator(wanted.sortColumn, wanted.sortOrder);
        header->viewport()->update();
    }
    auto columnName = [this](int column) {
        return m_model->headerData(column, Qt::Horizontal).toString();
    };
    QString text;
    QString colour;
    if (arranging) {
        text = wanted.sortColumn >= 0 ? tr("Sorting by %1\u2026").arg(columnName(wanted.sortColumn))
                                      : tr("Filtering\u2026");
    } else if (m_model->isArranged()) {
        QStringList parts;
        if (shown.sortColumn >= 0) {
            parts << (shown.sortOrder == Qt::AscendingOrder
                          ? tr("Sorted by %1, ascending").arg(columnName(shown.sortColumn))
                          : tr("Sorted by %1, descending").arg(columnName(shown.sortColumn)));
        }
        if (shown.filterColumn >= 0) {
            parts << tr("filtered: %1 = %2")
                         .arg(columnName(shown.filterColumn),
                              shown.filterNull ? ResultTableModel::nullText() : shown.filterValue);
        }
        const int covered = m_model->arrangedSourceRows();
        if (m_model->arrangedAll()) {
            parts << tr("covers all %Ln rows of the result", nullptr, covered);
        } else {
            parts << tr(
                "covers only the first %Ln rows: the result has more, which are not included",
                nullptr, covered);
            colour = Theme::colour(Theme::Role::Warning).name();
        }
        text = parts.join(QStringLiteral(" \u2014 "));
    }
    m_arrangeNote->setText(text);
    m_arrangeNote->setStyleSheet(
        colour.isEmpty() ? QString() : QStringLiteral("color: %1; font-weight: bold;").arg(colour));
    m_arrangeProgress->setVisible(arranging);
    m_cancelArrange->setVisible(arranging);
    m_clearArrange->setVisible(!arranging && m_model->isArranged());
    m_arrangeBar->setVisible(!text.isEmpty());
    m_exportOrderNote->setVisible(m_model->isArranged());
    updateSummary();
}

void ResultGrid::fitColumns()
{
    const int maxWidth = qMax(160, width() / 2);
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (m_view->columnWidth(c) > maxWidth)
            m_view->setColumnWidth(c, maxWidth);
    }
}

CellBlock ResultGrid::selectedBlock() const
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    int top = 0, bottom = m_model->rowCount() - 1, left = 0, right = m_model->columnCount() - 1;
    if (!selected.isEmpty()) {
        top = bottom = selected.first().row();
        left = right = selected.first().column();
        for (const QModelIndex &i : selected) {
            top = qMin(top, i.row());
            bottom = qMax(bottom, i.row());
            left = qMin(left, i.column());
            right = qMax(right, i.column());
        }
    }
    CellBlock block;
    for (int c = left; c <= right; ++c) {
        block.columns << m_model->headerData(c, Qt::Horizontal).toString();
        block.kinds << m_model->columnKindAt(c);
    }
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        QBitArray nulls(right - left + 1);
        for (int c = left; c <= right; ++c) {
            const QModelIndex i = m_model->index(r, c);
            if (!selected.isEmpty() && !m_view->selectionModel()->isSelected(i)) {
                cells << QString();
                continue;
            }
            cells << i.data(Qt::EditRole).toString(); // the exact value, not the display
            if (i.data(ResultTableModel::IsNullRole).toBool())
                nulls.setBit(c - left);
        }
        block.rows << cells;
        block.nulls << nulls;
    }
    return block;
}

QString ResultGrid::copyText(bool withHeaders) const
{
    return CellCopy::tsv(selectedBlock(), withHeaders);
}

void ResultGrid::copyToClipboard()
{
    QApplication::clipboard()->setText(copyText(false));
}

void ResultGrid::filterBy(const QModelIndex &index)
{
    if (!index.isValid() || !index.data(ResultTableModel::IsLoadedRole).toBool())
        return;
    m_model->setFilter(index.column(), index.data(Qt::EditRole).toString(),
                       index.data(ResultTableModel::IsNullRole).toBool());
}

QMenu *ResultGrid::createContextMenu(const QModelIndex &at, QWidget *parent)
{
    const QModelIndex index = at.isValid() ? at : m_view->currentIndex();
    // A right click outside the selection selects the cell under it, as file managers do.
    if (at.isValid() && !m_view->selectionModel()->isSelected(at))
        m_view->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect);
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("resultGridMenu"));
    auto clip = [](const QString &text) { QApplication::clipboard()->setText(text); };
    QAction *value = menu->addAction(tr("Copy value"), this,
                                     [clip, index] { clip(index.data(Qt::EditRole).toString()); });
    value->setObjectName(QStringLiteral("copyValue"));
    value->setEnabled(index.isValid());
    menu->addAction(tr("Copy with header"), this, [this, clip] { clip(copyText(true)); })
        ->setObjectName(QStringLiteral("copyWithHeader"));
    menu->addAction(tr("Copy as CSV"), this, [this, clip] { clip(CellCopy::csv(selectedBlock())); })
        ->setObjectName(QStringLiteral("copyAsCsv"));
    menu->addAction(tr("Copy as INSERT"), this,
                    [this, clip] { clip(CellCopy::sqlInsert(selectedBlock())); })
        ->setObjectName(QStringLiteral("copyAsInsert"));
    menu->addSeparator();
    QAction *filter =
        menu->addAction(tr("Filter by this value"), this, [this, index] { filterBy(index); });
    filter->setObjectName(QStringLiteral("filterByValue"));
    QAction *column = menu->addAction(tr("Select column (statistics of every row)"), this,
                                      [this, index] { m_view->selectColumn(index.column()); });
    column->setObjectName(QStringLiteral("selectColumn"));
    column->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    column->setEnabled(index.isValid() && !m_model->isText());
    filter->setEnabled(index.isValid() && !m_model->isText());
    if (m_model->arrangement().filterColumn >= 0) {
        menu->addAction(tr("Clear filter"), m_model, &ResultTableModel::clearFilter)
            ->setObjectName(QStringLiteral("clearFilter"));
    }
    if (m_model->arrangement().sortColumn >= 0) {
        menu->addAction(tr("Clear sort"), this, [this] { m_model->sort(-1); })
            ->setObjectName(QStringLiteral("clearSort"));
    }
    return menu;
}

bool ResultGrid::exportTo(const QString &filePath)
{
    if (m_exporter && m_exporter->isRunning())
        return false;
    QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == u"jsonl")
        suffix = QStringLiteral("json");
    const std::optional<RowFormat> format = rowFormatFromName(suffix);
    if (!format)
        return false;
    if (!m_exporter) {
        m_exporter = new ResultExporter(m_client, this);
        connect(m_exporter, &ResultExporter::progress, this, [this](qint64 rows, qint64) {
            m_exportProgress->setFormat(
                rowsText(int(qMin<qint64>(rows, std::numeric_limits<int>::max()))));
        });
        auto done = [this](const QString &message) {
            m_exportProgress->hide();
            m_cancelExport->hide();
            m_summary->setText(message);
        };
        connect(m_exporter, &ResultExporter::finished, this, [this, done](qint64 rows, qint64) {
            const QString what = rowsText(int(qMin<qint64>(rows, std::numeric_limits<int>::max())));
            done(m_model->isArranged()
                     ? tr("Exported %1 to %2 in the server's order (the sort and filter shown are "
                          "not applied)")
                           .arg(what, m_exporter->filePath())
                     : tr("Exported %1 to %2").arg(what, m_exporter->filePath()));
        });
        connect(m_exporter, &ResultExporter::failed, this,
                [done](const ApiError &e) { done(tr("Export failed: %1").arg(e.message)); });
        connect(m_exporter, &ResultExporter::cancelled, this,
                [done] { done(tr("Export cancelled")); });
        connect(m_cancelExport, &QToolButton::clicked, m_exporter, &ResultExporter::cancel);
    }
    m_exportProgress->setFormat(tr("Exporting\u2026"));
    m_exportProgress->show();
    m_cancelExport->show();
    m_exporter->start(m_path, filePath, *format);
    return true;
}

void ResultGrid::exportWithDialog(const QString &format)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export result"), QStringLiteral("result.") + format,
        tr("%1 files (*.%2);;All files (*)").arg(format.toUpper(), format));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace linkisdesk
