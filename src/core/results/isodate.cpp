// SPDX-License-Identifier: GPL-3.0-or-later
#include "isodate.h"

#include <limits>

namespace linkisdesk {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(QByteArrayView s, qsizetype at, int n, int *out)
{
    if (at + n > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s.at(at + i);
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

} // namespace

double parseIsoDateMs(QByteArrayView s)
{
    int year = 0, month = 0, day = 0;
    if (!digits(s, 0, 4, &year) || s.size() < 10 || s.at(4) != '-' || !digits(s, 5, 2, &month) ||
        s.at(7) != '-' || !digits(s, 8, 2, &day) || month < 1 || month > 12 || day < 1 || day > 31)
        return kNaN;
    double ms = double(daysFromCivil(year, unsigned(month), unsigned(day))) * 86400000.0;
    if (s.size() == 10)
        return ms;
    int hour = 0, minute = 0, second = 0;
    if ((s.at(10) != ' ' && s.at(10) != 'T') || !digits(s, 11, 2, &hour) || s.size() < 16 ||
        s.at(13) != ':' || !digits(s, 14, 2, &minute))
        return kNaN;
    qsizetype at = 16;
    if (at < s.size() && s.at(at) == ':') {
        if (!digits(s, at + 1, 2, &second))
            return kNaN;
        at += 3;
    }
    double fraction = 0;
    if (at < s.size() && s.at(at) == '.') {
        double scale = 0.1;
        for (++at; at < s.size() && s.at(at) >= '0' && s.at(at) <= '9'; ++at, scale /= 10)
            fraction += (s.at(at) - '0') * scale;
    }
    if (at < s.size() && s.at(at) == 'Z')
        ++at;
    if (at != s.size())
        return kNaN; // an offset or anything else: not guessed at
    return ms + hour * 3600000.0 + minute * 60000.0 + second * 1000.0 + fraction * 1000.0;
}

} // namespace linkisdesk
