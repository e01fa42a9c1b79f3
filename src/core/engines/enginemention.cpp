// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/enginemention.h"

#include "api/logpage.h"

namespace linkisdesk {

namespace {
constexpr QByteArrayView kServiceInstance("ServiceInstance(");
constexpr QByteArrayView kReuse("reuse ec");
constexpr QByteArrayView kCreate("create new ec");
} // namespace

std::optional<EngineMention> EngineMention::inLine(QByteArrayView line)
{
    const qsizetype at = line.indexOf(kServiceInstance);
    if (at < 0)
        return std::nullopt;
    const QByteArrayView before = line.first(at);
    const bool reused = before.contains(kReuse);
    if (!reused && !before.contains(kCreate))
        return std::nullopt;
    const QByteArrayView rest = line.sliced(at + kServiceInstance.size());
    const qsizetype end = rest.indexOf(')');
    if (end < 0)
        return std::nullopt;
    // "linkis-cg-engineconn, host:port[, timestamp]"
    const QList<QByteArray> parts = rest.first(end).toByteArray().split(',');
    if (parts.size() < 2)
        return std::nullopt;
    EngineMention m;
    m.applicationName = QString::fromUtf8(parts.at(0).trimmed());
    m.instance = QString::fromUtf8(parts.at(1).trimmed());
    m.reused = reused;
    if (m.applicationName.isEmpty() || m.instance.isEmpty())
        return std::nullopt;
    return m;
}

std::optional<EngineMention> EngineMention::inPage(const LogPage &page)
{
    // Most pages name no engine: one search over the whole text before looking at lines.
    if (!QByteArrayView(page.text()).contains(kServiceInstance))
        return std::nullopt;
    for (qsizetype i = page.size() - 1; i >= 0; --i) {
        if (auto m = inLine(page.lineUtf8(i)))
            return m;
    }
    return std::nullopt;
}

} // namespace linkisdesk
