// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace linkisdesk::bench {

// The result grid benchmarks on a big result set already produced by the gateway: the real
// ResultGrid (paged ResultTableModel, core ResultExporter) or, as the baseline, a naive
// QStandardItemModel that loads every page before showing anything, plus a Python
// urllib + csv export of the same pages.
class GridBench
{
public:
    GridBench(const QUrl &url, const QString &token, const QString &resultPath, qint64 rows);

    // grid_first_rows_ms, grid_jump_end_ms, grid_jump_presses, grid_peak_rss_mb,
    // export_csv_mb_s, export_csv_mb, export_ms
    QJsonObject runOurs(const QString &workDir);
    QJsonObject runNaive(const QString &workDir, const QString &pythonScript);

private:
    QUrl m_url;
    QString m_token;
    QString m_path;
    qint64 m_rows;
};

} // namespace linkisdesk::bench
