// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/gatewaypaths.h"

#include <QDir>
#include <QFileInfo>

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

QString GatewayPaths::workspaceRoot(const QString &user) const
{
    return m_dataDir + QStringLiteral("/workspace/") + user;
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

qint64 GatewayPaths::highestTaskIdOnDisk() const
{
    // logs/<user>/<day>/<id>.log, results/<user>/<day>/<creator>/<id>, work/<id>
    qint64 highest = 0;
    auto consider = [&highest](const QString &name) {
        bool ok = false;
        const qint64 id = QStringView(name).toLongLong(&ok);
        if (ok)
            highest = qMax(highest, id);
    };
    auto dirs = [](const QString &path) {
        QStringList out;
        for (const QString &name : QDir(path).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            out << path + u'/' + name;
        return out;
    };
    for (const QString &user : dirs(m_dataDir + QStringLiteral("/logs"))) {
        for (const QString &day : dirs(user)) {
            for (const QString &file : QDir(day).entryList({QStringLiteral("*.log")}, QDir::Files))
                consider(file.chopped(4));
        }
    }
    for (const QString &user : dirs(m_dataDir + QStringLiteral("/results"))) {
        for (const QString &day : dirs(user)) {
            for (const QString &creator : dirs(day)) {
                for (const QString &task : dirs(creator))
                    consider(QFileInfo(task).fileName());
            }
        }
    }
    for (const QString &task :
         QDir(m_dataDir + QStringLiteral("/work")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        consider(task);
    return highest;
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
