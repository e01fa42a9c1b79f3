// SPDX-License-Identifier: GPL-3.0-or-later
// A 1,000,000-row result piped through submit: every row arrives, and the CLI's memory stays
// bounded (its peak RSS, read from getrusage of the reaped child, is far below the result size).
#include "cliharness.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

// Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) before reuse, so
// the peak RSS would measure the quarantine, not the CLI. The child gets a small one.
#if defined(__SANITIZE_ADDRESS__)
#define LINKIS_DESK_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LINKIS_DESK_TEST_ASAN 1
#endif
#endif

using namespace linkisdesk::testsupport;

class TestCliBigResult : public QObject
{
    Q_OBJECT
private slots:
    void millionRowsWithBoundedMemory()
    {
        CliHarness cli;
        QString error;
        QVERIFY2(cli.startGateway(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString outPath = dir.filePath(QStringLiteral("out.tsv"));

        // 1,000,000 rows of ~70 bytes: ~70 MB of TSV, several hundred MB if held as QStrings.
        const QString sql = QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000) "
            "SELECT i, printf('%060d', i) AS padded, NULL AS empty FROM c");
        QProcess process;
        QProcessEnvironment environment = cli.environment();
#ifdef LINKIS_DESK_TEST_ASAN
        environment.insert(QStringLiteral("ASAN_OPTIONS"),
                           environment.value(QStringLiteral("ASAN_OPTIONS")) +
                               QStringLiteral(":quarantine_size_mb=16"));
#endif
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(outPath);
        process.start(CliHarness::cliPath(),
                      cli.connection() +
                          QStringList {QStringLiteral("-q"), QStringLiteral("submit"),
                                       QStringLiteral("--engine"), QStringLiteral("sqlite"),
                                       QStringLiteral("-e"), sql});
        QVERIFY(process.waitForStarted());
        QVERIFY(process.waitForFinished(540000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

        // The largest child reaped so far is this CLI run (the gateway still runs).
        struct rusage usage = {};
        QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
        const long peakMb = usage.ru_maxrss / 1024;
        qInfo("linkis-desk-cli peak RSS: %ld MB", peakMb);
        QVERIFY2(peakMb < 150, qPrintable(QStringLiteral("peak RSS %1 MB").arg(peakMb)));

        QFile out(outPath);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readLine(), QByteArray("i\tpadded\tempty\n"));
        qint64 rows = 0;
        qint64 expected = 1;
        bool inOrder = true;
        while (!out.atEnd()) {
            const QByteArray line = out.readLine();
            const qsizetype tab = line.indexOf('\t');
            inOrder =
                inOrder && line.left(tab).toLongLong() == expected && line.endsWith("\tNULL\n");
            ++expected;
            ++rows;
        }
        QCOMPARE(rows, 1000000);
        QVERIFY(inOrder);
    }
};

QTEST_GUILESS_MAIN(TestCliBigResult)
#include "tst_clibigresult.moc"
