// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace linkisdesk {

// One engine (Linkis: an EngineConn) of the logged-in user, from linkisManager/listUserEngines
// or linkisManager/rm/engines. Times are ms since the epoch (0: not sent).
struct EngineInfo
{
    QString instance; // "host:port", what a kill names
    QString applicationName = QStringLiteral("linkis-cg-engineconn");
    QString engineType; // "python"
    QString version; // "3.11.2" (from the engineType label "python-3.11.2")
    QString creator; // "IDE"
    QString owner;
    QString status; // Linkis NodeStatus name; a null status reads "Busy"
    qint64 memoryBytes = 0;
    int cores = 0;
    qint64 startTimeMs = 0;
    qint64 updateTimeMs = 0; // the last status change

    // Idle, Unlock: free for a job (DSS shows Error and Dead as idle too).
    bool isIdle() const
    {
        return status == QStringLiteral("Idle") || status == QStringLiteral("Unlock");
    }
    // Starting engines cannot be killed (as in DSS).
    bool isStarting() const { return status == QStringLiteral("Starting"); }
    // Runs the jobs of `type` ("python", no version) sent with `creator` ("IDE"): what a tab's
    // Reset session ends.
    bool runsSessionOf(const QString &type, const QString &jobCreator) const
    {
        return engineType.compare(type, Qt::CaseInsensitive) == 0 &&
            creator.compare(jobCreator, Qt::CaseInsensitive) == 0;
    }
    // "python 3.11.2"
    QString typeAndVersion() const
    {
        return version.isEmpty() ? engineType : engineType + u' ' + version;
    }
};

// One line of linkisManager/rm/userresources: a creator's share of the user's resources.
struct UserResourceShare
{
    QString user;
    QString creator;
    double fraction = 0.0; // 0..1
    struct TypeShare
    {
        QString engineType;
        QString version;
        double fraction = 0.0;
    };
    QList<TypeShare> engineTypes;
};

} // namespace linkisdesk
