// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace linkisdesk::bench {

class LogGenerator;

// The log view benchmarks: the same chunks into the real LogPanel (ours) or into a naive
// QPlainTextEdit with one appendPlainText per chunk (the baseline), one chunk per event-loop
// turn, with a stall probe running. Then the Error filter and a search from the top.
class LogBench
{
public:
    explicit LogBench(qsizetype lines);

    // Keys: log_max_stall_ms, log_total_ms, log_bytes_ratio, log_filter_ms, log_search_ms,
    // log_lines, log_text_mb, log_avg_line_bytes, log_store_ratio (ours only).
    QJsonObject runOurs();
    QJsonObject runNaive();

private:
    qsizetype m_lines;
};

} // namespace linkisdesk::bench
