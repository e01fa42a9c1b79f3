// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceclient.h"

#include "api/linkisparsers.h"
#include "api/parsedcall.h"
#include "workspace/scriptheadercodec.h"
#include "workspace/workspaceparsers.h"
#include "workspace/workspacepaths.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <memory>

namespace linkisdesk {

namespace {

QUrlQuery pathQuery(const QString &path)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), path);
    return query;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A quoted multipart parameter value: quotes and line breaks cannot appear in it.
QByteArray quoted(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    return '"' + v + '"';
}

} // namespace

WorkspaceClient::WorkspaceClient(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

template<typename T, typename Parse>
RequestHandle WorkspaceClient::send(const QByteArray &method, const QString &path,
                                    const QUrlQuery &query, const QByteArray &body,
                                    const QByteArray &contentType, QObject *context,
                                    Callback<T> callback, Parse parse)
{
    return parsedCall<T>(m_client, method, path, query, body, contentType, context,
                         std::move(callback), std::move(parse));
}

RequestHandle WorkspaceClient::post(const QString &path, const QJsonObject &body, QObject *context,
                                    Callback<Unit> callback)
{
    return send<Unit>("POST", path, {}, json(body), {}, context, std::move(callback),
                      parsers::parseAck);
}

RequestHandle WorkspaceClient::rootPath(const QString &pathType, QObject *context,
                                        Callback<QString> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pathType"), pathType);
    return send<QString>("GET", QStringLiteral("filesystem/getUserRootPath"), query, {}, {},
                         context, std::move(callback),
                         [pathType](int status, const QByteArray &body) {
                             return workspace::parseRootPath(status, body, pathType);
                         });
}

RequestHandle WorkspaceClient::list(const QString &dir, QObject *context,
                                    Callback<QList<WorkspaceEntry>> callback)
{
    return send<QList<WorkspaceEntry>>("GET", QStringLiteral("filesystem/getDirFileTrees"),
                                       pathQuery(dir), {}, {}, context, std::move(callback),
                                       [dir](int status, const QByteArray &body) {
                                           return workspace::parseListing(status, body, dir);
                                       });
}

RequestHandle WorkspaceClient::open(const QString &path, QObject *context,
                                    Callback<ScriptFile> callback)
{
    return send<ScriptFile>("GET", QStringLiteral("filesystem/openFile"), pathQuery(path), {}, {},
                            context, std::move(callback),
                            [path](int status, const QByteArray &body) {
                                return workspace::parseScript(status, body, path);
                            });
}

RequestHandle WorkspaceClient::save(const QString &path, const QString &text,
                                    const ScriptMetadata &metadata, QObject *context,
                                    Callback<Unit> callback)
{
    const auto family = ScriptHeaderCodec::familyOf(path);
    if (const QString why = ScriptHeaderCodec::problem(metadata);
        !why.isEmpty() && family != ScriptHeaderCodec::Family::Plain) {
        QMetaObject::invokeMethod(
            context,
            [cb = std::move(callback), why] { cb(ApiError::make(ApiError::Kind::Usage, why)); },
            Qt::QueuedConnection);
        return {};
    }
    const QJsonObject body {{QStringLiteral("path"), path},
                            {QStringLiteral("scriptContent"),
                             ScriptHeaderCodec::protectBody(text, metadata.isEmpty(), family)},
                            {QStringLiteral("charset"), QStringLiteral("utf-8")},
                            {QStringLiteral("params"), metadata.toParams()}};
    return post(QStringLiteral("filesystem/saveScript"), body, context, std::move(callback));
}

void WorkspaceClient::saveChecked(const ScriptFile &base, const QString &text,
                                  const ScriptMetadata &metadata, bool force, QObject *context,
                                  Callback<ScriptSaveResult> callback)
{
    auto cb = std::make_shared<Callback<ScriptSaveResult>>(std::move(callback));
    QPointer<WorkspaceClient> self = this;
    QPointer<QObject> ctx = context;
    const QString path = base.path;
    auto readBack = [self, ctx, cb, path](Result<Unit> saved) {
        if (!saved) {
            (*cb)(saved.error());
            return;
        }
        if (!self || !ctx)
            return;
        self->open(path, ctx, [cb](Result<ScriptFile> file) {
            if (!file) {
                (*cb)(file.error());
                return;
            }
            ScriptSaveResult result;
            result.current = std::move(file).value();
            (*cb)(result);
        });
    };
    auto doSave = [self, ctx, text, metadata, path, readBack]() {
        if (!self || !ctx)
            return;
        self->save(path, text, metadata, ctx, readBack);
    };
    if (force) {
        doSave();
    } else {
        open(path, context, [cb, base, doSave](Result<ScriptFile> now) {
            if (!now) {
                (*cb)(now.error());
                return;
            }
            if (!(*now == base)) {
                ScriptSaveResult result;
                result.conflict = true;
                result.current = std::move(now).value();
                (*cb)(result);
                return;
            }
            doSave();
        });
    }
}

RequestHandle WorkspaceClient::createFile(const QString &path, QObject *context,
                                          Callback<Unit> callback)
{
    return post(QStringLiteral("filesystem/createNewFile"), {{QStringLiteral("path"), path}},
                context, std::move(callback));
}

RequestHandle WorkspaceClient::createDir(const QString &path, QObject *context,
                                         Callback<Unit> callback)
{
    return post(QStringLiteral("filesystem/createNewDir"), {{QStringLiteral("path"), path}},
                context, std::move(callback));
}

RequestHandle WorkspaceClient::rename(const QString &oldPath, const QString &newPath,
                                      QObject *context, Callback<Unit> callback)
{
    return post(QStringLiteral("filesystem/rename"),
                {{QStringLiteral("oldDest"), oldPath}, {QStringLiteral("newDest"), newPath}},
                context, std::move(callback));
}

RequestHandle WorkspaceClient::remove(const QString &path, QObject *context,
                                      Callback<Unit> callback)
{
    return post(QStringLiteral("filesystem/deleteDirOrFile"), {{QStringLiteral("path"), path}},
                context, std::move(callback));
}

RequestHandle WorkspaceClient::exists(const QString &path, QObject *context,
                                      Callback<bool> callback)
{
    return send<bool>("GET", QStringLiteral("filesystem/isExist"), pathQuery(path), {}, {}, context,
                      std::move(callback), workspace::parseExists);
}

RequestHandle WorkspaceClient::download(const QString &path, QObject *context,
                                        Callback<QByteArray> callback)
{
    const QJsonObject body {{QStringLiteral("path"), path},
                            {QStringLiteral("charset"), QStringLiteral("utf-8")}};
    return send<QByteArray>("POST", QStringLiteral("filesystem/download"), {}, json(body), {},
                            context, std::move(callback), workspace::parseDownload);
}

RequestHandle WorkspaceClient::upload(const QString &dir, const QString &fileName,
                                      const QByteArray &bytes, QObject *context,
                                      Callback<Unit> callback)
{
    const QByteArray boundary =
        "----linkisdesk" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    QByteArray body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n";
    body += WorkspacePaths::normalized(dir).toUtf8() + "\r\n";
    body += "--" + boundary +
        "\r\nContent-Disposition: form-data; name=\"file\"; filename=" + quoted(fileName) +
        "\r\nContent-Type: application/octet-stream\r\n\r\n";
    body += bytes;
    body += "\r\n--" + boundary + "--\r\n";
    return send<Unit>("POST", QStringLiteral("filesystem/upload"), {}, body,
                      "multipart/form-data; boundary=" + boundary, context, std::move(callback),
                      parsers::parseAck);
}

} // namespace linkisdesk
