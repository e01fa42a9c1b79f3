// SPDX-License-Identifier: GPL-3.0-or-later
// profile list|add|remove|test|import-linkis-cli, shared with the GUI through ProfileStore.
#include "cliharness.h"
#include "localgateway/gatewayruntimefile.h"
#include "profiles/profilestore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

namespace {
QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestCliProfile : public QObject
{
    Q_OBJECT

    std::unique_ptr<CliHarness> m_cli;

    QStringList addArgs(const QString &name) const
    {
        return {S("--server"), m_cli->server(), S("--user"),  S("alice"),   S("--auth"),
                S("token"),    S("profile"),    S("add"),     name,         S("--engine"),
                S("sqlite"),   S("--creator"),  S("nightly"), S("--label"), S("test gateway")};
    }

private slots:
    void init()
    {
        m_cli = std::make_unique<CliHarness>();
        QString error;
        QVERIFY2(m_cli->startGateway(&error), qPrintable(error));
    }

    void cleanup() { m_cli.reset(); }

    void addedProfileIsSeenByOtherProcessesAndTheGui()
    {
        CliRun r = m_cli->run(addArgs(S("work")));
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // Another CLI process lists it.
        r = m_cli->run({S("profile"), S("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().startsWith(S("NAME\t")));
        QVERIFY(r.outText().contains(S("\nwork\t")));
        QVERIFY(r.outText().contains(m_cli->server()));
        QVERIFY(r.outText().contains(S("\nLocal\t"))); // the built-in profile

        r = m_cli->run({S("--json"), S("profile"), S("list")});
        bool found = false;
        for (const QString &line : r.outText().split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            found = found || o.value(S("name")).toString() == S("work");
        }
        QVERIFY(found);

        // What the GUI reads: the shared ProfileStore in the same XDG config folder.
        qputenv("XDG_CONFIG_HOME", m_cli->configHome().toUtf8());
        ProfileStore store;
        QVERIFY(store.load().ok());
        const auto profile = store.profile(S("work"));
        QVERIFY(profile.has_value());
        QCOMPARE(profile->gatewayUrl, m_cli->gateway()->url());
        QCOMPARE(profile->user, S("alice"));
        QCOMPARE(profile->auth, Profile::AuthMode::Token);
        QCOMPARE(profile->engine, S("sqlite"));
        QCOMPARE(profile->creator, S("nightly"));
        QCOMPARE(profile->label, S("test gateway"));
        qunsetenv("XDG_CONFIG_HOME");

        // The profile drives a submit (engine and creator from the profile, token from the env).
        r = m_cli->run({S("--profile"), S("work"), S("submit"), S("-q"), S("-e"),
                        S("select 'via profile' as how")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("how\nvia profile\n"));
        r = m_cli->run({S("--profile"), S("work"), S("--json"), S("jobs"), S("--limit"), S("1")});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(S("creator")).toString(),
                 S("nightly"));

        // A duplicate is refused.
        r = m_cli->run(addArgs(S("WORK")));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);

        // Removed: gone for everybody.
        r = m_cli->run({S("profile"), S("remove"), S("work")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = m_cli->run({S("profile"), S("list")});
        QVERIFY(!r.outText().contains(S("\nwork\t")));
        r = m_cli->run({S("--profile"), S("work"), S("jobs")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.errLines().first().contains(S("no profile")));
        r = m_cli->run({S("profile"), S("remove"), S("work")});
        QCOMPARE(r.exitCode, 2);
    }

    void testChecksTheCredentials()
    {
        QCOMPARE(m_cli->run(addArgs(S("t"))).exitCode, 0);
        CliRun r = m_cli->run({S("profile"), S("test"), S("t")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.outText().startsWith(S("OK")));

        QProcessEnvironment env = m_cli->environment();
        env.insert(S("LINKIS_DESK_TOKEN"), S("bad"));
        r = m_cli->run({S("profile"), S("test"), S("t")}, {}, env);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.errLines().size(), 1);

        // --server form.
        r = m_cli->run(m_cli->connection() + QStringList {S("profile"), S("test")});
        QCOMPARE(r.exitCode, 0);

        // A password profile with a wrong password from stdin.
        r = m_cli->run({S("--server"), m_cli->server(), S("--user"), S("bob"), S("--auth"),
                        S("password"), S("--password-stdin"), S("profile"), S("test")},
                       "wrong\n");
        QCOMPARE(r.exitCode, 3);
        r = m_cli->run({S("--server"), m_cli->server(), S("--user"), S("bob"), S("--auth"),
                        S("password"), S("--password-stdin"), S("profile"), S("test")},
                       "bob-pw\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void localProfileStartsOrReusesTheBundledGateway()
    {
        QProcessEnvironment env = m_cli->environment();
        env.remove(S("LINKIS_DESK_TOKEN")); // the local gateway's token comes from its runtime file
        CliRun r = m_cli->run({S("--profile"), S("Local"), S("submit"), S("-q"), S("-e"),
                               S("select 'local' as where_")},
                              {}, env);
        // The gateway was started detached; stop it whatever happened.
        const QString runtimeFile =
            m_cli->environment().value(S("XDG_RUNTIME_DIR")) + S("/linkis-desk/gateway.json");
        const auto runtime = GatewayRuntimeFile::read(runtimeFile);
        const qint64 pid = runtime ? runtime->pid : 0;
        auto stop = qScopeGuard([pid] {
            if (pid > 0)
                ::kill(pid_t(pid), SIGTERM);
        });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("where_\nlocal\n"));
        QVERIFY(pid > 0);

        // The next command reuses the same gateway (same runtime file, same pid).
        r = m_cli->run({S("--profile"), S("Local"), S("--json"), S("jobs")}, {}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outText().split(u'\n', Qt::SkipEmptyParts).size(), 1);
        const auto again = GatewayRuntimeFile::read(runtimeFile);
        QVERIFY(again);
        QCOMPARE(again->pid, pid);
    }

    void importLinkisCliProperties()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(S("linkis-cli.properties"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("wds.linkis.client.common.gatewayUrl=" + m_cli->server().toUtf8() +
                   "\nwds.linkis.client.common.authStrategy=token\n"
                   "wds.linkis.client.common.tokenKey=Validation-Code\n"
                   "wds.linkis.client.common.tokenValue=" +
                   QByteArray(TestGateway::Token) +
                   "\nwds.linkis.client.common.submitUser=alice\n");
        file.close();
        CliRun r =
            m_cli->run({S("profile"), S("import-linkis-cli"), path, S("--name"), S("imported")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = m_cli->run({S("profile"), S("list")});
        QVERIFY(r.outText().contains(S("\nimported\ttoken\talice\t") + m_cli->server()) ||
                r.outText().contains(S("\nimported\t\ttoken\talice\t") + m_cli->server()));

        // The token went to the (session-only, no keyring here) store, so a later process needs
        // it from the environment: the imported profile works with it.
        r = m_cli->run({S("--profile"), S("imported"), S("submit"), S("--engine"), S("sqlite"),
                        S("-q"), S("-e"), S("select 1 as imported")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("imported\n1\n"));

        r = m_cli->run({S("profile"), S("import-linkis-cli"), dir.filePath(S("missing"))});
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.errLines().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cliprofile.moc"
