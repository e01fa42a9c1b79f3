// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

namespace linkisdesk {

namespace {

// True for the errors that mean "there is no usable keyring here".
bool meansNoKeyring(QKeychain::Error error)
{
    return error == QKeychain::AccessDenied || error == QKeychain::NoBackendAvailable ||
        error == QKeychain::OtherError;
}

// Runs one QtKeychain job with a timeout and hands its outcome to `done` exactly once:
// (job or nullptr on timeout). The job deletes itself (autoDelete) when it finishes; after a
// timeout its late result is ignored.
void runJob(QKeychain::Job *job, int timeoutMs, QObject *owner,
            std::function<void(QKeychain::Job *)> done)
{
    auto finished = std::make_shared<bool>(false);
    auto handler = std::make_shared<std::function<void(QKeychain::Job *)>>(std::move(done));
    QObject::connect(job, &QKeychain::Job::finished, owner, [finished, handler](QKeychain::Job *j) {
        if (*finished)
            return;
        *finished = true;
        (*handler)(j);
    });
    QTimer::singleShot(timeoutMs, owner, [finished, handler]() {
        if (*finished)
            return;
        *finished = true;
        (*handler)(nullptr);
    });
    job->start();
}

QString describe(QKeychain::Job *job, int timeoutMs)
{
    if (!job)
        return QStringLiteral("the system keyring did not answer within %1 s")
            .arg(timeoutMs / 1000.0);
    return QStringLiteral("system keyring error %1: %2")
        .arg(int(job->error()))
        .arg(job->errorString());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::notice() const
{
    return m_fallenBack ? fallbackNotice() : QString();
}

void KeychainSecretStore::fallBack(const QString &reason)
{
    if (m_fallenBack)
        return;
    m_fallenBack = true;
    m_fallbackReason = reason;
    emit persistenceLost(fallbackNotice());
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    if (m_fallenBack) {
        m_memory.read(key, context ? context : this, std::move(callback));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(key);
    QPointer<QObject> ctx(context ? context : this);
    runJob(job, m_timeoutMs, this,
           [this, key, ctx, callback = std::move(callback)](QKeychain::Job *j) {
               using R = Result<std::optional<QString>>;
               if (!j || meansNoKeyring(j->error()))
                   fallBack(describe(j, m_timeoutMs)); // even when nobody waits for the answer
               if (!ctx)
                   return;
               if (j && j->error() == QKeychain::NoError) {
                   const QString secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
                   deliver(ctx, callback, R(std::optional<QString>(secret)));
               } else if (j && j->error() == QKeychain::EntryNotFound) {
                   deliver(ctx, callback, R(std::optional<QString>()));
               } else if (!j || meansNoKeyring(j->error())) {
                   m_memory.read(key, ctx, callback);
               } else {
                   deliver(ctx, callback,
                           R(ApiError::make(ApiError::Kind::Io,
                                            QStringLiteral("cannot read the secret: %1")
                                                .arg(describe(j, m_timeoutMs)))));
               }
           });
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                DoneCallback callback)
{
    if (m_fallenBack) {
        m_memory.write(key, secret, context ? context : this, std::move(callback));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(key);
    job->setTextData(secret);
    QPointer<QObject> ctx(context ? context : this);
    runJob(job, m_timeoutMs, this,
           [this, key, secret, ctx, callback = std::move(callback)](QKeychain::Job *j) {
               if (j && j->error() == QKeychain::NoError) {
                   m_memory.removeValue(key);
                   if (ctx)
                       deliver(ctx, callback, Result<Unit>(Unit {}));
               } else if (!j || meansNoKeyring(j->error())) {
                   fallBack(describe(j, m_timeoutMs));
                   m_memory.setValue(key, secret);
                   if (ctx)
                       deliver(ctx, callback, Result<Unit>(Unit {}));
               } else if (ctx) {
                   deliver(ctx, callback,
                           Result<Unit>(ApiError::make(ApiError::Kind::Io,
                                                       QStringLiteral("cannot save the secret: %1")
                                                           .arg(describe(j, m_timeoutMs)))));
               }
           });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    m_memory.removeValue(key);
    if (m_fallenBack) {
        deliver(context, std::move(callback), Result<Unit>(Unit {}));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(key);
    QPointer<QObject> ctx(context ? context : this);
    runJob(job, m_timeoutMs, this, [this, ctx, callback = std::move(callback)](QKeychain::Job *j) {
        if (!j || meansNoKeyring(j->error()))
            fallBack(describe(j, m_timeoutMs));
        if (!ctx)
            return;
        if (j && (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)) {
            deliver(ctx, callback, Result<Unit>(Unit {}));
        } else if (!j || meansNoKeyring(j->error())) {
            deliver(ctx, callback, Result<Unit>(Unit {}));
        } else {
            deliver(
                ctx, callback,
                Result<Unit>(ApiError::make(
                    ApiError::Kind::Io,
                    QStringLiteral("cannot remove the secret: %1").arg(describe(j, m_timeoutMs)))));
        }
    });
}

} // namespace linkisdesk
