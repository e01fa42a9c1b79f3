// SPDX-License-Identifier: GPL-3.0-or-later
// Charts of result sets: the aggregation and the downsampling against known data (buildChart,
// downsampleLttb, ChartTable's dates), and the chart view against the real gateway: a bar chart
// of demo_sales by region with its five bars and names, exported as PNG and SVG.
#include "api/linkisclient.h"
#include "charts/chartbuilder.h"
#include "charts/chartdatajob.h"
#include "charts/chartview.h"
#include "charts/resultcharts.h"
#include "jobs/jobtracker.h"
#include "results/isodate.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"
#include "testgateway.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN();

ChartTable numericTable(std::vector<double> x, std::vector<double> y)
{
    ChartTable t(0, {1}, ColumnKind::Integer);
    t.columnNames = {QStringLiteral("x"), QStringLiteral("y")};
    t.rows = qint64(x.size());
    t.x = std::move(x);
    t.y = {std::move(y)};
    return t;
}

} // namespace

class TestChartView : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_client;

    QString run(const QString &code)
    {
        JobTracker tracker(m_client.get(), QStringLiteral("test"));
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest request;
        request.code = code;
        request.engineType = QStringLiteral("sqlite");
        request.runType = QStringLiteral("sql");
        tracker.submit(request);
        for (int i = 0; i < 600 && finished.isEmpty(); ++i)
            finished.wait(100);
        return tracker.status() == JobStatus::Succeed && !tracker.resultSets().isEmpty()
            ? tracker.resultSets().first().path
            : QString();
    }

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
        m_client = std::make_unique<LinkisClient>(
            m_gateway->settings(ConnectionSettings::AuthMode::Token));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_gateway.reset();
    }

    void repeatedXValuesAreAggregated()
    {
        // x unsorted with repeats; one NULL y and one NULL x.
        const ChartTable t =
            numericTable({3, 1, 3, 2, 1, kNull, 3}, {10, 5, 20, 7, kNull, 100, 30});
        ChartSpec spec;
        spec.kind = ChartSpec::Kind::Line;
        spec.yColumns = {1};
        auto points = [&](ChartSpec::Aggregation a) {
            spec.aggregation = a;
            return buildChart(t, spec).series.value(0);
        };
        using A = ChartSpec::Aggregation;
        QCOMPARE(points(A::Sum),
                 (QList<QPointF> {{1, 5}, {2, 7}, {3, 60}})); // the NULL x row is not drawn
        QCOMPARE(points(A::Average), (QList<QPointF> {{1, 5}, {2, 7}, {3, 20}}));
        QCOMPARE(points(A::Count), (QList<QPointF> {{1, 1}, {2, 1}, {3, 3}})); // NULL y not counted
        QCOMPARE(points(A::Min), (QList<QPointF> {{1, 5}, {2, 7}, {3, 10}}));
        QCOMPARE(points(A::Max), (QList<QPointF> {{1, 5}, {2, 7}, {3, 30}}));
        const ChartData data = buildChart(t, spec);
        QCOMPARE(data.groups, 3);
        QCOMPARE(data.rows, 7);
        QVERIFY(!data.sampled);
        QCOMPARE(data.xTitle, QStringLiteral("x"));
        QCOMPARE(data.seriesNames, QStringList {QStringLiteral("y")});
        // The same numbers as bars: categories named by the values, in ascending order.
        spec.kind = ChartSpec::Kind::Bar;
        spec.aggregation = A::Sum;
        const ChartData bars = buildChart(t, spec);
        QVERIFY(bars.categorical);
        QCOMPARE(bars.categories,
                 (QStringList {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(bars.series.value(0), (QList<QPointF> {{0, 5}, {1, 7}, {2, 60}}));
    }

    void textCategoriesKeepTheirOrderAndNullIsOne()
    {
        ChartTable t(0, {1}, ColumnKind::Text);
        ResultPage page;
        page.columns = {{QStringLiteral("region"), QStringLiteral("string"), {}},
                        {QStringLiteral("amount"), QStringLiteral("double"), {}}};
        page.rows = {{QStringLiteral("West"), QStringLiteral("1.5")},
                     {QStringLiteral("East"), QStringLiteral("2")},
                     {QStringLiteral("West"), QStringLiteral("oops")},
                     {QString(), QStringLiteral("4")},
                     {QStringLiteral("East"), QStringLiteral("3")}};
        page.nulls = {{}, {}, {}, QBitArray(2), {}};
        page.nulls[3].setBit(0);
        t.append(PackedPage::fromPage(page), {ColumnKind::Text, ColumnKind::Real});
        ChartSpec spec;
        spec.yColumns = {1};
        const ChartData data = buildChart(t, spec);
        QCOMPARE(
            data.categories,
            (QStringList {QStringLiteral("West"), QStringLiteral("East"), QStringLiteral("NULL")}));
        // "oops" is no number: West's sum is 1.5 alone.
        QCOMPARE(data.series.value(0), (QList<QPointF> {{0, 1.5}, {1, 5}, {2, 4}}));
        QCOMPARE(data.seriesNames, QStringList {QStringLiteral("amount")});
        QCOMPARE(data.xTitle, QStringLiteral("region"));

        // Appending a second page maps its categories onto the first one's.
        ChartTable more(0, {1}, ColumnKind::Text);
        page.rows = {{QStringLiteral("North"), QStringLiteral("1")},
                     {QStringLiteral("East"), QStringLiteral("1")}};
        page.nulls = {{}, {}};
        more.append(PackedPage::fromPage(page), {ColumnKind::Text, ColumnKind::Real});
        t.append(std::move(more));
        QCOMPARE(t.rows, 7);
        QCOMPARE(buildChart(t, spec).categories,
                 (QStringList {QStringLiteral("West"), QStringLiteral("East"),
                               QStringLiteral("North"), QStringLiteral("NULL")}));

        // A pie of many categories: the largest ones and "Other".
        ChartTable many(0, {1}, ColumnKind::Text);
        for (int i = 0; i < 20; ++i) {
            many.categories << QString::number(i);
            many.xCategory.push_back(i);
        }
        many.y = {{}};
        for (int i = 0; i < 20; ++i)
            many.y[0].push_back(double(i + 1));
        many.rows = 20;
        spec.kind = ChartSpec::Kind::Pie;
        const ChartData pie = buildChart(many, spec, 2000, 200, 5);
        QCOMPARE(pie.categories,
                 (QStringList {QStringLiteral("19"), QStringLiteral("18"), QStringLiteral("17"),
                               QStringLiteral("16"), QStringLiteral("Other")}));
        QCOMPARE(pie.series.value(0).last().y(), double(16 * 17 / 2)); // 1 + ... + 16
        QVERIFY(pie.categoriesCut);
    }

    void longLinesAreSampledKeepingTheEndsAndTheSpikes()
    {
        std::vector<double> x, y;
        for (int i = 0; i < 100000; ++i) {
            x.push_back(i);
            y.push_back(i == 61234 ? 1000.0 : std::sin(i / 1000.0));
        }
        ChartSpec spec;
        spec.kind = ChartSpec::Kind::Line;
        spec.yColumns = {1};
        const ChartData data = buildChart(numericTable(x, y), spec, 500);
        QVERIFY(data.sampled);
        QCOMPARE(data.groups, 100000);
        const QList<QPointF> points = data.series.value(0);
        QCOMPARE(points.size(), 500);
        QCOMPARE(points.first(), QPointF(0, 0));
        QCOMPARE(points.last().x(), 99999.0); // never by dropping the end
        QVERIFY(points.contains(QPointF(61234, 1000)));
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY(points.at(i).x() > points.at(i - 1).x());
        // Short lines are drawn whole.
        QCOMPARE(downsampleLttb({{0, 1}, {1, 2}, {2, 3}}, 500).size(), 3);
    }

    void datesAreMillisecondsUtc()
    {
        QCOMPARE(parseIsoDateMs("1970-01-02"), 86400000.0);
        QCOMPARE(parseIsoDateMs("2024-03-05"),
                 double(QDateTime(QDate(2024, 3, 5), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()));
        QCOMPARE(
            parseIsoDateMs("2024-03-05 12:34:56.789"),
            double(
                QDateTime(QDate(2024, 3, 5), QTime(12, 34, 56, 789), Qt::UTC).toMSecsSinceEpoch()));
        QVERIFY(std::isnan(parseIsoDateMs("05/03/2024")));
        QVERIFY(std::isnan(parseIsoDateMs("2024-13-05")));
        ChartSpec spec;
        spec.kind = ChartSpec::Kind::Area;
        spec.xColumn = 2;
        spec.yColumns = {0, 3};
        spec.aggregation = ChartSpec::Aggregation::Max;
        QCOMPARE(ChartSpec::fromJson(spec.toJson()), spec);
        QCOMPARE(ChartSpec::fromJson({}), ChartSpec());
    }

    void barChartOfSalesByRegionExportsPngAndSvg()
    {
        const QString path =
            run(QStringLiteral("select region, sum(amount) from demo_sales group by region"));
        QVERIFY(!path.isEmpty());
        ResultGrid grid(m_client.get(), path);
        grid.resize(900, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QTRY_VERIFY_WITH_TIMEOUT(grid.model()->headerKnown(), 20000);
        auto *button = grid.findChild<QToolButton *>(QStringLiteral("showChart"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(grid.isChartShown());
        ChartView *view = grid.chartView();
        QSignalSpy shown(view, &ChartView::chartShown);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        QCOMPARE(view->spec().kind, ChartSpec::Kind::Bar);
        QCOMPARE(view->spec().xColumn, 0);
        QCOMPARE(view->spec().yColumns, QList<int> {1});

        QChart *chart = view->chartView()->chart();
        QCOMPARE(chart->series().size(), 1);
        auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        QCOMPARE(bars->barSets().first()->count(), 5);
        auto *x = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QStringList regions = x->categories();
        regions.sort();
        QCOMPARE(regions,
                 (QStringList {QStringLiteral("Central"), QStringLiteral("East"),
                               QStringLiteral("North"), QStringLiteral("South"),
                               QStringLiteral("West")}));
        QCOMPARE(x->titleText(), QStringLiteral("region"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(bars->barSets().first()->at(i) > 0);

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(view->exportImage(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300 && image.height() > 200);
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(view->exportImage(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Central"));
        QVERIFY(!view->exportImage(dir.filePath(QStringLiteral("chart.bmpx"))));

        // Line: the x column is text, so the categories stay on x; the spec says so.
        view->setSpec([&] {
            ChartSpec s = view->spec();
            s.kind = ChartSpec::Kind::Line;
            return s;
        }());
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 20000);
        QVERIFY(view->data().categorical);
        QCOMPARE(view->data().series.value(0).size(), 5);
    }

    void resultChartsRoundTripAndMatchTheirColumns()
    {
        ResultCharts charts;
        ChartSpec pie;
        pie.kind = ChartSpec::Kind::Pie;
        pie.yColumns = {1};
        pie.aggregation = ChartSpec::Aggregation::Max;
        const QStringList columns {QStringLiteral("region"), QStringLiteral("total")};
        charts.set(0, {pie, columns, true});
        charts.set(ResultCharts::kMaxResultSets, {pie, columns, true}); // not remembered
        charts.set(-1, {pie, columns, true});
        QCOMPARE(ResultCharts::fromJson(charts.toJson()), charts);
        QCOMPARE(charts.toJson().size(), 1);
        QVERIFY(charts.entryFor(0, columns).has_value());
        QCOMPARE(charts.entryFor(0, columns)->spec, pie);
        QVERIFY(charts.entryFor(0, columns)->shown);
        // Other columns (the query changed) or another result set: no saved chart.
        QVERIFY(!charts.entryFor(0, {QStringLiteral("region"), QStringLiteral("n")}).has_value());
        QVERIFY(!charts.entryFor(1, columns).has_value());

        // A session file edited by hand or cut short: what can be read is kept.
        QJsonArray mangled = charts.toJson();
        mangled.prepend(QJsonValue(5));
        mangled.prepend(QJsonObject {{QStringLiteral("result"), QStringLiteral("zero")}});
        mangled.append(QJsonObject {{QStringLiteral("result"), 2}});
        QCOMPARE(ResultCharts::fromJson(mangled), charts);
    }

    void aChartComesBackWhenTheScriptRunsAgain()
    {
        const QString sql =
            QStringLiteral("select region, sum(amount) from demo_sales group by region");
        ResultCharts charts;
        {
            ResultGrid grid(m_client.get(), run(sql));
            grid.keepChartIn(&charts, 0);
            grid.resize(900, 600);
            grid.show();
            QVERIFY(QTest::qWaitForWindowExposed(&grid));
            QTRY_VERIFY_WITH_TIMEOUT(grid.model()->headerKnown(), 20000);
            QVERIFY(charts.isEmpty()); // a grid never charted saves nothing
            QTest::mouseClick(grid.findChild<QToolButton *>(QStringLiteral("showChart")),
                              Qt::LeftButton);
            QVERIFY(grid.isChartShown());
            // The user picks Pie in the kind box.
            auto *kind = grid.chartView()->findChild<QComboBox *>(QStringLiteral("chartKind"));
            QVERIFY(kind);
            const int pieIndex = kind->findData(int(ChartSpec::Kind::Pie));
            QVERIFY(pieIndex >= 0);
            kind->setCurrentIndex(pieIndex);
            Q_EMIT kind->activated(pieIndex);
            QCOMPARE(grid.chartView()->spec().kind, ChartSpec::Kind::Pie);
        }
        const QStringList columns {QStringLiteral("region"), QStringLiteral("sum(amount)")};
        QVERIFY(charts.entryFor(0, columns).has_value());
        QVERIFY(charts.entryFor(0, columns)->shown);

        // Saved with the session and read back; the same script runs again.
        ResultCharts restored = ResultCharts::fromJson(charts.toJson());
        ResultGrid again(m_client.get(), run(sql));
        again.keepChartIn(&restored, 0);
        again.resize(900, 600);
        again.show();
        QTRY_VERIFY_WITH_TIMEOUT(again.isChartShown(), 20000);
        QCOMPARE(again.chartView()->spec().kind, ChartSpec::Kind::Pie);
        QSignalSpy shown(again.chartView(), &ChartView::chartShown);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() || again.chartView()->data().series.size() > 0,
                                 20000);
        // Back to the grid: that is remembered too.
        QTest::mouseClick(again.findChild<QToolButton *>(QStringLiteral("showChart")),
                          Qt::LeftButton);
        QVERIFY(!again.isChartShown());
        QVERIFY(!restored.entryFor(0, columns)->shown);

        // Another query (other columns): the grid, not a chart of the wrong columns.
        ResultGrid other(
            m_client.get(),
            run(QStringLiteral("select region, count(*) as n from demo_sales group by region")));
        other.keepChartIn(&charts, 0);
        QTRY_VERIFY_WITH_TIMEOUT(other.model()->headerKnown(), 20000);
        QVERIFY(!other.isChartShown());
    }
};

QTEST_MAIN(TestChartView)
#include "tst_chartview.moc"
