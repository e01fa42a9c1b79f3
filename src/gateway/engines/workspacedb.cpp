// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/workspacedb.h"

#include "engines/demodata.h"

#include <QDir>
#include <QFileInfo>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace linkisdesk::gateway {

sqlite3 *WorkspaceDb::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Private to the user (SQLite gives its -wal and -shm files the same mode).
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::fchmod(fd, 0600);
        ::close(fd);
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        *error = QStringLiteral("cannot open the workspace database: %1")
                     .arg(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    return db;
}

void WorkspaceDb::ensureDemo(sqlite3 *db, const LogFn &log)
{
    auto userVersion = [db] {
        sqlite3_stmt *st = nullptr;
        int version = -1;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        return version;
    };
    if (userVersion() != 0 ||
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return;
    if (userVersion() == 0) {
        if (log) {
            log(JobLog::Level::Info,
                QStringLiteral("Creating the demo table %1 (%2 rows) in your new workspace "
                               "database.")
                    .arg(DemoData::kTable)
                    .arg(DemoData::kRows));
        }
        QString demoError;
        if (!DemoData::create(db, &demoError)) {
            sqlite3_exec(db, "ROLLBACK; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            if (log) {
                log(JobLog::Level::Warn,
                    QStringLiteral("The demo table was not created: %1").arg(demoError));
            }
        }
        sqlite3_exec(db, "PRAGMA user_version=1", nullptr, nullptr, nullptr);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

} // namespace linkisdesk::gateway
