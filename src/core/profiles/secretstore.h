// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace linkisdesk {

// Where passwords, tokens and validation codes live (never in settings, logs or command
// lines). Asynchronous: every call returns at once and calls back later on the caller's
// thread, never from inside the call, and only while `context` still exists.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    // std::nullopt: no secret stored under that key (not an error).
    using ReadCallback = std::function<void(Result<std::optional<QString>>)>;
    using DoneCallback = std::function<void(Result<Unit>)>;

    explicit SecretStore(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~SecretStore() override = default;

    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       DoneCallback callback) = 0;
    // Removing a key that does not exist succeeds.
    virtual void remove(const QString &key, QObject *context, DoneCallback callback) = 0;

    // False when secrets only last for this session (no system keyring).
    virtual bool persistent() const = 0;
    // Empty, or a sentence for the user such as "credentials not saved (no system keyring)".
    virtual QString notice() const { return {}; }

signals:
    // Emitted when the store stops being persistent (the keyring failed).
    void persistenceLost(const QString &notice);

protected:
    // Calls `callback(value)` later from the event loop, if `context` (or, when it is null,
    // this store) still exists.
    template<typename Callback, typename Value>
    void deliver(QObject *context, Callback callback, Value value)
    {
        QObject *target = context ? context : this;
        QMetaObject::invokeMethod(
            target,
            [callback = std::move(callback), value = std::move(value)]() mutable {
                if (callback)
                    callback(std::move(value));
            },
            Qt::QueuedConnection);
    }
};

} // namespace linkisdesk
