// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace linkisdesk::gateway {

// Where the gateway keeps things under its data directory. The filesystem endpoints serve only
// resultsRoot(user) and logsRoot(user).
class GatewayPaths
{
public:
    explicit GatewayPaths(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString historyDb() const;
    QString workspaceDb(const QString &user) const;
    QString resultsRoot(const QString &user) const;
    QString logsRoot(const QString &user) const;
    // The user's workspace scripts (filesystem/* on the workspace), beside workspaceDb.
    QString workspaceRoot(const QString &user) const;
    QString resultDir(const QString &user, const QString &creator, qint64 taskId,
                      const QDate &day) const;
    QString logPath(const QString &user, qint64 taskId, const QDate &day) const;
    QString workDir(qint64 taskId) const;
    // The highest task ID that has a log, result or work folder here (0 if none): a new job
    // history must not hand out these IDs again.
    qint64 highestTaskIdOnDisk() const;

    // "file:///abs" <-> "/abs" (the replies carry URIs as local Linkis installs do).
    static QString toUri(const QString &localPath);
    static QString fromUri(const QString &uriOrPath);

private:
    QString m_dataDir;
};

} // namespace linkisdesk::gateway
