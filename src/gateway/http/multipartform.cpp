// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/multipartform.h"

#include <QUrl>

namespace linkisdesk::gateway {

namespace {

// The value of `key=` in a header such as `form-data; name="file"; filename="a.sql"`.
QByteArray parameter(const QByteArray &header, const QByteArray &key)
{
    const QList<QByteArray> items = header.split(';');
    for (const QByteArray &item : items) {
        const QByteArray t = item.trimmed();
        const int eq = int(t.indexOf('='));
        if (eq <= 0 || t.left(eq).trimmed().toLower() != key)
            continue;
        QByteArray v = t.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        return v;
    }
    return {};
}

} // namespace

std::optional<MultipartForm> MultipartForm::parse(const QByteArray &contentType,
                                                  const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return std::nullopt;
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    MultipartForm form;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return std::nullopt;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return form; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return std::nullopt;
        Part part;
        const QList<QByteArray> headers = body.mid(pos, headersEnd - pos).split('\n');
        for (const QByteArray &h : headers) {
            const int colon = int(h.indexOf(':'));
            if (colon > 0 && h.left(colon).trimmed().toLower() == "content-disposition") {
                const QByteArray value = h.mid(colon + 1).trimmed();
                part.name = QString::fromUtf8(parameter(value, "name"));
                part.fileName = QUrl::fromPercentEncoding(parameter(value, "filename"));
            }
        }
        const qsizetype dataStart = headersEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + delimiter, dataStart);
        if (next < 0)
            return std::nullopt;
        part.data = body.mid(dataStart, next - dataStart);
        form.parts.append(part);
        pos = next + 2;
    }
}

QString MultipartForm::field(const QString &name) const
{
    for (const Part &p : parts) {
        if (p.name == name && p.fileName.isEmpty())
            return QString::fromUtf8(p.data);
    }
    return {};
}

} // namespace linkisdesk::gateway
