// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace linkisdesk::bench {

// Issue 19 on the big result set: the Excel export (ResultExporter, libxlsxwriter) against
// python3's xlsxwriter over the same pages; a line chart of a million points (ChartView, a
// sample that keeps the line's shape) against every point in one QLineSeries; the statistics of
// one numeric column over every row (SelectionStatsBar / ColumnStatsJob off the UI thread)
// against reading and counting every page on the UI thread.
class ChartBench
{
public:
    ChartBench(const QUrl &url, const QString &token, const QString &resultPath, qint64 rows);

    // export_xlsx_mb_s, export_xlsx_peak_rss_mb, chart_line_1m_ms, stats_1m_ms,
    // stats_max_stall_ms and details.
    QJsonObject runOurs(const QString &workDir);
    QJsonObject runBaseline(const QString &workDir, const QString &pythonScript);

private:
    // The size of the result set as CSV, as our exporter writes it (MB), for the xlsx rate.
    double csvMb(const QString &workDir);

    QUrl m_url;
    QString m_token;
    QString m_path;
    qint64 m_rows;
};

} // namespace linkisdesk::bench
