// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "engines/engineinfo.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace linkisdesk {

class ClientPool;
class EngineClient;
class LinkisClient;
class ProfileStore;

// The user's engines (Linkis EngineConns) on one profile's server: type and version, creator,
// status, started, idle for, memory and cores. Refreshed every AutoRefreshMs, only while
// visible. Kill engine asks first (always: killing an engine loses its session state); Kill all
// idle ends every idle one. Kills are asynchronous on the server: the list refreshes until the
// engines are gone.
class EnginesDock : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnginesDock)
public:
    EnginesDock(ClientPool *clients, ProfileStore *profiles, QWidget *parent = nullptr);
    ~EnginesDock() override;

    static constexpr int AutoRefreshMs = 5000;

    void refresh();
    void setProfile(const QString &name);
    QTreeWidget *list() const { return m_list; }
    QList<EngineInfo> engines() const { return m_engines; }
    // Kills the selected engine; `confirmed` skips the question (tests).
    void killSelected(bool confirmed = false);
    void killAllIdle(bool confirmed = false);

Q_SIGNALS:
    void loaded(int count);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fillProfiles();
    EngineClient *clientFor(LinkisClient *client);
    void showEngines(const QList<EngineInfo> &engines);
    void kill(const QList<EngineInfo> &engines);

    ClientPool *m_clients;
    ProfileStore *m_profiles;
    QComboBox *m_profile;
    QTreeWidget *m_list;
    QLabel *m_status;
    QToolButton *m_kill;
    QToolButton *m_killIdle;
    QTimer *m_autoRefresh;
    QList<EngineInfo> m_engines;
    QHash<LinkisClient *, QPointer<EngineClient>> m_engineClients;
    RequestHandle m_request;
    RequestHandle m_killRequest;
};

} // namespace linkisdesk
