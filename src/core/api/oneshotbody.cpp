// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/oneshotbody.h"

#include <cstring>

namespace linkisdesk {

OneShotBody::OneShotBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent)
    , m_data(data)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 OneShotBody::bytesAvailable() const
{
    return m_data.size() - m_pos + QIODevice::bytesAvailable();
}

bool OneShotBody::atEnd() const
{
    return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0;
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, m_data.size() - m_pos);
    if (n <= 0)
        return m_pos >= m_data.size() ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

} // namespace linkisdesk
