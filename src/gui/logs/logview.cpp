// SPDX-License-Identifier: GPL-3.0-or-later
#include "logs/logview.h"

#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QTimer>

namespace linkisdesk {

namespace {
constexpr int kMaxPaintedChars = 4000; // a longer line is cut on screen (copy keeps it whole)
constexpr int kTextPad = 8;
constexpr int kRepaintMs = 40; // while lines stream in, about 25 frames a second

QString displayText(const QString &line)
{
    QString text = line.left(kMaxPaintedChars);
    text.replace(u'\t', QStringLiteral("    "));
    return text;
}
} // namespace

LogView::LogView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("logView"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_repaintTimer = new QTimer(this);
    m_repaintTimer->setSingleShot(true);
    connect(m_repaintTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(),
            qOverload<>(&QWidget::update));
    updateMetrics();
}

void LogView::setStore(LogStore *store)
{
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_anchor = m_cursor = m_matchLine = -1;
    m_maxTextWidth = 0;
    if (m_store) {
        connect(m_store, &LogStore::linesAppended, this, &LogView::onLinesAppended);
        connect(m_store, &LogStore::cleared, this, &LogView::onCleared);
    }
    updateMetrics();
    updateScrollBars();
    if (m_follow)
        setFollowing(true);
    viewport()->update();
}

QString LogView::emptyHint() const
{
    if (!m_store || m_filter == LogStore::Filter::All || rowCount() > 0 ||
        m_store->lineCount() == 0)
        return {};
    return tr("No lines at this level; the filter hides %n line(s)", nullptr,
              int(qMin<qsizetype>(m_store->lineCount(), INT_MAX)));
}

qsizetype LogView::rowCount() const
{
    return m_store ? m_store->count(m_filter) : 0;
}

void LogView::setFilter(LogStore::Filter filter)
{
    if (filter == m_filter)
        return;
    const qsizetype topLine = firstVisibleLine();
    m_filter = filter;
    updateScrollBars();
    if (m_follow) {
        setFollowing(true);
    } else if (m_store && topLine >= 0) {
        scrollToRow(m_store->rowAtOrAfter(filter, topLine));
    }
    viewport()->update();
}

void LogView::setFollowing(bool follow)
{
    const bool changed = follow != m_follow;
    m_follow = follow;
    if (follow) {
        m_settingScroll = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_settingScroll = false;
    }
    if (changed)
        Q_EMIT followingChanged(follow);
}

void LogView::scheduleRepaint()
{
    if (m_repaintTimer->isActive())
        return;
    const qint64 since = m_lastPaint.isValid() ? m_lastPaint.elapsed() : kRepaintMs;
    if (since >= kRepaintMs)
        viewport()->update();
    else
        m_repaintTimer->start(int(kRepaintMs - since));
}

void LogView::onScrolled(int value)
{
    if (m_settingScroll) {
        scheduleRepaint(); // moved by new lines: throttled
        return;
    }
    viewport()->update(); // moved by the user: at once
    const bool atBottom = value >= verticalScrollBar()->maximum();
    if (atBottom != m_follow) {
        m_follow = atBottom;
        Q_EMIT followingChanged(m_follow);
    }
}

void LogView::onLinesAppended(qsizetype first, qsizetype count)
{
    Q_UNUSED(first)
    Q_UNUSED(count)
    const int oldDigits = m_gutterWidth;
    updateMetrics();
    updateScrollBars();
    if (m_follow) {
        m_settingScroll = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_settingScroll = false;
    }
    if (oldDigits != m_gutterWidth || m_follow || first <= firstVisibleLine() + 200)
        scheduleRepaint();
}

void LogView::onCleared()
{
    m_anchor = m_cursor = m_matchLine = -1;
    m_maxTextWidth = 0;
    updateScrollBars();
    viewport()->update();
}

void LogView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_lineHeight = fm.height() + 2;
    m_charWidth = qMax(1, fm.horizontalAdvance(u'9'));
    const qsizetype lines = m_store ? m_store->lineCount() : 0;
    const int digits = qMax(4, int(QString::number(lines).size()));
    m_gutterWidth = digits * m_charWidth + 2 * kTextPad;
}

int LogView::visibleRowCapacity() const
{
    return qMax(1, viewport()->height() / qMax(1, m_lineHeight));
}

void LogView::updateScrollBars()
{
    const qsizetype rows = rowCount();
    const int page = visibleRowCapacity();
    const qsizetype maxValue = qMax<qsizetype>(0, rows - page);
    m_settingScroll = true;
    verticalScrollBar()->setRange(0, int(qMin<qsizetype>(maxValue, INT_MAX)));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(3);
    m_settingScroll = false;
    const int textArea = qMax(0, viewport()->width() - m_gutterWidth - kTextPad);
    horizontalScrollBar()->setRange(0, qMax(0, m_maxTextWidth - textArea));
    horizontalScrollBar()->setPageStep(textArea);
    horizontalScrollBar()->setSingleStep(m_charWidth * 4);
}

qsizetype LogView::firstVisibleLine() const
{
    if (!m_store || rowCount() == 0)
        return -1;
    const qsizetype row = qMin<qsizetype>(verticalScrollBar()->value(), rowCount() - 1);
    return m_store->lineAt(m_filter, row);
}

qsizetype LogView::rowAtY(int y) const
{
    return verticalScrollBar()->value() + y / qMax(1, m_lineHeight);
}

void LogView::scrollToRow(qsizetype row)
{
    const int page = visibleRowCapacity();
    const int value = verticalScrollBar()->value();
    if (row < value || row >= value + page)
        verticalScrollBar()->setValue(int(qMax<qsizetype>(0, row - page / 3)));
}

void LogView::paintEvent(QPaintEvent *)
{
    m_lastPaint.start();
    QPainter p(viewport());
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    p.fillRect(viewport()->rect(), base);
    const QColor gutterBg = dark ? base.lighter(118) : base.darker(104);
    p.fillRect(QRect(0, 0, m_gutterWidth, viewport()->height()), gutterBg);
    if (!m_store)
        return;

    const QColor ink = pal.color(QPalette::Text);
    const Theme::LogColours colours = Theme::logColours(dark);
    const QColor dim = colours.dim;
    const QColor errInk = colours.errorInk;
    const QColor warnInk = colours.warningInk;
    const QColor errBg = colours.errorBackground;
    const QColor selBg = pal.color(QPalette::Highlight).lighter(dark ? 80 : 170);
    const QColor matchBg = colours.matchBackground;
    const QColor currentBg = colours.currentBackground;
    const QFontMetrics fm(font());

    const qsizetype rows = rowCount();
    const qsizetype first = verticalScrollBar()->value();
    const int capacity = visibleRowCapacity() + 1;
    const int hscroll = horizontalScrollBar()->value();
    qsizetype selFirst = -1, selLast = -1;
    selection(&selFirst, &selLast);
    const int textX = m_gutterWidth + kTextPad - hscroll;
    int widest = m_maxTextWidth;

    for (int i = 0; i < capacity && first + i < rows; ++i) {
        const qsizetype line = m_store->lineAt(m_filter, first + i);
        const int y = i * m_lineHeight;
        const QRect rowRect(m_gutterWidth, y, viewport()->width() - m_gutterWidth, m_lineHeight);
        const LogStore::Level level = m_store->level(line);
        const bool selected = selFirst >= 0 && line >= selFirst && line <= selLast;
        if (selected)
            p.fillRect(rowRect, selBg);
        else if (level == LogStore::Level::Error)
            p.fillRect(rowRect, errBg);

        p.setPen(dim);
        p.setClipRect(QRect(0, y, m_gutterWidth, m_lineHeight));
        p.drawText(QRect(0, y, m_gutterWidth - kTextPad, m_lineHeight),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));
        p.setClipRect(QRect(m_gutterWidth, y, viewport()->width() - m_gutterWidth, m_lineHeight));

        const QString text = displayText(m_store->line(line));
        if (!m_search.isEmpty()) {
            qsizetype from = 0;
            while ((from = text.indexOf(m_search, from, Qt::CaseInsensitive)) >= 0) {
                const int x0 = fm.horizontalAdvance(text.left(from));
                const int w = fm.horizontalAdvance(text.mid(from, m_search.size()));
                p.fillRect(QRect(textX + x0, y + 1, w, m_lineHeight - 2),
                           line == m_matchLine ? currentBg : matchBg);
                from += m_search.size();
            }
        }
        p.setPen(level == LogStore::Level::Error
                     ? errInk
                     : (level == LogStore::Level::Warn ? warnInk : ink));
        p.drawText(QRect(textX, y, INT_MAX / 4, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   text);
        widest = qMax(widest, fm.horizontalAdvance(text) + kTextPad);
    }
    p.setClipping(false);
    const QString hint = emptyHint();
    if (!hint.isEmpty()) {
        p.setPen(dim);
        p.drawText(viewport()->rect().adjusted(m_gutterWidth + kTextPad, 0, -kTextPad, 0),
                   Qt::AlignCenter | Qt::TextWordWrap, hint);
    }
    p.setPen(dark ? base.lighter(140) : base.darker(115));
    p.drawLine(m_gutterWidth - 1, 0, m_gutterWidth - 1, viewport()->height());
    if (widest != m_maxTextWidth) {
        m_maxTextWidth = widest;
        const int textArea = qMax(0, viewport()->width() - m_gutterWidth - kTextPad);
        horizontalScrollBar()->setRange(0, qMax(0, m_maxTextWidth - textArea));
    }
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    if (m_follow)
        setFollowing(true);
}

void LogView::scrollContentsBy(int, int) { }

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
    }
}

bool LogView::selection(qsizetype *first, qsizetype *last) const
{
    if (m_anchor < 0 || m_cursor < 0)
        return false;
    *first = qMin(m_anchor, m_cursor);
    *last = qMax(m_anchor, m_cursor);
    return true;
}

void LogView::selectAll()
{
    if (!m_store || m_store->lineCount() == 0)
        return;
    m_anchor = 0;
    m_cursor = m_store->lineCount() - 1;
    viewport()->update();
}

void LogView::clearSelection()
{
    m_anchor = m_cursor = -1;
    viewport()->update();
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    if (!m_store || event->button() != Qt::LeftButton)
        return;
    const qsizetype row = rowAtY(int(event->position().y()));
    if (row < 0 || row >= rowCount())
        return;
    const qsizetype line = m_store->lineAt(m_filter, row);
    if (!(event->modifiers() & Qt::ShiftModifier) || m_anchor < 0)
        m_anchor = line;
    m_cursor = line;
    viewport()->update();
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_store || !(event->buttons() & Qt::LeftButton) || m_anchor < 0)
        return;
    const qsizetype row = qBound<qsizetype>(0, rowAtY(int(event->position().y())),
                                            qMax<qsizetype>(0, rowCount() - 1));
    if (rowCount() == 0)
        return;
    m_cursor = m_store->lineAt(m_filter, row);
    if (event->position().y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    else if (event->position().y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    viewport()->update();
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_Up: bar->triggerAction(QAbstractSlider::SliderSingleStepSub); return;
    case Qt::Key_Down: bar->triggerAction(QAbstractSlider::SliderSingleStepAdd); return;
    case Qt::Key_PageUp: bar->triggerAction(QAbstractSlider::SliderPageStepSub); return;
    case Qt::Key_PageDown: bar->triggerAction(QAbstractSlider::SliderPageStepAdd); return;
    case Qt::Key_Home: bar->setValue(0); return;
    case Qt::Key_End: setFollowing(true); return;
    case Qt::Key_Escape: clearSelection(); return;
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

QString LogView::selectedText(qsizetype maxLines) const
{
    if (!m_store || rowCount() == 0)
        return {};
    qsizetype first = 0, last = m_store->lineCount() - 1;
    selection(&first, &last);
    QString out;
    qsizetype taken = 0;
    for (qsizetype row = m_store->rowAtOrAfter(m_filter, first);
         row < rowCount() && taken < maxLines; ++row, ++taken) {
        const qsizetype line = m_store->lineAt(m_filter, row);
        if (line > last)
            break;
        out += m_store->line(line);
        out += u'\n';
    }
    return out;
}

void LogView::copy() const
{
    QApplication::clipboard()->setText(selectedText());
}

bool LogView::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    if (m_store) {
        QByteArray buffer;
        buffer.reserve(1 << 20);
        for (qsizetype i = 0; i < m_store->lineCount(); ++i) {
            const QByteArrayView bytes = m_store->lineUtf8(i);
            buffer.append(bytes.data(), bytes.size());
            buffer.append('\n');
            if (buffer.size() >= (1 << 20)) {
                file.write(buffer);
                buffer.clear();
            }
        }
        file.write(buffer);
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LogView::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_matchLine = -1;
    viewport()->update();
}

qsizetype LogView::find(bool forward)
{
    if (!m_store || m_search.isEmpty() || rowCount() == 0)
        return -1;
    const qsizetype rows = rowCount();
    qsizetype from;
    if (m_matchLine >= 0) {
        const qsizetype current = m_store->rowAtOrAfter(m_filter, m_matchLine);
        from = forward ? current + 1 : current - 1;
    } else {
        from = forward ? verticalScrollBar()->value() : rows - 1;
    }
    const auto dir = forward ? LogStore::Direction::Forward : LogStore::Direction::Backward;
    qsizetype row = -1;
    if (from >= 0 && from < rows)
        row = m_store->find(m_search, from, m_filter, dir);
    if (row < 0) // wrap around once
        row = m_store->find(m_search, forward ? 0 : rows - 1, m_filter, dir);
    if (row < 0) {
        m_matchLine = -1;
        viewport()->update();
        return -1;
    }
    m_matchLine = m_store->lineAt(m_filter, row);
    setFollowing(false);
    scrollToRow(row);
    viewport()->update();
    return m_matchLine;
}

qsizetype LogView::findNext()
{
    return find(true);
}

qsizetype LogView::findPrevious()
{
    return find(false);
}

void LogView::showLine(qsizetype line)
{
    if (!m_store || line < 0 || line >= m_store->lineCount())
        return;
    qsizetype row = m_store->rowAtOrAfter(m_filter, line);
    if (row >= rowCount() || m_store->lineAt(m_filter, row) != line) {
        setFilter(LogStore::Filter::All);
        row = line;
    }
    setFollowing(false);
    scrollToRow(row);
    m_anchor = m_cursor = line;
    viewport()->update();
}

bool LogView::jumpToFirstError()
{
    if (!m_store)
        return false;
    const qsizetype line = m_store->firstError();
    if (line < 0)
        return false;
    showLine(line);
    return true;
}

} // namespace linkisdesk
