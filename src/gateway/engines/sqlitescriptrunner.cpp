// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/sqlitescriptrunner.h"

#include "engines/defaultschema.h"
#include "engines/workspacedb.h"
#include "script/statementsplitter.h"
#include "store/errorcodes.h"
#include "store/resultsetwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>

#include <sqlite3.h>

namespace linkisdesk::gateway {

namespace {

using Level = JobLog::Level;

QString linkisType(const char *declType, int valueType)
{
    if (declType && *declType) {
        const QString t = QString::fromUtf8(declType).toUpper();
        if (t.contains(QStringLiteral("BIGINT")))
            return QStringLiteral("bigint");
        if (t.contains(QStringLiteral("INT")))
            return QStringLiteral("int");
        if (t.contains(QStringLiteral("CHAR")) || t.contains(QStringLiteral("TEXT")) ||
            t.contains(QStringLiteral("CLOB")))
            return QStringLiteral("string");
        if (t.contains(QStringLiteral("REAL")) || t.contains(QStringLiteral("DOUB")) ||
            t.contains(QStringLiteral("FLOA")))
            return QStringLiteral("double");
        if (t.contains(QStringLiteral("DEC")) || t.contains(QStringLiteral("NUMERIC")))
            return QStringLiteral("decimal");
        if (t.contains(QStringLiteral("TIMESTAMP")) || t.contains(QStringLiteral("DATETIME")))
            return QStringLiteral("timestamp");
        if (t.contains(QStringLiteral("DATE")))
            return QStringLiteral("date");
        if (t.contains(QStringLiteral("BOOL")))
            return QStringLiteral("boolean");
        if (t.contains(QStringLiteral("BLOB")))
            return QStringLiteral("binary");
        return QStringLiteral("string");
    }
    switch (valueType) {
    case SQLITE_INTEGER: return QStringLiteral("long");
    case SQLITE_FLOAT: return QStringLiteral("double");
    case SQLITE_BLOB: return QStringLiteral("binary");
    default: return QStringLiteral("string");
    }
}

QString sqliteError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

QString quoted(const QString &identifier)
{
    QString s = identifier;
    s.replace(u'\'', QStringLiteral("''"));
    return u'\'' + s + u'\'';
}

QString oneLine(const QString &sql)
{
    QString s = sql.simplified();
    return s.size() > 200 ? s.left(200) + QStringLiteral("...") : s;
}

} // namespace

SqliteScriptRunner::SqliteScriptRunner(EngineContext context, ProgressFn progress)
    : m_ctx(std::move(context))
    , m_progress(std::move(progress))
{ }

void SqliteScriptRunner::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_dbMutex);
    if (m_db)
        sqlite3_interrupt(m_db);
}

bool SqliteScriptRunner::openWorkspace(QString *error)
{
    const bool reused = m_shared && *m_shared;
    sqlite3 *db = reused ? *m_shared : WorkspaceDb::open(m_ctx.workspaceDb, error);
    if (!db)
        return false;
    {
        QMutexLocker lock(&m_dbMutex);
        m_db = db;
    }
    if (m_shared)
        *m_shared = db;
    // Cancellation also reaches statements between sqlite3_interrupt calls.
    sqlite3_progress_handler(
        db, 10000,
        [](void *self) -> int {
            return static_cast<SqliteScriptRunner *>(self)->m_cancelled.load() ? 1 : 0;
        },
        this);
    if (!reused) {
        WorkspaceDb::ensureDemo(
            db, [this](Level level, const QString &line) { m_ctx.log->append(level, line); });
    }
    attachDatabases();
    return true;
}

void SqliteScriptRunner::attachDatabases()
{
    // The user's other databases, as NAME.table (on a reused connection: those added since).
    QStringList present;
    sqlite3_stmt *list = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT name FROM pragma_database_list", -1, &list, nullptr) ==
        SQLITE_OK) {
        while (sqlite3_step(list) == SQLITE_ROW)
            present << QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(list, 0)));
    }
    sqlite3_finalize(list);
    for (const auto &[name, file] : m_ctx.attached) {
        if (present.contains(name, Qt::CaseInsensitive))
            continue;
        const QByteArray sql =
            QStringLiteral("ATTACH DATABASE %1 AS \"%2\"").arg(quoted(file), name).toUtf8();
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
            m_ctx.log->append(Level::Warn,
                              QStringLiteral("The database %1 (%2) is not available: %3")
                                  .arg(name, file, QString::fromUtf8(message)));
        }
        sqlite3_free(message);
    }
}

QString SqliteScriptRunner::rewrite(sqlite3 *db, const QString &statement, QString *error)
{
    static const QRegularExpression showTables(
        QStringLiteral(R"(^show\s+tables(\s+(in|from)\s+\S+)?(\s+like\s+.*)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression showDatabases(QStringLiteral(R"(^show\s+(databases|schemas)$)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression describe(
        QStringLiteral(R"(^desc(ribe)?\s+(formatted\s+|extended\s+)?([`"]?)([\w.]+)\3$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression use(QStringLiteral(R"(^use\s+\S+$)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString s = statement.trimmed();
    if (showTables.match(s).hasMatch()) {
        return QStringLiteral("SELECT name AS tab_name FROM sqlite_master WHERE type IN "
                              "('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }
    if (showDatabases.match(s).hasMatch())
        return QStringLiteral("SELECT CASE name WHEN 'main' THEN 'default' ELSE name END AS "
                              "database_name FROM pragma_database_list WHERE name <> 'temp' "
                              "ORDER BY seq");
    if (use.match(s).hasMatch())
        return QString(); // one database only: nothing to switch, and no result set
    const auto m = describe.match(s);
    if (m.hasMatch()) {
        QString table = m.captured(4);
        QString schema = QStringLiteral("main");
        const qsizetype dot = table.indexOf(u'.');
        if (dot > 0) {
            schema = table.left(dot);
            table = table.mid(dot + 1);
            if (schema.compare(QStringLiteral("default"), Qt::CaseInsensitive) == 0)
                schema = QStringLiteral("main");
        }
        const QByteArray probe = QStringLiteral("SELECT 1 FROM \"%1\".sqlite_master WHERE type IN "
                                                "('table','view') AND name=%2")
                                     .arg(schema, quoted(table))
                                     .toUtf8();
        sqlite3_stmt *st = nullptr;
        bool exists = false;
        if (sqlite3_prepare_v2(db, probe.constData(), -1, &st, nullptr) == SQLITE_OK)
            exists = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
        if (!exists) {
            *error = QStringLiteral("Table or view not found: %1").arg(table);
            return {};
        }
        return QStringLiteral("SELECT name AS col_name, type AS data_type, '' AS comment FROM "
                              "pragma_table_info(%1, %2) ORDER BY cid")
            .arg(quoted(table), quoted(schema));
    }
    return mapDefaultSchema(statement);
}

QJsonArray SqliteScriptRunner::progressInfo(int done, int total, bool failed)
{
    auto item = [](const QString &id, int succeeded, bool failedHere, bool running, int of) {
        return QJsonObject {{QStringLiteral("id"), id},
                            {QStringLiteral("succeedTasks"), succeeded},
                            {QStringLiteral("failedTasks"), failedHere ? 1 : 0},
                            {QStringLiteral("runningTasks"), running ? 1 : 0},
                            {QStringLiteral("totalTasks"), of}};
    };
    QJsonArray info;
    if (total > kItemPerStatementLimit) {
        // A long script: one item for all statements, so each update and each progress reply
        // stays small however many statements there are.
        info.append(
            item(QStringLiteral("statements"), done, failed, done < total && !failed, total));
        return info;
    }
    for (int i = 0; i < total; ++i) {
        info.append(item(QStringLiteral("statement-%1").arg(i + 1), i < done ? 1 : 0,
                         i == done && failed, i == done && !failed, 1));
    }
    return info;
}

// The line and column (1-based) of the first NUL character in `code`, as "line L, column C";
// empty when there is none.
QString SqliteScriptRunner::nulPosition(const QString &code)
{
    const qsizetype at = code.indexOf(QChar(u'\0'));
    if (at < 0)
        return {};
    const qsizetype lineStart = code.lastIndexOf(u'\n', at) + 1; // 0 when there is none
    const qsizetype line = QStringView(code).left(at).count(u'\n') + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(at - lineStart + 1);
}

EngineOutcome SqliteScriptRunner::run()
{
    EngineOutcome outcome;
    if (m_ctx.engineType != QStringLiteral("sqlite")) {
        m_ctx.log->append(Level::Warn,
                          QStringLiteral("The local gateway has no %1 engine: this SQL runs on "
                                         "your local SQLite workspace instead (SQLite dialect).")
                              .arg(m_ctx.engineType));
    }
    // SQLite stops reading SQL at a NUL character, so the rest of the script would never run.
    const QString nul = nulPosition(m_ctx.code);
    if (!nul.isEmpty()) {
        const QString why = QStringLiteral("The SQL contains a NUL character (U+0000) at %1; SQL "
                                           "cannot contain it. Remove it and submit again.")
                                .arg(nul);
        m_ctx.log->append(Level::Error, why);
        return EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::SqlError, why, 0};
    }
    QString error;
    if (!openWorkspace(&error)) {
        m_ctx.log->append(Level::Error, error);
        return EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::EngineStart, error, 0};
    }
    const QList<SqlStatement> statements = StatementSplitter::split(m_ctx.code);
    const int total = int(statements.size());
    m_ctx.log->append(Level::Info, QStringLiteral("The script has %1 statement(s).").arg(total));
    m_progress(0.0, progressInfo(0, total, false));
    // Progress goes out after each statement, but at most every kProgressIntervalMs (and at
    // the end): a script of many quick statements must not flood the HTTP thread.
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    int resultIndex = 0;
    bool ok = true;
    for (int i = 0; i < total && ok; ++i) {
        if (m_cancelled) {
            outcome.kind = EngineOutcome::Kind::Cancelled;
            ok = false;
            break;
        }
        const SqlStatement &st = statements.at(i);
        ok = runStatement(st.text, i, st.startLine + 1, &resultIndex, &outcome);
        if (!ok || i + 1 == total || sinceProgress.elapsed() >= kProgressIntervalMs) {
            m_progress(double(ok ? i + 1 : i) / total, progressInfo(ok ? i + 1 : i, total, !ok));
            sinceProgress.restart();
        }
    }
    {
        QMutexLocker lock(&m_dbMutex);
        if (m_shared) {
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr); // it points to this runner
            // A transaction left open by an interrupted statement would hold the next job.
            if (!sqlite3_get_autocommit(m_db) && outcome.kind != EngineOutcome::Kind::Succeed)
                sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        } else {
            sqlite3_close(m_db);
        }
        m_db = nullptr;
    }
    outcome.resultSets = resultIndex;
    return outcome;
}

bool SqliteScriptRunner::runStatement(const QString &sql, int index, int line, int *resultIndex,
                                      EngineOutcome *outcome)
{
    m_ctx.log->append(
        Level::Info,
        QStringLiteral("Statement %1 (line %2): %3").arg(index + 1).arg(line).arg(oneLine(sql)));
    auto fail = [&](const QString &why) {
        if (m_cancelled) {
            outcome->kind = EngineOutcome::Kind::Cancelled;
            m_ctx.log->append(
                Level::Warn,
                QStringLiteral("Statement %1 was interrupted by a kill.").arg(index + 1));
            return false;
        }
        outcome->kind = EngineOutcome::Kind::Failed;
        outcome->errCode = ErrorCodes::SqlError;
        outcome->errDesc =
            QStringLiteral("Statement %1 (line %2) failed: %3").arg(index + 1).arg(line).arg(why);
        m_ctx.log->append(Level::Error, outcome->errDesc);
        return false;
    };
    QString rewriteError;
    const QString effective = rewrite(m_db, sql, &rewriteError);
    if (!rewriteError.isEmpty())
        return fail(rewriteError);
    const QByteArray utf8 = effective.toUtf8();
    const char *tail = utf8.constData();
    const char *end = tail + utf8.size();
    while (tail < end) {
        sqlite3_stmt *stmt = nullptr;
        const char *next = nullptr;
        if (sqlite3_prepare_v2(m_db, tail, int(end - tail), &stmt, &next) != SQLITE_OK)
            return fail(sqliteError(m_db));
        if (!stmt && next <= tail) // SQLite read nothing (it never does past a NUL): no loop
            return fail(QStringLiteral("SQLite could not read the statement past byte %1.")
                            .arg(tail - utf8.constData()));
        tail = next;
        if (!stmt)
            continue; // only blanks or comments left
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW || (rc == SQLITE_DONE && sqlite3_column_count(stmt) > 0)) {
            const bool ok = writeResult(stmt, rc, (*resultIndex)++, outcome);
            sqlite3_finalize(stmt);
            if (!ok)
                return fail(outcome->errDesc.isEmpty() ? sqliteError(m_db) : outcome->errDesc);
        } else if (rc == SQLITE_DONE) {
            const int changes = sqlite3_changes(m_db);
            const bool readOnly = sqlite3_stmt_readonly(stmt);
            sqlite3_finalize(stmt);
            m_ctx.log->append(Level::Info,
                              readOnly ? QStringLiteral("OK.")
                                       : QStringLiteral("OK, %1 row(s) affected.").arg(changes));
        } else {
            const QString why = sqliteError(m_db);
            sqlite3_finalize(stmt);
            return fail(why);
        }
    }
    return true;
}

bool SqliteScriptRunner::writeResult(sqlite3_stmt *stmt, int first, int resultIndex,
                                     EngineOutcome *outcome)
{
    const int cols = sqlite3_column_count(stmt);
    QList<ResultSetWriter::Column> columns;
    for (int c = 0; c < cols; ++c) {
        const int valueType = first == SQLITE_ROW ? sqlite3_column_type(stmt, c) : SQLITE_NULL;
        columns.append({QString::fromUtf8(sqlite3_column_name(stmt, c)),
                        linkisType(sqlite3_column_decltype(stmt, c), valueType)});
    }
    QDir().mkpath(m_ctx.resultDir);
    ResultSetWriter writer;
    QString error;
    const QString path = m_ctx.resultDir + QStringLiteral("/_%1.dolphin").arg(resultIndex);
    if (!writer.open(path, ResultSetWriter::Type::Table, columns, &error)) {
        outcome->errDesc = error;
        return false;
    }
    static const char hex[] = "0123456789abcdef";
    QByteArray row;
    int rc = first;
    while (rc == SQLITE_ROW) {
        row.clear();
        row += '[';
        for (int c = 0; c < cols; ++c) {
            if (c)
                row += ',';
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_NULL: row += "null"; break;
            case SQLITE_BLOB: {
                const auto *b = static_cast<const uchar *>(sqlite3_column_blob(stmt, c));
                const int n = sqlite3_column_bytes(stmt, c);
                row += "\"0x";
                for (int k = 0; k < n; ++k) {
                    row += hex[b[k] >> 4];
                    row += hex[b[k] & 15];
                }
                row += '"';
                break;
            }
            default: {
                const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
                ResultSetWriter::appendJsonString(row, t, sqlite3_column_bytes(stmt, c));
            }
            }
        }
        row += ']';
        if (!writer.addRow(row))
            break;
        rc = sqlite3_step(stmt);
    }
    const qint64 rows = writer.rowCount();
    if (!writer.close(&error)) {
        // Disk full or an I/O error: the job must not look complete. The rows written so far
        // stay readable.
        outcome->errDesc = QStringLiteral("%1; the first %2 row(s) of result set %3 are kept, "
                                          "the rest of it is lost.")
                               .arg(error)
                               .arg(writer.rowsOnDisk())
                               .arg(resultIndex);
        return false;
    }
    if (rc != SQLITE_DONE)
        return false;
    m_ctx.log->append(Level::Info,
                      QStringLiteral("Result set %1: %2 row(s), %3 column(s).")
                          .arg(resultIndex)
                          .arg(rows)
                          .arg(cols));
    return true;
}

} // namespace linkisdesk::gateway
