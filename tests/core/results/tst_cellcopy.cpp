// SPDX-License-Identifier: GPL-3.0-or-later
// CellCopy: what the grid puts on the clipboard (value, TSV, CSV, INSERT), from exact values.
#include "results/cellcopy.h"

#include <QTest>

using namespace linkisdesk;

namespace {

CellBlock sample()
{
    CellBlock b;
    b.columns = {QStringLiteral("region"), QStringLiteral("sum(amount)"), QStringLiteral("ok")};
    b.kinds = {ColumnKind::Text, ColumnKind::Real, ColumnKind::Boolean};
    b.rows = {{QStringLiteral("North"), QStringLiteral("63499068.3999998"), QStringLiteral("true")},
              {QStringLiteral("O'Hare, \"x\""), QString(), QStringLiteral("false")}};
    QBitArray none(3), second(3);
    second.setBit(1);
    b.nulls = {none, second};
    return b;
}

} // namespace

class TestCellCopy : public QObject
{
    Q_OBJECT
private slots:
    void oneCellIsJustItsValue()
    {
        CellBlock b;
        b.columns = {QStringLiteral("amount")};
        b.kinds = {ColumnKind::Real};
        b.rows = {{QStringLiteral("63499068.3999998")}};
        QCOMPARE(CellCopy::tsv(b, false), QStringLiteral("63499068.3999998"));
        QCOMPARE(CellCopy::tsv(b, true), QStringLiteral("amount\n63499068.3999998\n"));
    }

    void tsvWithAndWithoutHeader()
    {
        QCOMPARE(CellCopy::tsv(sample(), true),
                 QStringLiteral("region\tsum(amount)\tok\nNorth\t63499068.3999998\ttrue\n"
                                "O'Hare, \"x\"\tNULL\tfalse\n"));
        QVERIFY(CellCopy::tsv(sample(), false).startsWith(QStringLiteral("North\t")));
    }

    void csvQuotesAsRfc4180()
    {
        QCOMPARE(CellCopy::csv(sample()),
                 QStringLiteral("region,sum(amount),ok\r\nNorth,63499068.3999998,true\r\n"
                                "\"O'Hare, \"\"x\"\"\",NULL,false\r\n"));
    }

    void insertQuotesTextAndNames()
    {
        QCOMPARE(CellCopy::sqlInsert(sample()),
                 QStringLiteral("INSERT INTO result (region, `sum(amount)`, ok) VALUES\n"
                                "  ('North', 63499068.3999998, TRUE),\n"
                                "  ('O''Hare, \"x\"', NULL, FALSE);\n"));
        QVERIFY(CellCopy::sqlInsert(CellBlock()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCellCopy)
#include "tst_cellcopy.moc"
