// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include "util/apppaths.h"
#include "util/atomicfile.h"
#include "util/jsonfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace linkisdesk {

namespace {
constexpr int kFormatVersion = 1;

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

ProfileStore::ProfileStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
    , m_local(Profile::local())
    , m_default(Profile::localName())
{ }

ProfileStore::~ProfileStore() = default;

QString ProfileStore::defaultPath()
{
    return AppPaths::configDir() + QStringLiteral("/profiles.json");
}

Result<Unit> ProfileStore::load()
{
    m_profiles.clear();
    m_local = Profile::local();
    m_default = Profile::localName();

    auto loaded = JsonFile::load(m_path);
    if (!loaded)
        return loaded.error();
    if (!loaded.value())
        return Unit {};
    const QJsonObject root = *loaded.value();

    QStringList problems;
    const QJsonValue local = root.value(QLatin1String("local"));
    if (local.isObject()) {
        auto p = Profile::fromJson(local.toObject());
        if (p) {
            m_local.engine = p->engine;
            m_local.engineVersion = p->engineVersion;
            m_local.creator = p->creator.isEmpty() ? m_local.creator : p->creator;
            m_local.api = p->api;
            m_local.user = p->user;
            m_local.proxyUser = p->proxyUser;
        }
    }
    for (const QJsonValue &value : root.value(QLatin1String("profiles")).toArray()) {
        auto p = Profile::fromJson(value.toObject());
        if (!p) {
            problems.append(p.error().message);
            continue;
        }
        if (auto valid = Profile::validateName(p->name); !valid) {
            problems.append(valid.error().message);
            continue;
        }
        if (sameName(p->name, Profile::localName()) || indexOf(p->name) >= 0) {
            problems.append(QStringLiteral("profile \"%1\" is listed twice").arg(p->name));
            continue;
        }
        m_profiles.append(p.value());
    }
    const QString def = root.value(QLatin1String("default")).toString();
    if (!def.isEmpty() && contains(def))
        m_default = profile(def)->name;

    if (!problems.isEmpty()) {
        return ApiError::make(ApiError::Kind::Parse,
                              QStringLiteral("some profiles in %1 were skipped: %2")
                                  .arg(m_path, problems.join(QStringLiteral("; "))));
    }
    return Unit {};
}

Result<Unit> ProfileStore::save() const
{
    QJsonObject root;
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(QStringLiteral("default"), m_default);
    root.insert(QStringLiteral("local"), m_local.toJson());
    QJsonArray list;
    for (const Profile &p : m_profiles)
        list.append(p.toJson());
    root.insert(QStringLiteral("profiles"), list);
    return JsonFile::save(m_path, root);
}

Result<Unit> ProfileStore::mutate(const std::function<Result<Unit>()> &change)
{
    // Start from what is on disk now: another process (the CLI, a second window) may have
    // changed it. Skipped or set-aside entries are not fatal here; load() reported them.
    if (auto reloaded = load(); !reloaded && reloaded.error().kind == ApiError::Kind::Io)
        return reloaded;
    if (auto applied = change(); !applied) {
        emit changed(); // the reload may have brought news
        return applied;
    }
    auto saved = save();
    emit changed();
    return saved;
}

void ProfileStore::setWatching(bool watch)
{
    if (watch == isWatching())
        return;
    if (!watch) {
        delete m_watcher;
        m_watcher = nullptr;
        return;
    }
    const QString dir = QFileInfo(m_path).absolutePath();
    QDir().mkpath(dir);
    m_watcher = new QFileSystemWatcher(this);
    // The folder, because an atomic save replaces the file (a watch on the file alone would
    // be lost after the first save); the file too, for editors that rewrite it in place.
    m_watcher->addPath(dir);
    if (QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &ProfileStore::onFileSystemChange);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ProfileStore::onFileSystemChange);
}

void ProfileStore::onFileSystemChange()
{
    if (m_watcher && QFileInfo::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
    // Another program may still be writing the file in place (an editor): what does not parse
    // yet is left alone, neither read nor set aside as damaged, until its next change. Atomic
    // replaces (the CLI, this store) are seen whole through the folder's watch.
    if (QFileInfo::exists(m_path)) {
        const Result<QByteArray> bytes = AtomicFile::read(m_path);
        if (!bytes || !QJsonDocument::fromJson(*bytes).isObject())
            return;
    }
    const QList<Profile> before = profiles();
    const QString defaultBefore = m_default;
    load(); // problems were reported by the first load
    if (profiles() != before || m_default != defaultBefore)
        emit changed();
}

qsizetype ProfileStore::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (sameName(m_profiles.at(i).name, name))
            return i;
    }
    return -1;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> sorted = m_profiles;
    std::sort(sorted.begin(), sorted.end(), [](const Profile &a, const Profile &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    sorted.prepend(m_local);
    return sorted;
}

QStringList ProfileStore::names() const
{
    QStringList result;
    for (const Profile &p : profiles())
        result.append(p.name);
    return result;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    if (sameName(name, Profile::localName()))
        return m_local;
    const qsizetype i = indexOf(name);
    if (i < 0)
        return std::nullopt;
    return m_profiles.at(i);
}

QString ProfileStore::defaultProfileName() const
{
    return contains(m_default) ? m_default : Profile::localName();
}

Result<Unit> ProfileStore::setDefaultProfile(const QString &name)
{
    return mutate([this, name]() -> Result<Unit> {
        const auto p = profile(name);
        if (!p)
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("there is no profile called \"%1\"").arg(name));
        m_default = p->name;
        return Unit {};
    });
}

Result<Unit> ProfileStore::add(const Profile &newProfile)
{
    if (auto valid = newProfile.validate(); !valid)
        return valid;
    if (newProfile.isLocal() || sameName(newProfile.name, Profile::localName())) {
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("\"%1\" is the built-in profile; choose another name "
                                             "and an authentication other than local")
                                  .arg(newProfile.name));
    }
    return mutate([this, newProfile]() -> Result<Unit> {
        if (indexOf(newProfile.name) >= 0) {
            return ApiError::make(
                ApiError::Kind::Usage,
                QStringLiteral("a profile called \"%1\" already exists").arg(newProfile.name));
        }
        m_profiles.append(newProfile);
        return Unit {};
    });
}

Result<Unit> ProfileStore::update(const QString &name, const Profile &updated)
{
    if (auto valid = updated.validate(); !valid)
        return valid;
    if (sameName(name, Profile::localName())) {
        if (!updated.isLocal() || !sameName(updated.name, Profile::localName())) {
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("the built-in Local profile cannot be renamed "
                                                 "or given another authentication"));
        }
        return mutate([this, updated]() -> Result<Unit> {
            Profile local = updated;
            local.name = Profile::localName();
            m_local = local;
            return Unit {};
        });
    }
    if (updated.isLocal() || sameName(updated.name, Profile::localName())) {
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("only the built-in profile can be \"%1\" or use "
                                             "local authentication")
                                  .arg(Profile::localName()));
    }
    return mutate([this, name, updated]() -> Result<Unit> {
        const qsizetype i = indexOf(name);
        if (i < 0) {
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("there is no profile called \"%1\"").arg(name));
        }
        const qsizetype clash = indexOf(updated.name);
        if (clash >= 0 && clash != i) {
            return ApiError::make(
                ApiError::Kind::Usage,
                QStringLiteral("a profile called \"%1\" already exists").arg(updated.name));
        }
        if (sameName(m_default, name))
            m_default = updated.name;
        m_profiles[i] = updated;
        return Unit {};
    });
}

Result<Unit> ProfileStore::remove(const QString &name)
{
    if (sameName(name, Profile::localName())) {
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("the built-in Local profile cannot be removed"));
    }
    return mutate([this, name]() -> Result<Unit> {
        const qsizetype i = indexOf(name);
        if (i < 0) {
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("there is no profile called \"%1\"").arg(name));
        }
        m_profiles.removeAt(i);
        if (sameName(m_default, name))
            m_default = Profile::localName();
        return Unit {};
    });
}

} // namespace linkisdesk
