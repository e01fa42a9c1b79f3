// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;

namespace linkisdesk {

// "Kill this job?" Enter confirms. Offers "don't ask again for this profile" except for
// production profiles, which always ask.
class KillConfirmDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KillConfirmDialog)
public:
    KillConfirmDialog(const QString &profileName, bool production, const QString &what,
                      QWidget *parent = nullptr);
    bool dontAskAgain() const;

private:
    QCheckBox *m_dontAsk;
};

} // namespace linkisdesk
