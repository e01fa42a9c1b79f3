// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace linkisdesk::hardening {

// The search behind the secrets scans (CLI and desktop app): each secret as written, in base64
// and percent-encoded, looked for in every file below a folder and in command lines.
class SecretScan
{
public:
    explicit SecretScan(const QList<QByteArray> &secrets);

    QList<QByteArray> needles() const { return m_needles; }
    bool holdsSecret(const QByteArray &bytes) const;

    struct Tree
    {
        QStringList files; // relative to the root, every file read
        QStringList leaks; // the files holding a secret, and the unreadable ones
    };
    Tree scanTree(const QString &root) const;

private:
    QList<QByteArray> m_needles;
};

} // namespace linkisdesk::hardening
