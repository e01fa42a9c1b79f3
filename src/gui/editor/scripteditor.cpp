// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/scripteditor.h"

#include "metadata/sqlcompletioncontext.h"
#include "theme.h"

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexer.h>
#include <Qsci/qscistyle.h>

#include <QCoreApplication>
#include <QDropEvent>
#include <QFontDatabase>
#include <QHash>
#include <QTimer>

namespace linkisdesk {

namespace {
constexpr int kFlashMs = 700;
constexpr int kErrorStyleBase = 200; // annotation styles live well above the lexers' styles

QColor forDarkBackground(const QColor &c)
{
    // Keep the hue, lift dark colours so they read on a dark background.
    if (c.lightness() >= 140)
        return c;
    QColor h = c.toHsl();
    return QColor::fromHsl(h.hslHue() < 0 ? 0 : h.hslHue(), qMin(h.hslSaturation(), 170),
                           qBound(150, 255 - h.lightness(), 215));
}
// Completion word lists, one per language, prepared once per process. QsciAPIs prepares on a
// worker thread and must not be destroyed while it runs, so the lists live on a holder lexer
// owned by the application instead of on each editor's lexer.
QsciAPIs *sharedApis(ScriptLanguage language)
{
    static QHash<int, QPointer<QsciAPIs>> cache;
    QPointer<QsciAPIs> &apis = cache[int(language)];
    if (!apis) {
        QsciLexer *holder = ScriptLanguages::createLexer(language, QCoreApplication::instance());
        apis = new QsciAPIs(holder);
        const QStringList keywords = QString::fromLatin1(holder->keywords(1)).split(u' ');
        for (const QString &word : keywords) {
            if (!word.isEmpty())
                apis->add(word);
        }
        for (const QString &word : ScriptLanguages::completionWords(language))
            apis->add(word);
        apis->prepare();
    }
    return apis;
}
} // namespace

ScriptEditor::ScriptEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setEolMode(EolUnix);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setAutoIndent(true);
    setIndentationGuides(true);
    setBraceMatching(SloppyBraceMatch);
    setFolding(BoxedTreeFoldStyle, 2);
    setCaretLineVisible(true);
    setMarginLineNumbers(0, true);
    setMarginType(1, SymbolMargin);
    setMarginWidth(1, 14);
    setMarginSensitivity(1, false);
    markerDefine(Circle, ErrorMarker);
    setAutoCompletionSource(AcsAll);
    setAutoCompletionThreshold(3);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    // Standard, not boxed: a box's bottom edge covers the underscores of the note.
    setAnnotationDisplay(AnnotationStandard);
    setScrollWidth(1);
    setScrollWidthTracking(true);
    indicatorDefine(StraightBoxIndicator, FlashIndicator);
    SendScintilla(SCI_INDICSETALPHA, FlashIndicator, 90);
    SendScintilla(SCI_INDICSETUNDER, FlashIndicator, true);
    m_errorStyle = kErrorStyleBase;

    m_flashTimer = new QTimer(this);
    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(kFlashMs);
    connect(m_flashTimer, &QTimer::timeout, this, &ScriptEditor::clearFlash);
    connect(this, &QsciScintilla::linesChanged, this, &ScriptEditor::updateLineNumberWidth);
    // Runs after QsciScintilla's own handler, which may just have opened the completion list.
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, [this] {
        if (isListActive() && caretInCommentOrString())
            cancelList();
    });
    setLanguage(ScriptLanguage::Sql);
}

ScriptEditor::~ScriptEditor() = default;

void ScriptEditor::setLanguage(ScriptLanguage language)
{
    if (m_lexer && language == m_language)
        return;
    m_language = language;
    QsciLexer *old = m_lexer;
    m_lexer = ScriptLanguages::createLexer(language, this);
    m_lexer->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_lexer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_apis = sharedApis(language);
    m_lexer->setAPIs(m_apis);
    setLexer(m_lexer);
    delete old;
    applyColours();
    updateLineNumberWidth();
}

bool ScriptEditor::caretInCommentOrString() const
{
    if (m_language != ScriptLanguage::Sql && m_language != ScriptLanguage::HiveQl)
        return false;
    // The rule SchemaCompleter follows too (SqlCompletionContext, in core).
    return SqlCompletionContext::at(text(), cursorOffset()).inCommentOrString;
}

void ScriptEditor::setDarkTheme(bool dark)
{
    m_dark = dark;
    applyColours();
}

void ScriptEditor::applyColours()
{
    const Theme::EditorColours colours = Theme::editorColours(m_dark);
    const QColor paper = colours.paper;
    const QColor ink = colours.ink;
    const QColor margin = colours.margin;
    const QColor marginInk = colours.marginInk;
    if (m_lexer) {
        for (int style = 0; style < 128; ++style) {
            if (m_lexer->description(style).isEmpty())
                continue;
            QColor c = m_lexer->defaultColor(style);
            if (style == m_lexer->defaultStyle() || c == colours.lexerDefault)
                c = ink;
            m_lexer->setColor(m_dark ? forDarkBackground(c) : c, style);
            m_lexer->setPaper(paper, style);
        }
        m_lexer->setDefaultPaper(paper);
        m_lexer->setDefaultColor(ink);
    }
    setPaper(paper);
    setColor(ink);
    setMarginsBackgroundColor(margin);
    setMarginsForegroundColor(marginInk);
    setFoldMarginColors(margin, margin);
    setCaretForegroundColor(ink);
    setCaretLineBackgroundColor(colours.caretLine);
    setSelectionBackgroundColor(colours.selection);
    setSelectionForegroundColor(ink);
    setMatchedBraceBackgroundColor(colours.matchedBrace);
    setMatchedBraceForegroundColor(ink);
    setUnmatchedBraceForegroundColor(colours.unmatchedBrace);
    setIndentationGuidesBackgroundColor(paper);
    setIndentationGuidesForegroundColor(colours.indentGuide);
    setMarkerBackgroundColor(colours.errorMarker, ErrorMarker);
    setMarkerForegroundColor(colours.errorMarker, ErrorMarker);
    setIndicatorForegroundColor(colours.flash, FlashIndicator);
    // The error annotation style.
    SendScintilla(SCI_STYLESETBACK, m_errorStyle, colours.errorPaper);
    SendScintilla(SCI_STYLESETFORE, m_errorStyle, colours.errorInk);
    SendScintilla(SCI_ANNOTATIONSETSTYLEOFFSET, 0);
}

void ScriptEditor::updateLineNumberWidth()
{
    const int digits = qMax(3, int(QString::number(qMax(1, lines())).size()));
    setMarginWidth(0, QString(digits + 1, u'9'));
}

void ScriptEditor::toggleComment()
{
    const QString prefix = ScriptLanguages::lineCommentPrefix(m_language);
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    if (hasSelectedText()) {
        getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        if (indexTo == 0 && lineTo > lineFrom)
            --lineTo;
    } else {
        getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
    }
    bool allCommented = true;
    bool anyText = false;
    for (int l = lineFrom; l <= lineTo; ++l) {
        const QString t = text(l).trimmed();
        if (t.isEmpty())
            continue;
        anyText = true;
        if (!t.startsWith(prefix))
            allCommented = false;
    }
    if (!anyText)
        return;
    beginUndoAction();
    for (int l = lineFrom; l <= lineTo; ++l) {
        const QString t = text(l);
        if (t.trimmed().isEmpty())
            continue;
        int indent = 0;
        while (indent < t.size() && t.at(indent).isSpace())
            ++indent;
        if (allCommented) {
            int remove = int(prefix.size());
            if (t.mid(indent + prefix.size(), 1) == u" ")
                ++remove;
            setSelection(l, indent, l, indent + remove);
            removeSelectedText();
        } else {
            insertAt(prefix + u' ', l, indent);
        }
    }
    endUndoAction();
    if (lineFrom != lineTo)
        setSelection(lineFrom, 0, lineTo, lineLength(lineTo) - (lineTo + 1 < lines() ? 1 : 0));
}

void ScriptEditor::goToLine(int line)
{
    const int l = qBound(0, line - 1, qMax(0, lines() - 1));
    setCursorPosition(l, 0);
    ensureLineVisible(l);
    setFocus();
}

int ScriptEditor::currentLineNumber() const
{
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void ScriptEditor::markError(int line, const QString &message)
{
    const int l = line - 1;
    if (l < 0 || l >= lines())
        return;
    markerAdd(l, ErrorMarker);
    if (!message.isEmpty())
        annotate(l, message, m_errorStyle);
    if (!m_errorLines.contains(line))
        m_errorLines.append(line);
    ensureLineVisible(l);
}

void ScriptEditor::clearErrors()
{
    markerDeleteAll(ErrorMarker);
    clearAnnotations();
    m_errorLines.clear();
}

QList<int> ScriptEditor::errorLines() const
{
    return m_errorLines;
}

int ScriptEditor::positionFromOffset(int offset) const
{
    return int(text().left(offset).toUtf8().size());
}

int ScriptEditor::offsetFromPosition(int position) const
{
    return int(QString::fromUtf8(text().toUtf8().left(position)).size());
}

bool ScriptEditor::selectionOffsets(int *start, int *end) const
{
    // Asks Scintilla, not QScintilla's hasSelectedText(): that flag can stay set with an empty
    // selection (a restored tab after Ctrl+A and typing), and "Run" then ran nothing.
    auto *self = const_cast<ScriptEditor *>(this);
    const int a = int(self->SendScintilla(SCI_GETSELECTIONSTART));
    const int b = int(self->SendScintilla(SCI_GETSELECTIONEND));
    if (a == b)
        return false;
    *start = offsetFromPosition(a);
    *end = offsetFromPosition(b);
    return true;
}

int ScriptEditor::cursorOffset() const
{
    auto *self = const_cast<ScriptEditor *>(this);
    return offsetFromPosition(int(self->SendScintilla(SCI_GETCURRENTPOS)));
}

void ScriptEditor::selectOffsets(int start, int end)
{
    SendScintilla(SCI_SETSEL, positionFromOffset(start), positionFromOffset(end));
}

void ScriptEditor::flashOffsets(int start, int end)
{
    clearFlash();
    const int a = positionFromOffset(start);
    const int b = positionFromOffset(end);
    if (b <= a)
        return;
    SendScintilla(SCI_SETINDICATORCURRENT, FlashIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, a, b - a);
    m_flashTimer->start();
}

bool ScriptEditor::isFlashing() const
{
    return m_flashTimer->isActive();
}

void ScriptEditor::dropEvent(QDropEvent *event)
{
    QsciScintilla::dropEvent(event);
    // QScintilla leaves the drop caret drawn where the text went in (a second caret that then
    // stays at that offset while you type); leaving the drag clears it.
    QDragLeaveEvent leave;
    QsciScintilla::dragLeaveEvent(&leave);
    // A move inside the editor keeps Scintilla's way (the moved text stays selected).
    if (!event->isAccepted() || event->source() == this)
        return;
    SendScintilla(SCI_SETEMPTYSELECTION, SendScintilla(SCI_GETSELECTIONEND));
    setFocus(Qt::OtherFocusReason);
}

void ScriptEditor::clearFlash()
{
    m_flashTimer->stop();
    SendScintilla(SCI_SETINDICATORCURRENT, FlashIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
}

int ScriptEditor::lineOfOffset(int offset) const
{
    return int(text().left(offset).count(u'\n')) + 1;
}

} // namespace linkisdesk
