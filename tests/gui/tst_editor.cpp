// SPDX-License-Identifier: GPL-3.0-or-later
// The editor stack: languages, comment toggle, error marks, find/replace, tabs and files.
#include "editor/editortabs.h"
#include "editor/findbar.h"
#include "editor/scripteditor.h"
#include "editor/scriptlanguage.h"
#include "editor/scripttab.h"

#include <Qsci/qscilexer.h>

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;

class TestEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void languageFromFileName_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::newRow("sql") << "a.sql"
                             << "sql";
        QTest::newRow("hql") << "dir/b.HQL"
                             << "hql";
        QTest::newRow("py") << "c.py"
                            << "python";
        QTest::newRow("scala") << "d.scala"
                               << "scala";
        QTest::newRow("r") << "e.R"
                           << "r";
        QTest::newRow("sh") << "f.sh"
                            << "sh";
        QTest::newRow("unknown") << "g.txt"
                                 << "sql";
    }
    void languageFromFileName()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QCOMPARE(ScriptLanguages::id(ScriptLanguages::fromFileName(file)), id);
        QCOMPARE(ScriptLanguages::fromId(id), ScriptLanguages::fromFileName(file));
    }

    void lexersPerLanguage()
    {
        ScriptEditor editor;
        editor.setLanguage(ScriptLanguage::R);
        QCOMPARE(QByteArray(editor.lexer()->lexer()), QByteArray("r"));
        QVERIFY(QByteArray(editor.lexer()->keywords(1)).contains("function"));
        editor.setLanguage(ScriptLanguage::Scala);
        QVERIFY(QByteArray(editor.lexer()->keywords(1)).contains("object"));
        QVERIFY(QByteArray(editor.lexer()->keywords(1)).contains("def"));
        editor.setLanguage(ScriptLanguage::Shell);
        QCOMPARE(QByteArray(editor.lexer()->language()), QByteArray("Shell"));
        editor.setLanguage(ScriptLanguage::HiveQl);
        QVERIFY(QByteArray(editor.lexer()->keywords(1)).contains("partitioned"));
    }

    void toggleCommentSqlAndPython()
    {
        ScriptEditor editor;
        editor.setText(QStringLiteral("select 1;\n  select 2;\n"));
        editor.setSelection(0, 0, 1, 4);
        editor.toggleComment();
        QCOMPARE(editor.text(), QStringLiteral("-- select 1;\n  -- select 2;\n"));
        editor.setSelection(0, 0, 1, 4);
        editor.toggleComment();
        QCOMPARE(editor.text(), QStringLiteral("select 1;\n  select 2;\n"));

        editor.setLanguage(ScriptLanguage::Python);
        editor.setText(QStringLiteral("x = 1\n"));
        editor.setCursorPosition(0, 2);
        editor.toggleComment();
        QCOMPARE(editor.text(), QStringLiteral("# x = 1\n"));
    }

    // An error note must show every character: in a boxed annotation the underscore fell on the
    // box's bottom edge, and "no_such_table" read "no such table".
    void errorNoteShowsUnderscores()
    {
        ScriptEditor editor;
        editor.resize(600, 200);
        editor.setText(QStringLiteral("select * from no_such_table;\n"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto noteImage = [&editor](const QString &note) {
            editor.clearErrors();
            editor.markError(1, note);
            editor.viewport()->repaint();
            return editor.viewport()->grab().toImage();
        };
        const QImage spaces = noteImage(QStringLiteral("no such table: no such table"));
        const QImage underscores = noteImage(QStringLiteral("no such table: no_such_table"));
        QCOMPARE(underscores.size(), spaces.size());
        QVERIFY2(underscores != spaces, "the underscores of the note are not drawn");
    }

    void errorMarkersAndGoToLine()
    {
        ScriptEditor editor;
        editor.setText(QStringLiteral("a\nb\nc\nd\n"));
        editor.markError(3, QStringLiteral("syntax error near c"));
        QCOMPARE(editor.errorLines(), QList<int> {3});
        QVERIFY(editor.markersAtLine(2) & (1 << ScriptEditor::ErrorMarker));
        QCOMPARE(editor.annotation(2), QStringLiteral("syntax error near c"));
        editor.markError(99, QStringLiteral("ignored"));
        QCOMPARE(editor.errorLines().size(), 1);
        editor.clearErrors();
        QVERIFY(editor.errorLines().isEmpty());
        QCOMPARE(editor.markersAtLine(2) & (1 << ScriptEditor::ErrorMarker), 0u);
        editor.goToLine(4);
        QCOMPARE(editor.currentLineNumber(), 4);
    }

    void offsetsWithNonAscii()
    {
        ScriptEditor editor;
        editor.setText(QStringLiteral("select '\u00e9t\u00e9';\nselect 2;"));
        const int second = int(editor.text().indexOf(QStringLiteral("select 2")));
        editor.selectOffsets(second, second + 8);
        int a = -1, b = -1;
        QVERIFY(editor.selectionOffsets(&a, &b));
        QCOMPARE(a, second);
        QCOMPARE(b, second + 8);
        QCOMPARE(editor.selectedText(), QStringLiteral("select 2"));
        QCOMPARE(editor.lineOfOffset(second), 2);
        editor.flashOffsets(a, b);
        QVERIFY(editor.isFlashing());
        QTRY_VERIFY(!editor.isFlashing());
    }

    // Ctrl+A then typing leaves no selection: Run must take the statement under the cursor,
    // not the empty "selection" QScintilla still reports (Run said "Nothing to run.").
    void typingOverSelectAllLeavesNoSelection()
    {
        ScriptEditor editor;
        editor.resize(400, 200);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setText(QStringLiteral("select 1;"));
        editor.setCursorPosition(0, 9);
        editor.setFocus();
        QTest::keyClick(&editor, Qt::Key_A, Qt::ControlModifier);
        int a = -1, b = -1;
        QVERIFY(editor.selectionOffsets(&a, &b));
        QCOMPARE(b - a, 9);
        QTest::keyClicks(&editor, QStringLiteral("select 42;"));
        QCOMPARE(editor.text(), QStringLiteral("select 42;"));
        QVERIFY2(!editor.selectionOffsets(&a, &b),
                 qPrintable(QStringLiteral("%1..%2").arg(a).arg(b)));
        QCOMPARE(editor.cursorOffset(), 10);
    }

    // Typing "-- scenario:log-order" offered "order", "orders": no list in comments and strings.
    void noCompletionInSqlCommentsAndStrings()
    {
        ScriptEditor editor;
        editor.resize(500, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setFocus();
        // The list does open in code (the word lists are prepared on a worker thread).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                editor.setText(QString());
                QTest::keyClicks(&editor, QStringLiteral("select ord"));
                const bool open = editor.isListActive();
                editor.cancelList();
                return open;
            }(),
            10000);
        const QStringList quiet {QStringLiteral("-- scenario:log-ord"),
                                 QStringLiteral("select 1 -- group ord"),
                                 QStringLiteral("/* see the ord"), QStringLiteral("select 'ord"),
                                 QStringLiteral("select \"ord")};
        for (const QString &typed : quiet) {
            editor.setText(QString());
            QTest::keyClicks(&editor, typed);
            QVERIFY2(!editor.isListActive(), qPrintable(typed));
        }
        // Back in code after the comment: completion again.
        editor.setText(QString());
        QTest::keyClicks(&editor, QStringLiteral("/* x */ select ord"));
        QVERIFY(editor.isListActive());
    }

    void findAndReplace()
    {
        ScriptEditor editor;
        FindBar bar(&editor);
        editor.setText(QStringLiteral("foo bar foo baz FOO"));
        bar.setFindText(QStringLiteral("foo"));
        QVERIFY(bar.findNext());
        QCOMPARE(editor.selectedText(), QStringLiteral("foo"));
        bar.showReplace();
        QCOMPARE(bar.replaceAll(), 3); // case-insensitive by default
        QVERIFY(!editor.text().contains(QStringLiteral("foo"), Qt::CaseInsensitive));
        bar.setFindText(QStringLiteral("missing"));
        QVERIFY(!bar.findNext());
    }

    void tabsSaveOpenAndPrompt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        EditorTabs tabs;
        QStringList recent;
        connect(&tabs, &EditorTabs::recentFilesChanged, this,
                [&recent](const QStringList &files) { recent = files; });
        ScriptTab *tab = tabs.newTab(ScriptLanguage::Sql);
        QCOMPARE(tabs.tabText(0), QStringLiteral("Untitled-1.sql"));
        tab->editor()->setText(QStringLiteral("select 1;"));
        QVERIFY(tab->isModified());
        QVERIFY(tabs.tabText(0).endsWith(QStringLiteral("\u25CF")));

        const QString path = dir.filePath(QStringLiteral("script.py"));
        tabs.setSavePathPrompt([&path](ScriptTab *) { return path; });
        QVERIFY(tabs.save(tab));
        QCOMPARE(tab->language(), ScriptLanguage::Python); // follows the new suffix
        QCOMPARE(tabs.tabText(0), QStringLiteral("script.py"));
        QCOMPARE(recent, QStringList {path});
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("select 1;"));

        // Opening the same file again focuses the existing tab.
        QCOMPARE(tabs.openFile(path), tab);
        QCOMPARE(tabs.count(), 1);

        // Unsaved changes: Cancel keeps the tab, Discard closes it.
        tab->editor()->append(QStringLiteral("\nx = 2"));
        int asked = 0;
        tabs.setClosePrompt([&asked](ScriptTab *) {
            ++asked;
            return asked == 1 ? EditorTabs::CloseAnswer::Cancel : EditorTabs::CloseAnswer::Discard;
        });
        QVERIFY(!tabs.closeTab(0));
        QCOMPARE(tabs.count(), 1);
        QVERIFY(tabs.closeTab(0));
        QCOMPARE(tabs.count(), 0);
        QCOMPARE(asked, 2);

        QSignalSpy errors(&tabs, &EditorTabs::fileError);
        QVERIFY(!tabs.openFile(dir.filePath(QStringLiteral("nope.sql"))));
        QCOMPARE(errors.count(), 1);
    }
};

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
