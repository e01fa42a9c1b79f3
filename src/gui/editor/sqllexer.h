// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexersql.h>

namespace linkisdesk {

// SQL and HiveQL: Scintilla's SQL lexer plus the Hive and Spark SQL keywords analysts use.
class SqlLexer : public QsciLexerSQL
{
    Q_OBJECT
public:
    explicit SqlLexer(bool hive, QObject *parent = nullptr);
    const char *language() const override;
    const char *keywords(int set) const override;

private:
    bool m_hive;
};

} // namespace linkisdesk
