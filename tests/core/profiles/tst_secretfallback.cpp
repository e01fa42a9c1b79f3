// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/keychainsecretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace linkisdesk;

// With no reachable D-Bus session the keychain fails (QtKeychain error 7) and the store falls
// back to memory for the session, says so once, and keeps working.
class TestSecretFallback : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Before the first keychain job: libsecret connects lazily and caches the connection.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/linkis-desk-test-bus");
        qunsetenv("DISPLAY");
    }

    void fallsBackToMemoryWithANotice()
    {
        KeychainSecretStore store;
        store.setTimeout(10000);
        QSignalSpy lost(&store, &SecretStore::persistenceLost);
        QVERIFY(store.persistent());

        std::optional<Result<Unit>> written;
        store.write(QStringLiteral("profile/x/token"), QStringLiteral("tok"), this,
                    [&written](Result<Unit> r) { written.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
        QVERIFY2(written->ok(), qPrintable(written->error().message));
        QVERIFY(!store.persistent());
        QCOMPARE(store.notice(), QStringLiteral("credentials not saved (no system keyring)"));
        QVERIFY(!store.fallbackReason().isEmpty());
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.at(0).at(0).toString(), store.notice());

        std::optional<Result<std::optional<QString>>> read;
        store.read(QStringLiteral("profile/x/token"), this,
                   [&read](Result<std::optional<QString>> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->ok());
        QCOMPARE(read->value(), std::optional<QString>(QStringLiteral("tok")));

        std::optional<Result<Unit>> removed;
        store.remove(QStringLiteral("profile/x/token"), this,
                     [&removed](Result<Unit> r) { removed.emplace(std::move(r)); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());
        QCOMPARE(lost.size(), 1); // said once
    }

    void aReadAloneAlsoFallsBack()
    {
        KeychainSecretStore store;
        std::optional<Result<std::optional<QString>>> read;
        store.read(QStringLiteral("profile/y/password"), nullptr,
                   [&read](Result<std::optional<QString>> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QVERIFY(read->ok());
        QVERIFY(!read->value().has_value());
        QVERIFY(!store.persistent());
    }
};

QTEST_GUILESS_MAIN(TestSecretFallback)
#include "tst_secretfallback.moc"
