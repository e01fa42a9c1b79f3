// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "profile.h"

#include <QHash>
#include <QString>

#include <optional>

namespace linkisdesk {

// Turns a linkis-cli.properties file into a profile plus the secret to store for it.
//   wds.linkis.client.common.gatewayUrl   -> gatewayUrl
//   wds.linkis.client.common.authStrategy -> token: AuthMode::Token, secret Token = tokenValue
//                                            static: AuthMode::Password, secret Password =
//                                            tokenValue
//   wds.linkis.client.common.tokenKey     -> Profile::tokenKey (and the login user for static
//                                            when no submitUser is given)
//   wds.linkis.client.common.tokenValue   -> the secret (never put in the profile)
//   wds.linkis.client.common.submitUser / .proxyUser, when present -> user / proxyUser
// The user defaults to the login name of this machine's user.
class LinkisCliImport
{
public:
    Profile profile;
    std::optional<Profile::SecretKind> secretKind;
    QString secret; // empty when the file holds no tokenValue

    static Result<LinkisCliImport> fromFile(const QString &path, const QString &profileName);
    static Result<LinkisCliImport> fromProperties(const QHash<QString, QString> &properties,
                                                  const QString &profileName);
    // Java .properties syntax: comments, key=value / key: value / key value, continuation
    // lines, \uXXXX and the usual escapes.
    static QHash<QString, QString> parseProperties(const QByteArray &text);
};

} // namespace linkisdesk
