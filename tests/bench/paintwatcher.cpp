// SPDX-License-Identifier: GPL-3.0-or-later
#include "paintwatcher.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace linkisdesk::bench {

PaintWatcher::PaintWatcher(QWidget *widget, QObject *parent)
    : QObject(parent)
    , m_widget(widget)
{
    m_widget->installEventFilter(this);
}

PaintWatcher::~PaintWatcher()
{
    if (m_widget)
        m_widget->removeEventFilter(this);
}

void PaintWatcher::arm(std::function<bool()> condition)
{
    m_condition = std::move(condition);
    m_doneMs = -1;
    m_paints = 0;
    m_clock.start();
}

bool PaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::Paint && m_condition && !done()) {
        ++m_paints;
        QTimer::singleShot(0, this, [this] {
            if (!done() && m_condition && m_condition())
                m_doneMs = double(m_clock.nsecsElapsed()) / 1e6;
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace linkisdesk::bench
