// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing stuck (issue 14): SQL with a NUL character, a script of thousands of statements, and
// the processes of python jobs after the gateway was killed hard and started again.
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace linkisdesk::testsupport;

namespace {

bool alive(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && stat.mid(close + 2, 1) != "Z";
}

} // namespace

class TestGatewayNothingStuck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nulInSqlFailsTheJobAndFreesTheSlot();
    void manyStatementsKeepProgressSmall();
    void restartEndsWhatJobsOfAKilledGatewayLeft();

private:
    QTemporaryDir m_dir;
};

void TestGatewayNothingStuck::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestGatewayNothingStuck::nulInSqlFailsTheJobAndFreesTheSlot()
{
    // One job slot: a job stuck on the NUL would block the next one for ever.
    TestGateway gw(m_dir.filePath(QStringLiteral("nul")),
                   {QStringLiteral("--max-jobs"), QStringLiteral("1")});
    QVERIFY(gw.start());
    const QJsonObject job =
        gw.submit(QStringLiteral("select 1;\nselect 2").insert(10, QChar(u'\0')),
                  QStringLiteral("sqlite"), QStringLiteral("sql"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QVERIFY(!execId.isEmpty());
    const QJsonObject next =
        gw.submit(QStringLiteral("select 'next'"), QStringLiteral("sqlite"), QStringLiteral("sql"));
    QCOMPARE(gw.waitDone(execId), QStringLiteral("Failed"));
    const QString why = gw.task(job.value(QStringLiteral("taskID")).toInteger())
                            .value(QStringLiteral("errDesc"))
                            .toString();
    QVERIFY2(why.contains(QStringLiteral("NUL character")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("line 2, column 1")), qPrintable(why));
    QCOMPARE(gw.waitDone(next.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Succeed"));
    QCOMPARE(gw.terminate(), 0);
}

void TestGatewayNothingStuck::manyStatementsKeepProgressSmall()
{
    TestGateway gw(m_dir.filePath(QStringLiteral("many")));
    QVERIFY(gw.start());
    constexpr int kStatements = 3000;
    QString script;
    for (int i = 0; i < kStatements; ++i)
        script += QStringLiteral("select %1;\n").arg(i);
    const QJsonObject job = gw.submit(script, QStringLiteral("sqlite"), QStringLiteral("sql"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QCOMPARE(gw.waitDone(execId, 120000), QStringLiteral("Succeed"));
    const HttpResult p = gw.get(QStringLiteral("entrance/%1/progress").arg(execId));
    QCOMPARE(p.status(), 0);
    // One item per statement would be 3,000 items (about 300 KB, and 30 MB for a 5 MB script).
    QVERIFY2(p.body.size() < 2048, p.body.left(300).constData());
    const QJsonArray info = p.data().value(QStringLiteral("progressInfo")).toArray();
    QCOMPARE(info.size(), 1);
    QCOMPARE(info.at(0).toObject().value(QStringLiteral("totalTasks")).toInt(), kStatements);
    QCOMPARE(info.at(0).toObject().value(QStringLiteral("succeedTasks")).toInt(), kStatements);
    QCOMPARE(gw.task(job.value(QStringLiteral("taskID")).toInteger())
                 .value(QStringLiteral("resultLocation"))
                 .toString()
                 .isEmpty(),
             false);
}

void TestGatewayNothingStuck::restartEndsWhatJobsOfAKilledGatewayLeft()
{
    const QString data = m_dir.filePath(QStringLiteral("crash"));
    constexpr int kJobs = 5;
    auto gw = std::make_unique<TestGateway>(
        data, QStringList {QStringLiteral("--max-jobs"), QString::number(kJobs)});
    QVERIFY(gw->start());
    // Each job starts a `sleep` and waits; the sleep is a grandchild of the gateway.
    QStringList execIds;
    for (int i = 0; i < kJobs; ++i) {
        execIds << gw->submit(QStringLiteral("import subprocess, time\n"
                                             "p = subprocess.Popen(['sleep', '3141'])\n"
                                             "print('sleep pid', p.pid)\n"
                                             "time.sleep(3141)\n"),
                              QStringLiteral("python"), QStringLiteral("python"))
                       .value(QStringLiteral("execID"))
                       .toString();
    }
    QList<qint64> sleeps;
    for (const QString &execId : execIds) {
        qint64 pid = 0;
        for (int waited = 0; waited < 30000 && pid == 0; waited += 100) {
            const QString log =
                gw->get(QStringLiteral("entrance/%1/log?fromLine=1&size=100").arg(execId))
                    .data()
                    .value(QStringLiteral("log"))
                    .toArray()
                    .at(3)
                    .toString();
            const qsizetype at = log.indexOf(QStringLiteral("sleep pid "));
            if (at >= 0)
                pid = QStringView(log).mid(at + 10).split(u'\n').at(0).toLongLong();
            else
                QTest::qWait(100);
        }
        QVERIFY2(pid > 0, qPrintable(execId));
        sleeps << pid;
    }
    auto cleanup = qScopeGuard([&sleeps] {
        for (qint64 pid : sleeps) {
            if (alive(pid))
                ::kill(pid_t(pid), SIGKILL); // only if the test failed
        }
    });

    gw->killHard(); // SIGKILL: the gateway cannot end anything
    gw.reset();
    // The python processes die with the gateway (parent-death signal); their sleeps do not.
    QTest::qWait(500);
    int survivors = 0;
    for (qint64 pid : sleeps)
        survivors += alive(pid) ? 1 : 0;
    QCOMPARE(survivors, kJobs);

    gw = std::make_unique<TestGateway>(data);
    QVERIFY(gw->start());
    for (qint64 pid : sleeps)
        QTRY_VERIFY2_WITH_TIMEOUT(!alive(pid), qPrintable(QString::number(pid)), 10000);
    for (const QString &execId : execIds)
        QCOMPARE(gw->status(execId), QStringLiteral("Failed"));
}

QTEST_GUILESS_MAIN(TestGatewayNothingStuck)
#include "tst_nothingstuck.moc"
