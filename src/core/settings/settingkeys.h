// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/pollingdefaults.h"
#include "settingkey.h"

namespace linkisdesk::SettingKeys {

// Every application setting with its default, in one place. Per-profile options live in the
// profile; secrets live in the SecretStore.

// "system" (follow the desktop), "light" or "dark".
inline const SettingKey<QString> Theme {"theme", QStringLiteral("system")};
// A locale name such as "de" or "zh_CN"; empty follows the system.
inline const SettingKey<QString> Language {"language", QString()};
// Profiles whose kill confirmation the user switched off ("don't ask again"). Production
// profiles always ask, whatever this says: see AppSettings::askBeforeKill.
inline const SettingKey<QStringList> KillWithoutAsking {"killWithoutAsking", QStringList()};
// The log view follows new lines until the user scrolls up.
inline const SettingKey<bool> LogAutoScroll {"logAutoScroll", true};
// Job polling: the first poll after submit, and the slowest interval it backs off to. The
// defaults are JobTracker's (PollingDefaults), so a tracker made without settings polls alike.
inline const SettingKey<int> PollFirstMs {"pollFirstMs", PollingDefaults::firstIntervalMs};
inline const SettingKey<int> PollMaxMs {"pollMaxMs", PollingDefaults::maxIntervalMs};
// How often open editor tabs are saved to the data folder.
inline const SettingKey<int> AutosaveIntervalMs {"autosaveIntervalMs", 5000};
// A desktop notification reports jobs that ran at least this long and ended while the
// window was not focused. 0 switches notifications off.
inline const SettingKey<int> NotifyAfterSeconds {"notifyAfterSeconds", 30};
// Most recent first, at most MaxRecentFiles.
inline const SettingKey<QStringList> RecentFiles {"recentFiles", QStringList()};
inline constexpr int MaxRecentFiles = 10;
// QMainWindow::saveGeometry() / saveState() blobs.
inline const SettingKey<QByteArray> WindowGeometry {"windowGeometry", QByteArray()};
inline const SettingKey<QByteArray> WindowState {"windowState", QByteArray()};
// Engine labels the user typed for remote profiles ("spark-3.0.1"), newest first, offered again.
inline const SettingKey<QStringList> TypedEngines {"typedEngines", QStringList()};
// Editor zoom steps (QScintilla zoomTo) and rows per result page.
inline const SettingKey<int> EditorZoom {"editorZoom", 0};
inline const SettingKey<int> ResultPageSize {"resultPageSize", 5000};

} // namespace linkisdesk::SettingKeys
