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

QColor Theme::colour(Role role)
{
    switch (role) {
    case Role::Success: return QColor(0x2e, 0x9d, 0x5b);
    case Role::Failure: return QColor(0xd9, 0x3b, 0x3b);
    case Role::Cancelled: return QColor(0x8a, 0x6d, 0x3b);
    case Role::Timeout: return QColor(0xc0, 0x62, 0x1c);
    case Role::Running: return QColor(0x2f, 0x7d, 0xd1);
    case Role::Waiting: return QColor(0x7a, 0x84, 0x94);
    case Role::Muted: return QColor(0x9a, 0xa0, 0xa8);
    case Role::Warning: return QColor(0xb7, 0x79, 0x1f);
    case Role::Production: return QColor(0xc6, 0x28, 0x28);
    case Role::Contrast: return QColor(Qt::white);
    }
    return QColor(0x9a, 0xa0, 0xa8);
}

Theme::EditorColours Theme::editorColours(bool dark)
{
    EditorColours c;
    c.paper = dark ? QColor(0x1e, 0x20, 0x24) : QColor(0xff, 0xff, 0xff);
    c.ink = dark ? QColor(0xd8, 0xdc, 0xe2) : QColor(0x20, 0x22, 0x26);
    c.margin = dark ? QColor(0x26, 0x29, 0x2e) : QColor(0xf4, 0xf5, 0xf7);
    c.marginInk = dark ? QColor(0x7d, 0x84, 0x8f) : QColor(0x9a, 0xa0, 0xa8);
    c.caretLine = dark ? QColor(0x2a, 0x2e, 0x35) : QColor(0xf3, 0xf6, 0xfb);
    c.selection = dark ? QColor(0x26, 0x4f, 0x78) : QColor(0xcc, 0xe0, 0xfa);
    c.matchedBrace = dark ? QColor(0x3a, 0x5a, 0x3a) : QColor(0xd7, 0xf0, 0xd7);
    c.unmatchedBrace = QColor(0xd0, 0x30, 0x30);
    c.indentGuide = dark ? QColor(0x3a, 0x3e, 0x45) : QColor(0xe0, 0xe2, 0xe6);
    c.errorMarker = colour(Role::Failure);
    c.flash = dark ? QColor(0xe0, 0xb0, 0x40) : QColor(0xff, 0xc8, 0x3d);
    c.errorPaper = dark ? QColor(0x4a, 0x22, 0x22) : QColor(0xfd, 0xec, 0xec);
    c.errorInk = dark ? QColor(0xff, 0xb4, 0xb4) : QColor(0xa3, 0x1d, 0x1d);
    c.lexerDefault = QColor(Qt::black);
    return c;
}

Theme::LogColours Theme::logColours(bool dark)
{
    LogColours c;
    c.dim = dark ? QColor(0x80, 0x86, 0x90) : QColor(0x9a, 0xa0, 0xa8);
    c.errorInk = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    c.warningInk = dark ? QColor(0xf0, 0xc0, 0x60) : QColor(0x9a, 0x67, 0x00);
    c.errorBackground = dark ? QColor(0x55, 0x20, 0x20, 110) : QColor(0xfd, 0xec, 0xec);
    c.matchBackground = dark ? QColor(0x8a, 0x6d, 0x1c) : QColor(0xff, 0xe0, 0x70);
    c.currentBackground = dark ? QColor(0xd0, 0x80, 0x20) : QColor(0xff, 0xa8, 0x30);
    return c;
}

Theme::RColours Theme::rColours()
{
    RColours c;
    c.comment = QColor(0x00, 0x7f, 0x00);
    c.keyword = QColor(0x00, 0x00, 0x7f);
    c.baseKeyword = QColor(0x7f, 0x00, 0x7f);
    c.otherKeyword = QColor(0x7f, 0x00, 0x7f);
    c.number = QColor(0x00, 0x7f, 0x7f);
    c.string = QColor(0x7f, 0x00, 0x7f).darker(110);
    c.operatorInk = QColor(0x30, 0x30, 0x30);
    c.infix = QColor(0x7f, 0x4f, 0x00);
    return c;
}

} // namespace linkisdesk
