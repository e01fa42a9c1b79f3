// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets scan of the desktop app (issue 7): the real linkis-desk, on Xvfb and driven with
// xdotool, signs in to the test gateway with a password profile, a token profile and a
// proxy-user profile with a Validation-Code (each secret typed into the app's sign-in prompt,
// as a user would), runs a query with each, lets the session autosave, quits (the last session
// is SIGKILLed instead, so what a crash leaves is scanned too). Then every file under its HOME
// and XDG folders (settings, profiles, session autosave, job journal, caches, its own output)
// and its command lines read from /proc are searched for the secrets, as typed, in base64 and
// percent-encoded.
//   "memory": no keyring (D-Bus pointed nowhere): the secrets live in memory for the session,
//             so a restarted app asks again.
//   "keyring": with the test run's unlocked gnome-keyring (LINKIS_DESK_KEYRING=1): the secrets
//              must be in the keyring and nowhere else, so a restarted app does not ask.
#include "deskapp.h"
#include "missingtool.h"
#include "profiles/keychainsecretstore.h"
#include "profiles/profilestore.h"
#include "secretscan.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"
#include "testgateway.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using hardening::DeskApp;
using testsupport::TestGateway;

namespace {

struct Login
{
    QString profile;
    Profile::AuthMode auth;
    Profile::SecretKind kind;
    QByteArray secret;
};

hardening::SecretScan scanFor(const QList<Login> &logins)
{
    QList<QByteArray> secrets;
    for (const Login &l : logins)
        secrets << l.secret;
    return hardening::SecretScan(secrets);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestGuiSecrets : public QObject
{
    Q_OBJECT

private:
    TestGateway m_gateway;

    // Runs "select 42" with the profile; answers the sign-in prompt with the secret when
    // `expectPrompt`, and fails if a prompt appears when it should not.
    void runQuery(DeskApp &app, const Login &login, bool expectPrompt, bool crash)
    {
        const QString report = app.root() + QStringLiteral("/report-%1.json").arg(login.profile);
        QFile::remove(report);
        QString error;
        QVERIFY2(app.start({QStringLiteral("--profile"), login.profile,
                            QStringLiteral("--test-report"), report},
                           &error),
                 qPrintable(error));
        QVERIFY(app.clickEditor());
        QVERIFY(app.key(QStringLiteral("ctrl+a")));
        QVERIFY(app.type(QStringLiteral("select 42 as answer;")));
        QVERIFY(app.key(QStringLiteral("ctrl+Return")));
        const QString prompt = app.waitForWindow(QStringLiteral("^Sign in"), 15000);
        if (expectPrompt) {
            QVERIFY2(!prompt.isEmpty(), "the app did not ask for the missing secret");
            QVERIFY(app.focus(prompt));
            QVERIFY(app.type(QString::fromLatin1(login.secret)));
            QVERIFY(app.key(QStringLiteral("Return")));
        } else {
            QVERIFY2(prompt.isEmpty(), "the app asked for a secret the keyring holds");
        }
        QJsonObject outcome;
        // The report is written when the job ends (rows -1), again when the first page is in.
        const bool ended = QTest::qWaitFor(
            [&] {
                return (outcome = readJson(report)).value(QStringLiteral("rows")).toInt(-1) >= 0;
            },
            60000);
        if (!ended)
            app.screenshot(
                QDir::temp().filePath(QStringLiteral("guisecrets-%1.png").arg(login.profile)));
        QVERIFY2(ended,
                 qPrintable(QStringLiteral("no outcome for %1 (screenshot in %2): %3")
                                .arg(login.profile, QDir::tempPath(),
                                     QString::fromUtf8(QJsonDocument(outcome).toJson()))));
        QCOMPARE(outcome.value(QStringLiteral("status")).toString(), QStringLiteral("Succeed"));
        QCOMPARE(outcome.value(QStringLiteral("rows")).toInt(), 1);
        // The autosave has the query before the app goes away.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile f(app.dataDir() + QStringLiteral("/session.json"));
                return f.open(QIODevice::ReadOnly) && f.readAll().contains("select 42 as answer");
            }(),
            20000);
        if (crash) {
            // The job is over and out of the journal first (else the next start would reattach
            // it and ask for this profile's secret again).
            QTRY_VERIFY_WITH_TIMEOUT(readJson(app.dataDir() + QStringLiteral("/jobs.json"))
                                         .value(QStringLiteral("jobs"))
                                         .toArray()
                                         .isEmpty(),
                                     20000);
            app.kill();
        } else {
            QVERIFY2(app.quit(&error), qPrintable(error));
        }
    }

    bool keyringHolds(const QString &key, const QByteArray &secret)
    {
        KeychainSecretStore store;
        bool done = false;
        std::optional<QString> value;
        store.read(key, this, [&](Result<std::optional<QString>> r) {
            done = true;
            if (r)
                value = *r;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            return false;
        return store.persistent() && value && value->toLatin1() == secret;
    }

    void forget(const QString &key)
    {
        KeychainSecretStore store;
        bool done = false;
        store.remove(key, this, [&](Result<Unit>) { done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("the keyring did not answer the removal of %s", qPrintable(key));
    }

private slots:
    void initTestCase()
    {
        if (const QString why = DeskApp::unavailableReason(); !why.isEmpty())
            LINKISDESK_MISSING_TOOL(why);
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
    }

    void sessionsLeaveNoSecret_data()
    {
        QTest::addColumn<bool>("keyring");
        QTest::newRow("memory") << false;
        QTest::newRow("keyring") << true;
    }

    void sessionsLeaveNoSecret()
    {
        QFETCH(bool, keyring);
        if (keyring && qEnvironmentVariableIsEmpty("LINKIS_DESK_KEYRING"))
            LINKISDESK_MISSING_TOOL(
                "no unlocked keyring (LINKIS_DESK_KEYRING is not set; see .ci/run-tests.sh)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DeskApp app(dir.path(), qEnvironmentVariable("LINKIS_DESK_TEST_DISPLAY"));
        app.setKeyring(keyring);

        // Unique names: the keyring is shared by every test of the run.
        const QString tag = QStringLiteral("gs%1%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(keyring ? QStringLiteral("k") : QStringLiteral("m"));
        const QList<Login> logins = {
            {tag + QStringLiteral("-pw"), Profile::AuthMode::Password,
             Profile::SecretKind::Password, "alice-pw"},
            {tag + QStringLiteral("-tok"), Profile::AuthMode::Token, Profile::SecretKind::Token,
             TestGateway::Token},
            {tag + QStringLiteral("-prx"), Profile::AuthMode::SeedProxy,
             Profile::SecretKind::ValidationCode, "vcode"},
        };
        {
            // The profiles exist (as the CLI or an earlier session left them), their secrets not.
            ProfileStore profiles(app.configDir() + QStringLiteral("/profiles.json"));
            QVERIFY(profiles.load());
            for (const Login &l : logins) {
                Profile p;
                p.name = l.profile;
                p.gatewayUrl = m_gateway.url();
                p.auth = l.auth;
                p.user = QStringLiteral("alice");
                if (l.auth == Profile::AuthMode::SeedProxy)
                    p.proxyUser = QStringLiteral("bob");
                p.engine = QStringLiteral("sqlite");
                const Result<Unit> added = profiles.add(p);
                QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            }
            AppSettings settings(app.configDir() + QStringLiteral("/settings.json"));
            settings.setValue(SettingKeys::AutosaveIntervalMs, 300);
            QVERIFY(settings.save());
        }

        for (int i = 0; i < logins.size(); ++i) {
            runQuery(app, logins.at(i), true, i == logins.size() - 1);
            if (QTest::currentTestFailed())
                return;
        }
        // A restarted app: with a keyring it signs in by itself; without one it asks again
        // (nothing kept the password on disk for it).
        runQuery(app, logins.first(), !keyring, false);
        if (QTest::currentTestFailed())
            return;
        if (keyring) {
            for (const Login &l : logins) {
                const QString key = Profile::secretKey(l.profile, l.kind);
                const bool held = keyringHolds(key, l.secret);
                forget(key);
                QVERIFY2(held, qPrintable(key + QStringLiteral(" is not in the keyring")));
            }
        }

        // The scan: every file the sessions wrote, and the command lines.
        const hardening::SecretScan scan = scanFor(logins);
        const hardening::SecretScan::Tree tree = scan.scanTree(dir.path());
        QVERIFY2(tree.leaks.isEmpty(),
                 qPrintable(tree.leaks.join(QStringLiteral(", ")) + QStringLiteral(": a secret")));
        // What must have been written, so the scan proves something.
        for (const QString &must :
             {QStringLiteral("config/linkis-desk/settings.json"),
              QStringLiteral("config/linkis-desk/profiles.json"),
              QStringLiteral("data/linkis-desk/session.json"), QStringLiteral("app-1.log")}) {
            QVERIFY2(tree.files.contains(must),
                     qPrintable(must + QStringLiteral(" was not written; ") +
                                tree.files.join(QStringLiteral(", "))));
        }
        // One per start (a start Xvfb refused and DeskApp retried counts too).
        QVERIFY(app.commandLines().size() >= logins.size() + 1);
        for (const QString &cmdline : app.commandLines())
            QVERIFY2(!scan.holdsSecret(cmdline.toLocal8Bit()), qPrintable(cmdline));
    }
};

QTEST_GUILESS_MAIN(TestGuiSecrets)
#include "tst_guisecrets.moc"
