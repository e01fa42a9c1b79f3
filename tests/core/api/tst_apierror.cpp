// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/apierror.h"
#include "api/result.h"

#include <QTest>

using namespace linkisdesk;

class TestApiError : public QObject
{
    Q_OBJECT
private slots:
    void resultCarriesValueOrError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 42);
        Result<int> bad(ApiError::make(ApiError::Kind::Network, QStringLiteral("refused")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ApiError::Kind::Network);
        QCOMPARE(ApiError::kindName(bad.error().kind), QStringLiteral("network"));
    }

    void isRetryable_data()
    {
        using K = ApiError::Kind;
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<bool>("retryable");
        const auto row = [](const char *name, K kind, int http, bool retryable) {
            QTest::newRow(name) << int(kind) << http << retryable;
        };
        // The path or the server's state failed: the same request may well succeed later.
        row("network", K::Network, 0, true);
        row("timeout", K::Timeout, 0, true);
        row("http 500", K::Http, 500, true);
        row("http 502 proxy page", K::Http, 502, true);
        row("http 503", K::Http, 503, true);
        row("http 408", K::Http, 408, true);
        row("http 429", K::Http, 429, true);
        row("damaged body", K::Parse, 200, true);
        row("session expired", K::SessionExpired, 401, true);
        row("credentials refused", K::Auth, 0, true);
        // The request itself was refused or answered: sending it again changes nothing.
        row("http 404 (no such route)", K::Http, 404, false);
        row("http 403", K::Http, 403, false);
        row("http 400", K::Http, 400, false);
        row("linkis status 1", K::Linkis, 200, false);
        row("tls", K::Tls, 0, false);
        row("cancelled", K::Cancelled, 0, false);
        row("usage", K::Usage, 0, false);
        row("io", K::Io, 0, false);
        row("forbidden", K::Forbidden, 200, false);
        row("none", K::None, 0, false);
    }

    void isRetryable()
    {
        QFETCH(int, kind);
        QFETCH(int, httpStatus);
        QFETCH(bool, retryable);
        const ApiError error =
            ApiError::make(ApiError::Kind(kind), QStringLiteral("x"), httpStatus);
        QCOMPARE(error.isRetryable(), retryable);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
