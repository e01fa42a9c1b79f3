// SPDX-License-Identifier: GPL-3.0-or-later
// ResultExporter against a real linkis-desk-gateway: whole result sets to CSV / TSV / JSON lines,
// progress, cancel and failures leaving no file behind.
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "results/resultexporter.h"
#include "testgateway.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

Q_DECLARE_METATYPE(linkisdesk::RowFormat)

class TestExporter : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_client;
    QString m_path; // a 12,345-row result set

    // Runs SQL on the gateway; the path of its one result set (empty on failure).
    QString runSql(const QString &sql)
    {
        JobTracker tracker(m_client.get(), QStringLiteral("test"));
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest request;
        request.engineType = QStringLiteral("sqlite");
        request.runType = QStringLiteral("sql");
        request.code = sql;
        tracker.submit(request);
        for (int i = 0; i < 600 && finished.isEmpty(); ++i)
            finished.wait(100);
        if (tracker.status() != JobStatus::Succeed || tracker.resultSets().size() != 1)
            return {};
        return tracker.resultSets().first().path;
    }

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
        m_client = std::make_unique<LinkisClient>(
            m_gateway->settings(ConnectionSettings::AuthMode::Token));
        m_path = runSql(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 12345) "
            "SELECT i, 'a,\"b\"' || i AS s, NULL AS n FROM c"));
        QVERIFY(!m_path.isEmpty());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_gateway.reset();
    }

    void wholeSetInEachFormat_data()
    {
        QTest::addColumn<RowFormat>("format");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("row7");
        QTest::addColumn<QByteArray>("lineEnd");
        QTest::newRow("csv") << RowFormat::Csv << QByteArray("i,s,n\r\n")
                             << QByteArray("7,\"a,\"\"b\"\"7\",NULL\r\n") << QByteArray("\r\n");
        QTest::newRow("tsv") << RowFormat::Tsv << QByteArray("i\ts\tn\n")
                             << QByteArray("7\ta,\"b\"7\tNULL\n") << QByteArray("\n");
        QTest::newRow("json") << RowFormat::Json << QByteArray()
                              << QByteArray("{\"i\":7,\"s\":\"a,\\\"b\\\"7\",\"n\":null}\n")
                              << QByteArray("\n");
    }

    void wholeSetInEachFormat()
    {
        QFETCH(RowFormat, format);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, row7);
        QFETCH(QByteArray, lineEnd);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sub/out.") + rowFormatExtension(format));
        ResultExporter exporter(m_client.get());
        exporter.setPageSize(5000);
        QSignalSpy progress(&exporter, &ResultExporter::progress);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        exporter.start(m_path, file, format);
        QVERIFY(exporter.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toLongLong(), 12345);
        QCOMPARE(progress.size(), 3); // one per page
        QCOMPARE(progress.last().at(0).toLongLong(), 12345);
        QVERIFY(progress.at(0).at(0).toLongLong() < progress.at(1).at(0).toLongLong());

        QFile out(file);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        QCOMPARE(finished.first().at(1).toLongLong(), bytes.size());
        QVERIFY(bytes.startsWith(header));
        QCOMPARE(bytes.count(lineEnd), 12345 + (header.isEmpty() ? 0 : 1));
        QVERIFY(bytes.contains(lineEnd + row7));
        QVERIFY(bytes.endsWith(lineEnd));
        if (format == RowFormat::Json) {
            const QList<QByteArray> lines = bytes.split('\n');
            QCOMPARE(QJsonDocument::fromJson(lines.at(12344)).object().value(QStringLiteral("i")),
                     QJsonValue(12345));
        }
        QVERIFY(!exporter.isRunning());
    }

    // Pages are decoded on worker threads while later pages arrive, so they can finish out of
    // order: here page 2 (rows 3 and 4, 3 MB each) takes far longer to decode than the tiny
    // pages 3, 4 and 5 requested behind it. The file must hold every row once, in order.
    void pagesStayInOrderWhenDecodedOutOfOrder()
    {
        const QString path = runSql(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 41) "
            "SELECT i, CASE WHEN i IN (3, 4) THEN replace(hex(zeroblob(1500000)), '00', 'x\"') "
            "ELSE 'r' || i END AS v FROM c"));
        QVERIFY(!path.isEmpty());
        QByteArray expected("i,v\r\n");
        const QByteArray big = '"' + QByteArray("x\"\"").repeated(1500000) + '"';
        for (int i = 1; i <= 41; ++i) {
            expected += QByteArray::number(i) + ',' +
                (i == 3 || i == 4 ? big : QByteArray("r") + QByteArray::number(i)) + "\r\n";
        }

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("ordered.csv"));
        ResultExporter exporter(m_client.get());
        exporter.setPageSize(2);
        QSignalSpy progress(&exporter, &ResultExporter::progress);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        exporter.start(path, file, RowFormat::Csv);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toLongLong(), 41);
        QCOMPARE(progress.size(), 21);
        for (qsizetype i = 0; i < progress.size(); ++i)
            QCOMPARE(progress.at(i).at(0).toLongLong(), qMin<qint64>(2 * (i + 1), 41));
        QFile out(file);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        QCOMPARE(bytes.size(), expected.size());
        QVERIFY(bytes == expected);
    }

    // Pages over the server's limit (the gateway refuses more than 100,000 rows with Linkis
    // error 80034, as Linkis does): the export starts again with openFile's 5,000-row pages.
    void oversizedPagesFallBackToTheDefault()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("fallback.tsv"));
        ResultExporter exporter(m_client.get());
        exporter.setPageSize(200000);
        QSignalSpy progress(&exporter, &ResultExporter::progress);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        QSignalSpy failed(&exporter, &ResultExporter::failed);
        exporter.start(m_path, file, RowFormat::Tsv);
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(finished.first().at(0).toLongLong(), 12345);
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.first().at(0).toLongLong(), 5000);
        QFile out(file);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        QVERIFY(bytes.startsWith("i\ts\tn\n1\ta,\"b\"1\tNULL\n"));
        QCOMPARE(bytes.count('\n'), 12346);
        QCOMPARE(exporter.pageSize(), 200000); // the next export tries the big pages again
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cancelled.csv"));
        ResultExporter exporter(m_client.get());
        exporter.setPageSize(1000);
        QSignalSpy cancelled(&exporter, &ResultExporter::cancelled);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        connect(&exporter, &ResultExporter::progress, &exporter, &ResultExporter::cancel);
        exporter.start(m_path, file, RowFormat::Csv);
        QVERIFY(cancelled.wait(30000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!exporter.isRunning());
    }

    void failuresLeaveExistingFilesAlone()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("keep.csv"));
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old content\n");
        existing.close();

        ResultExporter exporter(m_client.get());
        QSignalSpy failed(&exporter, &ResultExporter::failed);
        exporter.start(QStringLiteral("file:///nonexistent/_0.dolphin"), file, RowFormat::Csv);
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.first().first().value<ApiError>().isError());
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("old content\n"));

        // An unwritable target fails at once, as an I/O error.
        ResultExporter unwritable(m_client.get());
        QSignalSpy failedIo(&unwritable, &ResultExporter::failed);
        unwritable.start(m_path, QStringLiteral("/proc/linkis-desk/out.csv"), RowFormat::Csv);
        QCOMPARE(failedIo.size(), 1);
        QCOMPARE(failedIo.first().first().value<ApiError>().kind, ApiError::Kind::Io);
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
