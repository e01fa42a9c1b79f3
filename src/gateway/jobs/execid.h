// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk::gateway {

// Linkis 1.x execIDs: "exec_id" + len3(app) + len3(instance) + app + instance + shortExecId,
// with app "linkis-cg-entrance" and shortExecId "<creator>_<user>_<engine>_<index>". The local
// gateway uses the taskID as index, so an execID stays unique across restarts.
class ExecId
{
public:
    static inline const QString kApplication = QStringLiteral("linkis-cg-entrance");

    static QString shortId(const QString &creator, const QString &user, const QString &engine,
                           qint64 taskId);
    static QString make(const QString &instance, const QString &shortExecId);

    // The short id inside a full 1.x or 0.x execID; empty if it is not one.
    static QString shortOf(const QString &execId);
    // The taskID a short id ends with; 0 if none.
    static qint64 taskIdOf(const QString &shortExecId);
};

} // namespace linkisdesk::gateway
