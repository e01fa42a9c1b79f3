// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "settingkey.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

namespace linkisdesk {

// The application's settings: one object, one JSON file (`settings.json` under
// AppPaths::configDir()), typed keys from settingkeys.h. setValue() saves atomically a moment
// later (changes are coalesced); save() writes at once; the destructor writes what is pending.
class AppSettings : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    explicit AppSettings(const QString &filePath = defaultPath(), QObject *parent = nullptr);
    ~AppSettings() override;

    static QString defaultPath();
    QString filePath() const { return m_path; }

    // Reads the file. Missing: defaults. Corrupt: moved aside to "<file>.bad", defaults, and an
    // error (Kind::Parse) that says so.
    Result<Unit> load();
    // Writes now if anything changed since the last save.
    Result<Unit> save();
    bool hasPendingChanges() const { return m_dirty; }
    // Delay between a change and its save (default 500 ms; 0 saves on the next event loop turn).
    void setSaveDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    template<typename T> T value(const SettingKey<T> &key) const
    {
        return key.fromJson(m_values.value(key.key()));
    }
    template<typename T> void setValue(const SettingKey<T> &key, const T &value)
    {
        const QJsonValue json = SettingKey<T>::toJson(value);
        if (m_values.value(key.key()) == json)
            return;
        m_values.insert(key.key(), json);
        markChanged(key.key());
    }
    template<typename T> void reset(const SettingKey<T> &key)
    {
        if (m_values.contains(key.key())) {
            m_values.remove(key.key());
            markChanged(key.key());
        }
    }

    // Helpers over the keys above.
    bool askBeforeKill(const QString &profileName, bool production) const;
    void setAskBeforeKill(const QString &profileName, bool ask);
    void addRecentFile(const QString &path); // moves it to the front, keeps MaxRecentFiles

signals:
    void changed(const QString &key);
    void saveFailed(const linkisdesk::ApiError &error);

private:
    void markChanged(const QString &key);

    QString m_path;
    QJsonObject m_values;
    QTimer m_timer;
    bool m_dirty = false;
};

} // namespace linkisdesk
