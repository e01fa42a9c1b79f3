// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace linkisdesk {

class ShortcutSettings;

// The keyboard shortcuts, grouped by menu, with a filter. As a sheet (Help → Keyboard shortcuts,
// F1) it only shows them; in Edit mode (Settings → Keyboard shortcuts…) a shortcut is chosen by
// pressing it, conflicts are named, and entries can be reset to their defaults.
class ShortcutDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutDialog)
public:
    enum class Mode { Sheet, Edit };

    ShortcutDialog(ShortcutSettings *shortcuts, Mode mode, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filter() const { return m_filter; }
    QKeySequenceEdit *sequenceEdit() const { return m_sequence; }
    QLabel *conflictLabel() const { return m_conflict; }
    // Edit mode: assigns the sequence in the editor to the selected action.
    void assignCurrent();
    void selectId(const QString &id);

private:
    void fill();
    void applyFilter(const QString &text);
    void onSelection();
    void updateConflict();
    QString selectedId() const;

    ShortcutSettings *m_shortcuts;
    Mode m_mode;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QKeySequenceEdit *m_sequence = nullptr;
    QLabel *m_conflict = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_reset = nullptr;
};

} // namespace linkisdesk
