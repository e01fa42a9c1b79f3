// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/jobrecord.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

struct sqlite3;

namespace linkisdesk::gateway {

// Job history in a SQLite database (sqlite3 C API). Thread-safe; writes are short.
class JobStore
{
public:
    JobStore() = default;
    ~JobStore();
    JobStore(const JobStore &) = delete;
    JobStore &operator=(const JobStore &) = delete;

    // Opens or creates the store (mode 0600) and checks it page by page first: a damaged store
    // is not opened (the error says what is wrong, `damaged` is set), so nothing is written
    // into it.
    bool open(const QString &path, QString *error, bool *damaged = nullptr);
    // True for an existing store of 0 bytes (with no write-ahead log holding its content):
    // SQLite would take it for a new, empty store.
    static bool isEmptyFile(const QString &path);
    // New task IDs will be above `taskId` (files of earlier tasks are never reused).
    bool keepTaskIdsAbove(qint64 taskId, QString *error = nullptr);
    // SQLite's message for the last failed call (e.g. "database or disk is full").
    QString lastError() const;

    // Inserts the record and sets record.taskId.
    bool insert(JobRecord &record, QString *error = nullptr);
    bool update(const JobRecord &record);
    std::optional<JobRecord> get(qint64 taskId) const;

    struct Filter
    {
        QString user; // submit or execute user; empty = everyone
        QList<JobStatus> statuses; // empty = any
        qint64 startMs = 0;
        qint64 endMs = 0; // 0 = no end
        qint64 taskId = 0; // 0 = any
        qint64 minTaskId = 0; // 0 = any
        QString engineType;
        QString creator;
        QString runType;
    };
    // Newest first. `total` receives the number of matching records.
    QList<JobRecord> list(const Filter &filter, int offset, int limit, qint64 *total) const;

    // Marks every job left Inited/Scheduled/Running by a previous run as Failed; returns them.
    QList<qint64> failOrphans(const QString &why);

private:
    static constexpr qint64 kFullCheckBytes = 64 * 1024 * 1024;
    bool check(const QString &path, QString *damage);
    bool exec(const char *sql, QString *error = nullptr);

    sqlite3 *m_db = nullptr;
    mutable QMutex m_mutex;
};

} // namespace linkisdesk::gateway
