// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/joblog.h"

#include "store/filewrite.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace linkisdesk::gateway {

namespace {

const char *levelName(JobLog::Level level)
{
    switch (level) {
    case JobLog::Level::Error: return "ERROR";
    case JobLog::Level::Warn: return "WARN";
    default: return "INFO";
    }
}

} // namespace

JobLog::JobLog(const QString &path, Mode mode)
    : m_path(path)
    , m_file(path)
{
    if (mode == Mode::ExistingOnly && !QFileInfo(path).isFile())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered,
                     QFile::ReadOwner | QFile::WriteOwner)) {
        if (mode == Mode::Create) {
            m_writeError =
                QStringLiteral("cannot create the job log %1: %2").arg(path, m_file.errorString());
        }
        return;
    }
    // Index what an earlier run already wrote.
    qint64 pos = 0;
    while (!m_file.atEnd()) {
        const QByteArray line = m_file.readLine();
        if (line.isEmpty())
            break;
        m_offsets.push_back(pos);
        pos += line.size();
    }
    m_end = pos;
    m_file.seek(m_end);
}

bool JobLog::isOpen() const
{
    return m_file.isOpen();
}

QString JobLog::formatLine(Level level, const QString &message)
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + u' ' +
        QLatin1String(levelName(level)) + u' ' + message;
}

void JobLog::append(Level level, const QString &message)
{
    appendLines(level, {message});
}

void JobLog::appendLines(Level level, const QStringList &messages)
{
    QByteArray chunk;
    std::vector<qint64> lengths;
    for (const QString &m : messages) {
        for (const auto &part : QStringView(m).split(u'\n')) {
            QStringView p = part;
            if (p.endsWith(u'\r'))
                p.chop(1);
            const QByteArray line = formatLine(level, p.toString()).toUtf8() + '\n';
            lengths.push_back(line.size());
            chunk += line;
        }
    }
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen()) {
        m_lostLines += qint64(lengths.size());
        return;
    }
    QString why;
    if (FileWrite::writeAt(m_file.handle(), m_end, chunk, &why) != chunk.size()) {
        // Disk full or an I/O error: these lines are lost. What is in the file stays whole
        // (a partly written line is cut off) and later lines are still tried.
        if (m_writeError.isEmpty())
            m_writeError = QStringLiteral("cannot write the job log %1: %2").arg(m_path, why);
        m_lostLines += qint64(lengths.size());
        m_file.resize(m_end);
        return;
    }
    for (qint64 len : lengths) {
        m_offsets.push_back(m_end);
        m_end += len;
    }
}

QString JobLog::writeError() const
{
    QMutexLocker lock(&m_mutex);
    if (m_writeError.isEmpty())
        return {};
    return m_writeError + QStringLiteral(" (%1 line(s) lost)").arg(m_lostLines);
}

int JobLog::lineCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_offsets.size());
}

int JobLog::slotOf(const QByteArray &line)
{
    // After "yyyy-MM-dd HH:mm:ss.SSS " (24 characters) comes the level.
    const QByteArray rest = line.mid(24, 13);
    if (rest.startsWith("ERROR ") || rest.startsWith("SYSTEM-ERROR "))
        return 0;
    if (rest.startsWith("WARN ") || rest.startsWith("SYSTEM-WARN "))
        return 1;
    return 2;
}

JobLog::Page JobLog::read(int fromLine, int size) const
{
    Page page;
    QMutexLocker lock(&m_mutex);
    const qint64 from = qMax(fromLine, 1) - 1;
    const qint64 count = qint64(m_offsets.size());
    if (from >= count || size <= 0 || !m_file.isOpen())
        return page;
    const qint64 last = qMin<qint64>(count, from + size);
    const qint64 begin = m_offsets[size_t(from)];
    const qint64 end = last < count ? m_offsets[size_t(last)] : m_end;
    m_file.seek(begin);
    const QByteArray bytes = m_file.read(end - begin);
    m_file.seek(m_end);
    lock.unlock();

    QByteArray parts[4];
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        const int slot = slotOf(line);
        parts[slot] += line + '\n';
        parts[3] += line + '\n';
    }
    for (int i = 0; i < 4; ++i) {
        parts[i].chop(1); // Linkis joins with '\n' and drops the last one
        page.levels[i] = QString::fromUtf8(parts[i]);
    }
    page.read = int(last - from);
    return page;
}

bool JobLog::readAll(const QString &path, QString levels[4], QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    QByteArray parts[4];
    while (!f.atEnd()) {
        QByteArray line = f.readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const int slot = slotOf(line);
        parts[slot] += line + '\n';
        parts[3] += line + '\n';
    }
    for (int i = 0; i < 4; ++i)
        levels[i] = QString::fromUtf8(parts[i]);
    return true;
}

} // namespace linkisdesk::gateway
