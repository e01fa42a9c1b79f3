// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/openfilepackedparser.h"

#include "api/linkisparsers.h"

namespace linkisdesk::parsers {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isContinuation(uchar c)
{
    return (c & 0xc0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0: overlong forms,
// encoded surrogates and code points past U+10FFFF are refused, as Qt's JSON parser refuses them.
int utf8Length(const uchar *p, const uchar *end)
{
    const uchar b = p[0];
    int n = 0;
    uchar lo = 0x80;
    uchar hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
        n = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
        n = 3;
        if (b == 0xe0)
            lo = 0xa0;
        else if (b == 0xed)
            hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
        n = 4;
        if (b == 0xf0)
            lo = 0x90;
        else if (b == 0xf4)
            hi = 0x8f;
    } else {
        return 0;
    }
    if (end - p < n || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < n; ++i) {
        if (!isContinuation(p[i]))
            return 0;
    }
    return n;
}

// Writes u as UTF-8 at out (room for four bytes) and moves past it.
void putCodePoint(char *&out, char32_t u)
{
    if (u < 0x80) {
        *out++ = char(u);
    } else if (u < 0x800) {
        *out++ = char(0xc0 | (u >> 6));
        *out++ = char(0x80 | (u & 0x3f));
    } else if (u < 0x10000) {
        *out++ = char(0xe0 | (u >> 12));
        *out++ = char(0x80 | ((u >> 6) & 0x3f));
        *out++ = char(0x80 | (u & 0x3f));
    } else {
        *out++ = char(0xf0 | (u >> 18));
        *out++ = char(0x80 | ((u >> 12) & 0x3f));
        *out++ = char(0x80 | ((u >> 6) & 0x3f));
        *out++ = char(0x80 | (u & 0x3f));
    }
}

// Bytes a JSON string holds as they are: printable ASCII but the quote and the backslash.
struct PlainBytes
{
    bool is[256] = {};
    constexpr PlainBytes()
    {
        for (int c = 0x20; c < 0x80; ++c)
            is[c] = c != '"' && c != '\\';
    }
};
constexpr PlainBytes plainBytes;

// A strict, forward-only reader of the reply. Every method returns false when the text is not
// what the fast path expects; the caller then leaves the whole reply to parseOpenFile().
// Cells are written straight into the page: its text is sized to the body first (a decoded
// string is never longer than its JSON), and cut to size by finish().
class Scanner
{
public:
    Scanner(const QByteArray &body, const QByteArray &nullValue, PackedPage *page)
        : m_begin(body.constData())
        , m_p(body.constData())
        , m_end(body.constData() + body.size())
        , m_null(nullValue)
        , m_page(page)
    {
        page->text.resize(body.size());
        m_text = page->text.data();
        m_out = m_text;
    }

    // The top-level object; finds data.fileContent and decodes it. False when it is not there
    // exactly once as an array, or the text around it cannot be walked.
    bool walkReply()
    {
        bool sawData = false;
        return walkObject([this, &sawData](QByteArrayView key) {
                   if (key != "data")
                       return skipValue();
                   if (sawData || !peek('{'))
                       return false;
                   sawData = true;
                   return walkObject([this](QByteArrayView dataKey) {
                       if (dataKey != "fileContent")
                           return skipValue();
                       if (m_contentBegin >= 0 || !peek('['))
                           return false;
                       m_contentBegin = m_p - m_begin;
                       if (!rows())
                           return false;
                       m_contentEnd = m_p - m_begin;
                       return true;
                   });
               }) &&
            m_contentBegin >= 0;
    }

    // Cuts the page's text and cell list to what was decoded; sets the NULL flags.
    void finish()
    {
        m_page->text.resize(m_out - m_text);
        m_page->cellEnds.resize(m_cells);
        if (!m_nullCells.isEmpty()) {
            m_page->nulls.resize(m_cells);
            for (const qsizetype i : std::as_const(m_nullCells))
                m_page->nulls.setBit(i);
        }
    }

    qsizetype contentBegin() const { return m_contentBegin; }
    qsizetype contentEnd() const { return m_contentEnd; }

private:
    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_p < m_end && *m_p == c;
    }
    bool eat(char c)
    {
        if (!peek(c))
            return false;
        ++m_p;
        return true;
    }

    // { "key": value, ... } calling onKey(key) with the reader on the value; keys with escapes
    // are not handled (they could spell "data" another way).
    template<typename OnKey> bool walkObject(OnKey onKey)
    {
        if (!eat('{'))
            return false;
        if (eat('}'))
            return true;
        do {
            if (!eat('"'))
                return false;
            const char *key = m_p;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\')
                ++m_p;
            if (m_p >= m_end || *m_p != '"')
                return false;
            const QByteArrayView name(key, m_p - key);
            ++m_p;
            if (!eat(':') || !onKey(name))
                return false;
        } while (eat(','));
        return eat('}');
    }

    // Any value, not decoded. The text outside fileContent is checked by parseOpenFile() later;
    // here it only has to be walked past correctly.
    bool skipValue()
    {
        skipSpace();
        if (m_p >= m_end)
            return false;
        if (*m_p == '"')
            return skipString();
        if (*m_p == '{' || *m_p == '[') {
            int depth = 0;
            while (m_p < m_end) {
                const char c = *m_p;
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_p;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        return true;
                }
            }
            return false;
        }
        const char *start = m_p;
        while (m_p < m_end &&
               ((*m_p >= 'a' && *m_p <= 'z') || (*m_p >= '0' && *m_p <= '9') || *m_p == '-' ||
                *m_p == '+' || *m_p == '.' || *m_p == 'E'))
            ++m_p;
        return m_p > start;
    }

    bool skipString()
    {
        ++m_p; // the opening quote
        while (m_p < m_end) {
            const char c = *m_p++;
            if (c == '\\') {
                if (m_p >= m_end)
                    return false;
                ++m_p;
            } else if (c == '"') {
                return true;
            }
        }
        return false;
    }

    // [ [cell, ...], ... ] where a cell is a string or null.
    bool rows()
    {
        if (!eat('['))
            return false;
        if (eat(']'))
            return true;
        do {
            if (!eat('['))
                return false;
            if (!eat(']')) {
                do {
                    if (!cell())
                        return false;
                } while (eat(','));
                if (!eat(']'))
                    return false;
            }
            m_page->rowEnds.append(m_cells);
        } while (eat(','));
        return eat(']');
    }

    bool cell()
    {
        skipSpace();
        if (m_p < m_end && *m_p == '"') {
            char *const start = m_out;
            if (!string())
                return false;
            if (!m_null.isEmpty() && QByteArrayView(start, m_out - start) == m_null) {
                m_out = start;
                m_nullCells.append(m_cells);
            }
        } else if (m_end - m_p >= 4 && QByteArrayView(m_p, 4) == "null") {
            m_p += 4;
            m_nullCells.append(m_cells);
        } else {
            return false;
        }
        if (m_cells == m_page->cellEnds.size()) {
            // Room for more cell ends, in steps (QList::append per cell costs more than a store).
            m_page->cellEnds.resize(qMax<qsizetype>(4096, 2 * m_cells));
        }
        m_page->cellEnds.data()[m_cells++] = m_out - m_text;
        return true;
    }

    // A string's content, unescaped, written to the page's text.
    bool string()
    {
        ++m_p; // the opening quote
        for (;;) {
            while (m_p < m_end && plainBytes.is[uchar(*m_p)])
                *m_out++ = *m_p++;
            if (m_p >= m_end)
                return false;
            const auto c = uchar(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                if (!escape())
                    return false;
            } else if (c >= 0x80) {
                const int n = utf8Length(reinterpret_cast<const uchar *>(m_p),
                                         reinterpret_cast<const uchar *>(m_end));
                if (n == 0)
                    return false;
                for (int i = 0; i < n; ++i)
                    *m_out++ = *m_p++;
            } else {
                return false; // a raw control character: Qt keeps it, leave it to Qt
            }
        }
    }

    bool escape()
    {
        ++m_p; // the backslash
        if (m_p >= m_end)
            return false;
        const char c = *m_p++;
        switch (c) {
        case '"':
        case '\\':
        case '/': *m_out++ = c; return true;
        case 'b': *m_out++ = '\b'; return true;
        case 'f': *m_out++ = '\f'; return true;
        case 'n': *m_out++ = '\n'; return true;
        case 'r': *m_out++ = '\r'; return true;
        case 't': *m_out++ = '\t'; return true;
        case 'u': break;
        default: return false;
        }
        char32_t u = 0;
        if (!hex4(&u))
            return false;
        if (u >= 0xdc00 && u <= 0xdfff)
            return false; // a lone low surrogate
        if (u >= 0xd800 && u <= 0xdbff) {
            char32_t low = 0;
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return false; // a lone high surrogate
            m_p += 2;
            if (!hex4(&low) || low < 0xdc00 || low > 0xdfff)
                return false;
            u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
        }
        putCodePoint(m_out, u); // at most 4 bytes for the 6 or 12 just read
        return true;
    }

    bool hex4(char32_t *value)
    {
        if (m_end - m_p < 4)
            return false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return false;
            v = (v << 4) | char32_t(h);
        }
        m_p += 4;
        *value = v;
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    QByteArrayView m_null;
    PackedPage *m_page;
    char *m_text = nullptr; // the page's text
    char *m_out = nullptr; // where the next decoded byte goes
    qsizetype m_cells = 0;
    QList<qsizetype> m_nullCells;
    qsizetype m_contentBegin = -1;
    qsizetype m_contentEnd = -1;
};

Result<PackedPage> generic(int httpStatus, const QByteArray &body, const QString &nullValue)
{
    Result<ResultPage> page = parseOpenFile(httpStatus, body, nullValue);
    if (!page)
        return page.error();
    return PackedPage::fromPage(*page);
}

} // namespace

Result<PackedPage> parseOpenFilePacked(int httpStatus, const QByteArray &body,
                                       const QString &nullValue)
{
    PackedPage packed;
    const QByteArray null = nullValue.toUtf8();
    Scanner scanner(body, null, &packed);
    if (httpStatus != 200 || !scanner.walkReply())
        return generic(httpStatus, body, nullValue);
    scanner.finish();

    // Everything but the rows goes through the generic parser: the reply with an empty
    // fileContent is small.
    QByteArray rest;
    rest.reserve(body.size() - (scanner.contentEnd() - scanner.contentBegin()) + 2);
    rest.append(QByteArrayView(body).first(scanner.contentBegin()));
    rest.append("[]");
    rest.append(QByteArrayView(body).sliced(scanner.contentEnd()));
    const Result<ResultPage> header = parseOpenFile(httpStatus, rest, nullValue);
    if (!header || !header->rows.isEmpty())
        return generic(httpStatus, body, nullValue); // the error as the whole reply gives it
    packed.type = header->type;
    packed.columns = header->columns;
    packed.page = header->page;
    return packed;
}

} // namespace linkisdesk::parsers
