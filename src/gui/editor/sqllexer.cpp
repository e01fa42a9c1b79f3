// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/sqllexer.h"

namespace linkisdesk {

SqlLexer::SqlLexer(bool hive, QObject *parent)
    : QsciLexerSQL(parent)
    , m_hive(hive)
{
    setFoldComments(true);
    setFoldCompact(false);
}

const char *SqlLexer::language() const
{
    return m_hive ? "HiveQL" : "SQL";
}

const char *SqlLexer::keywords(int set) const
{
    if (set == 1) {
        // Standard SQL plus Hive / Spark SQL words. Lower case: the lexer is case-insensitive.
        return "absolute action add all alter analyze and any array as asc between bigint "
               "binary boolean both bucket buckets by cache cascade case cast change char "
               "cluster clustered collection columns column comment compute create cross "
               "cube current database databases date datetime decimal default delete desc "
               "describe directory distinct distribute double drop else end escaped except "
               "exchange exists explain extended external false fetch fields file fileformat "
               "first float following for format formatted from full function functions "
               "grant group grouping having if ignore in index inner inpath inputformat insert "
               "int integer intersect interval into is items join keys last lateral left like "
               "limit lines load local location map merge msck not null nulls of on or order "
               "out outer outputformat over overwrite partition partitioned partitions percent "
               "preceding primary purge range reduce refresh rename repair replace revoke right "
               "rlike role rollup row rows schema schemas select semi serde serdeproperties set "
               "sets show skewed smallint sort sorted stored string struct table tables "
               "tablesample tblproperties temporary terminated then timestamp tinyint to "
               "transform true truncate unbounded union uniontype unique unset update use "
               "using values varchar view when where window with";
    }
    return QsciLexerSQL::keywords(set);
}

} // namespace linkisdesk
