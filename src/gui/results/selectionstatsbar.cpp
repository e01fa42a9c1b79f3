// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/selectionstatsbar.h"

#include "results/columnstatsjob.h"
#include "results/resulttablemodel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace linkisdesk {

namespace {

QString number(double value)
{
    const QLocale locale;
    if (std::abs(value) < 1e15 && value == std::trunc(value))
        return locale.toString(qint64(value));
    return locale.toString(value, 'g', 12); // a status line, not the cell's exact text
}

} // namespace

SelectionStatsBar::SelectionStatsBar(ResultTableModel *model, QTableView *view, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(view)
    , m_job(new ColumnStatsJob(model, this))
    , m_label(new QLabel(this))
    , m_stop(new QToolButton(this))
    , m_delay(new QTimer(this))
{
    setObjectName(QStringLiteral("selectionStats"));
    m_label->setObjectName(QStringLiteral("selectionStatsText"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop->setObjectName(QStringLiteral("stopStats"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop counting: the figures so far stay, marked partial"));
    m_stop->setAutoRaise(true);
    m_stop->hide();
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(6, 0, 6, 0);
    row->addWidget(m_label, 1);
    row->addWidget(m_stop);
    hide();

    // A drag selects cell after cell: count once it settles.
    m_delay->setSingleShot(true);
    m_delay->setInterval(40);
    connect(m_delay, &QTimer::timeout, this, &SelectionStatsBar::recount);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, m_delay,
            qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, m_delay, qOverload<>(&QTimer::start));
    connect(m_job, &ColumnStatsJob::progress, this,
            [this](const ColumnStats &stats) { showStats(stats, true); });
    connect(m_job, &ColumnStatsJob::finished, this,
            [this](const ColumnStats &stats) { showStats(stats, false); });
    connect(m_stop, &QToolButton::clicked, this, [this] {
        m_job->cancel();
        m_stopped = true;
        showStats(m_job->result(), false);
    });
}

SelectionStatsBar::~SelectionStatsBar() = default;

QString SelectionStatsBar::text() const
{
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

bool SelectionStatsBar::isCounting() const
{
    return m_job->isRunning();
}

void SelectionStatsBar::recount()
{
    m_delay->stop();
    m_stopped = false;
    const QItemSelection selection = m_view->selectionModel()->selection();
    const int rows = m_model->rowCount();
    // A whole column goes on past the rows loaded so far, to the end of the result set.
    const bool more = m_model->moreAvailable() && !m_model->isArranged();
    QList<ColumnStatsJob::Block> blocks;
    qint64 cells = 0;
    bool toEnd = false;
    for (const QItemSelectionRange &range : selection) {
        ColumnStatsJob::Block block;
        block.firstRow = range.top();
        block.lastRow = range.bottom();
        for (int c = range.left(); c <= range.right(); ++c)
            block.columns << c;
        if (more && range.top() == 0 && range.bottom() == rows - 1) {
            block.lastRow = -1;
            toEnd = true;
        }
        cells += qint64(range.height()) * range.width();
        blocks << block;
    }
    if (cells < 2 && !toEnd) {
        m_job->cancel();
        hide();
        return;
    }
    m_job->start(blocks);
    m_label->setText(tr("Counting\u2026"));
    m_stop->show();
    QWidget::show();
}

QString SelectionStatsBar::describe(const ColumnStats &stats)
{
    const QLocale locale;
    QStringList parts;
    parts << tr("Count %1").arg(locale.toString(stats.count))
          << tr("NULL %1").arg(locale.toString(stats.nulls))
          << tr("Distinct %1").arg(locale.toString(stats.distinct));
    if (stats.hasNumbers()) {
        parts << tr("Min %1").arg(number(stats.min)) << tr("Max %1").arg(number(stats.max))
              << tr("Sum %1").arg(number(stats.sum))
              << tr("Average %1").arg(number(stats.average()));
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

void SelectionStatsBar::showStats(const ColumnStats &stats, bool counting)
{
    const QLocale locale;
    QString text = describe(stats);
    if (counting) {
        text = tr("So far, %1 rows read: %2").arg(locale.toString(m_job->rowsDone()), text);
    } else if (stats.partial) {
        const QString why = m_stopped
            ? tr("stopped after %1 rows").arg(locale.toString(m_job->rowsDone()))
            : tr("could not read every row: %1").arg(m_job->lastError().message);
        text = tr("Partial (%1): %2").arg(why, text);
    }
    m_label->setText(text);
    m_stop->setVisible(counting && m_job->isRunning());
}

} // namespace linkisdesk
