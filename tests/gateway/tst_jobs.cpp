// SPDX-License-Identifier: GPL-3.0-or-later
// Jobs end to end over HTTP against the real gateway: the seed's sample request, the engines,
// kills (with /proc checks), log paging, result paging, NULLs, variables, progress.
#include "processscan.h"
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

class TestGatewayJobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void seedSampleRequestSucceeds();
    void demoTableAggregates();
    void hiveStatementsRunOnSqlite();
    void resultPagesAcrossSeveralPages();
    void nullValues();
    void variablesAreSubstituted();
    void sqlErrorFailsWithLineAndMessage();
    void pythonOutputIsLoggedAndATextResult();
    void killShellBackgroundSleepLeavesNoProcess();
    void killLongSqliteQuery();
    void killJobsKillsEveryListedJob();
    void logPagingWithFromLine();
    void progressHasOneItemPerStatement();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestGateway> m_gw;
};

void TestGatewayJobs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_gw = std::make_unique<TestGateway>(
        m_dir.path() + QStringLiteral("/data"),
        QStringList {QStringLiteral("--max-jobs"), QStringLiteral("8")});
    QVERIFY(m_gw->start());
    QVERIFY(m_gw->url().toString().startsWith(QStringLiteral("http://127.0.0.1:")));
}

void TestGatewayJobs::seedSampleRequestSucceeds()
{
    // Verbatim from the seed's restful-api.md (section 3.1).
    const QByteArray body = R"({
 "method":"/api/rest_j/v1/entrance/execute",
 "params": {
    "variable":{
    "k1":"v1"
    },
    "configuration":{
    "special":{
    "k2":"v2"
    },
    "runtime":{
    "k3":"v3"
    },
    "startup":{
    "k4":"v4"
    }
    }
    },
    "executeApplicationName":"spark",
    "executionCode":"show tables",
    "runType":"sql",
    "source":{
    "scriptPath": "/home/Linkis/Linkis.sql"
    }
})";
    const HttpResult r =
        m_gw->call("POST", QStringLiteral("entrance/execute"), body, m_gw->tokenHeaders());
    QCOMPARE(r.http, 200);
    QCOMPARE(r.status(), 0);
    const QString execId = r.data().value(QStringLiteral("execID")).toString();
    QVERIFY(execId.startsWith(QStringLiteral("exec_id018")));
    QVERIFY(execId.endsWith(QStringLiteral("IDE_hadoop_spark_%1")
                                .arg(r.data().value(QStringLiteral("taskID")).toInteger())));
    QVERIFY(r.data().value(QStringLiteral("taskID")).isDouble()); // a number, as Linkis sends
    QCOMPARE(m_gw->waitDone(execId), QStringLiteral("Succeed"));

    const QJsonObject task = m_gw->task(r.data().value(QStringLiteral("taskID")).toInteger());
    QCOMPARE(task.value(QStringLiteral("engineType")).toString(), QStringLiteral("spark"));
    const HttpResult log =
        m_gw->get(QStringLiteral("entrance/%1/log?fromLine=1&size=-1").arg(execId));
    const QJsonArray slots4 = log.data().value(QStringLiteral("log")).toArray();
    QCOMPARE(slots4.size(), 4);
    QVERIFY(slots4.at(1).toString().contains(QStringLiteral("WARN")));
    QVERIFY(slots4.at(1).toString().contains(QStringLiteral("SQLite")));

    const HttpResult page =
        m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin")
                      .arg(task.value(QStringLiteral("resultLocation")).toString()));
    QCOMPARE(page.status(), 0);
    QCOMPARE(page.data().value(QStringLiteral("type")).toString(), QStringLiteral("2"));
    const QJsonArray rows = page.data().value(QStringLiteral("fileContent")).toArray();
    QVERIFY(rows.contains(QJsonArray {QStringLiteral("demo_sales")}));
}

void TestGatewayJobs::demoTableAggregates()
{
    const QJsonObject job = m_gw->submit(
        QStringLiteral("select region, sum(amount), count(*) from demo_sales group by region "
                       "order by region;"),
        QStringLiteral("sqlite-3"), QStringLiteral("sql"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QCOMPARE(m_gw->waitDone(execId), QStringLiteral("Succeed"));
    const QJsonObject task = m_gw->task(job.value(QStringLiteral("taskID")).toInteger());
    const HttpResult page =
        m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin")
                      .arg(task.value(QStringLiteral("resultLocation")).toString()));
    const QJsonArray rows = page.data().value(QStringLiteral("fileContent")).toArray();
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(0).toArray().at(0).toString(), QStringLiteral("Central"));
    qint64 total = 0;
    for (const auto &row : rows)
        total += row.toArray().at(2).toString().toLongLong();
    QCOMPARE(total, 100000);
    const QJsonArray meta = page.data().value(QStringLiteral("metadata")).toArray();
    QCOMPARE(meta.size(), 3);
    QCOMPARE(meta.at(2).toObject().value(QStringLiteral("columnName")).toString(),
             QStringLiteral("count(*)"));
    QCOMPARE(meta.at(2).toObject().value(QStringLiteral("dataType")).toString(),
             QStringLiteral("long"));
}

void TestGatewayJobs::hiveStatementsRunOnSqlite()
{
    const QJsonObject job = m_gw->submit(
        QStringLiteral("use default;\nshow databases;\ndesc demo_sales;\ndescribe `demo_sales`"),
        QStringLiteral("hive-3.1.3"), QStringLiteral("hql"));
    QCOMPARE(m_gw->waitDone(job.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Succeed"));
    const QString dir = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                            .value(QStringLiteral("resultLocation"))
                            .toString();
    auto rows = [&](int n) {
        return m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_%2.dolphin").arg(dir).arg(n))
            .data()
            .value(QStringLiteral("fileContent"))
            .toArray();
    };
    QCOMPARE(rows(0), (QJsonArray {QJsonValue(QJsonArray {QStringLiteral("default")})}));
    const QJsonArray columns = rows(1);
    QCOMPARE(columns.size(), 5);
    QCOMPARE(columns.at(0).toArray().at(0).toString(), QStringLiteral("sale_date"));
    QCOMPARE(columns.at(4).toArray().at(1).toString(), QStringLiteral("REAL"));
    QCOMPARE(rows(2), columns);

    const QJsonObject missing = m_gw->submit(QStringLiteral("desc no_such_table"),
                                             QStringLiteral("spark"), QStringLiteral("sql"));
    QCOMPARE(m_gw->waitDone(missing.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Failed"));
    QVERIFY(m_gw->task(missing.value(QStringLiteral("taskID")).toInteger())
                .value(QStringLiteral("errDesc"))
                .toString()
                .contains(QStringLiteral("not found")));
}

void TestGatewayJobs::resultPagesAcrossSeveralPages()
{
    const QJsonObject job = m_gw->submit(
        QStringLiteral("select rowid, * from demo_sales order by rowid limit 12345;\n"
                       "select rowid, * from demo_sales order by rowid limit 1 offset 5000;"),
        QStringLiteral("sqlite-3"), QStringLiteral("sql"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QCOMPARE(m_gw->waitDone(execId), QStringLiteral("Succeed"));
    const QString dir = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                            .value(QStringLiteral("resultLocation"))
                            .toString();
    const HttpResult tree =
        m_gw->get(QStringLiteral("filesystem/getDirFileTrees?path=%1").arg(dir));
    const QJsonArray children = tree.data()
                                    .value(QStringLiteral("dirFileTrees"))
                                    .toObject()
                                    .value(QStringLiteral("children"))
                                    .toArray();
    QCOMPARE(children.size(), 2);
    QCOMPARE(children.at(1).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("_1.dolphin"));
    QVERIFY(children.at(0)
                .toObject()
                .value(QStringLiteral("properties"))
                .toObject()
                .value(QStringLiteral("size"))
                .isString());

    QList<int> sizes;
    QJsonArray firstOfPage2;
    for (int page = 1; page <= 4; ++page) {
        const HttpResult r =
            m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin&page=%2&pageSize=5000")
                          .arg(dir)
                          .arg(page));
        QCOMPARE(r.status(), 0);
        QCOMPARE(r.data().value(QStringLiteral("totalPage")).toInt(), 0);
        QCOMPARE(r.data().value(QStringLiteral("page")).toInt(), page);
        const QJsonArray rows = r.data().value(QStringLiteral("fileContent")).toArray();
        QCOMPARE(r.data().value(QStringLiteral("totalLine")).toInt(), rows.size());
        sizes << int(rows.size());
        if (page == 2)
            firstOfPage2 = rows.at(0).toArray();
    }
    QCOMPARE(sizes, (QList<int> {5000, 5000, 2345, 0}));
    const HttpResult single =
        m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_1.dolphin").arg(dir));
    QCOMPARE(single.data().value(QStringLiteral("fileContent")).toArray().at(0).toArray(),
             firstOfPage2);
    QCOMPARE(firstOfPage2.at(0).toString(), QStringLiteral("5001"));
}

void TestGatewayJobs::nullValues()
{
    const QJsonObject job = m_gw->submit(QStringLiteral("select null as a, 'null' as b, 7 as c"),
                                         QStringLiteral("sqlite"), QStringLiteral("sql"));
    QCOMPARE(m_gw->waitDone(job.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Succeed"));
    const QString file = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                             .value(QStringLiteral("resultLocation"))
                             .toString() +
        QStringLiteral("/_0.dolphin");
    auto firstRow = [&](const QString &extra) {
        return m_gw->get(QStringLiteral("filesystem/openFile?path=%1%2").arg(file, extra))
            .data()
            .value(QStringLiteral("fileContent"))
            .toArray()
            .at(0)
            .toArray();
    };
    QCOMPARE(firstRow({}),
             (QJsonArray {QStringLiteral("NULL"), QStringLiteral("null"), QStringLiteral("7")}));
    QCOMPARE(firstRow(QStringLiteral("&nullValue=BLANK")),
             (QJsonArray {QString(), QStringLiteral("null"), QStringLiteral("7")}));
    QCOMPARE(firstRow(QStringLiteral("&nullValue=%5Cn")).at(0).toString(), QStringLiteral("\\n"));
}

void TestGatewayJobs::variablesAreSubstituted()
{
    const QJsonObject params {
        {QStringLiteral("variable"), QJsonObject {{QStringLiteral("k1"), QStringLiteral("v1")}}}};
    const QJsonObject job = m_gw->submit(
        QStringLiteral("--@set t=demo_sales\nselect '${k1}', '${run_date}', "
                       "(select count(*) from ${t}), '${nope}'"),
        QStringLiteral("sqlite"), QStringLiteral("sql"), QStringLiteral("hadoop"), params);
    QCOMPARE(m_gw->waitDone(job.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Succeed"));
    const QString file = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                             .value(QStringLiteral("resultLocation"))
                             .toString() +
        QStringLiteral("/_0.dolphin");
    const QJsonArray row = m_gw->get(QStringLiteral("filesystem/openFile?path=%1").arg(file))
                               .data()
                               .value(QStringLiteral("fileContent"))
                               .toArray()
                               .at(0)
                               .toArray();
    QCOMPARE(row.at(0).toString(), QStringLiteral("v1"));
    QCOMPARE(row.at(1).toString(),
             QDate::currentDate().addDays(-1).toString(QStringLiteral("yyyyMMdd")));
    QCOMPARE(row.at(2).toString(), QStringLiteral("100000"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("${nope}"));

    // A bad @set line fails the job, which is still recorded.
    const HttpResult bad =
        m_gw->post(QStringLiteral("entrance/execute"),
                   {{QStringLiteral("executeApplicationName"), QStringLiteral("sqlite")},
                    {QStringLiteral("executionCode"), QStringLiteral("--@set a=b=c\nselect 1")},
                    {QStringLiteral("runType"), QStringLiteral("sql")}});
    QCOMPARE(bad.http, 400);
    QCOMPARE(bad.status(), 1);
    QVERIFY(bad.message().contains(QStringLiteral("@set")));
}

void TestGatewayJobs::sqlErrorFailsWithLineAndMessage()
{
    const QJsonObject job =
        m_gw->submit(QStringLiteral("select 1;\n\nselect * from no_such_table;"),
                     QStringLiteral("sqlite"), QStringLiteral("sql"));
    QCOMPARE(m_gw->waitDone(job.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Failed"));
    const QJsonObject task = m_gw->task(job.value(QStringLiteral("taskID")).toInteger());
    QVERIFY(task.value(QStringLiteral("errCode")).isDouble());
    const QString desc = task.value(QStringLiteral("errDesc")).toString();
    QVERIFY2(desc.contains(QStringLiteral("line 3")), qPrintable(desc));
    QVERIFY2(desc.contains(QStringLiteral("no_such_table")), qPrintable(desc));
    const HttpResult log = m_gw->get(QStringLiteral("entrance/%1/log?fromLine=1&size=1000")
                                         .arg(job.value(QStringLiteral("execID")).toString()));
    const QString errors = log.data().value(QStringLiteral("log")).toArray().at(0).toString();
    QVERIFY(errors.contains(QStringLiteral(" ERROR ")));
    QVERIFY(errors.contains(QStringLiteral("no_such_table")));
}

void TestGatewayJobs::pythonOutputIsLoggedAndATextResult()
{
    const QJsonObject job = m_gw->submit(
        QStringLiteral("import sys\nprint('hello')\nprint('oops', file=sys.stderr)\nprint('x')"),
        QStringLiteral("python-python3"), QStringLiteral("python"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QCOMPARE(m_gw->waitDone(execId), QStringLiteral("Succeed"));
    const QJsonArray log =
        m_gw->get(QStringLiteral("entrance/%1/log?fromLine=1&size=1000").arg(execId))
            .data()
            .value(QStringLiteral("log"))
            .toArray();
    QVERIFY(log.at(2).toString().contains(QStringLiteral("INFO hello")));
    QVERIFY(log.at(0).toString().contains(QStringLiteral("ERROR oops")));
    const QString file = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                             .value(QStringLiteral("resultLocation"))
                             .toString() +
        QStringLiteral("/_0.dolphin");
    const HttpResult page = m_gw->get(QStringLiteral("filesystem/openFile?path=%1").arg(file));
    QCOMPARE(page.data().value(QStringLiteral("type")).toString(), QStringLiteral("1"));
    QCOMPARE(page.data().value(QStringLiteral("fileContent")).toArray(),
             (QJsonArray {QJsonArray {QStringLiteral("hello")}, QJsonArray {QStringLiteral("x")}}));

    // No output, no result set: the result directory does not exist (Linkis: no result).
    const QJsonObject silent =
        m_gw->submit(QStringLiteral("x = 1"), QStringLiteral("python"), QStringLiteral("python"));
    QCOMPARE(m_gw->waitDone(silent.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Succeed"));
    const HttpResult tree =
        m_gw->get(QStringLiteral("filesystem/getDirFileTrees?path=%1")
                      .arg(m_gw->task(silent.value(QStringLiteral("taskID")).toInteger())
                               .value(QStringLiteral("resultLocation"))
                               .toString()));
    QCOMPARE(tree.status(), 0);
    QVERIFY(tree.data().value(QStringLiteral("dirFileTrees")).isNull());

    // stdin is closed: input() fails at once instead of hanging the job.
    const QJsonObject reader = m_gw->submit(QStringLiteral("x = input()"), QStringLiteral("python"),
                                            QStringLiteral("python"));
    QCOMPARE(m_gw->waitDone(reader.value(QStringLiteral("execID")).toString(), 10000),
             QStringLiteral("Failed"));
    QVERIFY(m_gw->task(reader.value(QStringLiteral("taskID")).toInteger())
                .value(QStringLiteral("errDesc"))
                .toString()
                .contains(QStringLiteral("EOFError")));

    const QJsonObject failing =
        m_gw->submit(QStringLiteral("exit 3"), QStringLiteral("shell-1"), QStringLiteral("sh"));
    QCOMPARE(m_gw->waitDone(failing.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Failed"));
    QVERIFY(m_gw->task(failing.value(QStringLiteral("taskID")).toInteger())
                .value(QStringLiteral("errDesc"))
                .toString()
                .contains(QStringLiteral("code 3")));
}

void TestGatewayJobs::killShellBackgroundSleepLeavesNoProcess()
{
    const QJsonObject job = m_gw->submit(QStringLiteral("echo started\nsleep 1000 &\nwait"),
                                         QStringLiteral("shell"), QStringLiteral("shell"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    const QString script =
        QStringLiteral("/work/%1/script.sh").arg(job.value(QStringLiteral("taskID")).toInteger());
    qint64 pgid = 0;
    QTRY_VERIFY_WITH_TIMEOUT((pgid = findProcess(script)) != 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(processesInGroup(pgid).size() >= 2, 5000); // bash and sleep
    const HttpResult kill = m_gw->call("POST", QStringLiteral("entrance/%1/kill").arg(execId), {},
                                       m_gw->tokenHeaders());
    QCOMPARE(kill.status(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(processesInGroup(pgid).isEmpty(), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(execId), QStringLiteral("Cancelled"), 1000);
}

void TestGatewayJobs::killLongSqliteQuery()
{
    const QJsonObject job = m_gw->submit(
        QStringLiteral("with recursive c(x) as (select 1 union all select x + 1 from c) "
                       "select count(*) from c;"),
        QStringLiteral("sqlite"), QStringLiteral("sql"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(execId), QStringLiteral("Running"), 10000);
    QTest::qWait(200);
    QCOMPARE(m_gw->get(QStringLiteral("entrance/%1/kill").arg(execId)).status(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(execId), QStringLiteral("Cancelled"), 2000);
    const QJsonObject task = m_gw->task(job.value(QStringLiteral("taskID")).toInteger());
    QCOMPARE(task.value(QStringLiteral("status")).toString(), QStringLiteral("Cancelled"));
    QCOMPARE(task.value(QStringLiteral("progress")).toString(), QStringLiteral("1.0"));
}

void TestGatewayJobs::killJobsKillsEveryListedJob()
{
    QJsonArray ids;
    QJsonArray tasks;
    for (int i = 0; i < 2; ++i) {
        const QJsonObject job = m_gw->submit(QStringLiteral("import time\ntime.sleep(60)"),
                                             QStringLiteral("python"), QStringLiteral("py"));
        ids.append(job.value(QStringLiteral("execID")));
        tasks.append(job.value(QStringLiteral("taskID")));
    }
    for (const auto &id : ids)
        QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(id.toString()), QStringLiteral("Running"), 10000);
    const HttpResult r =
        m_gw->post(QStringLiteral("entrance/%1/killJobs").arg(ids.at(0).toString()),
                   {{QStringLiteral("idList"), ids}, {QStringLiteral("taskIDList"), tasks}});
    QCOMPARE(r.status(), 0);
    const QJsonArray messages = r.data().value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    for (const auto &m : messages)
        QCOMPARE(m.toObject().value(QStringLiteral("status")).toInt(), 0);
    for (const auto &id : ids)
        QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(id.toString()), QStringLiteral("Cancelled"), 2000);
    const HttpResult uneven = m_gw->post(
        QStringLiteral("entrance/%1/killJobs").arg(ids.at(0).toString()),
        {{QStringLiteral("idList"), ids}, {QStringLiteral("taskIDList"), QJsonArray {}}});
    QCOMPARE(uneven.status(), 1);
}

void TestGatewayJobs::logPagingWithFromLine()
{
    const QJsonObject job = m_gw->submit(QStringLiteral("for i in $(seq 1 250); do echo line$i; "
                                                        "done\necho warn-ish >&2"),
                                         QStringLiteral("shell"), QStringLiteral("sh"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QCOMPARE(m_gw->waitDone(execId), QStringLiteral("Succeed"));
    QStringList all;
    int fromLine = 1;
    int calls = 0;
    for (;;) {
        const HttpResult r = m_gw->get(
            QStringLiteral("entrance/%1/log?fromLine=%2&size=100").arg(execId).arg(fromLine));
        QCOMPARE(r.status(), 0);
        const QString chunk = r.data().value(QStringLiteral("log")).toArray().at(3).toString();
        const int next = r.data().value(QStringLiteral("fromLine")).toInt();
        if (chunk.isEmpty()) {
            QCOMPARE(next, fromLine);
            break;
        }
        const QStringList lines = chunk.split(u'\n');
        QVERIFY(lines.size() <= 100);
        QCOMPARE(next, fromLine + int(lines.size()));
        all += lines;
        fromLine = next;
        QVERIFY(++calls < 20);
    }
    QVERIFY(calls >= 3);
    QCOMPARE(all.filter(QRegularExpression(QStringLiteral(" INFO line\\d+$"))).size(), 250);
    QVERIFY(all.at(0).contains(QStringLiteral("Your job is accepted")));
    QVERIFY(all.constLast().contains(QStringLiteral("Congratulations")));
    QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO )"))
                .match(all.at(0))
                .hasMatch());

    // openLog gives the same lines, each ending with '\n', in the same four slots.
    const QString logPath = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                                .value(QStringLiteral("logPath"))
                                .toString();
    const HttpResult whole = m_gw->get(QStringLiteral("filesystem/openLog?path=%1").arg(logPath));
    QCOMPARE(whole.status(), 0);
    const QJsonArray slots4 = whole.data().value(QStringLiteral("log")).toArray();
    QCOMPARE(slots4.at(3).toString(), all.join(u'\n') + u'\n');
    QVERIFY(slots4.at(0).toString().contains(QStringLiteral("ERROR warn-ish\n")));
}

void TestGatewayJobs::progressHasOneItemPerStatement()
{
    const QJsonObject job = m_gw->submit(QStringLiteral("select 1; select 2; create temp table "
                                                        "t(x); insert into t values (1);"),
                                         QStringLiteral("sqlite"), QStringLiteral("sql"));
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QCOMPARE(m_gw->waitDone(execId), QStringLiteral("Succeed"));
    const HttpResult p = m_gw->get(QStringLiteral("entrance/%1/progress").arg(execId));
    QCOMPARE(p.status(), 0);
    QVERIFY(p.data().value(QStringLiteral("progress")).isDouble());
    QCOMPARE(p.data().value(QStringLiteral("progress")).toDouble(), 1.0);
    const QJsonArray info = p.data().value(QStringLiteral("progressInfo")).toArray();
    QCOMPARE(info.size(), 4);
    for (const auto &item : info) {
        QCOMPARE(item.toObject().value(QStringLiteral("succeedTasks")).toInt(), 1);
        QCOMPARE(item.toObject().value(QStringLiteral("totalTasks")).toInt(), 1);
    }
    const HttpResult pr = m_gw->get(QStringLiteral("entrance/%1/progressWithResource").arg(execId));
    QVERIFY(!pr.data().contains(QStringLiteral("yarnMetrics")));
    QVERIFY(pr.data().contains(QStringLiteral("yarnResource")));
    QVERIFY(pr.data().value(QStringLiteral("yarnResource")).isNull());
}

QTEST_GUILESS_MAIN(TestGatewayJobs)
#include "tst_jobs.moc"
