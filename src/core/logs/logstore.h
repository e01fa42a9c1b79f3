// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/loglevel.h"
#include "api/logpage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace linkisdesk {

// A compact, append-only store for the log lines of one job (millions of lines).
//
// Text is kept as UTF-8 in 1 MiB blocks (one '\n' after each line, so a search never matches
// across lines), plus one 8-byte position per line, one level byte per line and one 4-byte
// index entry per line in its level's index: about 1.15x the text. Nothing is ever dropped.
//
// Each line is classified on append by logLevelOf (api/loglevel.h, the one rule for levels): a
// line that states a level gets it; any other line (a stack trace, a continuation) inherits the
// level of the line before it; the very first lines default to Info.
//
// "Rows" are positions inside a filter (All, Error, Warn, Info); "lines" are positions in the
// whole log. For Filter::All they are the same.
class LogStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogStore)

public:
    using Level = LogLevel;
    enum class Filter : quint8 { All, Error, Warn, Info };
    enum class Direction : quint8 { Forward, Backward };

    explicit LogStore(QObject *parent = nullptr);
    ~LogStore() override;

    // Appends whole lines (a line must not contain '\n'; one that does is split).
    void append(const QStringList &lines);
    // Appends UTF-8 text holding whole lines separated by "\n" or "\r\n"; a final newline is
    // optional and never makes an empty last line. An empty view appends nothing.
    void appendUtf8(QByteArrayView text);
    // Appends a decoded page (api/logpage.h), or its lines [from, from + count): their bytes
    // are copied as they are and the levels they state resolved here; nothing is decoded or
    // classified again.
    void appendPage(const LogPage &page, qsizetype from = 0, qsizetype count = -1);
    void clear();

    qsizetype lineCount() const { return qsizetype(m_starts.size()); }
    qsizetype count(Filter filter) const;
    qsizetype count(Level level) const { return qsizetype(m_index[int(level)].size()); }
    qsizetype textBytes() const { return m_textBytes; } // UTF-8 bytes of all lines, no newlines
    qsizetype memoryBytes() const; // what the store holds (capacity, not just size)

    QString line(qsizetype line) const;
    QByteArrayView lineUtf8(qsizetype line) const; // valid until the next append or clear
    Level level(qsizetype line) const { return Level(m_levels[size_t(line)]); }

    // Filter rows <-> lines, both O(1) / O(log n).
    qsizetype lineAt(Filter filter, qsizetype row) const;
    // The row of `line` in `filter`, or of the first line after it that the filter shows
    // (count(filter) when there is none). Keeps the view near the same place on a filter switch.
    qsizetype rowAtOrAfter(Filter filter, qsizetype line) const;

    // The first line of level Error, or -1.
    qsizetype firstError() const;

    // Case-insensitive substring search over the rows of `filter`. Forward starts at `fromRow`
    // (inclusive) and goes down; Backward starts at `fromRow` (inclusive) and goes up. Returns
    // the matching row in the filter, or -1. No wrap-around: the caller decides. ASCII needles
    // take a fast byte path (well under 200 ms for 1M lines); others compare case-folded text.
    qsizetype find(const QString &needle, qsizetype fromRow, Filter filter = Filter::All,
                   Direction direction = Direction::Forward) const;
    bool lineContains(qsizetype line, const QString &needle) const;

    // Classifies one line on its own (logLevelOf): Error/Warn/Info, or -1 when it carries none.
    static int classify(QByteArrayView line);

signals:
    // Emitted once per append call that added lines: lines [first, first + count).
    void linesAppended(qsizetype first, qsizetype count);
    void cleared();

private:
    class Needle;
    void appendOne(QByteArrayView line);
    void noteLevel(int stated);
    void appendLines(QByteArrayView text);
    std::vector<quint32> const *indexFor(Filter filter) const;
    qsizetype findIn(const Needle &needle, qsizetype fromRow, Filter filter,
                     Direction direction) const;

    std::vector<QByteArray> m_blocks; // each reserved to kBlockSize (or one oversized line)
    std::vector<quint64> m_starts; // (block << 32) | offset of each line
    std::vector<quint8> m_levels; // Level of each line
    std::array<std::vector<quint32>, 3> m_index; // lines of each level, ascending
    qsizetype m_textBytes = 0;
    Level m_current = Level::Info; // level inherited by lines without one
};

} // namespace linkisdesk
