// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace linkisdesk::bench {

class LogGenerator;

// The log pipeline benchmarks, from reply bodies to painted lines: the entrance/{id}/log reply
// bodies of a 1,000,000-line log (1000-line pages, the 4-slot array, as the gateway sends them)
// through the app's LogDecoder into the real LogPanel (ours), or through QJsonDocument into a
// naive QPlainTextEdit with one appendPlainText per body (the baseline), with a stall probe
// running. Then the Error filter, a search from the top, and a 30 MB openLog reply into a fresh
// panel.
class LogBench
{
public:
    explicit LogBench(qsizetype lines);

    // Keys: log_pipeline_ms (= log_total_ms), log_max_stall_ms, log_bytes_ratio, log_filter_ms,
    // log_search_ms, log_openlog_30mb_ms, log_lines, log_text_mb, log_reply_mb, ...
    QJsonObject runOurs();
    QJsonObject runNaive();

private:
    qsizetype m_lines;
};

} // namespace linkisdesk::bench
