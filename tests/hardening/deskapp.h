// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace linkisdesk::hardening {

// The real linkis-desk on a real X server (Xvfb, LINKIS_DESK_TEST_DISPLAY), driven with xdotool
// the way a user would: click, type, press keys, answer its dialogs. Every file it writes goes
// under `root` (HOME and the XDG folders), its output goes to root/app-<n>.log, and the command
// line the kernel shows for it is recorded. A restart with the same root sees the same files.
class DeskApp
{
public:
    DeskApp(const QString &root, const QString &display);
    ~DeskApp();
    DeskApp(const DeskApp &) = delete;
    DeskApp &operator=(const DeskApp &) = delete;

    // Why the GUI tests cannot run here (no display or no xdotool), or empty.
    static QString unavailableReason();
    static QString appPath();

    // Without a keyring (the default) D-Bus is pointed nowhere, so the keychain falls back to
    // memory at once; with one, the session bus of the test run is kept.
    void setKeyring(bool keyring) { m_keyring = keyring; }
    QProcessEnvironment environment() const;
    QString root() const { return m_root; }
    QString configDir() const; // root/config/linkis-desk
    QString dataDir() const; // root/data/linkis-desk
    QString runtimeFile() const; // where the local gateway announces itself

    // Starts the app and waits until its main window is on screen; false with a message.
    bool start(const QStringList &args, QString *error);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QString mainWindow() const { return m_window; }
    QStringList commandLines() const { return m_cmdlines; }

    // A visible window of the app whose title matches `name` (a regular expression), waiting up
    // to timeoutMs; empty when none appeared.
    QString waitForWindow(const QString &name, int timeoutMs);
    bool clickEditor(); // a point inside the editor of the current tab
    bool type(const QString &text, int delayMs = 5);
    bool key(const QString &keys);
    bool focus(const QString &window);
    // The whole screen as a PNG (ImageMagick's import), to see what a failing test saw.
    bool screenshot(const QString &path) const;
    bool xdotool(const QStringList &args, QString *out = nullptr, int timeoutMs = 20000) const;

    // Ctrl+Q and wait for a normal exit.
    bool quit(QString *error);
    // SIGKILL, as a crash or an OOM kill would.
    void kill();
    // Ends the local gateway the app started (found through its runtime file), if it runs.
    void stopLocalGateway();

private:
    bool startOnce(const QStringList &args, QString *error);

    QString m_root;
    QString m_display;
    bool m_keyring = false;
    QProcess m_process;
    QString m_window;
    QStringList m_cmdlines;
    int m_runs = 0;
};

} // namespace linkisdesk::hardening
