// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricreport.h"

#include <cmath>
#include <limits>

namespace linkisdesk::bench {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? v.toDouble() : kNaN;
}

QString fmt(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    if (std::fabs(v) >= 100)
        return QString::number(v, 'f', 0);
    if (std::fabs(v) >= 10)
        return QString::number(v, 'f', 1);
    return QString::number(v, 'f', 2);
}
} // namespace

const QList<MetricReport::Spec> &MetricReport::specs()
{
    static const QList<Spec> list = {
        {"log_pipeline_ms", "ms", 400, true, "QJsonDocument + QPlainTextEdit"},
        {"log_max_stall_ms", "ms", 16, true, "naive QPlainTextEdit"},
        {"log_speedup_vs_naive", "x", 20, false, "naive = 1 (its total ms in details)"},
        {"log_bytes_ratio", "x", 1.2, true, "naive QPlainTextEdit"},
        {"log_openlog_30mb_ms", "ms", 150, true, "QJsonDocument + QPlainTextEdit"},
        {"log_filter_ms", "ms", 100, true, "naive: rebuild text of Error lines"},
        {"log_search_ms", "ms", 200, true, "QPlainTextEdit::find from the top"},
        {"grid_first_rows_ms", "ms", 300, true, "QStandardItemModel, all pages first"},
        {"grid_jump_end_ms", "ms", 500, true, "QStandardItemModel, all pages loaded"},
        {"grid_peak_rss_mb", "MB", 250, true, "QStandardItemModel, all pages loaded"},
        {"export_csv_mb_s", "MB/s", 50, false, "python3 urllib + csv, same pages"},
        {"poll_cpu_percent", "%", 5, true, "web-console poller (3 req / 5 s)"},
        {"poll_requests_per_job_minute", "req", 18, true, "web-console poller (3 req / 5 s)"},
        {"poll_done_latency_ms_p50", "ms", 300, true, "web-console poller (3 req / 5 s)"},
        {"poll_done_latency_ms_p95", "ms", 1000, true, "web-console poller (3 req / 5 s)"},
        {"cli_select1_ms_p50", "ms", 60, true, "python3 urllib script, whole process"},
        {"gateway_trivial_job_ms_p50", "ms", 15, true, "python3 urllib, in process"},
        {"gateway_open_page_ms_p50", "ms", 25, true, "python3 urllib + json.loads"},
        {"cli_million_rows_mb", "MB", 100, true, "python3 urllib + csv, peak RSS"},
        {"chart_line_1m_ms", "ms", 300, true, "every point in one QLineSeries"},
        {"stats_1m_ms", "ms", 1000, true, "every page read and counted on the UI thread"},
        {"stats_max_stall_ms", "ms", 50, true, "every page read and counted on the UI thread"},
        {"export_xlsx_mb_s", "MB/s", 20, false, "python3 xlsxwriter (constant memory), same pages"},
        {"export_xlsx_peak_rss_mb", "MB", 150, true, "python3 xlsxwriter, peak RSS"},
        {"meta_tables_paint_ms", "ms", 150, true, "QStandardItemModel + QSortFilterProxyModel"},
        {"meta_filter_ms", "ms", 30, true, "QSortFilterProxyModel, recursive filter"},
        {"complete_popup_ms", "ms", 30, true, "QSortFilterProxyModel over 200,000 names"},
        {"meta_rss_mb", "MB", 40, true, "QStandardItemModel with every name"},
        {"engine_warm_python_ms_p50", "ms", 40, true, "a cold python process per job"},
    };
    return list;
}

MetricReport::MetricReport(const QJsonObject &ours, const QJsonObject &baseline,
                           const QStringList &groups)
    : m_ours(ours)
    , m_base(baseline)
    , m_groups(groups)
{ }

QString MetricReport::groupOf(const QString &metric)
{
    if (metric.startsWith(u"log_"))
        return QStringLiteral("log");
    if (metric.startsWith(u"chart_") || metric.startsWith(u"stats_") ||
        metric.startsWith(u"export_xlsx"))
        return QStringLiteral("chart");
    if (metric.startsWith(u"grid_") || metric.startsWith(u"export_"))
        return QStringLiteral("grid");
    if (metric.startsWith(u"poll_"))
        return QStringLiteral("poll");
    if (metric.startsWith(u"meta_") || metric.startsWith(u"complete_"))
        return QStringLiteral("meta");
    if (metric.startsWith(u"engine_"))
        return QStringLiteral("engine");
    return QStringLiteral("cli");
}

double MetricReport::value(const QString &name) const
{
    if (name == u"log_speedup_vs_naive") {
        const double naive = number(m_base, QStringLiteral("log_total_ms"));
        const double ours = number(m_ours, QStringLiteral("log_total_ms"));
        return ours > 0 ? naive / ours : kNaN;
    }
    return number(m_ours, name);
}

double MetricReport::baselineValue(const QString &name) const
{
    if (name == u"log_speedup_vs_naive")
        return m_base.contains(QStringLiteral("log_total_ms")) ? 1.0 : kNaN;
    return number(m_base, name);
}

bool MetricReport::meets(const Spec &spec, double value)
{
    if (!std::isfinite(value))
        return false;
    return spec.lowerIsBetter ? value <= spec.target : value >= spec.target;
}

QJsonObject MetricReport::json() const
{
    QJsonObject o;
    for (const Spec &s : specs()) {
        const double v = value(QLatin1String(s.name));
        o.insert(QLatin1String(s.name), std::isfinite(v) ? v : -1.0);
    }
    return o;
}

QString MetricReport::table() const
{
    QString out;
    out += QStringLiteral("%1 %2 %3 %4 %5  %6\n")
               .arg(QStringLiteral("metric"), -30)
               .arg(QStringLiteral("ours"), 10)
               .arg(QStringLiteral("target"), 10)
               .arg(QStringLiteral("met"), 4)
               .arg(QStringLiteral("baseline"), 10)
               .arg(QStringLiteral("baseline is"));
    out += QString(100, u'-') + u'\n';
    for (const Spec &s : specs()) {
        if (!m_groups.contains(groupOf(QLatin1String(s.name))))
            continue; // not run (--only)
        const double v = value(QLatin1String(s.name));
        const QString target =
            QStringLiteral("%1 %2 %3")
                .arg(s.lowerIsBetter ? QStringLiteral("<=") : QStringLiteral(">="))
                .arg(fmt(s.target))
                .arg(QLatin1String(s.unit));
        out += QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                   .arg(QLatin1String(s.name), -30)
                   .arg(fmt(v), 10)
                   .arg(target, 10)
                   .arg(meets(s, v) ? QStringLiteral("yes") : QStringLiteral("NO"), 4)
                   .arg(fmt(baselineValue(QLatin1String(s.name))), 10)
                   .arg(QLatin1String(s.baseline));
    }
    return out;
}

QStringList MetricReport::problems() const
{
    QStringList p;
    for (const Spec &s : specs()) {
        if (!m_groups.contains(groupOf(QLatin1String(s.name))))
            continue;
        const double v = value(QLatin1String(s.name));
        if (!std::isfinite(v) || v <= 0)
            p << QStringLiteral("%1 = %2 (expected a finite number > 0)")
                     .arg(QLatin1String(s.name), fmt(v));
        const double b = baselineValue(QLatin1String(s.name));
        if (!std::isfinite(b) || b <= 0)
            p << QStringLiteral("baseline of %1 = %2").arg(QLatin1String(s.name), fmt(b));
    }
    auto ran = [this](const char *group) { return m_groups.contains(QLatin1String(group)); };
    if (ran("log") && number(m_ours, QStringLiteral("log_search_found")) != 1.0)
        p << QStringLiteral("the log search did not land on the needle line");
    if (ran("log") &&
        number(m_ours, QStringLiteral("log_lines_stored")) !=
            number(m_ours, QStringLiteral("log_lines")))
        p << QStringLiteral("the log panel does not hold every line");
    if (ran("log") && number(m_ours, QStringLiteral("log_openlog_lines_stored")) != 1.0)
        p << QStringLiteral("the openLog panel does not hold every line");
    if (ran("cli") && number(m_ours, QStringLiteral("cli_select1_ok")) != 1.0)
        p << QStringLiteral("a linkis-desk-cli select 1 run failed");
    if (ran("grid") &&
        number(m_ours, QStringLiteral("export_rows")) !=
            number(m_ours, QStringLiteral("grid_rows_expected")))
        p << QStringLiteral("the export did not write every row");
    if (ran("meta") &&
        number(m_ours, QStringLiteral("meta_tables_rows")) !=
            number(m_ours, QStringLiteral("meta_tables_expected")))
        p << QStringLiteral("the Database dock does not show every table");
    if (ran("meta") && number(m_ours, QStringLiteral("complete_alias_items")) != 20.0)
        p << QStringLiteral("the alias completion did not offer the table's 20 columns");
    if (ran("engine") && number(m_ours, QStringLiteral("engine_jobs_ok")) != 1.0)
        p << QStringLiteral("a print(1) job in the python engine did not succeed");
    if (ran("engine") && number(m_base, QStringLiteral("engine_jobs_ok")) != 1.0)
        p << QStringLiteral("a print(1) job in a cold python process did not succeed");
    return p;
}

} // namespace linkisdesk::bench
