// SPDX-License-Identifier: GPL-3.0-or-later
// ResultGrid against the real gateway, offscreen: Ctrl+C copies the value only, the context menu
// (copy value / with header / CSV / INSERT, filter by value), sorting by a header click over the
// whole result with the bar that says what it covers, "1 row".
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "results/columnstatsjob.h"
#include "results/resultexporter.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"
#include "results/selectionstatsbar.h"
#include "testgateway.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

class TestResultGrid : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_client;
    QString m_sales; // amount (double), quantity (long): 6 rows, one of them NULLs
    QString m_one; // one row
    QString m_big; // i = 1 .. 12345

    QList<ResultSetRef> run(const QString &code)
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
        return tracker.status() == JobStatus::Succeed ? tracker.resultSets()
                                                      : QList<ResultSetRef>();
    }

    // A shown grid with every row of a small result read.
    std::unique_ptr<ResultGrid> grid(const QString &path)
    {
        auto g = std::make_unique<ResultGrid>(m_client.get(), path);
        g->resize(700, 400);
        g->show();
        if (!QTest::qWaitForWindowExposed(g.get()))
            return nullptr;
        return g;
    }

    static void click(ResultGrid *g, int column)
    {
        QHeaderView *header = g->view()->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    }

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
        m_client = std::make_unique<LinkisClient>(
            m_gateway->settings(ConnectionSettings::AuthMode::Token));
        const auto sets =
            run(QStringLiteral("select 9996.0 as amount, 1 as quantity union all select 999.6, 10 "
                               "union all select 26400.0, 2 union all select null, null union all "
                               "select 9975.0, 20 union all select 63499068.3999998, 3;\n"
                               "select 'o' as other;\n"
                               "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                               "WHERE i < 12345) SELECT i FROM c;"));
        QCOMPARE(sets.size(), 3);
        m_sales = sets.at(0).path;
        m_one = sets.at(1).path;
        m_big = sets.at(2).path;
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_gateway.reset();
    }

    void oneRowIsSingular()
    {
        auto g = grid(m_one);
        QVERIFY(g);
        QTRY_COMPARE_WITH_TIMEOUT(g->summaryText(), QStringLiteral("1 row"), 20000);
        QCOMPARE(ResultGrid::rowsText(2), QStringLiteral("2 rows"));
    }

    void ctrlCCopiesTheValueOnly()
    {
        auto g = grid(m_sales);
        QVERIFY(g);
        QTRY_COMPARE_WITH_TIMEOUT(g->model()->rowCount(), 6, 20000);
        QTableView *view = g->view();
        view->setFocus();
        view->setCurrentIndex(g->model()->index(5, 0));
        QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("63499068.4"));
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        // No header line, and the exact value rather than the rounded display.
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("63499068.3999998"));
        // Two cells: values only, tab-separated.
        view->selectionModel()->select(g->model()->index(5, 1), QItemSelectionModel::Select);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("63499068.3999998\t3\n"));
    }

    void contextMenuCopiesAndFilters()
    {
        auto g = grid(m_sales);
        QVERIFY(g);
        QTRY_COMPARE_WITH_TIMEOUT(g->model()->rowCount(), 6, 20000);
        QTableView *view = g->view();
        const QModelIndex cell = g->model()->index(1, 0); // 999.6
        view->selectionModel()->setCurrentIndex(cell, QItemSelectionModel::ClearAndSelect);

        // The menu opens on a right click (customContextMenuRequested) on the grid.
        emit view->customContextMenuRequested(view->visualRect(cell).center());
        QMenu *shown = nullptr;
        QTRY_VERIFY((shown = g->findChild<QMenu *>(QStringLiteral("resultGridMenu"))) &&
                    shown->isVisible());
        shown->close();

        std::unique_ptr<QMenu> menu(g->createContextMenu(cell, nullptr));
        auto action = [&menu](const char *name) {
            return menu->findChild<QAction *>(QLatin1String(name));
        };
        for (const char *name :
             {"copyValue", "copyWithHeader", "copyAsCsv", "copyAsInsert", "filterByValue"})
            QVERIFY2(action(name) && action(name)->isEnabled(), name);
        action("copyValue")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("999.6"));
        action("copyWithHeader")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("amount\n999.6\n"));
        view->selectionModel()->select(g->model()->index(1, 1), QItemSelectionModel::Select);
        action("copyAsCsv")->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("amount,quantity\r\n999.6,10\r\n"));
        action("copyAsInsert")->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("INSERT INTO result (amount, quantity) VALUES\n  (999.6, 10);\n"));

        // Filter by this value: the exact value of the cell, one row; the bar says so.
        action("filterByValue")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(g->model()->isArranged() && !g->model()->isArranging(), 20000);
        QCOMPARE(g->model()->rowCount(), 1);
        QCOMPARE(g->summaryText(), QStringLiteral("1 row"));
        QVERIFY2(g->arrangeText().contains(QStringLiteral("amount = 999.6")),
                 qPrintable(g->arrangeText()));
        std::unique_ptr<QMenu> again(g->createContextMenu(g->model()->index(0, 0), nullptr));
        QAction *clear = again->findChild<QAction *>(QStringLiteral("clearFilter"));
        QVERIFY(clear);
        clear->trigger();
        QCOMPARE(g->model()->rowCount(), 6);
        QVERIFY(g->arrangeText().isEmpty());
    }

    void headerClicksSortTheWholeResultByValue()
    {
        auto g = grid(m_big);
        QVERIFY(g);
        ResultTableModel *model = g->model();
        // (The model runs under QAbstractItemModelTester in tst_resulttablemodel; here it would
        // read ahead on its own.)
        model->setPageSize(1000); // 13 pages to read: the sort must not stop at the loaded ones
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 1000, 20000);

        click(g.get(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(model->isArranged() && !model->isArranging(), 30000);
        QCOMPARE(model->arrangement().sortOrder, Qt::AscendingOrder);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("1"));
        click(g.get(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            model->arrangement().sortOrder == Qt::DescendingOrder && !model->isArranging(), 30000);
        QCOMPARE(model->rowCount(), 12345);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("12345"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("12344"));
        QCOMPARE(g->view()->horizontalHeader()->sortIndicatorSection(), 0);
        QCOMPARE(g->view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        const QString all = QLocale().toString(12345);
        QVERIFY2(g->arrangeText().contains(QStringLiteral("descending")) &&
                     g->arrangeText().contains(all),
                 qPrintable(g->arrangeText()));

        // The export does not follow the sort, and says so.
        QTemporaryDir dir;
        QVERIFY(g->exportTo(dir.filePath(QStringLiteral("out.csv"))));
        QTRY_VERIFY_WITH_TIMEOUT(!g->exporter()->isRunning(), 30000);
        QVERIFY2(g->summaryText().contains(QStringLiteral("server's order")),
                 qPrintable(g->summaryText()));
    }

    void exportsAnExcelWorkbookFromTheMenu()
    {
        auto g = grid(m_big);
        QVERIFY(g);
        QVERIFY(g->findChild<QAction *>(QStringLiteral("exportXlsx")));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("out.xlsx"));
        QVERIFY(g->exportTo(file));
        QTRY_VERIFY_WITH_TIMEOUT(!g->exporter()->isRunning(), 60000);
        QVERIFY2(g->summaryText().contains(QStringLiteral("out.xlsx")),
                 qPrintable(g->summaryText()));
        QFile out(file);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.read(2), QByteArray("PK")); // a zip, as every xlsx is
    }

    void selectedCellsShowTheirStatistics()
    {
        auto g = grid(m_sales);
        QVERIFY(g);
        QTRY_COMPARE_WITH_TIMEOUT(g->model()->rowCount(), 6, 20000);
        SelectionStatsBar *stats = g->selectionStats();
        QItemSelectionModel *selection = g->view()->selectionModel();
        // One cell: no statistics line.
        selection->select(g->model()->index(0, 1), QItemSelectionModel::ClearAndSelect);
        stats->recount();
        QVERIFY(stats->text().isEmpty());
        // quantity, rows 0-3: 1, 10, 2, NULL.
        selection->select(QItemSelection(g->model()->index(0, 1), g->model()->index(3, 1)),
                          QItemSelectionModel::ClearAndSelect);
        QTRY_VERIFY_WITH_TIMEOUT(!stats->isCounting() && stats->text().startsWith(u"Count"), 20000);
        QCOMPARE(stats->text(),
                 QStringLiteral("Count 4 \u00b7 NULL 1 \u00b7 Distinct 3 \u00b7 Min 1 "
                                "\u00b7 Max 10 \u00b7 Sum 13 \u00b7 Average 4.33333333333"));
        // Two columns of numbers together.
        selection->select(QItemSelection(g->model()->index(0, 0), g->model()->index(1, 1)),
                          QItemSelectionModel::ClearAndSelect);
        QTRY_VERIFY_WITH_TIMEOUT(!stats->isCounting() && stats->text().contains(u"Sum 11,006.6"),
                                 20000);
    }

    void aWholeColumnCoversRowsNotLoadedYet()
    {
        auto g = grid(m_big);
        QVERIFY(g);
        ResultTableModel *model = g->model();
        model->setPageSize(1000);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 1000 && !model->isLoading(), 20000);
        QVERIFY(model->moreAvailable());
        SelectionStatsBar *stats = g->selectionStats();
        stats->job()->setTargetChunkRows(2000); // seven chunks, counted apart and merged
        QSignalSpy progress(stats->job(), &ColumnStatsJob::progress);
        // Ctrl+Space selects the current column (a header click sorts).
        g->view()->setFocus();
        g->view()->setCurrentIndex(model->index(3, 0));
        QTest::keyClick(g->view(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(g->view()->selectionModel()->isColumnSelected(0));
        stats->recount();
        QVERIFY(stats->isCounting());
        QTRY_VERIFY_WITH_TIMEOUT(!stats->isCounting(), 30000);
        const ColumnStats s = stats->job()->result();
        QCOMPARE(s.count, 12345);
        QCOMPARE(s.distinct, 12345);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 12345.0);
        QCOMPARE(s.sum, 12345.0 * 12346 / 2);
        QVERIFY(!s.partial);
        QVERIFY(progress.size() >= 7); // (an eighth, empty chunk may be read past the end)
        // While it counted, each step said it was not the whole answer yet.
        QVERIFY(progress.first().at(0).value<ColumnStats>().partial);
        QVERIFY2(stats->text().startsWith(u"Count 12,345"), qPrintable(stats->text()));
        QVERIFY(model->rowCount() < 12345); // the grid itself did not have to read it all

        // Stopped: what was counted stays, and says it is partial.
        stats->recount();
        QVERIFY(stats->isCounting());
        auto *stop = stats->findChild<QToolButton *>(QStringLiteral("stopStats"));
        QVERIFY(stop && stop->isVisible());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!stats->isCounting());
        QVERIFY(stats->job()->result().partial);
        QVERIFY2(stats->text().startsWith(u"Partial (stopped"), qPrintable(stats->text()));
    }

    void sortedRowsAreCountedAsShown()
    {
        auto g = grid(m_big);
        QVERIFY(g);
        ResultTableModel *model = g->model();
        model->setPageSize(1000);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 1000, 20000);
        model->sort(0, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model->isArranged() && !model->isArranging(), 30000);
        SelectionStatsBar *stats = g->selectionStats();
        g->view()->selectionModel()->select(QItemSelection(model->index(0, 0), model->index(2, 0)),
                                            QItemSelectionModel::ClearAndSelect);
        stats->recount();
        QTRY_VERIFY_WITH_TIMEOUT(!stats->isCounting(), 20000);
        QCOMPARE(stats->job()->result().sum, 12345.0 + 12344 + 12343);
    }

    void cancelWhileReadingKeepsTheRows()
    {
        auto g = grid(m_big);
        QVERIFY(g);
        ResultTableModel *model = g->model();
        model->setPageSize(500);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 500, 20000);
        click(g.get(), 0);
        QVERIFY(model->isArranging());
        auto *cancel = g->findChild<QToolButton *>(QStringLiteral("cancelArrange"));
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!model->isArranging());
        QVERIFY(!model->isArranged());
        QCOMPARE(g->view()->horizontalHeader()->sortIndicatorSection(), -1);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("1"));
    }
};

QTEST_MAIN(TestResultGrid)
#include "tst_resultgrid.moc"
