// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "settingkeys.h"
#include "util/apppaths.h"
#include "util/jsonfile.h"

namespace linkisdesk {

namespace {
constexpr int kFormatVersion = 1;
const QString kVersionKey = QStringLiteral("version");
} // namespace

AppSettings::AppSettings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (auto saved = save(); !saved)
            emit saveFailed(saved.error());
    });
}

AppSettings::~AppSettings()
{
    if (m_dirty)
        save();
}

QString AppSettings::defaultPath()
{
    return AppPaths::configDir() + QStringLiteral("/settings.json");
}

Result<Unit> AppSettings::load()
{
    m_values = {};
    m_dirty = false;
    m_timer.stop();
    auto loaded = JsonFile::load(m_path);
    if (!loaded)
        return loaded.error();
    if (loaded.value()) {
        m_values = *loaded.value();
        m_values.remove(kVersionKey);
    }
    return Unit {};
}

Result<Unit> AppSettings::save()
{
    m_timer.stop();
    if (!m_dirty)
        return Unit {};
    QJsonObject root = m_values;
    root.insert(kVersionKey, kFormatVersion);
    auto saved = JsonFile::save(m_path, root);
    if (saved)
        m_dirty = false;
    return saved;
}

void AppSettings::markChanged(const QString &key)
{
    m_dirty = true;
    m_timer.start();
    emit changed(key);
}

bool AppSettings::askBeforeKill(const QString &profileName, bool production) const
{
    if (production)
        return true;
    return !value(SettingKeys::KillWithoutAsking).contains(profileName);
}

void AppSettings::setAskBeforeKill(const QString &profileName, bool ask)
{
    QStringList skip = value(SettingKeys::KillWithoutAsking);
    skip.removeAll(profileName);
    if (!ask)
        skip.append(profileName);
    skip.sort();
    setValue(SettingKeys::KillWithoutAsking, skip);
}

void AppSettings::addRecentFile(const QString &path)
{
    QStringList recent = value(SettingKeys::RecentFiles);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > SettingKeys::MaxRecentFiles)
        recent.removeLast();
    setValue(SettingKeys::RecentFiles, recent);
}

} // namespace linkisdesk
