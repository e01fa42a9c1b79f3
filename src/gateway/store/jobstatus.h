// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace linkisdesk::gateway {

// Linkis job states, spelled exactly as the scheduler names them.
class JobStatus
{
public:
    static inline const QString Inited = QStringLiteral("Inited");
    static inline const QString Scheduled = QStringLiteral("Scheduled");
    static inline const QString Running = QStringLiteral("Running");
    static inline const QString Succeed = QStringLiteral("Succeed");
    static inline const QString Failed = QStringLiteral("Failed");
    static inline const QString Cancelled = QStringLiteral("Cancelled");
    static inline const QString Timeout = QStringLiteral("Timeout");

    static bool isCompleted(const QString &s)
    {
        return s == Succeed || s == Failed || s == Cancelled || s == Timeout;
    }
    static QStringList undone() { return {Running, Inited, Scheduled}; }
    static QStringList all()
    {
        return {Inited, Scheduled, Running, Succeed, Failed, Cancelled, Timeout};
    }
};

} // namespace linkisdesk::gateway
