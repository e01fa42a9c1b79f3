// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memorysecretstore.h"
#include "secretstore.h"

#include <QString>

namespace linkisdesk {

// Secrets in the system keyring through QtKeychain (Secret Service on Linux), service
// "linkis-desk". Every job has a timeout (10 s by default): a keyring prompt can hang forever.
//
// When the keyring is missing or refuses (QtKeychain errors AccessDenied, NoBackendAvailable,
// OtherError, or a timeout), the store falls back for the rest of the session to an in-memory
// store: the call that failed is replayed there and succeeds, persistent() becomes false,
// notice() says "credentials not saved (no system keyring)" and persistenceLost() is emitted
// once. Other errors (the user cancelled a prompt, ...) are reported as Kind::Io.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    static QString serviceName() { return QStringLiteral("linkis-desk"); }
    static QString fallbackNotice()
    {
        return QStringLiteral("credentials not saved (no system keyring)");
    }

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &secret, QObject *context,
               DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;
    bool persistent() const override { return !m_fallenBack; }
    QString notice() const override;
    // The reason the keyring was given up, for logs (empty while persistent).
    QString fallbackReason() const { return m_fallbackReason; }

private:
    void fallBack(const QString &reason);

    MemorySecretStore m_memory;
    bool m_fallenBack = false;
    QString m_fallbackReason;
    int m_timeoutMs = 10000;
};

} // namespace linkisdesk
