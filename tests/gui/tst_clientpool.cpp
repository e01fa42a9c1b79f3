// SPDX-License-Identifier: GPL-3.0-or-later
// ClientPool and a missing secret: what the user asked for (Prompt::Ask) opens the sign-in
// prompt once and keeps the answer in the SecretStore; background work (Prompt::DontAsk) gets
// an Auth error and no client is built without the secret; a cancelled prompt is Cancelled.
#include "api/linkisclient.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;

class TestClientPool : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        QTemporaryDir dir;
        ProfileStore profiles {dir.filePath(QStringLiteral("profiles.json"))};
        MemorySecretStore secrets;
        ClientPool pool {&profiles, &secrets, LocalGateway::Options()};
        int asked = 0;
        std::optional<QString> answer = QStringLiteral("the-token");
        QString lastNotice;

        Fixture()
        {
            Profile p;
            p.name = QStringLiteral("remote");
            p.gatewayUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
            p.auth = Profile::AuthMode::Token;
            p.user = QStringLiteral("alice");
            profiles.add(p);
            pool.setSecretPrompt([this](const Profile &, Profile::SecretKind kind,
                                        const QString &notice, QObject *,
                                        std::function<void(std::optional<QString>)> done) {
                ++asked;
                lastNotice = notice;
                QCOMPARE(kind, Profile::SecretKind::Token);
                done(answer);
            });
        }
    };

    static Result<LinkisClient *> acquire(Fixture &f, ClientPool::Prompt prompt)
    {
        std::optional<Result<LinkisClient *>> out;
        f.pool.acquire(
            QStringLiteral("remote"), &f.pool, [&](Result<LinkisClient *> r) { out = r; }, prompt);
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            return ApiError::make(ApiError::Kind::Timeout, QStringLiteral("no answer"));
        return *out;
    }

private slots:
    void backgroundWorkDoesNotAsk()
    {
        Fixture f;
        const Result<LinkisClient *> r = acquire(f, ClientPool::Prompt::DontAsk);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ApiError::Kind::Auth);
        QCOMPARE(f.asked, 0);
        QVERIFY(!f.pool.clientIfReady(QStringLiteral("remote")));
    }

    void askedOnceThenKept()
    {
        Fixture f;
        const Result<LinkisClient *> r = acquire(f, ClientPool::Prompt::Ask);
        QVERIFY(r);
        QCOMPARE(f.asked, 1);
        QCOMPARE(f.lastNotice, f.secrets.notice()); // "credentials not saved (...)"
        std::optional<QString> stored;
        f.secrets.read(Profile::secretKey(QStringLiteral("remote"), Profile::SecretKind::Token),
                       this, [&](Result<std::optional<QString>> s) {
                           if (s)
                               stored = *s;
                       });
        QTRY_COMPARE(stored.value_or(QString()), QStringLiteral("the-token"));
        // The client exists now; and a fresh pool (the next start) reads the stored secret.
        QVERIFY(acquire(f, ClientPool::Prompt::DontAsk));
        f.pool.invalidate(QStringLiteral("remote"));
        QVERIFY(acquire(f, ClientPool::Prompt::Ask));
        QCOMPARE(f.asked, 1);
    }

    void cancelledPrompt()
    {
        Fixture f;
        f.answer.reset();
        const Result<LinkisClient *> r = acquire(f, ClientPool::Prompt::Ask);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(f.asked, 1);
        QVERIFY(!f.pool.clientIfReady(QStringLiteral("remote")));
        QCOMPARE(f.pool.state(QStringLiteral("remote")), ClientPool::State::Failed);
    }
};

QTEST_MAIN(TestClientPool)
#include "tst_clientpool.moc"
