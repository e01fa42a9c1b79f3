// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/workspaceroutes.h"

#include "http/multipartform.h"
#include "util/atomicfile.h"
#include "workspace/scriptheadercodec.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace linkisdesk::gateway {

namespace {

QString apiMethod(const ApiRequest &r)
{
    return QStringLiteral("/api/") + r.path;
}

// An ErrorException as Linkis' AOP reports it: status 1, method null, data.errorMsg.
ApiReply linkisError(int code, const QString &desc)
{
    return ApiReply::error(
        QString(), ApiReply::Error,
        QStringLiteral("error code(错误码): %1, error message(错误信息): %2.").arg(code).arg(desc),
        {{QStringLiteral("errorMsg"),
          QJsonObject {
              {QStringLiteral("level"), 2},
              {QStringLiteral("errCode"), code},
              {QStringLiteral("desc"), desc},
              {QStringLiteral("ip"), QStringLiteral("127.0.0.1")},
              {QStringLiteral("port"), 0},
              {QStringLiteral("serviceKind"), QStringLiteral("linkis-ps-publicservice")}}}});
}

ApiReply refused(const WorkspaceGuard::Resolved &r)
{
    return linkisError(r.errorCode, r.desc);
}

// Any other exception: Linkis' catchIt text, stray "s" included.
ApiReply operationFailed(const QString &reason)
{
    return ApiReply::error(
        QString(), ApiReply::Error,
        QStringLiteral("operation failed(操作失败)s！the reason(原因)：%1").arg(reason));
}

ApiReply notExists(const QString &uri)
{
    return linkisError(80013, QStringLiteral("File: %1 does not exist(文件:%1不存在)").arg(uri));
}

QJsonObject bodyObject(const ApiRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QJsonObject mapObject(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// openFile's metadata: empty keys omitted, {} when there is no header.
QJsonObject metadataJson(const ScriptMetadata &m)
{
    QJsonObject out;
    if (!m.variables.isEmpty())
        out.insert(QStringLiteral("variable"), mapObject(m.variables));
    QJsonObject conf;
    if (!m.startup.isEmpty())
        conf.insert(QStringLiteral("startup"), mapObject(m.startup));
    if (!m.runtime.isEmpty())
        conf.insert(QStringLiteral("runtime"), mapObject(m.runtime));
    QJsonObject special = mapObject(m.special);
    for (auto it = m.specialGroups.cbegin(); it != m.specialGroups.cend(); ++it)
        special.insert(it.key(), mapObject(*it));
    if (!special.isEmpty())
        conf.insert(QStringLiteral("special"), special);
    if (!conf.isEmpty())
        out.insert(QStringLiteral("configuration"), conf);
    return out;
}

QJsonObject entryJson(const QFileInfo &fi, const QString &parentUri)
{
    const bool dir = fi.isDir();
    QJsonObject props;
    if (!dir) {
        props.insert(QStringLiteral("size"), QString::number(fi.size()));
        props.insert(QStringLiteral("modifytime"),
                     QString::number(fi.lastModified().toMSecsSinceEpoch()));
    }
    return QJsonObject {{QStringLiteral("name"), fi.fileName()},
                        {QStringLiteral("path"), parentUri + u'/' + fi.fileName()},
                        {QStringLiteral("properties"), props},
                        {QStringLiteral("children"), QJsonValue::Null},
                        {QStringLiteral("isLeaf"), !dir},
                        {QStringLiteral("parentPath"), parentUri}};
}

} // namespace

void WorkspaceRoutes::install(Router &router)
{
    using A = Router::Access;
    const QStringList get {QStringLiteral("GET")};
    const QStringList post {QStringLiteral("POST")};
    auto add = [&](const QStringList &methods, const char *path,
                   ApiReply (WorkspaceRoutes::*f)(ApiRequest &)) {
        router.add(methods, QLatin1String(path), A::Authenticated,
                   [this, f](ApiRequest &r) { return (this->*f)(r); });
    };
    add(get, "filesystem/getUserRootPath", &WorkspaceRoutes::rootPath);
    add(post, "filesystem/saveScript", &WorkspaceRoutes::saveScript);
    add(post, "filesystem/createNewFile", &WorkspaceRoutes::createNewFile);
    add(post, "filesystem/createNewDir", &WorkspaceRoutes::createNewDir);
    add(post, "filesystem/rename", &WorkspaceRoutes::rename);
    add(post, "filesystem/move", &WorkspaceRoutes::move);
    add(post, "filesystem/deleteDirOrFile", &WorkspaceRoutes::deleteDirOrFile);
    add(get, "filesystem/isExist", &WorkspaceRoutes::isExist);
    add(post, "filesystem/download", &WorkspaceRoutes::download);
    add(post, "filesystem/upload", &WorkspaceRoutes::upload);
}

QString WorkspaceRoutes::rootOf(const QString &user) const
{
    return m_paths.workspaceRoot(user);
}

WorkspaceGuard WorkspaceRoutes::guardFor(const ApiRequest &request) const
{
    ensureRoot(request.user);
    return WorkspaceGuard(rootOf(request.user), request.user);
}

bool WorkspaceRoutes::ensureRoot(const QString &user) const
{
    // Made on first use, private to the gateway's OS user like the rest of the data folder.
    const QString root = rootOf(user);
    if (QFileInfo(root).isDir())
        return true;
    if (user.isEmpty() || user.contains(u'/') || user.startsWith(u'.') || !QDir().mkpath(root))
        return false;
    QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

ApiReply WorkspaceRoutes::rootPath(ApiRequest &request)
{
    const QString type = request.queryValue(QStringLiteral("pathType")).toLower();
    const QString root = rootOf(request.user);
    if (type == QStringLiteral("hdfs") || type == QStringLiteral("s3") ||
        !ensureRoot(request.user)) {
        const QString where = type == QStringLiteral("hdfs")
            ? QStringLiteral("hdfs:///") + request.user
            : GatewayPaths::toUri(root);
        return linkisError(80003,
                           QStringLiteral("User local root directory:%1 does not exist, please "
                                          "contact administrator to add(用户本地根目录:%1不存在,"
                                          "请联系管理员添加)")
                               .arg(where));
    }
    return ApiReply::ok(apiMethod(request),
                        {{QStringLiteral("userLocalRootPath"), GatewayPaths::toUri(root)}});
}

ApiReply WorkspaceRoutes::dirFileTrees(ApiRequest &request)
{
    const QString uri = request.queryValue(QStringLiteral("path"));
    const auto r = guardFor(request).resolve(uri);
    if (!r.ok())
        return refused(r);
    const QFileInfo dirInfo(r.local);
    if (!dirInfo.exists())
        return ApiReply::ok(apiMethod(request),
                            {{QStringLiteral("dirFileTrees"), QJsonValue::Null}});
    const QString dirUri = GatewayPaths::toUri(r.local);
    QJsonArray children;
    if (dirInfo.isDir()) {
        QFileInfoList entries = QDir(r.local).entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QFileInfo &fi : std::as_const(entries))
            children.append(entryJson(fi, dirUri));
    }
    return ApiReply::ok(
        apiMethod(request),
        {{QStringLiteral("dirFileTrees"),
          QJsonObject {{QStringLiteral("name"), dirInfo.fileName()},
                       {QStringLiteral("path"), dirUri},
                       {QStringLiteral("properties"), QJsonObject {}},
                       {QStringLiteral("children"), children},
                       {QStringLiteral("isLeaf"), !dirInfo.isDir()},
                       {QStringLiteral("parentPath"), GatewayPaths::toUri(dirInfo.path())}}}});
}

ApiReply WorkspaceRoutes::openFile(ApiRequest &request)
{
    const QString uri = request.queryValue(QStringLiteral("path"));
    const auto r = guardFor(request).resolve(uri);
    if (!r.ok())
        return refused(r);
    const QFileInfo info(r.local);
    if (!info.isFile())
        return notExists(uri);
    const auto family = ScriptHeaderCodec::familyOf(info.fileName());
    if (family == ScriptHeaderCodec::Family::Unsupported)
        return linkisError(54001,
                           QStringLiteral("Unsupported open file type(不支持打开的文件类型)"));
    if (info.size() > kMaxOpenBytes) {
        return linkisError(80032,
                           QStringLiteral("The file exceeds 30M and cannot be opened(文件"
                                          "超过30M，不能打开)"));
    }
    const auto bytes = AtomicFile::read(r.local);
    if (!bytes)
        return operationFailed(bytes.error().message);
    const auto decoded = ScriptHeaderCodec::decode(QString::fromUtf8(*bytes), family);
    if (!decoded) {
        return linkisError(65000, QStringLiteral("Invalid custom parameter(不合法的自定义参数)"));
    }
    // As TextFileSource: every line \n-terminated.
    QString text = decoded->body;
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text += u'\n';
    const int lines = int(text.count(u'\n'));
    return ApiReply::ok(apiMethod(request),
                        {{QStringLiteral("metadata"), metadataJson(decoded->metadata)},
                         {QStringLiteral("fileContent"), QJsonArray {QJsonArray {text}}},
                         {QStringLiteral("type"), QStringLiteral("script/text")},
                         {QStringLiteral("totalLine"), lines},
                         {QStringLiteral("page"), 1},
                         {QStringLiteral("totalPage"), 0}});
}

ApiReply WorkspaceRoutes::saveScript(ApiRequest &request)
{
    const QJsonObject body = bodyObject(request);
    const QString uri = body.value(QStringLiteral("path")).toString();
    const auto r = guardFor(request).resolve(uri);
    if (!r.ok())
        return refused(r);
    if (!QFileInfo(r.local).isFile())
        return notExists(uri);
    if (!body.value(QStringLiteral("scriptContent")).isString() ||
        !body.value(QStringLiteral("params")).isObject())
        return operationFailed(QStringLiteral("null"));
    if (!QFileInfo(r.local).isWritable()) {
        return linkisError(80014,
                           QStringLiteral("The user has no permission to modify the contents "
                                          "of this file and cannot save it(该用户无权限对此"
                                          "文件内容进行修改，无法保存)"));
    }
    const ScriptMetadata params =
        ScriptMetadata::fromJson(body.value(QStringLiteral("params")).toObject());
    // Trailing newlines are kept (real Linkis drops them): the safer choice (protocol-2 §8).
    const auto text =
        ScriptHeaderCodec::encode(params, body.value(QStringLiteral("scriptContent")).toString(),
                                  ScriptHeaderCodec::familyOf(r.local));
    if (!text)
        return linkisError(65000,
                           QStringLiteral("Invalid custom parameter(不合法的自定义参数): ") +
                               text.error().message);
    const auto written =
        AtomicFile::write(r.local, text->toUtf8(), QFile::ReadOwner | QFile::WriteOwner);
    if (!written)
        return operationFailed(written.error().message);
    return ApiReply::ok(apiMethod(request), {});
}

ApiReply WorkspaceRoutes::createNewFile(ApiRequest &request)
{
    const QString uri = bodyObject(request).value(QStringLiteral("path")).toString();
    const auto r = guardFor(request).resolve(uri);
    if (!r.ok())
        return refused(r);
    if (QFileInfo::exists(r.local) || QFileInfo(r.local).isSymLink())
        return linkisError(80006,
                           QStringLiteral("The file name created is duplicated(创建的文件名重复)"));
    if (!QDir().mkpath(QFileInfo(r.local).path()))
        return operationFailed(QStringLiteral("cannot create %1").arg(QFileInfo(r.local).path()));
    QFile file(r.local);
    if (!file.open(QIODevice::NewOnly | QIODevice::WriteOnly))
        return operationFailed(file.errorString());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return ApiReply::ok(apiMethod(request), {});
}

ApiReply WorkspaceRoutes::createNewDir(ApiRequest &request)
{
    const QString uri = bodyObject(request).value(QStringLiteral("path")).toString();
    const auto r = guardFor(request).resolve(uri);
    if (!r.ok())
        return refused(r);
    if (QFileInfo::exists(r.local) || QFileInfo(r.local).isSymLink())
        return linkisError(
            80005, QStringLiteral("The created folder name is duplicated(创建的文件夹名重复)"));
    if (!QDir().mkpath(r.local))
        return operationFailed(QStringLiteral("cannot create %1").arg(r.local));
    return ApiReply::ok(apiMethod(request), {});
}

ApiReply WorkspaceRoutes::rename(ApiRequest &request)
{
    const QJsonObject body = bodyObject(request);
    const QString oldUri = body.value(QStringLiteral("oldDest")).toString();
    const QString newUri = body.value(QStringLiteral("newDest")).toString();
    if (newUri.isEmpty())
        return ApiReply::ok(apiMethod(request), {}); // as Linkis: no-op
    const WorkspaceGuard guard = guardFor(request);
    const auto from = guard.resolve(oldUri);
    if (!from.ok())
        return refused(from);
    const auto to = guard.resolve(newUri);
    if (!to.ok())
        return refused(to);
    if (!QFileInfo::exists(from.local))
        return notExists(oldUri);
    if (from.local == guard.root() || to.local == guard.root())
        return linkisError(80010,
                           QStringLiteral("The user: %1 has no permission to view the contents of "
                                          "the directory:%2(该用户:%1无权限查看该目录:%2的内容)")
                               .arg(request.user, oldUri));
    if (QFileInfo::exists(to.local) || QFileInfo(to.local).isSymLink())
        return linkisError(80007, QStringLiteral("The renamed name is repeated(重命名的名字重复)"));
    if (to.local.startsWith(from.local + u'/'))
        return operationFailed(QStringLiteral("cannot move %1 into itself").arg(oldUri));
    if (!QDir().mkpath(QFileInfo(to.local).path()) || !QDir().rename(from.local, to.local))
        return operationFailed(QStringLiteral("cannot rename %1 to %2").arg(oldUri, newUri));
    return ApiReply::ok(apiMethod(request), {});
}

ApiReply WorkspaceRoutes::move(ApiRequest &request)
{
    const QJsonObject body = bodyObject(request);
    const QString file = body.value(QStringLiteral("filePath")).toString();
    const QString dir = body.value(QStringLiteral("newDir")).toString();
    ApiRequest renamed = request;
    QString name = file;
    while (name.endsWith(u'/'))
        name.chop(1);
    name = name.mid(name.lastIndexOf(u'/') + 1);
    QString target = dir;
    while (target.endsWith(u'/'))
        target.chop(1);
    renamed.body = QJsonDocument(QJsonObject {{QStringLiteral("oldDest"), file},
                                              {QStringLiteral("newDest"), target + u'/' + name}})
                       .toJson(QJsonDocument::Compact);
    return rename(renamed);
}

ApiReply WorkspaceRoutes::deleteDirOrFile(ApiRequest &request)
{
    const QString uri = bodyObject(request).value(QStringLiteral("path")).toString();
    const WorkspaceGuard guard = guardFor(request);
    const auto r = guard.resolve(uri);
    if (!r.ok())
        return refused(r);
    const QFileInfo info(r.local);
    if (!info.exists() && !info.isSymLink()) {
        return linkisError(80008,
                           QStringLiteral("The deleted file or folder does not exist(删除的"
                                          "文件or文件夹不存在)"));
    }
    if (r.local == QDir::cleanPath(guard.root())) {
        return linkisError(80009,
                           QStringLiteral("This user does not have permission to delete "
                                          "this file or folder(该用户无权删除此文件或文件夹)"));
    }
    // A folder's symbolic links are removed, never followed (QDir::removeRecursively).
    const bool ok = info.isDir() && !info.isSymLink() ? QDir(r.local).removeRecursively()
                                                      : QFile::remove(r.local);
    if (!ok)
        return operationFailed(QStringLiteral("cannot delete %1").arg(uri));
    return ApiReply::ok(apiMethod(request), {});
}

ApiReply WorkspaceRoutes::isExist(ApiRequest &request)
{
    const auto r = guardFor(request).resolve(request.queryValue(QStringLiteral("path")));
    if (!r.ok())
        return refused(r);
    return ApiReply::ok(apiMethod(request),
                        {{QStringLiteral("isExist"), QFileInfo::exists(r.local)}});
}

ApiReply WorkspaceRoutes::download(ApiRequest &request)
{
    // Errors are plain text, as Linkis writes them into the reset response.
    auto textError = [](const QString &message) {
        ApiReply reply;
        reply.httpStatus = 200;
        reply.body = (QStringLiteral("error(错误):") + message).toUtf8();
        reply.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("text/plain;charset=utf-8")));
        return reply;
    };
    const QJsonObject body = bodyObject(request);
    QString uri = body.value(QStringLiteral("path")).toString();
    if (uri.isEmpty())
        uri = request.queryValue(QStringLiteral("path"));
    const auto r = guardFor(request).resolve(uri);
    if (!r.ok())
        return textError(r.desc);
    if (!QFileInfo(r.local).isFile())
        return textError(QStringLiteral("File: %1 does not exist(文件:%1不存在)").arg(uri));
    const auto bytes = AtomicFile::read(r.local);
    if (!bytes)
        return textError(bytes.error().message);
    ApiReply reply;
    reply.httpStatus = 200;
    reply.body = *bytes;
    reply.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/octet-stream")));
    reply.headers.append(
        qMakePair(QByteArray("Content-Disposition"),
                  "attachment;filename=" + QFileInfo(r.local).fileName().toUtf8()));
    return reply;
}

ApiReply WorkspaceRoutes::upload(ApiRequest &request)
{
    const auto form = MultipartForm::parse(request.header("Content-Type"), request.body);
    if (!form)
        return operationFailed(QStringLiteral("the request is not multipart/form-data"));
    const QString dirUri = form->field(QStringLiteral("path"));
    const WorkspaceGuard guard = guardFor(request);
    const auto dir = guard.resolve(dirUri);
    if (!dir.ok())
        return refused(dir);
    if (!QFileInfo(dir.local).isDir())
        return notExists(dirUri);
    int files = 0;
    for (const MultipartForm::Part &part : form->parts) {
        if (part.fileName.isEmpty())
            continue;
        const QString name = QFileInfo(part.fileName).fileName();
        if (name.isEmpty() || name == QStringLiteral(".") || name == QStringLiteral(".."))
            return operationFailed(QStringLiteral("invalid file name %1").arg(part.fileName));
        QString target = dirUri;
        while (target.endsWith(u'/'))
            target.chop(1);
        const auto t = guard.resolve(target + u'/' + name);
        if (!t.ok())
            return refused(t);
        if (QFileInfo(t.local).isDir())
            return linkisError(
                80006, QStringLiteral("The file name created is duplicated(创建的文件名重复)"));
        const auto written =
            AtomicFile::write(t.local, part.data, QFile::ReadOwner | QFile::WriteOwner);
        if (!written)
            return operationFailed(written.error().message);
        ++files;
    }
    if (files == 0)
        return operationFailed(QStringLiteral("no file part in the upload"));
    return ApiReply::ok(apiMethod(request), {});
}

} // namespace linkisdesk::gateway
