// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/sqlitecatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace linkisdesk::gateway {

SqliteCatalog::SqliteCatalog(const GatewayPaths &paths, QList<Database> extra)
    : m_paths(paths)
    , m_extra(std::move(extra))
{ }

bool SqliteCatalog::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    static const QStringList reserved {QStringLiteral("main"), QStringLiteral("temp"),
                                       QStringLiteral("default")};
    return re.match(name).hasMatch() && !reserved.contains(name.toLower());
}

Result<SqliteCatalog::Database> SqliteCatalog::parseSpec(const QString &spec)
{
    const qsizetype eq = spec.indexOf(u'=');
    auto usage = [&spec](const QString &why) {
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("--database %1: %2").arg(spec, why));
    };
    if (eq <= 0)
        return usage(QStringLiteral("expected NAME=FILE, e.g. --database sales=/data/sales.db"));
    const QString name = spec.left(eq).trimmed();
    const QString file = spec.mid(eq + 1).trimmed();
    if (!isValidName(name)) {
        return usage(QStringLiteral("'%1' is not a usable database name (letters, digits and _, "
                                    "not starting with a digit; not main, temp or default)")
                         .arg(name));
    }
    const QFileInfo info(file);
    if (file.isEmpty() || !info.isFile())
        return usage(QStringLiteral("the file '%1' does not exist").arg(file));
    if (!info.isReadable())
        return usage(QStringLiteral("the file '%1' cannot be read").arg(file));
    return Database {name, info.absoluteFilePath()};
}

QString SqliteCatalog::userFolder(const QString &user) const
{
    return m_paths.dataDir() + QStringLiteral("/databases/") + user;
}

QList<SqliteCatalog::Database> SqliteCatalog::databasesFor(const QString &user) const
{
    QList<Database> others = m_extra;
    auto known = [&others](const QString &name) {
        return std::any_of(others.cbegin(), others.cend(), [&name](const Database &d) {
            return d.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    const QDir folder(userFolder(user));
    const QFileInfoList files = folder.entryInfoList({QStringLiteral("*.db")}, QDir::Files);
    for (const QFileInfo &file : files) {
        const QString name = file.completeBaseName();
        if (isValidName(name) && !known(name))
            others.append({name, file.absoluteFilePath()});
    }
    std::sort(others.begin(), others.end(), [](const Database &a, const Database &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    others.prepend({QStringLiteral("default"), m_paths.workspaceDb(user)});
    return others;
}

std::optional<SqliteCatalog::Database> SqliteCatalog::find(const QString &user,
                                                           const QString &name) const
{
    for (const Database &d : databasesFor(user)) {
        if (d.name.compare(name, Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

} // namespace linkisdesk::gateway
