// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/filesystemroutes.h"

#include "routes/pathguard.h"
#include "routes/workspaceroutes.h"
#include "store/joblog.h"
#include "store/resultsetreader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace linkisdesk::gateway {

namespace {

QString apiMethod(const ApiRequest &r)
{
    return QStringLiteral("/api/") + r.path;
}

int resultIndex(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^_(\d+)\.dolphin$)"));
    const auto m = re.match(name);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

bool FilesystemRoutes::isWorkspacePath(const ApiRequest &request) const
{
    // Result sets live under the user's results folder; everything else is the workspace's to
    // serve or refuse, with Linkis' codes.
    if (!m_workspace)
        return false;
    QString path = request.queryValue(QStringLiteral("path")).trimmed();
    if (path.startsWith(QStringLiteral("file://")))
        path = path.mid(7);
    const QString clean = QDir::cleanPath(path);
    const QString results = QDir::cleanPath(m_paths.resultsRoot(request.user));
    return clean != results && !clean.startsWith(results + u'/');
}

void FilesystemRoutes::install(Router &router)
{
    using A = Router::Access;
    const QStringList get {QStringLiteral("GET")};
    router.add(get, QStringLiteral("filesystem/getDirFileTrees"), A::Authenticated,
               [this](ApiRequest &r) { return dirFileTrees(r); });
    router.add(get, QStringLiteral("filesystem/openFile"), A::Authenticated,
               [this](ApiRequest &r) { return openFile(r); });
    router.add(get, QStringLiteral("filesystem/openLog"), A::Authenticated,
               [this](ApiRequest &r) { return openLog(r); });
}

ApiReply FilesystemRoutes::dirFileTrees(ApiRequest &request)
{
    if (isWorkspacePath(request))
        return m_workspace->dirFileTrees(request);
    const QString method = apiMethod(request);
    const auto path = PathGuard::resolve(request.queryValue(QStringLiteral("path")),
                                         {m_paths.resultsRoot(request.user)});
    if (!path)
        return ApiReply::error(method, ApiReply::Error, path.error().message);
    const QFileInfo dirInfo(*path);
    if (!dirInfo.exists())
        return ApiReply::ok(method, {{QStringLiteral("dirFileTrees"), QJsonValue::Null}});
    if (!dirInfo.isDir()) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("%1 is not a directory.").arg(*path));
    }
    QList<QFileInfo> files;
    for (const QFileInfo &fi : QDir(*path).entryInfoList(QDir::Files)) {
        if (resultIndex(fi.fileName()) >= 0)
            files << fi;
    }
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return resultIndex(a.fileName()) < resultIndex(b.fileName());
    });
    const QString dirUri = GatewayPaths::toUri(*path);
    QJsonArray children;
    for (const QFileInfo &fi : files) {
        children.append(
            QJsonObject {{QStringLiteral("name"), fi.fileName()},
                         {QStringLiteral("path"), dirUri + u'/' + fi.fileName()},
                         {QStringLiteral("properties"),
                          QJsonObject {{QStringLiteral("size"), QString::number(fi.size())},
                                       {QStringLiteral("modifytime"),
                                        QString::number(fi.lastModified().toMSecsSinceEpoch())}}},
                         {QStringLiteral("children"), QJsonValue::Null},
                         {QStringLiteral("isLeaf"), true},
                         {QStringLiteral("parentPath"), dirUri}});
    }
    return ApiReply::ok(method,
                        {{QStringLiteral("dirFileTrees"),
                          QJsonObject {{QStringLiteral("name"), dirInfo.fileName()},
                                       {QStringLiteral("path"), dirUri},
                                       {QStringLiteral("properties"), QJsonValue::Null},
                                       {QStringLiteral("children"), children},
                                       {QStringLiteral("isLeaf"), false},
                                       {QStringLiteral("parentPath"), QJsonValue::Null}}}});
}

ApiReply FilesystemRoutes::openFile(ApiRequest &request)
{
    if (isWorkspacePath(request))
        return m_workspace->openFile(request);
    const QString method = apiMethod(request);
    const auto path = PathGuard::resolve(request.queryValue(QStringLiteral("path")),
                                         {m_paths.resultsRoot(request.user)});
    if (!path)
        return ApiReply::error(method, ApiReply::Error, path.error().message);
    if (resultIndex(QFileInfo(*path).fileName()) < 0 || !QFileInfo(*path).isFile()) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("%1 is not a result set of this gateway (expected "
                                              "an existing _N.dolphin file).")
                                   .arg(*path));
    }
    qint64 page = 1;
    qint64 pageSize = kDefaultPageSize;
    bool ok = true;
    if (!request.queryValue(QStringLiteral("page")).isEmpty())
        page = request.queryValue(QStringLiteral("page")).toLongLong(&ok);
    bool okSize = true;
    if (!request.queryValue(QStringLiteral("pageSize")).isEmpty())
        pageSize = request.queryValue(QStringLiteral("pageSize")).toLongLong(&okSize);
    if (!ok || !okSize || page < 1 || pageSize < 1) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("page and pageSize must be whole numbers of at "
                                              "least 1."));
    }
    if (pageSize > kMaxPageSize) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("errCode: 80034 ,desc: pageSize %1 is over the "
                                              "limit of %2 rows per page.")
                                   .arg(pageSize)
                                   .arg(kMaxPageSize));
    }
    QByteArray nullJson = QByteArrayLiteral("\"NULL\"");
    if (request.hasQuery(QStringLiteral("nullValue"))) {
        const QString nv = request.queryValue(QStringLiteral("nullValue"));
        if (nv == QStringLiteral("BLANK"))
            nullJson = QByteArrayLiteral("\"\"");
        else if (nv != QStringLiteral("LINKIS_NULL"))
            nullJson = ApiReply::jsonString(nv);
    }
    ResultSetReader reader;
    QString error;
    if (!reader.open(*path, &error))
        return ApiReply::error(method, ApiReply::Error, error);
    int rows = 0;
    const QByteArray content = reader.pageJson(page, pageSize, nullJson, &rows);
    QByteArray data;
    data.reserve(content.size() + reader.metadataJson().size() + 128);
    data += "{\"metadata\":";
    data += reader.metadataJson();
    data += ",\"totalPage\":0,\"totalLine\":";
    data += QByteArray::number(rows);
    data += ",\"page\":";
    data += QByteArray::number(page);
    data += ",\"type\":\"";
    data += QByteArray::number(reader.type());
    data += "\",\"fileContent\":";
    data += content;
    data += '}';
    return ApiReply::okRaw(method, data);
}

ApiReply FilesystemRoutes::openLog(ApiRequest &request)
{
    const QString method = apiMethod(request);
    const auto path = PathGuard::resolve(request.queryValue(QStringLiteral("path")),
                                         {m_paths.logsRoot(request.user)});
    if (!path)
        return ApiReply::error(method, ApiReply::Error, path.error().message);
    const QFileInfo info(*path);
    if (!info.isFile() || !info.fileName().endsWith(QStringLiteral(".log"))) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("%1 is not a job log of this gateway.").arg(*path));
    }
    if (info.size() > kMaxLogBytes) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("errCode: 80033 ,desc: the log is over 30 MB; "
                                              "read it with entrance/{execID}/log paging."));
    }
    QString levels[4];
    QString error;
    if (!JobLog::readAll(*path, levels, &error))
        return ApiReply::error(method, ApiReply::Error, error);
    QJsonArray log;
    for (const QString &l : levels)
        log.append(l);
    return ApiReply::ok(method, {{QStringLiteral("log"), log}});
}

} // namespace linkisdesk::gateway
