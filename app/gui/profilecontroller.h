#pragma once

#include "review/databaserights.h"
#include "review/permissions.h"
#include "review/profile.h"

#include <QObject>
#include <QVector>

#include <functional>
#include <optional>

namespace mgreview::gui {

class LibrarySession;

/// Who is using the window: the signed-in profile, the library's profiles, and what the
/// signed-in person may do (core's may(), so the window refuses exactly as the CLI does).
///
/// Profiles live in the library and are read and added on the session's I/O thread; the
/// settings remember only which name is yours. Until a profile is resolved nobody is signed
/// in, which is read only, like a clinician.
class ProfileController : public QObject
{
    Q_OBJECT

public:
    explicit ProfileController(LibrarySession *session, QObject *parent = nullptr);

    /// Read the remembered profile from the settings and store choices there (off for
    /// --screenshot and tests, which also never ask at first start).
    void setRemember(bool remember) { m_remember = remember; }
    bool remembers() const { return m_remember; }

    /// Signs in as `name` for this run (--profile NAME[:role]); the profile is added with
    /// `role` when the library has none of that name. Applied once the library is open.
    void request(const QString &name, std::optional<Role> role);
    /// The library is open: resolve the requested or remembered profile; emits
    /// profileNeeded() when there is none and the window may ask.
    void libraryOpened();

    /// Signs in as an existing profile.
    void switchTo(const QString &name);
    /// Adds a profile to the library and, with `signIn`, signs in as it. `done` gets the
    /// error (empty on success) on the GUI thread.
    void add(const Profile &profile, bool signIn, std::function<void(const QString &error)> done);

    const std::optional<Profile> &current() const { return m_current; }
    const QVector<Profile> &profiles() const { return m_profiles; }
    /// Whether the signed-in person may do it (nobody signed in: nothing that writes), and
    /// the database lets their login do it (team libraries, setDatabaseRights()).
    bool may(Action action) const;
    /// Why not, in words: core's refusal, that nobody is signed in, or the database role's.
    QString refusal(Action action) const;
    /// What the database lets the connected user write (read once at connect on a team
    /// library); limits may() from then on. Emits profileChanged() so actions update.
    void setDatabaseRights(const DatabaseRights &rights);
    const DatabaseRights &databaseRights() const { return m_rights; }
    /// "Signed in as Ann (reviewer)" or "Not signed in (read only)".
    QString statusText() const;
    /// True while a profile is being resolved, added or switched.
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    void profileChanged();
    void profilesChanged();
    /// Nobody is remembered: ask who is using the library (first start).
    void profileNeeded();
    /// A lookup of the signed-in profile finished (whether or not it changed).
    void resolveFinished();
    /// Something the person should read (an unknown --profile, a failed switch).
    void message(const QString &text);

private:
    struct Resolved {
        std::optional<Profile> profile;
        QVector<Profile> profiles;
        QString error;
    };
    void resolve(const QString &name, std::optional<Role> role, bool remember);
    void applyResolved(const Resolved &resolved, bool remember);

    LibrarySession *m_session;
    bool m_remember = true;
    bool m_libraryOpen = false;
    QString m_requestedName;
    std::optional<Role> m_requestedRole;
    std::optional<Profile> m_current;
    DatabaseRights m_rights; ///< Not limited until a team library says otherwise.
    QVector<Profile> m_profiles;
    int m_busy = 0;
};

} // namespace mgreview::gui
