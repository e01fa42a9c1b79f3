// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilecommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "profiles/enginecatalog.h"
#include "profiles/linkiscliimport.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "results/rowwriter.h"
#include "submitcommand.h"
#include "taskformat.h"

namespace linkisdesk {

ProfileCommand::~ProfileCommand()
{
    m_request.cancel();
}

void ProfileCommand::start()
{
    const QString &action = m_args.profileAction;
    if (action == u"list")
        list();
    else if (action == u"add")
        add();
    else if (action == u"remove")
        remove();
    else if (action == u"test")
        test();
    else if (action == u"import-linkis-cli")
        importLinkisCli();
    else
        fail(tr("unknown profile action \"%1\"").arg(action), ExitUsage);
}

void ProfileCommand::list()
{
    auto store = m_session->profiles();
    if (!store) {
        fail(store.error());
        return;
    }
    const QString defaultName = (*store)->defaultProfileName();
    if (!m_out.json())
        m_out.write("NAME\tDEFAULT\tAUTH\tUSER\tGATEWAY\tENGINE\tLABEL\n");
    for (const Profile &p : (*store)->profiles()) {
        const bool isDefault = p.name.compare(defaultName, Qt::CaseInsensitive) == 0;
        if (m_out.json()) {
            QJsonObject o = p.toJson();
            o.insert(QStringLiteral("default"), isDefault);
            m_out.write(TaskFormat::jsonLine(o));
            continue;
        }
        QByteArray line;
        const QString engine =
            p.engineVersion.isEmpty() ? p.engine : p.engine + u'-' + p.engineVersion;
        const QStringList cells {p.name,
                                 isDefault ? QStringLiteral("*") : QString(),
                                 Profile::authModeName(p.auth),
                                 p.user,
                                 p.gatewayUrl.toString(),
                                 engine,
                                 p.label};
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                line.append('\t');
            RowWriter::appendTsvField(line, cells.at(i));
        }
        line.append('\n');
        m_out.write(line);
    }
    finish(ExitOk);
}

void ProfileCommand::add()
{
    auto base = m_session->effectiveProfile();
    if (!base) {
        fail(base.error());
        return;
    }
    Profile p = *base;
    p.name = m_args.profileName;
    if (!m_args.engine.isEmpty()) {
        const auto [type, version] = EngineCatalog::split(m_args.engine);
        p.engine = type;
        p.engineVersion = version;
    }
    if (!m_args.creator.isEmpty())
        p.creator = m_args.creator;
    if (!m_args.label.isEmpty())
        p.label = m_args.label;
    if (!m_args.color.isEmpty())
        p.colour = m_args.color;
    auto store = m_session->profiles();
    if (!store) {
        fail(store.error());
        return;
    }
    if (auto added = (*store)->add(p); !added) {
        fail(added.error());
        return;
    }
    // Only a secret given on purpose (--password-stdin) is stored.
    const QString secret =
        m_args.passwordStdin ? m_session->secretFromInput(p).value_or(QString()) : QString();
    storeSecretThenFinish(p, secret, tr("profile \"%1\" added").arg(p.name));
}

void ProfileCommand::storeSecretThenFinish(const Profile &profile, const QString &secret,
                                           const QString &message)
{
    const auto kind = profile.requiredSecret();
    if (secret.isEmpty() || !kind) {
        if (!m_out.quiet())
            m_out.notice(message);
        finish(ExitOk);
        return;
    }
    SecretStore *secrets = m_session->secrets();
    secrets->write(Profile::secretKey(profile.name, *kind), secret, this,
                   [this, secrets, message](Result<Unit> written) {
                       if (!written) {
                           fail(tr("%1, but its secret was not saved: %2")
                                    .arg(message, written.error().message),
                                ExitServer);
                           return;
                       }
                       if (!secrets->persistent())
                           m_out.notice(secrets->notice());
                       if (!m_out.quiet())
                           m_out.notice(message);
                       finish(ExitOk);
                   });
}

void ProfileCommand::remove()
{
    auto store = m_session->profiles();
    if (!store) {
        fail(store.error());
        return;
    }
    const auto existing = (*store)->profile(m_args.profileName);
    if (!existing) {
        fail(tr("no profile called \"%1\"").arg(m_args.profileName), ExitUsage);
        return;
    }
    if (auto removed = (*store)->remove(m_args.profileName); !removed) {
        fail(removed.error());
        return;
    }
    const QString message = tr("profile \"%1\" removed").arg(existing->name);
    const auto kind = existing->requiredSecret();
    if (!kind) {
        if (!m_out.quiet())
            m_out.notice(message);
        finish(ExitOk);
        return;
    }
    m_session->secrets()->remove(Profile::secretKey(existing->name, *kind), this,
                                 [this, message](Result<Unit>) {
                                     if (!m_out.quiet())
                                         m_out.notice(message);
                                     finish(ExitOk);
                                 });
}

void ProfileCommand::test()
{
    m_session->open(this, [this](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        LinkisClient *c = *client;
        const auto mode = c->settings().authMode;
        // Header modes have no login: user/userInfo answers before the gateway checks a token,
        // so an authenticated call is the real test. Login modes log in first, then do the same.
        if (mode == ConnectionSettings::AuthMode::Token ||
            mode == ConnectionSettings::AuthMode::SeedProxy) {
            probe(c, c->settings().user);
            return;
        }
        m_request = c->login(this, [this, c](Result<LoginInfo> info) {
            if (!info) {
                fail(info.error());
                return;
            }
            probe(c, info->userName.isEmpty() ? c->settings().user : info->userName);
        });
    });
}

void ProfileCommand::probe(LinkisClient *client, const QString &user)
{
    TaskQuery query;
    query.pageSize = 1;
    m_request = client->jobList(query, this, [this, client, user](Result<TaskPage> page) {
        if (!page) {
            fail(page.error());
            return;
        }
        const QString url = client->settings().baseUrl.toString();
        if (m_out.json()) {
            m_out.write(TaskFormat::jsonLine(QJsonObject {{QStringLiteral("ok"), true},
                                                          {QStringLiteral("user"), user},
                                                          {QStringLiteral("gateway"), url}}));
        } else {
            m_out.writeLine(tr("OK: %1 at %2").arg(user, url));
        }
        finish(ExitOk);
    });
}

void ProfileCommand::importLinkisCli()
{
    const QString name =
        m_args.profileName.isEmpty() ? QStringLiteral("linkis-cli") : m_args.profileName;
    auto imported = LinkisCliImport::fromFile(m_args.importFile, name);
    if (!imported) {
        fail(imported.error());
        return;
    }
    auto store = m_session->profiles();
    if (!store) {
        fail(store.error());
        return;
    }
    if (auto added = (*store)->add(imported->profile); !added) {
        fail(added.error());
        return;
    }
    storeSecretThenFinish(imported->profile, imported->secret,
                          tr("profile \"%1\" imported from %2").arg(name, m_args.importFile));
}

} // namespace linkisdesk
