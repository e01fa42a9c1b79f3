// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexerbash.h>

namespace linkisdesk {

// Shell scripts (Linkis runType "sh").
class ShellLexer : public QsciLexerBash
{
    Q_OBJECT
public:
    explicit ShellLexer(QObject *parent = nullptr);
    const char *language() const override;
};

} // namespace linkisdesk
