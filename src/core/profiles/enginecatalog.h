// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/profile.h"

#include <QPair>
#include <QString>
#include <QStringList>

namespace linkisdesk {

// The engines a job can ask for on a profile's server, written as Linkis labels them
// ("spark-3.4.4"; labels.engineType must carry the version), and the one rule that picks a
// tab's engine. The local gateway runs sqlite, python and shell; a Linkis server runs what it
// was set up with: the profile's engine, the usual Linkis engines at the versions a stock 1.x
// server configures (LabelCommonConfig), and what the user typed before.
class EngineCatalog
{
public:
    // "spark-3.4.4" -> ("spark", "3.4.4"); "sqlite" -> ("sqlite", ""). Engine types have no '-'.
    static QPair<QString, QString> split(const QString &label);
    static QString join(const QString &type, const QString &version);

    static QStringList localEngines(); // sqlite, python, shell
    static QStringList linkisEngines(); // spark-3.2.1, hive-3.1.3, ... (stock defaults)
    // The version a stock Linkis gives an engine type, or "" when it is not a usual one.
    static QString defaultVersion(const QString &type);
    // The profile's own engine label, "" when it names none.
    static QString profileEngine(const Profile &profile);

    // Whether the profile's server can be asked for this engine (a Linkis server has no sqlite).
    static bool runsOn(const Profile &profile, const QString &label);

    // The engines to offer for a tab on the profile, best first. languageTypes: the engine types
    // that run the tab's language, preferred first (ScriptLanguages::suggestedEngines); typed:
    // the labels the user typed before on remote profiles, newest first.
    static QStringList choices(const Profile &profile, const QStringList &languageTypes,
                               const QStringList &typed = {});

    // The engine label a tab submits with: its own choice when it has one the server can run
    // (a remote one without a version gets the profile's or the stock version), else the
    // profile's engine when it runs the language, else the language's first engine there.
    static QString resolve(const Profile &profile, const QString &tabEngine,
                           const QStringList &languageTypes);

    // `typed` with `label` put first (at most 10), for remembering what the user typed.
    static QStringList remember(QStringList typed, const QString &label);
};

} // namespace linkisdesk
