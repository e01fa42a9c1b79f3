// SPDX-License-Identifier: GPL-3.0-or-later
// LocalGateway: starting linkis-desk-gateway, reusing a running one through the runtime file,
// stale runtime files, a missing program, detached start.
#include "api/linkisclient.h"
#include "api/localgateway.h"
#include "awaitresult.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace linkisdesk;

class TestLocalGateway : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    LocalGateway::Options options(const QString &name) const
    {
        LocalGateway::Options o;
        o.executable = QStringLiteral(LINKIS_DESK_GATEWAY_BIN);
        o.dataDir = m_dir.path() + u'/' + name + QStringLiteral("-data");
        o.runtimeFile = m_dir.path() + u'/' + name + QStringLiteral("-run/gateway.json");
        return o;
    }

    static bool waitReady(LocalGateway &gateway)
    {
        QSignalSpy ready(&gateway, &LocalGateway::ready);
        QSignalSpy failed(&gateway, &LocalGateway::failed);
        for (int i = 0; i < 200 && ready.isEmpty() && failed.isEmpty(); ++i)
            ready.wait(100);
        if (!failed.isEmpty())
            qWarning("failed: %s", qPrintable(failed.first().first().value<ApiError>().message));
        return !ready.isEmpty();
    }

    static bool pidAlive(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0; }

private slots:
    void startsAndAnswers()
    {
        LocalGateway gateway;
        const LocalGateway::Options o = options(QStringLiteral("a"));
        gateway.start(o);
        QVERIFY(waitReady(gateway));
        QVERIFY(gateway.isReady());
        QVERIFY(gateway.startedHere());
        QCOMPARE(gateway.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(gateway.url().port() > 0);
        QVERIFY(!gateway.token().isEmpty());
        QVERIFY(pidAlive(gateway.pid()));
        // The runtime file is the user's only.
        const QFileInfo runtime(o.runtimeFile);
        QVERIFY(runtime.exists());
        QCOMPARE(runtime.permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QCOMPARE(QFileInfo(runtime.absolutePath()).permissions() &
                     (QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup),
                 QFile::Permissions());

        ConnectionSettings s;
        s.baseUrl = gateway.url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = gateway.token();
        LinkisClient client(s);
        const auto info = testsupport::await<LoginInfo>(
            [&](QObject *c, auto cb) { return client.userInfo(c, cb); });
        QVERIFY2(info.ok(), qPrintable(info.error().message));
        QCOMPARE(info->userName, QStringLiteral("alice"));

        QSignalSpy stopped(&gateway, &LocalGateway::stopped);
        const qint64 pid = gateway.pid();
        gateway.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);
        QTRY_VERIFY(!pidAlive(pid));
        QVERIFY(!QFile::exists(o.runtimeFile));
    }

    void reusesARunningGateway()
    {
        LocalGateway first;
        LocalGateway::Options o = options(QStringLiteral("b"));
        first.start(o);
        QVERIFY(waitReady(first));
        LocalGateway second;
        o.reuse = true;
        second.start(o);
        QVERIFY(waitReady(second));
        QVERIFY(!second.startedHere());
        QCOMPARE(second.url(), first.url());
        QCOMPARE(second.token(), first.token());
        QCOMPARE(second.pid(), first.pid());
    }

    void staleRuntimeFileStartsANewOne()
    {
        LocalGateway::Options o = options(QStringLiteral("c"));
        QDir().mkpath(QFileInfo(o.runtimeFile).absolutePath());
        // A pid that has exited: the process of a finished `true`.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        QFile file(o.runtimeFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(
                       QJsonObject {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1")},
                                    {QStringLiteral("token"), QStringLiteral("old")},
                                    {QStringLiteral("pid"), double(deadPid)}})
                       .toJson());
        file.close();
        LocalGateway gateway;
        o.reuse = true;
        gateway.start(o);
        QVERIFY(waitReady(gateway));
        QVERIFY(gateway.startedHere());
        QVERIFY(gateway.token() != QStringLiteral("old"));
        QVERIFY(gateway.url().port() != 1);
    }

    void missingProgramFails()
    {
        LocalGateway gateway;
        LocalGateway::Options o = options(QStringLiteral("d"));
        o.executable = m_dir.path() + QStringLiteral("/no-such-gateway");
        QSignalSpy failed(&gateway, &LocalGateway::failed);
        gateway.start(o);
        QTRY_COMPARE(failed.count(), 1);
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Io);
        QVERIFY(error.message.contains(QStringLiteral("no-such-gateway")));
        QVERIFY(!gateway.isReady());
    }

    void detachedOutlivesItsStarter()
    {
        LocalGateway::Options o = options(QStringLiteral("e"));
        o.detached = true;
        o.token = QStringLiteral("detached-token");
        qint64 pid = 0;
        QUrl url;
        {
            LocalGateway starter;
            starter.start(o);
            QVERIFY(waitReady(starter));
            QVERIFY(starter.startedHere());
            QCOMPARE(starter.token(), QStringLiteral("detached-token"));
            pid = starter.pid();
            url = starter.url();
        }
        QVERIFY(pidAlive(pid));
        LocalGateway user;
        o.reuse = true;
        user.start(o);
        QVERIFY(waitReady(user));
        QVERIFY(!user.startedHere());
        QCOMPARE(user.url(), url);
        ::kill(pid_t(pid), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(!pidAlive(pid), 10000);
    }

    void defaultPaths()
    {
        QVERIFY(LocalGateway::defaultRuntimeFile().endsWith(
            QStringLiteral("/linkis-desk/gateway.json")));
        QVERIFY(LocalGateway::defaultExecutable().endsWith(QStringLiteral("linkis-desk-gateway")));
    }
};

QTEST_GUILESS_MAIN(TestLocalGateway)
#include "tst_localgateway.moc"
