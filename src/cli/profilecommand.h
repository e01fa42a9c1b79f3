// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "commandrunner.h"
#include "profiles/profile.h"

namespace linkisdesk {

class LinkisClient;

// profile list | add NAME | remove NAME | test [NAME] | import-linkis-cli FILE: the profiles the
// GUI uses too (ProfileStore), secrets in the keyring.
class ProfileCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileCommand)
public:
    using CommandRunner::CommandRunner;
    ~ProfileCommand() override;

    void start() override;

private:
    void list();
    void add();
    void remove();
    void test();
    // An authenticated call (one job from history) proves the credentials work.
    void probe(LinkisClient *client, const QString &user);
    void importLinkisCli();
    // Writes the secret to the keyring (if any), then finishes with `message`.
    void storeSecretThenFinish(const Profile &profile, const QString &secret,
                               const QString &message);

    RequestHandle m_request;
};

} // namespace linkisdesk
