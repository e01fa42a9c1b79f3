// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartbench.h"

#include "benchaccount.h"
#include "benchutil.h"
#include "childprocess.h"
#include "paintwatcher.h"
#include "stallprobe.h"

#include "api/linkisclient.h"
#include "charts/chartdatajob.h"
#include "charts/chartview.h"
#include "results/columnstats.h"
#include "results/columnstatsjob.h"
#include "results/resultexporter.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"
#include "results/selectionstatsbar.h"

#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineSeries>
#include <QSet>
#include <QTableView>
#include <QValueAxis>
#include <QWindow>

namespace linkisdesk::bench {

namespace {

constexpr int kIdColumn = 0; // x AS id: 1 .. rows
constexpr int kAmountColumn = 3; // x * 0.25 AS amount

bool showAndExpose(QWidget *w)
{
    w->resize(1000, 600);
    w->show();
    return waitUntil([w] { return w->windowHandle() && w->windowHandle()->isExposed(); }, 5000);
}

// Exports the set and waits; milliseconds, or -1.
double exportTo(LinkisClient *client, const QString &path, const QString &file, RowFormat format)
{
    ResultExporter exporter(client);
    bool done = false;
    bool ok = false;
    QObject::connect(&exporter, &ResultExporter::finished, [&] { done = ok = true; });
    QObject::connect(&exporter, &ResultExporter::failed, [&] { done = true; });
    QElapsedTimer clock;
    clock.start();
    exporter.start(path, file, format);
    waitUntil([&] { return done; }, 600000);
    return ok ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

} // namespace

ChartBench::ChartBench(const QUrl &url, const QString &token, const QString &resultPath,
                       qint64 rows)
    : m_url(url)
    , m_token(token)
    , m_path(resultPath)
    , m_rows(rows)
{ }

double ChartBench::csvMb(const QString &workDir)
{
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    const QString file = workDir + QStringLiteral("/size.csv");
    exportTo(&client, m_path, file, RowFormat::Csv);
    const double mb = double(QFileInfo(file).size()) / 1e6;
    QFile::remove(file);
    return mb;
}

QJsonObject ChartBench::runOurs(const QString &workDir)
{
    QJsonObject o;
    LinkisClient client(BenchAccount::settings(m_url, m_token));

    // 1. Excel export first, so its peak memory is its own.
    {
        trimHeap();
        resetPeakRss();
        const QString file = workDir + QStringLiteral("/export.xlsx");
        const double ms = exportTo(&client, m_path, file, RowFormat::Xlsx);
        o.insert(QStringLiteral("export_xlsx_peak_rss_mb"), double(peakRssKb()) / 1024.0);
        const double csv = csvMb(workDir);
        if (ms > 0 && csv > 0) {
            o.insert(QStringLiteral("export_xlsx_ms"), ms);
            o.insert(QStringLiteral("export_xlsx_file_mb"), double(QFileInfo(file).size()) / 1e6);
            o.insert(QStringLiteral("export_xlsx_csv_mb"), csv);
            o.insert(QStringLiteral("export_xlsx_mb_s"), csv / (ms / 1000.0));
        }
        QFile::remove(file);
    }

    QWidget window;
    if (!showAndExpose(&window))
        return o;
    auto *grid = new ResultGrid(&client, m_path, &window);
    grid->resize(window.size());
    grid->show();
    ResultTableModel *model = grid->model();
    waitUntil([model] { return model->rowCount() > 0 && !model->isLoading(); }, 60000);

    // 2. Statistics of the amount column over every row (the grid has one page loaded).
    {
        SelectionStatsBar *stats = grid->selectionStats();
        StallProbe stall;
        stall.start();
        QElapsedTimer clock;
        clock.start();
        grid->view()->selectColumn(kAmountColumn);
        stats->recount();
        waitUntil([stats] { return !stats->isCounting(); }, 120000);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        stall.stop();
        const ColumnStats s = stats->job()->result();
        if (!stats->isCounting() && s.count == m_rows && !s.partial) {
            o.insert(QStringLiteral("stats_1m_ms"), ms);
            o.insert(QStringLiteral("stats_max_stall_ms"), stall.maxGapMs());
            o.insert(QStringLiteral("stats_sum"), s.sum);
            o.insert(QStringLiteral("stats_distinct"), double(s.distinct));
        }
    }

    // 3. The chart: amount by id. Reading the two columns and the first chart (a scatter), then
    // choosing Line: from the choice to the first paint of the line.
    {
        grid->showChart(true);
        ChartView *chart = grid->chartView();
        int shown = 0;
        QObject::connect(chart, &ChartView::chartShown, [&shown] { ++shown; });
        StallProbe stall;
        stall.start();
        QElapsedTimer clock;
        clock.start();
        ChartSpec spec;
        spec.kind = ChartSpec::Kind::Scatter;
        spec.xColumn = kIdColumn;
        spec.yColumns = {kAmountColumn};
        chart->setSpec(spec);
        waitUntil([&shown] { return shown > 0; }, 300000);
        stall.stop();
        o.insert(QStringLiteral("chart_read_and_first_1m_ms"), double(clock.nsecsElapsed()) / 1e6);
        o.insert(QStringLiteral("chart_read_max_stall_ms"), stall.maxGapMs());

        QWidget *viewport = chart->chartView()->viewport();
        PaintWatcher painted(viewport);
        painted.arm([chart] {
            const QList<QAbstractSeries *> series = chart->chartView()->chart()->series();
            return !series.isEmpty() && qobject_cast<QLineSeries *>(series.first()) &&
                !chart->isBusy();
        });
        spec.kind = ChartSpec::Kind::Line;
        chart->setSpec(spec);
        waitUntil([&painted] { return painted.done(); }, 60000);
        if (painted.done() && chart->data().rows == m_rows) {
            o.insert(QStringLiteral("chart_line_1m_ms"), painted.doneMs());
            o.insert(QStringLiteral("chart_line_points_drawn"),
                     double(chart->data().series.value(0).size()));
        }
    }
    o.insert(QStringLiteral("chart_group_peak_rss_mb"), double(peakRssKb()) / 1024.0);
    delete grid;
    return o;
}

QJsonObject ChartBench::runBaseline(const QString &workDir, const QString &pythonScript)
{
    QJsonObject o;
    LinkisClient client(BenchAccount::settings(m_url, m_token));

    // 1. python3 + xlsxwriter (constant memory) over the same pages.
    {
        const QString file = workDir + QStringLiteral("/export-python.xlsx");
        const ChildProcess::Outcome py =
            ChildProcess::run(QStringLiteral("python3"),
                              {pythonScript, m_url.toString(), m_token, BenchAccount::user(),
                               QStringLiteral("xlsx"), m_path, file});
        const double csv = csvMb(workDir);
        if (py.exitCode == 0 && QFileInfo(file).size() > 0 && csv > 0) {
            o.insert(QStringLiteral("export_xlsx_mb_s"), csv / (py.wallMs / 1000.0));
            o.insert(QStringLiteral("export_xlsx_ms"), py.wallMs);
            o.insert(QStringLiteral("export_xlsx_peak_rss_mb"), py.maxRssMb);
        }
        QFile::remove(file);
    }

    // 2. Every page read (parsed on the UI thread by openFile's callback) and counted there.
    {
        StallProbe stall;
        stall.start();
        QElapsedTimer clock;
        clock.start();
        ColumnStatsAccumulator acc;
        acc.addColumnKind(ColumnKind::Real);
        int page = 1;
        bool done = false;
        std::function<void()> next = [&] {
            client.openFile(m_path, page, 25000, &client, [&](Result<ResultPage> r) {
                if (!r || r->rows.isEmpty()) {
                    done = true;
                    return;
                }
                for (int i = 0; i < r->rows.size(); ++i) {
                    if (r->isNull(i, kAmountColumn))
                        acc.addNull();
                    else
                        acc.add(ColumnKind::Real, QStringView(r->rows.at(i).at(kAmountColumn)));
                }
                ++page;
                next();
            });
        };
        next();
        waitUntil([&done] { return done; }, 600000);
        stall.stop();
        if (acc.result().count == m_rows) {
            o.insert(QStringLiteral("stats_1m_ms"), double(clock.nsecsElapsed()) / 1e6);
            o.insert(QStringLiteral("stats_max_stall_ms"), stall.maxGapMs());
        }
    }

    // 3. The same two columns read (not timed), then every point in one QLineSeries.
    ChartDataJob job(&client);
    bool read = false;
    QObject::connect(&job, &ChartDataJob::finished, [&read] { read = true; });
    QList<ColumnKind> kinds(10, ColumnKind::Text);
    kinds[kIdColumn] = ColumnKind::Integer;
    kinds[kAmountColumn] = ColumnKind::Real;
    job.start(m_path, kIdColumn, {kAmountColumn}, kinds);
    waitUntil([&read] { return read; }, 300000);
    const std::shared_ptr<const ChartTable> table = job.table();
    if (!read || !table || table->rows != m_rows)
        return o;
    QList<QPointF> points;
    points.reserve(qsizetype(table->rows));
    for (size_t i = 0; i < table->x.size(); ++i)
        points.append(QPointF(table->x[i], table->y[0][i]));
    QChartView view;
    if (!showAndExpose(&view))
        return o;
    PaintWatcher painted(view.viewport());
    painted.arm([&view] { return !view.chart()->series().isEmpty(); });
    QElapsedTimer clock;
    clock.start();
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *line = new QLineSeries;
    line->replace(points);
    chart->addSeries(line);
    chart->createDefaultAxes();
    QChart *old = view.chart();
    view.setChart(chart);
    delete old;
    waitUntil([&painted] { return painted.done(); }, 600000);
    if (painted.done())
        o.insert(QStringLiteral("chart_line_1m_ms"), painted.doneMs());
    return o;
}

} // namespace linkisdesk::bench
