// SPDX-License-Identifier: GPL-3.0-or-later
// EngineClient (issue 17): the parsers on replies with the quirks of real Linkis
// (tests/data/linkis/engines), progressWithResource's resources, the engine a job's log names, then
// the client against the real local gateway: a python job leaves an idle engine, only its owner may
// kill it, and the kill is seen by polling.
#include "api/jobstatus.h"
#include "api/linkisparsers.h"
#include "api/logpage.h"
#include "api/submitrequest.h"
#include "awaitresult.h"
#include "engines/engineclient.h"
#include "engines/enginemention.h"
#include "engines/engineparsers.h"
#include "testgateway.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::engines;
using testsupport::await;
using testsupport::TestGateway;
using Mode = ConnectionSettings::AuthMode;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/engines/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

} // namespace

class TestEngineClient : public QObject
{
    Q_OBJECT

private slots:
    void rmEnginesWithEveryResourceShape()
    {
        const auto r = parseEngines(200, fixture("rm_engines.json"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->size(), 3);
        const EngineInfo &spark = r->at(0);
        QCOMPARE(spark.instance, QStringLiteral("node3:46021"));
        QCOMPARE(spark.engineType, QStringLiteral("spark"));
        QCOMPARE(spark.version, QStringLiteral("3.4.4"));
        QCOMPARE(spark.creator, QStringLiteral("IDE"));
        QCOMPARE(spark.owner, QStringLiteral("alice"));
        QCOMPARE(spark.memoryBytes, Q_INT64_C(2147483648)); // bytes, under loadInstanceResource
        QCOMPARE(spark.cores, 1);
        QVERIFY(spark.isIdle());
        QCOMPARE(r->at(1).status, QStringLiteral("Busy")); // null reads Busy
        QCOMPARE(r->at(1).memoryBytes, Q_INT64_C(1073741824)); // a flat LoadInstanceResource
        QCOMPARE(r->at(2).memoryBytes, Q_INT64_C(536870912)); // numbers as strings
        QCOMPARE(r->at(2).cores, 2);
        QCOMPARE(r->at(2).creator, QStringLiteral("Visualis"));
        QVERIFY(r->at(2).isIdle()); // Unlock
    }

    void noEnginesMeansNoKey()
    {
        const auto r = parseEngines(200, fixture("rm_engines_none.json"));
        QVERIFY(r.ok());
        QVERIFY(r->isEmpty());
    }

    void listUserEnginesNodes()
    {
        const auto r = parseEngines(200, fixture("list_user_engines.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(0).instance, QStringLiteral("node3:46021"));
        QCOMPARE(r->at(0).status, QStringLiteral("Busy"));
        QCOMPARE(r->at(0).memoryBytes, Q_INT64_C(3221225472));
        QCOMPARE(r->at(0).startTimeMs, Q_INT64_C(1704186900000));
        QCOMPARE(r->at(0).updateTimeMs, Q_INT64_C(1704187800000));
        QCOMPARE(r->at(1).typeAndVersion(), QStringLiteral("python python3"));
        QCOMPARE(r->at(1).creator, QStringLiteral("IDE"));
        QCOMPARE(r->at(1).cores, 1);
    }

    void killRefusalAndSuccess()
    {
        const auto refused = parseKill(400, fixture("kill_engineconn_no_permission.json"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ApiError::Kind::Linkis);
        QVERIFY(refused.error().message.contains(QStringLiteral("no permission")));
        QVERIFY(parseKill(200, fixture("enginekill_ok.json")).ok());
    }

    void userResourcesKeysAndStringPercents()
    {
        const auto r = parseUserResources(200, fixture("userresources.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->at(0).user, QStringLiteral("alice"));
        QCOMPARE(r->at(0).creator, QStringLiteral("IDE"));
        QCOMPARE(r->at(0).fraction, 0.35);
        QCOMPARE(r->at(0).engineTypes.size(), 2);
        QCOMPARE(r->at(0).engineTypes.at(0).engineType, QStringLiteral("spark"));
        QCOMPARE(r->at(0).engineTypes.at(0).version, QStringLiteral("3.4.4"));
        QCOMPARE(r->at(0).engineTypes.at(1).fraction, 0.1);
    }

    void progressWithoutYarnParses()
    {
        const auto r = parsers::parseProgress(200, fixture("progress_with_resource_no_yarn.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->progress, 0.5);
        QVERIFY(!r->resources.reported); // a top-level yarnResource: null
        QVERIFY(r->resources.applications.isEmpty());
        QCOMPARE(r->resources.corePercent, -1.0);
    }

    void progressWithYarnResourcesParses()
    {
        const auto r = parsers::parseProgress(200, fixture("progress_with_resource_running.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->progress, 0.42);
        const JobResources &res = r->resources;
        QVERIFY(res.reported);
        QCOMPARE(res.applications.size(), 2);
        QCOMPARE(res.applications.at(0).applicationId,
                 QStringLiteral("application_1700000000000_0042"));
        QCOMPARE(res.applications.at(0).queue, QStringLiteral("root.etl"));
        QCOMPARE(res.applications.at(0).memoryBytes, Q_INT64_C(8589934592)); // bytes
        QCOMPARE(res.applications.at(0).instances, 4);
        QCOMPARE(res.applications.at(1).memoryBytes, Q_INT64_C(2147483648)); // a string
        QCOMPARE(res.applications.at(1).cores, 3);
        QCOMPARE(res.applications.at(1).jobStatus, QStringLiteral("ACCEPTED"));
        QCOMPARE(res.memoryBytes(), Q_INT64_C(10737418240));
        QCOMPARE(res.cores(), 12);
        QCOMPARE(res.corePercent, 0.04); // "0.04"
        QCOMPARE(res.memoryPercent, 0.0098);
        QCOMPARE(res.coreRGB, QStringLiteral("green"));
    }

    void progressWithResourceOfTheDocsParses()
    {
        QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/progress_with_resource_F3.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto r = parsers::parseProgress(200, file.readAll());
        QVERIFY(r.ok());
        QVERIFY(r->resources.reported);
        QCOMPARE(r->resources.applications.size(), 1);
        QCOMPARE(r->resources.memoryBytes(), Q_INT64_C(9663676416));
        QCOMPARE(r->resources.cores(), 6);
        QCOMPARE(r->resources.applications.at(0).queue, QStringLiteral("default"));
        QCOMPARE(r->resources.applications.at(0).jobStatus, QStringLiteral("COMPLETED"));
        QCOMPARE(r->resources.memoryPercent, 0.009);
        QCOMPARE(r->resources.corePercent, 0.02);
    }

    void engineNamedByTheLog()
    {
        const auto created =
            EngineMention::inLine("2024-01-02 09:15:00.014 INFO Succeed to create new ec : "
                                  "ServiceInstance(linkis-cg-engineconn, node3:46021)");
        QVERIFY(created);
        QCOMPARE(created->applicationName, QStringLiteral("linkis-cg-engineconn"));
        QCOMPARE(created->instance, QStringLiteral("node3:46021"));
        QVERIFY(!created->reused);
        // Newer Linkis adds the registry timestamp.
        const auto reused = EngineMention::inLine(
            "Succeed to reuse ec : ServiceInstance(linkis-cg-engineconn, node4:41000, "
            "1700000000000)");
        QVERIFY(reused);
        QCOMPARE(reused->instance, QStringLiteral("node4:41000"));
        QVERIFY(reused->reused);
        // Other lines that name service instances are not the job's engine.
        QVERIFY(!EngineMention::inLine("Job with jobId : 7 and execID : x submitted "));
        QVERIFY(!EngineMention::inLine("Your job is accepted, jobID is x and taskID is 7 in "
                                       "ServiceInstance(linkis-cg-entrance, 10.0.0.1:9104)."));
        QVERIFY(!EngineMention::inLine("Succeed to create new ec : ServiceInstance(broken"));
        // A page: the last mention wins (a retried job gets another engine).
        const LogPage page = LogPage::fromLines(
            {QStringLiteral(
                 "Succeed to create new ec : ServiceInstance(linkis-cg-engineconn, a:1)"),
             QStringLiteral("retrying"),
             QStringLiteral("Succeed to reuse ec : ServiceInstance(linkis-cg-engineconn, b:2)"),
             QStringLiteral("print(1)")});
        QCOMPARE(EngineMention::inPage(page)->instance, QStringLiteral("b:2"));
        QVERIFY(!EngineMention::inPage(LogPage::fromLines({QStringLiteral("1")})));
    }

    void listAndKillOnTheLocalGateway()
    {
        QStandardPaths::setTestModeEnabled(true);
        TestGateway gateway;
        QString error;
        QVERIFY2(gateway.start(&error), qPrintable(error));
        LinkisClient alice(gateway.settings(Mode::Token, QStringLiteral("alice")));
        LinkisClient bob(gateway.settings(Mode::Token, QStringLiteral("bob")));
        EngineClient aliceEngines(&alice);
        EngineClient bobEngines(&bob);

        auto list = [](EngineClient &c) {
            return await<QList<EngineInfo>>(
                [&](QObject *ctx, auto cb) { return c.engines(ctx, cb); });
        };
        QVERIFY(list(aliceEngines).value().isEmpty());
        SubmitRequest request;
        request.code = QStringLiteral("x = 1");
        request.runType = QStringLiteral("python");
        request.engineType = QStringLiteral("python");
        const auto submitted =
            await<SubmitResult>([&](QObject *c, auto cb) { return alice.submit(request, c, cb); });
        QVERIFY(submitted.ok());
        const JobRef job {submitted->taskId, submitted->execId};
        JobStatus status = JobStatus::Unknown;
        for (int i = 0; i < 600 && !isTerminal(status); ++i) {
            const auto s =
                await<JobStatus>([&](QObject *c, auto cb) { return alice.status(job, c, cb); });
            if (s.ok())
                status = s.value();
            if (!isTerminal(status))
                QTest::qWait(50);
        }
        QCOMPARE(status, JobStatus::Succeed);

        const auto mine = list(aliceEngines);
        QVERIFY(mine.ok());
        QCOMPARE(mine->size(), 1);
        const EngineInfo engine = mine->at(0);
        QCOMPARE(engine.engineType, QStringLiteral("python"));
        QCOMPARE(engine.owner, QStringLiteral("alice"));
        QVERIFY(engine.isIdle());
        QVERIFY(engine.memoryBytes > 0);
        QVERIFY(engine.startTimeMs > 0);
        QVERIFY(list(bobEngines).value().isEmpty());

        const auto refused =
            await<bool>([&](QObject *c, auto cb) { return bobEngines.kill(engine, c, cb); });
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("no permission")));
        const auto killed =
            await<bool>([&](QObject *c, auto cb) { return aliceEngines.kill(engine, c, cb); });
        QVERIFY(killed.ok());
        bool gone = false;
        for (int i = 0; i < 200 && !gone; ++i) {
            gone = list(aliceEngines).value().isEmpty();
            if (!gone)
                QTest::qWait(50);
        }
        QVERIFY(gone);
    }
};

QTEST_GUILESS_MAIN(TestEngineClient)
#include "tst_engineclient.moc"
