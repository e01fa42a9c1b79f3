// SPDX-License-Identifier: GPL-3.0-or-later
#include "localgateway/gatewayruntimefile.h"

#include "util/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace linkisdesk {

bool GatewayRuntimeFile::isValid() const
{
    return url.isValid() && !url.host().isEmpty() && !token.isEmpty();
}

QString GatewayRuntimeFile::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return dir + QStringLiteral("/linkis-desk/gateway.json");
}

QByteArray GatewayRuntimeFile::toJson() const
{
    const QJsonObject o {{QStringLiteral("url"), url.toString()},
                         {QStringLiteral("token"), token},
                         {QStringLiteral("pid"), double(pid)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<GatewayRuntimeFile> GatewayRuntimeFile::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        return ApiError::make(ApiError::Kind::Parse,
                              QStringLiteral("The local gateway's runtime file is damaged."), 0, 0,
                              parseError.errorString());
    }
    const QJsonObject o = doc.object();
    GatewayRuntimeFile file;
    file.url = QUrl(o.value(QStringLiteral("url")).toString());
    file.token = o.value(QStringLiteral("token")).toString();
    file.pid = o.value(QStringLiteral("pid")).toInteger(0); // 0 for a non-integer or huge value
    if (!file.isValid()) {
        return ApiError::make(ApiError::Kind::Parse,
                              QStringLiteral("The local gateway's runtime file has no usable "
                                             "url and token."));
    }
    return file;
}

Result<GatewayRuntimeFile> GatewayRuntimeFile::read(const QString &path)
{
    const auto bytes = AtomicFile::read(path);
    if (!bytes)
        return bytes.error();
    auto file = fromJson(*bytes);
    if (!file) {
        ApiError error = file.error();
        error.detail = QDir::toNativeSeparators(path) +
            (error.detail.isEmpty() ? QString() : QStringLiteral(": ") + error.detail);
        return error;
    }
    return file;
}

Result<Unit> GatewayRuntimeFile::write(const QString &path) const
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir)) {
            return ApiError::make(
                ApiError::Kind::Io,
                QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(dir)));
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return AtomicFile::write(path, toJson(), QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace linkisdesk
