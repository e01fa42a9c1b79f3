// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/profile.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

namespace Ui {
class ProfileDialog;
}

namespace linkisdesk {

class ClientPool;
class LinkisClient;
class ProfileStore;
class SecretStore;

// Add, edit, test and delete profiles (form: ui/profiles/profiledialog.ui). Secrets go to the
// SecretStore and are never shown: the field only says whether one is stored.
class ProfileDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)
public:
    ProfileDialog(ProfileStore *profiles, SecretStore *secrets, ClientPool *clients,
                  QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Selects a profile by name (false when unknown).
    bool select(const QString &name);
    void startNew();
    // Saves the form; false with a message in the verdict line when it is invalid.
    bool save();
    bool removeCurrent();
    // Logs in (or makes a cheap authenticated call) with the form's values; emits tested().
    void testConnection();
    QString verdict() const;
    Profile formProfile() const;
    void setConfirm(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = std::move(confirm);
    }

Q_SIGNALS:
    void tested(bool ok, const QString &message);
    void saved(const QString &name);

private:
    void fillList(const QString &select);
    void load(const Profile &profile);
    void updateEnabled();
    void setVerdict(bool ok, const QString &text);

    std::unique_ptr<Ui::ProfileDialog> m_ui;
    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    ClientPool *m_clients;
    QString m_editing; // name of the profile in the form; empty for a new one
    QPointer<LinkisClient> m_testClient;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace linkisdesk
