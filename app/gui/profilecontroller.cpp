#include "profilecontroller.h"

#include "librarysession.h"
#include "settings.h"

#include "review/reviewservice.h"

namespace mgreview::gui {

ProfileController::ProfileController(LibrarySession *session, QObject *parent) : QObject(parent), m_session(session) { }

void ProfileController::request(const QString &name, std::optional<Role> role)
{
    m_requestedName = name;
    m_requestedRole = role;
    if (m_libraryOpen)
        resolve(name, role, false);
}

void ProfileController::libraryOpened()
{
    m_libraryOpen = true;
    if (!m_requestedName.isEmpty()) {
        resolve(m_requestedName, m_requestedRole, false);
        return;
    }
    if (!m_remember) {
        // Nobody signs in (--screenshot, tests): read only. Still list the profiles.
        resolve(QString(), std::nullopt, false);
        return;
    }
    const Settings settings;
    const QString name = settings.currentProfile();
    if (name.isEmpty()) {
        resolve(QString(), std::nullopt, false);
        Q_EMIT profileNeeded();
        return;
    }
    resolve(name, roleFromString(settings.currentProfileRole()), true);
}

void ProfileController::switchTo(const QString &name)
{
    resolve(name, std::nullopt, m_remember);
}

void ProfileController::resolve(const QString &name, std::optional<Role> role, bool remember)
{
    if (!m_session->isOpen())
        return;
    ++m_busy;
    m_session
        ->run([name, role](const Database &database) {
            Resolved out;
            ReviewService service(database);
            if (!name.isEmpty()) {
                QString lookupError;
                out.profile = service.profile(name, &lookupError);
                if (!out.profile && role) {
                    // Remembered or requested with a role, missing in this library: add it.
                    const Profile added { name.trimmed(), *role };
                    if (service.addProfile(added, &out.error))
                        out.profile = added;
                } else if (!out.profile) {
                    out.error = lookupError;
                }
            }
            QString listError;
            if (std::optional<QVector<Profile>> all = service.profiles(&listError))
                out.profiles = std::move(*all);
            else if (out.error.isEmpty())
                out.error = listError;
            return out;
        })
        .then(this, [this, remember](const Resolved &resolved) {
            --m_busy;
            applyResolved(resolved, remember);
            Q_EMIT resolveFinished();
        });
}

void ProfileController::applyResolved(const Resolved &resolved, bool remember)
{
    if (resolved.profiles != m_profiles) {
        m_profiles = resolved.profiles;
        Q_EMIT profilesChanged();
    }
    if (!resolved.error.isEmpty())
        Q_EMIT message(resolved.error);
    if (!resolved.profile)
        return; // Keep whoever was signed in (or nobody).
    if (remember) {
        Settings settings;
        settings.setCurrentProfile(resolved.profile->name, toString(resolved.profile->role));
    }
    if (resolved.profile != m_current) {
        m_current = resolved.profile;
        Q_EMIT profileChanged();
    }
}

void ProfileController::add(const Profile &profile, bool signIn, std::function<void(const QString &)> done)
{
    if (!m_session->isOpen()) {
        done(tr("the library is not open yet"));
        return;
    }
    ++m_busy;
    m_session
        ->run([profile](const Database &database) {
            Resolved out;
            ReviewService service(database);
            if (service.addProfile(profile, &out.error))
                out.profile = profile;
            QString listError;
            if (std::optional<QVector<Profile>> all = service.profiles(&listError))
                out.profiles = std::move(*all);
            return out;
        })
        .then(this, [this, signIn, done = std::move(done)](Resolved resolved) {
            --m_busy;
            const QString error = resolved.error;
            resolved.error.clear(); // The dialog shows it; no second message.
            if (!signIn)
                resolved.profile.reset();
            applyResolved(resolved, m_remember);
            done(error);
        });
}

bool ProfileController::may(Action action) const
{
    return m_current && mgreview::may(*m_current, action) && m_rights.allows(action);
}

void ProfileController::setDatabaseRights(const DatabaseRights &rights)
{
    m_rights = rights;
    Q_EMIT profileChanged();
}

QString ProfileController::refusal(Action action) const
{
    if (m_current && mgreview::may(*m_current, action) && !m_rights.allows(action))
        return m_rights.refusal(action);
    if (!m_current)
        return tr("Nobody is signed in (read only): choose a profile in Profile ▸ Switch profile to %1.")
            .arg(describe(action));
    return mgreview::refusal(*m_current, action);
}

QString ProfileController::statusText() const
{
    if (!m_current)
        return tr("Not signed in (read only)");
    return tr("Signed in as %1 (%2)").arg(m_current->name, toString(m_current->role));
}

} // namespace mgreview::gui
