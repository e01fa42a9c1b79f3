// SPDX-License-Identifier: GPL-3.0-or-later
#include "database/metadatastores.h"

#include "api/linkisclient.h"
#include "metadata/metadataclient.h"
#include "metadata/metadatastore.h"
#include "profiles/clientpool.h"

namespace linkisdesk {

MetadataStores::MetadataStores(ClientPool *clients, QObject *parent)
    : QObject(parent)
    , m_clients(clients)
{
    if (!m_clients)
        return;
    // Signed in for something else (a run, a test of the profile): connect the waiting store.
    connect(m_clients, &ClientPool::stateChanged, this,
            [this](const QString &profileName, ClientPool::State state) {
                const QString key = profileName.toLower();
                MetadataStore *store = m_stores.value(key);
                if (state == ClientPool::State::Ready && store && !store->client())
                    connectStore(key, profileName, false);
            });
}

MetadataStores::~MetadataStores()
{
    qDeleteAll(m_stores); // each flushes its cache
}

MetadataStore *MetadataStores::storeFor(const QString &profileName, bool askForSecret)
{
    if (profileName.isEmpty())
        return nullptr;
    const QString key = profileName.toLower();
    MetadataStore *store = m_stores.value(key);
    if (!store) {
        auto cache = std::make_unique<MetadataCache>(
            m_onDisk ? MetadataCache::pathForProfile(profileName) : QString());
        const auto loaded = cache->load();
        if (!loaded)
            qWarning("metadata cache: %s", qPrintable(loaded.error().message));
        store = new MetadataStore(nullptr, std::move(cache));
        m_stores.insert(key, store);
    }
    if (!store->client() || !m_metadataClients.value(key))
        connectStore(key, profileName, askForSecret);
    return store;
}

void MetadataStores::connectStore(const QString &key, const QString &profileName, bool askForSecret)
{
    if (!m_clients || m_connecting.value(key))
        return;
    m_connecting.insert(key, true);
    m_clients->acquire(
        profileName, this,
        [this, key, profileName](Result<LinkisClient *> client) {
            m_connecting.remove(key);
            MetadataStore *store = m_stores.value(key);
            if (!client) {
                emit unavailable(profileName, client.error().message);
                return;
            }
            if (!store)
                return;
            MetadataClient *metadata = m_metadataClients.value(key);
            if (!metadata || metadata->linkisClient() != *client) {
                delete metadata;
                // Lives with the LinkisClient: a profile edited later gets a new one.
                metadata = new MetadataClient(*client, *client);
                m_metadataClients.insert(key, metadata);
            }
            store->setClient(metadata);
            emit connected(profileName);
        },
        askForSecret ? ClientPool::Prompt::Ask : ClientPool::Prompt::DontAsk);
}

} // namespace linkisdesk
