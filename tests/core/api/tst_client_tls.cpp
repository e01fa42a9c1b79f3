// SPDX-License-Identifier: GPL-3.0-or-later
// TLS: a self-signed gateway is refused (with its fingerprint offered for pinning) unless the
// profile pins exactly that certificate.
#include "api/linkisclient.h"
#include "awaitresult.h"
#include "faultserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using namespace linkisdesk;
using testsupport::await;
using testsupport::FaultServer;

class TestClientTls : public QObject
{
    Q_OBJECT
private:
    FaultServer m_server;
    QString m_fingerprint;

    ConnectionSettings settings(const QString &pin) const
    {
        ConnectionSettings s;
        s.baseUrl = m_server.url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("tok");
        s.tlsPinSha256 = pin;
        s.timeoutMs = 5000;
        return s;
    }

    Result<JobStatus> status(LinkisClient &client)
    {
        return await<JobStatus>([&](QObject *c, auto cb) {
            return client.status(JobRef {1, QStringLiteral("e1")}, c, cb);
        });
    }

private slots:
    void initTestCase()
    {
        const QString dir = QStringLiteral(LINKIS_DESK_TEST_DATA "/tls/");
        QVERIFY(m_server.listenTls(dir + QStringLiteral("selfsigned.crt"),
                                   dir + QStringLiteral("selfsigned.key")));
        QCOMPARE(m_server.url().scheme(), QStringLiteral("https"));
        m_server.on(QStringLiteral("/status"),
                    {FaultServer::Response::linkis(0, R"({"status":"Running"})")});
        QFile cert(dir + QStringLiteral("selfsigned.crt"));
        QVERIFY(cert.open(QIODevice::ReadOnly));
        m_fingerprint = QString::fromLatin1(QSslCertificate(cert.readAll())
                                                .digest(QCryptographicHash::Sha256)
                                                .toHex(':')
                                                .toUpper());
    }

    void untrustedCertificateIsRefusedWithItsFingerprint()
    {
        LinkisClient client(settings({}));
        QSignalSpy offered(&client, &LinkisClient::untrustedCertificate);
        const auto r = status(client);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Tls);
        QCOMPARE(r.error().peerCertificateSha256, m_fingerprint);
        QVERIFY(r.error().message.contains(m_fingerprint));
        QCOMPARE(offered.count(), 1);
        QCOMPARE(offered.first().first().toString(), m_fingerprint);
        QCOMPARE(m_server.countRequests(QStringLiteral("/status")), 0);
    }

    void wrongPinIsRefused()
    {
        LinkisClient client(settings(QString(64, u'a')));
        const auto r = status(client);
        QCOMPARE(r.error().kind, ApiError::Kind::Tls);
    }

    void pinnedCertificateIsTrusted()
    {
        // Case and colons do not matter in the pin.
        const QString pin = m_fingerprint.toLower().remove(u':');
        LinkisClient client(settings(pin));
        const auto r = status(client);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value(), JobStatus::Running);
        QCOMPARE(m_server.countRequests(QStringLiteral("/status")), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientTls)
#include "tst_client_tls.moc"
