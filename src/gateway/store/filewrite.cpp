// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/filewrite.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace linkisdesk::gateway {

qint64 FileWrite::writeAt(int fd, qint64 offset, const QByteArray &data, QString *why)
{
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::pwrite(fd, data.constData() + done, size_t(data.size() - done), off_t(offset + done));
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        *why = n < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                     : QStringLiteral("the file accepted no more data");
        break;
    }
    return done;
}

} // namespace linkisdesk::gateway
