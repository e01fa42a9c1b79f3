// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/nullcelldelegate.h"

#include "results/columnkind.h"
#include "results/resulttablemodel.h"

namespace linkisdesk {

NullCellDelegate::NullCellDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void NullCellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString type =
        index.model()
            ->headerData(index.column(), Qt::Horizontal, ResultTableModel::ColumnTypeRole)
            .toString();
    if (isNumeric(columnKind(type)))
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    if (index.data(ResultTableModel::IsNullRole).toBool()) {
        option->font.setItalic(true);
        QColor grey = option->palette.color(QPalette::Text);
        grey.setAlpha(120);
        option->palette.setColor(QPalette::Text, grey);
        option->displayAlignment = Qt::AlignCenter;
    }
}

} // namespace linkisdesk
