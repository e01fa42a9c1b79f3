// SPDX-License-Identifier: GPL-3.0-or-later
// LinkisClient end to end against the real linkis-desk-gateway over HTTP on 127.0.0.1.
#include "api/linkisclient.h"
#include "awaitresult.h"
#include "testgateway.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace linkisdesk;
using testsupport::await;
using testsupport::TestGateway;
using Mode = ConnectionSettings::AuthMode;
using Kind = ApiError::Kind;

class TestClientE2e : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestGateway> m_gateway;

    static SubmitRequest sql(const QString &code)
    {
        SubmitRequest r;
        r.code = code;
        r.runType = QStringLiteral("sql");
        r.engineType = QStringLiteral("sqlite");
        return r;
    }
    static SubmitRequest python(const QString &code)
    {
        SubmitRequest r;
        r.code = code;
        r.runType = QStringLiteral("python");
        r.engineType = QStringLiteral("python");
        return r;
    }

    static JobRef submitOk(LinkisClient &client, const SubmitRequest &request)
    {
        const auto r =
            await<SubmitResult>([&](QObject *c, auto cb) { return client.submit(request, c, cb); });
        if (!r.ok())
            qWarning("submit failed: %s", qPrintable(r.error().message));
        return r.ok() ? JobRef {r->taskId, r->execId} : JobRef {};
    }

    static JobStatus waitTerminal(LinkisClient &client, const JobRef &job)
    {
        JobStatus status = JobStatus::Unknown;
        for (int i = 0; i < 600 && !isTerminal(status); ++i) {
            const auto r =
                await<JobStatus>([&](QObject *c, auto cb) { return client.status(job, c, cb); });
            if (r.ok())
                status = r.value();
            if (!isTerminal(status))
                QTest::qWait(50);
        }
        return status;
    }

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_gateway.reset(); }

    void submitPollResultsWithNulls()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        const JobRef job = submitOk(
            client,
            sql(QStringLiteral("select 1 as x;\nselect null as n, 'NULL' as s, 2.5 as d;")));
        QVERIFY(job.taskId > 0);
        QVERIFY(!job.execId.isEmpty());
        QCOMPARE(waitTerminal(client, job), JobStatus::Succeed);

        const auto info =
            await<TaskInfo>([&](QObject *c, auto cb) { return client.jobInfo(job.taskId, c, cb); });
        QVERIFY2(info.ok(), qPrintable(info.error().message));
        QCOMPARE(info->status, JobStatus::Succeed);
        QCOMPARE(info->taskId, job.taskId);
        QVERIFY(!info->resultLocation.isEmpty());
        QVERIFY(!info->logPath.isEmpty());
        QCOMPARE(info->pathExecId(), job.execId);
        QVERIFY(!info->errCode.has_value());

        const auto sets = await<QList<ResultSetRef>>(
            [&](QObject *c, auto cb) { return client.resultSets(info->resultLocation, c, cb); });
        QVERIFY2(sets.ok(), qPrintable(sets.error().message));
        QCOMPARE(sets->size(), 2);
        QCOMPARE(sets->at(0).index, 0);
        QCOMPARE(sets->at(1).index, 1);

        const auto first = await<ResultPage>(
            [&](QObject *c, auto cb) { return client.openFile(sets->at(0).path, 1, 10, c, cb); });
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->type, ResultPage::Type::Table);
        QCOMPARE(first->columns.first().name, QStringLiteral("x"));
        QCOMPARE(first->rows, (QList<QStringList> {{QStringLiteral("1")}}));

        const auto second = await<ResultPage>(
            [&](QObject *c, auto cb) { return client.openFile(sets->at(1).path, 1, 10, c, cb); });
        QVERIFY2(second.ok(), qPrintable(second.error().message));
        QCOMPARE(second->columns.size(), 3);
        QVERIFY(second->isNull(0, 0)); // SQL NULL
        QVERIFY(!second->isNull(0, 1)); // the text 'NULL'
        QCOMPARE(second->rows.at(0).at(1), QStringLiteral("NULL"));
        QCOMPARE(second->rows.at(0).at(2), QStringLiteral("2.5"));
    }

    void logsInOrderIncrementallyAndWhole()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        const JobRef job = submitOk(
            client, python(QStringLiteral("for i in range(1, 41):\n    print('row', i)\n")));
        QVERIFY(job.isValid());
        QCOMPARE(waitTerminal(client, job), JobStatus::Succeed);
        QStringList incremental;
        int fromLine = 1;
        for (int i = 0; i < 100; ++i) {
            const auto chunk = await<LogChunk>(
                [&](QObject *c, auto cb) { return client.log(job, fromLine, 7, c, cb); });
            QVERIFY2(chunk.ok(), qPrintable(chunk.error().message));
            const QStringList lines = chunk->lines();
            incremental += lines;
            QVERIFY(chunk->nextFromLine >= fromLine);
            fromLine = chunk->nextFromLine;
            if (lines.size() < 7)
                break;
        }
        const auto info =
            await<TaskInfo>([&](QObject *c, auto cb) { return client.jobInfo(job.taskId, c, cb); });
        QVERIFY(info.ok());
        const auto whole = await<LogChunk>(
            [&](QObject *c, auto cb) { return client.openLog(info->logPath, c, cb); });
        QVERIFY2(whole.ok(), qPrintable(whole.error().message));
        QCOMPARE(incremental, whole->lines());
        int last = 0;
        int rows = 0;
        for (const QString &line : incremental) {
            const qsizetype at = line.indexOf(QStringLiteral("row "));
            if (at < 0)
                continue;
            const int n = line.mid(at + 4).trimmed().toInt();
            QCOMPARE(n, last + 1);
            last = n;
            ++rows;
        }
        QCOMPARE(rows, 40);

        // The decoded pages (decoded on a worker) say the same; the call stays in flight until
        // its page is decoded, and a cancel then drops it.
        QStringList paged;
        fromLine = 1;
        for (int i = 0; i < 100; ++i) {
            const auto page = await<LogPage>(
                [&](QObject *c, auto cb) { return client.logPage(job, fromLine, 7, c, cb); });
            QVERIFY2(page.ok(), qPrintable(page.error().message));
            paged += page->lines();
            fromLine = page->nextFromLine;
            if (page->size() < 7)
                break;
        }
        QCOMPARE(paged, incremental);
        const auto file = await<LogPage>(
            [&](QObject *c, auto cb) { return client.openLogPage(info->logPath, c, cb); });
        QVERIFY2(file.ok(), qPrintable(file.error().message));
        QCOMPARE(file->lines(), whole->lines());

        bool called = false;
        RequestHandle cancelled =
            client.logPage(job, 1, 1000, this, [&](Result<LogPage>) { called = true; });
        cancelled.cancel();
        bool delivered = false;
        RequestHandle watched = client.logPage(job, 1, 1000, this, [&](Result<LogPage> r) {
            QVERIFY(r.ok());
            delivered = true;
        });
        // In flight until the decoded page was handed over, never inactive before.
        bool alwaysActive = true;
        QTRY_VERIFY([&] {
            if (!delivered && !watched.isActive())
                alwaysActive = false;
            return delivered;
        }());
        QVERIFY(alwaysActive);
        QVERIFY(!watched.isActive());
        QVERIFY(!called);
    }

    void resultPagesUntilEmpty()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        const JobRef job =
            submitOk(client,
                     sql(QStringLiteral("with recursive c(i) as (select 1 union all select i + 1 "
                                        "from c where i < 12) select i from c;")));
        QCOMPARE(waitTerminal(client, job), JobStatus::Succeed);
        const auto info =
            await<TaskInfo>([&](QObject *c, auto cb) { return client.jobInfo(job.taskId, c, cb); });
        const auto sets = await<QList<ResultSetRef>>(
            [&](QObject *c, auto cb) { return client.resultSets(info->resultLocation, c, cb); });
        QVERIFY(sets.ok() && sets->size() == 1);
        QStringList values;
        QList<int> sizes;
        for (int page = 1; page < 10; ++page) {
            const auto p = await<ResultPage>([&](QObject *c, auto cb) {
                return client.openFile(sets->first().path, page, 5, c, cb);
            });
            QVERIFY2(p.ok(), qPrintable(p.error().message));
            sizes << int(p->rows.size());
            if (p->isEmpty())
                break;
            for (const QStringList &row : p->rows)
                values << row.first();
        }
        QCOMPARE(sizes, (QList<int> {5, 5, 2, 0}));
        QCOMPARE(values.size(), 12);
        QCOMPARE(values.first(), QStringLiteral("1"));
        QCOMPARE(values.last(), QStringLiteral("12"));
    }

    void killIsConfirmedByStatus()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        const JobRef job = submitOk(client, python(QStringLiteral("while True:\n    pass\n")));
        QVERIFY(job.isValid());
        JobStatus status = JobStatus::Unknown;
        for (int i = 0; i < 200 && status != JobStatus::Running; ++i) {
            const auto r =
                await<JobStatus>([&](QObject *c, auto cb) { return client.status(job, c, cb); });
            QVERIFY(r.ok());
            status = r.value();
            if (status != JobStatus::Running)
                QTest::qWait(20);
        }
        QCOMPARE(status, JobStatus::Running);
        const auto killed =
            await<Unit>([&](QObject *c, auto cb) { return client.kill(job, c, cb); });
        QVERIFY2(killed.ok(), qPrintable(killed.error().message));
        QCOMPARE(waitTerminal(client, job), JobStatus::Cancelled);
    }

    void historyListsTheJobs()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        const JobRef job = submitOk(client, sql(QStringLiteral("select 7;")));
        QCOMPARE(waitTerminal(client, job), JobStatus::Succeed);
        TaskQuery q;
        q.pageSize = 100;
        const auto page =
            await<TaskPage>([&](QObject *c, auto cb) { return client.jobList(q, c, cb); });
        QVERIFY2(page.ok(), qPrintable(page.error().message));
        QVERIFY(page->total >= 1);
        bool found = false;
        for (const TaskInfo &t : page->tasks)
            found |= t.taskId == job.taskId;
        QVERIFY(found);
        const auto undone =
            await<TaskPage>([&](QObject *c, auto cb) { return client.undoneTasks(c, cb); });
        QVERIFY2(undone.ok(), qPrintable(undone.error().message));
        for (const TaskInfo &t : undone->tasks)
            QVERIFY(!isTerminal(t.status));
    }

    void executeFlavourAndAuthModes()
    {
        for (const Mode mode : {Mode::Password, Mode::SeedProxy, Mode::LinkisProxy}) {
            ConnectionSettings s = m_gateway->settings(mode);
            s.flavour = mode == Mode::Password ? ConnectionSettings::ApiFlavour::Execute
                                               : ConnectionSettings::ApiFlavour::Submit;
            LinkisClient client(s);
            const JobRef job = submitOk(client, sql(QStringLiteral("select 1;")));
            QVERIFY2(job.isValid(), qPrintable(ConnectionSettings::authModeName(mode)));
            QCOMPARE(waitTerminal(client, job), JobStatus::Succeed);
            const auto info = await<TaskInfo>(
                [&](QObject *c, auto cb) { return client.jobInfo(job.taskId, c, cb); });
            QVERIFY(info.ok());
            QCOMPARE(info->executeUser, QStringLiteral("alice"));
        }
    }

    void proxyUserOnTopOfAToken()
    {
        ConnectionSettings s = m_gateway->settings(Mode::Token);
        s.proxyUser = QStringLiteral("bob");
        LinkisClient client(s);
        const JobRef job = submitOk(client, sql(QStringLiteral("select 1;")));
        QVERIFY(job.isValid());
        QCOMPARE(waitTerminal(client, job), JobStatus::Succeed);
        const auto info =
            await<TaskInfo>([&](QObject *c, auto cb) { return client.jobInfo(job.taskId, c, cb); });
        QVERIFY(info.ok());
        QCOMPARE(info->executeUser, QStringLiteral("bob"));
    }

    void badCredentialsAreAuthErrors()
    {
        for (const Mode mode : {Mode::Password, Mode::Token, Mode::SeedProxy, Mode::LinkisProxy}) {
            ConnectionSettings s = m_gateway->settings(mode);
            s.secret = QStringLiteral("wrong-secret");
            LinkisClient client(s);
            const auto r = await<JobStatus>([&](QObject *c, auto cb) {
                return client.status(JobRef {1, QStringLiteral("x")}, c, cb);
            });
            QVERIFY2(!r.ok(), qPrintable(ConnectionSettings::authModeName(mode)));
            QVERIFY2(r.error().kind == Kind::Auth,
                     qPrintable(ConnectionSettings::authModeName(mode) + QStringLiteral(": ") +
                                ApiError::kindName(r.error().kind) + u' ' + r.error().message));
            QVERIFY(!r.error().message.contains(QStringLiteral("wrong-secret")));
        }
        ConnectionSettings none = m_gateway->settings(Mode::None);
        LinkisClient anonymous(none);
        const auto r = await<JobStatus>([&](QObject *c, auto cb) {
            return anonymous.status(JobRef {1, QStringLiteral("x")}, c, cb);
        });
        QCOMPARE(r.error().kind, Kind::SessionExpired);
        QCOMPARE(r.error().httpStatus, 401);
    }

    void reloginAfterServerSideLogout()
    {
        LinkisClient client(m_gateway->settings(Mode::Password));
        QSignalSpy relogged(&client, &LinkisClient::reloggedIn);
        const auto login =
            await<LoginInfo>([&](QObject *c, auto cb) { return client.login(c, cb); });
        QVERIFY2(login.ok(), qPrintable(login.error().message));
        QCOMPARE(login->userName, QStringLiteral("alice"));
        // End the session behind the client's back (raw call: the client thinks it is still in).
        const auto out = await<RawReply>([&](QObject *c, auto cb) {
            return client.raw("POST", QStringLiteral("user/logout"), {}, {}, c, cb);
        });
        QVERIFY(out.ok());
        const auto info =
            await<LoginInfo>([&](QObject *c, auto cb) { return client.userInfo(c, cb); });
        QVERIFY2(info.ok(), qPrintable(info.error().message));
        QCOMPARE(info->userName, QStringLiteral("alice"));
        QCOMPARE(relogged.count(), 1);
        // A real logout: the next call logs in again on demand.
        const auto bye = await<Unit>([&](QObject *c, auto cb) { return client.logout(c, cb); });
        QVERIFY(bye.ok());
        const auto again =
            await<LoginInfo>([&](QObject *c, auto cb) { return client.userInfo(c, cb); });
        QVERIFY(again.ok());
        QCOMPARE(relogged.count(), 2);
    }

    void reloginAfterGatewayRestart()
    {
        LinkisClient client(m_gateway->settings(Mode::Password));
        const auto before =
            await<LoginInfo>([&](QObject *c, auto cb) { return client.userInfo(c, cb); });
        QVERIFY2(before.ok(), qPrintable(before.error().message));
        QString error;
        QVERIFY2(m_gateway->restart(false, &error), qPrintable(error));
        QSignalSpy relogged(&client, &LinkisClient::reloggedIn);
        const auto after =
            await<LoginInfo>([&](QObject *c, auto cb) { return client.userInfo(c, cb); });
        QVERIFY2(after.ok(), qPrintable(after.error().message));
        QCOMPARE(relogged.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientE2e)
#include "tst_client_e2e.moc"
