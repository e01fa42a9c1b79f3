// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskformat.h"

#include "results/rowwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace linkisdesk {

namespace {

QJsonValue dateValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString dateText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

} // namespace

QString TaskFormat::statusText(const TaskInfo &t)
{
    if (t.status == JobStatus::Unknown && !t.statusText.isEmpty())
        return t.statusText;
    return jobStatusName(t.status);
}

QJsonObject TaskFormat::toJson(const TaskInfo &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("taskID"), t.taskId);
    o.insert(QStringLiteral("execID"), t.pathExecId());
    o.insert(QStringLiteral("status"), statusText(t));
    o.insert(QStringLiteral("progress"), t.progress);
    o.insert(QStringLiteral("engineType"), t.engineType);
    o.insert(QStringLiteral("runType"), t.runType);
    o.insert(QStringLiteral("creator"), t.creator);
    o.insert(QStringLiteral("submitUser"), t.umUser);
    o.insert(QStringLiteral("executeUser"), t.executeUser);
    o.insert(QStringLiteral("executionCode"), t.executionCode);
    o.insert(QStringLiteral("createdTime"), dateValue(t.createdTime));
    o.insert(QStringLiteral("updatedTime"), dateValue(t.updatedTime));
    o.insert(QStringLiteral("costTime"),
             t.costTimeMs >= 0 ? QJsonValue(t.costTimeMs) : QJsonValue());
    o.insert(QStringLiteral("errCode"), t.errCode ? QJsonValue(*t.errCode) : QJsonValue());
    o.insert(QStringLiteral("errDesc"), t.errDesc.isEmpty() ? QJsonValue() : QJsonValue(t.errDesc));
    o.insert(QStringLiteral("logPath"), t.logPath);
    o.insert(QStringLiteral("resultLocation"), t.resultLocation);
    return o;
}

QJsonObject TaskFormat::toJson(const ProgressInfo &p)
{
    QJsonArray items;
    for (const ProgressItem &item : p.items) {
        items.append(QJsonObject {{QStringLiteral("id"), item.id},
                                  {QStringLiteral("succeedTasks"), item.succeedTasks},
                                  {QStringLiteral("failedTasks"), item.failedTasks},
                                  {QStringLiteral("runningTasks"), item.runningTasks},
                                  {QStringLiteral("totalTasks"), item.totalTasks}});
    }
    return QJsonObject {{QStringLiteral("progress"), p.progress},
                        {QStringLiteral("progressInfo"), items}};
}

QByteArray TaskFormat::jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray TaskFormat::listHeader()
{
    return "TASK\tSTATUS\tENGINE\tRUNTYPE\tCREATED\tCOST_S\tCODE\n";
}

QByteArray TaskFormat::listLine(const TaskInfo &t)
{
    QByteArray line = QByteArray::number(t.taskId) + '\t' + statusText(t).toUtf8() + '\t';
    RowWriter::appendTsvField(line, t.engineType);
    line.append('\t');
    RowWriter::appendTsvField(line, t.runType);
    line.append('\t');
    line.append(dateText(t.createdTime).toUtf8());
    line.append('\t');
    if (t.costTimeMs >= 0)
        line.append(QByteArray::number(double(t.costTimeMs) / 1000.0, 'f', 1));
    line.append('\t');
    RowWriter::appendTsvField(line, codeSummary(t.executionCode));
    line.append('\n');
    return line;
}

QString TaskFormat::percent(double fraction)
{
    return QString::number(qRound(qBound(0.0, fraction, 1.0) * 100.0)) + u'%';
}

QString TaskFormat::codeSummary(const QString &code, int width)
{
    QString first = code.trimmed().section(u'\n', 0, 0).trimmed();
    if (first.size() > width)
        first = first.left(width - 1) + u'…';
    return first;
}

} // namespace linkisdesk
