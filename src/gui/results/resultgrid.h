// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QTableView;
class QToolButton;

namespace linkisdesk {

class ChartView;
class ResultCharts;
class LinkisClient;
class ResultExporter;
class ResultTableModel;
class SelectionStatsBar;
struct CellBlock;

// One result set: a grid on the paged ResultTableModel (sort by the column's type and filter by
// a value over the whole result set when it fits the cache, with progress and cancel, and a bar
// over the grid that says what the sort or filter covers; copy; a context menu; fit columns; NULL
// shown distinctly; "N rows loaded, more available"), or a read-only text viewer for text
// results; export to CSV / TSV / JSON with progress and cancel.
class ResultGrid : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultGrid)
public:
    ResultGrid(LinkisClient *client, const QString &resultSetPath, QWidget *parent = nullptr);
    ~ResultGrid() override;

    ResultTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The widget that takes the keyboard focus: the grid, or the text viewer of a text result.
    QWidget *focusTarget() const;
    QString summaryText() const;
    // What the bar over the grid says about the sort or filter (empty when there is none).
    QString arrangeText() const;
    // Tab-separated exact values of the selection (every loaded row when none), with a header
    // line when asked. One cell without a header is just its value.
    QString copyText(bool withHeaders = true) const;
    // Ctrl+C: the selected values, without the header.
    void copyToClipboard();
    // The context menu's entries, for the cell under `index` (the current cell when invalid).
    QMenu *createContextMenu(const QModelIndex &index, QWidget *parent);
    void fitColumns();
    // Ctrl+End: the last row of the whole result set, not just of the rows loaded so far.
    void goToLastRow();
    // Starts an export; the format comes from the file suffix (csv, tsv, json/jsonl).
    bool exportTo(const QString &filePath);
    ResultExporter *exporter() const { return m_exporter; }
    // The chart of this result set instead of the grid (created when first shown).
    void showChart(bool show);
    bool isChartShown() const;
    ChartView *chartView();
    // Keeps this grid's chart (result set `index` of its job) in `charts`, which outlives the
    // grid: the chart saved there for the same columns comes back (shown if it was), and every
    // change is written back.
    void keepChartIn(ResultCharts *charts, int index);
    // The statistics line of the selected cells.
    SelectionStatsBar *selectionStats() const { return m_selectionStats; }

    // "1 row", "2 rows", "100,000 rows" (English has no plural catalogue: the singular is its
    // own source string).
    static QString rowsText(int rows);

Q_SIGNALS:
    void summaryChanged(const QString &text);

private:
    void updateSummary();
    void updateArrangeBar();
    void exportWithDialog(const QString &format);
    void refreshText();
    CellBlock selectedBlock() const;
    void filterBy(const QModelIndex &index);
    QStringList columnNames() const;
    void saveChart();

    LinkisClient *m_client;
    QString m_path;
    ResultTableModel *m_model;
    QTableView *m_view;
    QPlainTextEdit *m_text = nullptr;
    QWidget *m_arrangeBar;
    QLabel *m_arrangeNote;
    QProgressBar *m_arrangeProgress;
    QToolButton *m_cancelArrange;
    QToolButton *m_clearArrange;
    QLabel *m_summary;
    SelectionStatsBar *m_selectionStats = nullptr;
    ChartView *m_chart = nullptr;
    QToolButton *m_chartButton = nullptr;
    ResultCharts *m_charts = nullptr;
    int m_chartIndex = -1;
    QProgressBar *m_exportProgress;
    QToolButton *m_cancelExport;
    QAction *m_exportOrderNote;
    ResultExporter *m_exporter = nullptr;
    bool m_fitted = false;
    bool m_wantLastRow = false;
};

} // namespace linkisdesk
