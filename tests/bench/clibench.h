// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace linkisdesk::bench {

// The CLI and the gateway over loopback: whole-process `linkis-desk-cli submit -e "select 1"`,
// submit -> Succeed -> first page in process, one 5000-row page, and the CLI streaming the big
// result set to a file. Each against the same calls made by a Python urllib client.
class CliBench
{
public:
    struct Plan
    {
        int cliRuns = 20;
        int trivialRuns = 50;
        int pageRuns = 40;
        qint64 bigTaskId = 0;
        QString bigPath;
        qint64 bigRows = 0;
    };

    CliBench(const QUrl &url, const QString &token, const QString &pythonScript,
             const QString &workDir, const Plan &plan);

    // Ours when baseline is false, the Python client's figures under the same keys otherwise.
    QJsonObject run(bool baseline);

private:
    QStringList cliEnvironment() const;
    void cliSelect1(QJsonObject &o, bool baseline);
    void trivialJobs(QJsonObject &o, bool baseline);
    void openPages(QJsonObject &o, bool baseline);
    void millionRows(QJsonObject &o, bool baseline);

    QUrl m_url;
    QString m_token;
    QString m_python;
    QString m_workDir;
    Plan m_plan;
};

} // namespace linkisdesk::bench
