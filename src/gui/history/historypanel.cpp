// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/historypanel.h"

#include "api/linkisclient.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/jobstatusstyle.h"
#include "logs/logpanel.h"
#include "profiles/clientpool.h"
#include "profiles/profilestore.h"
#include "results/resultgrid.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linkisdesk {

HistoryPanel::HistoryPanel(ClientPool *clients, ProfileStore *profiles, QWidget *parent)
    : QWidget(parent)
    , m_clients(clients)
    , m_profiles(profiles)
    , m_profile(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_engine(new QLineEdit(this))
    , m_since(new QDateEdit(QDate::currentDate().addDays(-7), this))
    , m_list(new QTreeWidget(this))
    , m_pageLabel(new QLabel(this))
    , m_prev(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_autoRefresh(new QTimer(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_status->addItem(tr("Any status"), QString());
    for (JobStatus s : {JobStatus::Running, JobStatus::Succeed, JobStatus::Failed,
                        JobStatus::Cancelled, JobStatus::Timeout, JobStatus::Scheduled})
        m_status->addItem(jobStatusName(s), jobStatusName(s));
    m_engine->setPlaceholderText(tr("Engine"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    m_prev->setText(QStringLiteral("\u2039"));
    m_next->setText(QStringLiteral("\u203a"));

    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Task"), tr("Engine"), tr("Created"), tr("Code")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);

    auto *openCode = new QToolButton(this);
    openCode->setText(tr("Open code"));
    auto *openLog = new QToolButton(this);
    openLog->setText(tr("Log"));
    auto *openResults = new QToolButton(this);
    openResults->setText(tr("Results"));

    auto *filters = new QGridLayout;
    filters->addWidget(m_profile, 0, 0, 1, 2);
    filters->addWidget(refresh, 0, 2);
    filters->addWidget(m_status, 1, 0);
    filters->addWidget(m_engine, 1, 1);
    filters->addWidget(m_since, 1, 2);
    auto *pager = new QHBoxLayout;
    pager->addWidget(openCode);
    pager->addWidget(openLog);
    pager->addWidget(openResults);
    pager->addStretch(1);
    pager->addWidget(m_prev);
    pager->addWidget(m_pageLabel);
    pager->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addLayout(pager);

    fillProfiles();
    connect(m_profiles, &ProfileStore::changed, this, &HistoryPanel::fillProfiles);
    connect(m_profile, &QComboBox::currentTextChanged, this, [this] {
        m_page = 1;
        refreshWhenShown();
    });
    m_autoRefresh->setObjectName(QStringLiteral("historyAutoRefresh"));
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(refresh, &QToolButton::clicked, this, [this] {
        m_page = 1;
        this->refresh();
    });
    connect(m_prev, &QToolButton::clicked, this, [this] {
        m_page = qMax(1, m_page - 1);
        this->refresh();
    });
    connect(m_next, &QToolButton::clicked, this, [this] {
        ++m_page;
        this->refresh();
    });
    auto emitCode = [this] {
        if (const TaskInfo *t = selectedTask())
            Q_EMIT this->openCode(t->executionCode, t->runType);
    };
    connect(openCode, &QToolButton::clicked, this, emitCode);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, emitCode);
    connect(openLog, &QToolButton::clicked, this, [this] {
        if (const TaskInfo *t = selectedTask())
            showLog(*t);
    });
    connect(openResults, &QToolButton::clicked, this, [this] {
        if (const TaskInfo *t = selectedTask())
            showResults(*t);
    });
    m_pageLabel->setText(tr("Page %1").arg(m_page));
}

void HistoryPanel::fillProfiles()
{
    const QString keep = m_profile->currentText();
    const QSignalBlocker quiet(m_profile); // the same profile again is no reason to reload
    m_profile->clear();
    m_profile->addItems(m_profiles->names());
    m_profile->setCurrentText(keep.isEmpty() ? m_profiles->defaultProfileName() : keep);
    if (m_profile->currentText() != keep) {
        m_page = 1;
        refreshWhenShown();
    }
}

void HistoryPanel::followJobs(JobRegistry *registry)
{
    for (JobTracker *tracker : registry->trackers())
        follow(tracker);
    connect(registry, &JobRegistry::trackerAdded, this, &HistoryPanel::follow);
}

void HistoryPanel::follow(JobTracker *tracker)
{
    connect(tracker, &JobTracker::finished, this, [this, tracker] {
        if (tracker->profileName().compare(m_profile->currentText(), Qt::CaseInsensitive) == 0)
            refreshWhenShown();
    });
}

void HistoryPanel::refreshWhenShown()
{
    m_stale = true;
    if (isVisible())
        refresh();
}

void HistoryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
    m_autoRefresh->start();
}

void HistoryPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoRefresh->stop();
}

void HistoryPanel::setProfile(const QString &name)
{
    m_profile->setCurrentText(name);
}

const TaskInfo *HistoryPanel::selectedTask() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const int i = m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item));
    return i >= 0 && i < m_tasks.size() ? &m_tasks.at(i) : nullptr;
}

void HistoryPanel::refresh()
{
    m_stale = false;
    m_request.cancel();
    TaskQuery query;
    if (!m_status->currentData().toString().isEmpty())
        query.statuses = {m_status->currentData().toString()};
    query.startDate = m_since->date().startOfDay();
    query.endDate = QDateTime::currentDateTime().addDays(1);
    query.engineType = m_engine->text().trimmed();
    query.pageNow = m_page;
    query.pageSize = PageSize;
    m_pageLabel->setText(tr("Loading\u2026"));
    m_clients->acquire(
        m_profile->currentText(), this,
        [this, query](Result<LinkisClient *> client) {
            if (!client) {
                m_pageLabel->setText(client.error().message);
                return;
            }
            m_request = (*client)->jobList(query, this, [this](Result<TaskPage> p) {
                const TaskInfo *selected = selectedTask();
                const qint64 keep = selected ? selected->taskId : 0; // kept across reloads
                m_list->clear();
                m_tasks.clear();
                if (!p) {
                    m_pageLabel->setText(p.error().message);
                    return;
                }
                m_tasks = p->tasks;
                m_total = p->total;
                for (const TaskInfo &t : m_tasks) {
                    auto *item = new QTreeWidgetItem(m_list);
                    item->setIcon(0, JobStatusStyle::icon(t.status));
                    item->setText(0, QString::number(t.taskId));
                    item->setToolTip(0, JobStatusStyle::label(t.status));
                    item->setText(1, t.engineType);
                    item->setText(
                        2, t.createdTime.toLocalTime().toString(QStringLiteral("MM-dd HH:mm")));
                    item->setText(3, JobJournal::firstLineOf(t.executionCode, 80));
                    if (keep > 0 && t.taskId == keep)
                        m_list->setCurrentItem(item);
                }
                const int pages = int(qMax<qint64>(1, (m_total + PageSize - 1) / PageSize));
                m_pageLabel->setText(tr("Page %1 of %2").arg(m_page).arg(pages));
                m_prev->setEnabled(m_page > 1);
                m_next->setEnabled(m_page < pages);
                Q_EMIT loaded(int(m_tasks.size()));
            });
        },
        ClientPool::Prompt::DontAsk);
}

void HistoryPanel::showLog(const TaskInfo &task)
{
    LinkisClient *client = m_clients->clientIfReady(m_profile->currentText());
    if (!client || task.logPath.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Log of task %1").arg(task.taskId));
    auto *panel = new LogPanel(dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panel);
    dialog->resize(900, 500);
    client->openLogPage(task.logPath, panel, [panel](Result<LogPage> page) {
        if (page)
            panel->appendPage(*page);
        else
            panel->appendLines({page.error().message});
    });
    dialog->show();
}

void HistoryPanel::showResults(const TaskInfo &task)
{
    LinkisClient *client = m_clients->clientIfReady(m_profile->currentText());
    if (!client || task.resultLocation.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Results of task %1").arg(task.taskId));
    auto *tabs = new QTabWidget(dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
    dialog->resize(900, 500);
    client->resultSets(task.resultLocation, tabs, [tabs, client](Result<QList<ResultSetRef>> sets) {
        if (!sets)
            return;
        for (int i = 0; i < sets->size(); ++i)
            tabs->addTab(new ResultGrid(client, sets->at(i).path, tabs),
                         QObject::tr("Result %1").arg(i + 1));
    });
    dialog->show();
}

} // namespace linkisdesk
