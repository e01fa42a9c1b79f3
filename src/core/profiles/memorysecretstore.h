// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QHash>

namespace linkisdesk {

// Secrets for this session only, in memory. The fallback when no keyring works, and the fake
// used by tests.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &secret, QObject *context,
               DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;
    bool persistent() const override { return false; }
    QString notice() const override;

    // Synchronous access for the keychain fallback and for tests.
    std::optional<QString> value(const QString &key) const;
    void setValue(const QString &key, const QString &secret);
    void removeValue(const QString &key);

private:
    QHash<QString, QString> m_secrets;
};

} // namespace linkisdesk
