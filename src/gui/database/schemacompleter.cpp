// SPDX-License-Identifier: GPL-3.0-or-later
#include "database/schemacompleter.h"

#include "editor/scripteditor.h"
#include "editor/scriptlanguage.h"
#include "metadata/metadatastore.h"

#include <Qsci/qscilexer.h>

#include <QShortcut>

namespace linkisdesk {

namespace {

bool isWordChar(int ch)
{
    return ch == '_' || ch == '$' || QChar(ch).isLetterOrNumber();
}

} // namespace

SchemaCompleter::SchemaCompleter(ScriptEditor *editor, StoreFn store)
    : QObject(editor)
    , m_editor(editor)
    , m_store(std::move(store))
{
    connect(editor, &QsciScintilla::SCN_CHARADDED, this, &SchemaCompleter::onCharAdded);
    auto *shortcut = new QShortcut(QKeySequence(QStringLiteral("Ctrl+Space")), editor);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (isSql())
            complete();
        else if (m_editor)
            m_editor->autoCompleteFromAll();
    });
    syncLanguage();
}

SchemaCompleter::~SchemaCompleter() = default;

bool SchemaCompleter::isSql() const
{
    return m_editor &&
        (m_editor->language() == ScriptLanguage::Sql ||
         m_editor->language() == ScriptLanguage::HiveQl);
}

void SchemaCompleter::syncLanguage()
{
    if (!m_editor)
        return;
    m_words.clear();
    m_editor->setAutoCompletionSource(isSql() ? QsciScintilla::AcsNone : QsciScintilla::AcsAll);
}

QStringList SchemaCompleter::words()
{
    if (m_words.isEmpty() && m_editor) {
        if (QsciLexer *lexer = m_editor->lexer()) {
            const QStringList keywords = QString::fromLatin1(lexer->keywords(1)).split(u' ');
            for (const QString &word : keywords) {
                if (!word.isEmpty())
                    m_words << word;
            }
        }
        m_words += ScriptLanguages::completionWords(m_editor->language());
    }
    return m_words;
}

void SchemaCompleter::watch(MetadataStore *store)
{
    if (store == m_watched)
        return;
    if (m_watched)
        disconnect(m_watched, nullptr, this, nullptr);
    m_watched = store;
    if (!store)
        return;
    connect(store, &MetadataStore::databasesLoaded, this, [this] { onLevelLoaded({}, {}); });
    connect(store, &MetadataStore::tablesLoaded, this,
            [this](const QString &db) { onLevelLoaded(db, {}); });
    connect(store, &MetadataStore::columnsLoaded, this,
            [this](const QString &db, const QString &table) { onLevelLoaded(db, table); });
}

void SchemaCompleter::onCharAdded(int ch)
{
    if (!isSql() || !m_editor)
        return;
    if (ch == '.') {
        show(false);
        return;
    }
    if (!isWordChar(ch))
        return;
    const int cursor = m_editor->cursorOffset();
    const QString text = m_editor->text();
    int start = cursor;
    while (start > 0 && isWordChar(text.at(start - 1).unicode()))
        --start;
    if (m_editor->isListActive()) {
        // An open list filters itself as the user types; once the word is typed out and
        // nothing longer matches, it has nothing left to offer and would only stay in the way.
        if (isTypedOut(QStringView(text).mid(start, cursor - start)))
            m_editor->cancelList();
        return;
    }
    const bool afterDot = start > 0 && text.at(start - 1) == u'.';
    if (afterDot || cursor - start >= 2)
        show(false);
}

bool SchemaCompleter::isTypedOut(QStringView word) const
{
    if (word.isEmpty())
        return false;
    int matches = 0;
    bool exact = false;
    for (const QString &item : m_lastItems) {
        if (!item.startsWith(word, Qt::CaseInsensitive))
            continue;
        if (++matches > 1)
            return false;
        exact = item.size() == word.size();
    }
    return exact;
}

bool SchemaCompleter::complete()
{
    return show(false, true);
}

void SchemaCompleter::onLevelLoaded(const QString &database, const QString &table)
{
    const MetadataCompletion::Level level {database, table};
    bool waited = false;
    for (const auto &w : std::as_const(m_waitingFor)) {
        if (w.database.compare(level.database, Qt::CaseInsensitive) == 0 &&
            w.table.compare(level.table, Qt::CaseInsensitive) == 0)
            waited = true;
    }
    if (!waited || !m_editor || !m_editor->hasFocus())
        return;
    // The names arrived: fill the list in if the user is still where they asked.
    show(false);
}

bool SchemaCompleter::show(bool onlyIfActive, bool asked)
{
    if (!m_editor || (onlyIfActive && !m_editor->isListActive()))
        return false;
    MetadataStore *store = m_store ? m_store() : nullptr;
    watch(store);
    const QString text = m_editor->text();
    const SqlCompletionContext context = SqlCompletionContext::at(text, m_editor->cursorOffset());
    MetadataCache empty;
    const MetadataCompletion::Candidates candidates =
        MetadataCompletion::complete(context, store ? store->cache() : empty, words());
    m_waitingFor = candidates.missing;
    if (store) {
        for (const auto &level : candidates.missing) {
            if (level.database.isEmpty())
                store->requestDatabases(MetadataStore::Fetch::IfMissing);
            else if (level.table.isEmpty())
                store->requestTables(level.database, MetadataStore::Fetch::IfMissing);
            else
                store->requestColumns(level.database, level.table, MetadataStore::Fetch::IfMissing);
        }
    }
    m_lastItems = candidates.items;
    if (candidates.items.isEmpty() || context.inCommentOrString ||
        (!asked && isTypedOut(context.prefix))) {
        if (m_editor->isListActive())
            m_editor->cancelList();
        return false;
    }
    // Scintilla's own list: it replaces the typed prefix on selection and keeps filtering as
    // the user types.
    const char separator = char(m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCGETSEPARATOR));
    QStringList items;
    items.reserve(candidates.items.size());
    for (const QString &item : candidates.items) {
        if (!item.contains(QLatin1Char(separator)))
            items << item;
    }
    const QByteArray list = items.join(QLatin1Char(separator)).toUtf8();
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETORDER,
                            QsciScintillaBase::SC_ORDER_PERFORMSORT);
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETIGNORECASE, true);
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETAUTOHIDE, true);
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSHOW,
                            static_cast<unsigned long>(context.prefix.toUtf8().size()),
                            list.constData());
    return true;
}

} // namespace linkisdesk
