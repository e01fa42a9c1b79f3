// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace linkisdesk {

class AppSettings;
class ClientPool;
class JobJournal;
class JobRegistry;
class ProfileStore;
class SecretStore;

// The long-lived objects the app builds once (in app/main.cpp, or in a test) and hands down.
struct AppContext
{
    AppSettings *settings = nullptr;
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
    ClientPool *clients = nullptr;
    JobRegistry *registry = nullptr;
    JobJournal *journal = nullptr;
};

} // namespace linkisdesk
