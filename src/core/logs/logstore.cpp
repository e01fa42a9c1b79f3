// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstore.h"

#include "api/loglevel.h"

#include <algorithm>
#include <cstring>

namespace linkisdesk {

namespace {

constexpr qsizetype kBlockSize = 1 << 20;

quint32 blockOf(quint64 start)
{
    return quint32(start >> 32);
}
quint32 offsetOf(quint64 start)
{
    return quint32(start & 0xffffffffu);
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool hasNonAscii(QByteArrayView bytes)
{
    unsigned char any = 0; // no early exit: the compiler vectorises this loop
    for (char c : bytes)
        any |= static_cast<unsigned char>(c);
    return any & 0x80;
}

// Letters ranked from the most to the least frequent in English text and log lines: the
// search anchors on the rarest letter of the needle so memchr stops as seldom as possible.
int letterRank(char lower)
{
    static constexpr char kOrder[] = "etaoinsrhldcumfpgwybvkxjqz";
    const char *p = std::strchr(kOrder, lower);
    return p ? int(p - kOrder) : 0;
}

} // namespace

// A prepared search needle: lower-cased ASCII bytes with an anchor byte, or (for non-ASCII
// needles) the QString compared with Qt's case folding.
class LogStore::Needle
{
public:
    explicit Needle(const QString &text)
        : m_text(text)
    {
        for (QChar ch : text) {
            if (ch.unicode() >= 0x80) {
                m_ascii = false;
                // A needle character that folds outside ASCII can only match a non-ASCII
                // character, so lines of pure ASCII can be skipped without decoding them.
                if (ch.toCaseFolded().unicode() >= 0x80)
                    m_needsNonAscii = true;
            }
        }
        if (!m_ascii)
            return;
        m_bytes = text.toLatin1();
        for (char &c : m_bytes)
            c = asciiLower(c);
        // Anchor: a non-letter if there is one (one memchr), else the rarest letter.
        int best = -1;
        for (qsizetype i = 0; i < m_bytes.size(); ++i) {
            const char c = m_bytes.at(i);
            const int score = isAsciiLetter(c) ? letterRank(c) : 1000;
            if (score > best) {
                best = score;
                m_anchor = i;
            }
        }
        if (!m_bytes.isEmpty()) {
            m_anchorLower = m_bytes.at(m_anchor);
            m_anchorUpper =
                isAsciiLetter(m_anchorLower) ? char(m_anchorLower - 'a' + 'A') : m_anchorLower;
        }
    }

    bool isEmpty() const { return m_text.isEmpty(); }

    bool matches(QByteArrayView hay) const
    {
        if (!m_ascii) {
            if (m_needsNonAscii && !hasNonAscii(hay))
                return false;
            return QString::fromUtf8(hay).contains(m_text, Qt::CaseInsensitive);
        }
        const qsizetype m = m_bytes.size();
        if (m == 0)
            return true;
        if (hay.size() < m)
            return false;
        const char *data = hay.data();
        const char *first = data + m_anchor; // first possible anchor position
        const char *last = data + hay.size() - m + m_anchor; // last possible anchor position
        const char *needle = m_bytes.constData();
        const char *p = first;
        while (p <= last) {
            const size_t span = size_t(last - p) + 1;
            const char *lo = static_cast<const char *>(std::memchr(p, m_anchorLower, span));
            const char *hit = lo;
            if (m_anchorUpper != m_anchorLower) {
                const size_t upSpan = lo ? size_t(lo - p) : span;
                const char *up = static_cast<const char *>(std::memchr(p, m_anchorUpper, upSpan));
                if (up)
                    hit = up;
            }
            if (!hit)
                return false;
            const char *start = hit - m_anchor;
            qsizetype i = 0;
            while (i < m && asciiLower(start[i]) == needle[i])
                ++i;
            if (i == m)
                return true;
            p = hit + 1;
        }
        return false;
    }

private:
    QString m_text;
    QByteArray m_bytes;
    bool m_ascii = true;
    bool m_needsNonAscii = false;
    qsizetype m_anchor = 0;
    char m_anchorLower = 0;
    char m_anchorUpper = 0;
};

LogStore::LogStore(QObject *parent)
    : QObject(parent)
{ }

LogStore::~LogStore() = default;

int LogStore::classify(QByteArrayView line)
{
    return logLevelOf(line);
}

void LogStore::appendOne(QByteArrayView text)
{
    const qsizetype needed = text.size() + 1; // the line and its '\n'
    if (m_blocks.empty() || m_blocks.back().size() + needed >= m_blocks.back().capacity()) {
        QByteArray block;
        block.reserve(std::max(kBlockSize, needed));
        m_blocks.push_back(std::move(block));
    }
    QByteArray &block = m_blocks.back();
    const quint64 start = (quint64(m_blocks.size() - 1) << 32) | quint64(block.size());
    block.append(text.data(), text.size());
    block.append('\n');

    m_starts.push_back(start);
    noteLevel(classify(text));
    m_textBytes += text.size();
}

void LogStore::noteLevel(int stated)
{
    if (stated >= 0)
        m_current = Level(stated);
    m_levels.push_back(quint8(m_current));
    m_index[int(m_current)].push_back(quint32(m_levels.size() - 1));
}

void LogStore::appendPage(const LogPage &page, qsizetype from, qsizetype count)
{
    const qsizetype n = page.size();
    from = std::clamp<qsizetype>(from, 0, n);
    const qsizetype last = count < 0 ? n : std::min(n, from + count);
    if (last <= from)
        return;
    const qsizetype first = lineCount();
    const QByteArray &text = page.text();
    const QList<quint32> &starts = page.starts();
    auto startOf = [&](qsizetype i) { return i < n ? qsizetype(starts[i]) : text.size(); };
    m_starts.reserve(m_starts.size() + size_t(last - from));
    m_levels.reserve(m_levels.size() + size_t(last - from));
    qsizetype i = from;
    while (i < last) {
        // As many whole lines as the last block still holds (each line keeps its '\n').
        const qsizetype room =
            m_blocks.empty() ? 0 : m_blocks.back().capacity() - m_blocks.back().size() - 1;
        const qsizetype base = startOf(i);
        qsizetype j = i;
        if (room > 0) {
            const auto it =
                std::upper_bound(starts.begin() + i + 1, starts.begin() + last,
                                 quint64(base + room), [](quint64 v, quint32 s) { return v < s; });
            j = qsizetype(it - starts.begin()) - 1; // lines [i, j) end before base + room
            if (j == last - 1 && startOf(last) - base <= room)
                j = last;
        }
        if (j <= i) {
            QByteArray block;
            block.reserve(std::max(kBlockSize, startOf(i + 1) - base + 1));
            m_blocks.push_back(std::move(block));
            continue;
        }
        QByteArray &block = m_blocks.back();
        const quint64 blockNo = quint64(m_blocks.size() - 1) << 32;
        const qsizetype offset = block.size();
        block.append(text.constData() + base, startOf(j) - base);
        for (qsizetype k = i; k < j; ++k) {
            m_starts.push_back(blockNo | quint64(offset + startOf(k) - base));
            noteLevel(page.statedLevel(k));
        }
        m_textBytes += startOf(j) - base - (j - i);
        i = j;
    }
    emit linesAppended(first, lineCount() - first);
}

void LogStore::append(const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    const qsizetype first = lineCount();
    for (const QString &line : lines) {
        const QByteArray utf8 = line.toUtf8();
        if (utf8.contains('\n'))
            appendLines(utf8);
        else
            appendOne(utf8);
    }
    if (lineCount() > first)
        emit linesAppended(first, lineCount() - first);
}

void LogStore::appendUtf8(QByteArrayView text)
{
    if (text.isEmpty())
        return;
    const qsizetype first = lineCount();
    appendLines(text);
    if (lineCount() > first)
        emit linesAppended(first, lineCount() - first);
}

void LogStore::appendLines(QByteArrayView text)
{
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const bool last = nl < 0;
        if (last)
            nl = text.size();
        qsizetype end = nl;
        if (end > pos && text[end - 1] == '\r')
            --end;
        appendOne(text.sliced(pos, end - pos));
        pos = nl + 1;
    }
}

void LogStore::clear()
{
    m_blocks.clear();
    m_starts.clear();
    m_starts.shrink_to_fit();
    m_levels.clear();
    m_levels.shrink_to_fit();
    for (auto &index : m_index) {
        index.clear();
        index.shrink_to_fit();
    }
    m_textBytes = 0;
    m_current = Level::Info;
    emit cleared();
}

qsizetype LogStore::count(Filter filter) const
{
    const auto *index = indexFor(filter);
    return index ? qsizetype(index->size()) : lineCount();
}

qsizetype LogStore::memoryBytes() const
{
    qsizetype bytes = sizeof(*this);
    for (const QByteArray &block : m_blocks)
        bytes += block.capacity();
    bytes += qsizetype(m_blocks.capacity() * sizeof(QByteArray));
    bytes += qsizetype(m_starts.capacity() * sizeof(quint64));
    bytes += qsizetype(m_levels.capacity());
    for (const auto &index : m_index)
        bytes += qsizetype(index.capacity() * sizeof(quint32));
    return bytes;
}

QByteArrayView LogStore::lineUtf8(qsizetype line) const
{
    Q_ASSERT(line >= 0 && line < lineCount());
    const quint64 start = m_starts[size_t(line)];
    const QByteArray &block = m_blocks[blockOf(start)];
    qsizetype end = block.size() - 1;
    if (size_t(line) + 1 < m_starts.size()) {
        const quint64 next = m_starts[size_t(line) + 1];
        if (blockOf(next) == blockOf(start))
            end = qsizetype(offsetOf(next)) - 1;
    }
    return QByteArrayView(block.constData() + offsetOf(start), end - offsetOf(start));
}

QString LogStore::line(qsizetype line) const
{
    return QString::fromUtf8(lineUtf8(line));
}

const std::vector<quint32> *LogStore::indexFor(Filter filter) const
{
    switch (filter) {
    case Filter::All: return nullptr;
    case Filter::Error: return &m_index[int(Level::Error)];
    case Filter::Warn: return &m_index[int(Level::Warn)];
    case Filter::Info: return &m_index[int(Level::Info)];
    }
    return nullptr;
}

qsizetype LogStore::lineAt(Filter filter, qsizetype row) const
{
    const auto *index = indexFor(filter);
    if (!index)
        return row;
    return qsizetype((*index)[size_t(row)]);
}

qsizetype LogStore::rowAtOrAfter(Filter filter, qsizetype line) const
{
    const auto *index = indexFor(filter);
    if (!index)
        return std::clamp<qsizetype>(line, 0, lineCount());
    if (line <= 0)
        return 0;
    const auto it = std::lower_bound(index->begin(), index->end(), quint64(line),
                                     [](quint32 a, quint64 b) { return quint64(a) < b; });
    return qsizetype(it - index->begin());
}

qsizetype LogStore::firstError() const
{
    const auto &errors = m_index[int(Level::Error)];
    return errors.empty() ? -1 : qsizetype(errors.front());
}

bool LogStore::lineContains(qsizetype line, const QString &needle) const
{
    return Needle(needle).matches(lineUtf8(line));
}

qsizetype LogStore::find(const QString &needle, qsizetype fromRow, Filter filter,
                         Direction direction) const
{
    if (needle.isEmpty())
        return -1;
    return findIn(Needle(needle), fromRow, filter, direction);
}

qsizetype LogStore::findIn(const Needle &needle, qsizetype fromRow, Filter filter,
                           Direction direction) const
{
    const qsizetype rows = count(filter);
    const auto *index = indexFor(filter);
    auto lineOf = [index](qsizetype row) { return index ? qsizetype((*index)[size_t(row)]) : row; };
    if (direction == Direction::Forward) {
        for (qsizetype row = std::max<qsizetype>(fromRow, 0); row < rows; ++row) {
            if (needle.matches(lineUtf8(lineOf(row))))
                return row;
        }
    } else {
        for (qsizetype row = std::min(fromRow, rows - 1); row >= 0; --row) {
            if (needle.matches(lineUtf8(lineOf(row))))
                return row;
        }
    }
    return -1;
}

} // namespace linkisdesk
