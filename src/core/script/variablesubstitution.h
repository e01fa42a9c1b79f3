// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

namespace linkisdesk {

// Linkis-style variables: `${name}` (optionally `${name+N}` / `${name-N}`) in code, defined by
// in-code `--@set name=value` (SQL), `#@set name=value` (python, shell) or `//@set name=value`
// (scala) lines, by the request's params.variable, and by built-in date variables relative to
// run_date (yyyyMMdd, default yesterday). Priority: @set, then params, then built-ins.
// Undefined variables stay as written and are reported in `unresolved`.
class VariableSubstitution
{
public:
    struct Outcome
    {
        QString code; // the code with every resolvable ${...} replaced
        QMap<QString, QString> variables; // every variable in effect (after priority rules)
        QStringList unresolved; // names used in the code but not defined
    };

    // Built-in variables for a run date: run_date, run_date_std, run_today(_std),
    // run_mon(_std), run_month_begin/_end(_std), run_year_begin/_end(_std).
    static QMap<QString, QString> builtIns(const QDate &runDate);

    // The `@set` definitions found in the code. A line with an empty name or a second '='
    // is an error (Linkis 20044).
    static Result<QMap<QString, QString>> setLines(const QString &code);

    // Replaces ${...} references; names not in `vars` stay as written.
    static QString substitute(const QString &code, const QMap<QString, QString> &vars,
                              QStringList *unresolved = nullptr);

    // All of it: @set lines > params > built-ins. `today` is the local date; run_date defaults
    // to the day before and may itself be overridden by @set or params.
    static Result<Outcome> apply(const QString &code, const QMap<QString, QString> &params,
                                 const QDate &today);
};

} // namespace linkisdesk
