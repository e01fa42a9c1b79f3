// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace linkisdesk {

// How result rows are written to a file or a pipe.
enum class RowFormat {
    Tsv, // tab-separated, header line first, NULL as NULL, \t \n \r \\ escaped
    Csv, // RFC 4180: CRLF line ends, fields quoted when needed, NULL as NULL
    Json, // JSON lines: one object per row, NULL as null
    Xlsx, // Excel workbook (XlsxWorkbook): a file only, never a pipe; NULL as an empty cell
};

// "tsv", "csv", "json" (or "jsonl") or "xlsx" (case-insensitive); nullopt for anything else.
std::optional<RowFormat> rowFormatFromName(QStringView name);
QString rowFormatName(RowFormat format);
// File name extension without the dot: "tsv", "csv", "jsonl", "xlsx".
QString rowFormatExtension(RowFormat format);

} // namespace linkisdesk
