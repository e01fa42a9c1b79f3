// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace linkisdesk {

class LinkisClient;
class ResultExporter;
class ResultTableModel;

// One result set: a grid on the paged ResultTableModel (sort of the loaded rows, copy with
// headers, fit columns, NULL shown distinctly, "N rows loaded, more available"), or a read-only
// text viewer for text results; export to CSV / TSV / JSON with progress and cancel.
class ResultGrid : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultGrid)
public:
    ResultGrid(LinkisClient *client, const QString &resultSetPath, QWidget *parent = nullptr);
    ~ResultGrid() override;

    ResultTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summaryText() const;
    // Tab-separated, header line first; the selection, or every loaded row when none.
    QString copyText(bool withHeaders = true) const;
    void copyToClipboard();
    void fitColumns();
    // Ctrl+End: the last row of the whole result set, not just of the rows loaded so far.
    void goToLastRow();
    // Starts an export; the format comes from the file suffix (csv, tsv, json/jsonl).
    bool exportTo(const QString &filePath);
    ResultExporter *exporter() const { return m_exporter; }

Q_SIGNALS:
    void summaryChanged(const QString &text);

private:
    void updateSummary();
    void exportWithDialog(const QString &format);
    void refreshText();

    LinkisClient *m_client;
    QString m_path;
    ResultTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_summary;
    QProgressBar *m_exportProgress;
    QToolButton *m_cancelExport;
    ResultExporter *m_exporter = nullptr;
    bool m_fitted = false;
    bool m_wantLastRow = false;
};

} // namespace linkisdesk
