// SPDX-License-Identifier: GPL-3.0-or-later
// The log replies (entrance/{id}/log, filesystem/openLog) straight into a LogPage: one pass over
// the reply bytes that finds the "all" slot and unescapes it into lines, classifying each line
// as it goes, with no JSON tree and no QString. A reply it does not recognise as a plain success
// (an error status, a missing field, an odd type, invalid UTF-8, duplicate keys) goes through
// parseLog / parseOpenLog instead, so errors and quirks keep one home.
#include "api/linkisparsers.h"

#include "api/loglevel.h"

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace linkisdesk::parsers {

namespace {

constexpr int kMaxDepth = 64;

// The first byte in [p, end) that ends a plain run inside a JSON string: '"', '\\' or a
// control character.
const char *findSpecial(const char *p, const char *end)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
        const int mask = _mm_movemask_epi8(hit);
        if (mask)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20)
            return p;
        ++p;
    }
    return end;
}

bool hasNonAscii(const char *p, qsizetype n)
{
    unsigned char any = 0; // no early exit: the compiler vectorises this loop
    for (qsizetype i = 0; i < n; ++i)
        any |= static_cast<unsigned char>(p[i]);
    return any & 0x80;
}

// Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), as Qt's JSON parser
// wants it.
bool isValidUtf8(const char *data, qsizetype n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const auto *end = p + n;
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
            min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
            min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
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

// Four hex digits at p (the caller checked there are four bytes), or -1.
int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexValue(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

// A forward-only reader over JSON bytes that checks structure but builds nothing. Every
// method returns false on anything unexpected; the caller then takes the slow path.
class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : p(begin)
        , end(end)
    { }

    void ws()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }
    bool eat(char c)
    {
        ws();
        if (p < end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    char peek()
    {
        ws();
        return p < end ? *p : '\0';
    }

    bool skipString()
    {
        if (p >= end || *p != '"')
            return false;
        ++p;
        for (;;) {
            p = findSpecial(p, end);
            if (p >= end)
                return false;
            if (*p == '"') {
                ++p;
                return true;
            }
            if (*p != '\\' || end - p < 2)
                return false; // a raw control character
            const char e = p[1];
            if (e == 'u') {
                if (end - p < 6 || hex4(p + 2) < 0)
                    return false;
                p += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                       e == 'r' || e == 't') {
                p += 2;
            } else {
                return false;
            }
        }
    }

    // A key without escapes (the ones we look for have none; a key with escapes fails).
    bool key(QByteArrayView *out)
    {
        ws();
        if (p >= end || *p != '"')
            return false;
        const char *begin = ++p;
        const char *q = findSpecial(p, end);
        if (q >= end || *q != '"')
            return false;
        *out = QByteArrayView(begin, q - begin);
        p = q + 1;
        return eat(':');
    }

    // A number's token, checked against JSON's grammar.
    bool number(QByteArrayView *out)
    {
        ws();
        const char *begin = p;
        if (p < end && *p == '-')
            ++p;
        if (p >= end || !isDigit(*p))
            return false;
        if (*p == '0')
            ++p;
        else
            while (p < end && isDigit(*p))
                ++p;
        if (p < end && *p == '.') {
            ++p;
            if (p >= end || !isDigit(*p))
                return false;
            while (p < end && isDigit(*p))
                ++p;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < end && (*p == '+' || *p == '-'))
                ++p;
            if (p >= end || !isDigit(*p))
                return false;
            while (p < end && isDigit(*p))
                ++p;
        }
        *out = QByteArrayView(begin, p - begin);
        return true;
    }

    // A whole number written as one (no fraction, no exponent, at most 18 digits).
    bool integer(qint64 *out)
    {
        QByteArrayView token;
        if (!number(&token) || token.size() > 18)
            return false;
        qint64 v = 0;
        bool negative = false;
        for (char c : token) {
            if (c == '-') {
                negative = true;
                continue;
            }
            if (!isDigit(c))
                return false;
            v = v * 10 + (c - '0');
        }
        *out = negative ? -v : v;
        return true;
    }

    bool skipValue(int depth = 0)
    {
        if (depth > kMaxDepth)
            return false;
        switch (peek()) {
        case '"': return skipString();
        case '{': {
            ++p;
            if (eat('}'))
                return true;
            do {
                ws();
                if (!skipString() || !eat(':') || !skipValue(depth + 1))
                    return false;
            } while (eat(','));
            return eat('}');
        }
        case '[': {
            ++p;
            if (eat(']'))
                return true;
            do {
                if (!skipValue(depth + 1))
                    return false;
            } while (eat(','));
            return eat(']');
        }
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: {
            QByteArrayView token;
            return number(&token);
        }
        }
    }

    bool literal(const char *word)
    {
        const auto n = qsizetype(std::strlen(word));
        if (end - p < n || std::memcmp(p, word, size_t(n)) != 0)
            return false;
        p += n;
        return true;
    }

    const char *p;
    const char *end;

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
};

char *putUtf8(char *w, char32_t cp)
{
    if (cp < 0x80) {
        *w++ = char(cp);
    } else if (cp < 0x800) {
        *w++ = char(0xc0 | (cp >> 6));
        *w++ = char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        *w++ = char(0xe0 | (cp >> 12));
        *w++ = char(0x80 | ((cp >> 6) & 0x3f));
        *w++ = char(0x80 | (cp & 0x3f));
    } else {
        *w++ = char(0xf0 | (cp >> 18));
        *w++ = char(0x80 | ((cp >> 12) & 0x3f));
        *w++ = char(0x80 | ((cp >> 6) & 0x3f));
        *w++ = char(0x80 | (cp & 0x3f));
    }
    return w;
}

// Unescapes the JSON string at p (its opening quote; the scanner checked it) into the page's
// lines. False on what the slow path should judge (a lone surrogate).
bool decodeLines(const char *p, const char *end, LogPage *page)
{
    QByteArray &text = page->textForWriting();
    // Unescaped text is never longer than its JSON form (a '\n' gets the one byte its escape
    // freed for the line's newline, "\uXXXX" at most 4 bytes for 6).
    text.resize(end - p + 1);
    char *const base = text.data();
    char *w = base;
    char *lineStart = w;
    auto endLine = [&] {
        if (w > lineStart && w[-1] == '\r')
            --w;
        page->noteLine(quint32(lineStart - base), logLevelOf(QByteArrayView(lineStart, w)));
        *w++ = '\n';
        lineStart = w;
    };
    ++p;
    for (;;) {
        const char *s = findSpecial(p, end);
        std::memcpy(w, p, size_t(s - p));
        w += s - p;
        p = s;
        if (p >= end)
            return false;
        if (*p == '"')
            break;
        if (*p != '\\' || end - p < 2)
            return false;
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'n': endLine(); break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case '"':
        case '\\':
        case '/': *w++ = e; break;
        case 'u': {
            if (end - p < 4)
                return false;
            const int unit = hex4(p);
            if (unit < 0)
                return false;
            char32_t cp = char32_t(unit);
            p += 4;
            if (cp >= 0xdc00 && cp <= 0xdfff)
                return false;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return false;
                const int low = hex4(p + 2);
                if (low < 0xdc00 || low > 0xdfff)
                    return false;
                cp = 0x10000 + ((cp - 0xd800) << 10) + char32_t(low - 0xdc00);
                p += 6;
            }
            if (cp == '\n')
                endLine();
            else
                w = putUtf8(w, cp);
            break;
        }
        default: return false;
        }
    }
    if (w > lineStart)
        endLine();
    text.truncate(w - base);
    return true;
}

// The plain-success fast path; false sends the reply to the slow path.
bool decodeFast(const QByteArray &body, bool live, LogPage *page)
{
    const char *begin = body.constData();
    const char *end = begin + body.size();
    if (hasNonAscii(begin, body.size()) && !isValidUtf8(begin, body.size()))
        return false;
    Scanner s(begin, end);
    bool haveStatus = false;
    bool haveData = false;
    bool haveLog = false;
    bool haveFrom = false;
    const char *log = nullptr;
    qint64 fromLine = 0;
    if (!s.eat('{'))
        return false;
    if (!s.eat('}')) {
        do {
            QByteArrayView key;
            if (!s.key(&key))
                return false;
            if (key == "status") {
                qint64 status = -1;
                if (haveStatus || !s.integer(&status) || status != 0)
                    return false;
                haveStatus = true;
            } else if (key == "data") {
                if (haveData || !s.eat('{'))
                    return false;
                haveData = true;
                if (s.eat('}'))
                    continue;
                do {
                    QByteArrayView inner;
                    if (!s.key(&inner))
                        return false;
                    if (inner == "log") {
                        if (haveLog)
                            return false;
                        haveLog = true;
                        log = (s.ws(), s.p);
                        if (!s.skipValue(1))
                            return false;
                    } else if (inner == "fromLine") {
                        if (haveFrom || !s.integer(&fromLine))
                            return false;
                        haveFrom = true;
                    } else if (!s.skipValue(1)) {
                        return false;
                    }
                } while (s.eat(','));
                if (!s.eat('}'))
                    return false;
            } else if (!s.skipValue()) {
                return false;
            }
        } while (s.eat(','));
        if (!s.eat('}'))
            return false;
    }
    s.ws();
    if (s.p != end || !haveStatus || !haveData)
        return false;

    page->nextFromLine = live ? int(fromLine) : 0;
    if (!haveLog || *log == 'n') {
        page->logWasNull = true;
        return true;
    }
    const char *all = nullptr;
    if (*log == '"') {
        all = log;
    } else if (*log == '[') {
        Scanner list(log + 1, end);
        int count = 0;
        if (!list.eat(']')) {
            do {
                const char c = list.peek();
                if (c == '"')
                    all = (count <= 3) ? list.p : all;
                else if (c == 'n')
                    all = (count <= 3) ? nullptr : all;
                else
                    return false;
                if (!list.skipValue(1))
                    return false;
                ++count;
            } while (list.eat(','));
        }
        // Four slots or more: the fourth; fewer: the last.
    } else {
        return false;
    }
    return all ? decodeLines(all, end, page) : true;
}

Result<LogPage> fromChunk(Result<LogChunk> chunk)
{
    if (!chunk)
        return chunk.error();
    LogPage page = LogPage::fromLines(chunk->lines());
    page.nextFromLine = chunk->nextFromLine;
    page.logWasNull = chunk->logWasNull;
    return page;
}

} // namespace

Result<LogPage> parseLogPage(int httpStatus, const QByteArray &body)
{
    LogPage page;
    if (decodeFast(body, true, &page))
        return page;
    return fromChunk(parseLog(httpStatus, body));
}

Result<LogPage> parseOpenLogPage(int httpStatus, const QByteArray &body)
{
    LogPage page;
    if (decodeFast(body, false, &page))
        return page;
    return fromChunk(parseOpenLog(httpStatus, body));
}

} // namespace linkisdesk::parsers
