// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnkind.h"

#include <QString>

namespace linkisdesk {

ColumnKind columnKind(QStringView type)
{
    struct Name
    {
        const char *name;
        ColumnKind kind;
    };
    static const Name names[] = {
        {"tinyint", ColumnKind::Integer},    {"smallint", ColumnKind::Integer},
        {"short", ColumnKind::Integer},      {"int", ColumnKind::Integer},
        {"integer", ColumnKind::Integer},    {"long", ColumnKind::Integer},
        {"bigint", ColumnKind::Integer},     {"float", ColumnKind::Real},
        {"double", ColumnKind::Real},        {"real", ColumnKind::Real},
        {"decimal", ColumnKind::Decimal},    {"numeric", ColumnKind::Decimal},
        {"number", ColumnKind::Decimal},     {"bigdecimal", ColumnKind::Decimal},
        {"date", ColumnKind::Date},          {"timestamp", ColumnKind::Timestamp},
        {"datetime", ColumnKind::Timestamp}, {"boolean", ColumnKind::Boolean},
        {"bool", ColumnKind::Boolean},
    };
    qsizetype end = 0;
    while (end < type.size() && type.at(end).isLetter())
        ++end;
    const QStringView base = type.left(end);
    for (const Name &n : names) {
        if (base.compare(QLatin1String(n.name), Qt::CaseInsensitive) == 0)
            return n.kind;
    }
    return ColumnKind::Text;
}

bool isNumeric(ColumnKind kind)
{
    return kind == ColumnKind::Integer || kind == ColumnKind::Decimal || kind == ColumnKind::Real;
}

} // namespace linkisdesk
