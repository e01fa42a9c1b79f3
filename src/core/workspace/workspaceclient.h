// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/linkisclient.h"
#include "workspace/workspacetypes.h"

#include <QObject>
#include <QPointer>

namespace linkisdesk {

// The filesystem/* area on the user's workspace (linkis-protocol-2.md §3), real Linkis or the
// local gateway. Shaped like LinkisClient: a context object plus a callback, a cancellable
// RequestHandle; it sends through the LinkisClient it is given. Paths are full URIs
// (file:///..., hdfs:///...), as the server wants them (80025 without a scheme).
class WorkspaceClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceClient)
public:
    explicit WorkspaceClient(LinkisClient *client, QObject *parent = nullptr);

    LinkisClient *linkisClient() const { return m_client; }

    // pathType "file" (the local workspace) or "hdfs"; no trailing slash either way.
    RequestHandle rootPath(const QString &pathType, QObject *context, Callback<QString> callback);
    // One level; folders first. A missing folder is an error.
    RequestHandle list(const QString &dir, QObject *context,
                       Callback<QList<WorkspaceEntry>> callback);
    RequestHandle open(const QString &path, QObject *context, Callback<ScriptFile> callback);
    // saveScript: the file must exist (createFile first). `text` goes as scriptContent (with a
    // terminator line in front when the header is empty and the text starts like a header
    // line), `metadata` as params; a header Linkis could not read back is refused (Usage).
    // Linkis drops the text's trailing newlines.
    RequestHandle save(const QString &path, const QString &text, const ScriptMetadata &metadata,
                       QObject *context, Callback<Unit> callback);
    // Saves only if the server's file is still `base` (as open() gave it), unless `force`;
    // then reads it back, so that `current` is the base of the next save. Up to three requests;
    // the callback runs only while `context` lives (destroy it to stop).
    void saveChecked(const ScriptFile &base, const QString &text, const ScriptMetadata &metadata,
                     bool force, QObject *context, Callback<ScriptSaveResult> callback);
    RequestHandle createFile(const QString &path, QObject *context, Callback<Unit> callback);
    RequestHandle createDir(const QString &path, QObject *context, Callback<Unit> callback);
    RequestHandle rename(const QString &oldPath, const QString &newPath, QObject *context,
                         Callback<Unit> callback);
    // Recursive for folders.
    RequestHandle remove(const QString &path, QObject *context, Callback<Unit> callback);
    RequestHandle exists(const QString &path, QObject *context, Callback<bool> callback);
    // The file's bytes (at most 64 MB, the client's cap for one reply).
    RequestHandle download(const QString &path, QObject *context, Callback<QByteArray> callback);
    // Puts `bytes` as `fileName` into the folder `dir` (multipart, as Scriptis uploads).
    RequestHandle upload(const QString &dir, const QString &fileName, const QByteArray &bytes,
                         QObject *context, Callback<Unit> callback);

private:
    template<typename T, typename Parse>
    RequestHandle send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                       const QByteArray &body, const QByteArray &contentType, QObject *context,
                       Callback<T> callback, Parse parse);
    RequestHandle post(const QString &path, const QJsonObject &body, QObject *context,
                       Callback<Unit> callback);

    QPointer<LinkisClient> m_client;
};

} // namespace linkisdesk
