// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

namespace linkisdesk {

// What to run. Engine "sqlite" + runType "sql", "python" + "python", "shell" + "sh" on the local
// gateway; "spark"/"hive"/... on a real Linkis.
struct SubmitRequest
{
    QString code;
    QString runType; // sql, python, sh, scala, ...
    QString engineType; // spark, hive, sqlite, python, shell, ...
    QString engineVersion; // "3.4.4"; empty: the engine type alone is sent as the label
    QString creator = QStringLiteral("IDE");
    QVariantMap variables; // params.variable
    QVariantMap startup; // params.configuration.startup
    QVariantMap runtime; // params.configuration.runtime
    QVariantMap special; // params.configuration.special
    QString scriptPath; // source.scriptPath
    QVariantMap labels; // extra labels; engineType/userCreator are filled in when absent
    QString executeUser; // empty: the connection's proxy user or user

    // The 1.x body of POST entrance/submit for the given user: labels engineType
    // "<engine>-<version>" and userCreator "<user>-<creator>".
    QJsonObject toSubmitJson(const QString &user) const;
    // The 0.x body of POST entrance/execute (the seed's format).
    QJsonObject toExecuteJson() const;
    // "<engineType>-<engineVersion>", or engineType alone when no version is set.
    QString engineLabel() const;
};

} // namespace linkisdesk
