// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

class QLabel;

namespace linkisdesk {

// Help → About: the app's version, the Qt and QScintilla versions it was built with and runs
// on, the licence (GPL-3.0-or-later), and the address of the local gateway when one runs (read
// from the gateway's runtime file).
class AboutDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr, const QString &runtimeFile = QString());

    // The URL in the local gateway's runtime file, or empty when there is none.
    static QString localGatewayAddress(const QString &runtimeFile);
    // "Linkis Desk 0.1.0", "Qt 6.4.2 (built with 6.4.2)", "QScintilla 2.13.3".
    static QStringList versionLines();

    QString text() const;

private:
    QLabel *m_text;
};

} // namespace linkisdesk
