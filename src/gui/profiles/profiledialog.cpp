// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profiledialog.h"

#include "api/linkisclient.h"
#include "profiles/clientpool.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include "profiles/ui_profiledialog.h"
#include "theme.h"

#include <QMessageBox>
#include <QPushButton>

namespace linkisdesk {

namespace {
const Profile::AuthMode kAuthModes[] = {Profile::AuthMode::Password, Profile::AuthMode::Token,
                                        Profile::AuthMode::SeedProxy,
                                        Profile::AuthMode::LinkisProxy};

QString authLabel(Profile::AuthMode mode)
{
    switch (mode) {
    case Profile::AuthMode::Password: return QObject::tr("Password (login)");
    case Profile::AuthMode::Token: return QObject::tr("Token (Token-Code / Token-User)");
    case Profile::AuthMode::SeedProxy: return QObject::tr("Proxy headers (Validation-Code)");
    case Profile::AuthMode::LinkisProxy: return QObject::tr("Linkis proxy login");
    case Profile::AuthMode::Local: return QObject::tr("Local gateway");
    }
    return {};
}

ConnectionSettings::AuthMode toConnectionMode(Profile::AuthMode mode)
{
    switch (mode) {
    case Profile::AuthMode::Password: return ConnectionSettings::AuthMode::Password;
    case Profile::AuthMode::Token: return ConnectionSettings::AuthMode::Token;
    case Profile::AuthMode::SeedProxy: return ConnectionSettings::AuthMode::SeedProxy;
    case Profile::AuthMode::LinkisProxy: return ConnectionSettings::AuthMode::LinkisProxy;
    case Profile::AuthMode::Local: return ConnectionSettings::AuthMode::Token;
    }
    return ConnectionSettings::AuthMode::None;
}
} // namespace

ProfileDialog::ProfileDialog(ProfileStore *profiles, SecretStore *secrets, ClientPool *clients,
                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileDialog>())
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_clients(clients)
{
    m_ui->setupUi(this);
    for (Profile::AuthMode mode : kAuthModes)
        m_ui->authBox->addItem(authLabel(mode), int(mode));
    m_ui->apiBox->addItem(tr("entrance/submit (Linkis 1.x)"), int(Profile::ApiFlavour::Submit));
    m_ui->apiBox->addItem(tr("entrance/execute (0.x)"), int(Profile::ApiFlavour::Execute));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Profiles"), question) == QMessageBox::Yes;
    };
    connect(m_ui->profileList, &QListWidget::currentTextChanged, this, [this](const QString &n) {
        if (const auto p = m_profiles->profile(n))
            load(*p);
    });
    connect(m_ui->addButton, &QPushButton::clicked, this, &ProfileDialog::startNew);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ProfileDialog::removeCurrent);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &ProfileDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->authBox, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateEnabled);
    fillList(m_profiles->defaultProfileName());
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::fillList(const QString &select)
{
    m_ui->profileList->clear();
    m_ui->profileList->addItems(m_profiles->names());
    const auto items = m_ui->profileList->findItems(select, Qt::MatchFixedString);
    m_ui->profileList->setCurrentItem(items.isEmpty() ? m_ui->profileList->item(0) : items.first());
}

bool ProfileDialog::select(const QString &name)
{
    const auto items = m_ui->profileList->findItems(name, Qt::MatchFixedString);
    if (items.isEmpty())
        return false;
    m_ui->profileList->setCurrentItem(items.first());
    return true;
}

void ProfileDialog::load(const Profile &p)
{
    m_editing = p.name;
    m_ui->nameEdit->setText(p.name);
    m_ui->urlEdit->setText(p.gatewayUrl.toString());
    const int auth = m_ui->authBox->findData(int(p.auth));
    m_ui->authBox->setCurrentIndex(auth < 0 ? 0 : auth);
    m_ui->userEdit->setText(p.user);
    m_ui->proxyEdit->setText(p.proxyUser);
    m_ui->engineEdit->setText(p.engine);
    m_ui->versionEdit->setText(p.engineVersion);
    m_ui->creatorEdit->setText(p.creator);
    m_ui->apiBox->setCurrentIndex(m_ui->apiBox->findData(int(p.api)));
    m_ui->pinEdit->setText(p.tlsPin);
    m_ui->productionCheck->setChecked(p.production);
    m_ui->secretEdit->clear();
    m_ui->secretEdit->setPlaceholderText(QString());
    m_ui->verdictLabel->clear();
    m_ui->localNote->setVisible(p.isLocal());
    updateEnabled();
    if (const auto kind = p.requiredSecret(); kind && m_secrets) {
        const QString name = p.name;
        m_secrets->read(Profile::secretKey(name, *kind), this,
                        [this, name](Result<std::optional<QString>> secret) {
                            if (m_editing != name)
                                return;
                            // Never show the secret itself, only whether there is one.
                            // Where it is kept, truthfully: without a system keyring
                            // the secret lives in memory until the app quits.
                            const bool kept = secret && secret->has_value();
                            m_ui->secretEdit->setPlaceholderText(
                                !kept ? tr("not stored")
                                    : m_secrets->persistent()
                                    ? tr("stored in the keyring \u2014 type to replace")
                                    : tr("kept for this session only (no system keyring) "
                                         "\u2014 type to replace"));
                        });
    }
}

void ProfileDialog::updateEnabled()
{
    const bool local =
        !m_editing.isEmpty() && m_editing.compare(Profile::localName(), Qt::CaseInsensitive) == 0;
    // Local needs no connection settings: only its defaults (engine, creator) are shown.
    m_ui->nameEdit->setEnabled(!local);
    for (int row : {1, 2, 3, 4, 5, 8, 9, 10})
        m_ui->form->setRowVisible(row, !local);
    m_ui->testButton->setText(local ? tr("Start / check the local gateway")
                                    : tr("Test connection"));
    m_ui->deleteButton->setEnabled(!local && !m_editing.isEmpty());
}

void ProfileDialog::startNew()
{
    Profile p;
    p.name.clear();
    load(p);
    m_editing.clear();
    m_ui->profileList->clearSelection();
    m_ui->nameEdit->setText(tr("New profile"));
    m_ui->nameEdit->selectAll();
    m_ui->nameEdit->setFocus();
    m_ui->secretEdit->setPlaceholderText(tr("not stored"));
    updateEnabled();
}

Profile ProfileDialog::formProfile() const
{
    Profile p;
    if (!m_editing.isEmpty()) {
        if (const auto existing = m_profiles->profile(m_editing))
            p = *existing;
    }
    if (p.isLocal()) {
        p.engine = m_ui->engineEdit->text().trimmed();
        p.engineVersion = m_ui->versionEdit->text().trimmed();
        p.creator = m_ui->creatorEdit->text().trimmed();
        return p;
    }
    p.name = m_ui->nameEdit->text().trimmed();
    p.gatewayUrl = QUrl(m_ui->urlEdit->text().trimmed());
    p.auth = Profile::AuthMode(m_ui->authBox->currentData().toInt());
    p.user = m_ui->userEdit->text().trimmed();
    p.proxyUser = m_ui->proxyEdit->text().trimmed();
    p.engine = m_ui->engineEdit->text().trimmed();
    p.engineVersion = m_ui->versionEdit->text().trimmed();
    p.creator = m_ui->creatorEdit->text().trimmed();
    if (p.creator.isEmpty())
        p.creator = QStringLiteral("IDE");
    p.api = Profile::ApiFlavour(m_ui->apiBox->currentData().toInt());
    p.tlsPin = m_ui->pinEdit->text().trimmed();
    p.production = m_ui->productionCheck->isChecked();
    return p;
}

void ProfileDialog::setVerdict(bool ok, const QString &text)
{
    m_ui->verdictLabel->setText(text);
    m_ui->verdictLabel->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;")
            .arg(Theme::colour(ok ? Theme::Role::Success : Theme::Role::Failure).name()));
}

QString ProfileDialog::verdict() const
{
    return m_ui->verdictLabel->text();
}

bool ProfileDialog::save()
{
    const Profile p = formProfile();
    if (!p.isLocal()) {
        if (const Result<Unit> valid = p.validate(); !valid) {
            setVerdict(false, valid.error().message);
            return false;
        }
    }
    const Result<Unit> done =
        m_editing.isEmpty() ? m_profiles->add(p) : m_profiles->update(m_editing, p);
    if (!done) {
        setVerdict(false, done.error().message);
        return false;
    }
    const QString secret = m_ui->secretEdit->text();
    if (const auto kind = p.requiredSecret(); kind && !secret.isEmpty() && m_secrets) {
        m_secrets->write(Profile::secretKey(p.name, *kind), secret, this, [this](Result<Unit> r) {
            if (!r)
                setVerdict(false, r.error().message);
        });
    }
    if (m_clients) {
        m_clients->invalidate(m_editing.isEmpty() ? p.name : m_editing);
        m_clients->invalidate(p.name);
    }
    m_ui->secretEdit->clear();
    m_editing = p.name;
    fillList(p.name);
    setVerdict(true, tr("Saved."));
    Q_EMIT saved(p.name);
    return true;
}

bool ProfileDialog::removeCurrent()
{
    if (m_editing.isEmpty())
        return false;
    const QString name = m_editing;
    if (m_confirm && !m_confirm(tr("Delete the profile %1?").arg(name)))
        return false;
    const std::optional<Profile> p = m_profiles->profile(name);
    const Result<Unit> done = m_profiles->remove(name);
    if (!done) {
        setVerdict(false, done.error().message);
        return false;
    }
    if (p && m_secrets) {
        if (const auto kind = p->requiredSecret())
            m_secrets->remove(Profile::secretKey(name, *kind), this, [](Result<Unit>) {});
    }
    if (m_clients)
        m_clients->invalidate(name);
    fillList(m_profiles->defaultProfileName());
    return true;
}

void ProfileDialog::testConnection()
{
    const Profile p = formProfile();
    setVerdict(true, tr("Testing\u2026"));
    m_ui->verdictLabel->setStyleSheet(QString());
    auto report = [this](Result<LoginInfo> r) {
        if (r) {
            const QString msg = tr("Connected: logged in as %1.").arg(r->userName);
            setVerdict(true, msg);
            Q_EMIT tested(true, msg);
        } else {
            setVerdict(false, r.error().message);
            Q_EMIT tested(false, r.error().message);
        }
    };
    if (p.isLocal()) {
        m_clients->acquire(p.name, this, [this, report](Result<LinkisClient *> c) {
            if (!c) {
                report(c.error());
                return;
            }
            (*c)->userInfo(this, report);
        });
        return;
    }
    if (const Result<Unit> valid = p.validate(); !valid) {
        report(valid.error());
        return;
    }
    ConnectionSettings settings;
    settings.baseUrl = p.gatewayUrl;
    settings.authMode = toConnectionMode(p.auth);
    settings.user = p.user;
    settings.proxyUser = p.proxyUser;
    settings.tlsPinSha256 = p.tlsPin;
    settings.timeoutMs = 10000;
    auto run = [this, settings, report](const QString &secret) mutable {
        settings.secret = secret;
        delete m_testClient;
        m_testClient = new LinkisClient(settings, this);
        m_testClient->login(this, report);
    };
    const QString typed = m_ui->secretEdit->text();
    const auto kind = p.requiredSecret();
    if (!typed.isEmpty() || !kind || m_editing.isEmpty() || !m_secrets) {
        run(typed);
        return;
    }
    m_secrets->read(Profile::secretKey(m_editing, *kind), this,
                    [run](Result<std::optional<QString>> s) mutable {
                        run(s && s->has_value() ? **s : QString());
                    });
}

} // namespace linkisdesk
