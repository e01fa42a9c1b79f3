// SPDX-License-Identifier: GPL-3.0-or-later
#include "wscommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "taskformat.h"
#include "util/atomicfile.h"
#include "workspace/scriptheadercodec.h"
#include "workspace/workspacepaths.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>

namespace linkisdesk {

namespace {

QJsonObject mapJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

ApiError usage(const QString &message)
{
    return ApiError::make(ApiError::Kind::Usage, message);
}

} // namespace

WsCommand::~WsCommand() = default;

void WsCommand::start()
{
    m_session->open(this, [this](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        m_client = std::make_unique<WorkspaceClient>(*client);
        m_client->rootPath(QStringLiteral("file"), this, [this](Result<QString> root) {
            if (!root)
                fail(root.error());
            else
                run(*root);
        });
    });
}

void WsCommand::done(const Result<Unit> &result)
{
    if (!result)
        fail(result.error());
    else
        finish(ExitOk);
}

void WsCommand::run(const QString &root)
{
    auto remote = [&root](const QString &relative) {
        return WorkspacePaths::resolve(root, relative);
    };
    const QString &a = m_args.wsAction;
    const QStringList &args = m_args.wsArgs;
    const QString first = remote(args.value(0));
    const bool remoteFirst = a != QLatin1String("put");
    if (remoteFirst && first.isEmpty()) {
        fail(usage(QStringLiteral("\"%1\" is not a path in your workspace (no \"..\")")
                       .arg(args.value(0))));
        return;
    }
    if (a == QLatin1String("ls")) {
        list(first);
    } else if (a == QLatin1String("cat")) {
        cat(first);
    } else if (a == QLatin1String("get")) {
        get(first, args.value(1));
    } else if (a == QLatin1String("put")) {
        const QString target = remote(args.value(1));
        if (target.isEmpty()) {
            fail(usage(QStringLiteral("\"%1\" is not a path in your workspace (no \"..\")")
                           .arg(args.value(1))));
            return;
        }
        put(args.value(0),
            args.value(1).endsWith(u'/') || args.value(1) == QStringLiteral(".")
                ? WorkspacePaths::join(target, QFileInfo(args.value(0)).fileName())
                : target);
    } else if (a == QLatin1String("rm")) {
        if (WorkspacePaths::normalized(first) == WorkspacePaths::normalized(root)) {
            fail(usage(QStringLiteral("ws rm will not delete your whole workspace")));
            return;
        }
        m_client->remove(first, this, [this](Result<Unit> r) { done(r); });
    } else {
        m_client->createDir(first, this, [this](Result<Unit> r) { done(r); });
    }
}

void WsCommand::list(const QString &path)
{
    m_client->list(path, this, [this](Result<QList<WorkspaceEntry>> entries) {
        if (!entries) {
            fail(entries.error());
            return;
        }
        for (const WorkspaceEntry &e : *entries) {
            const QString modified = e.modifiedMs > 0
                ? QDateTime::fromMSecsSinceEpoch(e.modifiedMs)
                      .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                : QString();
            if (m_out.json()) {
                m_out.write(TaskFormat::jsonLine({{QStringLiteral("name"), e.name},
                                                  {QStringLiteral("path"), e.path},
                                                  {QStringLiteral("isDir"), e.isDir},
                                                  {QStringLiteral("size"), e.size},
                                                  {QStringLiteral("modifiedMs"), e.modifiedMs}}));
            } else {
                const QStringList row {e.isDir ? e.name + u'/' : e.name,
                                       e.isDir ? QString() : QString::number(e.size), modified};
                m_out.write((row.join(u'\t') + u'\n').toUtf8());
            }
        }
        finish(ExitOk);
    });
}

void WsCommand::cat(const QString &path)
{
    m_client->open(path, this, [this, path](Result<ScriptFile> file) {
        if (!file) {
            fail(file.error());
            return;
        }
        if (m_out.json()) {
            const ScriptMetadata &m = file->metadata;
            m_out.write(TaskFormat::jsonLine({{QStringLiteral("path"), file->path},
                                              {QStringLiteral("text"), file->text},
                                              {QStringLiteral("variables"), mapJson(m.variables)},
                                              {QStringLiteral("startup"), mapJson(m.startup)},
                                              {QStringLiteral("runtime"), mapJson(m.runtime)},
                                              {QStringLiteral("special"), mapJson(m.special)}}));
            finish(ExitOk);
            return;
        }
        const auto text = ScriptHeaderCodec::encode(file->metadata, file->text,
                                                    ScriptHeaderCodec::familyOf(path));
        m_out.write((text ? *text : file->text).toUtf8());
        finish(ExitOk);
    });
}

void WsCommand::put(const QString &local, const QString &path)
{
    const auto bytes = AtomicFile::read(local);
    if (!bytes) {
        fail(
            ApiError::make(ApiError::Kind::Io,
                           QStringLiteral("cannot read %1: %2").arg(local, bytes.error().message)));
        return;
    }
    const QString name = WorkspacePaths::fileName(path);
    if (!WorkspacePaths::isValidName(name)) {
        fail(usage(QStringLiteral("\"%1\" is not a valid file name").arg(name)));
        return;
    }
    m_client->upload(WorkspacePaths::parentOf(path), name, *bytes, this,
                     [this](Result<Unit> r) { done(r); });
}

void WsCommand::get(const QString &path, const QString &local)
{
    m_client->download(path, this, [this, path, local](Result<QByteArray> bytes) {
        if (!bytes) {
            fail(bytes.error());
            return;
        }
        const QString target =
            QFileInfo(local).isDir() ? local + u'/' + WorkspacePaths::fileName(path) : local;
        const auto written = AtomicFile::write(target, *bytes);
        if (!written) {
            fail(ApiError::make(
                ApiError::Kind::Io,
                QStringLiteral("cannot write %1: %2").arg(target, written.error().message)));
            return;
        }
        finish(ExitOk);
    });
}

} // namespace linkisdesk
