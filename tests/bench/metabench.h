// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace linkisdesk::bench {

// The metadata benchmarks (issue 16) on a database of 10,000 tables x 20 columns that the local
// gateway serves as `big` (a .db file in the bench user's data folder). Ours: the Database dock
// on a MetadataStore with a real MetadataClient, and the SchemaCompleter of a SQL editor on the
// same store. Baseline: a QStandardItemModel filled with every name at once behind a
// QSortFilterProxyModel (and a list of all 200,000 column names behind one for completion).
class MetaBench
{
public:
    static constexpr int Tables = 10000;
    static constexpr int ColumnsPerTable = 20;
    static QString database() { return QStringLiteral("big"); }
    static QString tableName(int i);
    static QString columnName(int table, int column);
    // Writes the SQLite file the gateway serves as `big` (from the user's data folder).
    static bool createDatabase(const QString &path, int tables, QString *error);

    MetaBench(const QUrl &url, const QString &token, int tables);

    // meta_tables_paint_ms, meta_filter_ms, complete_popup_ms, meta_rss_mb
    QJsonObject runOurs();
    QJsonObject runNaive();

private:
    QUrl m_url;
    QString m_token;
    int m_tables;
};

} // namespace linkisdesk::bench
