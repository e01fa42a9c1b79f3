// SPDX-License-Identifier: GPL-3.0-or-later
// ResultTableModel against a real linkis-desk-gateway, checked by QAbstractItemModelTester:
// paging on demand, bounded cache with placeholders, NULL role, text results, stale replies.
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "results/resulttablemodel.h"
#include "testgateway.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

class TestResultTableModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_client;
    QString m_big; // 12,345 rows: i, s, n (NULL on even rows, the text "NULL" on odd rows)
    QString m_other; // one row: other
    QString m_text; // a text result
    QString m_sales; // amount (double), quantity (long): 6 rows, one of them NULLs

    QList<ResultSetRef> run(const QString &code, const QString &engine, const QString &runType)
    {
        JobTracker tracker(m_client.get(), QStringLiteral("test"));
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest request;
        request.code = code;
        request.engineType = engine;
        request.runType = runType;
        tracker.submit(request);
        for (int i = 0; i < 600 && finished.isEmpty(); ++i)
            finished.wait(100);
        return tracker.status() == JobStatus::Succeed ? tracker.resultSets()
                                                      : QList<ResultSetRef>();
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
            run(QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                               "WHERE i < 12345) SELECT i, 's' || i AS s, CASE WHEN i % 2 = 0 THEN "
                               "NULL ELSE 'NULL' END AS n FROM c;\nselect 'o' as other"),
                QStringLiteral("sqlite"), QStringLiteral("sql"));
        QCOMPARE(sets.size(), 2);
        m_big = sets.at(0).path;
        m_other = sets.at(1).path;
        const auto sales =
            run(QStringLiteral("select 9996.0 as amount, 1 as quantity union all select 999.6, 10 "
                               "union all select 26400.0, 2 union all select null, null union all "
                               "select 9975.0, 20 union all select 63499068.3999998, 3"),
                QStringLiteral("sqlite"), QStringLiteral("sql"));
        QCOMPARE(sales.size(), 1);
        m_sales = sales.first().path;
        const auto text = run(QStringLiteral("print('alpha')\nprint('beta')"),
                              QStringLiteral("python"), QStringLiteral("python"));
        QCOMPARE(text.size(), 1);
        m_text = text.first().path;
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_gateway.reset();
    }

    void pagesArriveOnDemandAndTheCacheStaysBounded()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        model.setMaxCachedPages(3);
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        QSignalSpy end(&model, &ResultTableModel::endReached);
        QSignalSpy pageLoaded(&model, &ResultTableModel::pageLoaded);
        model.setResultSet(m_big);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.moreAvailable());
        QVERIFY(header.wait(20000));

        // The first page: header from metadata, 1000 rows, more available.
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("i"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, ResultTableModel::ColumnTypeRole)
                     .toString()
                     .isEmpty(),
                 false);
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(model.canFetchMore(QModelIndex()));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("1"));

        // fetchMore grows the model page by page (the tester fetches more on its own too).
        model.fetchMore(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 2000, 20000);
        QVERIFY(model.rowCount() % 1000 == 0 || model.rowCount() == 12345);

        // Jump to the end: every page is read, the cache keeps at most 3.
        model.loadToEnd();
        QTRY_VERIFY_WITH_TIMEOUT(!end.isEmpty(), 30000);
        QCOMPARE(end.size(), 1);
        QCOMPARE(end.first().first().toInt(), 12345);
        QCOMPARE(model.rowCount(), 12345);
        QVERIFY(!model.moreAvailable());
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QVERIFY(model.cachedPageCount() <= 3);
        QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(12344, 0)).toString(),
                                  QStringLiteral("12345"), 20000);

        // A middle page was evicted (the tester keeps touching the first and last rows, so those
        // pages stay recently used): a placeholder until it is read again.
        const QModelIndex first = model.index(4500, 1);
        QCOMPARE(model.data(first, ResultTableModel::IsLoadedRole).toBool(), false);
        QCOMPARE(model.data(first).toString(), ResultTableModel::placeholderText());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_COMPARE_WITH_TIMEOUT(model.data(first).toString(), QStringLiteral("s4501"), 20000);
        QVERIFY(!changed.isEmpty()); // the view was told
        QCOMPARE(model.data(first, ResultTableModel::IsLoadedRole).toBool(), true);
        QVERIFY(model.cachedPageCount() <= 3);
        QVERIFY(!pageLoaded.isEmpty());
    }

    void seekEndFindsTheLastRowWithoutReadingEveryPage()
    {
        ResultTableModel model(m_client.get());
        // No QAbstractItemModelTester here: it reads every row, which is what this test rules
        // out (the other cases run under it).
        model.setPageSize(1000);
        model.setMaxCachedPages(3);
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        QSignalSpy end(&model, &ResultTableModel::endReached);
        QSignalSpy pageLoaded(&model, &ResultTableModel::pageLoaded);
        model.setResultSet(m_big);
        QVERIFY(header.wait(20000));
        QCOMPARE(model.rowCount(), 1000);

        model.seekEnd();
        QVERIFY(model.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!end.isEmpty(), 30000);
        QCOMPARE(end.size(), 1);
        QCOMPARE(end.first().first().toInt(), 12345);
        QCOMPARE(model.rowCount(), 12345);
        QVERIFY(!model.moreAvailable());
        QVERIFY(!model.isSeekingEnd());
        // The count came from one-row probes, not from reading the 13 pages in order.
        QSet<int> pagesRead;
        for (const QList<QVariant> &args : std::as_const(pageLoaded))
            pagesRead.insert(args.first().toInt());
        QVERIFY2(pagesRead.size() <= 4,
                 qPrintable(QStringLiteral("%1 pages read before the end").arg(pagesRead.size())));
        // The last rows load when asked for, with the right values.
        QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(12344, 1)).toString(),
                                  QStringLiteral("s12345"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(6000, 0)).toString(),
                                  QStringLiteral("6001"), 20000);
        QVERIFY(model.cachedPageCount() <= 3);
    }

    void seekEndOnAShortResultEndsAtOnce()
    {
        ResultTableModel model(m_client.get());
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        QSignalSpy end(&model, &ResultTableModel::endReached);
        model.setResultSet(m_other);
        QVERIFY(header.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!end.isEmpty(), 20000); // one short page is the whole set
        model.seekEnd(); // nothing more to find
        QCOMPARE(end.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void nullIsReportedDistinctly()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        model.setResultSet(m_big);
        QVERIFY(header.wait(20000));
        // Row 2 (i = 2) holds SQL NULL; row 1 (i = 1) holds the text "NULL".
        const QModelIndex sqlNull = model.index(1, 2);
        const QModelIndex textNull = model.index(0, 2);
        QCOMPARE(model.data(sqlNull, ResultTableModel::IsNullRole).toBool(), true);
        QCOMPARE(model.data(sqlNull).toString(), ResultTableModel::nullText());
        QCOMPARE(model.data(textNull, ResultTableModel::IsNullRole).toBool(), false);
        QCOMPARE(model.data(textNull).toString(), QStringLiteral("NULL"));
        QCOMPARE(model.roleNames().value(ResultTableModel::IsNullRole), QByteArray("isNull"));
    }

    void textResultIsOneColumn()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy end(&model, &ResultTableModel::endReached);
        model.setResultSet(m_text);
        QVERIFY(end.wait(20000));
        QVERIFY(model.isText());
        QCOMPARE(model.columnCount(), 1);
        QVERIFY(!model.headerData(0, Qt::Horizontal).toString().isEmpty());
        QStringList lines;
        for (int r = 0; r < model.rowCount(); ++r)
            lines.append(model.data(model.index(r, 0)).toString());
        QCOMPARE(lines.join(u'\n').trimmed(), QStringLiteral("alpha\nbeta"));
    }

    void staleRepliesAreDropped()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        QSignalSpy end(&model, &ResultTableModel::endReached);
        model.setResultSet(m_big);
        const quint64 before = model.generation();
        model.setResultSet(m_other); // the reply for m_big is now stale
        QVERIFY(model.generation() > before);
        QVERIFY(end.wait(20000));
        QTest::qWait(200); // give a stale reply every chance to land
        QCOMPARE(header.size(), 1);
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("other"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("o"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        QVERIFY(!model.moreAvailable());
    }

    // Helpers for the sorting cases: a model on `path` with its first page read.
    static QStringList column(const ResultTableModel &model, int column, int rows = -1)
    {
        QStringList out;
        const int n = rows < 0 ? model.rowCount() : qMin(rows, model.rowCount());
        for (int r = 0; r < n; ++r)
            out << model.data(model.index(r, column)).toString();
        return out;
    }

    void sortIsByTheColumnTypeNotText()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy end(&model, &ResultTableModel::endReached);
        model.setResultSet(m_sales);
        QVERIFY(end.wait(20000));
        QCOMPARE(model.headerData(0, Qt::Horizontal, ResultTableModel::ColumnTypeRole).toString(),
                 QStringLiteral("double"));

        model.sort(0, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model.isArranged() && !model.isArranging(), 20000);
        // As text this was 9996.0, 999.6, 9975.0, 63499068.3999998, 26400.0.
        QCOMPARE(column(model, 0),
                 QStringList({QStringLiteral("63499068.4"), QStringLiteral("26400.0"),
                              QStringLiteral("9996.0"), QStringLiteral("9975.0"),
                              QStringLiteral("999.6"), ResultTableModel::nullText()}));
        QVERIFY(model.arrangedAll());
        QCOMPARE(model.arrangement().sortColumn, 0);

        // quantity: 10 no longer comes right after 1; NULL first when ascending.
        model.sort(1, Qt::AscendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model.arrangement().sortColumn == 1 && !model.isArranging(),
                                 20000);
        QCOMPARE(
            column(model, 1),
            QStringList({ResultTableModel::nullText(), QStringLiteral("1"), QStringLiteral("2"),
                         QStringLiteral("3"), QStringLiteral("10"), QStringLiteral("20")}));
        QCOMPARE(model.data(model.index(0, 1), ResultTableModel::IsNullRole).toBool(), true);

        // Back to the server's order.
        model.sort(-1);
        QVERIFY(!model.isArranged());
        QCOMPARE(column(model, 1).first(), QStringLiteral("1"));
    }

    void doublesDisplayWithoutNoiseAndCopyExactly()
    {
        ResultTableModel model(m_client.get());
        QSignalSpy end(&model, &ResultTableModel::endReached);
        model.setResultSet(m_sales);
        QVERIFY(end.wait(20000));
        const QModelIndex sum = model.index(5, 0);
        QCOMPARE(model.data(sum).toString(), QStringLiteral("63499068.4"));
        QCOMPARE(model.data(sum, Qt::EditRole).toString(), QStringLiteral("63499068.3999998"));
        QCOMPARE(model.data(sum, Qt::ToolTipRole).toString(), QStringLiteral("63499068.3999998"));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("9996.0"));
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("1"));
    }

    void sortReadsTheWholeResultFirst()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        model.setMaxCachedPages(20); // room for all 12,345 rows
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        QSignalSpy progress(&model, &ResultTableModel::arrangeProgress);
        model.setResultSet(m_big);
        QVERIFY(header.wait(20000));
        QCOMPARE(model.rowCount(), 1000); // only the first page so far

        model.sort(0, Qt::DescendingOrder);
        QVERIFY(model.isArranging());
        QTRY_VERIFY_WITH_TIMEOUT(model.isArranged() && !model.isArranging(), 30000);
        QCOMPARE(model.rowCount(), 12345);
        QVERIFY(model.arrangedAll());
        QCOMPARE(model.arrangedSourceRows(), 12345);
        // By value over every row, not the loaded 1000 as text ("999" first).
        QCOMPARE(column(model, 0, 3),
                 QStringList(
                     {QStringLiteral("12345"), QStringLiteral("12344"), QStringLiteral("12343")}));
        QCOMPARE(model.data(model.index(12344, 0)).toString(), QStringLiteral("1"));
        QVERIFY(!progress.isEmpty());
        QVERIFY(model.cachedPageCount() <= 20);
        QVERIFY(!model.canFetchMore(QModelIndex()));

        // The rows stay in memory: another column sorts without reading again; s is text.
        model.sort(1, Qt::AscendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model.arrangement().sortColumn == 1 && !model.isArranging(),
                                 20000);
        QCOMPARE(column(model, 1, 4),
                 QStringList({QStringLiteral("s1"), QStringLiteral("s10"), QStringLiteral("s100"),
                              QStringLiteral("s1000")}));

        // NULLs sort together: the 6172 NULLs of n (even i) first, then the text "NULL".
        model.sort(2, Qt::AscendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model.arrangement().sortColumn == 2 && !model.isArranging(),
                                 20000);
        QCOMPARE(model.data(model.index(6171, 2), ResultTableModel::IsNullRole).toBool(), true);
        QCOMPARE(model.data(model.index(6172, 2), ResultTableModel::IsNullRole).toBool(), false);

        // Filter by a value: one row.
        model.setFilter(1, QStringLiteral("s777"));
        QTRY_VERIFY_WITH_TIMEOUT(model.arrangement().filterColumn == 1 && !model.isArranging(),
                                 20000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("777"));
        model.setFilter(2, QString(), true); // SQL NULL, not the text "NULL"
        QTRY_VERIFY_WITH_TIMEOUT(model.arrangement().filterNull && !model.isArranging(), 20000);
        QCOMPARE(model.rowCount(), 6172);
        model.clearArrangement();
        QVERIFY(!model.isArranged());
        QCOMPARE(model.rowCount(), 12345);
    }

    void sortOfATooBigResultCoversTheFirstRowsAndSaysSo()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        model.setMaxCachedPages(3); // memory for 3,000 rows of 12,345
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        model.setResultSet(m_big);
        QVERIFY(header.wait(20000));
        model.sort(0, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model.isArranged() && !model.isArranging(), 30000);
        QCOMPARE(model.arrangeLimit(), 3000);
        QCOMPARE(model.rowCount(), 3000);
        QVERIFY(!model.arrangedAll());
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("3000"));
        QVERIFY(model.cachedPageCount() <= 3);
    }

    void resultExactlyAtTheLimitIsWhole()
    {
        // One full page is the whole cache: one probe row tells whether more exist.
        ResultTableModel model(m_client.get());
        model.setPageSize(12345);
        model.setMaxCachedPages(1);
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        model.setResultSet(m_big);
        QVERIFY(header.wait(20000));
        QVERIFY(model.moreAvailable());
        model.sort(0, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model.isArranged() && !model.isArranging(), 30000);
        QVERIFY(model.arrangedAll());
        QVERIFY(!model.moreAvailable());
        QCOMPARE(model.rowCount(), 12345);
    }

    void cancelKeepsWhatIsShown()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        QSignalSpy header(&model, &ResultTableModel::headerLoaded);
        QSignalSpy state(&model, &ResultTableModel::arrangeStateChanged);
        model.setResultSet(m_big);
        QVERIFY(header.wait(20000));
        model.sort(0, Qt::DescendingOrder);
        QVERIFY(model.isArranging());
        model.cancelArrange();
        QVERIFY(!model.isArranging());
        QVERIFY(!model.isArranged());
        QCOMPARE(model.requestedArrangement().sortColumn, -1);
        QTest::qWait(300); // pages still arriving change nothing
        QVERIFY(!model.isArranged());
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("1"));
        QVERIFY(state.size() >= 2);
    }

    void errorsStopTheLoading()
    {
        ResultTableModel model(m_client.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &ResultTableModel::failed);
        model.setResultSet(QStringLiteral("file:///nonexistent/_0.dolphin"));
        QVERIFY(failed.wait(20000));
        QVERIFY(model.lastError().isError());
        QVERIFY(!model.moreAvailable());
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResultTableModel)
#include "tst_resulttablemodel.moc"
