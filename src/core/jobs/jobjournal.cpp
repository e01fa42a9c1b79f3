// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobjournal.h"

#include "util/apppaths.h"
#include "util/jsonfile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace linkisdesk {

namespace {

constexpr int kFormatVersion = 1;

QJsonObject toJson(const JobJournal::Entry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("profile"), e.profile);
    // As a string: a JSON number (a double) would lose precision past 2^53.
    o.insert(QStringLiteral("taskId"), QString::number(e.taskId));
    o.insert(QStringLiteral("execId"), e.execId);
    o.insert(QStringLiteral("nextFromLine"), QString::number(e.nextFromLine));
    o.insert(QStringLiteral("codeFirstLine"), e.codeFirstLine);
    o.insert(QStringLiteral("engine"), e.engine);
    o.insert(QStringLiteral("submitted"), e.submitted.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("status"), e.status);
    return o;
}

std::optional<JobJournal::Entry> fromJson(const QJsonObject &o)
{
    JobJournal::Entry e;
    e.profile = o.value(QLatin1String("profile")).toString();
    bool ok = false;
    e.taskId = o.value(QLatin1String("taskId")).toString().toLongLong(&ok);
    if (!ok || e.profile.isEmpty())
        return std::nullopt;
    e.execId = o.value(QLatin1String("execId")).toString();
    e.nextFromLine = o.value(QLatin1String("nextFromLine")).toString().toLongLong(&ok);
    if (!ok || e.nextFromLine < 0)
        e.nextFromLine = 1;
    e.codeFirstLine = o.value(QLatin1String("codeFirstLine")).toString();
    e.engine = o.value(QLatin1String("engine")).toString();
    e.submitted =
        QDateTime::fromString(o.value(QLatin1String("submitted")).toString(), Qt::ISODateWithMs);
    e.status = o.value(QLatin1String("status")).toString();
    return e;
}

} // namespace

JobJournal::JobJournal(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (auto saved = flush(); !saved)
            emit saveFailed(saved.error());
    });
}

JobJournal::~JobJournal()
{
    if (m_dirty)
        flush();
}

QString JobJournal::defaultPath()
{
    return AppPaths::dataDir() + QStringLiteral("/jobs.json");
}

Result<Unit> JobJournal::load()
{
    m_entries.clear();
    m_dirty = false;
    m_timer.stop();
    auto loaded = JsonFile::load(m_path);
    if (!loaded)
        return loaded.error();
    if (!loaded.value())
        return Unit {};
    const QJsonValue jobs = loaded.value()->value(QLatin1String("jobs"));
    if (!jobs.isArray()) {
        return ApiError::make(
            ApiError::Kind::Parse,
            QStringLiteral("%1 has no list of jobs; starting with none").arg(m_path));
    }
    int skipped = 0;
    for (const QJsonValue &value : jobs.toArray()) {
        const auto entry = fromJson(value.toObject());
        if (!entry || indexOf(entry->profile, entry->taskId) >= 0) {
            ++skipped;
            continue;
        }
        m_entries.append(*entry);
    }
    if (skipped > 0) {
        return ApiError::make(
            ApiError::Kind::Parse,
            QStringLiteral("%1: %2 damaged job entries were skipped").arg(m_path).arg(skipped));
    }
    return Unit {};
}

Result<Unit> JobJournal::flush()
{
    m_timer.stop();
    if (!m_dirty)
        return Unit {};
    QJsonArray jobs;
    for (const Entry &e : std::as_const(m_entries))
        jobs.append(toJson(e));
    QJsonObject root;
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(QStringLiteral("jobs"), jobs);
    auto saved = JsonFile::save(m_path, root);
    if (saved)
        m_dirty = false;
    return saved;
}

qsizetype JobJournal::indexOf(const QString &profile, qint64 taskId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        if (e.taskId == taskId && e.profile == profile)
            return i;
    }
    return -1;
}

void JobJournal::markChanged()
{
    m_dirty = true;
    m_timer.start();
    emit changed();
}

std::optional<JobJournal::Entry> JobJournal::entry(const QString &profile, qint64 taskId) const
{
    const qsizetype i = indexOf(profile, taskId);
    if (i < 0)
        return std::nullopt;
    return m_entries.at(i);
}

void JobJournal::upsert(const Entry &entry)
{
    const qsizetype i = indexOf(entry.profile, entry.taskId);
    if (i >= 0) {
        if (m_entries.at(i) == entry)
            return;
        m_entries[i] = entry;
    } else {
        m_entries.append(entry);
    }
    markChanged();
}

bool JobJournal::setStatus(const QString &profile, qint64 taskId, const QString &status)
{
    const qsizetype i = indexOf(profile, taskId);
    if (i < 0)
        return false;
    if (m_entries.at(i).status != status) {
        m_entries[i].status = status;
        markChanged();
    }
    return true;
}

bool JobJournal::setNextFromLine(const QString &profile, qint64 taskId, qint64 nextFromLine)
{
    const qsizetype i = indexOf(profile, taskId);
    if (i < 0)
        return false;
    if (m_entries.at(i).nextFromLine != nextFromLine) {
        m_entries[i].nextFromLine = nextFromLine;
        markChanged();
    }
    return true;
}

bool JobJournal::setExecId(const QString &profile, qint64 taskId, const QString &execId)
{
    const qsizetype i = indexOf(profile, taskId);
    if (i < 0)
        return false;
    if (m_entries.at(i).execId != execId) {
        m_entries[i].execId = execId;
        markChanged();
    }
    return true;
}

bool JobJournal::remove(const QString &profile, qint64 taskId)
{
    const qsizetype i = indexOf(profile, taskId);
    if (i < 0)
        return false;
    m_entries.removeAt(i);
    markChanged();
    return true;
}

void JobJournal::clear()
{
    if (m_entries.isEmpty())
        return;
    m_entries.clear();
    markChanged();
}

namespace {
// Lines that say little about what a job does: comments and imports.
bool isPreamble(QStringView line, bool *inBlockComment)
{
    if (*inBlockComment) {
        if (line.contains(u"*/"))
            *inBlockComment = false;
        return true;
    }
    if (line.startsWith(u"/*")) {
        *inBlockComment = !line.contains(u"*/");
        return true;
    }
    if (line.startsWith(u'#') || line.startsWith(u"--") || line.startsWith(u"//"))
        return true;
    static const QRegularExpression imports(
        QStringLiteral("^(import\\s|from\\s+\\S+\\s+import\\s|(library|require)\\s*\\()"));
    return imports.match(line).hasMatch();
}
} // namespace

QString JobJournal::firstLineOf(const QString &code, int maxLength)
{
    const QStringList lines = code.split(u'\n');
    QString fallback; // the first non-blank line, when nothing but comments and imports
    QString found;
    bool inBlockComment = false;
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (fallback.isEmpty())
            fallback = trimmed;
        if (!isPreamble(trimmed, &inBlockComment)) {
            found = trimmed;
            break;
        }
    }
    if (found.isEmpty())
        found = fallback;
    if (found.size() <= maxLength)
        return found;
    return found.left(maxLength - 1) + QChar(0x2026);
}

} // namespace linkisdesk
