// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QsciScintilla;

namespace linkisdesk {

// Find / replace bar shown under an editor (Ctrl+F, Ctrl+H, Esc closes).
class FindBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)
public:
    explicit FindBar(QsciScintilla *editor, QWidget *parent = nullptr);

    void showFind();
    void showReplace();
    bool findNext();
    bool findPrevious();
    void replaceCurrent();
    int replaceAll();
    QString findText() const;
    void setFindText(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool find(bool forward, bool fromStart);
    void setReplaceVisible(bool visible);
    void setNotFound(bool notFound);

    QsciScintilla *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_case;
    QCheckBox *m_word;
    QCheckBox *m_regex;
    QToolButton *m_replaceOne;
    QToolButton *m_replaceAll;
    QLabel *m_status;
};

} // namespace linkisdesk
