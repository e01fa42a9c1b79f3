// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/joblog.h"

#include <QString>

#include <functional>

struct sqlite3;

namespace linkisdesk::gateway {

// A user's workspace database (the `default` database): opened the same way by SQL jobs and by
// the datasource routes, so a new user finds demo_sales whichever comes first.
class WorkspaceDb
{
public:
    using LogFn = std::function<void(JobLog::Level level, const QString &line)>;

    WorkspaceDb() = delete;

    // Opens (creating it and its folder) read-write with a busy timeout and WAL; null with
    // `error` set on failure.
    static sqlite3 *open(const QString &path, QString *error);
    // A new workspace (user_version 0) gets the demo table once; the write lock is taken first,
    // so two first users of the same workspace do not both create it. `log` may be empty.
    static void ensureDemo(sqlite3 *db, const LogFn &log);
};

} // namespace linkisdesk::gateway
