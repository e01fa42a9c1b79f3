// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellcopy.h"

#include "results/rowwriter.h"

#include <QRegularExpression>

namespace linkisdesk::CellCopy {

namespace {

QString written(const CellBlock &block, RowFormat format, bool withHeader)
{
    RowWriter writer(format);
    writer.setTable(block.columns);
    QByteArray out;
    if (withHeader)
        writer.writeHeader(out);
    for (qsizetype r = 0; r < block.rows.size(); ++r)
        writer.writeRow(block.rows.at(r), r < block.nulls.size() ? block.nulls.at(r) : QBitArray(),
                        out);
    return QString::fromUtf8(out);
}

QString identifier(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(name).hasMatch())
        return name;
    QString quoted = name;
    quoted.replace(u'`', QStringLiteral("``"));
    return u'`' + quoted + u'`';
}

QString literal(const QString &value, ColumnKind kind)
{
    static const QRegularExpression number(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (isNumeric(kind) && number.match(value).hasMatch())
        return value;
    if (kind == ColumnKind::Boolean &&
        (value.compare(u"true", Qt::CaseInsensitive) == 0 ||
         value.compare(u"false", Qt::CaseInsensitive) == 0))
        return value.toUpper();
    QString quoted = value;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

QString tsv(const CellBlock &block, bool withHeader)
{
    if (!withHeader && block.rows.size() == 1 && block.rows.first().size() == 1)
        return block.isNull(0, 0) ? QStringLiteral("NULL") : block.rows.first().first();
    return written(block, RowFormat::Tsv, withHeader);
}

QString csv(const CellBlock &block)
{
    return written(block, RowFormat::Csv, true);
}

QString sqlInsert(const CellBlock &block, const QString &table)
{
    if (block.rows.isEmpty())
        return {};
    QStringList names;
    for (const QString &column : block.columns)
        names << identifier(column);
    QString out = QStringLiteral("INSERT INTO %1 (%2) VALUES\n")
                      .arg(identifier(table), names.join(QStringLiteral(", ")));
    for (qsizetype r = 0; r < block.rows.size(); ++r) {
        const QStringList &cells = block.rows.at(r);
        QStringList values;
        for (qsizetype c = 0; c < block.columns.size(); ++c) {
            values << (block.isNull(r, c)
                           ? QStringLiteral("NULL")
                           : literal(cells.value(c), block.kinds.value(c, ColumnKind::Text)));
        }
        out += QStringLiteral("  (") + values.join(QStringLiteral(", ")) +
            (r + 1 < block.rows.size() ? QStringLiteral("),\n") : QStringLiteral(");\n"));
    }
    return out;
}

} // namespace linkisdesk::CellCopy
