// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <type_traits>

namespace linkisdesk {

// A typed settings key: its name in the file and its default. The keys themselves are listed
// in one place, settingkeys.h. T is bool, int, qint64, double, QString, QStringList or
// QByteArray (stored as base64).
template<typename T> struct SettingKey
{
    const char *name;
    T defaultValue;

    QString key() const { return QLatin1String(name); }

    static QJsonValue toJson(const T &value)
    {
        if constexpr (std::is_same_v<T, QByteArray>)
            return QString::fromLatin1(value.toBase64());
        else if constexpr (std::is_same_v<T, QStringList>)
            return QJsonArray::fromStringList(value);
        else if constexpr (std::is_same_v<T, qint64>)
            return QJsonValue(double(value));
        else
            return QJsonValue(value);
    }

    // The stored value, or the default when it is missing or of the wrong type.
    T fromJson(const QJsonValue &json) const
    {
        if constexpr (std::is_same_v<T, bool>) {
            return json.isBool() ? json.toBool() : defaultValue;
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, qint64> ||
                             std::is_same_v<T, double>) {
            return json.isDouble() ? T(json.toDouble()) : defaultValue;
        } else if constexpr (std::is_same_v<T, QString>) {
            return json.isString() ? json.toString() : defaultValue;
        } else if constexpr (std::is_same_v<T, QByteArray>) {
            return json.isString() ? QByteArray::fromBase64(json.toString().toLatin1())
                                   : defaultValue;
        } else if constexpr (std::is_same_v<T, QStringList>) {
            if (!json.isArray())
                return defaultValue;
            QStringList list;
            for (const QJsonValue &item : json.toArray()) {
                if (item.isString())
                    list.append(item.toString());
            }
            return list;
        } else {
            static_assert(std::is_same_v<T, void>, "unsupported setting type");
        }
    }
};

} // namespace linkisdesk
