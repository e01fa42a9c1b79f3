// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop integration: notifications over a real (private) D-Bus session bus with a
// notification service registered on it, the tray fallback, remappable shortcuts saved in
// AppSettings, the shortcut sheet and editor, the About dialog showing a real local gateway's
// address, and the Settings / Help menus.
#include "desktop/aboutdialog.h"
#include "desktop/desktopintegration.h"
#include "desktop/notifier.h"
#include "desktop/shortcutdialog.h"
#include "desktop/shortcutsettings.h"
#include "localgateway/localgateway.h"
#include "missingtool.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace linkisdesk;

// A stand-in for the desktop's notification daemon, registered on a real dbus-daemon.
class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;
    QStringList bodies;
    QVariantMap lastHints;
    QString lastApp;

public Q_SLOTS:
    uint Notify(const QString &app, uint, const QString &, const QString &summary,
                const QString &body, const QStringList &, const QVariantMap &hints, int)
    {
        lastApp = app;
        summaries << summary;
        bodies << body;
        lastHints = hints;
        return uint(summaries.size());
    }
};

class TestDesktop : public QObject
{
    Q_OBJECT
private:
    QProcess m_bus;
    QString m_busAddress;
    QTemporaryDir m_dir;

    static QMainWindow *makeWindow()
    {
        auto *w = new QMainWindow;
        QMenu *file = w->menuBar()->addMenu(QStringLiteral("&File"));
        QAction *open = file->addAction(QStringLiteral("&Open"));
        open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
        QAction *recent = file->addAction(QStringLiteral("/tmp/recent.sql")); // no shortcut
        Q_UNUSED(recent);
        QMenu *run = w->menuBar()->addMenu(QStringLiteral("&Run"));
        QAction *r = run->addAction(QStringLiteral("&Run statement"));
        r->setObjectName(QStringLiteral("runAction"));
        r->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
        QAction *kill = run->addAction(QStringLiteral("&Kill job"));
        kill->setObjectName(QStringLiteral("killAction"));
        kill->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A private session bus for this test: the real dbus-daemon, not a mock.
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"),
                     QStringLiteral("--print-address=1")});
        if (!m_bus.waitForStarted(10000))
            LINKISDESK_MISSING_TOOL("dbus-daemon is not installed");
        QVERIFY(m_bus.waitForReadyRead(10000));
        m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_busAddress.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
    }

    void cleanupTestCase()
    {
        if (m_bus.state() != QProcess::NotRunning) {
            m_bus.terminate();
            m_bus.waitForFinished(5000);
        }
    }

    void notifierUsesTheFreedesktopService()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "the notifier's session bus is the private one");
        QDBusConnection serviceBus =
            QDBusConnection::connectToBus(m_busAddress, QStringLiteral("notification-service"));
        QVERIFY(serviceBus.isConnected());
        NotificationService service;
        QVERIFY(serviceBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"),
                                          &service, QDBusConnection::ExportAllSlots));
        QVERIFY(serviceBus.registerService(QStringLiteral("org.freedesktop.Notifications")));

        Notifier notifier;
        QCOMPARE(notifier.backend(), Notifier::Backend::FreedesktopDBus);
        QSignalSpy delivered(&notifier, &Notifier::delivered);
        notifier.notify(QStringLiteral("Job Succeeded"),
                        QStringLiteral("Task 7 on Local ended after 42 s"));
        QVERIFY(delivered.wait(10000));
        QCOMPARE(delivered.at(0).at(0).value<Notifier::Backend>(),
                 Notifier::Backend::FreedesktopDBus);
        QCOMPARE(service.summaries, QStringList {QStringLiteral("Job Succeeded")});
        QCOMPARE(service.bodies, QStringList {QStringLiteral("Task 7 on Local ended after 42 s")});
        QCOMPARE(service.lastHints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("io.github.linkisdesk.LinkisDesk"));

        // The service goes away: the next notification falls back (offscreen has no tray).
        QVERIFY(serviceBus.unregisterService(QStringLiteral("org.freedesktop.Notifications")));
        QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.Notifications")));
        const Notifier::Backend fallback = QSystemTrayIcon::isSystemTrayAvailable()
            ? Notifier::Backend::Tray
            : Notifier::Backend::None;
        QCOMPARE(notifier.backend(), fallback);
        notifier.notify(QStringLiteral("Job Failed"), QStringLiteral("Task 8"));
        QTRY_COMPARE(delivered.size(), 2);
        QCOMPARE(delivered.at(1).at(0).value<Notifier::Backend>(), fallback);
        QCOMPARE(service.summaries.size(), 1);
        QDBusConnection::disconnectFromBus(QStringLiteral("notification-service"));
    }

    void plainNames()
    {
        QCOMPARE(ShortcutSettings::plainText(QStringLiteral("&Open\u2026")),
                 QStringLiteral("Open"));
        QCOMPARE(ShortcutSettings::plainText(QStringLiteral("Save &as\u2026")),
                 QStringLiteral("Save as"));
        QCOMPARE(ShortcutSettings::plainText(QStringLiteral("\u6587\u4ef6(&F)")),
                 QStringLiteral("\u6587\u4ef6"));
        QCOMPARE(ShortcutSettings::plainText(QStringLiteral("Tom && Jerry")),
                 QStringLiteral("Tom & Jerry"));
    }

    void shortcutsAreRemappedAndRemembered()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings-shortcuts.json"));
        {
            AppSettings settings(path);
            QScopedPointer<QMainWindow> w(makeWindow());
            ShortcutSettings shortcuts(&settings);
            shortcuts.adopt(w->menuBar());
            // The recent-file entry has neither a name nor a shortcut: left alone.
            QCOMPARE(shortcuts.entries().size(), 3);
            QVERIFY(shortcuts.contains(QStringLiteral("menu/0/0"))); // File → Open
            QVERIFY(shortcuts.contains(QStringLiteral("runAction")));
            QCOMPARE(shortcuts.shortcuts(QStringLiteral("runAction")).size(), 2);

            QAction *kill = w->findChild<QAction *>(QStringLiteral("killAction"));
            const QKeySequence f8(Qt::Key_F8);
            QSignalSpy changed(&shortcuts, &ShortcutSettings::changed);
            shortcuts.setShortcut(QStringLiteral("killAction"), f8);
            QCOMPARE(changed.size(), 1);
            QCOMPARE(kill->shortcut(), f8);
            QVERIFY(shortcuts.isCustomised(QStringLiteral("killAction")));
            QCOMPARE(shortcuts.conflicts(f8), QStringList {QStringLiteral("killAction")});
            QVERIFY(shortcuts.conflicts(f8, QStringLiteral("killAction")).isEmpty());
            shortcuts.setShortcut(QStringLiteral("menu/0/0"), QKeySequence());
            QVERIFY(w->menuBar()->actions().at(0)->menu()->actions().at(0)->shortcut().isEmpty());
            QVERIFY(settings.save().ok());
        }
        {
            // A new start: the saved remapping is applied when the menus are adopted.
            AppSettings settings(path);
            QVERIFY(settings.load().ok());
            QScopedPointer<QMainWindow> w(makeWindow());
            ShortcutSettings shortcuts(&settings);
            shortcuts.adopt(w->menuBar());
            QAction *kill = w->findChild<QAction *>(QStringLiteral("killAction"));
            QCOMPARE(kill->shortcut(), QKeySequence(Qt::Key_F8));
            QVERIFY(w->menuBar()->actions().at(0)->menu()->actions().at(0)->shortcut().isEmpty());
            // Setting the default again stores nothing; reset all restores every default.
            shortcuts.setShortcut(QStringLiteral("killAction"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
            QVERIFY(!shortcuts.isCustomised(QStringLiteral("killAction")));
            shortcuts.resetAll();
            QCOMPARE(settings.value(ShortcutSettings::Key), QStringList());
            QCOMPARE(w->menuBar()->actions().at(0)->menu()->actions().at(0)->shortcut(),
                     QKeySequence(Qt::CTRL | Qt::Key_O));
        }
    }

    void editorAssignsAndResolvesConflicts()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings-editor.json")));
        QScopedPointer<QMainWindow> w(makeWindow());
        ShortcutSettings shortcuts(&settings);
        shortcuts.adopt(w->menuBar());
        ShortcutDialog editor(&shortcuts, ShortcutDialog::Mode::Edit);
        editor.selectId(QStringLiteral("runAction"));
        const QKeySequence killKeys(Qt::CTRL | Qt::SHIFT | Qt::Key_K);
        editor.sequenceEdit()->setKeySequence(killKeys);
        QVERIFY(editor.conflictLabel()->text().contains(QStringLiteral("Kill job")));
        editor.assignCurrent();
        QCOMPARE(shortcuts.shortcuts(QStringLiteral("runAction")), QList<QKeySequence> {killKeys});
        QVERIFY(shortcuts.shortcuts(QStringLiteral("killAction")).isEmpty());
        QVERIFY(shortcuts.conflicts(killKeys, QStringLiteral("runAction")).isEmpty());

        // The sheet lists only actions that have a shortcut, and filters.
        ShortcutDialog sheet(&shortcuts, ShortcutDialog::Mode::Sheet);
        QStringList names;
        for (int i = 0; i < sheet.tree()->topLevelItemCount(); ++i)
            names << sheet.tree()->topLevelItem(i)->text(0);
        QCOMPARE(names,
                 QStringList({QStringLiteral("File"), QStringLiteral("Open"), QStringLiteral("Run"),
                              QStringLiteral("Run statement")}));
        sheet.filter()->setText(QStringLiteral("open"));
        QVERIFY(!sheet.tree()->topLevelItem(0)->isHidden());
        QVERIFY(!sheet.tree()->topLevelItem(1)->isHidden());
        QVERIFY(sheet.tree()->topLevelItem(2)->isHidden()); // group without a match
        QVERIFY(sheet.tree()->topLevelItem(3)->isHidden());
    }

    void aboutShowsVersionsLicenceAndTheRealGateway()
    {
        LocalGateway gateway;
        LocalGateway::Options options;
        options.executable =
            QStringLiteral(LINKIS_DESK_BIN_DIR) + QStringLiteral("/linkis-desk-gateway");
        options.dataDir = m_dir.filePath(QStringLiteral("gateway-data"));
        options.runtimeFile = m_dir.filePath(QStringLiteral("gateway.json"));
        options.reuse = false;
        QSignalSpy ready(&gateway, &LocalGateway::ready);
        gateway.start(options);
        QVERIFY(ready.wait(20000));
        const QString url = gateway.url().toString();
        QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));

        AboutDialog about(nullptr, options.runtimeFile);
        const QString text = about.text();
        QVERIFY2(text.contains(url), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("QScintilla 2.")));
        QVERIFY(text.contains(QStringLiteral(LINKIS_DESK_VERSION)));

        gateway.stop();
        AboutDialog gone(nullptr, m_dir.filePath(QStringLiteral("no-such-runtime.json")));
        QVERIFY(gone.text().contains(QStringLiteral("not running")));
    }

    void menusShortcutSheetAndLanguage()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings-menus.json")));
        QScopedPointer<QMainWindow> w(makeWindow());
        auto *desktop = new DesktopIntegration(&settings, w.data());
        desktop->install();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.data()));
        QVERIFY(desktop->settingsMenu());
        QVERIFY(desktop->helpMenu());
        QVERIFY(desktop->shortcuts()->contains(QStringLiteral("shortcutSheetAction")));
        QVERIFY(desktop->shortcuts()->contains(QStringLiteral("runAction")));

        // F1 shows the shortcut sheet.
        QTest::keyClick(w.data(), Qt::Key_F1);
        QTRY_VERIFY(w->findChild<ShortcutDialog *>(QStringLiteral("shortcutSheet")));
        auto *sheet = w->findChild<ShortcutDialog *>(QStringLiteral("shortcutSheet"));
        QTRY_VERIFY(sheet->isVisible());
        sheet->close();

        // Help → About opens the About dialog.
        w->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QTRY_VERIFY(w->findChild<AboutDialog *>(QStringLiteral("aboutDialog")));

        // Settings → Language → 简体中文 stores the setting and says it applies on restart.
        QCOMPARE(settings.value(SettingKeys::Language), QString());
        QVERIFY(w->findChild<QAction *>(QStringLiteral("language_system"))->isChecked());
        QSignalSpy chosen(desktop, &DesktopIntegration::languageChosen);
        w->findChild<QAction *>(QStringLiteral("language_zh_CN"))->trigger();
        QCOMPARE(settings.value(SettingKeys::Language), QStringLiteral("zh_CN"));
        QCOMPARE(chosen.size(), 1);
        QTRY_VERIFY(w->findChild<QMessageBox *>(QStringLiteral("languageRestartNotice")));
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
