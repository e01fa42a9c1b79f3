// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets scan: linkis-desk-cli sessions with known secrets (a password profile, a password on
// stdin, a token and a validation code in the environment), then every file they wrote under
// their XDG config/data/cache/runtime folders and HOME, and their command lines read from
// /proc while they ran, are searched for the secrets (as written, base64 and percent-encoded).
// Secrets go through the environment, stdin or the keyring, never arguments or files.
#include "cliharness.h"
#include "secretscan.h"
#include "testgateway.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using testsupport::CliHarness;
using testsupport::CliRun;
using testsupport::TestGateway;

namespace {

// The test gateway's secrets (see TestGateway): alice's password, the token, the validation code.
const QList<QByteArray> kSecrets = {"alice-pw", "bob-pw", TestGateway::Token, "vcode"};

const hardening::SecretScan &scan()
{
    static const hardening::SecretScan s(kSecrets);
    return s;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    TestGateway m_gateway;
    QTemporaryDir m_home;
    QStringList m_cmdlines;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
        // No keyring: the CLI falls back to memory; nothing may fall back to a file.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent"));
        for (const char *name :
             {"LINKIS_DESK_TOKEN", "LINKIS_DESK_PASSWORD", "LINKIS_DESK_VALIDATION_CODE"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    // Runs the CLI and records its command line as the kernel shows it to other users.
    CliRun run(const QStringList &args, const QProcessEnvironment &env,
               const QByteArray &stdinData = {})
    {
        return CliHarness::runProcess(args, env, stdinData, [this](qint64 pid) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (cmdline.open(QIODevice::ReadOnly))
                m_cmdlines << QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' '));
        });
    }

    QStringList submitArgs() const
    {
        return {QStringLiteral("submit"), QStringLiteral("--engine"), QStringLiteral("sqlite"),
                QStringLiteral("-e"), QStringLiteral("select 42 as answer")};
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
        QDir(m_home.path()).mkpath(QStringLiteral("runtime"));
    }

    void sessionsWithSecrets()
    {
        const QString url = m_gateway.url().toString();
        // 1. A saved password profile, the password in the environment.
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("LINKIS_DESK_PASSWORD"), QStringLiteral("alice-pw"));
        auto r =
            run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sec"),
                 QStringLiteral("--server"), url, QStringLiteral("--user"), QStringLiteral("alice"),
                 QStringLiteral("--auth"), QStringLiteral("password")},
                env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run(QStringList {QStringLiteral("--profile"), QStringLiteral("sec")} + submitArgs(),
                env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("42"));
        r = run({QStringLiteral("--profile"), QStringLiteral("sec"), QStringLiteral("profile"),
                 QStringLiteral("test")},
                env);
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // 2. The password on stdin.
        r = run(QStringList {QStringLiteral("--server"), url, QStringLiteral("--user"),
                             QStringLiteral("bob"), QStringLiteral("--auth"),
                             QStringLiteral("password"), QStringLiteral("--password-stdin")} +
                    submitArgs(),
                environment(), "bob-pw\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // 3. A token in the environment.
        env = environment();
        env.insert(QStringLiteral("LINKIS_DESK_TOKEN"), QString::fromLatin1(TestGateway::Token));
        r = run(QStringList {QStringLiteral("--server"), url, QStringLiteral("--user"),
                             QStringLiteral("alice"), QStringLiteral("--auth"),
                             QStringLiteral("token")} +
                    submitArgs() + QStringList {QStringLiteral("--format"), QStringLiteral("json")},
                env);
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // 4. A validation code in the environment, acting as another user.
        env = environment();
        env.insert(QStringLiteral("LINKIS_DESK_VALIDATION_CODE"), QStringLiteral("vcode"));
        r = run(QStringList {QStringLiteral("--server"), url, QStringLiteral("--user"),
                             QStringLiteral("alice"), QStringLiteral("--auth"),
                             QStringLiteral("proxy"), QStringLiteral("--proxy-user"),
                             QStringLiteral("bob"), QStringLiteral("jobs")},
                env);
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // 5. A wrong password: the refusal message must not echo it either.
        env = environment();
        env.insert(QStringLiteral("LINKIS_DESK_PASSWORD"), QStringLiteral("bob-pw"));
        r = run(QStringList {QStringLiteral("--server"), url, QStringLiteral("--user"),
                             QStringLiteral("alice"), QStringLiteral("--auth"),
                             QStringLiteral("password"), QStringLiteral("jobs")},
                env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(!scan().holdsSecret(r.err), r.err.constData());
        QVERIFY2(!scan().holdsSecret(r.out), r.out.constData());
        QCOMPARE(m_cmdlines.size(), 7); // one per run
    }

    void noSecretInAnyFileOrCommandLine()
    {
        const hardening::SecretScan::Tree tree = scan().scanTree(m_home.path());
        QVERIFY2(tree.leaks.isEmpty(),
                 qPrintable(tree.leaks.join(QStringLiteral(", ")) + QStringLiteral(": a secret")));
        QVERIFY2(!tree.files.isEmpty(), "the sessions wrote nothing: the scan would prove nothing");
        for (const QString &cmdline : std::as_const(m_cmdlines))
            QVERIFY2(!scan().holdsSecret(cmdline.toLocal8Bit()), qPrintable(cmdline));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
