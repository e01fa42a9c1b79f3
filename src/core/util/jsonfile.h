// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace linkisdesk {

// A JSON object in a file, read whole and written atomically (see AtomicFile).
class JsonFile
{
public:
    JsonFile() = delete;

    // std::nullopt when the file does not exist. A file that is not a JSON object is moved
    // aside to "<path>.bad" (replacing an older one) and reported as Kind::Parse, with a
    // message that names both files.
    static Result<std::optional<QJsonObject>> load(const QString &path);
    static Result<Unit> save(const QString &path, const QJsonObject &object);
};

} // namespace linkisdesk
