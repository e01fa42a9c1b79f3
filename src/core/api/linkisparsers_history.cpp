// SPDX-License-Identifier: GPL-3.0-or-later
// Job history and filesystem replies (the other half of linkisparsers.h).
#include "api/linkisparsers.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace linkisdesk::parsers {

namespace {

ApiError parseError(const QString &message, int httpStatus, const QByteArray &body)
{
    return ApiError::make(ApiError::Kind::Parse, message, httpStatus, 0,
                          QString::fromUtf8(body.left(300)).simplified());
}

// Epoch milliseconds (number or numeric string), or a date text as the docs show them.
QDateTime toDateTime(const QJsonValue &value)
{
    bool ok = false;
    const qint64 ms = toInt64(value, 0, &ok);
    if (ok && value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    if (ok && !text.contains(u'-'))
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        dt = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd'T'HH:mm:ssZ"));
    return dt;
}

QStringList toLabels(const QJsonValue &value)
{
    QStringList labels;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            labels.append(toText(v));
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            labels.append(it.key() + u':' + toText(it.value()));
    } else if (value.isString() && !value.toString().isEmpty()) {
        labels = value.toString().split(u',', Qt::SkipEmptyParts);
    }
    return labels;
}

TaskInfo taskFromObject(const QJsonObject &o)
{
    auto text = [&o](const char16_t *key) { return toText(o.value(QString::fromUtf16(key))); };
    TaskInfo t;
    t.taskId = toInt64(o.value(QStringLiteral("taskID")), 0);
    if (t.taskId <= 0)
        t.taskId = toInt64(o.value(QStringLiteral("taskId")), 0);
    t.instance = text(u"instance");
    t.execId = text(u"execId");
    t.strongerExecId = text(u"strongerExecId");
    t.umUser = text(u"umUser");
    t.executeUser = text(u"executeUser");
    t.engineType = text(u"engineType");
    if (t.engineType.isEmpty())
        t.engineType = text(u"executeApplicationName");
    t.runType = text(u"runType");
    t.creator = text(u"requestApplicationName");
    t.executionCode = text(u"executionCode");
    t.statusText = text(u"status");
    t.status = parseJobStatus(t.statusText);
    t.progress = qBound(0.0, qAbs(toDouble(o.value(QStringLiteral("progress")), 0.0)), 1.0);
    t.logPath = text(u"logPath");
    t.resultLocation = text(u"resultLocation");
    QJsonValue errCode = o.value(QStringLiteral("errCode"));
    if (errCode.isUndefined())
        errCode = o.value(QStringLiteral("errorCode"));
    bool ok = false;
    const qint64 code = toInt64(errCode, 0, &ok);
    if (ok)
        t.errCode = int(code);
    t.errDesc = text(u"errDesc");
    t.createdTime = toDateTime(o.value(QStringLiteral("createdTime")));
    t.updatedTime = toDateTime(o.value(QStringLiteral("updatedTime")));
    t.costTimeMs = toInt64(o.value(QStringLiteral("costTime")), -1);
    t.labels = toLabels(o.value(QStringLiteral("labels")));
    const QJsonValue retry = o.value(QStringLiteral("canRetry"));
    t.canRetry = retry.isBool() ? retry.toBool() : toText(retry) == u"true";
    return t;
}

// The number a result file carries: "_3.dolphin" -> 3, "alias_12.dolphin" -> 12.
int resultIndex(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("(\\d+)(?:\\.[^.\\d]*)?$"));
    const QRegularExpressionMatch m = re.match(name);
    if (!m.hasMatch())
        return -1;
    bool ok = false;
    const int index = m.captured(1).toInt(&ok);
    return ok ? index : -1;
}

} // namespace

Result<TaskInfo> parseTask(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    const QJsonValue task = envelope->value(QStringLiteral("task"));
    if (!task.isObject())
        return ApiError::make(ApiError::Kind::Linkis,
                              QStringLiteral("The job was not found in the job history."),
                              httpStatus, 0);
    TaskInfo info = taskFromObject(task.toObject());
    if (info.taskId <= 0)
        return parseError(QStringLiteral("The job history entry has no taskID."), httpStatus, body);
    return info;
}

Result<TaskPage> parseTaskList(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    TaskPage page;
    const QJsonValue tasks = envelope->value(QStringLiteral("tasks"));
    if (!tasks.isArray() && !tasks.isNull() && !tasks.isUndefined())
        return parseError(QStringLiteral("The job list reply holds no list of tasks."), httpStatus,
                          body);
    for (const QJsonValue &v : tasks.toArray()) {
        if (v.isObject())
            page.tasks.append(taskFromObject(v.toObject()));
    }
    bool ok = false;
    page.total = toInt64(envelope->value(QStringLiteral("totalPage")), 0, &ok);
    if (!ok)
        page.total = toInt64(envelope->value(QStringLiteral("total")), page.tasks.size());
    return page;
}

Result<QList<ResultSetRef>> parseDirFileTrees(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    QList<ResultSetRef> sets;
    const QJsonValue tree = envelope->value(QStringLiteral("dirFileTrees"));
    if (tree.isNull() || tree.isUndefined())
        return sets; // no result directory: a job without result sets
    if (!tree.isObject())
        return parseError(QStringLiteral("The result listing is not a directory tree."), httpStatus,
                          body);
    for (const QJsonValue &v : tree.toObject().value(QStringLiteral("children")).toArray()) {
        const QJsonObject child = v.toObject();
        const QJsonValue leaf = child.value(QStringLiteral("isLeaf"));
        if (leaf.isBool() && !leaf.toBool())
            continue; // a sub-directory
        ResultSetRef ref;
        ref.name = toText(child.value(QStringLiteral("name")));
        ref.path = toText(child.value(QStringLiteral("path")));
        if (ref.path.isEmpty())
            continue;
        if (ref.name.isEmpty())
            ref.name = ref.path.section(u'/', -1);
        ref.index = resultIndex(ref.name);
        const QJsonObject props = child.value(QStringLiteral("properties")).toObject();
        ref.size = toInt64(props.value(QStringLiteral("size")), -1);
        sets.append(ref);
    }
    ResultSetRef::sort(sets);
    return sets;
}

Result<ResultPage> parseOpenFile(int httpStatus, const QByteArray &body, const QString &nullValue)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    const QJsonObject &data = *envelope;
    if (data.value(QStringLiteral("display_prohibited")).toBool()) {
        QString why = toText(data.value(QStringLiteral("en_msg")));
        if (why.isEmpty())
            why = QStringLiteral("values are too large");
        return ApiError::make(ApiError::Kind::Linkis,
                              QStringLiteral("The server will not show this result: %1").arg(why),
                              httpStatus, 0);
    }
    ResultPage page;
    bool ok = false;
    const qint64 type = toInt64(data.value(QStringLiteral("type")), 2, &ok);
    page.type = (type >= 1 && type <= 5) ? ResultPage::Type(type) : ResultPage::Type::Text;
    page.page = int(toInt64(data.value(QStringLiteral("page")), 1));
    const QJsonValue metadata = data.value(QStringLiteral("metadata"));
    if (metadata.isArray()) {
        for (const QJsonValue &v : metadata.toArray()) {
            const QJsonObject o = v.toObject();
            ResultColumn column;
            column.name = toText(o.value(QStringLiteral("columnName")));
            column.type = toText(o.value(QStringLiteral("dataType")));
            column.comment = toText(o.value(QStringLiteral("comment")));
            if (column.comment == u"NULL")
                column.comment.clear();
            page.columns.append(column);
        }
    }
    const QJsonValue content = data.value(QStringLiteral("fileContent"));
    if (!content.isArray() && !content.isNull() && !content.isUndefined()) {
        if (content.isString()) { // a whole text result as one string
            page.rows.append(QStringList {content.toString()});
            page.nulls.append(QBitArray());
            return page;
        }
        return parseError(QStringLiteral("The result page holds no rows."), httpStatus, body);
    }
    const QJsonArray rows = content.toArray();
    page.rows.reserve(rows.size());
    bool anyNull = false;
    QList<QBitArray> nulls;
    nulls.reserve(rows.size());
    for (const QJsonValue &rowValue : rows) {
        QStringList row;
        QBitArray flags;
        const QJsonArray cells = rowValue.isArray() ? rowValue.toArray() : QJsonArray {rowValue};
        row.reserve(cells.size());
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QJsonValue cell = cells.at(c);
            const bool isNull =
                cell.isNull() || (!nullValue.isEmpty() && cell.toString() == nullValue);
            if (isNull) {
                if (flags.isEmpty())
                    flags.resize(cells.size());
                flags.setBit(c);
                anyNull = true;
                row.append(QString());
            } else {
                row.append(cell.isString() ? cell.toString() : toText(cell));
            }
        }
        page.rows.append(row);
        nulls.append(flags);
    }
    if (anyNull)
        page.nulls = std::move(nulls);
    return page;
}

} // namespace linkisdesk::parsers
