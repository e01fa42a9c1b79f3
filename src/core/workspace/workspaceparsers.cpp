// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceparsers.h"

#include "api/linkisparsers.h"
#include "workspace/workspacepaths.h"

#include <QJsonArray>

#include <algorithm>

namespace linkisdesk::workspace {

namespace {

using parsers::toInt64;
using parsers::toText;

ApiError shapeError(const QString &what, int httpStatus, const QByteArray &body)
{
    return ApiError::make(
        ApiError::Kind::Parse,
        QStringLiteral("The server's %1 reply has an unexpected shape.").arg(what), httpStatus, 0,
        QString::fromUtf8(body.left(300)).simplified());
}

bool toBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString())
        return value.toString().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
    return toInt64(value, 0) != 0;
}

} // namespace

Result<QString> parseRootPath(int httpStatus, const QByteArray &body, const QString &pathType)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QString type = pathType.toLower();
    const QString key = type == QStringLiteral("hdfs") ? QStringLiteral("userHDFSRootPath")
        : type == QStringLiteral("s3")                 ? QStringLiteral("userS3RootPath")
                                                       : QStringLiteral("userLocalRootPath");
    QString root = toText(data->value(key));
    if (root.isEmpty()) {
        for (auto it = data->begin(); it != data->end() && root.isEmpty(); ++it) {
            if (it.key().startsWith(QStringLiteral("user")) &&
                it.key().endsWith(QStringLiteral("RootPath")))
                root = toText(*it);
        }
    }
    if (root.isEmpty())
        return shapeError(QStringLiteral("workspace root"), httpStatus, body);
    return WorkspacePaths::normalized(root);
}

Result<QList<WorkspaceEntry>> parseListing(int httpStatus, const QByteArray &body,
                                           const QString &path)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue tree = data->value(QStringLiteral("dirFileTrees"));
    if (tree.isNull() || tree.isUndefined()) {
        return ApiError::make(ApiError::Kind::Linkis,
                              QStringLiteral("%1 does not exist on the server.").arg(path),
                              httpStatus);
    }
    if (!tree.isObject())
        return shapeError(QStringLiteral("folder listing"), httpStatus, body);
    const QJsonValue childrenValue = tree.toObject().value(QStringLiteral("children"));
    if (!childrenValue.isArray() && !childrenValue.isNull() && !childrenValue.isUndefined())
        return shapeError(QStringLiteral("folder listing"), httpStatus, body);
    QList<WorkspaceEntry> entries;
    const QJsonArray children = childrenValue.toArray();
    entries.reserve(children.size());
    for (const QJsonValue &c : children) {
        const QJsonObject o = c.toObject();
        WorkspaceEntry e;
        e.name = toText(o.value(QStringLiteral("name")));
        e.path = toText(o.value(QStringLiteral("path")));
        e.parentPath = toText(o.value(QStringLiteral("parentPath")));
        e.isDir = !toBool(o.value(QStringLiteral("isLeaf")));
        const QJsonObject props = o.value(QStringLiteral("properties")).toObject();
        if (!e.isDir) {
            bool ok = false;
            const qint64 size = toInt64(props.value(QStringLiteral("size")), -1, &ok);
            e.size = ok ? size : -1;
            e.modifiedMs = toInt64(props.value(QStringLiteral("modifytime")), 0);
        }
        if (e.name.isEmpty())
            e.name = WorkspacePaths::fileName(e.path);
        if (e.path.isEmpty() || e.name.isEmpty())
            continue;
        entries.append(e);
    }
    std::sort(entries.begin(), entries.end(), [](const WorkspaceEntry &a, const WorkspaceEntry &b) {
        if (a.isDir != b.isDir)
            return a.isDir;
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    return entries;
}

Result<ScriptFile> parseScript(int httpStatus, const QByteArray &body, const QString &path)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue content = data->value(QStringLiteral("fileContent"));
    if (!content.isArray() && !content.isNull() && !content.isUndefined())
        return shapeError(QStringLiteral("script"), httpStatus, body);
    ScriptFile file;
    file.path = path;
    // One row holding one string; an empty file may come as [] or [[]].
    const QJsonArray rows = content.toArray();
    for (const QJsonValue &row : rows) {
        if (row.isArray()) {
            for (const QJsonValue &cell : row.toArray())
                file.text += toText(cell);
        } else {
            file.text += toText(row);
        }
    }
    const QJsonValue metadata = data->value(QStringLiteral("metadata"));
    if (metadata.isObject())
        file.metadata = ScriptMetadata::fromJson(metadata.toObject());
    return file;
}

Result<bool> parseExists(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue v = data->value(QStringLiteral("isExist"));
    if (v.isUndefined() || v.isNull())
        return shapeError(QStringLiteral("isExist"), httpStatus, body);
    return toBool(v);
}

Result<QByteArray> parseDownload(int httpStatus, const QByteArray &body)
{
    static const QByteArray errorPrefix = QByteArrayLiteral("error(错误)");
    if (body.startsWith(errorPrefix)) {
        QString message = QString::fromUtf8(body.mid(errorPrefix.size())).trimmed();
        if (message.startsWith(u':') || message.startsWith(QChar(0xFF1A)))
            message = message.mid(1).trimmed();
        return ApiError::make(ApiError::Kind::Linkis,
                              message.isEmpty() ? QStringLiteral("The download failed.") : message,
                              httpStatus, 1, QString::fromUtf8(body.left(300)));
    }
    if (httpStatus < 200 || httpStatus >= 300) {
        const auto envelope = parsers::parseEnvelope(httpStatus, body);
        if (!envelope)
            return envelope.error();
        return ApiError::make(ApiError::Kind::Http,
                              QStringLiteral("The download failed (HTTP %1).").arg(httpStatus),
                              httpStatus);
    }
    return body;
}

} // namespace linkisdesk::workspace
