// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/columnstats.h"

#include <QWidget>

class QItemSelection;
class QLabel;
class QTableView;
class QTimer;
class QToolButton;

namespace linkisdesk {

class ColumnStatsJob;
class ResultTableModel;

// The grid's statistics line: count, NULLs, distinct values and, for numbers, min, max, sum and
// average of the selected cells (two or more, or a whole column). A whole column covers the
// whole result set, also the rows not loaded yet; the counting runs off the UI thread
// (ColumnStatsJob) and the line says "so far" while it reads, with a button to stop, and
// "partial" when it stopped or could not read every row.
class SelectionStatsBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionStatsBar)
public:
    SelectionStatsBar(ResultTableModel *model, QTableView *view, QWidget *parent = nullptr);
    ~SelectionStatsBar() override;

    QString text() const;
    ColumnStatsJob *job() const { return m_job; }
    bool isCounting() const;
    // Counts the current selection now (selection changes are gathered for a moment first).
    void recount();

    // "Count 6 · NULL 1 · Distinct 5 · Min 1 · Max 20 · Sum 36 · Average 7.2".
    static QString describe(const ColumnStats &stats);

private:
    void showStats(const ColumnStats &stats, bool counting);

    ResultTableModel *m_model;
    QTableView *m_view;
    ColumnStatsJob *m_job;
    QLabel *m_label;
    QToolButton *m_stop;
    QTimer *m_delay;
    bool m_stopped = false;
};

} // namespace linkisdesk
