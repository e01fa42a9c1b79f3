// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/jobstore.h"

#include "api/jobstatusnames.h"
#include "store/errorcodes.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <functional>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace linkisdesk::gateway {

namespace {

constexpr const char *kColumns =
    "task_id, exec_id, short_exec_id, instance, submit_user, execute_user, creator, "
    "engine_type, engine_version, run_type, code, params, source, labels, status, progress, "
    "err_code, err_desc, log_path, result_location, created_ms, updated_ms, started_ms, "
    "ended_ms";

// A prepared statement that finalizes itself.
class Stmt
{
public:
    Stmt(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;
    bool ok() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }
    void bind(int i, const QString &s)
    {
        const QByteArray u = s.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
    void bind(int i, const QJsonObject &o)
    {
        bind(i, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    QString text(int i) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, i)) : QString();
    }
    qint64 int64(int i) const { return sqlite3_column_int64(m_stmt, i); }
    QJsonObject object(int i) const { return QJsonDocument::fromJson(text(i).toUtf8()).object(); }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

void bindRecord(Stmt &s, const JobRecord &r, int first)
{
    int i = first;
    s.bind(i++, r.execId);
    s.bind(i++, r.shortExecId);
    s.bind(i++, r.instance);
    s.bind(i++, r.submitUser);
    s.bind(i++, r.executeUser);
    s.bind(i++, r.creator);
    s.bind(i++, r.engineType);
    s.bind(i++, r.engineVersion);
    s.bind(i++, r.runType);
    s.bind(i++, r.code);
    s.bind(i++, r.params);
    s.bind(i++, r.source);
    s.bind(i++, r.labels);
    s.bind(i++, jobStatusName(r.status));
    s.bind(i++, r.progress);
    s.bind(i++, qint64(r.errCode));
    s.bind(i++, r.errDesc);
    s.bind(i++, r.logPath);
    s.bind(i++, r.resultLocation);
    s.bind(i++, r.createdMs);
    s.bind(i++, r.updatedMs);
    s.bind(i++, r.startedMs);
    s.bind(i++, r.endedMs);
}

JobRecord readRecord(const Stmt &s)
{
    JobRecord r;
    int i = 0;
    r.taskId = s.int64(i++);
    r.execId = s.text(i++);
    r.shortExecId = s.text(i++);
    r.instance = s.text(i++);
    r.submitUser = s.text(i++);
    r.executeUser = s.text(i++);
    r.creator = s.text(i++);
    r.engineType = s.text(i++);
    r.engineVersion = s.text(i++);
    r.runType = s.text(i++);
    r.code = s.text(i++);
    r.params = s.object(i++);
    r.source = s.object(i++);
    r.labels = s.object(i++);
    r.status = parseJobStatus(s.text(i++));
    r.progress = sqlite3_column_double(s.get(), i++);
    r.errCode = int(s.int64(i++));
    r.errDesc = s.text(i++);
    r.logPath = s.text(i++);
    r.resultLocation = s.text(i++);
    r.createdMs = s.int64(i++);
    r.updatedMs = s.int64(i++);
    r.startedMs = s.int64(i++);
    r.endedMs = s.int64(i++);
    return r;
}

} // namespace

JobStore::~JobStore()
{
    if (m_db)
        sqlite3_close(m_db);
}

bool JobStore::exec(const char *sql, QString *error)
{
    char *msg = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(msg ? msg : "unknown SQLite error");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

bool JobStore::isEmptyFile(const QString &path)
{
    // A new store's content may still be all in the write-ahead log (the file stays 0 bytes
    // until the first checkpoint); that is not empty.
    const QFileInfo db(path);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    return db.exists() && db.size() == 0 && (!wal.exists() || wal.size() == 0);
}

bool JobStore::open(const QString &path, QString *error, bool *damaged)
{
    QMutexLocker lock(&m_mutex);
    auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    };
    // Private to the user: created 0600, and an existing store (of an earlier version, or
    // copied in) made 0600 again. SQLite gives its -wal and -shm files the same mode.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return failed(QStringLiteral("cannot open job history %1: %2")
                          .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    for (const char *suffix : {"-wal", "-shm"})
        ::chmod((native + suffix).constData(), 0600);

    if (sqlite3_open_v2(native.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        return failed(QStringLiteral("cannot open job history %1: %2")
                          .arg(path, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    sqlite3_busy_timeout(m_db, 5000);
    QString damage;
    if (!check(path, &damage)) {
        if (damaged)
            *damaged = true;
        return failed(damage);
    }
    return exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error) &&
        exec("CREATE TABLE IF NOT EXISTS jobs ("
             " task_id INTEGER PRIMARY KEY AUTOINCREMENT, exec_id TEXT, short_exec_id TEXT,"
             " instance TEXT, submit_user TEXT, execute_user TEXT, creator TEXT,"
             " engine_type TEXT, engine_version TEXT, run_type TEXT, code TEXT,"
             " params TEXT, source TEXT, labels TEXT, status TEXT, progress REAL,"
             " err_code INTEGER, err_desc TEXT, log_path TEXT, result_location TEXT,"
             " created_ms INTEGER, updated_ms INTEGER, started_ms INTEGER,"
             " ended_ms INTEGER);"
             "CREATE INDEX IF NOT EXISTS jobs_user ON jobs(submit_user, created_ms);"
             "CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status);",
             error);
}

bool JobStore::check(const QString &path, QString *damage)
{
    // integrity_check reads every page and index; quick_check skips the index cross-checks,
    // which is enough for a big store to start in reasonable time.
    const bool big = QFileInfo(path).size() > kFullCheckBytes;
    Stmt s(m_db, big ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)");
    QStringList problems;
    int rc = s.ok() ? sqlite3_step(s.get()) : SQLITE_ERROR;
    while (rc == SQLITE_ROW) {
        const QString line = s.text(0);
        if (line != QStringLiteral("ok"))
            problems << line.simplified();
        rc = sqlite3_step(s.get());
    }
    if (rc != SQLITE_DONE)
        problems << QString::fromUtf8(sqlite3_errmsg(m_db));
    if (problems.isEmpty())
        return true;
    if (problems.size() > 3)
        problems = problems.mid(0, 3) << QStringLiteral("...");
    *damage = QStringLiteral("the job history %1 is damaged (%2)").arg(path, problems.join(u"; "));
    return false;
}

bool JobStore::keepTaskIdsAbove(qint64 taskId, QString *error)
{
    if (taskId <= 0)
        return true;
    QMutexLocker lock(&m_mutex);
    // AUTOINCREMENT takes the next id from sqlite_sequence (made with the table).
    Stmt s(m_db, "UPDATE sqlite_sequence SET seq=?1 WHERE name='jobs' AND seq<?1");
    Stmt add(m_db,
             "INSERT INTO sqlite_sequence (name, seq) SELECT 'jobs', ?1 WHERE NOT EXISTS "
             "(SELECT 1 FROM sqlite_sequence WHERE name='jobs')");
    s.bind(1, taskId);
    add.bind(1, taskId);
    if (!s.ok() || !add.ok() || sqlite3_step(s.get()) != SQLITE_DONE ||
        sqlite3_step(add.get()) != SQLITE_DONE) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    return true;
}

QString JobStore::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

bool JobStore::insert(JobRecord &record, QString *error)
{
    QMutexLocker lock(&m_mutex);
    Stmt s(m_db,
           "INSERT INTO jobs (exec_id, short_exec_id, instance, submit_user, execute_user, "
           "creator, engine_type, engine_version, run_type, code, params, source, labels, status, "
           "progress, err_code, err_desc, log_path, result_location, created_ms, updated_ms, "
           "started_ms, ended_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    bindRecord(s, record, 1);
    if (sqlite3_step(s.get()) != SQLITE_DONE) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    record.taskId = sqlite3_last_insert_rowid(m_db);
    return true;
}

bool JobStore::update(const JobRecord &record)
{
    QMutexLocker lock(&m_mutex);
    Stmt s(m_db,
           "UPDATE jobs SET exec_id=?, short_exec_id=?, instance=?, submit_user=?, "
           "execute_user=?, creator=?, engine_type=?, engine_version=?, run_type=?, code=?, "
           "params=?, source=?, labels=?, status=?, progress=?, err_code=?, err_desc=?, "
           "log_path=?, result_location=?, created_ms=?, updated_ms=?, started_ms=?, ended_ms=? "
           "WHERE task_id=?");
    if (!s.ok())
        return false;
    bindRecord(s, record, 1);
    s.bind(24, record.taskId);
    return sqlite3_step(s.get()) == SQLITE_DONE;
}

std::optional<JobRecord> JobStore::get(qint64 taskId) const
{
    QMutexLocker lock(&m_mutex);
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM jobs WHERE task_id=?";
    Stmt s(m_db, sql.constData());
    s.bind(1, taskId);
    if (sqlite3_step(s.get()) != SQLITE_ROW)
        return std::nullopt;
    return readRecord(s);
}

QList<JobRecord> JobStore::list(const Filter &f, int offset, int limit, qint64 *total) const
{
    QMutexLocker lock(&m_mutex);
    QByteArray where = " WHERE 1=1";
    QList<std::function<void(Stmt &, int &)>> binds;
    if (!f.user.isEmpty()) {
        where += " AND (submit_user=? OR execute_user=?)";
        binds << [u = f.user](Stmt &s, int &i) {
            s.bind(i++, u);
            s.bind(i++, u);
        };
    }
    if (!f.statuses.isEmpty()) {
        where += " AND status IN (";
        for (int k = 0; k < f.statuses.size(); ++k)
            where += k ? ",?" : "?";
        where += ')';
        binds << [st = f.statuses](Stmt &s, int &i) {
            for (JobStatus x : st)
                s.bind(i++, jobStatusName(x));
        };
    }
    auto addEq = [&](const char *clause, const QString &value) {
        if (value.isEmpty())
            return;
        where += clause;
        binds << [value](Stmt &s, int &i) { s.bind(i++, value); };
    };
    auto addNum = [&](const char *clause, qint64 value) {
        if (value <= 0)
            return;
        where += clause;
        binds << [value](Stmt &s, int &i) { s.bind(i++, value); };
    };
    addNum(" AND created_ms>=?", f.startMs);
    addNum(" AND created_ms<=?", f.endMs);
    addNum(" AND task_id=?", f.taskId);
    addNum(" AND task_id>=?", f.minTaskId);
    addEq(" AND engine_type=?", f.engineType);
    addEq(" AND creator=?", f.creator);
    addEq(" AND run_type=?", f.runType);

    auto bindAll = [&](Stmt &s) {
        int i = 1;
        for (const auto &b : binds)
            b(s, i);
        return i;
    };
    {
        Stmt c(m_db, (QByteArray("SELECT COUNT(*) FROM jobs") + where).constData());
        bindAll(c);
        *total = sqlite3_step(c.get()) == SQLITE_ROW ? c.int64(0) : 0;
    }
    Stmt s(m_db,
           (QByteArray("SELECT ") + kColumns + " FROM jobs" + where +
            " ORDER BY task_id DESC LIMIT ? OFFSET ?")
               .constData());
    int i = bindAll(s);
    s.bind(i++, qint64(limit));
    s.bind(i++, qint64(offset));
    QList<JobRecord> out;
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        out << readRecord(s);
    return out;
}

QList<qint64> JobStore::failOrphans(const QString &why)
{
    QList<qint64> ids;
    {
        QMutexLocker lock(&m_mutex);
        QByteArray sql = "SELECT task_id FROM jobs WHERE status IN (";
        const QList<JobStatus> &undone = undoneJobStatuses();
        for (int k = 0; k < undone.size(); ++k)
            sql += k ? ",?" : "?";
        sql += ')';
        Stmt s(m_db, sql.constData());
        int i = 1;
        for (JobStatus x : undone)
            s.bind(i++, jobStatusName(x));
        while (sqlite3_step(s.get()) == SQLITE_ROW)
            ids << s.int64(0);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 id : ids) {
        auto r = get(id);
        if (!r)
            continue;
        r->status = JobStatus::Failed;
        r->errCode = ErrorCodes::GatewayRestarted;
        r->errDesc = why;
        r->updatedMs = now;
        r->endedMs = now;
        update(*r);
    }
    return ids;
}

} // namespace linkisdesk::gateway
