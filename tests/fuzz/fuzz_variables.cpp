// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: variable substitution (${name}, ${name+N}, @set lines, params, run_date).
#include "fuzzcheck.h"
#include "script/variablesubstitution.h"

#include <QDate>

#include <cstddef>
#include <cstdint>

using namespace linkisdesk;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Input: "params\0code"; params are name=value lines, like the request's variables.
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\0');
    const QString paramText = QString::fromUtf8(split < 0 ? QByteArray() : input.left(split));
    const QString code = QString::fromUtf8(split < 0 ? input : input.mid(split + 1));
    QMap<QString, QString> params;
    const auto lines = paramText.split(u'\n');
    for (const QString &line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            params.insert(line.left(eq), line.mid(eq + 1));
    }
    const auto outcome = VariableSubstitution::apply(code, params, QDate(2024, 2, 29));
    fuzz::checkResult(outcome);
    QStringList unresolved;
    (void)VariableSubstitution::substitute(code, params, &unresolved);
    return 0;
}
