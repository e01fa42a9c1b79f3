// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace linkisdesk::gateway {

// A validated submission from entrance/execute (0.x body) or entrance/submit (1.x body).
struct JobRequest
{
    enum class Kind { Sqlite, Python, Shell };
    Kind kind = Kind::Sqlite;
    QString engineType; // as named by the client, lower case, without version
    QString engineVersion; // from the label, or the default for the engine
    QString runType;
    QString code;
    QString creator; // requestApplicationName / the creator part of userCreator
    QString submitUser;
    QString executeUser;
    QJsonObject params;
    QJsonObject source;
    QJsonObject labels; // as sent, plus engineType/userCreator/codeType filled in
    QMap<QString, QString> variables;
    int runningTimeoutSec = 0; // labels.jobRunningTimeout; 0 = none
};

} // namespace linkisdesk::gateway
