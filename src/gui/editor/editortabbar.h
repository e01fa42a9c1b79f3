// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTabBar>

namespace linkisdesk {

// The editor's tab bar: names are elided in the middle ("Untit…7.sql" keeps the number and the
// suffix) but never below MinimumVisibleChars characters; past that the bar scrolls instead of
// squeezing every name to "U…y".
class EditorTabBar : public QTabBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorTabBar)
public:
    static constexpr int MinimumVisibleChars = 14;

    explicit EditorTabBar(QWidget *parent = nullptr);

    // The narrowest a tab may become: its full width when it is short, else room for
    // MinimumVisibleChars characters of its name.
    QSize minimumTabSizeHint(int index) const override;
};

} // namespace linkisdesk
