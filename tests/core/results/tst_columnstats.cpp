// SPDX-License-Identifier: GPL-3.0-or-later
// ColumnStats: count, NULLs, distinct values and, for numeric columns, min, max, sum, average.
#include "results/columnstats.h"

#include <QTest>

using namespace linkisdesk;

class TestColumnStats : public QObject
{
    Q_OBJECT

private slots:
    void numbersWithNulls()
    {
        ColumnStatsAccumulator acc;
        acc.addColumnKind(ColumnKind::Integer);
        for (const char *v : {"3", "-1", "3", "10"})
            acc.add(ColumnKind::Integer, QByteArrayView(v));
        acc.addNull();
        acc.addNull();
        const ColumnStats s = acc.result();
        QCOMPARE(s.count, 6);
        QCOMPARE(s.nulls, 2);
        QCOMPARE(s.distinct, 3); // 3, -1, 10: NULL is not a value
        QVERIFY(s.numeric);
        QVERIFY(s.hasNumbers());
        QCOMPARE(s.numbers, 4);
        QCOMPARE(s.min, -1.0);
        QCOMPARE(s.max, 10.0);
        QCOMPARE(s.sum, 15.0);
        QCOMPARE(s.average(), 3.75); // over the numbers, not the NULLs
        QVERIFY(!s.partial);
    }

    void textHasNoNumbersEvenWhenItLooksNumeric()
    {
        ColumnStatsAccumulator acc;
        acc.addColumnKind(ColumnKind::Text);
        acc.add(ColumnKind::Text, QStringView(u"007"));
        acc.add(ColumnKind::Text, QStringView(u"7"));
        acc.add(ColumnKind::Text, QStringView(u"été"));
        acc.add(ColumnKind::Text, QByteArrayView("été")); // the same text as UTF-8
        acc.add(ColumnKind::Text, QStringView(u""));
        const ColumnStats s = acc.result();
        QCOMPARE(s.count, 5);
        QCOMPARE(s.nulls, 0);
        QCOMPARE(s.distinct, 4);
        QVERIFY(!s.numeric);
        QVERIFY(!s.hasNumbers());
    }

    void mixedColumnsAreNotNumeric()
    {
        ColumnStatsAccumulator acc;
        acc.addColumnKind(ColumnKind::Real);
        acc.addColumnKind(ColumnKind::Text);
        acc.add(ColumnKind::Real, QByteArrayView("1.5"));
        acc.add(ColumnKind::Text, QByteArrayView("x"));
        const ColumnStats s = acc.result();
        QCOMPARE(s.count, 2);
        QVERIFY(!s.numeric);
    }

    void unparsableNumbersCountButDoNotSum()
    {
        ColumnStatsAccumulator acc;
        acc.addColumnKind(ColumnKind::Decimal);
        for (const char *v : {"1.25", "NaN", "abc", " 2.75 ", "+1e2"})
            acc.add(ColumnKind::Decimal, QByteArrayView(v));
        const ColumnStats s = acc.result();
        QCOMPARE(s.count, 5);
        QCOMPARE(s.numbers, 3);
        QCOMPARE(s.sum, 104.0);
        QCOMPARE(s.min, 1.25);
        QCOMPARE(s.max, 100.0);
    }

    void allNullsHaveNoNumbers()
    {
        ColumnStatsAccumulator acc;
        acc.addColumnKind(ColumnKind::Integer);
        acc.addNull();
        const ColumnStats s = acc.result();
        QCOMPARE(s.count, 1);
        QCOMPARE(s.nulls, 1);
        QCOMPARE(s.distinct, 0);
        QVERIFY(s.numeric);
        QVERIFY(!s.hasNumbers());
        QCOMPARE(s.average(), 0.0);
    }

    // Workers each take a share of the cells and are merged: the same result as one pass, and
    // the sum keeps its small terms (1e16 + 1 + 1 - 1e16 is 2, not 0).
    void mergedSharesMatchOnePassAndKeepSmallTerms()
    {
        const QList<QByteArray> values {"1e16", "1", "1", "-1e16", "5", "1"};
        ColumnStatsAccumulator whole;
        whole.addColumnKind(ColumnKind::Real);
        for (const QByteArray &v : values)
            whole.add(ColumnKind::Real, QByteArrayView(v));
        ColumnStatsAccumulator a, b;
        a.addColumnKind(ColumnKind::Real);
        b.addColumnKind(ColumnKind::Real);
        for (int i = 0; i < values.size(); ++i)
            (i < 3 ? a : b).add(ColumnKind::Real, QByteArrayView(values.at(i)));
        b.markPartial();
        a.merge(b);
        const ColumnStats one = whole.result();
        const ColumnStats merged = a.result();
        QCOMPARE(one.sum, 8.0);
        QCOMPARE(merged.sum, 8.0);
        QCOMPARE(merged.count, one.count);
        QCOMPARE(merged.distinct, 4); // 1e16, 1, -1e16, 5
        QCOMPARE(merged.distinct, one.distinct);
        QCOMPARE(merged.min, -1e16);
        QCOMPARE(merged.max, 1e16);
        QVERIFY(merged.partial);
        QVERIFY(!one.partial);
    }
};

QTEST_GUILESS_MAIN(TestColumnStats)
#include "tst_columnstats.moc"
