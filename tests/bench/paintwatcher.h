// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace linkisdesk::bench {

// Watches a widget's paint events. After each paint (a zero timer posted from the paint event
// runs once the paint is done) it asks the condition; the first time it holds, the time since
// arm() is kept. So "painted" means the pixels for that state were produced.
class PaintWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaintWatcher)
public:
    explicit PaintWatcher(QWidget *widget, QObject *parent = nullptr);
    ~PaintWatcher() override;

    // Starts the clock and sets what a paint must show to count.
    void arm(std::function<bool()> condition);
    bool done() const { return m_doneMs >= 0; }
    double doneMs() const { return m_doneMs; }
    int paints() const { return m_paints; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_widget;
    QElapsedTimer m_clock;
    std::function<bool()> m_condition;
    double m_doneMs = -1;
    int m_paints = 0;
};

} // namespace linkisdesk::bench
