// SPDX-License-Identifier: GPL-3.0-or-later
// ResultSetReader against a real linkis-desk-gateway: paging, end at the empty page, NULL flags,
// text results, errors, cancel, prefetch.
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "results/resultsetreader.h"
#include "testgateway.h"

#include <QSignalSpy>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

class TestResultSetReader : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_client;

    QList<ResultSetRef> run(const QString &code, const QString &engine = QStringLiteral("sqlite"),
                            const QString &runType = QStringLiteral("sql"))
    {
        JobTracker tracker(m_client.get(), QStringLiteral("test"));
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        SubmitRequest request;
        request.code = code;
        request.engineType = engine;
        request.runType = runType;
        tracker.submit(request);
        for (int i = 0; i < 600 && finished.isEmpty() && failed.isEmpty(); ++i)
            finished.wait(100);
        if (finished.isEmpty() || tracker.status() != JobStatus::Succeed)
            return {};
        return tracker.resultSets();
    }

    static QString rows(int n)
    {
        return QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                              "WHERE i < %1) SELECT i, 'r' || i AS s, CASE WHEN i % 2 = 0 THEN "
                              "NULL ELSE 'NULL' END AS maybe FROM c")
            .arg(n);
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

    void pagesUntilTheEmptyPage_data()
    {
        QTest::addColumn<bool>("prefetch");
        QTest::newRow("on demand") << false;
        QTest::newRow("prefetch") << true;
    }

    void pagesUntilTheEmptyPage()
    {
        QFETCH(bool, prefetch);
        const QList<ResultSetRef> sets = run(rows(12345));
        QCOMPARE(sets.size(), 1);
        ResultSetReader reader(m_client.get(), sets.first().path);
        reader.setPageSize(5000);
        reader.setPrefetch(prefetch);
        QSignalSpy header(&reader, &ResultSetReader::headerReady);
        QSignalSpy finished(&reader, &ResultSetReader::finished);
        QList<int> sizes;
        qint64 expected = 1;
        bool inOrder = true;
        bool nullsRight = true;
        connect(&reader, &ResultSetReader::pageReady, this, [&](const ResultPage &page) {
            QCOMPARE(header.size(), 1); // the header comes first
            sizes.append(int(page.rows.size()));
            for (int r = 0; r < page.rows.size(); ++r, ++expected) {
                inOrder = inOrder && page.rows.at(r).value(0).toLongLong() == expected;
                // Even rows hold SQL NULL, odd rows the text "NULL": only the first is flagged.
                nullsRight = nullsRight && page.isNull(r, 2) == (expected % 2 == 0) &&
                    (expected % 2 == 0 || page.rows.at(r).value(2) == QLatin1String("NULL"));
            }
            QCOMPARE(page.columns.size(), 3);
            reader.next();
        });
        reader.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toLongLong(), 12345);
        QCOMPARE(sizes, (QList<int> {5000, 5000, 2345}));
        QVERIFY(inOrder);
        QVERIFY(nullsRight);
        QCOMPARE(reader.pagesRead(), 3);
        QCOMPARE(reader.rowsRead(), 12345);
        QVERIFY(reader.isFinished());
        QCOMPARE(reader.type(), ResultPage::Type::Table);
        QCOMPARE(reader.columns().at(1).name, QStringLiteral("s"));
    }

    void nextPageOnlyWhenAsked()
    {
        const QList<ResultSetRef> sets = run(rows(3000));
        QCOMPARE(sets.size(), 1);
        ResultSetReader reader(m_client.get(), sets.first().path);
        reader.setPageSize(1000);
        QSignalSpy pages(&reader, &ResultSetReader::pageReady);
        QSignalSpy finished(&reader, &ResultSetReader::finished);
        reader.start();
        QVERIFY(pages.wait(20000));
        // Without next() nothing more arrives, however long the event loop runs.
        QTest::qWait(300);
        QCOMPARE(pages.size(), 1);
        reader.next();
        QVERIFY(pages.wait(20000));
        QCOMPARE(pages.size(), 2);
        reader.next();
        QVERIFY(pages.wait(20000));
        reader.next();
        QVERIFY(finished.wait(20000));
        QCOMPARE(pages.size(), 3);
    }

    void emptyResultSetHasAHeaderAndNoPage()
    {
        const QList<ResultSetRef> sets = run(QStringLiteral("select 1 as a, 'x' as b where 0"));
        QCOMPARE(sets.size(), 1);
        ResultSetReader reader(m_client.get(), sets.first().path);
        QSignalSpy header(&reader, &ResultSetReader::headerReady);
        QSignalSpy pages(&reader, &ResultSetReader::pageReady);
        QSignalSpy finished(&reader, &ResultSetReader::finished);
        reader.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(header.size(), 1);
        QCOMPARE(pages.size(), 0);
        QCOMPARE(finished.first().first().toLongLong(), 0);
        QCOMPARE(reader.columns().size(), 2);
    }

    void textResult()
    {
        const QList<ResultSetRef> sets = run(QStringLiteral("print('one')\nprint('two')"),
                                             QStringLiteral("python"), QStringLiteral("python"));
        QCOMPARE(sets.size(), 1);
        ResultSetReader reader(m_client.get(), sets.first().path);
        QStringList lines;
        connect(&reader, &ResultSetReader::pageReady, this, [&](const ResultPage &page) {
            for (const QStringList &row : page.rows)
                lines.append(row.value(0));
            reader.next();
        });
        QSignalSpy finished(&reader, &ResultSetReader::finished);
        reader.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(reader.type(), ResultPage::Type::Text);
        QCOMPARE(lines.join(u'\n').trimmed(), QStringLiteral("one\ntwo"));
    }

    void errorsAndCancel()
    {
        ResultSetReader bad(m_client.get(), QStringLiteral("file:///etc/passwd"));
        QSignalSpy failed(&bad, &ResultSetReader::failed);
        bad.start();
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().first().value<ApiError>().isError());
        QVERIFY(!bad.isActive());

        const QList<ResultSetRef> sets = run(rows(10));
        ResultSetReader reader(m_client.get(), sets.value(0).path);
        QSignalSpy pages(&reader, &ResultSetReader::pageReady);
        QSignalSpy header(&reader, &ResultSetReader::headerReady);
        reader.start();
        reader.cancel();
        QTest::qWait(300);
        QCOMPARE(pages.size(), 0);
        QCOMPARE(header.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResultSetReader)
#include "tst_resultsetreader.moc"
