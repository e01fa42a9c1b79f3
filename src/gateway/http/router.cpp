// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/router.h"

namespace linkisdesk::gateway {

void Router::add(const QStringList &methods, const QString &pattern, Access access, Handler handler)
{
    m_routes.push_back(
        Route {methods, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler)});
}

Router::Match Router::match(ApiRequest &request) const
{
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    Match result;
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QStringList args;
        bool same = true;
        for (qsizetype i = 0; i < parts.size() && same; ++i) {
            const QString &seg = route.segments.at(i);
            if (seg.startsWith(u'{'))
                args << parts.at(i);
            else
                same = seg == parts.at(i);
        }
        if (!same)
            continue;
        if (!route.methods.isEmpty() && !route.methods.contains(request.method)) {
            result.pathKnown = true;
            continue;
        }
        request.args = args;
        result.handler = &route.handler;
        result.access = route.access;
        return result;
    }
    return result;
}

} // namespace linkisdesk::gateway
