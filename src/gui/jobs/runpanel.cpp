// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/runpanel.h"

#include "api/apierror.h"
#include "jobs/jobstatusstyle.h"
#include "jobs/jobtracker.h"
#include "logs/errorline.h"
#include "logs/logpanel.h"
#include "logs/logview.h"
#include "results/resultgrid.h"
#include "theme.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {
QString formatElapsed(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1.%2 s").arg(s).arg((ms % 1000) / 100);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}
QString percentText(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'g', 3);
}

// What progressWithResource reported, in one phrase.
QString resourcesText(const JobResources &r)
{
    if (!r.reported)
        return RunPanel::tr("no resources reported");
    if (r.applications.isEmpty())
        return RunPanel::tr("no YARN application yet");
    QStringList queues;
    for (const YarnApplication &a : r.applications) {
        if (!a.queue.isEmpty() && !queues.contains(a.queue))
            queues.append(a.queue);
    }
    QString text = RunPanel::tr("YARN %1, %n core(s)", nullptr, r.cores())
                       .arg(QLocale().formattedDataSize(r.memoryBytes()));
    if (r.applications.size() > 1)
        text += u' ' + RunPanel::tr("in %n application(s)", nullptr, int(r.applications.size()));
    QStringList notes;
    if (!queues.isEmpty())
        notes << RunPanel::tr("queue %1").arg(queues.join(QStringLiteral(", ")));
    if (r.corePercent >= 0)
        notes << RunPanel::tr("%1 % of the cores").arg(percentText(r.corePercent));
    if (r.memoryPercent >= 0)
        notes << RunPanel::tr("%1 % of the memory").arg(percentText(r.memoryPercent));
    if (!notes.isEmpty())
        text += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral("; ")));
    return text;
}
} // namespace

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_statusIcon(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_what(new QLabel(this))
    , m_killState(new QLabel(this))
    , m_error(new QLabel(this))
    , m_kill(new QToolButton(this))
    , m_killEngine(new QToolButton(this))
    , m_engineLine(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_details(new QToolButton(this))
    , m_progressTable(new QTableWidget(0, 5, this))
    , m_split(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_log(new LogPanel(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("runPanel"));
    QFont bold = m_statusLabel->font();
    bold.setBold(true);
    m_statusLabel->setFont(bold);
    m_statusLabel->setObjectName(QStringLiteral("runStatus"));
    m_elapsed->setObjectName(QStringLiteral("runElapsed"));
    m_what->setTextFormat(Qt::PlainText);
    m_what->setMinimumWidth(40);
    m_what->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QPalette dim = m_what->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_what->setPalette(dim);
    m_elapsed->setPalette(dim);
    m_engineLine->setPalette(dim);
    m_killState->setObjectName(QStringLiteral("killState"));
    // A long reason ("Reconnecting in 4 s — Cannot connect to ...") must not widen the window:
    // the label takes the room left in the row and wraps (the full text is in its tooltip).
    m_killState->setMinimumWidth(40);
    m_killState->setWordWrap(true);
    m_killState->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_kill->setText(tr("Kill"));
    m_kill->setObjectName(QStringLiteral("killButton"));
    m_kill->setToolTip(tr("Kill this job on the server (Ctrl+Shift+K)"));
    m_kill->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_kill->setIcon(JobStatusStyle::icon(JobStatus::Cancelled));
    m_kill->setEnabled(false);
    m_killEngine->setText(tr("Kill its engine"));
    m_killEngine->setObjectName(QStringLiteral("killEngineButton"));
    m_killEngine->setToolTip(
        tr("The job does not stop: kill the engine that runs it (its session state is lost)"));
    m_killEngine->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_killEngine->setIcon(JobStatusStyle::icon(JobStatus::Failed));
    m_killEngine->hide();
    m_engineLine->setObjectName(QStringLiteral("runEngine"));
    m_engineLine->setTextFormat(Qt::PlainText);
    m_engineLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engineLine->setMinimumWidth(40);
    m_engineLine->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_engineLine->hide();

    m_error->setObjectName(QStringLiteral("runError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral(
        "QLabel#runError { background: rgba(217,59,59,28); border: 1px solid rgba(217,59,59,120);"
        " border-radius: 4px; padding: 6px 8px; color: palette(text); }"));
    m_error->hide();

    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->setMaximumHeight(16);
    m_details->setText(tr("Stages"));
    m_details->setCheckable(true);
    m_details->setAutoRaise(true);
    m_details->setToolTip(tr("Show the progress of each stage (progressInfo)"));
    m_progressTable->setObjectName(QStringLiteral("progressTable"));
    m_progressTable->setHorizontalHeaderLabels(
        {tr("Stage"), tr("Succeeded"), tr("Failed"), tr("Running"), tr("Total")});
    m_progressTable->verticalHeader()->hide();
    m_progressTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_progressTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_progressTable->setMaximumHeight(110);
    m_progressTable->hide();
    connect(m_details, &QToolButton::toggled, m_progressTable, &QWidget::setVisible);

    auto *head = new QHBoxLayout;
    head->setContentsMargins(8, 6, 8, 2);
    head->setSpacing(8);
    head->addWidget(m_statusIcon);
    head->addWidget(m_statusLabel);
    head->addWidget(m_elapsed);
    head->addWidget(m_what, 1);
    head->addWidget(m_killState, 2);
    head->addWidget(m_killEngine);
    head->addWidget(m_kill);
    auto *progressRow = new QHBoxLayout;
    progressRow->setContentsMargins(8, 0, 8, 4);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_details);

    m_tabs->setDocumentMode(true);
    m_tabs->hide(); // shown once the job has result sets
    m_split->addWidget(m_tabs);
    m_split->addWidget(m_log);
    m_split->setChildrenCollapsible(false);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(head);
    auto *engineRow = new QHBoxLayout;
    engineRow->setContentsMargins(8, 0, 8, 2);
    engineRow->addWidget(m_engineLine);
    layout->addLayout(engineRow);
    auto *errorRow = new QHBoxLayout;
    errorRow->setContentsMargins(8, 0, 8, 2);
    errorRow->addWidget(m_error);
    layout->addLayout(errorRow);
    layout->addLayout(progressRow);
    auto *tableRow = new QHBoxLayout;
    tableRow->setContentsMargins(8, 0, 8, 2);
    tableRow->addWidget(m_progressTable);
    layout->addLayout(tableRow);
    layout->addWidget(m_split, 1);

    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &RunPanel::tick);
    connect(m_kill, &QToolButton::clicked, this, &RunPanel::killRequested);
    connect(m_killEngine, &QToolButton::clicked, this, [this] {
        if (m_engine)
            Q_EMIT killEngineRequested(*m_engine);
    });
    setStatus(JobStatus::Unknown);
}

void RunPanel::begin(const QString &profileName, bool production, const QString &what)
{
    if (m_tracker) {
        disconnect(m_tracker, nullptr, this, nullptr);
        m_tracker->setWatched(false);
    }
    m_tracker = nullptr;
    m_production = production;
    m_finalElapsed = -1;
    m_clock.start();
    m_ticker->start();
    m_error->hide();
    m_error->clear();
    m_killState->clear();
    m_progress->setValue(0);
    m_progress->setRange(0, 0); // busy until the first progress reply
    m_progressTable->setRowCount(0);
    m_log->clear();
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        w->deleteLater();
    }
    m_tabs->hide();
    const QString profile = production ? tr("%1 (production)").arg(profileName) : profileName;
    m_what->setText(QStringLiteral("%1 \u00b7 %2").arg(profile, what.simplified().left(200)));
    m_kill->setEnabled(false);
    m_killEngine->hide();
    m_engineType.clear();
    m_engine.reset();
    m_resources.reset();
    updateEngineLine();
    setStatus(JobStatus::Unknown);
    tick();
}

void RunPanel::setEngineType(const QString &engineType)
{
    m_engineType = engineType;
    updateEngineLine();
}

void RunPanel::attach(JobTracker *tracker)
{
    m_tracker = tracker;
    tracker->setWatched(isVisible()); // kept up to date by tick()
    m_kill->setEnabled(true);
    connect(tracker, &JobTracker::statusChanged, this, &RunPanel::setStatus);
    connect(tracker, &JobTracker::progressChanged, this, &RunPanel::setProgress);
    connect(tracker, &JobTracker::logPage, this, [this](const LogPage &page) {
        m_log->appendPage(page);
        if (const auto mention = EngineMention::inPage(page)) {
            m_engine = mention;
            updateEngineLine();
        }
    });
    connect(tracker, &JobTracker::resourcesChanged, this, &RunPanel::setResources);
    connect(tracker, &JobTracker::killSlow, this, [this] {
        // The job does not stop: its engine may be stuck. Offered only when the log named it.
        m_killEngine->setVisible(m_engine.has_value() && !isTerminal(m_status));
    });
    connect(tracker, &JobTracker::killRequested, this,
            [this] { setKillText(tr("Kill sent\u2026"), Theme::colour(Theme::Role::Warning)); });
    connect(tracker, &JobTracker::killConfirmed, this,
            [this] { setKillText(tr("Kill confirmed"), Theme::colour(Theme::Role::Cancelled)); });
    connect(tracker, &JobTracker::killNotConfirmed, this, [this](int seconds) {
        setKillText(tr("Kill not confirmed after %1 s").arg(seconds),
                    Theme::colour(Theme::Role::Failure));
    });
    connect(tracker, &JobTracker::taskInfoChanged, this, &RunPanel::onTaskInfo);
    connect(tracker, &JobTracker::resultSetsReady, this, &RunPanel::onResultSets);
    connect(tracker, &JobTracker::finished, this, &RunPanel::onFinished);
    connect(tracker, &JobTracker::reconnecting, this,
            [this](const ApiError &e, int, int retryInMs) {
                // What went wrong stays readable in the panel; the full text in the tooltip.
                const QString why = e.message.simplified();
                setKillText(tr("Reconnecting in %1 s — %2")
                                .arg((retryInMs + 999) / 1000)
                                .arg(why.size() > 90 ? why.left(89) + QChar(0x2026) : why),
                            Theme::colour(Theme::Role::Warning));
                m_killState->setToolTip(e.message);
            });
    connect(tracker, &JobTracker::reconnected, this, [this] {
        m_killState->clear();
        m_killState->setToolTip(QString());
    });
    connect(tracker, &JobTracker::failed, this, [this](const ApiError &e) {
        showError(tr("The job could not be run"), e.message);
        onFinished(JobStatus::Failed);
    });
    if (tracker->status() != JobStatus::Unknown)
        setStatus(tracker->status());
    if (tracker->hasTaskInfo())
        onTaskInfo(tracker->taskInfo());
}

void RunPanel::showError(const QString &title, const QString &detail)
{
    m_error->setText(
        QStringLiteral("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), detail.toHtmlEscaped()));
    m_error->show();
}

void RunPanel::setStatus(JobStatus status)
{
    m_status = status;
    const int px = m_statusLabel->fontMetrics().height();
    m_statusIcon->setPixmap(
        JobStatusStyle::icon(status).pixmap(QSize(px, px), devicePixelRatioF()));
    m_statusLabel->setText(JobStatusStyle::label(status));
    QPalette pal = m_statusLabel->palette();
    pal.setColor(QPalette::WindowText, JobStatusStyle::colour(status));
    m_statusLabel->setPalette(pal);
    if (isTerminal(status)) {
        m_kill->setEnabled(false);
        m_killEngine->hide();
        if (status == JobStatus::Succeed) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(1000);
        }
    }
}

void RunPanel::setProgress(double progress, const QList<ProgressItem> &items)
{
    if (progress >= 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qBound(0.0, progress, 1.0) * 1000));
    }
    m_progressTable->setRowCount(int(items.size()));
    for (int r = 0; r < items.size(); ++r) {
        const ProgressItem &item = items.at(r);
        const QStringList cells = {
            item.id, QString::number(item.succeedTasks), QString::number(item.failedTasks),
            QString::number(item.runningTasks), QString::number(item.totalTasks)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *cell = m_progressTable->item(r, c);
            if (!cell) {
                cell = new QTableWidgetItem;
                if (c > 0)
                    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_progressTable->setItem(r, c, cell);
            }
            cell->setText(cells.at(c));
        }
    }
    m_details->setText(items.isEmpty() ? tr("Stages") : tr("Stages (%1)").arg(items.size()));
}

void RunPanel::setKillText(const QString &text, const QColor &colour)
{
    m_killState->setText(text);
    m_killState->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(colour.name()));
    m_waitShown = false; // any other notice takes the place of the waiting one
}

void RunPanel::setResources(const JobResources &resources)
{
    m_resources = resources;
    updateEngineLine();
}

void RunPanel::updateEngineLine()
{
    const QString text = engineText();
    m_engineLine->setText(text);
    m_engineLine->setToolTip(text);
    m_engineLine->setVisible(!text.isEmpty());
}

QString RunPanel::engineText() const
{
    QStringList parts;
    if (m_engine) {
        const QString type =
            m_engineType.isEmpty() ? tr("Engine") : tr("Engine %1").arg(m_engineType);
        parts << (m_engine->reused ? tr("%1 at %2 (reused)") : tr("%1 at %2 (new)"))
                     .arg(type, m_engine->instance);
    }
    if (m_resources)
        parts << resourcesText(*m_resources);
    return parts.join(QStringLiteral(" \u00b7 "));
}

void RunPanel::showEngineKill(bool killed, const QString &detail)
{
    m_killEngine->hide();
    if (killed)
        setKillText(tr("Engine %1 killed").arg(detail), Theme::colour(Theme::Role::Cancelled));
    else
        setKillText(tr("The engine was not killed: %1").arg(detail),
                    Theme::colour(Theme::Role::Failure));
    m_killState->setToolTip(detail);
}

void RunPanel::updateWaitNotice()
{
    // A server that stays silent (no answer, no error yet) is said after a few seconds, long
    // before the request timeout turns the silence into "Reconnecting".
    constexpr qint64 silentMs = 5000;
    const LinkisClient *client = m_tracker ? m_tracker->client() : nullptr;
    const qint64 waitMs = client && !isTerminal(m_tracker->status()) ? client->longestWaitMs() : 0;
    if (waitMs >= silentMs && (m_waitShown || m_killState->text().isEmpty())) {
        setKillText(tr("No answer from the server for %1 s").arg(waitMs / 1000),
                    Theme::colour(Theme::Role::Warning));
        m_waitShown = true;
    } else if (m_waitShown && waitMs < silentMs) {
        m_killState->clear();
        m_waitShown = false;
    }
}

void RunPanel::onTaskInfo(const TaskInfo &info)
{
    if (info.status == JobStatus::Failed || info.errCode || !info.errDesc.isEmpty()) {
        if (info.status != JobStatus::Failed && info.status != JobStatus::Timeout)
            return;
        const QString code = info.errCode ? tr("Error %1").arg(*info.errCode) : tr("Error");
        showError(code, info.errDesc.isEmpty() ? tr("The job failed.") : info.errDesc);
        const int line = lineFromError(info.errDesc);
        if (line > 0)
            Q_EMIT errorLine(line, info.errDesc);
    }
}

void RunPanel::onResultSets(const QList<ResultSetRef> &sets)
{
    if (!m_tracker)
        return;
    for (int i = 0; i < sets.size(); ++i) {
        auto *grid = new ResultGrid(m_tracker->client(), sets.at(i).path, m_tabs);
        if (m_charts)
            grid->keepChartIn(m_charts, i);
        m_tabs->addTab(grid, sets.size() == 1 ? tr("Result") : tr("Result %1").arg(i + 1));
    }
    m_tabs->setVisible(m_tabs->count() > 0);
}

void RunPanel::onFinished(JobStatus status)
{
    setStatus(status);
    m_finalElapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_ticker->stop();
    tick();
    if (status != JobStatus::Succeed && m_progress->maximum() == 0)
        m_progress->setRange(0, 1000);
    Q_EMIT finished(status);
}

void RunPanel::tick()
{
    m_elapsed->setText(formatElapsed(elapsedMs()));
    // Only a panel on screen has its job's log and progress polled while it runs.
    if (m_tracker)
        m_tracker->setWatched(isVisible());
    updateWaitNotice();
}

qint64 RunPanel::elapsedMs() const
{
    if (m_finalElapsed >= 0)
        return m_finalElapsed;
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

QString RunPanel::statusText() const
{
    return m_statusLabel->text();
}

QString RunPanel::killStateText() const
{
    return m_killState->text();
}

QString RunPanel::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QList<ResultGrid *> RunPanel::resultGrids() const
{
    QList<ResultGrid *> grids;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *g = qobject_cast<ResultGrid *>(m_tabs->widget(i)))
            grids.append(g);
    }
    return grids;
}

QList<QWidget *> RunPanel::focusPanes() const
{
    QList<QWidget *> panes;
    if (auto *grid = qobject_cast<ResultGrid *>(m_tabs->currentWidget());
        grid && m_tabs->isVisibleTo(this))
        panes << grid->focusTarget();
    panes << m_log->view();
    return panes;
}

bool RunPanel::focusNextPane(QWidget *editor, const RunPanel *panel, bool backwards)
{
    QList<QWidget *> ring;
    if (editor)
        ring << editor;
    if (panel && panel->isVisible())
        ring << panel->focusPanes();
    ring.removeIf([](QWidget *w) { return !w || !w->isVisible(); });
    if (ring.isEmpty())
        return false;
    const QWidget *focused = QApplication::focusWidget();
    qsizetype at = -1;
    for (qsizetype i = 0; i < ring.size() && at < 0; ++i) {
        if (focused && (ring.at(i) == focused || ring.at(i)->isAncestorOf(focused)))
            at = i;
    }
    const qsizetype n = ring.size();
    const qsizetype next = at < 0 ? 0 : (backwards ? (at + n - 1) % n : (at + 1) % n);
    ring.at(next)->setFocus(Qt::ShortcutFocusReason);
    return true;
}

int RunPanel::lineFromError(const QString &message)
{
    return ErrorLine::find(message).line;
}

} // namespace linkisdesk
