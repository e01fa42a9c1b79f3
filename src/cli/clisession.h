// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/connectionsettings.h"
#include "api/result.h"
#include "cliarguments.h"
#include "profiles/profile.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace linkisdesk {

class LinkisClient;
class LocalGateway;
class ProfileStore;
class SecretStore;

// What a command needs to reach the gateway: the profile the arguments name (or one made of
// --server/--user/--auth), its secret (--password-stdin, the environment, or the profile's
// keyring entry, in that order) and the LinkisClient built from them. Nothing is read, and the
// keyring is not touched, until a command asks.
class CliSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliSession)
public:
    explicit CliSession(const CliArguments &args, QObject *parent = nullptr);
    ~CliSession() override;

    // The profile store (loaded on first use).
    Result<ProfileStore *> profiles();
    // The keyring (created on first use).
    SecretStore *secrets();

    // The profile the arguments describe, with --user/--auth/--proxy-user/--api applied.
    Result<Profile> effectiveProfile();
    // The secret for `profile` from --password-stdin or the environment, if given there.
    std::optional<QString> secretFromInput(const Profile &profile);
    // Profile auth mode as the client knows it.
    static ConnectionSettings::AuthMode clientAuthMode(Profile::AuthMode mode);

    // Builds the client (once); `done` runs from the event loop, while `context` lives. Every
    // request of the client waits at most --timeout, else LINKIS_DESK_TIMEOUT, else
    // CliArguments::defaultTimeoutSec seconds for the server.
    void open(QObject *context, std::function<void(Result<LinkisClient *>)> done);
    LinkisClient *client() const { return m_client; }
    // The profile in use after open().
    const Profile &profile() const { return m_profile; }

private:
    Result<int> timeoutSec() const;
    void withSecret(const Profile &profile, std::function<void(Result<QString>)> next);
    void openLocal(std::function<void(Result<LinkisClient *>)> done);
    LinkisClient *makeClient(const Profile &profile, const QUrl &url, const QString &secret);

    const CliArguments &m_args;
    std::unique_ptr<ProfileStore> m_profiles;
    SecretStore *m_secrets = nullptr;
    LocalGateway *m_local = nullptr;
    LinkisClient *m_client = nullptr;
    Profile m_profile;
    int m_timeoutSec = CliArguments::defaultTimeoutSec;
    std::optional<QString> m_stdinSecret;
    bool m_stdinRead = false;
};

} // namespace linkisdesk
