// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/notifier.h"

#include "appicons.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

#ifdef LINKIS_DESK_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>
#endif

namespace linkisdesk {

namespace {
#ifdef LINKIS_DESK_HAVE_DBUS
const QString &serviceName()
{
    static const QString name = QStringLiteral("org.freedesktop.Notifications");
    return name;
}
#endif
} // namespace

Notifier::Notifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_icon(AppIcons::app())
{ }

Notifier::~Notifier() = default;

bool Notifier::dbusServiceAvailable() const
{
#ifdef LINKIS_DESK_HAVE_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    // A blocking round trip to the bus daemon (not to the service); used for display only.
    return bus.interface()->isServiceRegistered(serviceName()).value();
#else
    return false;
#endif
}

Notifier::Backend Notifier::backend() const
{
    if (dbusServiceAvailable())
        return Backend::FreedesktopDBus;
    if (QSystemTrayIcon::isSystemTrayAvailable())
        return Backend::Tray;
    return Backend::None;
}

void Notifier::notify(const QString &title, const QString &body)
{
    if (m_window)
        QApplication::alert(m_window);
#ifdef LINKIS_DESK_HAVE_DBUS
    // No "is it registered?" question first: the asynchronous call itself fails at once with
    // ServiceUnknown when no notification service exists (or one is started on demand).
    if (QDBusConnection::sessionBus().isConnected()) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            serviceName(), QStringLiteral("/org/freedesktop/Notifications"), serviceName(),
            QStringLiteral("Notify"));
        QVariantMap hints;
        // The desktop entry's id (packaging/linux/io.github.linkisdesk.LinkisDesk.desktop).
        hints.insert(QStringLiteral("desktop-entry"),
                     QStringLiteral("io.github.linkisdesk.LinkisDesk"));
        call << QApplication::applicationDisplayName() << uint(0) << QStringLiteral("linkis-desk")
             << title << body << QStringList() << hints << qint32(m_timeoutMs);
        auto *watcher =
            new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, body] {
            watcher->deleteLater();
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isError())
                showInTray(title, body);
            else
                emit delivered(Backend::FreedesktopDBus);
        });
        return;
    }
#endif
    showInTray(title, body);
}

void Notifier::showInTray(const QString &title, const QString &body)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        emit delivered(Backend::None);
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_icon, this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        m_tray->show();
    }
    m_tray->showMessage(title, body, QSystemTrayIcon::Information,
                        m_timeoutMs > 0 ? m_timeoutMs : 8000);
    emit delivered(Backend::Tray);
}

} // namespace linkisdesk
