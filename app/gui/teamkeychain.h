#pragma once

// Passwords of team libraries (PostgreSQL) live in the system keychain (Secret Service /
// KWallet through qtkeychain), never in the settings file or the log. Core asks for one
// through Database::setPasswordProvider when the server wants a password and the URL has
// none.

#include "store/librarylocation.h"

#include <QString>

namespace mgreview::gui {

/// The keychain entry of a library: "user@host:port/database".
QString keychainKey(const LibraryLocation &location);

/// Reads / stores / forgets the password of a library. They wait for the keychain (it
/// answers over D-Bus within milliseconds, or fails at once without a session bus), so
/// call them off the GUI thread or before the window opens. False and *error on failure.
bool readTeamPassword(const LibraryLocation &location, QString *password, QString *error);
bool storeTeamPassword(const LibraryLocation &location, const QString &password, QString *error);
bool forgetTeamPassword(const LibraryLocation &location, QString *error);

/// Installs the password provider: the keychain first; then, when `mayAsk`, a password
/// dialog on the GUI thread, whose answer is kept in the keychain if the user asks so.
void installTeamPasswordProvider(bool mayAsk);

} // namespace mgreview::gui
