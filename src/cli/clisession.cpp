// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisession.h"

#include "api/linkisclient.h"
#include "localgateway/localgateway.h"
#include "profiles/keychainsecretstore.h"
#include "profiles/profilestore.h"

#include <QFile>
#include <QTimer>

namespace linkisdesk {

namespace {

ApiError usage(const QString &message)
{
    return ApiError::make(ApiError::Kind::Usage, message);
}

QString envSecretName(Profile::SecretKind kind)
{
    switch (kind) {
    case Profile::SecretKind::Password: return QStringLiteral("LINKIS_DESK_PASSWORD");
    case Profile::SecretKind::Token: return QStringLiteral("LINKIS_DESK_TOKEN");
    case Profile::SecretKind::ValidationCode: return QStringLiteral("LINKIS_DESK_VALIDATION_CODE");
    }
    return {};
}

QString secretWord(Profile::SecretKind kind)
{
    switch (kind) {
    case Profile::SecretKind::Password: return QStringLiteral("password");
    case Profile::SecretKind::Token: return QStringLiteral("token");
    case Profile::SecretKind::ValidationCode: return QStringLiteral("validation code");
    }
    return {};
}

QString loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    return name.isEmpty() ? QStringLiteral("linkis") : name;
}

} // namespace

CliSession::CliSession(const CliArguments &args, QObject *parent)
    : QObject(parent)
    , m_args(args)
{ }

CliSession::~CliSession() = default;

Result<ProfileStore *> CliSession::profiles()
{
    if (!m_profiles) {
        m_profiles = std::make_unique<ProfileStore>();
        if (auto loaded = m_profiles->load(); !loaded)
            return loaded.error();
    }
    return m_profiles.get();
}

SecretStore *CliSession::secrets()
{
    if (!m_secrets)
        m_secrets = new KeychainSecretStore(this);
    return m_secrets;
}

ConnectionSettings::AuthMode CliSession::clientAuthMode(Profile::AuthMode mode)
{
    switch (mode) {
    case Profile::AuthMode::Password: return ConnectionSettings::AuthMode::Password;
    case Profile::AuthMode::Token:
    case Profile::AuthMode::Local: return ConnectionSettings::AuthMode::Token;
    case Profile::AuthMode::SeedProxy: return ConnectionSettings::AuthMode::SeedProxy;
    case Profile::AuthMode::LinkisProxy: return ConnectionSettings::AuthMode::LinkisProxy;
    }
    return ConnectionSettings::AuthMode::None;
}

Result<Profile> CliSession::effectiveProfile()
{
    Profile p;
    if (!m_args.profile.isEmpty()) {
        auto store = profiles();
        if (!store)
            return store.error();
        const auto found = (*store)->profile(m_args.profile);
        if (!found)
            return usage(tr("no profile called \"%1\" (see: linkis-desk-cli profile list)")
                             .arg(m_args.profile));
        p = *found;
    } else {
        p.name.clear();
        p.gatewayUrl = QUrl(m_args.server);
        // Without --auth, the secret that was given decides.
        if (qEnvironmentVariableIsSet("LINKIS_DESK_TOKEN"))
            p.auth = Profile::AuthMode::Token;
        else if (qEnvironmentVariableIsSet("LINKIS_DESK_VALIDATION_CODE"))
            p.auth = Profile::AuthMode::SeedProxy;
        else
            p.auth = Profile::AuthMode::Password;
    }
    if (!m_args.user.isEmpty())
        p.user = m_args.user;
    if (!m_args.auth.isEmpty()) {
        if (m_args.auth == QLatin1String("password"))
            p.auth = Profile::AuthMode::Password;
        else if (m_args.auth == QLatin1String("token"))
            p.auth = Profile::AuthMode::Token;
        else if (m_args.auth == QLatin1String("linkis-proxy"))
            p.auth = Profile::AuthMode::LinkisProxy;
        else if (!(p.auth == Profile::AuthMode::LinkisProxy))
            p.auth = Profile::AuthMode::SeedProxy; // "proxy": the seed's Proxy-User headers
    }
    if (!m_args.proxyUser.isEmpty())
        p.proxyUser = m_args.proxyUser;
    if (m_args.api == QLatin1String("execute"))
        p.api = Profile::ApiFlavour::Execute;
    else if (m_args.api == QLatin1String("submit"))
        p.api = Profile::ApiFlavour::Submit;
    if (p.user.isEmpty() && p.isLocal())
        p.user = loginName();
    return p;
}

std::optional<QString> CliSession::secretFromInput(const Profile &profile)
{
    const auto kind = profile.requiredSecret();
    if (!kind)
        return std::nullopt;
    if (m_args.passwordStdin) {
        if (!m_stdinRead) {
            m_stdinRead = true;
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly)) {
                QString line = QString::fromUtf8(in.readLine());
                while (line.endsWith(u'\n') || line.endsWith(u'\r'))
                    line.chop(1);
                m_stdinSecret = line;
            }
        }
        if (m_stdinSecret && !m_stdinSecret->isEmpty())
            return m_stdinSecret;
    }
    const QString env = qEnvironmentVariable(envSecretName(*kind).toLatin1().constData());
    if (!env.isEmpty())
        return env;
    return std::nullopt;
}

void CliSession::withSecret(const Profile &profile, std::function<void(Result<QString>)> next)
{
    const auto kind = profile.requiredSecret();
    if (!kind) {
        next(QString());
        return;
    }
    if (auto given = secretFromInput(profile)) {
        next(*given);
        return;
    }
    const QString missing =
        tr("no %1 for %2: use --password-stdin or %3%4")
            .arg(secretWord(*kind), profile.user.isEmpty() ? tr("the gateway") : profile.user,
                 envSecretName(*kind),
                 profile.name.isEmpty() ? QString() : tr(", or store one with profile add"));
    if (profile.name.isEmpty()) {
        next(ApiError::make(ApiError::Kind::Auth, missing));
        return;
    }
    // The keyring is touched only here, when nothing else gave the secret.
    secrets()->read(Profile::secretKey(profile.name, *kind), this,
                    [next, missing](Result<std::optional<QString>> r) {
                        if (!r) {
                            next(ApiError::make(ApiError::Kind::Auth,
                                                missing + QStringLiteral(" (keyring: ") +
                                                    r.error().message + u')'));
                        } else if (!r.value() || r.value()->isEmpty()) {
                            next(ApiError::make(ApiError::Kind::Auth, missing));
                        } else {
                            next(*r.value());
                        }
                    });
}

Result<int> CliSession::timeoutSec() const
{
    if (m_args.timeoutSec > 0)
        return m_args.timeoutSec;
    const QString env = qEnvironmentVariable("LINKIS_DESK_TIMEOUT");
    if (env.trimmed().isEmpty())
        return int(CliArguments::defaultTimeoutSec);
    return CliArguments::timeoutFrom(QStringLiteral("LINKIS_DESK_TIMEOUT"), env);
}

void CliSession::open(QObject *context, std::function<void(Result<LinkisClient *>)> done)
{
    QPointer<QObject> ctx(context);
    auto deliver = [ctx, done](Result<LinkisClient *> r) {
        if (ctx)
            done(std::move(r));
    };
    if (m_client) {
        QTimer::singleShot(0, this, [this, deliver] { deliver(m_client); });
        return;
    }
    auto p = effectiveProfile();
    const auto timeout = timeoutSec();
    if (!p || !timeout) {
        const ApiError error = !p ? p.error() : timeout.error();
        QTimer::singleShot(0, this, [deliver, error] { deliver(error); });
        return;
    }
    m_profile = *p;
    m_timeoutSec = *timeout;
    if (m_profile.isLocal()) {
        openLocal(deliver);
        return;
    }
    withSecret(m_profile, [this, deliver](Result<QString> secret) {
        if (!secret) {
            deliver(secret.error());
            return;
        }
        m_client = makeClient(m_profile, m_profile.gatewayUrl, *secret);
        deliver(m_client);
    });
}

void CliSession::openLocal(std::function<void(Result<LinkisClient *>)> done)
{
    m_local = new LocalGateway(this);
    connect(m_local, &LocalGateway::ready, this,
            [this, done](const QUrl &url, const QString &token) {
                m_client = makeClient(m_profile, url, token);
                done(m_client);
            });
    connect(m_local, &LocalGateway::failed, this, [done](const ApiError &error) { done(error); });
    LocalGateway::Options options;
    options.detached = true; // the next command reuses it
    m_local->start(options);
}

LinkisClient *CliSession::makeClient(const Profile &profile, const QUrl &url, const QString &secret)
{
    ConnectionSettings settings;
    settings.baseUrl = url;
    settings.authMode = clientAuthMode(profile.auth);
    settings.user = profile.user;
    settings.proxyUser = profile.proxyUser;
    settings.secret = secret;
    settings.flavour = profile.api == Profile::ApiFlavour::Execute
        ? ConnectionSettings::ApiFlavour::Execute
        : ConnectionSettings::ApiFlavour::Submit;
    settings.tlsPinSha256 = profile.tlsPin;
    settings.timeoutMs = m_timeoutSec * 1000;
    return new LinkisClient(settings, this);
}

} // namespace linkisdesk
