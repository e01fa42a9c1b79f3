// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/execid.h"

namespace linkisdesk::gateway {

QString ExecId::shortId(const QString &creator, const QString &user, const QString &engine,
                        qint64 taskId)
{
    return QStringLiteral("%1_%2_%3_%4").arg(creator, user, engine).arg(taskId);
}

QString ExecId::make(const QString &instance, const QString &shortExecId)
{
    return QStringLiteral("exec_id%1%2%3%4%5")
        .arg(kApplication.size(), 3, 10, QLatin1Char('0'))
        .arg(instance.size(), 3, 10, QLatin1Char('0'))
        .arg(kApplication, instance, shortExecId);
}

QString ExecId::shortOf(const QString &execId)
{
    bool ok1 = false;
    bool ok2 = false;
    if (execId.startsWith(QStringLiteral("exec_id"))) {
        const int app = QStringView(execId).mid(7, 3).toInt(&ok1);
        const int inst = QStringView(execId).mid(10, 3).toInt(&ok2);
        if (!ok1 || !ok2 || 13 + app + inst >= execId.size())
            return {};
        return execId.mid(13 + app + inst);
    }
    // 0.x: len2(creator) len2(app) len2(instance) creator app instance short
    bool ok3 = false;
    const int a = QStringView(execId).mid(0, 2).toInt(&ok1);
    const int b = QStringView(execId).mid(2, 2).toInt(&ok2);
    const int c = QStringView(execId).mid(4, 2).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || 6 + a + b + c >= execId.size())
        return {};
    return execId.mid(6 + a + b + c);
}

qint64 ExecId::taskIdOf(const QString &shortExecId)
{
    const int underscore = int(shortExecId.lastIndexOf(u'_'));
    if (underscore < 0)
        return 0;
    bool ok = false;
    const qint64 id = QStringView(shortExecId).mid(underscore + 1).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace linkisdesk::gateway
