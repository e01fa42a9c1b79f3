// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspacepaths.h"

#include <QStringList>

namespace linkisdesk {

namespace {

qsizetype pathStart(const QString &uri)
{
    const qsizetype scheme = uri.indexOf(QStringLiteral("://"));
    return scheme < 0 ? 0 : scheme + 3;
}

} // namespace

QString WorkspacePaths::normalized(const QString &uri)
{
    QString s = uri.trimmed();
    const qsizetype start = pathStart(s);
    while (s.size() > start + 1 && s.endsWith(u'/'))
        s.chop(1);
    return s;
}

QString WorkspacePaths::join(const QString &dir, const QString &name)
{
    const QString d = normalized(dir);
    return d.endsWith(u'/') ? d + name : d + u'/' + name;
}

QString WorkspacePaths::parentOf(const QString &uri)
{
    const QString s = normalized(uri);
    const qsizetype start = pathStart(s);
    const qsizetype slash = s.lastIndexOf(u'/');
    if (slash <= start)
        return s.left(start + 1);
    return s.left(slash);
}

QString WorkspacePaths::fileName(const QString &uri)
{
    const QString s = normalized(uri);
    return s.mid(s.lastIndexOf(u'/') + 1);
}

QString WorkspacePaths::resolve(const QString &root, const QString &relative)
{
    QString rel = relative.trimmed();
    if (rel.contains(QStringLiteral("://")))
        return rel.split(u'/').contains(QStringLiteral("..")) ? QString() : rel;
    QString out = normalized(root);
    const QStringList parts = rel.split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == QStringLiteral(".."))
            return {};
        if (part == QStringLiteral("."))
            continue;
        out = join(out, part);
    }
    return out;
}

bool WorkspacePaths::isValidName(const QString &name)
{
    if (name.trimmed().isEmpty() || name == QStringLiteral(".") || name == QStringLiteral(".."))
        return false;
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c.category() == QChar::Other_Control)
            return false;
    }
    return name.size() <= 255;
}

} // namespace linkisdesk
