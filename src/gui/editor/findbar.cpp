// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/findbar.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace linkisdesk {

FindBar::FindBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_word(new QCheckBox(tr("Whole words"), this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_replaceOne(new QToolButton(this))
    , m_replaceAll(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *prev = new QToolButton(this);
    prev->setText(tr("Previous"));
    prev->setArrowType(Qt::UpArrow);
    prev->setToolTip(tr("Find previous (Shift+F3)"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Find next (F3)"));
    m_replaceOne->setText(tr("Replace"));
    m_replaceAll->setText(tr("Replace all"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(prev, 0, 1);
    grid->addWidget(next, 0, 2);
    grid->addWidget(m_case, 0, 3);
    grid->addWidget(m_word, 0, 4);
    grid->addWidget(m_regex, 0, 5);
    grid->addWidget(m_status, 0, 6);
    grid->addWidget(close, 0, 7, Qt::AlignRight);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceOne, 1, 1, 1, 2);
    grid->addWidget(m_replaceAll, 1, 3);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(6, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_find, &QLineEdit::textEdited, this, [this] { find(true, true); });
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(prev, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(m_replaceOne, &QToolButton::clicked, this, &FindBar::replaceCurrent);
    connect(m_replaceAll, &QToolButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    hide();
}

void FindBar::showFind()
{
    setReplaceVisible(false);
    show();
    if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(u'\n'))
        m_find->setText(m_editor->selectedText());
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::showReplace()
{
    showFind();
    setReplaceVisible(true);
}

void FindBar::setReplaceVisible(bool visible)
{
    m_replace->setVisible(visible);
    m_replaceOne->setVisible(visible);
    m_replaceAll->setVisible(visible);
}

QString FindBar::findText() const
{
    return m_find->text();
}

void FindBar::setFindText(const QString &text)
{
    m_find->setText(text);
}

bool FindBar::find(bool forward, bool fromStart)
{
    const QString needle = m_find->text();
    if (needle.isEmpty()) {
        setNotFound(false);
        return false;
    }
    int line = -1, index = -1;
    if (fromStart || !forward) {
        int lf = 0, if_ = 0, lt = 0, it = 0;
        if (m_editor->hasSelectedText()) {
            m_editor->getSelection(&lf, &if_, &lt, &it);
            line = lf;
            index = if_;
        }
    }
    const bool found =
        m_editor->findFirst(needle, m_regex->isChecked(), m_case->isChecked(), m_word->isChecked(),
                            true, forward, line, index, true, false, true);
    setNotFound(!found);
    return found;
}

bool FindBar::findNext()
{
    return find(true, false);
}

bool FindBar::findPrevious()
{
    return find(false, false);
}

void FindBar::replaceCurrent()
{
    if (m_editor->hasSelectedText()) {
        const QString selected = m_editor->selectedText();
        const bool matches = m_regex->isChecked() ||
            selected.compare(m_find->text(),
                             m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0;
        if (matches)
            m_editor->replace(m_replace->text());
    }
    findNext();
}

int FindBar::replaceAll()
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    int count = 0;
    m_editor->beginUndoAction();
    bool found = m_editor->findFirst(needle, m_regex->isChecked(), m_case->isChecked(),
                                     m_word->isChecked(), false, true, 0, 0, false);
    while (found) {
        m_editor->replace(m_replace->text());
        ++count;
        found = m_editor->findNext();
    }
    m_editor->endUndoAction();
    m_status->setText(tr("%n replaced", nullptr, count));
    return count;
}

void FindBar::setNotFound(bool notFound)
{
    m_find->setProperty("notFound", notFound);
    m_find->setStyleSheet(notFound ? QStringLiteral("QLineEdit { background: rgba(220,60,60,40); }")
                                   : QString());
    m_status->setText(notFound ? tr("Not found") : QString());
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    if (event->key() == Qt::Key_F3) {
        if (event->modifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace linkisdesk
