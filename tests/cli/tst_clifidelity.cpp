// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk-cli against a server that behaves like a real Linkis gateway (issue 12): the log
// hand-over with blank lines, a submit whose connection drops before the answer, and the
// profile's engine on the wire. The server is the fault server of tests/support, answering from
// this process while the real CLI binary runs.
#include "cliharness.h"
#include "faultserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace linkisdesk::testsupport;
using Response = FaultServer::Response;

namespace {

QString S(const char *s)
{
    return QString::fromUtf8(s);
}

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

Response recorded(const char *name)
{
    const QByteArray body = fixture(name);
    const int status = QJsonDocument::fromJson(body).object().value(u"status").toInt();
    return Response::json(status == 0 ? 200 : 400, body);
}

// The ALL slot of a recorded openLog reply, split as the file's lines.
QStringList fileLines(const char *name)
{
    const QJsonArray levels = QJsonDocument::fromJson(fixture(name))
                                  .object()
                                  .value(u"data")
                                  .toObject()
                                  .value(u"log")
                                  .toArray();
    QStringList lines = levels.at(3).toString().split(u'\n');
    lines.removeLast(); // every line ends with '\n'
    for (QString &l : lines) {
        if (l.endsWith(u'\r'))
            l.chop(1);
    }
    return lines;
}

QStringList nonBlank(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines) {
        if (!l.trimmed().isEmpty())
            out << l;
    }
    return out;
}

} // namespace

class TestCliFidelity : public QObject
{
    Q_OBJECT

    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<FaultServer> m_server;

    QStringList connection() const
    {
        return {S("--server"), m_server->url().toString(), S("--user"), S("alice"), S("--auth"),
                S("token")};
    }

    // Runs the CLI while this process keeps answering as the server.
    CliRun run(const QStringList &args)
    {
        std::unique_ptr<QProcess> process = m_cli->start(args);
        if (!QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 60000))
            qWarning("the CLI did not finish");
        return CliHarness::finish(*process);
    }

    int count(const QString &suffix) const { return m_server->countRequests(suffix); }

private slots:
    void init()
    {
        m_cli = std::make_unique<CliHarness>();
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
        m_server->setKeepAlive(true);
        m_server->on(S("/entrance/submit"),
                     {Response::linkis(0, R"({"execID":"x","taskID":123})")});
        m_server->on(S("/jobhistory/123/get"),
                     {Response::linkis(0,
                                       R"({"task":{"taskID":123,"status":"Succeed",)"
                                       R"("logPath":"hdfs:///logs/123.log",)"
                                       R"("strongerExecId":"x"}})")});
        m_server->on(S("/progress"), {Response::linkis(0, R"({"progress":0.5})")});
    }
    void cleanup()
    {
        m_server.reset();
        m_cli.reset();
    }

    void submitShowsEveryLogLineOnceAcrossTheHandOver()
    {
        // One live page (blank lines left out, counted in fromLine), then the job has ended:
        // the live log is refused and the file (every line) follows.
        m_server->on(S("/status"),
                     {Response::linkis(0, R"({"status":"Running"})"),
                      Response::linkis(0, R"({"status":"Succeed"})")});
        m_server->on(S("/log"), {recorded("log_blanks_live_1.json"), recorded("log_ended.json")});
        m_server->on(S("/openLog"), {recorded("openlog_blanks.json")});
        const CliRun r = run(connection() +
                             QStringList {S("submit"), S("--engine"), S("spark-3.4.4"),
                                          S("--run-type"), S("sql"), S("-e"), S("select 1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList shown = QString::fromUtf8(r.err).split(u'\n');
        QCOMPARE(shown.takeLast(), QString()); // the last line ends with '\n'
        QVERIFY(shown.takeFirst().startsWith(S("Task 123 submitted")));
        const QStringList file = fileLines("openlog_blanks.json");
        QCOMPARE(nonBlank(shown), nonBlank(file)); // every line exactly once, in order
        // The blank line after the last line the live log showed comes from the file.
        QCOMPARE(shown, nonBlank(file.mid(0, 9)) + file.mid(9));
        qInfo("log file: %d lines (%d not blank); linkis-desk-cli submit showed %d lines (%d not "
              "blank)",
              int(file.size()), int(nonBlank(file).size()), int(shown.size()),
              int(nonBlank(shown).size()));
    }

    void droppedSubmitIsSentOnceAndExitsWithOutcomeUnknown_data()
    {
        QTest::addColumn<bool>("async");
        QTest::newRow("follow") << false;
        QTest::newRow("async") << true;
    }

    void droppedSubmitIsSentOnceAndExitsWithOutcomeUnknown()
    {
        QFETCH(bool, async);
        m_server->on(S("/entrance/submit"), {Response::drop()});
        m_server->on(S("/jobhistory/list"), {Response::linkis(0, R"({"tasks":[],"totalPage":0})")});
        QStringList args = connection() +
            QStringList {S("submit"),
                         S("--engine"),
                         S("spark-3.4.4"),
                         S("--run-type"),
                         S("sql"),
                         S("-e"),
                         S("insert overwrite table t select 1")};
        if (async)
            args << S("--async");
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(count(S("/entrance/submit")), 1);
        QCOMPARE(count(S("/jobhistory/list")), 1);
        QVERIFY2(r.err.contains("outcome is unknown") && r.err.contains("not sent again"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void droppedSubmitFoundInJobHistoryIsNotSentAgain()
    {
        m_server->on(S("/entrance/submit"), {Response::drop()});
        m_server->on(S("/jobhistory/list"),
                     {Response::linkis(0,
                                       R"({"tasks":[{"taskID":123,"status":"Running",)"
                                       R"("executionCode":"insert overwrite table t select 1",)"
                                       R"("executeUser":"alice","strongerExecId":"x"}],)"
                                       R"("totalPage":1})")});
        const CliRun r = run(connection() +
                             QStringList {S("submit"), S("--engine"), S("spark-3.4.4"),
                                          S("--run-type"), S("sql"), S("--async"), S("-e"),
                                          S("insert overwrite table t select 1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("123\n"));
        QVERIFY2(r.err.contains("task 123"), r.err.constData());
        QCOMPARE(count(S("/entrance/submit")), 1);
    }

    void theProfilesEngineAndVersionGoOnTheWire()
    {
        CliRun r = run({S("profile"), S("add"), S("prod"), S("--server"),
                        m_server->url().toString(), S("--auth"), S("token"), S("--user"),
                        S("alice"), S("--engine"), S("spark-3.4.4")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({S("--profile"), S("prod"), S("submit"), S("--run-type"), S("sql"), S("--async"),
                 S("-e"), S("select 1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(count(S("/entrance/submit")), 1);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests().last().body).object();
        QCOMPARE(body.value(u"labels").toObject().value(u"engineType").toString(),
                 S("spark-3.4.4"));
    }
};

QTEST_GUILESS_MAIN(TestCliFidelity)
#include "tst_clifidelity.moc"
