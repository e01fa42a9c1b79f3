// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

namespace linkisdesk {

namespace {
QPalette g_system;
bool g_captured = false;
bool g_dark = false;
} // namespace

void Theme::captureSystemPalette()
{
    g_system = QApplication::palette();
    g_captured = true;
}

bool Theme::systemPrefersDark()
{
    const QString gtk = qEnvironmentVariable("GTK_THEME");
    if (gtk.endsWith(QStringLiteral(":dark"), Qt::CaseInsensitive))
        return true;
    const QPalette p = g_captured ? g_system : QApplication::palette();
    return p.color(QPalette::Window).lightness() < 110;
}

QPalette Theme::lightPalette()
{
    QPalette p;
    const QColor window(0xf5, 0xf6, 0xf8), base(0xff, 0xff, 0xff), text(0x1f, 0x23, 0x28);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x87, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe9, 0xeb, 0xee));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcc, 0xd2));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa6, 0xae));
    p.setColor(QPalette::Shadow, QColor(0x70, 0x76, 0x7e));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x7d, 0xd1));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x6f, 0xc5));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xa0, 0xa6, 0xae));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xa0, 0xa6, 0xae));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xa0, 0xa6, 0xae));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x23, 0x26, 0x2b), base(0x1b, 0x1d, 0x21), text(0xdc, 0xdf, 0xe4);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x39));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x84, 0x8a, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2c, 0x30, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3a, 0x3e, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2d, 0x33));
    p.setColor(QPalette::Dark, QColor(0x16, 0x18, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xab, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6c, 0x72, 0x7b));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6c, 0x72, 0x7b));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6c, 0x72, 0x7b));
    return p;
}

bool Theme::apply(const QString &mode)
{
    if (!g_captured)
        captureSystemPalette();
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    if (mode == u"dark")
        g_dark = true;
    else if (mode == u"light")
        g_dark = false;
    else
        g_dark = systemPrefersDark();
    QApplication::setPalette(g_dark ? darkPalette() : lightPalette());
    return g_dark;
}

bool Theme::isDark()
{
    return g_dark;
}

} // namespace linkisdesk
