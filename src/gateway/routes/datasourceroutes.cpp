// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/datasourceroutes.h"

#include "engines/sqlitecatalog.h"
#include "engines/workspacedb.h"

#include <QFileInfo>
#include <QJsonArray>

#include <sqlite3.h>

#include <memory>
#include <optional>

namespace linkisdesk::gateway {

namespace {

QString apiMethod(const ApiRequest &r)
{
    return QStringLiteral("/api/") + r.path;
}

struct DbCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

// The workspace is opened read-write (a new user's gets demo_sales); added files read-only.
DbPtr openDatabase(const SqliteCatalog::Database &db, QString *error)
{
    if (db.name == QStringLiteral("default")) {
        DbPtr handle(WorkspaceDb::open(db.file, error));
        if (handle)
            WorkspaceDb::ensureDemo(handle.get(), {});
        return handle;
    }
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(db.file.toUtf8().constData(), &raw,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(raw));
        sqlite3_close(raw);
        return nullptr;
    }
    sqlite3_busy_timeout(raw, 5000);
    return DbPtr(raw);
}

struct Statement
{
    sqlite3_stmt *st = nullptr;
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &st, nullptr); }
    ~Statement() { sqlite3_finalize(st); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    bool ok() const { return st != nullptr; }
    bool step()
    {
        rc = st ? sqlite3_step(st) : SQLITE_ERROR;
        return rc == SQLITE_ROW;
    }
    // After the last step(): true when the rows ended normally (not on an error).
    bool done() const { return rc == SQLITE_DONE; }
    int rc = SQLITE_OK;
    QString text(int i) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, i)));
    }
    void bind(int i, const QString &value)
    {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(st, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
};

// Tables and views of one database as Linkis rows, sorted by name; nullopt when the file
// cannot be read.
std::optional<QJsonArray> tableRows(const SqliteCatalog::Database &db, const QString &user)
{
    QString error;
    const DbPtr handle = openDatabase(db, &error);
    if (!handle)
        return std::nullopt;
    Statement st(handle.get(),
                 "SELECT name, type FROM sqlite_master WHERE type IN "
                 "('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                 "ORDER BY name");
    if (!st.ok())
        return std::nullopt;
    // SQLite keeps no creation time: the file's birth (or last change) stands in, in seconds.
    const QFileInfo info(db.file);
    QDateTime born = info.birthTime();
    if (!born.isValid())
        born = info.lastModified();
    const qint64 createdAt = born.isValid() ? born.toSecsSinceEpoch() : 0;
    QJsonArray rows;
    while (st.step()) {
        rows.append(QJsonObject {{QStringLiteral("tableName"), st.text(0)},
                                 {QStringLiteral("isView"), st.text(1) == QStringLiteral("view")},
                                 {QStringLiteral("databaseName"), db.name},
                                 {QStringLiteral("createdBy"), user},
                                 {QStringLiteral("createdAt"), createdAt},
                                 {QStringLiteral("lastAccessAt"), 0}});
    }
    return rows;
}

} // namespace

QString DatasourceRoutes::bytesToString(qint64 bytes)
{
    static const char *const units[] = {"TB", "GB", "MB", "KB"};
    double unit = 1024.0 * 1024.0 * 1024.0 * 1024.0;
    for (const char *name : units) {
        if (double(bytes) >= 2.0 * unit)
            return QStringLiteral("%1 %2")
                .arg(double(bytes) / unit, 0, 'f', 1)
                .arg(QLatin1String(name));
        unit /= 1024.0;
    }
    return QStringLiteral("%1 B").arg(double(qMax<qint64>(0, bytes)), 0, 'f', 1);
}

void DatasourceRoutes::install(Router &router)
{
    using A = Router::Access;
    const QStringList get {QStringLiteral("GET")};
    router.add(get, QStringLiteral("datasource/dbs"), A::Authenticated,
               [this](ApiRequest &r) { return dbs(r); });
    router.add(get, QStringLiteral("datasource/tables"), A::Authenticated,
               [this](ApiRequest &r) { return tables(r); });
    router.add(get, QStringLiteral("datasource/columns"), A::Authenticated,
               [this](ApiRequest &r) { return columns(r); });
    router.add(get, QStringLiteral("datasource/partitions"), A::Authenticated,
               [this](ApiRequest &r) { return partitions(r); });
    router.add(get, QStringLiteral("datasource/size"), A::Authenticated,
               [this](ApiRequest &r) { return size(r); });
    router.add(get, QStringLiteral("datasource/all"), A::Authenticated,
               [this](ApiRequest &r) { return all(r); });
    router.add(get, QStringLiteral("datasource/getByAccessTime"), A::Authenticated,
               [this](ApiRequest &r) { return all(r); });
}

ApiReply DatasourceRoutes::dbs(ApiRequest &request)
{
    QJsonArray dbs;
    for (const auto &db : m_catalog.databasesFor(request.user))
        dbs.append(QJsonObject {{QStringLiteral("dbName"), db.name}});
    // Linkis sorts them; `default` sorts among the others there too.
    QList<QJsonValue> sorted(dbs.begin(), dbs.end());
    std::sort(sorted.begin(), sorted.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a[QStringLiteral("dbName")].toString() < b[QStringLiteral("dbName")].toString();
    });
    QJsonArray out;
    for (const QJsonValue &v : sorted)
        out.append(v);
    return ApiReply::ok(apiMethod(request), {{QStringLiteral("dbs"), out}});
}

ApiReply DatasourceRoutes::tables(ApiRequest &request)
{
    const QString method = apiMethod(request);
    const QString name = request.queryValue(QStringLiteral("database"));
    if (name.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'database' is missing[缺少数据库]"));
    const auto db = m_catalog.find(request.user, name);
    // Hive's metastore lists nothing for a database it does not have.
    if (!db)
        return ApiReply::ok(method, {{QStringLiteral("tables"), QJsonArray {}}});
    const auto rows = tableRows(*db, request.user);
    if (!rows)
        return ApiReply::error(method, ApiReply::Error, QStringLiteral("Failed to queryTables"));
    return ApiReply::ok(method, {{QStringLiteral("tables"), *rows}});
}

ApiReply DatasourceRoutes::columns(ApiRequest &request)
{
    const QString method = apiMethod(request);
    const QString name = request.queryValue(QStringLiteral("database"));
    const QString table = request.queryValue(QStringLiteral("table"));
    if (name.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'database' is missing[缺少数据库]"));
    if (table.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'table' is missing[缺少表名]"));
    const auto db = m_catalog.find(request.user, name);
    if (!db)
        return ApiReply::ok(method, {{QStringLiteral("columns"), QJsonArray {}}});
    QString error;
    const DbPtr handle = openDatabase(*db, &error);
    if (!handle) {
        return ApiReply::error(
            method, ApiReply::Error,
            QStringLiteral("Failed to get data table structure(获取数据表结构失败)"));
    }
    Statement exists(handle.get(),
                     "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') "
                     "AND name = ?1 COLLATE NOCASE");
    exists.bind(1, table);
    if (!exists.step())
        return ApiReply::ok(method, {{QStringLiteral("columns"), QJsonArray {}}});
    Statement st(handle.get(), "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid");
    st.bind(1, table);
    QJsonArray columns;
    while (st.step()) {
        columns.append(QJsonObject {{QStringLiteral("columnName"), st.text(0)},
                                    {QStringLiteral("columnType"), st.text(1).toLower()},
                                    {QStringLiteral("columnComment"), QJsonValue::Null},
                                    {QStringLiteral("partitioned"), false}});
    }
    // A table SQLite cannot describe (a view over a missing table, a damaged schema) reads as
    // Hive's "no grant": status 0 with columns null.
    const bool failed = !st.ok() || !st.done() || columns.isEmpty();
    if (failed)
        return ApiReply::ok(method, {{QStringLiteral("columns"), QJsonValue::Null}});
    return ApiReply::ok(method, {{QStringLiteral("columns"), columns}});
}

ApiReply DatasourceRoutes::partitions(ApiRequest &request)
{
    const QString method = apiMethod(request);
    const QString name = request.queryValue(QStringLiteral("database"));
    const QString table = request.queryValue(QStringLiteral("table"));
    if (name.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'database' is missing[缺少数据库]"));
    if (table.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'table' is missing[缺少表名]"));
    return ApiReply::ok(method,
                        {{QStringLiteral("partitionInfo"),
                          QJsonObject {{QStringLiteral("tableName"), name + u'.' + table},
                                       {QStringLiteral("isPartition"), false}}}});
}

ApiReply DatasourceRoutes::size(ApiRequest &request)
{
    const QString method = apiMethod(request);
    const QString name = request.queryValue(QStringLiteral("database"));
    const QString table = request.queryValue(QStringLiteral("table"));
    if (name.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'database' is missing[缺少数据库]"));
    if (table.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("'table' is missing[缺少表名]"));
    QJsonObject info {{QStringLiteral("tableName"), name + u'.' + table},
                      {QStringLiteral("size"), QString()}};
    const QString partition = request.queryValue(QStringLiteral("partition"));
    if (!partition.isEmpty())
        info.insert(QStringLiteral("partitionName"), partition);
    const auto db = m_catalog.find(request.user, name);
    QString error;
    const DbPtr handle = db ? openDatabase(*db, &error) : nullptr;
    if (handle) {
        // The pages of the table and its indexes (dbstat); the file size when SQLite was built
        // without it. Linkis sends "" when it cannot tell (HDFS error), still with status 0.
        Statement st(handle.get(),
                     "SELECT sum(pgsize) FROM dbstat WHERE name = ?1 OR name IN (SELECT name "
                     "FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1)");
        if (st.ok()) {
            st.bind(1, table);
            if (st.step() && sqlite3_column_type(st.st, 0) != SQLITE_NULL)
                info.insert(QStringLiteral("size"), bytesToString(sqlite3_column_int64(st.st, 0)));
        } else {
            info.insert(QStringLiteral("size"), bytesToString(QFileInfo(db->file).size()));
        }
    }
    return ApiReply::ok(method, {{QStringLiteral("sizeInfo"), info}});
}

ApiReply DatasourceRoutes::all(ApiRequest &request)
{
    // Each database with its own tables (real Linkis' getByAccessTime is off by one: never copy).
    QJsonArray dbs;
    for (const auto &db : m_catalog.databasesFor(request.user)) {
        const auto rows = tableRows(db, request.user);
        dbs.append(QJsonObject {{QStringLiteral("databaseName"), db.name},
                                {QStringLiteral("tables"), rows.value_or(QJsonArray {})}});
    }
    return ApiReply::ok(apiMethod(request), {{QStringLiteral("dbs"), dbs}});
}

} // namespace linkisdesk::gateway
