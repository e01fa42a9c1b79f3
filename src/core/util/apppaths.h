// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// Where Linkis Desk keeps its files. The folder name is always "linkis-desk", whatever the
// running binary is called, so the GUI and the CLI share profiles, settings and the job
// journal. XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_RUNTIME_DIR are honoured (through
// QStandardPaths, which also honours QStandardPaths::setTestModeEnabled).
class AppPaths
{
public:
    AppPaths() = delete;

    static QString configDir(); // $XDG_CONFIG_HOME/linkis-desk: settings.json, profiles.json
    static QString dataDir(); // $XDG_DATA_HOME/linkis-desk: jobs.json, autosave
    static QString cacheDir(); // $XDG_CACHE_HOME/linkis-desk: metadata caches (safe to delete)
    static QString runtimeDir(); // $XDG_RUNTIME_DIR/linkis-desk (falls back to a temp folder)
};

} // namespace linkisdesk
