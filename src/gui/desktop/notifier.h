// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace linkisdesk {

// Desktop notifications. Sends org.freedesktop.Notifications.Notify on the session bus when a
// notification service is registered there; otherwise shows a QSystemTrayIcon balloon when the
// desktop has a tray; otherwise only marks the window as wanting attention. Never blocks: the
// D-Bus call is asynchronous, and its failure falls back to the tray.
class Notifier : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)
public:
    enum class Backend { FreedesktopDBus, Tray, None };
    Q_ENUM(Backend)

    // window: raised for attention (QApplication::alert); may be null.
    explicit Notifier(QWidget *window = nullptr, QObject *parent = nullptr);
    ~Notifier() override;

    // The backend a notification would use now (asks the bus daemon; blocks briefly).
    Backend backend() const;
    void setIcon(const QIcon &icon) { m_icon = icon; }
    // The freedesktop expire timeout in milliseconds (-1: the server's default).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    void notify(const QString &title, const QString &body);

signals:
    // After each notify(): which backend showed it (None when none could).
    void delivered(linkisdesk::Notifier::Backend backend);

private:
    bool dbusServiceAvailable() const;
    void showInTray(const QString &title, const QString &body);

    QPointer<QWidget> m_window;
    QIcon m_icon;
    QSystemTrayIcon *m_tray = nullptr;
    int m_timeoutMs = -1;
};

} // namespace linkisdesk
