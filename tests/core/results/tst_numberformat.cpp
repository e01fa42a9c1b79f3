// SPDX-License-Identifier: GPL-3.0-or-later
// displayReal: doubles read the way a person reads them; only binary rounding noise goes.
#include "results/numberformat.h"

#include <QTest>

using namespace linkisdesk;

class TestNumberFormat : public QObject
{
    Q_OBJECT
private slots:
    void noiseIsRoundedAway_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        // SQLite's %.15g of a sum of cents (the example).
        QTest::newRow("sqlite sum")
            << QStringLiteral("63499068.3999998") << QStringLiteral("63499068.4");
        // Java's Double.toString (Spark, Hive on Linkis).
        QTest::newRow("0.1+0.2") << QStringLiteral("0.30000000000000004") << QStringLiteral("0.3");
        QTest::newRow("0.1+0.7") << QStringLiteral("0.7999999999999999") << QStringLiteral("0.8");
        QTest::newRow("negative") << QStringLiteral("-1234.5600000000002")
                                  << QStringLiteral("-1234.56");
        QTest::newRow("carry") << QStringLiteral("99.99999999999999") << QStringLiteral("100");
        QTest::newRow("scientific")
            << QStringLiteral("1.2300000000000002E-7") << QStringLiteral("1.23e-07");
    }
    void noiseIsRoundedAway()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(displayReal(text), shown);
    }

    void meaningfulDigitsStay_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("short") << QStringLiteral("9996.0");
        QTest::newRow("pi") << QStringLiteral("3.14159265358979");
        QTest::newRow("15 digits") << QStringLiteral("123456789012.345");
        QTest::newRow("few digits, zeros inside") << QStringLiteral("1.0000001");
        QTest::newRow("big") << QStringLiteral("1e+20");
        QTest::newRow("nan") << QStringLiteral("NaN");
        QTest::newRow("not a number") << QStringLiteral("no number here at all");
        QTest::newRow("zero") << QStringLiteral("0.000000000000000");
    }
    void meaningfulDigitsStay()
    {
        QFETCH(QString, text);
        QCOMPARE(displayReal(text), text);
    }

    void shownValueIsCloseToTheExactOne()
    {
        for (const QString &text :
             {QStringLiteral("63499068.3999998"), QStringLiteral("0.30000000000000004"),
              QStringLiteral("-1234.5600000000002")}) {
            const double exact = text.toDouble();
            const double shown = displayReal(text).toDouble();
            QVERIFY(qAbs(shown - exact) <= qAbs(exact) * 1e-14);
        }
    }
};

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
