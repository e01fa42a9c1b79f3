// SPDX-License-Identifier: GPL-3.0-or-later
#include "numberformat.h"

#include <QLocale>

namespace linkisdesk {

namespace {

constexpr int kMinDigits = 15; // digits a value needs before its tail can be noise
constexpr int kMinRun = 5; // 0s or 9s in a row
constexpr int kMaxStray = 2; // digits after the run

} // namespace

QString displayReal(const QString &text)
{
    if (text.size() < kMinDigits)
        return text; // too short to hold 15 significant digits
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !qIsFinite(value) || value == 0)
        return text;
    // The shortest text that reads back as the same double, as d.ddde±x.
    const QString e = QString::number(value, 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf(u'e');
    QString digits = e.left(ePos);
    const bool negative = digits.startsWith(u'-');
    digits.remove(u'-').remove(u'.');
    int exponent = e.mid(ePos + 1).toInt();
    if (digits.size() < kMinDigits)
        return text;

    // The first run of kMinRun or more 0s or 9s that leaves at most kMaxStray digits after it.
    const qsizetype n = digits.size();
    qsizetype runStart = -1;
    for (qsizetype i = 1; i < n && runStart < 0; ++i) {
        const QChar c = digits.at(i);
        if (c != u'0' && c != u'9')
            continue;
        qsizetype j = i;
        while (j < n && digits.at(j) == c)
            ++j;
        if (j - i >= kMinRun && n - j <= kMaxStray)
            runStart = i;
        i = j - 1;
    }
    if (runStart < 0)
        return text;

    QString kept = digits.left(runStart);
    if (digits.at(runStart) == u'9') {
        // Round up: add one to the kept digits, carrying.
        qsizetype k = kept.size() - 1;
        while (k >= 0 && kept.at(k) == u'9')
            kept[k--] = u'0';
        if (k >= 0) {
            kept[k] = QChar(kept.at(k).unicode() + 1);
        } else {
            kept.prepend(u'1');
            ++exponent;
        }
    }
    const double rounded = QStringLiteral("%1%2.%3e%4")
                               .arg(negative ? QStringLiteral("-") : QString(), kept.left(1),
                                    kept.size() > 1 ? kept.mid(1) : QStringLiteral("0"))
                               .arg(exponent)
                               .toDouble();
    const bool scientific = text.contains(u'e') || text.contains(u'E');
    return QString::number(rounded, scientific ? 'g' : 'f', QLocale::FloatingPointShortest);
}

} // namespace linkisdesk
