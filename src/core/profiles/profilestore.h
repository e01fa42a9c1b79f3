// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "profile.h"

#include <QFileSystemWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace linkisdesk {

// The user's profiles, in `profiles.json` under the config folder (AppPaths::configDir()),
// shared by the GUI and the CLI. The built-in "Local" profile always exists, always comes
// first, cannot be removed or renamed, and is the default until the user picks another.
//
// Every change re-reads the file first, applies the change and saves atomically, so a profile
// the CLI added while the GUI runs is not lost when the GUI saves. Names are unique without
// regard to case. Secrets are not stored here (see SecretStore and Profile::secretKey).
class ProfileStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    explicit ProfileStore(const QString &filePath = defaultPath(), QObject *parent = nullptr);
    ~ProfileStore() override;

    static QString defaultPath();
    QString filePath() const { return m_path; }

    // Reads the file. A missing file is fine (only Local). A corrupt file is moved aside to
    // "<file>.bad" and reported (Kind::Parse); the store then holds only Local.
    Result<Unit> load();

    QList<Profile> profiles() const; // Local first, then by name
    QStringList names() const;
    std::optional<Profile> profile(const QString &name) const; // case-insensitive lookup
    bool contains(const QString &name) const { return profile(name).has_value(); }

    QString defaultProfileName() const; // always names an existing profile
    Result<Unit> setDefaultProfile(const QString &name);

    // Follows changes other processes make to the file (the CLI's `profile add` shows up in a
    // running GUI): reloads and emits changed() when the profiles differ. Off by default.
    void setWatching(bool watch);
    bool isWatching() const { return m_watcher != nullptr; }

    Result<Unit> add(const Profile &profile);
    // Replaces the profile called `name` (the new one may carry another name: a rename).
    Result<Unit> update(const QString &name, const Profile &profile);
    Result<Unit> remove(const QString &name);

signals:
    void changed();

private:
    Result<Unit> save() const;
    Result<Unit> mutate(const std::function<Result<Unit>()> &change);
    qsizetype indexOf(const QString &name) const;
    void onFileSystemChange();

    QString m_path;
    QList<Profile> m_profiles; // without Local
    Profile m_local; // Local's stored options (engine, creator)
    QString m_default;
    QFileSystemWatcher *m_watcher = nullptr;
};

} // namespace linkisdesk
