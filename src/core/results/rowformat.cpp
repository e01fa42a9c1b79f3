// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowformat.h"

namespace linkisdesk {

std::optional<RowFormat> rowFormatFromName(QStringView name)
{
    if (name.compare(u"tsv", Qt::CaseInsensitive) == 0)
        return RowFormat::Tsv;
    if (name.compare(u"csv", Qt::CaseInsensitive) == 0)
        return RowFormat::Csv;
    if (name.compare(u"json", Qt::CaseInsensitive) == 0 ||
        name.compare(u"jsonl", Qt::CaseInsensitive) == 0)
        return RowFormat::Json;
    if (name.compare(u"xlsx", Qt::CaseInsensitive) == 0)
        return RowFormat::Xlsx;
    return std::nullopt;
}

QString rowFormatName(RowFormat format)
{
    switch (format) {
    case RowFormat::Tsv: return QStringLiteral("tsv");
    case RowFormat::Csv: return QStringLiteral("csv");
    case RowFormat::Json: return QStringLiteral("json");
    case RowFormat::Xlsx: return QStringLiteral("xlsx");
    }
    return {};
}

QString rowFormatExtension(RowFormat format)
{
    return format == RowFormat::Json ? QStringLiteral("jsonl") : rowFormatName(format);
}

} // namespace linkisdesk
