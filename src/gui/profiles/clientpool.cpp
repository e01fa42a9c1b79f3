// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/clientpool.h"

#include "api/connectionsettings.h"
#include "api/linkisclient.h"
#include "profiles/profilestore.h"
#include "profiles/secretprompt.h"
#include "profiles/secretstore.h"

#include <QUrl>

#include <algorithm>

namespace linkisdesk {

namespace {
QString keyOf(const QString &name)
{
    return name.toLower();
}

ConnectionSettings::AuthMode toAuthMode(Profile::AuthMode mode)
{
    switch (mode) {
    case Profile::AuthMode::Password: return ConnectionSettings::AuthMode::Password;
    case Profile::AuthMode::Token: return ConnectionSettings::AuthMode::Token;
    case Profile::AuthMode::SeedProxy: return ConnectionSettings::AuthMode::SeedProxy;
    case Profile::AuthMode::LinkisProxy: return ConnectionSettings::AuthMode::LinkisProxy;
    case Profile::AuthMode::Local: return ConnectionSettings::AuthMode::Token;
    }
    return ConnectionSettings::AuthMode::None;
}

QString localUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("linkis") : user;
}
} // namespace

ClientPool::ClientPool(ProfileStore *profiles, SecretStore *secrets,
                       const LocalGateway::Options &localOptions, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_localOptions(localOptions)
    , m_secretPrompt(&SecretPrompt::ask)
{ }

ClientPool::~ClientPool() = default;

LinkisClient *ClientPool::clientIfReady(const QString &profileName) const
{
    return m_clients.value(keyOf(profileName));
}

ClientPool::State ClientPool::state(const QString &profileName) const
{
    return m_states.value(keyOf(profileName), State::Unknown);
}

QString ClientPool::stateMessage(const QString &profileName) const
{
    return m_messages.value(keyOf(profileName));
}

void ClientPool::acquire(const QString &profileName, QObject *context, Callback callback,
                         Prompt prompt)
{
    const QString key = keyOf(profileName);
    if (LinkisClient *client = m_clients.value(key)) {
        callback(client);
        return;
    }
    const bool started = m_waiting.contains(key);
    m_waiting[key].append(Waiter {context, std::move(callback), prompt});
    if (!started)
        build(key, profileName);
}

void ClientPool::invalidate(const QString &profileName)
{
    const QString key = keyOf(profileName);
    if (LinkisClient *client = m_clients.take(key))
        client->deleteLater();
    setState(profileName, State::Unknown, QString());
}

void ClientPool::setState(const QString &profileName, State state, const QString &message)
{
    const QString key = keyOf(profileName);
    m_states.insert(key, state);
    m_messages.insert(key, message);
    Q_EMIT stateChanged(profileName, state, message);
}

void ClientPool::build(const QString &key, const QString &profileName)
{
    const std::optional<Profile> profile = m_profiles->profile(profileName);
    if (!profile) {
        finish(key,
               ApiError::make(ApiError::Kind::Usage,
                              tr("There is no profile called %1.").arg(profileName)));
        return;
    }
    setState(profile->name, State::Connecting, tr("Connecting\u2026"));
    ConnectionSettings settings;
    settings.authMode = toAuthMode(profile->auth);
    settings.user = profile->user;
    settings.proxyUser = profile->proxyUser;
    settings.flavour = profile->api == Profile::ApiFlavour::Execute
        ? ConnectionSettings::ApiFlavour::Execute
        : ConnectionSettings::ApiFlavour::Submit;
    settings.tlsPinSha256 = profile->tlsPin;
    const QString name = profile->name;

    if (profile->isLocal()) {
        if (!m_local) {
            m_local = new LocalGateway(this);
            connect(m_local, &LocalGateway::failed, this, [this, key, name](const ApiError &e) {
                setState(name, State::Failed, e.message);
                finish(key, e);
            });
        }
        auto start = [this, key, name, settings](const QUrl &url, const QString &token) mutable {
            settings.baseUrl = url;
            settings.secret = token;
            if (settings.user.isEmpty())
                settings.user = localUser();
            adopt(key, name, new LinkisClient(settings, this),
                  tr("Local gateway at %1").arg(url.toString()));
        };
        if (m_local->isReady()) {
            start(m_local->url(), m_local->token());
        } else {
            connect(m_local, &LocalGateway::ready, this, start, Qt::SingleShotConnection);
            m_local->start(m_localOptions);
        }
        return;
    }

    settings.baseUrl = profile->gatewayUrl;
    const std::optional<Profile::SecretKind> kind = profile->requiredSecret();
    auto make = [this, key, name, settings](const QString &secret) mutable {
        settings.secret = secret;
        adopt(key, name, new LinkisClient(settings, this), settings.baseUrl.toString());
    };
    if (!kind || !m_secrets) {
        make(QString());
        return;
    }
    const QString secretKey = Profile::secretKey(name, *kind);
    m_secrets->read(
        secretKey, this,
        [this, key, name, make, secretKey, p = *profile,
         kind = *kind](Result<std::optional<QString>> secret) mutable {
            if (!secret) {
                setState(name, State::Failed, secret.error().message);
                finish(key, secret.error());
                return;
            }
            const QString stored = secret->value_or(QString());
            if (!stored.isEmpty() || !m_secretPrompt) {
                make(stored);
                return;
            }
            const QList<Waiter> &waiters = m_waiting.value(key);
            const bool ask = std::any_of(waiters.cbegin(), waiters.cend(), [](const Waiter &w) {
                return w.context && w.prompt == Prompt::Ask;
            });
            if (!ask) {
                // Nobody asked for this profile: no dialog, no client without its secret.
                const QString why = tr("Not signed in to %1 yet.").arg(name);
                setState(name, State::Unknown, why);
                finish(key, ApiError::make(ApiError::Kind::Auth, why));
                return;
            }
            m_secretPrompt(
                p, kind, m_secrets->notice(), this,
                [this, key, name, make, secretKey](std::optional<QString> typed) mutable {
                    if (!typed || typed->isEmpty()) {
                        const QString why = tr("Sign-in cancelled.");
                        setState(name, State::Failed, why);
                        finish(key, ApiError::make(ApiError::Kind::Cancelled, why));
                        return;
                    }
                    // Kept for the next sign-in: the keyring, or memory.
                    m_secrets->write(secretKey, *typed, this, [](Result<Unit>) {});
                    make(*typed);
                });
        });
}

void ClientPool::adopt(const QString &key, const QString &profileName, LinkisClient *client,
                       const QString &where)
{
    m_clients.insert(key, client);
    // Built is not connected: the state follows the client's requests (ConnectionState).
    auto follow = [this, profileName, where](const ConnectionState &connection) {
        if (connection.isConnected())
            setState(profileName, State::Ready, where);
        else if (connection.isFailure())
            setState(profileName, State::Failed, connection.message);
        else
            setState(profileName, State::Connecting,
                     tr("Waiting for the first answer from %1").arg(where));
    };
    connect(client, &LinkisClient::connectionStateChanged, this,
            [this, key, client, follow](const ConnectionState &connection) {
                if (m_clients.value(key) == client) // not a client replaced by an edit
                    follow(connection);
            });
    follow(client->connectionState());
    finish(key, client);
}

void ClientPool::finish(const QString &key, Result<LinkisClient *> result)
{
    const QList<Waiter> waiters = m_waiting.take(key);
    for (const Waiter &w : waiters) {
        if (w.context)
            w.callback(result);
    }
}

} // namespace linkisdesk
