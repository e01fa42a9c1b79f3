// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/taskjson.h"

#include "api/jobstatus.h"
#include "jobs/gatewaypaths.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace linkisdesk::gateway {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue msOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(double(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString TaskJson::progressString(double progress)
{
    QString s = QString::number(progress, 'f', 2);
    while (s.endsWith(u'0') && !s.endsWith(QStringLiteral(".0")))
        s.chop(1);
    return s;
}

QJsonObject TaskJson::build(const JobRecord &r, bool brief)
{
    const bool running = !isTerminal(r.status);
    QJsonObject t;
    t.insert(QStringLiteral("taskID"), double(r.taskId));
    t.insert(QStringLiteral("execId"), r.shortExecId);
    t.insert(QStringLiteral("status"), jobStatusName(r.status));
    t.insert(QStringLiteral("progress"), progressString(r.progress));
    t.insert(QStringLiteral("logPath"), GatewayPaths::toUri(r.logPath));
    t.insert(QStringLiteral("resultLocation"), GatewayPaths::toUri(r.resultLocation));
    t.insert(QStringLiteral("umUser"), r.submitUser);
    t.insert(QStringLiteral("executeUser"), r.executeUser);
    t.insert(QStringLiteral("errCode"),
             running || r.errCode == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.errCode));
    t.insert(QStringLiteral("errDesc"), running ? QJsonValue(QJsonValue::Null) : orNull(r.errDesc));
    if (brief)
        return t;
    const qint64 end = r.endedMs > 0 ? r.endedMs : QDateTime::currentMSecsSinceEpoch();
    t.insert(QStringLiteral("instance"), r.instance);
    t.insert(QStringLiteral("strongerExecId"), r.execId);
    t.insert(QStringLiteral("engineInstance"), orNull(r.startedMs > 0 ? r.instance : QString()));
    t.insert(QStringLiteral("executionCode"), r.code);
    t.insert(QStringLiteral("engineType"), r.engineType);
    t.insert(QStringLiteral("executeApplicationName"), r.engineType);
    t.insert(QStringLiteral("requestApplicationName"), r.creator);
    t.insert(QStringLiteral("runType"), r.runType);
    t.insert(QStringLiteral("createdTime"), double(r.createdMs));
    t.insert(QStringLiteral("updatedTime"), double(r.updatedMs));
    t.insert(QStringLiteral("costTime"), double(end - r.createdMs));
    t.insert(QStringLiteral("requestStartTime"), msOrNull(r.startedMs));
    t.insert(QStringLiteral("requestEndTime"), msOrNull(r.endedMs));
    t.insert(QStringLiteral("requestSpendTime"),
             r.startedMs > 0 ? QJsonValue(double(end - r.startedMs)) : QJsonValue());
    t.insert(QStringLiteral("engineStartTime"), msOrNull(r.startedMs));
    t.insert(QStringLiteral("paramsJson"),
             QString::fromUtf8(QJsonDocument(r.params).toJson(QJsonDocument::Compact)));
    t.insert(QStringLiteral("sourceJson"),
             QString::fromUtf8(QJsonDocument(r.source).toJson(QJsonDocument::Compact)));
    t.insert(QStringLiteral("sourceTailor"),
             r.source.value(QStringLiteral("scriptPath")).toString());
    t.insert(QStringLiteral("metrics"), QStringLiteral("{}"));
    QJsonArray labels;
    for (auto it = r.labels.begin(); it != r.labels.end(); ++it) {
        const QJsonValue v = it.value();
        const QString value = v.isString() ? v.toString()
            : v.isDouble()
            ? QString::number(v.toDouble(), 'g', 15)
            : QString::fromUtf8(
                  QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
        labels.append(it.key() + u':' + value);
    }
    t.insert(QStringLiteral("labels"), labels);
    t.insert(QStringLiteral("canRetry"), false);
    t.insert(QStringLiteral("isReuse"), false);
    t.insert(QStringLiteral("observeInfo"), QJsonValue::Null);
    t.insert(QStringLiteral("engineLogPath"), QJsonValue::Null);
    t.insert(QStringLiteral("ecmInstance"), QJsonValue::Null);
    t.insert(QStringLiteral("ticketId"), QJsonValue::Null);
    t.insert(QStringLiteral("subJobs"), QJsonValue::Null);
    return t;
}

} // namespace linkisdesk::gateway
