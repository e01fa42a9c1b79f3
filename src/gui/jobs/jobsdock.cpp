// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobsdock.h"

#include "api/linkisclient.h"
#include "api/loglevel.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/jobstatusstyle.h"
#include "jobs/jobtracker.h"
#include "jobs/runcontroller.h"
#include "profiles/clientpool.h"
#include "profiles/profilestore.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {
enum Column {
    StatusCol,
    CodeCol,
    ProfileCol,
    EngineCol,
    ElapsedCol,
    ProgressCol,
    KillCol,
    ColumnCount
};
constexpr int TrackerRole = Qt::UserRole + 1;
constexpr int ProgressRole = Qt::UserRole + 2;
constexpr int ServerTaskRole = Qt::UserRole + 3;
constexpr int ServerExecRole = Qt::UserRole + 4;
constexpr int ServerProfileRole = Qt::UserRole + 5;
constexpr int ServerCreatedRole = Qt::UserRole + 6; // ms since the epoch, UTC
constexpr int LastServerLineRole = Qt::UserRole + 7; // the job's latest log message

// A thin progress bar painted in the cell.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant v = index.data(ProgressRole);
        if (!v.isValid()) {
            QStyledItemDelegate::paint(p, option, index);
            return;
        }
        const double progress = qBound(0.0, v.toDouble(), 1.0);
        const QRect r = option.rect.adjusted(4, option.rect.height() / 2 - 3, -4,
                                             -(option.rect.height() / 2 - 3));
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        p->setBrush(option.palette.color(QPalette::Midlight));
        p->drawRoundedRect(r, 3, 3);
        p->setBrush(option.palette.color(QPalette::Highlight));
        p->drawRoundedRect(QRect(r.topLeft(), QSize(int(r.width() * progress), r.height())), 3, 3);
        p->restore();
    }
};

QString queuedReason()
{
    return JobsDock::tr("Queued behind the server's concurrency limit: it starts when a running "
                        "job ends.");
}

QString elapsedText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s / 60) % 60);
}
} // namespace

JobsDock::JobsDock(JobRegistry *registry, RunController *runs, ClientPool *clients,
                   ProfileStore *profiles, JobJournal *journal, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_runs(runs)
    , m_clients(clients)
    , m_profiles(profiles)
    , m_journal(journal)
    , m_tree(new QTreeWidget(this))
    , m_filter(new QLineEdit(this))
    , m_tracked(new QTreeWidgetItem)
    , m_server(new QTreeWidgetItem)
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("jobsDock"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Status"), tr("Code"), tr("Profile"), tr("Engine"), tr("Elapsed"),
                             tr("Progress"), QString()});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setItemDelegateForColumn(ProgressCol, new ProgressDelegate(m_tree));
    m_tree->header()->setSectionResizeMode(CodeCol, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(StatusCol, 118);
    m_tree->setColumnWidth(ProfileCol, 54);
    m_tree->setColumnWidth(EngineCol, 54);
    m_tree->setColumnWidth(ElapsedCol, 46);
    m_tree->setColumnWidth(ProgressCol, 56);
    m_tree->setColumnWidth(KillCol, 26);
    m_tree->setIndentation(12);
    m_tracked->setText(StatusCol, tr("Tracked jobs"));
    m_server->setText(StatusCol, tr("Running on the server"));
    m_tree->addTopLevelItem(m_tracked);
    m_tree->addTopLevelItem(m_server);
    m_tracked->setFirstColumnSpanned(true);
    m_server->setFirstColumnSpanned(true);
    m_tracked->setExpanded(true);
    m_server->setExpanded(true);
    QFont bold = m_tree->font();
    bold.setBold(true);
    m_tracked->setFont(StatusCol, bold);
    m_server->setFont(StatusCol, bold);

    m_filter->setPlaceholderText(tr("Filter jobs"));
    m_filter->setClearButtonEnabled(true);
    auto *kill = new QToolButton(this);
    kill->setText(tr("Kill selected"));
    kill->setObjectName(QStringLiteral("killSelected"));
    kill->setIcon(JobStatusStyle::icon(JobStatus::Cancelled));
    kill->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    kill->setAutoRaise(true);
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh server jobs"));
    refresh->setAutoRaise(true);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    bar->addWidget(m_filter, 1);
    bar->addWidget(kill);
    bar->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &JobsDock::applyFilter);
    connect(kill, &QToolButton::clicked, this, &JobsDock::killSelected);
    connect(refresh, &QToolButton::clicked, this, &JobsDock::refreshServerJobs);
    connect(m_registry, &JobRegistry::trackerAdded, this, &JobsDock::addTracker);
    connect(m_registry, &JobRegistry::trackerRemoved, this, &JobsDock::removeTracker);
    for (JobTracker *t : m_registry->trackers())
        addTracker(t);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &JobsDock::updateAll);
    m_ticker->start();
}

int JobsDock::trackedCount() const
{
    return m_tracked->childCount();
}

int JobsDock::serverCount() const
{
    int n = 0;
    for (int i = 0; i < m_server->childCount(); ++i)
        n += m_server->child(i)->childCount();
    return n;
}

void JobsDock::addTracker(JobTracker *tracker)
{
    auto *item = new QTreeWidgetItem;
    item->setData(StatusCol, TrackerRole, QVariant::fromValue<QObject *>(tracker));
    m_tracked->insertChild(0, item);
    m_items.insert(tracker, item);
    m_started.insert(tracker, QDateTime::currentMSecsSinceEpoch());
    auto *killButton = new QToolButton;
    killButton->setAutoRaise(true);
    killButton->setIcon(JobStatusStyle::icon(JobStatus::Cancelled));
    killButton->setToolTip(tr("Kill this job"));
    killButton->setFixedSize(20, 18);
    connect(killButton, &QToolButton::clicked, this, [this, tracker] {
        if (m_runs)
            m_runs->killTracker(tracker);
    });
    m_tree->setItemWidget(item, KillCol, killButton);
    connect(tracker, &JobTracker::statusChanged, this, [this, tracker] { updateItem(tracker); });
    connect(tracker, &JobTracker::progressChanged, this, [this, tracker] { updateItem(tracker); });
    connect(tracker, &JobTracker::submitted, this, [this, tracker] { updateItem(tracker); });
    connect(tracker, &JobTracker::finished, this, [this, tracker] { updateItem(tracker); });
    connect(tracker, &JobTracker::killRequested, this, [this, tracker] { updateItem(tracker); });
    connect(tracker, &JobTracker::failed, this, [this, tracker] { updateItem(tracker); });
    connect(tracker, &QObject::destroyed, this, [this, tracker] { removeTracker(tracker); });
    connect(tracker, &JobTracker::logPage, this, [this, tracker](const LogPage &page) {
        // What the server last said about the job, shown while it waits to start.
        if (QTreeWidgetItem *item = m_items.value(tracker); item && !page.isEmpty())
            item->setData(StatusCol, LastServerLineRole,
                          logMessageOf(page.line(page.size() - 1)).trimmed().toString());
    });
    updateItem(tracker);
    applyFilter();
}

void JobsDock::removeTracker(JobTracker *tracker)
{
    delete m_items.take(tracker);
    m_started.remove(tracker);
}

void JobsDock::updateItem(JobTracker *tracker)
{
    if (tracker->taskId() > 0) {
        if (QTreeWidgetItem *listed = serverItem(tracker->profileName(), tracker->taskId()))
            syncServerItem(listed, tracker);
    }
    QTreeWidgetItem *item = m_items.value(tracker);
    if (!item)
        return;
    const bool cannotRun = tracker->state() == JobTracker::State::Failed && tracker->taskId() <= 0;
    const JobStatus status = cannotRun ? JobStatus::Failed : tracker->status();
    QString label = cannotRun ? tr("Not submitted") : JobStatusStyle::label(status);
    if (tracker->killState() == JobTracker::KillState::Requested)
        label = tr("Kill sent");
    else if (tracker->killState() == JobTracker::KillState::NotConfirmed)
        label = tr("Kill not confirmed");
    QString tip = tracker->taskId() > 0 ? tr("Task %1").arg(tracker->taskId()) : QString();
    if (status == JobStatus::Scheduled && tracker->killState() == JobTracker::KillState::None) {
        // Scheduled: accepted, waiting in the server's queue for a free slot under its limit on
        // jobs running at once.
        label = tr("Scheduled: queued");
        int running = 0;
        for (JobTracker *t : m_items.keys()) {
            if (t->profileName() == tracker->profileName() && t->status() == JobStatus::Running)
                ++running;
        }
        tip += u'\n' + queuedReason() + u' ' +
            tr("%n of your jobs on this profile running now.", nullptr, running);
        const QString said = item->data(StatusCol, LastServerLineRole).toString();
        if (!said.isEmpty())
            tip += u'\n' + tr("The server says: %1").arg(said);
    }
    item->setToolTip(StatusCol, tip.trimmed());
    item->setIcon(StatusCol, JobStatusStyle::icon(status));
    item->setText(StatusCol, label);
    item->setText(ProfileCol, tracker->profileName());
    const bool production = m_runs && m_runs->isProduction(tracker->profileName());
    item->setForeground(ProfileCol,
                        production ? QBrush(JobStatusStyle::productionColour()) : QBrush());
    if (cannotRun)
        item->setToolTip(CodeCol, tracker->lastError().message);
    if (tracker->hasTaskInfo()) {
        item->setText(EngineCol, tracker->taskInfo().engineType);
        item->setText(CodeCol, JobJournal::firstLineOf(tracker->taskInfo().executionCode, 100));
    } else if (const auto entry = m_journal->entry(tracker->profileName(), tracker->taskId())) {
        item->setText(EngineCol, entry->engine);
        item->setText(CodeCol, entry->codeFirstLine);
    }
    if (!isTerminal(status))
        item->setText(ElapsedCol,
                      elapsedText(QDateTime::currentMSecsSinceEpoch() - m_started.value(tracker)));
    const double progress =
        isTerminal(status) && status == JobStatus::Succeed ? 1.0 : qMax(0.0, tracker->progress());
    item->setData(ProgressCol, ProgressRole, progress);
    item->setToolTip(ProgressCol, QStringLiteral("%1%").arg(int(progress * 100)));
    if (QWidget *killButton = m_tree->itemWidget(item, KillCol))
        killButton->setEnabled(!isTerminal(status));
}

void JobsDock::updateAll()
{
    if (!isVisible())
        return;
    for (JobTracker *t : m_items.keys()) {
        if (!isTerminal(t->status()))
            updateItem(t);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int g = 0; g < m_server->childCount(); ++g) {
        QTreeWidgetItem *group = m_server->child(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const QVariant created = item->data(StatusCol, ServerCreatedRole);
            if (created.isValid())
                item->setText(ElapsedCol, elapsedText(now - created.toLongLong()));
        }
    }
}

QTreeWidgetItem *JobsDock::serverItem(const QString &profile, qint64 taskId) const
{
    for (int g = 0; g < m_server->childCount(); ++g) {
        QTreeWidgetItem *group = m_server->child(g);
        if (group->data(StatusCol, ServerProfileRole).toString() != profile)
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(StatusCol, ServerTaskRole).toLongLong() == taskId)
                return group->child(i);
        }
    }
    return nullptr;
}

void JobsDock::syncServerItem(QTreeWidgetItem *item, JobTracker *tracker)
{
    // What this app learnt about the job since the list was read: a killed or finished job
    // leaves the list; a live one shows its current status.
    if (isTerminal(tracker->status())) {
        QTreeWidgetItem *group = item->parent();
        delete item;
        if (group)
            updateServerGroup(group);
        return;
    }
    if (tracker->status() == JobStatus::Unknown)
        return;
    item->setIcon(StatusCol, JobStatusStyle::icon(tracker->status()));
    QString label = JobStatusStyle::label(tracker->status());
    if (tracker->killState() == JobTracker::KillState::Requested)
        label = tr("Kill sent");
    item->setText(StatusCol, QStringLiteral("%1  #%2").arg(label).arg(tracker->taskId()));
    if (tracker->progress() >= 0)
        item->setData(ProgressCol, ProgressRole, tracker->progress());
}

void JobsDock::updateServerGroup(QTreeWidgetItem *group)
{
    const QString name = group->data(StatusCol, ServerProfileRole).toString();
    group->setText(StatusCol, tr("%1: %n unfinished", nullptr, group->childCount()).arg(name));
}

void JobsDock::applyFilter()
{
    const QString needle = m_filter->text();
    for (QTreeWidgetItem *group : {m_tracked, m_server}) {
        QList<QTreeWidgetItem *> leaves;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *c = group->child(i);
            if (c->childCount() == 0)
                leaves << c;
            for (int j = 0; j < c->childCount(); ++j)
                leaves << c->child(j);
        }
        for (QTreeWidgetItem *leaf : leaves) {
            bool match = needle.isEmpty();
            for (int col = 0; !match && col < ColumnCount; ++col)
                match = leaf->text(col).contains(needle, Qt::CaseInsensitive);
            leaf->setHidden(!match);
        }
    }
}

QTreeWidgetItem *JobsDock::serverGroup(const QString &profile)
{
    for (int i = 0; i < m_server->childCount(); ++i) {
        if (m_server->child(i)->data(StatusCol, ServerProfileRole).toString() == profile)
            return m_server->child(i);
    }
    auto *group = new QTreeWidgetItem(m_server);
    group->setText(StatusCol, profile);
    group->setData(StatusCol, ServerProfileRole, profile);
    group->setFirstColumnSpanned(true);
    group->setExpanded(true);
    return group;
}

void JobsDock::refreshServerJobs()
{
    for (const QString &name : m_profiles->names()) {
        m_clients->acquire(
            name, this,
            [this, name](Result<LinkisClient *> client) {
                if (!client)
                    return;
                (*client)->undoneTasks(this, [this, name](Result<TaskPage> page) {
                    QTreeWidgetItem *group = serverGroup(name);
                    qDeleteAll(group->takeChildren());
                    if (!page) {
                        group->setText(StatusCol,
                                       QStringLiteral("%1: %2").arg(name, page.error().message));
                        return;
                    }
                    for (const TaskInfo &task : page->tasks) {
                        auto *item = new QTreeWidgetItem(group);
                        item->setIcon(StatusCol, JobStatusStyle::icon(task.status));
                        item->setText(StatusCol,
                                      QStringLiteral("%1  #%2")
                                          .arg(JobStatusStyle::label(task.status))
                                          .arg(task.taskId));
                        item->setText(ProfileCol, name);
                        item->setText(EngineCol, task.engineType);
                        item->setText(CodeCol, JobJournal::firstLineOf(task.executionCode, 100));
                        if (task.createdTime.isValid())
                            item->setData(StatusCol, ServerCreatedRole,
                                          task.createdTime.toMSecsSinceEpoch());
                        item->setData(ProgressCol, ProgressRole, task.progress);
                        item->setData(StatusCol, ServerTaskRole, task.taskId);
                        item->setData(StatusCol, ServerExecRole, task.pathExecId());
                        item->setData(StatusCol, ServerProfileRole, name);
                        if (task.status == JobStatus::Scheduled)
                            item->setToolTip(StatusCol, queuedReason());
                        if (JobTracker *t = m_registry->find(name, task.taskId))
                            syncServerItem(item, t);
                    }
                    updateServerGroup(group);
                    applyFilter();
                });
            },
            ClientPool::Prompt::DontAsk); // listing is no reason to ask for a password
    }
}

void JobsDock::killSelected()
{
    QList<JobTracker *> trackers;
    for (QTreeWidgetItem *item : m_tree->selectedItems()) {
        if (auto *tracker =
                qobject_cast<JobTracker *>(item->data(StatusCol, TrackerRole).value<QObject *>())) {
            if (!isTerminal(tracker->status()))
                trackers.append(tracker);
            continue;
        }
        const qint64 taskId = item->data(StatusCol, ServerTaskRole).toLongLong();
        if (taskId <= 0)
            continue;
        const QString profile = item->data(StatusCol, ServerProfileRole).toString();
        const QString execId = item->data(StatusCol, ServerExecRole).toString();
        LinkisClient *client = m_clients->clientIfReady(profile);
        if (!client)
            continue;
        JobTracker *tracker = m_registry->find(profile, taskId);
        if (!tracker) {
            JobRef job;
            job.taskId = taskId;
            job.execId = execId;
            tracker = m_registry->attach(client, profile, job);
        }
        trackers.append(tracker);
    }
    // One question for the whole selection, not one per job.
    if (m_runs && !trackers.isEmpty())
        m_runs->killTrackers(trackers);
}

} // namespace linkisdesk
