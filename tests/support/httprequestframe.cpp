// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprequestframe.h"

namespace linkisdesk::testsupport {

bool HttpRequestFrame::take(QByteArray &buffer, HttpRequestFrame *out)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    HttpRequestFrame frame;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    frame.method = first.value(0);
    frame.target = first.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        frame.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = qMax<qsizetype>(0, value.toLongLong());
    }
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    frame.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    *out = std::move(frame);
    return true;
}

} // namespace linkisdesk::testsupport
