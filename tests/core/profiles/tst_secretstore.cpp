// SPDX-License-Identifier: GPL-3.0-or-later
#include "missingtool.h"
#include "profiles/keychainsecretstore.h"
#include "profiles/linkiscliimport.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace linkisdesk;

namespace {

using ReadResult = Result<std::optional<QString>>;

// Runs an asynchronous store call and waits (with the event loop) for its callback.
template<typename Call, typename R> bool waitFor(Call call, std::optional<R> &out)
{
    QObject context;
    call(&context, [&out](R r) { out.emplace(std::move(r)); });
    return QTest::qWaitFor([&out]() { return out.has_value(); }, 20000);
}

std::optional<ReadResult> readNow(SecretStore &store, const QString &key)
{
    std::optional<ReadResult> out;
    waitFor<>([&](QObject *ctx, auto cb) { store.read(key, ctx, cb); }, out);
    return out;
}

std::optional<Result<Unit>> writeNow(SecretStore &store, const QString &key, const QString &value)
{
    std::optional<Result<Unit>> out;
    waitFor<>([&](QObject *ctx, auto cb) { store.write(key, value, ctx, cb); }, out);
    return out;
}

std::optional<Result<Unit>> removeNow(SecretStore &store, const QString &key)
{
    std::optional<Result<Unit>> out;
    waitFor<>([&](QObject *ctx, auto cb) { store.remove(key, ctx, cb); }, out);
    return out;
}

bool keyringAvailable()
{
    return qgetenv("LINKIS_DESK_KEYRING") == "1";
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void memoryStoreRoundTrip()
    {
        MemorySecretStore store;
        QVERIFY(!store.persistent());
        QCOMPARE(store.notice(), QStringLiteral("credentials not saved (no system keyring)"));
        const auto missing = readNow(store, QStringLiteral("k"));
        QVERIFY(missing && missing->ok());
        QVERIFY(!missing->value().has_value());
        const auto written = writeNow(store, QStringLiteral("k"), QStringLiteral("v1"));
        QVERIFY(written && written->ok());
        const auto read = readNow(store, QStringLiteral("k"));
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), std::optional<QString>(QStringLiteral("v1")));
        QVERIFY(removeNow(store, QStringLiteral("k"))->ok());
        QVERIFY(removeNow(store, QStringLiteral("k"))->ok()); // removing twice is fine
        QVERIFY(!readNow(store, QStringLiteral("k"))->value().has_value());
    }

    void callbacksNeverRunInsideTheCall()
    {
        MemorySecretStore store;
        bool called = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this,
                    [&called](Result<Unit>) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void callbacksAreDroppedWithTheirContext()
    {
        MemorySecretStore store;
        store.setValue(QStringLiteral("k"), QStringLiteral("v"));
        bool called = false;
        auto context = std::make_unique<QObject>();
        store.read(QStringLiteral("k"), context.get(), [&called](ReadResult) { called = true; });
        context.reset();
        // A later call on a live context proves the event loop ran past the dropped one.
        bool later = false;
        store.read(QStringLiteral("k"), this, [&later](ReadResult) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }

    void keychainRoundTrip()
    {
        if (!keyringAvailable()) {
            LINKISDESK_MISSING_TOOL(
                "needs an unlocked Secret Service keyring: .ci/run-tests.sh runs this test "
                "inside dbus-run-session with gnome-keyring and sets LINKIS_DESK_KEYRING=1");
        }
        KeychainSecretStore store;
        store.setTimeout(15000);
        const QString key = QStringLiteral("test/%1").arg(QUuid::createUuid().toString());
        const auto written = writeNow(store, key, QStringLiteral("s3cr\u00e9t"));
        QVERIFY(written);
        QVERIFY2(written->ok(), qPrintable(written->error().message));
        QVERIFY2(store.persistent(), qPrintable(store.fallbackReason()));
        const auto read = readNow(store, key);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), std::optional<QString>(QStringLiteral("s3cr\u00e9t")));
        // A second store (a second process would do the same) sees it: it is in the keyring.
        KeychainSecretStore other;
        const auto again = readNow(other, key);
        QVERIFY(again && again->ok());
        QCOMPARE(again->value(), std::optional<QString>(QStringLiteral("s3cr\u00e9t")));
        QVERIFY(removeNow(store, key)->ok());
        const auto gone = readNow(store, key);
        QVERIFY(gone && gone->ok());
        QVERIFY(!gone->value().has_value());
        QVERIFY(store.persistent());
        QVERIFY(store.notice().isEmpty());
    }

    void secretsNeverReachTheSettingsFiles()
    {
        QTemporaryDir root;
        const QString secret =
            QStringLiteral("Tok-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString password =
            QStringLiteral("Pw-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString props = root.filePath(QStringLiteral("linkis-cli.properties"));
        {
            QFile f(props);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("wds.linkis.client.common.gatewayUrl=http://127.0.0.1:9001\n"
                    "wds.linkis.client.common.authStrategy=token\n"
                    "wds.linkis.client.common.tokenKey=Validation-Code\n"
                    "wds.linkis.client.common.submitUser=hadoop\n"
                    "wds.linkis.client.common.tokenValue=" +
                    secret.toUtf8() + "\n");
        }
        std::unique_ptr<SecretStore> store;
        if (keyringAvailable())
            store = std::make_unique<KeychainSecretStore>();
        else
            store = std::make_unique<MemorySecretStore>();

        const QString config = root.filePath(QStringLiteral("config"));
        ProfileStore profiles(config + QStringLiteral("/profiles.json"));
        QVERIFY(profiles.load());
        const auto imported = LinkisCliImport::fromFile(props, QStringLiteral("imported"));
        QVERIFY2(imported, qPrintable(imported.error().message));
        QVERIFY(profiles.add(imported->profile));
        const QString tokenKey =
            Profile::secretKey(QStringLiteral("imported"), *imported->secretKind);
        QVERIFY(writeNow(*store, tokenKey, imported->secret)->ok());

        Profile withPassword = imported->profile;
        withPassword.name = QStringLiteral("pw");
        withPassword.auth = Profile::AuthMode::Password;
        QVERIFY(profiles.add(withPassword));
        const QString pwKey =
            Profile::secretKey(QStringLiteral("pw"), Profile::SecretKind::Password);
        QVERIFY(writeNow(*store, pwKey, password)->ok());

        AppSettings settings(config + QStringLiteral("/settings.json"));
        QVERIFY(settings.load());
        settings.setAskBeforeKill(QStringLiteral("imported"), false);
        settings.addRecentFile(QStringLiteral("/tmp/a.sql"));
        QVERIFY(settings.save());

        int files = 0;
        QDirIterator it(config, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(f.fileName()));
            QVERIFY2(!content.contains(password.toUtf8()), qPrintable(f.fileName()));
            ++files;
        }
        QCOMPARE(files, 2); // profiles.json and settings.json, nothing else

        // ...and the secrets are where they belong.
        QCOMPARE(readNow(*store, tokenKey)->value(), std::optional<QString>(secret));
        QCOMPARE(readNow(*store, pwKey)->value(), std::optional<QString>(password));
        removeNow(*store, tokenKey);
        removeNow(*store, pwKey);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
