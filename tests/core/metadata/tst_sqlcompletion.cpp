// SPDX-License-Identifier: GPL-3.0-or-later
// Schema-aware completion without widgets: what the text around the cursor asks for
// (SqlCompletionContext) and the names a metadata cache offers for it (MetadataCompletion),
// including aliases, db.table qualifiers, statements split on ';', comments and strings, and
// levels not cached yet.
#include "metadata/metadatacache.h"
#include "metadata/metadatacompletion.h"
#include "metadata/sqlcompletioncontext.h"

#include <QTest>

using namespace linkisdesk;
using Level = MetadataCompletion::Level;

namespace {

// The cursor is where the text has '|'.
SqlCompletionContext at(QString text)
{
    const int cursor = int(text.indexOf(u'|'));
    text.remove(cursor, 1);
    return SqlCompletionContext::at(text, cursor);
}

TableInfo table(const QString &db, const QString &name)
{
    TableInfo t;
    t.database = db;
    t.name = name;
    return t;
}

ColumnsLevel columns(const QStringList &names)
{
    ColumnsLevel level;
    for (const QString &n : names)
        level.columns.append(ColumnInfo {n, QStringLiteral("string"), {}, false});
    return level;
}

MetadataCache sampleCache()
{
    MetadataCache cache;
    cache.setDatabases({QStringLiteral("default"), QStringLiteral("sales")});
    cache.setTables(QStringLiteral("sales"),
                    {table(QStringLiteral("sales"), QStringLiteral("orders")),
                     table(QStringLiteral("sales"), QStringLiteral("order_items")),
                     table(QStringLiteral("sales"), QStringLiteral("customers"))});
    cache.setTables(QStringLiteral("default"),
                    {table(QStringLiteral("default"), QStringLiteral("demo_sales"))});
    cache.setColumns(QStringLiteral("sales"), QStringLiteral("orders"),
                     columns({QStringLiteral("order_id"), QStringLiteral("amount"),
                              QStringLiteral("customer_id")}));
    cache.setColumns(QStringLiteral("sales"), QStringLiteral("customers"),
                     columns({QStringLiteral("customer_id"), QStringLiteral("name")}));
    cache.setColumns(
        QStringLiteral("default"), QStringLiteral("demo_sales"),
        columns({QStringLiteral("sale_date"), QStringLiteral("region"), QStringLiteral("amount")}));
    return cache;
}

const QStringList kWords {QStringLiteral("select"), QStringLiteral("sum"), QStringLiteral("from"),
                          QStringLiteral("substr")};

} // namespace

class TestSqlCompletion : public QObject
{
    Q_OBJECT
private slots:
    void tablesOfTheStatementWithTheirAliases()
    {
        const auto refs = SqlCompletionContext::tablesOf(QStringLiteral(
            "select * from sales.orders o join sales.customers as c on o.customer_id = "
            "c.customer_id join `default`.demo_sales where x = 'from nowhere' -- join fake f"));
        QCOMPARE(refs.size(), 3);
        QCOMPARE(
            refs.at(0),
            (SqlTableRef {QStringLiteral("sales"), QStringLiteral("orders"), QStringLiteral("o")}));
        QCOMPARE(refs.at(1),
                 (SqlTableRef {QStringLiteral("sales"), QStringLiteral("customers"),
                               QStringLiteral("c")}));
        QCOMPARE(refs.at(2),
                 (SqlTableRef {QStringLiteral("default"), QStringLiteral("demo_sales"), {}}));
        const auto list =
            SqlCompletionContext::tablesOf(QStringLiteral("select 1 from a x, b, c.d y where"));
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(1).table, QStringLiteral("b"));
        QCOMPARE(list.at(2).alias, QStringLiteral("y"));
    }

    void aliasBeforeFromIsResolvedFromTheWholeStatement()
    {
        const auto ctx = at(QStringLiteral("select o.| from sales.orders o"));
        QCOMPARE(ctx.qualifier, QStringList {QStringLiteral("o")});
        QCOMPARE(ctx.prefix, QString());
        const auto c = MetadataCompletion::complete(ctx, sampleCache(), kWords);
        QVERIFY(c.qualified);
        QCOMPARE(c.items,
                 (QStringList {QStringLiteral("amount"), QStringLiteral("customer_id"),
                               QStringLiteral("order_id")}));
        QVERIFY(c.missing.isEmpty());
    }

    void prefixFiltersCaseInsensitively()
    {
        const auto c = MetadataCompletion::complete(
            at(QStringLiteral("select d.RE| from default.demo_sales d")), sampleCache(), kWords);
        QCOMPARE(c.items, QStringList {QStringLiteral("region")});
        QCOMPARE(at(QStringLiteral("select d.RE| from x d")).prefixStart, 9);
    }

    void databaseDotOffersItsTables()
    {
        const auto c = MetadataCompletion::complete(at(QStringLiteral("select * from sales.ord|")),
                                                    sampleCache(), kWords);
        QCOMPARE(c.items, (QStringList {QStringLiteral("order_items"), QStringLiteral("orders")}));
        const auto full = MetadataCompletion::complete(
            at(QStringLiteral("select sales.customers.| from sales.customers")), sampleCache(),
            kWords);
        QCOMPARE(full.items, (QStringList {QStringLiteral("customer_id"), QStringLiteral("name")}));
    }

    void unqualifiedOffersKeywordsDatabasesAndTheStatementsColumns()
    {
        const auto c = MetadataCompletion::complete(
            at(QStringLiteral("select s| from sales.orders o join default.demo_sales d")),
            sampleCache(), kWords);
        QCOMPARE(c.items,
                 (QStringList {QStringLiteral("sale_date"), QStringLiteral("sales"),
                               QStringLiteral("select"), QStringLiteral("substr"),
                               QStringLiteral("sum")}));
        QVERIFY(!c.qualified);
    }

    void onlyTheStatementUnderTheCursorCounts()
    {
        const auto c = MetadataCompletion::complete(
            at(QStringLiteral("select * from sales.orders o;\nselect o.| from sales.customers o;\n"
                              "select 1 from default.demo_sales o")),
            sampleCache(), kWords);
        QCOMPARE(c.items, (QStringList {QStringLiteral("customer_id"), QStringLiteral("name")}));
    }

    void nothingInsideCommentsAndStrings()
    {
        for (const QString &text : {QStringLiteral("select 'o.|' from sales.orders o"),
                                    QStringLiteral("select 1 -- o.|\nfrom sales.orders o"),
                                    QStringLiteral("select /* o.| */ 1 from sales.orders o"),
                                    QStringLiteral("select \"unterminated o.|")}) {
            const auto ctx = at(text);
            QVERIFY2(ctx.inCommentOrString, qPrintable(text));
            QVERIFY(MetadataCompletion::complete(ctx, sampleCache(), kWords).items.isEmpty());
        }
        QVERIFY(!at(QStringLiteral("select 'x' as o, o.| from t o")).inCommentOrString);
        QVERIFY(!at(QStringLiteral("select 1 /* c */ , o.| from t o")).inCommentOrString);
    }

    void levelsNotCachedAreReportedForFetching()
    {
        MetadataCache cache;
        cache.setDatabases({QStringLiteral("sales")});
        const auto tables = MetadataCompletion::complete(
            at(QStringLiteral("select * from sales.|")), cache, kWords);
        QVERIFY(tables.items.isEmpty());
        QCOMPARE(tables.missing, (QList<Level> {{QStringLiteral("sales"), {}}}));
        const auto cols = MetadataCompletion::complete(
            at(QStringLiteral("select o.| from sales.orders o")), cache, kWords);
        QCOMPARE(cols.missing,
                 (QList<Level> {{QStringLiteral("sales"), QStringLiteral("orders")}}));
        // An unqualified table lives in the default database.
        const auto plain =
            MetadataCompletion::complete(at(QStringLiteral("select t.| from t")), cache, kWords);
        QCOMPARE(plain.missing, (QList<Level> {{QStringLiteral("default"), QStringLiteral("t")}}));
        // No database list yet: asked for.
        const auto none =
            MetadataCompletion::complete(at(QStringLiteral("sel|")), MetadataCache(), kWords);
        QCOMPARE(none.missing, (QList<Level> {Level {}}));
        QCOMPARE(none.items, QStringList {QStringLiteral("select")});
    }

    void aDeniedTableOffersNoColumnsAndIsNotFetchedAgain()
    {
        MetadataCache cache = sampleCache();
        ColumnsLevel denied;
        denied.deniedMessage = QStringLiteral("no grant");
        cache.setColumns(QStringLiteral("sales"), QStringLiteral("secret"), denied);
        const auto c = MetadataCompletion::complete(
            at(QStringLiteral("select s.| from sales.secret s")), cache, kWords);
        QVERIFY(c.items.isEmpty());
        QVERIFY(c.missing.isEmpty());
    }

    void backquotedNames()
    {
        const auto ctx = at(QStringLiteral("select * from `sales`.|"));
        QCOMPARE(ctx.qualifier, QStringList {QStringLiteral("sales")});
        QCOMPARE(MetadataCompletion::complete(ctx, sampleCache(), kWords).items.size(), 3);
    }

    void manyColumnsAreBoundedBytheLimit()
    {
        MetadataCache cache;
        QStringList many;
        for (int i = 0; i < 5000; ++i)
            many << QStringLiteral("c%1").arg(i);
        cache.setColumns(QStringLiteral("d"), QStringLiteral("t"), columns(many));
        const auto c = MetadataCompletion::complete(at(QStringLiteral("select x.| from d.t x")),
                                                    cache, kWords, QStringLiteral("default"), 200);
        QCOMPARE(c.items.size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestSqlCompletion)
#include "tst_sqlcompletion.moc"
