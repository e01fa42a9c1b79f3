// SPDX-License-Identifier: GPL-3.0-or-later
// submit against a real gateway: outputs, formats, result-set order, files, logs, exit codes.
#include "cliharness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk::testsupport;

class TestCliSubmit : public QObject
{
    Q_OBJECT

    QStringList submit(std::initializer_list<QString> extra) const
    {
        return m_cli->connection() + QStringList {QStringLiteral("submit")} + QStringList(extra);
    }

    std::unique_ptr<CliHarness> m_cli;

private slots:
    void init()
    {
        m_cli = std::make_unique<CliHarness>();
        QString error;
        QVERIFY2(m_cli->startGateway(&error), qPrintable(error));
    }

    void cleanup() { m_cli.reset(); }

    // The done-when check of issue 5.
    void selectOnePrintsHeaderAndValue()
    {
        const CliRun r = m_cli->run(submit(
            {QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("--run-type"),
             QStringLiteral("sql"), QStringLiteral("-e"), QStringLiteral("select 1 as x")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("x\n1\n"));
        // Not a terminal: no progress bar on stderr.
        QVERIFY(!r.err.contains('\r'));
        QVERIFY(!r.err.contains("\x1b["));
    }

    void formatsAndNulls_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("tsv") << QStringLiteral("tsv")
                             << QByteArray("n\ts\tv\nNULL\ta,b \"q\"\t2.5\n");
        QTest::newRow("csv") << QStringLiteral("csv")
                             << QByteArray("n,s,v\r\nNULL,\"a,b \"\"q\"\"\",2.5\r\n");
        QTest::newRow("json") << QStringLiteral("json")
                              << QByteArray("{\"n\":null,\"s\":\"a,b \\\"q\\\"\",\"v\":2.5}\n");
    }

    void formatsAndNulls()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, expected);
        const CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("--format"), format, QStringLiteral("-e"),
                    QStringLiteral("select null as n, 'a,b \"q\"' as s, 2.5 as v")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, expected);
        QVERIFY(r.err.isEmpty()); // --quiet: no log lines
    }

    void globalJsonMeansJsonRowsUnlessFormatSaysOtherwise()
    {
        CliRun r = m_cli->run(
            QStringList {QStringLiteral("--json")} +
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("-e"), QStringLiteral("select 1 as x")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("{\"x\":1}\n"));
        r = m_cli->run(
            QStringList {QStringLiteral("--json")} +
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("--format"), QStringLiteral("tsv"), QStringLiteral("-e"),
                    QStringLiteral("select 1 as x")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("x\n1\n"));
    }

    void resultSetsInNumericOrderSeparatedByBlankLines()
    {
        // Twelve statements: _10 and _11 must come after _9, not after _1.
        QStringList statements;
        QByteArray expected;
        for (int i = 0; i < 12; ++i) {
            statements.append(QStringLiteral("select %1 as c%1").arg(i));
            if (i > 0)
                expected.append('\n');
            expected.append("c" + QByteArray::number(i) + '\n' + QByteArray::number(i) + '\n');
        }
        const CliRun r = m_cli->run(submit({QStringLiteral("--engine"), QStringLiteral("sqlite"),
                                            QStringLiteral("-e"), statements.join(u";\n")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, expected);
    }

    void scriptFromFileAndFromStdinWithVariables()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("select '${who}' as greeting");
        file.close();
        CliRun r = m_cli->run(submit({QStringLiteral("--engine"), QStringLiteral("sqlite"),
                                      QStringLiteral("--var"), QStringLiteral("who=file"), path}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("greeting\nfile\n"));

        r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("--var"),
                    QStringLiteral("who=stdin"), QStringLiteral("-")}),
            "select '${who}' as greeting");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("greeting\nstdin\n"));
    }

    void textResultPrintsLinesAsTheyAre()
    {
        const CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("python"), QStringLiteral("-q"),
                    QStringLiteral("-e"), QStringLiteral("print('a\\tb')\nprint('second line')")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("a\tb\nsecond line\n"));
    }

    void logLinesInOrderEachOnceOnStderr()
    {
        const CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("shell"), QStringLiteral("-e"),
                    QStringLiteral("for i in $(seq 1 40); do echo line-$i; sleep 0.01; done")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QList<int> seen;
        static const QRegularExpression re(QStringLiteral("\\bline-(\\d+)$"));
        for (const QString &line : r.errLines()) {
            const auto m = re.match(line);
            if (m.hasMatch())
                seen.append(m.captured(1).toInt());
        }
        QList<int> expected;
        for (int i = 1; i <= 40; ++i)
            expected.append(i);
        QCOMPARE(seen, expected);
        // stdout has the text result only.
        QVERIFY(r.out.startsWith("line-1\nline-2\n"));
    }

    void outputDirectoryGetsOneFilePerResultSet()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("results"));
        const CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"),
                    out, QStringLiteral("-e"), QStringLiteral("select 1 as a; select 'x' as b")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        QVERIFY(files.at(0).endsWith(QStringLiteral("-result-0.csv")));
        QVERIFY(files.at(1).endsWith(QStringLiteral("-result-1.csv")));
        QFile first(QDir(out).filePath(files.at(0)));
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(first.readAll(), QByteArray("a\r\n1\r\n"));
        QFile second(QDir(out).filePath(files.at(1)));
        QVERIFY(second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), QByteArray("b\r\nx\r\n"));
        // stdout names the files, one per line.
        QCOMPARE(r.outText().split(u'\n', Qt::SkipEmptyParts).size(), 2);
        QVERIFY(r.outText().contains(files.at(1)));
    }

    void xlsxIsOneWorkbookWithASheetPerResultSet()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("book"));
        const CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--output"),
                    out, QStringLiteral("-e"), QStringLiteral("select 1 as a; select 'x' as b")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 1);
        QVERIFY(files.at(0).endsWith(QStringLiteral("-results.xlsx")));
        QCOMPARE(r.outText().trimmed(), QDir(out).filePath(files.at(0)));
        // The sheets' names and their first cells, read back from the zip.
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys, zipfile, re\n"
                                     "z = zipfile.ZipFile(sys.argv[1])\n"
                                     "print(re.findall(r'<sheet name=\"([^\"]*)\"', "
                                     "z.read('xl/workbook.xml').decode()))\n"
                                     "print(re.findall(r'<c r=\"A2\"[^>]*>.*?</c>', "
                                     "z.read('xl/worksheets/sheet1.xml').decode()))\n"
                                     "print(re.findall(r'<c r=\"A2\"[^>]*>.*?</c>', "
                                     "z.read('xl/worksheets/sheet2.xml').decode()))\n"),
                      QDir(out).filePath(files.at(0))});
        QVERIFY(python.waitForFinished(30000));
        const QByteArray read = python.readAllStandardOutput();
        QVERIFY2(read.startsWith("['result-0', 'result-1']\n"), read.constData());
        QVERIFY2(read.contains("<v>1</v>"), read.constData()); // a number
        QVERIFY2(read.contains("t=\"inlineStr\"><is><t>x</t>"), read.constData());

        // Without --output there is nowhere to write a workbook.
        const CliRun noDir = m_cli->run(submit(
            {QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("--format"),
             QStringLiteral("xlsx"), QStringLiteral("-e"), QStringLiteral("select 1")}));
        QCOMPARE(noDir.exitCode, 2);
        QVERIFY(noDir.err.contains("--output"));
    }

    void asyncPrintsTheTaskId()
    {
        CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("--async"),
                    QStringLiteral("-e"), QStringLiteral("select 7 as seven")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 task = r.out.trimmed().toLongLong();
        QVERIFY(task > 0);
        QCOMPARE(m_cli->waitForEnd(task), QStringLiteral("Succeed"));

        r = m_cli->run(
            QStringList {QStringLiteral("--json")} +
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("--async"),
                    QStringLiteral("-e"), QStringLiteral("select 8")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("taskID")).toInteger(), task + 1);
        QVERIFY(!o.value(QStringLiteral("execID")).toString().isEmpty());
    }

    void executeApiWorksToo()
    {
        const CliRun r = m_cli->run(
            QStringList {QStringLiteral("--api"), QStringLiteral("execute")} +
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("-e"), QStringLiteral("select 'e' as api")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("api\ne\n"));
    }

    void failedJobExitsOneWithOneErrorLine()
    {
        const CliRun r = m_cli->run(
            submit({QStringLiteral("--engine"), QStringLiteral("sqlite"), QStringLiteral("-q"),
                    QStringLiteral("-e"), QStringLiteral("select * from no_such_table")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().first().contains(QStringLiteral("Failed")), r.err.constData());
    }

    void authenticationFailureExitsThree()
    {
        QProcessEnvironment env = m_cli->environment();
        env.insert(QStringLiteral("LINKIS_DESK_TOKEN"), QStringLiteral("wrong-token"));
        CliRun r = m_cli->run(submit({QStringLiteral("--engine"), QStringLiteral("sqlite"),
                                      QStringLiteral("-e"), QStringLiteral("select 1")}),
                              {}, env);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.errLines().size(), 1);

        // A wrong password through --password-stdin.
        const QStringList passwordArgs {
            QStringLiteral("--server"),         m_cli->server(),
            QStringLiteral("--user"),           QStringLiteral("alice"),
            QStringLiteral("--auth"),           QStringLiteral("password"),
            QStringLiteral("--password-stdin"), QStringLiteral("jobs")};
        r = m_cli->run(passwordArgs, "not-the-password\n");
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.errLines().size(), 1);
        // The right one works.
        r = m_cli->run(passwordArgs, "alice-pw\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // No secret at all.
        env.remove(QStringLiteral("LINKIS_DESK_TOKEN"));
        r = m_cli->run(m_cli->connection() + QStringList {QStringLiteral("jobs")}, {}, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.errLines().first().contains(QStringLiteral("LINKIS_DESK_TOKEN")));
    }

    void proxyAuthWithValidationCode()
    {
        QProcessEnvironment env = m_cli->environment();
        env.remove(QStringLiteral("LINKIS_DESK_TOKEN"));
        env.insert(QStringLiteral("LINKIS_DESK_VALIDATION_CODE"), QStringLiteral("vcode"));
        const CliRun r = m_cli->run(
            {QStringLiteral("--server"), m_cli->server(), QStringLiteral("--user"),
             QStringLiteral("carol"), QStringLiteral("--auth"), QStringLiteral("proxy"),
             QStringLiteral("submit"), QStringLiteral("--engine"), QStringLiteral("sqlite"),
             QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("select 'p' as via")},
            {}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("via\np\n"));
    }

    void unreachableServerExitsFour()
    {
        const QString server = m_cli->server();
        m_cli->stopGateway();
        const CliRun r =
            m_cli->run({QStringLiteral("--server"), server, QStringLiteral("--user"),
                        QStringLiteral("alice"), QStringLiteral("--auth"), QStringLiteral("token"),
                        QStringLiteral("status"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.errLines().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliSubmit)
#include "tst_clisubmit.moc"
