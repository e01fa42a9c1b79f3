// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace linkisdesk {

// What a workspace script's header holds (linkis-protocol-2.md §3.6): the variables (`@set`)
// and the configuration (`conf@set configuration <startup|runtime|special> k=v`, and the third
// level `conf@set special <group> k=v`). It is `metadata` in openFile replies and `params` in
// saveScript requests.
struct ScriptMetadata
{
    QMap<QString, QString> variables;
    QMap<QString, QString> startup;
    QMap<QString, QString> runtime;
    QMap<QString, QString> special;
    // configuration.special.<group>.<key>: kept so that a save gives them back.
    QMap<QString, QMap<QString, QString>> specialGroups;

    bool isEmpty() const;
    bool operator==(const ScriptMetadata &) const = default;

    // {"variable":{...},"configuration":{"startup":{},"runtime":{},"special":{...}}}: the
    // `params` object saveScript needs (the three configuration maps always present, as
    // Scriptis sends them).
    QJsonObject toParams() const;
    // An openFile `metadata` object (or a saveScript `params`); values that are not strings
    // are printed, anything else of unknown shape is skipped.
    static ScriptMetadata fromJson(const QJsonObject &object);
};

} // namespace linkisdesk
