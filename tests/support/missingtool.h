// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>

namespace linkisdesk::testsupport {

// True when the tests run in CI (CI=true), where every tool a test needs is installed.
inline bool inCi()
{
    return qEnvironmentVariable("CI") == QStringLiteral("true");
}

inline QByteArray missingToolText(const char *why)
{
    return QByteArray(why);
}
inline QByteArray missingToolText(const QString &why)
{
    return why.toUtf8();
}

} // namespace linkisdesk::testsupport

// A test that cannot run because a tool it needs is missing (Xvfb, xdotool, an unlocked keyring,
// lupdate, dbus-daemon, a tmpfs it may mount): it skips with `why` on a developer's machine, and
// fails under CI=true, so that a green CI run means the test ran.
#define LINKISDESK_MISSING_TOOL(why)                                                               \
    do {                                                                                           \
        const QByteArray missingToolWhy_ = ::linkisdesk::testsupport::missingToolText(why);        \
        if (::linkisdesk::testsupport::inCi())                                                     \
            QFAIL(missingToolWhy_.constData());                                                    \
        QSKIP(missingToolWhy_.constData());                                                        \
    } while (false)
