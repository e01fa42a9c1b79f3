// SPDX-License-Identifier: GPL-3.0-or-later
// The metadata layer on recorded real-Linkis replies (tests/data/linkis/datasource): parsers with
// the quirks of linkis-protocol-2.md §1/§9, the client over HTTP against a server that sends
// those replies, the per-profile cache (ages, bounds, disk) and the store (cache first, one
// request per level, a table without grant).
#include "awaitresult.h"
#include "faultserver.h"
#include "metadata/metadatacache.h"
#include "metadata/metadataclient.h"
#include "metadata/metadatacompletion.h"
#include "metadata/metadataparsers.h"
#include "metadata/metadatastore.h"
#include "metadata/sqlcompletioncontext.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::metadata;
using testsupport::FaultServer;
using Kind = ApiError::Kind;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/datasource/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

TableInfo table(const QString &database, const QString &name)
{
    TableInfo t;
    t.database = database;
    t.name = name;
    return t;
}

FaultServer::Response recorded(const char *name, int http = 200)
{
    return FaultServer::Response::json(http, fixture(name));
}

} // namespace

class TestMetadata : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<LinkisClient> m_linkis;
    std::unique_ptr<MetadataClient> m_client;

    // A Linkis that serves the recorded datasource replies: dw_sales.orders readable,
    // dw_sales.secret without grant.
    void serveRecorded()
    {
        m_server->setHandler([](const FaultServer::Request &r) {
            const QString table = r.query.queryItemValue(QStringLiteral("table"));
            if (r.path.endsWith(QStringLiteral("/datasource/dbs")))
                return recorded("dbs.json");
            if (r.path.endsWith(QStringLiteral("/datasource/tables")))
                return recorded("tables.json");
            if (r.path.endsWith(QStringLiteral("/datasource/columns")))
                return recorded(table == QStringLiteral("secret") ? "columns_null_no_grant.json"
                                                                  : "columns.json");
            if (r.path.endsWith(QStringLiteral("/datasource/partitions")))
                return recorded("partitions.json");
            if (r.path.endsWith(QStringLiteral("/datasource/size")))
                return recorded("size.json");
            return FaultServer::Response::linkis(1, {}, "no such route");
        });
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
        ConnectionSettings s;
        s.baseUrl = m_server->url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("tok-123");
        s.timeoutMs = 5000;
        m_linkis = std::make_unique<LinkisClient>(s);
        m_client = std::make_unique<MetadataClient>(m_linkis.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_linkis.reset();
        m_server.reset();
    }

    // --- parsers on recorded replies ---
    void databasesInServerOrder()
    {
        const auto r = parseDatabases(200, fixture("dbs.json"));
        QVERIFY(r.ok());
        QCOMPARE(r.value(),
                 (QStringList {QStringLiteral("default"), QStringLiteral("dw_sales"),
                               QStringLiteral("ods_log_bak")}));
        const auto empty = parseDatabases(200, fixture("dbs_empty_no_grants.json"));
        QVERIFY(empty.ok());
        QVERIFY(empty->isEmpty());
    }

    void brokenMetastoreIsALinkisErrorWithItsText()
    {
        const auto r = parseDatabases(400, fixture("dbs_failed_metastore.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Linkis);
        QCOMPARE(r.error().linkisStatus, 1);
        QVERIFY(r.error().message.contains(QStringLiteral("Failed to get database")));
    }

    void tablesKeepSecondsViewsAndRangerRows()
    {
        const auto r = parseTables(200, fixture("tables.json"), QStringLiteral("dw_sales"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0).name, QStringLiteral("orders"));
        QCOMPARE(r->at(0).createdAtSecs, 1704067200); // seconds, not ms: 2024-01-01
        QCOMPARE(r->at(0).qualifiedName(), QStringLiteral("dw_sales.orders"));
        QVERIFY(!r->at(0).isView);
        QCOMPARE(r->at(1).createdBy, QString()); // Ranger-only table
        QCOMPARE(r->at(1).createdAtSecs, 0);
        QVERIFY(r->at(2).isView);
    }

    void successIsStatusZeroWhateverTheMessage()
    {
        const auto r =
            parseTables(200, fixture("tables_blank_message.json"), QStringLiteral("default"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        const auto failed = parseTables(400, fixture("tables_failed.json"), QStringLiteral("x"));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, Kind::Linkis);
    }

    void millisecondTimesAreReadAsSeconds()
    {
        const QByteArray body = R"({"status":0,"message":"OK","data":{"tables":[
            {"tableName":"t","isView":"false","databaseName":"d","createdAt":1704067200000}]}})";
        const auto r = parseTables(200, body, QStringLiteral("d"));
        QVERIFY(r.ok());
        QCOMPARE(r->at(0).createdAtSecs, 1704067200);
        QVERIFY(!r->at(0).isView);
    }

    void columnsWithNullCommentsAndPartitionKeys()
    {
        const auto r = parseColumns(200, fixture("columns.json"), QStringLiteral("dw_sales"),
                                    QStringLiteral("orders"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0).comment, QStringLiteral("order id"));
        QCOMPARE(r->at(1).type, QStringLiteral("decimal(10,2)"));
        QCOMPARE(r->at(1).comment, QString());
        QVERIFY(!r->at(1).partitioned);
        QVERIFY(r->at(2).partitioned);
    }

    void nullColumnsMeanNoGrant()
    {
        const auto r = parseColumns(200, fixture("columns_null_no_grant.json"),
                                    QStringLiteral("dw_sales"), QStringLiteral("secret"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Forbidden);
        QVERIFY(r.error().message.contains(QStringLiteral("dw_sales.secret")));
        // An empty list is a table with no columns, not a refusal.
        const auto empty = parseColumns(200, R"({"status":0,"message":"OK","data":{"columns":[]}})",
                                        QStringLiteral("d"), QStringLiteral("t"));
        QVERIFY(empty.ok());
        QVERIFY(empty->isEmpty());
        const auto failed = parseColumns(400, fixture("columns_failed.json"), QStringLiteral("d"),
                                         QStringLiteral("t"));
        QCOMPARE(failed.error().kind, Kind::Linkis);
    }

    void partitionTreeAndNone()
    {
        const auto r = parsePartitions(200, fixture("partitions.json"));
        QVERIFY(r.ok());
        QVERIFY(r->isPartitioned);
        QCOMPARE(r->partitions.size(), size_t(2));
        QCOMPARE(r->partitions[0].label, QStringLiteral("ds=20240102"));
        QCOMPARE(r->partitions[0].children[1].path, QStringLiteral("ds=20240102/hour=00"));
        const auto none = parsePartitions(200, fixture("partitions_none.json"));
        QVERIFY(none.ok());
        QVERIFY(!none->isPartitioned);
        QVERIFY(none->partitions.empty());
    }

    void sizeIsTheServersText()
    {
        const auto r = parseSize(200, fixture("size.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->size, QStringLiteral("1536.0 MB"));
        const auto hdfsDown = parseSize(200, fixture("size_hdfs_error.json"));
        QVERIFY(hdfsDown.ok());
        QCOMPARE(hdfsDown->size, QString());
    }

    void garbageIsAParseError()
    {
        QCOMPARE(parseTables(200, R"({"status":0,"data":{"tables":7}})", {}).error().kind,
                 Kind::Parse);
        QCOMPARE(parseDatabases(200, "not json").error().kind, Kind::Parse);
    }

    // --- the client over HTTP ---
    void clientSendsEachLevelAsAGetWithItsParameters()
    {
        serveRecorded();
        const auto dbs = testsupport::await<QStringList>(
            [&](QObject *ctx, auto cb) { m_client->databases(ctx, cb); });
        QVERIFY(dbs.ok());
        QCOMPARE(dbs->size(), 3);
        const auto tables = testsupport::await<QList<TableInfo>>(
            [&](QObject *ctx, auto cb) { m_client->tables(QStringLiteral("dw_sales"), ctx, cb); });
        QVERIFY(tables.ok());
        QCOMPARE(m_server->requests().last().method, QByteArray("GET"));
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("database")),
                 QStringLiteral("dw_sales"));
        const auto columns = testsupport::await<QList<ColumnInfo>>([&](QObject *ctx, auto cb) {
            m_client->columns(QStringLiteral("dw_sales"), QStringLiteral("orders"), ctx, cb);
        });
        QVERIFY(columns.ok());
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("table")),
                 QStringLiteral("orders"));
        const auto size = testsupport::await<TableSize>([&](QObject *ctx, auto cb) {
            m_client->size(QStringLiteral("dw_sales"), QStringLiteral("orders"),
                           QStringLiteral("ds=20240102/hour=00"), ctx, cb);
        });
        QVERIFY(size.ok());
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("partition")),
                 QStringLiteral("ds=20240102/hour=00"));
        const auto parts = testsupport::await<PartitionInfo>([&](QObject *ctx, auto cb) {
            m_client->partitions(QStringLiteral("dw_sales"), QStringLiteral("orders"), ctx, cb);
        });
        QVERIFY(parts.ok());
        for (const auto &r : m_server->requests()) {
            QVERIFY(!r.path.contains(QStringLiteral("getByAccessTime")));
            QCOMPARE(r.header("Token-Code"), QByteArray("tok-123"));
        }
    }

    void clientMasksTheTokenInErrors()
    {
        m_server->setHandler([](const FaultServer::Request &) {
            return FaultServer::Response::linkis(1, {}, "Token tok-123 is not valid");
        });
        const auto r = testsupport::await<QStringList>(
            [&](QObject *ctx, auto cb) { m_client->databases(ctx, cb); });
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.contains(QStringLiteral("tok-123")));
    }

    // --- the cache ---
    void cacheStampsEachLevelWithItsAge()
    {
        MetadataCache cache;
        const QDateTime then = MetadataCache::now().addSecs(-90);
        cache.setDatabases({QStringLiteral("dw_sales")}, then);
        cache.setTables(QStringLiteral("dw_sales"),
                        {table(QStringLiteral("dw_sales"), QStringLiteral("orders"))});
        QVERIFY(cache.databases()->ageSeconds() >= 90);
        QVERIFY(cache.tables(QStringLiteral("DW_SALES"))->ageSeconds() < 5);
        QVERIFY(!cache.tables(QStringLiteral("other")).has_value());
        QVERIFY(!cache.columns(QStringLiteral("dw_sales"), QStringLiteral("orders")).has_value());
    }

    void cacheSurvivesARestartOnDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("meta/p.json"));
        const QDateTime at = QDateTime::fromSecsSinceEpoch(1750000000, Qt::UTC);
        {
            MetadataCache cache(path);
            cache.setDatabases({QStringLiteral("Sales")}, at);
            cache.setTables(QStringLiteral("Sales"),
                            {TableInfo {QStringLiteral("Sales"), QStringLiteral("Orders"), true,
                                        QStringLiteral("bob"), 1704067200}},
                            at);
            cache.setColumns(QStringLiteral("Sales"), QStringLiteral("Orders"),
                             {{ColumnInfo {QStringLiteral("id"), QStringLiteral("bigint"),
                                           QStringLiteral("key"), false}},
                              {}},
                             at);
            ColumnsLevel denied;
            denied.deniedMessage = QStringLiteral("no grant");
            cache.setColumns(QStringLiteral("Sales"), QStringLiteral("secret"), denied, at);
            QVERIFY(cache.save().ok());
        }
        MetadataCache again(path);
        QVERIFY(again.load().ok());
        QCOMPARE(again.databases()->value, QStringList {QStringLiteral("Sales")});
        QCOMPARE(again.databases()->fetchedAt, at);
        const auto tables = again.tables(QStringLiteral("sales"));
        QVERIFY(tables.has_value());
        QCOMPARE(tables->value.first(),
                 (TableInfo {QStringLiteral("Sales"), QStringLiteral("Orders"), true,
                             QStringLiteral("bob"), 1704067200}));
        QCOMPARE(tables->fetchedAt, at);
        QCOMPARE(again.columns(QStringLiteral("sales"), QStringLiteral("orders"))->value.columns,
                 (QList<ColumnInfo> {{QStringLiteral("id"), QStringLiteral("bigint"),
                                      QStringLiteral("key"), false}}));
        QVERIFY(again.columns(QStringLiteral("Sales"), QStringLiteral("secret"))->value.isDenied());
    }

    void cacheIsBoundedAndDropsTheLeastRecentlyUsed()
    {
        MetadataCache cache({}, MetadataCache::Limits {4, 8});
        const QString db = QStringLiteral("d");
        cache.setColumns(db, QStringLiteral("keep"), {});
        for (int i = 0; i < 100; ++i) {
            cache.setColumns(db, QStringLiteral("t%1").arg(i), {});
            QVERIFY(cache.columns(db, QStringLiteral("keep")).has_value()); // used: kept
            QVERIFY(cache.columnLevelCount() <= 8);
        }
        QVERIFY(!cache.columns(db, QStringLiteral("t0")).has_value());
        QVERIFY(cache.columns(db, QStringLiteral("t99")).has_value());
        for (int i = 0; i < 50; ++i)
            cache.setTables(QStringLiteral("db%1").arg(i), {});
        QVERIFY(cache.tableLevelCount() <= 4);
    }

    void aDamagedCacheFileIsSetAsideNotFatal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ half a file");
        f.close();
        MetadataCache cache(path);
        QVERIFY(!cache.load().ok());
        QVERIFY(!cache.databases().has_value());
        cache.setDatabases({QStringLiteral("x")});
        QVERIFY(cache.save().ok());
        MetadataCache again(path);
        QVERIFY(again.load().ok());
        QCOMPARE(again.databases()->value, QStringList {QStringLiteral("x")});
    }

    void profilesGetTheirOwnCacheFile()
    {
        const QString a = MetadataCache::pathForProfile(QStringLiteral("prod/cluster"));
        const QString b = MetadataCache::pathForProfile(QStringLiteral("prod cluster"));
        QVERIFY(a != b);
        QVERIFY(!QFileInfo(a).fileName().contains(u'/'));
        QVERIFY(a.contains(QStringLiteral("/linkis-desk/metadata/")));
    }

    // --- the store ---
    void storeShowsTheCacheAndAsksTheServerOnlyWhenStale()
    {
        serveRecorded();
        auto cache = std::make_unique<MetadataCache>();
        cache->setDatabases({QStringLiteral("cached_db")});
        MetadataStore store(m_client.get(), std::move(cache));
        QSignalSpy loaded(&store, &MetadataStore::databasesLoaded);
        store.requestDatabases(); // fresh cache: nothing sent
        QTest::qWait(50);
        QCOMPARE(m_server->countRequests(QStringLiteral("/dbs")), 0);
        QCOMPARE(store.cache().databases()->value, QStringList {QStringLiteral("cached_db")});
        store.setRefreshAfterSeconds(0); // stale now: re-read in the background
        store.requestDatabases();
        store.requestDatabases(); // one request per level in flight
        QVERIFY(store.isLoading());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(m_server->countRequests(QStringLiteral("/dbs")), 1);
        QCOMPARE(store.cache().databases()->value.size(), 3);
        QVERIFY(!store.isLoading());
    }

    void storeRemembersATableWithoutGrant()
    {
        serveRecorded();
        MetadataStore store(m_client.get(), std::make_unique<MetadataCache>());
        QSignalSpy loaded(&store, &MetadataStore::columnsLoaded);
        QSignalSpy failed(&store, &MetadataStore::requestFailed);
        store.requestColumns(QStringLiteral("dw_sales"), QStringLiteral("secret"));
        store.requestColumns(QStringLiteral("dw_sales"), QStringLiteral("orders"));
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(failed.size(), 0);
        const auto secret =
            store.cache().columns(QStringLiteral("dw_sales"), QStringLiteral("secret"));
        QVERIFY(secret->value.isDenied());
        QVERIFY(secret->value.deniedMessage.contains(QStringLiteral("no grant")));
        QCOMPARE(store.cache()
                     .columns(QStringLiteral("dw_sales"), QStringLiteral("orders"))
                     ->value.columns.size(),
                 3);
    }

    void storeReportsAFailureAndKeepsWhatItHad()
    {
        m_server->setHandler(
            [](const FaultServer::Request &) { return recorded("tables_failed.json", 400); });
        auto cache = std::make_unique<MetadataCache>();
        cache->setTables(QStringLiteral("d"), {table(QStringLiteral("d"), QStringLiteral("old"))});
        MetadataStore store(m_client.get(), std::move(cache));
        QSignalSpy failed(&store, &MetadataStore::requestFailed);
        store.requestTables(QStringLiteral("d"), MetadataStore::Fetch::Always);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("d"));
        QCOMPARE(failed.first().at(2).value<ApiError>().kind, Kind::Linkis);
        QCOMPARE(store.cache().tables(QStringLiteral("d"))->value.first().name,
                 QStringLiteral("old"));
    }

    void storeSavesItsCacheToDisk()
    {
        serveRecorded();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        {
            MetadataStore store(m_client.get(), std::make_unique<MetadataCache>(path));
            QSignalSpy loaded(&store, &MetadataStore::tablesLoaded);
            store.requestTables(QStringLiteral("dw_sales"));
            QVERIFY(loaded.wait(5000));
        } // destruction flushes
        MetadataCache again(path);
        QVERIFY(again.load().ok());
        QCOMPARE(again.tables(QStringLiteral("dw_sales"))->value.size(), 3);
    }

    // --- completion on what the recorded server sends ---
    void completionFetchesEachMissingLevelFromRecordedReplies()
    {
        using Level = MetadataCompletion::Level;
        serveRecorded();
        MetadataStore store(m_client.get(), std::make_unique<MetadataCache>());
        // Completes at the "|" and fetches what the completion says is missing, as the editor
        // does; returns the names offered once those levels arrived.
        auto completeAt = [&store](const QString &marked, QList<Level> *missing) {
            const qsizetype cursor = marked.indexOf(u'|');
            QString text = marked;
            text.remove(cursor, 1);
            const auto context = SqlCompletionContext::at(text, int(cursor));
            const auto first = MetadataCompletion::complete(context, store.cache(), {});
            *missing = first.missing;
            int pending = int(first.missing.size());
            const auto counter = [&pending] { --pending; };
            QObject guard;
            connect(&store, &MetadataStore::databasesLoaded, &guard, counter);
            connect(&store, &MetadataStore::tablesLoaded, &guard, counter);
            connect(&store, &MetadataStore::columnsLoaded, &guard, counter);
            for (const Level &level : first.missing) {
                if (level.database.isEmpty())
                    store.requestDatabases();
                else if (level.table.isEmpty())
                    store.requestTables(level.database);
                else
                    store.requestColumns(level.database, level.table);
            }
            if (!QTest::qWaitFor([&pending] { return pending <= 0; }, 5000))
                return QStringList {QStringLiteral("<timed out>")};
            const auto again = MetadataCompletion::complete(context, store.cache(), {});
            return again.missing.isEmpty() ? again.items
                                           : QStringList {QStringLiteral("<still missing>")};
        };
        QList<Level> missing;
        // The database list (dbs.json).
        QCOMPARE(completeAt(QStringLiteral("select * from dw|"), &missing),
                 QStringList {QStringLiteral("dw_sales")});
        QCOMPARE(missing, QList<Level> {Level {}});
        // The tables of `db.` (tables.json: a Ranger row without owner, a view).
        QCOMPARE(completeAt(QStringLiteral("select * from dw_sales.|"), &missing),
                 (QStringList {QStringLiteral("orders"), QStringLiteral("orders_ranger"),
                               QStringLiteral("v_daily_orders")}));
        QCOMPARE(missing, (QList<Level> {{QStringLiteral("dw_sales"), {}}}));
        // The columns of an alias (columns.json, partition key included).
        QCOMPARE(completeAt(QStringLiteral("select o.| from dw_sales.orders o"), &missing),
                 (QStringList {QStringLiteral("amount"), QStringLiteral("ds"),
                               QStringLiteral("order_id")}));
        QCOMPARE(missing, (QList<Level> {{QStringLiteral("dw_sales"), QStringLiteral("orders")}}));
        // Now cached: nothing is asked again.
        QCOMPARE(completeAt(QStringLiteral("select x.am| from dw_sales.orders x"), &missing),
                 QStringList {QStringLiteral("amount")});
        QVERIFY(missing.isEmpty());
        QCOMPARE(m_server->countRequests(QStringLiteral("/columns")), 1);
        // A table without grant (columns: null, status 0): no names, and not asked again.
        QVERIFY(
            completeAt(QStringLiteral("select s.| from dw_sales.secret s"), &missing).isEmpty());
        QCOMPARE(missing, (QList<Level> {{QStringLiteral("dw_sales"), QStringLiteral("secret")}}));
        QVERIFY(
            completeAt(QStringLiteral("select s.| from dw_sales.secret s"), &missing).isEmpty());
        QVERIFY(missing.isEmpty());
        QCOMPARE(m_server->countRequests(QStringLiteral("/columns")), 2);
    }
};

QTEST_GUILESS_MAIN(TestMetadata)
#include "tst_metadata.moc"
