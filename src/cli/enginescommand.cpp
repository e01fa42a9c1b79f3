// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginescommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "taskformat.h"

#include <QDateTime>
#include <QJsonObject>

namespace linkisdesk {

namespace {

constexpr int kPollMs = 200;
constexpr int kGiveUpPolls = 100; // 20 s

QString timeText(qint64 ms)
{
    return ms > 0
        ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : QString();
}

// "45s", "12m", "3h05m"
QString durationText(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m").arg(s / 60);
    return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
}

qint64 idleForMs(const EngineInfo &e)
{
    return e.isIdle() && e.updateTimeMs > 0 ? QDateTime::currentMSecsSinceEpoch() - e.updateTimeMs
                                            : -1;
}

} // namespace

EnginesCommand::~EnginesCommand()
{
    m_request.cancel();
}

void EnginesCommand::start()
{
    m_session->open(this, [this](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        m_client = std::make_unique<EngineClient>(*client);
        m_request = m_client->engines(this, [this](Result<QList<EngineInfo>> engines) {
            if (!engines) {
                fail(engines.error());
                return;
            }
            if (m_args.enginesAction == QLatin1String("kill"))
                kill(*engines);
            else
                list(*engines);
        });
    });
}

void EnginesCommand::list(const QList<EngineInfo> &engines)
{
    for (const EngineInfo &e : engines) {
        const qint64 idle = idleForMs(e);
        if (m_out.json()) {
            m_out.write(TaskFormat::jsonLine({{QStringLiteral("instance"), e.instance},
                                              {QStringLiteral("engineType"), e.engineType},
                                              {QStringLiteral("version"), e.version},
                                              {QStringLiteral("creator"), e.creator},
                                              {QStringLiteral("status"), e.status},
                                              {QStringLiteral("startTime"), e.startTimeMs},
                                              {QStringLiteral("idleMs"), idle},
                                              {QStringLiteral("memoryBytes"), e.memoryBytes},
                                              {QStringLiteral("cores"), e.cores}}));
        } else {
            const QStringList row {e.instance,
                                   e.typeAndVersion(),
                                   e.creator,
                                   e.status,
                                   timeText(e.startTimeMs),
                                   idle >= 0 ? durationText(idle) : QString(),
                                   QString::number(double(e.memoryBytes) / (1024 * 1024), 'f', 1),
                                   QString::number(e.cores)};
            m_out.write((row.join(u'\t') + u'\n').toUtf8());
        }
    }
    finish(ExitOk);
}

void EnginesCommand::kill(const QList<EngineInfo> &engines)
{
    QList<EngineInfo> targets;
    for (const EngineInfo &e : engines) {
        if (m_args.killIdle ? e.isIdle() : e.instance == m_args.engineInstance)
            targets.append(e);
    }
    if (targets.isEmpty()) {
        if (m_args.killIdle) {
            if (!m_out.quiet())
                m_out.notice(tr("no idle engines; nothing to kill"));
            finish(ExitOk);
        } else {
            fail(tr("no engine %1 among yours (see: engines list)").arg(m_args.engineInstance),
                 ExitUsage);
        }
        return;
    }
    for (const EngineInfo &e : targets)
        m_killing.insert(e.instance);
    auto afterKill = [this](Result<bool> r) {
        if (!r) {
            fail(r.error());
            return;
        }
        pollUntilGone();
    };
    // One engine: killEngineConn (the server checks the owner); several: rm/enginekill.
    m_request = targets.size() == 1 ? m_client->kill(targets.constFirst(), this, afterKill)
                                    : m_client->killMany(targets, this, afterKill);
}

void EnginesCommand::pollUntilGone()
{
    m_request = m_client->engines(this, [this](Result<QList<EngineInfo>> engines) {
        if (!engines) {
            fail(engines.error());
            return;
        }
        QSet<QString> left;
        for (const EngineInfo &e : *engines) {
            if (m_killing.contains(e.instance))
                left.insert(e.instance);
        }
        for (const QString &gone : m_killing - left) {
            m_out.write(m_out.json() ? TaskFormat::jsonLine({{QStringLiteral("instance"), gone},
                                                             {QStringLiteral("killed"), true}})
                                     : (gone + QStringLiteral("\tkilled\n")).toUtf8());
        }
        m_killing = left;
        if (left.isEmpty()) {
            finish(ExitOk);
            return;
        }
        if (++m_polls >= kGiveUpPolls) {
            fail(tr("the server still lists %1 engine(s) %2 s after the kill")
                     .arg(left.size())
                     .arg(kPollMs * kGiveUpPolls / 1000),
                 ExitServer);
            return;
        }
        QTimer::singleShot(kPollMs, this, &EnginesCommand::pollUntilGone);
    });
}

} // namespace linkisdesk
