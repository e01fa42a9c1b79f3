// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/scriptlanguage.h"

#include <Qsci/qsciscintilla.h>

#include <QList>
#include <QPointer>

class QsciAPIs;
class QTimer;

namespace linkisdesk {

// The script editor: QScintilla with what every language shares (line numbers, folding,
// brace matching, zoom, comment toggle, error markers with inline messages, go to line,
// keyword completion) and one lexer instance of the tab's language.
// Offsets in this API are QString offsets into text(), not Scintilla byte positions.
class ScriptEditor : public QsciScintilla
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptEditor)
public:
    explicit ScriptEditor(QWidget *parent = nullptr);
    ~ScriptEditor() override;

    ScriptLanguage language() const { return m_language; }
    void setLanguage(ScriptLanguage language);
    void setDarkTheme(bool dark);
    bool isDarkTheme() const { return m_dark; }

    // Comments out the selected lines (or the current line), or uncomments them when every
    // non-blank line already starts with the language's comment prefix.
    void toggleComment();
    // 1-based line numbers, as people and error messages count.
    void goToLine(int line);
    int currentLineNumber() const;
    void markError(int line, const QString &message);
    void clearErrors();
    QList<int> errorLines() const;

    // The selection as offsets, or nothing when nothing is selected.
    bool selectionOffsets(int *start, int *end) const;
    int cursorOffset() const;
    void selectOffsets(int start, int end);
    // Highlights a range for a moment (what just ran).
    void flashOffsets(int start, int end);
    bool isFlashing() const;
    // 1-based line number of a text offset.
    int lineOfOffset(int offset) const;

    static constexpr int ErrorMarker = 1;
    static constexpr int FlashIndicator = 9;

protected:
    // Text dropped in from elsewhere (a name from the Database dock, another program) leaves
    // the caret after it and the keyboard in the editor: typing goes on after the name instead
    // of going to the drag's source or replacing the selected drop.
    void dropEvent(QDropEvent *event) override;

private:
    int positionFromOffset(int offset) const;
    int offsetFromPosition(int position) const;
    void updateLineNumberWidth();
    void applyColours();
    void clearFlash();
    // Whether the caret is in an SQL comment or string literal: no completion list there.
    bool caretInCommentOrString() const;

    ScriptLanguage m_language = ScriptLanguage::Sql;
    QsciLexer *m_lexer = nullptr;
    QsciAPIs *m_apis = nullptr;
    QTimer *m_flashTimer = nullptr;
    QList<int> m_errorLines;
    bool m_dark = false;
    int m_errorStyle = 0;
};

} // namespace linkisdesk
