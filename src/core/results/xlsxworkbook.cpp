// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxworkbook.h"

#include "results/isodate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace linkisdesk {

namespace {

// Digits that count: no sign, no leading zeros, no exponent.
int significantDigits(QByteArrayView text)
{
    int digits = 0;
    bool leading = true;
    for (const char c : text) {
        if (c == 'e' || c == 'E')
            break;
        if (c < '0' || c > '9')
            continue;
        if (leading && c == '0')
            continue;
        leading = false;
        ++digits;
    }
    return digits;
}

bool parseNumber(QByteArrayView text, double &value)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value);
}

// The longest prefix of at most `chars` UTF-16 characters (as Excel counts), cut on a UTF-8
// boundary.
qsizetype utf8PrefixFor(QByteArrayView text, int chars)
{
    qsizetype i = 0;
    int units = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text.at(i));
        const int len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const int need = len == 4 ? 2 : 1;
        if (units + need > chars)
            break;
        units += need;
        i = qMin(text.size(), i + len);
    }
    return i;
}

} // namespace

XlsxWorkbook::XlsxWorkbook(const QString &filePath)
    : m_filePath(filePath)
{ }

XlsxWorkbook::~XlsxWorkbook()
{
    discard();
}

QString XlsxWorkbook::sheetName(const QString &name)
{
    QString clean;
    for (const QChar c : name) {
        if (QStringView(u"[]:*?/\\").contains(c) || c.unicode() < 0x20)
            clean.append(u'_');
        else
            clean.append(c);
    }
    // Excel also refuses a name that starts or ends with an apostrophe.
    while (clean.startsWith(u'\''))
        clean.remove(0, 1);
    while (clean.endsWith(u'\''))
        clean.chop(1);
    clean = clean.trimmed();
    if (clean.isEmpty())
        clean = QStringLiteral("Sheet");
    if (clean.size() > MaxSheetName)
        clean.truncate(MaxSheetName);
    return clean;
}

bool XlsxWorkbook::open()
{
    discard();
    m_error.clear();
    m_rows = 0;
    m_truncated = 0;
    m_numbersAsText = 0;
    m_sheetNames.clear();
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    // Claim a unique name beside the target; libxlsxwriter writes the zip there on close.
    QTemporaryFile part(info.absoluteFilePath() + QStringLiteral(".XXXXXX.part"));
    part.setAutoRemove(false);
    if (!part.open()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_filePath, part.errorString());
        return false;
    }
    m_partPath = part.fileName();
    part.close();

    lxw_workbook_options options {};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE; // a sheet past 4 GB of XML still opens
    m_book = workbook_new_opt(QFile::encodeName(m_partPath).constData(), &options);
    if (!m_book) {
        QFile::remove(m_partPath);
        m_partPath.clear();
        m_error = QStringLiteral("cannot start the workbook %1").arg(m_filePath);
        return false;
    }
    m_bold = workbook_add_format(m_book);
    format_set_bold(m_bold);
    m_dateFormat = workbook_add_format(m_book);
    format_set_num_format(m_dateFormat, "yyyy-mm-dd");
    m_timestampFormat = workbook_add_format(m_book);
    format_set_num_format(m_timestampFormat, "yyyy-mm-dd hh:mm:ss");
    return true;
}

void XlsxWorkbook::addSheet(const QString &name, ResultPage::Type type,
                            const QList<ResultColumn> &columns)
{
    m_text = type != ResultPage::Type::Table;
    m_columns =
        m_text ? QList<ResultColumn> {ResultColumn {QStringLiteral("text"), {}, {}}} : columns;
    m_kinds.clear();
    for (const ResultColumn &c : std::as_const(m_columns))
        m_kinds.append(m_text ? ColumnKind::Text : columnKind(c.type));
    m_baseName = sheetName(name);
    m_continuation = 1;
    startSheet();
}

void XlsxWorkbook::startSheet()
{
    if (!m_book)
        return;
    QString name = m_baseName;
    if (m_continuation > 1) {
        const QString suffix = QStringLiteral(" (%1)").arg(m_continuation);
        name = m_baseName.left(MaxSheetName - suffix.size()) + suffix;
    }
    // Unique, case-insensitively as Excel compares.
    const QString base = name;
    for (int n = 2; m_sheetNames.contains(name, Qt::CaseInsensitive); ++n) {
        const QString suffix = QStringLiteral(" %1").arg(n);
        name = base.left(MaxSheetName - suffix.size()) + suffix;
    }
    m_sheetNames.append(name);
    m_sheet = workbook_add_worksheet(m_book, name.toUtf8().constData());
    m_sheetRow = 0;
    if (m_sheet) {
        // Wide enough that a date shows as one, not as ####.
        for (int c = 0; c < m_kinds.size(); ++c) {
            if (m_kinds.at(c) == ColumnKind::Date)
                worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), 11, nullptr);
            else if (m_kinds.at(c) == ColumnKind::Timestamp)
                worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), 19, nullptr);
        }
        writeHeader();
        worksheet_freeze_panes(m_sheet, 1, 0);
    }
}

bool XlsxWorkbook::writeHeader()
{
    for (int c = 0; c < m_columns.size(); ++c) {
        m_cell = m_columns.at(c).name.toStdString();
        if (!check(worksheet_write_string(m_sheet, 0, lxw_col_t(c), m_cell.c_str(), m_bold)))
            return false;
    }
    m_sheetRow = 1;
    return true;
}

bool XlsxWorkbook::check(int lxwError)
{
    if (lxwError == LXW_NO_ERROR)
        return true;
    if (m_error.isEmpty()) {
        m_error = QStringLiteral("cannot write %1: %2")
                      .arg(m_filePath, QString::fromUtf8(lxw_strerror(lxw_error(lxwError))));
    }
    return false;
}

bool XlsxWorkbook::writeCell(int column, QByteArrayView cell)
{
    const lxw_row_t row = lxw_row_t(m_sheetRow);
    const auto col = lxw_col_t(column);
    const ColumnKind kind = column < m_kinds.size() ? m_kinds.at(column) : ColumnKind::Text;
    if (isNumeric(kind)) {
        double value = 0;
        if (parseNumber(cell, value)) {
            if (kind == ColumnKind::Real || significantDigits(cell) <= 15)
                return check(worksheet_write_number(m_sheet, row, col, value, nullptr));
            ++m_numbersAsText;
        }
    } else if (kind == ColumnKind::Date || kind == ColumnKind::Timestamp) {
        // An Excel date is a number of days since 1899-12-30 with a date format; Excel has none
        // before 1900-03-01 (its serial 61), so those stay text.
        const double ms = parseIsoDateMs(cell);
        const double serial = ms / 86400000.0 + 25569.0;
        if (serial >= 61)
            return check(worksheet_write_number(m_sheet, row, col, serial,
                                                kind == ColumnKind::Date ? m_dateFormat
                                                                         : m_timestampFormat));
    } else if (kind == ColumnKind::Boolean) {
        if (cell.compare(QByteArrayView("true"), Qt::CaseInsensitive) == 0)
            return check(worksheet_write_boolean(m_sheet, row, col, 1, nullptr));
        if (cell.compare(QByteArrayView("false"), Qt::CaseInsensitive) == 0)
            return check(worksheet_write_boolean(m_sheet, row, col, 0, nullptr));
    }
    if (cell.size() > MaxCellChars) {
        const qsizetype keep = utf8PrefixFor(cell, MaxCellChars);
        if (keep < cell.size()) {
            cell = cell.first(keep);
            ++m_truncated;
        }
    }
    m_cell.assign(cell.data(), size_t(cell.size()));
    return check(worksheet_write_string(m_sheet, row, col, m_cell.c_str(), nullptr));
}

bool XlsxWorkbook::writeRows(const PackedPage &page, const std::atomic_bool *stop)
{
    if (!m_book || !m_sheet) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("cannot write %1: no sheet").arg(m_filePath);
        return false;
    }
    for (qsizetype r = 0; r < page.rowCount(); ++r) {
        if (stop && r % 256 == 0 && stop->load(std::memory_order_relaxed)) {
            m_error = QStringLiteral("cancelled");
            return false;
        }
        if (m_sheetRow >= MaxRows) {
            ++m_continuation;
            startSheet();
            if (!m_sheet)
                return check(LXW_ERROR_MEMORY_MALLOC_FAILED);
        }
        const qsizetype first = page.firstCell(r);
        const qsizetype end = page.endCell(r);
        for (qsizetype i = first; i < end; ++i) {
            // NULL: no cell at all, so Excel shows it empty (and ISBLANK is true).
            if (page.isNull(i))
                continue;
            if (!writeCell(int(i - first), page.cell(i)))
                return false;
        }
        ++m_sheetRow;
        ++m_rows;
    }
    return true;
}

bool XlsxWorkbook::commit()
{
    if (!m_book)
        return false;
    const lxw_error closed = workbook_close(m_book);
    m_book = nullptr;
    m_sheet = nullptr;
    if (closed != LXW_NO_ERROR) {
        check(closed);
        discard();
        return false;
    }
    // rename(2) replaces an existing file in one step.
    if (std::rename(QFile::encodeName(m_partPath).constData(),
                    QFile::encodeName(m_filePath).constData()) != 0) {
        m_error = QStringLiteral("cannot save %1").arg(m_filePath);
        discard();
        return false;
    }
    m_partPath.clear();
    return true;
}

void XlsxWorkbook::discard()
{
    if (m_book) {
        // Frees the workbook and its temporary files without assembling the zip.
        lxw_workbook_free(m_book);
        m_book = nullptr;
    }
    m_sheet = nullptr;
    if (!m_partPath.isEmpty()) {
        QFile::remove(m_partPath);
        m_partPath.clear();
    }
}

} // namespace linkisdesk
