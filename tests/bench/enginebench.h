// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace linkisdesk::bench {

// The reused engines of issue 17: submit -> Succeed for `print(1)` (status asked again as soon
// as each reply comes) over loopback HTTP. Ours: in a warm python engine (one warm-up job
// first, then every job reuses it). Baseline: a cold python process per job, the way jobs ran
// before engines were reused: the bench creator's engines are killed through EngineClient (and
// gone from the list) before each job, outside the timed part.
class EngineBench
{
public:
    EngineBench(const QUrl &url, const QString &token, int runs);

    // engine_warm_python_ms_p50 (and engine_jobs_ok: the jobs that succeeded)
    QJsonObject run(bool baseline);

    static QString creator() { return QStringLiteral("EngineBench"); }

private:
    QUrl m_url;
    QString m_token;
    int m_runs;
};

} // namespace linkisdesk::bench
