// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace linkisdesk {

Result<Unit> AtomicFile::write(const QString &path, const QByteArray &data,
                               QFileDevice::Permissions permissions)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return ApiError::make(ApiError::Kind::Io,
                              QStringLiteral("cannot create the folder %1")
                                  .arg(QDir::toNativeSeparators(info.absolutePath())));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return ApiError::make(ApiError::Kind::Io,
                              QStringLiteral("cannot write %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (permissions != QFileDevice::Permissions {})
        file.setPermissions(permissions);
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        file.commit(); // discards the temporary file
        return ApiError::make(
            ApiError::Kind::Io,
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), why));
    }
    if (!file.commit()) {
        return ApiError::make(ApiError::Kind::Io,
                              QStringLiteral("cannot save %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return Unit {};
}

Result<QByteArray> AtomicFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ApiError::make(ApiError::Kind::Io,
                              QStringLiteral("cannot read %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return file.readAll();
}

} // namespace linkisdesk
