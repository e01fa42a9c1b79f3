// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/enginesdock.h"

#include "api/linkisclient.h"
#include "engines/engineclient.h"
#include "profiles/clientpool.h"
#include "profiles/profilestore.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {

constexpr int kAfterKillMs = 700; // the server ends engines asynchronously

QString durationText(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s < 60)
        return EnginesDock::tr("%1 s").arg(s);
    if (s < 3600)
        return EnginesDock::tr("%1 min").arg(s / 60);
    return EnginesDock::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

EnginesDock::EnginesDock(ClientPool *clients, ProfileStore *profiles, QWidget *parent)
    : QWidget(parent)
    , m_clients(clients)
    , m_profiles(profiles)
    , m_profile(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_kill(new QToolButton(this))
    , m_killIdle(new QToolButton(this))
    , m_autoRefresh(new QTimer(this))
{
    setObjectName(QStringLiteral("enginesDock"));
    auto *refreshButton = new QToolButton(this);
    refreshButton->setText(tr("Refresh"));
    m_kill->setText(tr("Kill engine"));
    m_kill->setObjectName(QStringLiteral("killEngineButton"));
    m_killIdle->setText(tr("Kill all idle"));
    m_list->setColumnCount(8);
    m_list->setHeaderLabels({tr("Engine"), tr("Creator"), tr("Status"), tr("Started"),
                             tr("Idle for"), tr("Memory"), tr("Cores"), tr("Instance")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_profile, 1);
    top->addWidget(refreshButton);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_kill);
    buttons->addWidget(m_killIdle);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    fillProfiles();
    connect(m_profiles, &ProfileStore::changed, this, &EnginesDock::fillProfiles);
    connect(m_profile, &QComboBox::currentTextChanged, this, [this] {
        m_list->clear();
        m_engines.clear();
        if (isVisible())
            refresh();
    });
    m_autoRefresh->setObjectName(QStringLiteral("enginesAutoRefresh"));
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &EnginesDock::refresh);
    connect(refreshButton, &QToolButton::clicked, this, &EnginesDock::refresh);
    connect(m_kill, &QToolButton::clicked, this, [this] { killSelected(); });
    connect(m_killIdle, &QToolButton::clicked, this, [this] { killAllIdle(); });
}

EnginesDock::~EnginesDock()
{
    m_request.cancel();
    m_killRequest.cancel();
}

void EnginesDock::fillProfiles()
{
    const QString keep = m_profile->currentText();
    const QSignalBlocker quiet(m_profile);
    m_profile->clear();
    m_profile->addItems(m_profiles->names());
    m_profile->setCurrentText(keep.isEmpty() ? m_profiles->defaultProfileName() : keep);
}

void EnginesDock::setProfile(const QString &name)
{
    m_profile->setCurrentText(name);
}

void EnginesDock::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_autoRefresh->start();
}

void EnginesDock::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoRefresh->stop();
}

EngineClient *EnginesDock::clientFor(LinkisClient *client)
{
    QPointer<EngineClient> &c = m_engineClients[client];
    if (!c)
        c = new EngineClient(client, this);
    return c;
}

void EnginesDock::refresh()
{
    m_request.cancel();
    m_clients->acquire(
        m_profile->currentText(), this,
        [this](Result<LinkisClient *> client) {
            if (!client) {
                m_status->setText(client.error().message);
                return;
            }
            m_request = clientFor(*client)->engines(this, [this](Result<QList<EngineInfo>> r) {
                if (!r) {
                    m_status->setText(r.error().message);
                    return;
                }
                showEngines(*r);
            });
        },
        ClientPool::Prompt::DontAsk);
}

void EnginesDock::showEngines(const QList<EngineInfo> &engines)
{
    const QTreeWidgetItem *current = m_list->currentItem();
    const QString keep = current ? current->text(7) : QString();
    m_list->clear();
    m_engines = engines;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QLocale locale;
    for (const EngineInfo &e : engines) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, e.typeAndVersion());
        item->setText(1, e.creator);
        item->setText(2, e.status);
        item->setText(3,
                      e.startTimeMs > 0
                          ? locale.toString(QDateTime::fromMSecsSinceEpoch(e.startTimeMs),
                                            QLocale::ShortFormat)
                          : QString());
        item->setText(
            4, e.isIdle() && e.updateTimeMs > 0 ? durationText(now - e.updateTimeMs) : QString());
        item->setText(5, locale.formattedDataSize(e.memoryBytes));
        item->setText(6, QString::number(e.cores));
        item->setText(7, e.instance);
        if (e.instance == keep)
            m_list->setCurrentItem(item);
    }
    m_status->setText(engines.isEmpty() ? tr("No engines: the next run starts one.")
                                        : tr("%n engine(s)", nullptr, int(engines.size())));
    Q_EMIT loaded(int(engines.size()));
}

void EnginesDock::killSelected(bool confirmed)
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const int row = item ? m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)) : -1;
    if (row < 0 || row >= m_engines.size()) {
        m_status->setText(tr("Select an engine to kill."));
        return;
    }
    const EngineInfo engine = m_engines.at(row);
    if (!confirmed &&
        QMessageBox::question(
            this, tr("Kill engine"),
            tr("Kill the %1 engine %2 on %3? Its session state (variables, TEMP tables) is "
               "lost, and a job running in it is cancelled.")
                .arg(engine.typeAndVersion(), engine.instance, m_profile->currentText())) !=
            QMessageBox::Yes)
        return;
    kill({engine});
}

void EnginesDock::killAllIdle(bool confirmed)
{
    QList<EngineInfo> idle;
    for (const EngineInfo &e : std::as_const(m_engines)) {
        if (e.isIdle())
            idle.append(e);
    }
    if (idle.isEmpty()) {
        m_status->setText(tr("No idle engines."));
        return;
    }
    if (!confirmed &&
        QMessageBox::question(this, tr("Kill all idle"),
                              tr("Kill %n idle engine(s) on %1? Their session state is lost.",
                                 nullptr, int(idle.size()))
                                  .arg(m_profile->currentText())) != QMessageBox::Yes)
        return;
    kill(idle);
}

void EnginesDock::kill(const QList<EngineInfo> &engines)
{
    LinkisClient *client = m_clients->clientIfReady(m_profile->currentText());
    if (!client) {
        m_status->setText(tr("Not connected to %1.").arg(m_profile->currentText()));
        return;
    }
    m_status->setText(tr("Killing %n engine(s)\u2026", nullptr, int(engines.size())));
    auto done = [this](Result<bool> r) {
        if (!r) {
            m_status->setText(r.error().message);
            return;
        }
        QTimer::singleShot(kAfterKillMs, this, &EnginesDock::refresh);
    };
    EngineClient *c = clientFor(client);
    m_killRequest = engines.size() == 1 ? c->kill(engines.constFirst(), this, done)
                                        : c->killMany(engines, this, done);
}

} // namespace linkisdesk
