// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/packedpage.h"
#include "api/resultpage.h"
#include "results/columnkind.h"

#include <QList>
#include <QString>

#include <atomic>
#include <string>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace linkisdesk {

// An Excel workbook written row by row with libxlsxwriter in its constant-memory mode: one sheet
// per result set, the column names in a bold first row, numbers as numbers (by the column's
// ColumnKind), dates and timestamps as Excel dates (a number with a date format), booleans as
// booleans, NULL as an empty cell, everything else as text. Memory stays
// at one row whatever the size; libxlsxwriter keeps the sheets in temporary files until commit().
//
// The workbook is written under a temporary name beside filePath and renamed over it by
// commit(): a failed or discarded export leaves nothing behind and an existing file untouched.
// Not a QObject and not thread-safe: one thread at a time.
class XlsxWorkbook
{
public:
    // Excel's limits: rows per sheet (with the header row), characters in a cell, sheet name.
    static constexpr qint64 MaxRows = 1048576;
    static constexpr int MaxCellChars = 32767;
    static constexpr int MaxSheetName = 31;

    explicit XlsxWorkbook(const QString &filePath);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook &) = delete;
    XlsxWorkbook &operator=(const XlsxWorkbook &) = delete;

    // False (with errorString()) when the file cannot be created.
    bool open();
    // Starts a sheet for one result set (a table, or a text result as one "text" column). The
    // name is cleaned of the characters Excel refuses and made unique.
    void addSheet(const QString &name, ResultPage::Type type, const QList<ResultColumn> &columns);
    // Appends the page's rows to the current sheet. A sheet that reaches Excel's row limit goes
    // on in a new sheet "<name> (2)" with the header repeated. `stop`, when given, is looked at
    // every few hundred rows: once set, the write ends early (false, "cancelled").
    bool writeRows(const PackedPage &page, const std::atomic_bool *stop = nullptr);
    // Finishes the file and moves it to filePath.
    bool commit();
    // Drops everything written so far.
    void discard();

    QString errorString() const { return m_error; }
    QString filePath() const { return m_filePath; }
    // Text cells cut to Excel's 32,767 characters.
    qint64 truncatedCells() const { return m_truncated; }
    // Integers and decimals with more than 15 significant digits, written as text so that no
    // digit is lost (an Excel number holds 15).
    qint64 numbersAsText() const { return m_numbersAsText; }
    qint64 rowsWritten() const { return m_rows; }

    // A name Excel accepts: no []:*?/\, not empty, at most 31 characters.
    static QString sheetName(const QString &name);

private:
    void startSheet();
    bool writeHeader();
    bool writeCell(int column, QByteArrayView cell);
    bool check(int lxwError);

    QString m_filePath;
    QString m_partPath;
    lxw_workbook *m_book = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_bold = nullptr;
    lxw_format *m_dateFormat = nullptr;
    lxw_format *m_timestampFormat = nullptr;
    QString m_baseName;
    int m_continuation = 0;
    QStringList m_sheetNames;
    QList<ResultColumn> m_columns;
    QList<ColumnKind> m_kinds;
    bool m_text = false;
    qint64 m_sheetRow = 0; // the next row to write in m_sheet
    qint64 m_rows = 0;
    qint64 m_truncated = 0;
    qint64 m_numbersAsText = 0;
    std::string m_cell; // the current cell, NUL-terminated for libxlsxwriter
    QString m_error;
};

} // namespace linkisdesk
