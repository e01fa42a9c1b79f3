// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobstatusstyle.h"

#include "theme.h"

#include <QCoreApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>

namespace linkisdesk {

namespace {
enum class Glyph { Dot, Check, Cross, Stop, Clock, Spinner };

Glyph glyphOf(JobStatus status)
{
    switch (status) {
    case JobStatus::Succeed: return Glyph::Check;
    case JobStatus::Failed: return Glyph::Cross;
    case JobStatus::Cancelled: return Glyph::Stop;
    case JobStatus::Timeout: return Glyph::Clock;
    case JobStatus::Running: return Glyph::Spinner;
    default: return Glyph::Dot;
    }
}

// Paints the status glyph at whatever size and scale Qt asks for.
class StatusIconEngine : public QIconEngine
{
public:
    StatusIconEngine(Glyph glyph, QColor colour)
        : m_glyph(glyph)
        , m_colour(colour)
    { }
    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        QColor c = m_colour;
        if (mode == QIcon::Disabled)
            c.setAlpha(110);
        const qreal s = qMin(rect.width(), rect.height());
        const QRectF r(rect.x() + (rect.width() - s) / 2 + s * 0.08,
                       rect.y() + (rect.height() - s) / 2 + s * 0.08, s * 0.84, s * 0.84);
        QPen pen(Theme::colour(Theme::Role::Contrast), qMax<qreal>(1.2, s * 0.12), Qt::SolidLine,
                 Qt::RoundCap, Qt::RoundJoin);
        switch (m_glyph) {
        case Glyph::Spinner: {
            p->setPen(QPen(c.lighter(160), s * 0.14));
            p->drawEllipse(r.adjusted(s * 0.07, s * 0.07, -s * 0.07, -s * 0.07));
            p->setPen(QPen(c, s * 0.14, Qt::SolidLine, Qt::RoundCap));
            p->drawArc(r.adjusted(s * 0.07, s * 0.07, -s * 0.07, -s * 0.07), 90 * 16, -250 * 16);
            break;
        }
        case Glyph::Dot:
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawEllipse(r.adjusted(s * 0.18, s * 0.18, -s * 0.18, -s * 0.18));
            break;
        default: {
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawEllipse(r);
            p->setPen(pen);
            p->setBrush(Qt::NoBrush);
            const QPointF o = r.topLeft();
            const qreal w = r.width();
            if (m_glyph == Glyph::Check) {
                QPainterPath path;
                path.moveTo(o + QPointF(w * 0.27, w * 0.52));
                path.lineTo(o + QPointF(w * 0.44, w * 0.68));
                path.lineTo(o + QPointF(w * 0.73, w * 0.34));
                p->drawPath(path);
            } else if (m_glyph == Glyph::Cross) {
                p->drawLine(o + QPointF(w * 0.32, w * 0.32), o + QPointF(w * 0.68, w * 0.68));
                p->drawLine(o + QPointF(w * 0.68, w * 0.32), o + QPointF(w * 0.32, w * 0.68));
            } else if (m_glyph == Glyph::Stop) {
                p->setPen(Qt::NoPen);
                p->setBrush(Theme::colour(Theme::Role::Contrast));
                p->drawRect(QRectF(o + QPointF(w * 0.33, w * 0.33), QSizeF(w * 0.34, w * 0.34)));
            } else if (m_glyph == Glyph::Clock) {
                p->drawLine(o + QPointF(w * 0.5, w * 0.25), o + QPointF(w * 0.5, w * 0.52));
                p->drawLine(o + QPointF(w * 0.5, w * 0.52), o + QPointF(w * 0.7, w * 0.62));
            }
        }
        }
        p->restore();
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }
    QIconEngine *clone() const override { return new StatusIconEngine(m_glyph, m_colour); }

private:
    Glyph m_glyph;
    QColor m_colour;
};
} // namespace

QColor JobStatusStyle::colour(JobStatus status)
{
    using Role = Theme::Role;
    switch (status) {
    case JobStatus::Succeed: return Theme::colour(Role::Success);
    case JobStatus::Failed: return Theme::colour(Role::Failure);
    case JobStatus::Cancelled: return Theme::colour(Role::Cancelled);
    case JobStatus::Timeout: return Theme::colour(Role::Timeout);
    case JobStatus::Running: return Theme::colour(Role::Running);
    case JobStatus::Scheduled:
    case JobStatus::Inited:
    case JobStatus::WaitForRetry: return Theme::colour(Role::Waiting);
    case JobStatus::Unknown: return Theme::colour(Role::Muted);
    }
    return Theme::colour(Role::Muted);
}

QIcon JobStatusStyle::icon(JobStatus status)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(status));
    if (it == cache.end())
        it =
            cache.insert(int(status), QIcon(new StatusIconEngine(glyphOf(status), colour(status))));
    return *it;
}

QString JobStatusStyle::label(JobStatus status)
{
    switch (status) {
    case JobStatus::Inited: return QObject::tr("Queued");
    case JobStatus::WaitForRetry: return QObject::tr("Waiting to retry");
    case JobStatus::Scheduled: return QObject::tr("Scheduled");
    case JobStatus::Running: return QObject::tr("Running");
    case JobStatus::Succeed: return QObject::tr("Succeeded");
    case JobStatus::Failed: return QObject::tr("Failed");
    case JobStatus::Cancelled: return QObject::tr("Cancelled");
    case JobStatus::Timeout: return QObject::tr("Timed out");
    case JobStatus::Unknown: return QObject::tr("Submitting");
    }
    return {};
}

QColor JobStatusStyle::productionColour()
{
    return Theme::colour(Theme::Role::Production);
}

} // namespace linkisdesk
