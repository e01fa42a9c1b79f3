// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexerpython.h>

namespace linkisdesk {

// Python (and PySpark) scripts.
class PythonLexer : public QsciLexerPython
{
    Q_OBJECT
public:
    explicit PythonLexer(QObject *parent = nullptr);
};

} // namespace linkisdesk
