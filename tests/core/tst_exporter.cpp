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

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
        m_client = std::make_unique<LinkisClient>(
            m_gateway->settings(ConnectionSettings::AuthMode::Token));
        JobTracker tracker(m_client.get(), QStringLiteral("test"));
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest request;
        request.engineType = QStringLiteral("sqlite");
        request.runType = QStringLiteral("sql");
        request.code = QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 12345) "
            "SELECT i, 'a,\"b\"' || i AS s, NULL AS n FROM c");
        tracker.submit(request);
        for (int i = 0; i < 600 && finished.isEmpty(); ++i)
            finished.wait(100);
        QCOMPARE(tracker.status(), JobStatus::Succeed);
        QCOMPARE(tracker.resultSets().size(), 1);
        m_path = tracker.resultSets().first().path;
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
