// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/resultgrid.h"

#include "results/nullcelldelegate.h"
#include "results/resultexporter.h"
#include "results/resulttablemodel.h"
#include "results/rowformat.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace linkisdesk {

ResultGrid::ResultGrid(LinkisClient *client, const QString &resultSetPath, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_path(resultSetPath)
    , m_model(new ResultTableModel(client, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_exportProgress(new QProgressBar(this))
    , m_cancelExport(new QToolButton(this))
{
    setObjectName(QStringLiteral("resultGrid"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::DisplayRole);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new NullCellDelegate(m_view));
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);

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
    copy->setToolTip(tr("Copy the selection with column headers (Ctrl+C)"));
    copy->setAutoRaise(true);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setAutoRaise(true);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("CSV\u2026"), this, [this] { exportWithDialog(QStringLiteral("csv")); });
    menu->addAction(tr("TSV\u2026"), this, [this] { exportWithDialog(QStringLiteral("tsv")); });
    menu->addAction(tr("JSON lines\u2026"), this,
                    [this] { exportWithDialog(QStringLiteral("jsonl")); });
    exportButton->setMenu(menu);
    bar->addWidget(fit);
    bar->addWidget(copy);
    bar->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);

    connect(fit, &QToolButton::clicked, this, &ResultGrid::fitColumns);
    connect(copy, &QToolButton::clicked, this, &ResultGrid::copyToClipboard);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ResultGrid::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultGrid::updateSummary);
    connect(m_model, &ResultTableModel::moreAvailableChanged, this, &ResultGrid::updateSummary);
    connect(m_model, &ResultTableModel::endReached, this, &ResultGrid::updateSummary);
    connect(m_model, &ResultTableModel::failed, this, [this](const ApiError &e) {
        m_summary->setText(tr("Could not read the result: %1").arg(e.message));
    });
    connect(m_model, &ResultTableModel::pageLoaded, this, [this] {
        if (m_model->isText()) {
            refreshText();
        } else if (!m_fitted) {
            m_fitted = true;
            fitColumns();
        }
    });
    auto *copyShortcut = new QAction(m_view);
    copyShortcut->setShortcut(QKeySequence::Copy);
    copyShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(copyShortcut, &QAction::triggered, this, &ResultGrid::copyToClipboard);
    m_view->addAction(copyShortcut);
    // Ctrl+End goes to the true last row at once: the model finds the row count with a few
    // tiny requests and loads only the pages on screen, instead of reading every page.
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

void ResultGrid::goToLastRow()
{
    if (m_model->moreAvailable()) {
        m_wantLastRow = true;
        m_model->seekEnd();
        return;
    }
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const int column = qMax(0, m_view->currentIndex().column());
    m_view->setCurrentIndex(m_proxy->index(rows - 1, column));
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
        static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_text, 1);
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

void ResultGrid::updateSummary()
{
    const int rows = m_model->rowCount();
    QString text;
    if (!m_model->headerKnown() && rows == 0)
        text = tr("Loading\u2026");
    else if (m_model->moreAvailable())
        text = tr("%n rows loaded, more available (scroll to load)", nullptr, rows);
    else
        text = tr("%n rows", nullptr, rows);
    if (m_summary->text() != text) {
        m_summary->setText(text);
        Q_EMIT summaryChanged(text);
    }
}

void ResultGrid::fitColumns()
{
    const int maxWidth = qMax(160, width() / 2);
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        if (m_view->columnWidth(c) > maxWidth)
            m_view->setColumnWidth(c, maxWidth);
    }
}

QString ResultGrid::copyText(bool withHeaders) const
{
    QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    int top = 0, bottom = m_proxy->rowCount() - 1, left = 0, right = m_proxy->columnCount() - 1;
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
    QString out;
    if (withHeaders) {
        QStringList names;
        for (int c = left; c <= right; ++c)
            names << m_proxy->headerData(c, Qt::Horizontal).toString();
        out += names.join(u'\t') + u'\n';
    }
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c) {
            const QModelIndex i = m_proxy->index(r, c);
            const bool inSelection = selected.isEmpty() || m_view->selectionModel()->isSelected(i);
            cells << (inSelection ? i.data().toString() : QString());
        }
        out += cells.join(u'\t') + u'\n';
    }
    return out;
}

void ResultGrid::copyToClipboard()
{
    QApplication::clipboard()->setText(copyText(true));
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
            m_exportProgress->setFormat(tr("%L1 rows").arg(rows));
        });
        auto done = [this](const QString &message) {
            m_exportProgress->hide();
            m_cancelExport->hide();
            m_summary->setText(message);
        };
        connect(m_exporter, &ResultExporter::finished, this, [this, done](qint64 rows, qint64) {
            done(tr("Exported %L1 rows to %2").arg(rows).arg(m_exporter->filePath()));
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
