// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchgateway.h"

#include "benchutil.h"

#include "localgateway/localgateway.h"

namespace linkisdesk::bench {

BenchGateway::BenchGateway() = default;

BenchGateway::~BenchGateway()
{
    stop();
}

bool BenchGateway::start(QString *error)
{
    m_gateway = std::make_unique<LocalGateway>();
    LocalGateway::Options o;
    o.executable = QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-gateway");
    o.dataDir = dataDir();
    o.runtimeFile = m_dir.path() + QStringLiteral("/gateway.json");
    o.token = m_token;
    o.reuse = false;
    o.extraArguments = {QStringLiteral("--max-jobs"), QString::number(MaxJobs)};
    bool done = false;
    QString failure;
    QObject::connect(m_gateway.get(), &LocalGateway::ready, [&done] { done = true; });
    QObject::connect(m_gateway.get(), &LocalGateway::failed, [&](const ApiError &e) {
        failure = e.message;
        done = true;
    });
    m_gateway->start(o);
    waitUntil([&done] { return done; }, 30000);
    if (!m_gateway->isReady()) {
        if (error)
            *error = failure.isEmpty() ? QStringLiteral("gateway start timed out") : failure;
        return false;
    }
    m_url = m_gateway->url();
    return true;
}

void BenchGateway::stop()
{
    if (!m_gateway || !m_gateway->isReady())
        return;
    bool stopped = false;
    QObject::connect(m_gateway.get(), &LocalGateway::stopped, [&stopped] { stopped = true; });
    m_gateway->stop();
    waitUntil([&stopped] { return stopped; }, 10000);
    m_gateway.reset();
}

qint64 BenchGateway::pid() const
{
    return m_gateway ? m_gateway->pid() : 0;
}

ConnectionSettings BenchGateway::settings(const QUrl &url, const QString &token)
{
    ConnectionSettings s;
    s.baseUrl = url;
    s.authMode = ConnectionSettings::AuthMode::Token;
    s.user = user();
    s.secret = token;
    s.timeoutMs = 120000;
    return s;
}

} // namespace linkisdesk::bench
