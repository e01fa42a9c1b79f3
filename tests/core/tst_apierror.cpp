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
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
