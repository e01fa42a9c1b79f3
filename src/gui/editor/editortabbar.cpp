// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editortabbar.h"

#include <QFontMetrics>

namespace linkisdesk {

EditorTabBar::EditorTabBar(QWidget *parent)
    : QTabBar(parent)
{
    setObjectName(QStringLiteral("editorTabBar"));
    setElideMode(Qt::ElideMiddle);
    setUsesScrollButtons(true);
    setExpanding(false);
}

QSize EditorTabBar::minimumTabSizeHint(int index) const
{
    // Qt's minimum keeps three characters and the ellipsis; widen it by the characters missing
    // (measured with wide characters too, so Chinese names keep more than an ellipsis).
    QSize size = QTabBar::minimumTabSizeHint(index);
    const QFontMetrics metrics = fontMetrics();
    const QString name = tabText(index);
    const int charWidth = qMax(metrics.averageCharWidth(),
                               name.isEmpty() ? 0 : metrics.horizontalAdvance(name) / name.size());
    const int full = tabSizeHint(index).width();
    size.setWidth(qMin(full, size.width() + charWidth * (MinimumVisibleChars - 3)));
    return size;
}

} // namespace linkisdesk
