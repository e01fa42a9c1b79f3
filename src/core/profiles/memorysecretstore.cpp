// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

#include "keychainsecretstore.h"

namespace linkisdesk {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{ }

MemorySecretStore::~MemorySecretStore() = default;

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    deliver(context, std::move(callback), Result<std::optional<QString>>(value(key)));
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                              DoneCallback callback)
{
    setValue(key, secret);
    deliver(context, std::move(callback), Result<Unit>(Unit {}));
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    removeValue(key);
    deliver(context, std::move(callback), Result<Unit>(Unit {}));
}

QString MemorySecretStore::notice() const
{
    return KeychainSecretStore::fallbackNotice();
}

std::optional<QString> MemorySecretStore::value(const QString &key) const
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return std::nullopt;
    return *it;
}

void MemorySecretStore::setValue(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
}

void MemorySecretStore::removeValue(const QString &key)
{
    m_secrets.remove(key);
}

} // namespace linkisdesk
