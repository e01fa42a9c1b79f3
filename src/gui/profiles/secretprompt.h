// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/profile.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace linkisdesk {

// Asks the user for the secret a profile needs when the SecretStore has none (no keyring, or
// the first use of a profile the CLI added): a window-modal password field, opened without a
// nested event loop. `done` gets the text, or nothing when the user cancelled; it is called
// only while `context` lives. The window title is "Sign in \u2014 Linkis Desk".
class SecretPrompt
{
public:
    SecretPrompt() = delete;
    using Done = std::function<void(std::optional<QString>)>;

    static void ask(const Profile &profile, Profile::SecretKind kind, const QString &notice,
                    QObject *context, Done done);
    // The question shown, e.g. "Password of alice for the profile Prod:".
    static QString question(const Profile &profile, Profile::SecretKind kind);
};

} // namespace linkisdesk
