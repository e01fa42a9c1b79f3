// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway's datasource/* routes over real HTTP, on SQLite files: the workspace (`default`,
// with demo_sales for a new user), a file given with --database and a .db file dropped in the
// user's data folder; the shapes and quirks of Linkis (linkis-protocol-2.md §1, §8.1), and SQL
// jobs that reach those databases as NAME.table.
#include "engines/defaultschema.h"
#include "engines/sqlitecatalog.h"
#include "routes/datasourceroutes.h"
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <sqlite3.h>

using namespace linkisdesk::testsupport;

using namespace linkisdesk::gateway;

namespace {

bool makeDatabase(const QString &path, const char *sql)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    sqlite3 *db = nullptr;
    const bool opened = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    const bool ok = opened && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

QStringList names(const QJsonArray &rows, const QString &key)
{
    QStringList out;
    for (const QJsonValue &row : rows)
        out << row.toObject().value(key).toString();
    return out;
}

} // namespace

class TestDatasource : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestGateway> m_gw;
    QString salesFile() const { return m_dir.filePath(QStringLiteral("files/sales.db")); }

    QJsonArray tables(const QString &db, const QString &user = QStringLiteral("hadoop"))
    {
        const HttpResult r = m_gw->get(QStringLiteral("datasource/tables?database=") + db, user);
        return r.data().value(QStringLiteral("tables")).toArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeDatabase(salesFile(),
                             "CREATE TABLE orders(order_id INTEGER PRIMARY KEY, customer TEXT, "
                             "Amount DECIMAL(10,2), ordered_at DATETIME);"
                             "INSERT INTO orders(customer, amount) VALUES ('ann', 12.5), "
                             "('bob', 7), ('cy', 1);"
                             "CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 5;"
                             "CREATE VIEW broken AS SELECT * FROM gone;"));
        // Dropped in hadoop's data folder: served as `crm` to hadoop only.
        QVERIFY(makeDatabase(m_dir.filePath(QStringLiteral("data/databases/hadoop/crm.db")),
                             "CREATE TABLE customers(id INTEGER, name TEXT);"));
        m_gw = std::make_unique<TestGateway>(
            m_dir.filePath(QStringLiteral("data")),
            QStringList {QStringLiteral("--database"), QStringLiteral("sales=") + salesFile()});
        QVERIFY(m_gw->start());
    }
    void cleanupTestCase() { m_gw.reset(); }

    void databasesAreDefaultAddedAndDroppedFilesSorted()
    {
        const HttpResult r = m_gw->get(QStringLiteral("datasource/dbs"));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.status(), 0);
        QCOMPARE(r.message(), QStringLiteral("OK"));
        QCOMPARE(r.json.value(QStringLiteral("method")).toString(),
                 QStringLiteral("/api/datasource/dbs"));
        QCOMPARE(names(r.data().value(QStringLiteral("dbs")).toArray(), QStringLiteral("dbName")),
                 (QStringList {QStringLiteral("crm"), QStringLiteral("default"),
                               QStringLiteral("sales")}));
        // Another user has no crm.db in their folder.
        const HttpResult alice =
            m_gw->get(QStringLiteral("datasource/dbs"), QStringLiteral("alice"));
        QCOMPARE(
            names(alice.data().value(QStringLiteral("dbs")).toArray(), QStringLiteral("dbName")),
            (QStringList {QStringLiteral("default"), QStringLiteral("sales")}));
    }

    void aNewUsersDefaultDatabaseHasDemoSales()
    {
        const QJsonArray rows = tables(QStringLiteral("default"), QStringLiteral("newcomer"));
        QVERIFY(names(rows, QStringLiteral("tableName")).contains(QStringLiteral("demo_sales")));
    }

    void tablesAndViewsInLinkisShape()
    {
        const QJsonArray rows = tables(QStringLiteral("sales"));
        QCOMPARE(names(rows, QStringLiteral("tableName")),
                 (QStringList {QStringLiteral("big_orders"), QStringLiteral("broken"),
                               QStringLiteral("orders")}));
        const QJsonObject view = rows.at(0).toObject();
        const QJsonObject table = rows.at(2).toObject();
        QVERIFY(view.value(QStringLiteral("isView")).toBool());
        QVERIFY(!table.value(QStringLiteral("isView")).toBool());
        QCOMPARE(table.value(QStringLiteral("databaseName")).toString(), QStringLiteral("sales"));
        QCOMPARE(table.value(QStringLiteral("createdBy")).toString(), QStringLiteral("hadoop"));
        QCOMPARE(table.value(QStringLiteral("lastAccessAt")).toInteger(), 0);
        // Seconds, as the metastore sends them: today, not 1970 nor the year 50000.
        const qint64 created = table.value(QStringLiteral("createdAt")).toInteger();
        QVERIFY(qAbs(created - QDateTime::currentSecsSinceEpoch()) < 86400);
    }

    void unknownDatabaseListsNothingAndMissingArgumentIsAnError()
    {
        QVERIFY(tables(QStringLiteral("nosuch")).isEmpty());
        const HttpResult r = m_gw->get(QStringLiteral("datasource/tables"));
        QCOMPARE(r.http, 400);
        QCOMPARE(r.status(), 1);
        QVERIFY(r.message().contains(QStringLiteral("'database' is missing")));
    }

    void columnsFromTableInfo()
    {
        const HttpResult r =
            m_gw->get(QStringLiteral("datasource/columns?database=sales&table=orders"));
        QCOMPARE(r.status(), 0);
        const QJsonArray cols = r.data().value(QStringLiteral("columns")).toArray();
        QCOMPARE(names(cols, QStringLiteral("columnName")),
                 (QStringList {QStringLiteral("order_id"), QStringLiteral("customer"),
                               QStringLiteral("Amount"), QStringLiteral("ordered_at")}));
        QCOMPARE(names(cols, QStringLiteral("columnType")),
                 (QStringList {QStringLiteral("integer"), QStringLiteral("text"),
                               QStringLiteral("decimal(10,2)"), QStringLiteral("datetime")}));
        QVERIFY(cols.at(0).toObject().value(QStringLiteral("columnComment")).isNull());
        QCOMPARE(cols.at(0).toObject().value(QStringLiteral("partitioned")).toBool(true), false);
        // The demo table of the default database, and a view.
        const HttpResult demo =
            m_gw->get(QStringLiteral("datasource/columns?database=default&table=demo_sales"));
        QVERIFY(names(demo.data().value(QStringLiteral("columns")).toArray(),
                      QStringLiteral("columnName"))
                    .contains(QStringLiteral("region")));
        const HttpResult view =
            m_gw->get(QStringLiteral("datasource/columns?database=sales&table=big_orders"));
        QCOMPARE(view.data().value(QStringLiteral("columns")).toArray().size(), 4);
    }

    void unknownTableIsEmptyAndAnUnreadableOneIsNullLikeANoGrant()
    {
        const HttpResult unknown =
            m_gw->get(QStringLiteral("datasource/columns?database=sales&table=nosuch"));
        QCOMPARE(unknown.status(), 0);
        QVERIFY(unknown.data().value(QStringLiteral("columns")).isArray());
        QVERIFY(unknown.data().value(QStringLiteral("columns")).toArray().isEmpty());
        const HttpResult broken =
            m_gw->get(QStringLiteral("datasource/columns?database=sales&table=broken"));
        QCOMPARE(broken.http, 200);
        QCOMPARE(broken.status(), 0);
        QVERIFY(broken.data().contains(QStringLiteral("columns")));
        QVERIFY(broken.data().value(QStringLiteral("columns")).isNull());
        const HttpResult missing = m_gw->get(QStringLiteral("datasource/columns?database=sales"));
        QCOMPARE(missing.status(), 1);
        QVERIFY(missing.message().contains(QStringLiteral("'table' is missing")));
    }

    void partitionsAndSize()
    {
        const HttpResult p =
            m_gw->get(QStringLiteral("datasource/partitions?database=sales&table=orders"));
        const QJsonObject info = p.data().value(QStringLiteral("partitionInfo")).toObject();
        QCOMPARE(info.value(QStringLiteral("tableName")).toString(),
                 QStringLiteral("sales.orders"));
        QCOMPARE(info.value(QStringLiteral("isPartition")).toBool(true), false);
        QVERIFY(!info.contains(QStringLiteral("partitions")));
        const HttpResult s =
            m_gw->get(QStringLiteral("datasource/size?database=default&table=demo_sales"));
        const QString size = s.data()
                                 .value(QStringLiteral("sizeInfo"))
                                 .toObject()
                                 .value(QStringLiteral("size"))
                                 .toString();
        static const QRegularExpression shape(QStringLiteral(R"(^\d+\.\d (B|KB|MB|GB|TB)$)"));
        QVERIFY2(shape.match(size).hasMatch(), qPrintable(size));
        QVERIFY(size.endsWith(QStringLiteral(" MB")) || size.endsWith(QStringLiteral(" KB")));
    }

    void getByAccessTimeGivesEachDatabaseItsOwnTables()
    {
        for (const QString &path :
             {QStringLiteral("datasource/getByAccessTime"), QStringLiteral("datasource/all")}) {
            const HttpResult r = m_gw->get(path);
            QCOMPARE(r.status(), 0);
            const QJsonArray dbs = r.data().value(QStringLiteral("dbs")).toArray();
            QVERIFY(dbs.size() == 3);
            for (const QJsonValue &db : dbs) {
                const QString name = db.toObject().value(QStringLiteral("databaseName")).toString();
                const QJsonArray rows = db.toObject().value(QStringLiteral("tables")).toArray();
                QVERIFY(!rows.isEmpty());
                for (const QJsonValue &t : rows)
                    QCOMPARE(t.toObject().value(QStringLiteral("databaseName")).toString(), name);
            }
        }
    }

    void getIsTheOnlyMethod()
    {
        const HttpResult r = m_gw->post(QStringLiteral("datasource/dbs"), {});
        QVERIFY(r.http >= 400);
    }

    void sqlJobsSeeTheDatabasesAsNameDotTable()
    {
        const QJsonObject job =
            m_gw->submit(QStringLiteral("select count(*) as n from sales.orders o join "
                                        "crm.customers c on 1=1;\n"
                                        "select d.region from default.demo_sales d limit 1;\n"
                                        "select * from `default`.demo_sales limit 1;\n"
                                        "show databases"),
                         QStringLiteral("spark"), QStringLiteral("sql"));
        const QString execId = job.value(QStringLiteral("execID")).toString();
        QVERIFY(!execId.isEmpty());
        QCOMPARE(m_gw->waitDone(execId, 60000), QStringLiteral("Succeed"));
        const QString dir = m_gw->task(job.value(QStringLiteral("taskID")).toInteger())
                                .value(QStringLiteral("resultLocation"))
                                .toString();
        const HttpResult count =
            m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin").arg(dir));
        QCOMPARE(count.data()
                     .value(QStringLiteral("fileContent"))
                     .toArray()
                     .at(0)
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("0")); // crm.customers is empty
        const HttpResult dbs =
            m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_3.dolphin").arg(dir));
        QCOMPARE(
            dbs.data().value(QStringLiteral("fileContent")).toArray(),
            (QJsonArray {QJsonArray {QStringLiteral("default")}, QJsonArray {QStringLiteral("crm")},
                         QJsonArray {QStringLiteral("sales")}}));
    }

    void aBadDatabaseOptionIsAClearUsageError()
    {
        for (const QString &spec :
             {QStringLiteral("nofile"), QStringLiteral("default=") + salesFile(),
              QStringLiteral("x=/no/such/file.db"), QStringLiteral("1bad=") + salesFile()}) {
            QProcess p;
            p.start(TestGateway::binary(), {QStringLiteral("--database"), spec});
            QVERIFY(p.waitForFinished(5000));
            QCOMPARE(p.exitCode(), 2);
            QVERIFY(p.readAllStandardError().contains("--database"));
        }
    }

    // --- units ---
    void bytesAsLinkisPrintsThem()
    {
        QCOMPARE(DatasourceRoutes::bytesToString(100), QStringLiteral("100.0 B"));
        QCOMPARE(DatasourceRoutes::bytesToString(2047), QStringLiteral("2047.0 B"));
        QCOMPARE(DatasourceRoutes::bytesToString(4096), QStringLiteral("4.0 KB"));
        QCOMPARE(DatasourceRoutes::bytesToString(qint64(1536) * 1024 * 1024),
                 QStringLiteral("1536.0 MB")); // 1.5 GB: a unit only from twice its size
        QCOMPARE(DatasourceRoutes::bytesToString(qint64(3) * 1024 * 1024 * 1024),
                 QStringLiteral("3.0 GB"));
    }

    void defaultSchemaBecomesMainOutsideStringsAndComments()
    {
        QCOMPARE(mapDefaultSchema(QStringLiteral("select d.x from default.demo_sales d")),
                 QStringLiteral("select d.x from main.demo_sales d"));
        QCOMPARE(mapDefaultSchema(QStringLiteral("select * from DEFAULT . t, `default`.u")),
                 QStringLiteral("select * from main . t, main.u"));
        const QString untouched =
            QStringLiteral("select 'default.x', \"default\".y -- default.z\n, a.default, "
                           "defaults.t /* default.w */");
        QCOMPARE(mapDefaultSchema(untouched), untouched);
        QCOMPARE(mapDefaultSchema(QStringLiteral("create table t(x int default 0)")),
                 QStringLiteral("create table t(x int default 0)"));
    }

    void catalogNames()
    {
        QVERIFY(SqliteCatalog::isValidName(QStringLiteral("dw_sales")));
        QVERIFY(!SqliteCatalog::isValidName(QStringLiteral("main")));
        QVERIFY(!SqliteCatalog::isValidName(QStringLiteral("Default")));
        QVERIFY(!SqliteCatalog::isValidName(QStringLiteral("a-b")));
        QVERIFY(!SqliteCatalog::parseSpec(QStringLiteral("=x")).ok());
    }
};

QTEST_GUILESS_MAIN(TestDatasource)
#include "tst_datasource.moc"
