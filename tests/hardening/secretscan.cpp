// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretscan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QUrl>

namespace linkisdesk::hardening {

SecretScan::SecretScan(const QList<QByteArray> &secrets)
{
    for (const QByteArray &s : secrets)
        m_needles << s << s.toBase64() << QUrl::toPercentEncoding(QString::fromLatin1(s), {}, "-");
}

bool SecretScan::holdsSecret(const QByteArray &bytes) const
{
    for (const QByteArray &needle : m_needles) {
        if (bytes.contains(needle))
            return true;
    }
    return false;
}

SecretScan::Tree SecretScan::scanTree(const QString &root) const
{
    Tree tree;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        tree.files << relative;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            tree.leaks << relative + QStringLiteral(" (unreadable)");
            continue;
        }
        if (holdsSecret(file.readAll()))
            tree.leaks << relative;
    }
    return tree;
}

} // namespace linkisdesk::hardening
