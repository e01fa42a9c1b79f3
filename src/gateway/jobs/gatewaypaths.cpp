// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/gatewaypaths.h"

#include <QDir>

namespace linkisdesk::gateway {

GatewayPaths::GatewayPaths(const QString &dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
{ }

QString GatewayPaths::historyDb() const
{
    return m_dataDir + QStringLiteral("/jobhistory.db");
}

QString GatewayPaths::workspaceDb(const QString &user) const
{
    return m_dataDir + QStringLiteral("/workspace/") + user + QStringLiteral(".db");
}

QString GatewayPaths::resultsRoot(const QString &user) const
{
    return m_dataDir + QStringLiteral("/results/") + user;
}

QString GatewayPaths::logsRoot(const QString &user) const
{
    return m_dataDir + QStringLiteral("/logs/") + user;
}

QString GatewayPaths::resultDir(const QString &user, const QString &creator, qint64 taskId,
                                const QDate &day) const
{
    return resultsRoot(user) + u'/' + day.toString(Qt::ISODate) + u'/' + creator + u'/' +
        QString::number(taskId);
}

QString GatewayPaths::logPath(const QString &user, qint64 taskId, const QDate &day) const
{
    return logsRoot(user) + u'/' + day.toString(Qt::ISODate) + u'/' + QString::number(taskId) +
        QStringLiteral(".log");
}

QString GatewayPaths::workDir(qint64 taskId) const
{
    return m_dataDir + QStringLiteral("/work/") + QString::number(taskId);
}

QString GatewayPaths::toUri(const QString &localPath)
{
    return QStringLiteral("file://") + localPath;
}

QString GatewayPaths::fromUri(const QString &uriOrPath)
{
    if (uriOrPath.startsWith(QStringLiteral("file://")))
        return uriOrPath.mid(7);
    return uriOrPath;
}

} // namespace linkisdesk::gateway
