// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace linkisdesk {

// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe: the handler only writes a byte,
// the event loop reads it, so shutdown runs in the event loop. One instance per process; the
// gateway and the CLI both use it.
class SignalWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    // count: how many times an interrupt arrived so far (1 on the first Ctrl+C).
    void interrupted(int signalNumber, int count);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace linkisdesk
