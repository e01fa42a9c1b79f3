// SPDX-License-Identifier: GPL-3.0-or-later
// LocalGateway: starting linkis-desk-gateway, reusing a running one through the runtime file,
// stale runtime files, a missing program, detached start.
#include "api/linkisclient.h"
#include "awaitresult.h"
#include "localgateway/gatewayruntimefile.h"
#include "localgateway/localgateway.h"

#include <QDir>
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
        const GatewayRuntimeFile stale {QUrl(QStringLiteral("http://127.0.0.1:1")),
                                        QStringLiteral("old"), deadPid};
        QVERIFY(stale.write(o.runtimeFile));
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

    void runtimeFileRoundTrip()
    {
        const QString path = m_dir.path() + QStringLiteral("/rt-new/sub/gateway.json");
        const GatewayRuntimeFile written {QUrl(QStringLiteral("http://127.0.0.1:4711")),
                                          QStringLiteral("t0ken"), 12345};
        const auto ok = written.write(path);
        QVERIFY2(ok, qPrintable(ok.error().message));
        // The user's only: the file 0600, the folder it had to create 0700.
        QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(path).absolutePath()).permissions() & 0x0077,
                 QFileDevice::Permissions());
        const auto read = GatewayRuntimeFile::read(path);
        QVERIFY2(read, qPrintable(read.error().message));
        QCOMPARE(read->url, written.url);
        QCOMPARE(read->token, written.token);
        QCOMPARE(read->pid, written.pid);
        // The format other tools read: {"url","token","pid"}.
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(raw.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://127.0.0.1:4711"));
        QCOMPARE(o.value(QStringLiteral("token")).toString(), QStringLiteral("t0ken"));
        QCOMPARE(o.value(QStringLiteral("pid")).toInteger(), 12345);
        // Written again (a restarted gateway): replaced whole, no temporary file left beside it.
        const GatewayRuntimeFile next {QUrl(QStringLiteral("http://127.0.0.1:4712")),
                                       QStringLiteral("other"), 6};
        QVERIFY(next.write(path));
        QCOMPARE(GatewayRuntimeFile::read(path)->token, QStringLiteral("other"));
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
                 QStringList {QStringLiteral("gateway.json")});
    }

    void damagedRuntimeFileIsAnErrorNotAGateway()
    {
        const QString path = m_dir.path() + QStringLiteral("/rt-damaged.json");
        QCOMPARE(GatewayRuntimeFile::read(path).error().kind, ApiError::Kind::Io); // missing
        const auto damaged = [&path](const QByteArray &content) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return ApiError::Kind::None;
            f.write(content);
            f.close();
            const auto r = GatewayRuntimeFile::read(path);
            return r ? ApiError::Kind::None : r.error().kind;
        };
        const QList<QByteArray> broken {
            "",
            "{\"url\":\"http://127.0.0.1:4711\",\"tok", // cut short
            "[\"http://127.0.0.1:4711\",\"t\"]", // not an object
            "{\"url\":\"http://127.0.0.1:4711\",\"pid\":1}", // no token
            "{\"url\":\"not a url\",\"token\":\"t\",\"pid\":1}", // no host
        };
        for (const QByteArray &content : broken)
            QCOMPARE(damaged(content), ApiError::Kind::Parse);
        const QByteArray whole = "{\"url\":\"http://127.0.0.1:4711\",\"token\":\"t\",\"pid\":1}";
        QCOMPARE(damaged(whole), ApiError::Kind::None);
        // A pid that is not a whole number reads as unknown, not as a damaged file.
        const QByteArray oddPid =
            "{\"url\":\"http://127.0.0.1:4711\",\"token\":\"t\",\"pid\":\"x\"}";
        QCOMPARE(damaged(oddPid), ApiError::Kind::None);
        QCOMPARE(GatewayRuntimeFile::read(path)->pid, 0);
        // A damaged file names itself in the error's detail.
        damaged("{");
        QVERIFY(
            GatewayRuntimeFile::read(path).error().detail.contains(QStringLiteral("rt-damaged")));
    }

    void damagedRuntimeFileStartsANewGateway()
    {
        LocalGateway::Options o = options(QStringLiteral("d"));
        QDir().mkpath(QFileInfo(o.runtimeFile).absolutePath());
        QFile file(o.runtimeFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"url\":\"http://127.0.0.1:1\",\"to"); // cut short
        file.close();
        LocalGateway gateway;
        o.reuse = true;
        gateway.start(o);
        QVERIFY(waitReady(gateway));
        QVERIFY(gateway.startedHere());
        const auto now = GatewayRuntimeFile::read(o.runtimeFile);
        QVERIFY(now);
        QCOMPARE(now->url, gateway.url());
        QCOMPARE(now->pid, gateway.pid());
    }

    void defaultPaths()
    {
        QCOMPARE(LocalGateway::defaultRuntimeFile(), GatewayRuntimeFile::defaultPath());
        QVERIFY(LocalGateway::defaultRuntimeFile().endsWith(
            QStringLiteral("/linkis-desk/gateway.json")));
        QVERIFY(LocalGateway::defaultExecutable().endsWith(QStringLiteral("linkis-desk-gateway")));
    }
};

QTEST_GUILESS_MAIN(TestLocalGateway)
#include "tst_localgateway.moc"
