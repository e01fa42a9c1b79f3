// SPDX-License-Identifier: GPL-3.0-or-later
#include "logs/errorline.h"

#include <QRegularExpression>

namespace linkisdesk {

ErrorLine ErrorLine::find(QStringView message)
{
    static const QRegularExpression re(QStringLiteral("\\bline[\\s:]*(\\d+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(message);
    ErrorLine found;
    if (!m.hasMatch())
        return found;
    bool ok = false;
    found.line = m.capturedView(1).toInt(&ok);
    if (!ok || found.line <= 0)
        return ErrorLine();
    found.numberStart = m.capturedStart(1);
    found.numberLength = m.capturedLength(1);
    return found;
}

QString ErrorLine::renumbered(QStringView message, int line)
{
    const ErrorLine found = find(message);
    QString text = message.toString();
    if (found.line > 0 && line > 0)
        text.replace(found.numberStart, found.numberLength, QString::number(line));
    return text;
}

} // namespace linkisdesk
