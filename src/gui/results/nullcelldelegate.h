// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace linkisdesk {

// Shows SQL NULL cells (ResultTableModel::IsNullRole) in grey italics, unlike the text "NULL".
class NullCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NullCellDelegate)
public:
    explicit NullCellDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace linkisdesk
