// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace linkisdesk {

class ClientPool;
class MetadataClient;
class MetadataStore;

// One MetadataStore per profile, shared by the Database dock and the completion of every
// editor, each with its cache file under the cache folder. A store exists at once (its cache
// shows before any connection); its client comes from the ClientPool when the profile's
// connection is ready, and the levels asked for meanwhile are asked again then. Background
// users (the dock following the current tab, the completion) never ask for a missing secret: the
// store connects as soon as the profile signs in for something the user did (a run, Refresh).
class MetadataStores : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataStores)
public:
    // An empty cacheFolder keeps the caches in memory (tests).
    explicit MetadataStores(ClientPool *clients, QObject *parent = nullptr);
    ~MetadataStores() override;

    // Never null for a non-empty name. `connect` asks the pool for the profile's client when
    // the store has none yet (the user may be asked for a missing secret: DontAsk for
    // background users such as the completion).
    MetadataStore *storeFor(const QString &profileName, bool askForSecret = false);
    void setCachesOnDisk(bool onDisk) { m_onDisk = onDisk; }

signals:
    // The store of `profileName` got its client (the dock reloads what it shows).
    void connected(const QString &profileName);
    // No client for `profileName` (not signed in yet, sign-in cancelled or refused).
    void unavailable(const QString &profileName, const QString &message);

private:
    void connectStore(const QString &key, const QString &profileName, bool askForSecret);

    ClientPool *m_clients;
    QHash<QString, MetadataStore *> m_stores; // by lower-case profile name
    QHash<QString, QPointer<MetadataClient>> m_metadataClients;
    QHash<QString, bool> m_connecting;
    bool m_onDisk = true;
};

} // namespace linkisdesk
