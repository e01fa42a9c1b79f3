// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metadata/metadatacompletion.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace linkisdesk {

class MetadataStore;
class ScriptEditor;

// Schema-aware completion in one SQL editor: keywords, functions, databases, the tables of
// `db.`, the columns of the statement's tables (through aliases too). The names come from the
// profile's MetadataStore; levels it does not have yet are fetched in the background and the
// open list fills in when they arrive, so typing never waits. Nothing opens inside comments and
// strings. Other languages keep the editor's own word completion.
class SchemaCompleter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaCompleter)
public:
    using StoreFn = std::function<MetadataStore *()>;

    SchemaCompleter(ScriptEditor *editor, StoreFn store);
    ~SchemaCompleter() override;

    // Shows the list for the cursor now (Ctrl+Space); false when there is nothing to offer.
    bool complete();
    // What the last list offered (tests, benchmarks).
    QStringList lastItems() const { return m_lastItems; }
    // Uses the editor's own completion for languages other than SQL, this one for SQL.
    void syncLanguage();

private:
    void onCharAdded(int ch);
    void onLevelLoaded(const QString &database, const QString &table);
    // `asked`: Ctrl+Space, which shows the list even for a word already typed out.
    bool show(bool onlyIfActive, bool asked = false);
    // The list holds one name starting with `word`, and it is `word` itself.
    bool isTypedOut(QStringView word) const;
    bool isSql() const;
    QStringList words();
    void watch(MetadataStore *store);

    QPointer<ScriptEditor> m_editor;
    StoreFn m_store;
    QPointer<MetadataStore> m_watched;
    QList<MetadataCompletion::Level> m_waitingFor;
    QStringList m_words;
    QStringList m_lastItems;
};

} // namespace linkisdesk
