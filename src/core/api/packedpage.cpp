// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/packedpage.h"

namespace linkisdesk {

PackedPage PackedPage::fromPage(const ResultPage &page)
{
    PackedPage packed;
    packed.type = page.type;
    packed.columns = page.columns;
    packed.page = page.page;
    QList<qsizetype> nullCells;
    for (qsizetype r = 0; r < page.rows.size(); ++r) {
        const QStringList &row = page.rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (page.isNull(int(r), int(c)))
                nullCells.append(packed.cellEnds.size());
            appendUtf8(packed.text, row.at(c));
            packed.cellEnds.append(packed.text.size());
        }
        packed.rowEnds.append(packed.cellEnds.size());
    }
    if (!nullCells.isEmpty()) {
        packed.nulls.resize(packed.cellEnds.size());
        for (const qsizetype i : nullCells)
            packed.nulls.setBit(i);
    }
    return packed;
}

void appendUtf8(QByteArray &out, QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p < end) {
        const char16_t *ascii = p;
        while (p < end && *p < 0x80)
            ++p;
        if (p > ascii) {
            const qsizetype at = out.size();
            out.resize(at + (p - ascii));
            char *dst = out.data() + at;
            for (const char16_t *s = ascii; s < p; ++s)
                *dst++ = char(*s);
            continue;
        }
        const char32_t u = *p++;
        if (u < 0x800) {
            out.append(char(0xc0 | (u >> 6)));
            out.append(char(0x80 | (u & 0x3f)));
        } else if (u < 0xd800 || u > 0xdfff) {
            out.append(char(0xe0 | (u >> 12)));
            out.append(char(0x80 | ((u >> 6) & 0x3f)));
            out.append(char(0x80 | (u & 0x3f)));
        } else if (u < 0xdc00 && p < end && *p >= 0xdc00 && *p <= 0xdfff) {
            const char32_t cp = 0x10000 + ((u - 0xd800) << 10) + (*p++ - 0xdc00);
            out.append(char(0xf0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3f)));
            out.append(char(0x80 | ((cp >> 6) & 0x3f)));
            out.append(char(0x80 | (cp & 0x3f)));
        } else {
            out.append('?'); // an unpaired surrogate, as QString::toUtf8() writes it
        }
    }
}

} // namespace linkisdesk
