// SPDX-License-Identifier: GPL-3.0-or-later
// arrangeRows: order by the column's Linkis type (not as text), NULLs together, stable, filter.
#include "results/rowarranger.h"

#include <QTest>

using namespace linkisdesk;

namespace {

ArrangeColumn column(ColumnKind kind, const QStringList &cells, const QList<int> &nullRows = {})
{
    ArrangeColumn c;
    c.kind = kind;
    c.cells = cells;
    c.nulls.resize(cells.size());
    for (int r : nullRows)
        c.nulls.setBit(r);
    return c;
}

QStringList ordered(const ArrangeColumn &c, Qt::SortOrder order)
{
    RowArrangement a;
    a.sortColumn = 0;
    a.sortOrder = order;
    QStringList out;
    for (int r : arrangeRows(int(c.cells.size()), a, c, {}))
        out << (c.nulls.testBit(r) ? QStringLiteral("<null>") : c.cells.at(r));
    return out;
}

} // namespace

class TestRowArranger : public QObject
{
    Q_OBJECT
private slots:
    void doublesSortByValueNotText()
    {
        const ArrangeColumn amount =
            column(ColumnKind::Real,
                   {QStringLiteral("9996.0"), QStringLiteral("999.6"), QStringLiteral("26400.0"),
                    QStringLiteral("9975.0"), QStringLiteral("1.5e3"), QStringLiteral("-2.0")});
        QCOMPARE(ordered(amount, Qt::DescendingOrder),
                 QStringList({QStringLiteral("26400.0"), QStringLiteral("9996.0"),
                              QStringLiteral("9975.0"), QStringLiteral("1.5e3"),
                              QStringLiteral("999.6"), QStringLiteral("-2.0")}));
    }

    void integersSortByValueAtAnyLength()
    {
        const ArrangeColumn quantity =
            column(ColumnKind::Integer,
                   {QStringLiteral("10"), QStringLiteral("1"), QStringLiteral("2"),
                    QStringLiteral("-3"), QStringLiteral("100000000000000000000"),
                    QStringLiteral("99999999999999999999"), QStringLiteral("-10")});
        QCOMPARE(ordered(quantity, Qt::AscendingOrder),
                 QStringList({QStringLiteral("-10"), QStringLiteral("-3"), QStringLiteral("1"),
                              QStringLiteral("2"), QStringLiteral("10"),
                              QStringLiteral("99999999999999999999"),
                              QStringLiteral("100000000000000000000")}));
    }

    void decimalsCompareExactly()
    {
        // 0.1 + 0.2 style neighbours a double could not tell apart.
        const ArrangeColumn d =
            column(ColumnKind::Decimal,
                   {QStringLiteral("0.30000000000000000001"), QStringLiteral("0.3"),
                    QStringLiteral("-1.25"), QStringLiteral("-1.5"), QStringLiteral("2"),
                    QStringLiteral("0.10"), QStringLiteral("-0.00"), QStringLiteral("007.5")});
        QCOMPARE(ordered(d, Qt::AscendingOrder),
                 QStringList({QStringLiteral("-1.5"), QStringLiteral("-1.25"),
                              QStringLiteral("-0.00"), QStringLiteral("0.10"),
                              QStringLiteral("0.3"), QStringLiteral("0.30000000000000000001"),
                              QStringLiteral("2"), QStringLiteral("007.5")}));
    }

    void nullsSortTogetherFirstAscendingLastDescending()
    {
        const ArrangeColumn c = column(ColumnKind::Integer,
                                       {QStringLiteral("5"), QString(), QStringLiteral("NULL"),
                                        QStringLiteral("1"), QString(), QStringLiteral("abc")},
                                       {1, 4});
        // NULLs first; text in a numeric column after the numbers.
        QCOMPARE(
            ordered(c, Qt::AscendingOrder),
            QStringList({QStringLiteral("<null>"), QStringLiteral("<null>"), QStringLiteral("1"),
                         QStringLiteral("5"), QStringLiteral("NULL"), QStringLiteral("abc")}));
        QCOMPARE(
            ordered(c, Qt::DescendingOrder),
            QStringList({QStringLiteral("abc"), QStringLiteral("NULL"), QStringLiteral("5"),
                         QStringLiteral("1"), QStringLiteral("<null>"), QStringLiteral("<null>")}));
    }

    void nanAndTextComeAfterNumbers()
    {
        const ArrangeColumn c = column(ColumnKind::Real,
                                       {QStringLiteral("NaN"), QStringLiteral("2.5"),
                                        QStringLiteral("oops"), QStringLiteral("-1")});
        QCOMPARE(ordered(c, Qt::AscendingOrder),
                 QStringList({QStringLiteral("-1"), QStringLiteral("2.5"), QStringLiteral("NaN"),
                              QStringLiteral("oops")}));
    }

    void datesAndTextSortAsText()
    {
        const ArrangeColumn ts = column(
            ColumnKind::Timestamp,
            {QStringLiteral("2024-01-02 10:00:00"), QStringLiteral("2023-12-31 23:59:59.5"),
             QStringLiteral("2024-01-02 09:59:59.123"), QStringLiteral("2024-01-02 10:00:00.1")});
        QCOMPARE(ordered(ts, Qt::AscendingOrder),
                 QStringList({QStringLiteral("2023-12-31 23:59:59.5"),
                              QStringLiteral("2024-01-02 09:59:59.123"),
                              QStringLiteral("2024-01-02 10:00:00"),
                              QStringLiteral("2024-01-02 10:00:00.1")}));
    }

    void equalKeysKeepTheirOrderBothWays()
    {
        const ArrangeColumn c = column(
            ColumnKind::Text,
            {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a")});
        RowArrangement a;
        a.sortColumn = 0;
        QCOMPARE(arrangeRows(4, a, c, {}), QList<int>({1, 3, 0, 2}));
        a.sortOrder = Qt::DescendingOrder;
        QCOMPARE(arrangeRows(4, a, c, {}), QList<int>({0, 2, 1, 3}));
    }

    void filterKeepsMatchingRowsThenSorts()
    {
        const ArrangeColumn region =
            column(ColumnKind::Text,
                   {QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("North"),
                    QString(), QStringLiteral("North ")},
                   {3});
        const ArrangeColumn amount =
            column(ColumnKind::Real,
                   {QStringLiteral("5"), QStringLiteral("9"), QStringLiteral("12"),
                    QStringLiteral("1"), QStringLiteral("3")});
        RowArrangement a;
        a.filterColumn = 0;
        a.filterValue = QStringLiteral("North");
        QCOMPARE(arrangeRows(5, a, {}, region), QList<int>({0, 2})); // exact, not "North "
        a.sortColumn = 1;
        a.sortOrder = Qt::DescendingOrder;
        QCOMPARE(arrangeRows(5, a, amount, region), QList<int>({2, 0}));
        a.filterNull = true;
        a.filterValue.clear();
        QCOMPARE(arrangeRows(5, a, amount, region), QList<int>({3}));
    }
};

QTEST_GUILESS_MAIN(TestRowArranger)
#include "tst_rowarranger.moc"
