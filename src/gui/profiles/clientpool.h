// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "localgateway/localgateway.h"
#include "profiles/profile.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace linkisdesk {

class LinkisClient;
class ProfileStore;
class SecretStore;

// One LinkisClient per profile, built on demand: the profile's settings plus its secret from
// the SecretStore; for the Local profile, the bundled gateway (started or reused) and its token.
// Reports each profile's connection state for the status bar: Ready only once the client's last
// request was answered (ConnectionState), never merely because the client was built. A profile
// whose secret the store does not hold (no keyring, or a profile added by the CLI) asks the user
// once (SecretPrompt by default) and keeps the answer in the SecretStore: the keyring, or memory
// for the session.
class ClientPool : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientPool)
public:
    enum class State { Unknown, Connecting, Ready, Failed };
    Q_ENUM(State)
    using Callback = std::function<void(Result<LinkisClient *>)>;
    // Asks for a missing secret; calls `done` with it, or nothing when the user cancelled.
    using SecretPromptFn =
        std::function<void(const Profile &profile, Profile::SecretKind kind, const QString &notice,
                           QObject *context, std::function<void(std::optional<QString>)> done)>;

    ClientPool(ProfileStore *profiles, SecretStore *secrets,
               const LocalGateway::Options &localOptions, QObject *parent = nullptr);
    ~ClientPool() override;

    // Whether a missing secret may be asked for: yes for what the user asked (run, reattach,
    // test), no for background work (listing server jobs), which then gets an Auth error.
    enum class Prompt { Ask, DontAsk };
    // Calls back with the profile's client (at once when it exists), only while context lives.
    void acquire(const QString &profileName, QObject *context, Callback callback,
                 Prompt prompt = Prompt::Ask);
    LinkisClient *clientIfReady(const QString &profileName) const;
    State state(const QString &profileName) const;
    QString stateMessage(const QString &profileName) const;
    // Forgets a profile's client (after an edit); trackers keep the old one alive until done.
    void invalidate(const QString &profileName);
    LocalGateway *localGateway() const { return m_local; }
    // Empty: a missing secret is sent as empty (the server refuses it).
    void setSecretPrompt(SecretPromptFn prompt) { m_secretPrompt = std::move(prompt); }

Q_SIGNALS:
    void stateChanged(const QString &profileName, linkisdesk::ClientPool::State state,
                      const QString &message);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
        Prompt prompt = Prompt::Ask;
    };
    void build(const QString &key, const QString &profileName);
    // Keeps the new client and lets its connection state drive the profile's state.
    void adopt(const QString &key, const QString &profileName, LinkisClient *client,
               const QString &where);
    void finish(const QString &key, Result<LinkisClient *> result);
    void setState(const QString &profileName, State state, const QString &message);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    LocalGateway::Options m_localOptions;
    LocalGateway *m_local = nullptr;
    SecretPromptFn m_secretPrompt;
    QHash<QString, QPointer<LinkisClient>> m_clients; // by lower-case profile name
    QHash<QString, QList<Waiter>> m_waiting;
    QHash<QString, State> m_states;
    QHash<QString, QString> m_messages;
};

} // namespace linkisdesk
