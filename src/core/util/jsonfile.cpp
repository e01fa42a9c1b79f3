// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfile.h"

#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace linkisdesk {

Result<std::optional<QJsonObject>> JsonFile::load(const QString &path)
{
    if (!QFile::exists(path))
        return std::optional<QJsonObject>();
    auto bytes = AtomicFile::read(path);
    if (!bytes)
        return bytes.error();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject())
        return std::optional<QJsonObject>(doc.object());

    const QString why = parseError.error != QJsonParseError::NoError
        ? QStringLiteral("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset)
        : QStringLiteral("not a JSON object");
    const QString bad = path + QStringLiteral(".bad");
    QFile::remove(bad);
    const bool moved = QFile::rename(path, bad);
    const QString native = QDir::toNativeSeparators(path);
    const QString message = moved
        ? QStringLiteral("%1 is damaged (%2); it was set aside as %3 and a fresh one is used")
              .arg(native, why, QDir::toNativeSeparators(bad))
        : QStringLiteral("%1 is damaged (%2) and could not be set aside").arg(native, why);
    return ApiError::make(ApiError::Kind::Parse, message);
}

Result<Unit> JsonFile::save(const QString &path, const QJsonObject &object)
{
    return AtomicFile::write(path, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace linkisdesk
