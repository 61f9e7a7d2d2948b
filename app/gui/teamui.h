#pragma once

#include "library/studysummary.h"
#include "store/changelistener.h"

#include <QObject>
#include <QSet>
#include <QTimer>

class QAction;
class QLabel;
class QThread;

namespace mgreview::gui {

class LibrarySession;
class MainWindow;

/// Team mode in the main window (docs/team-mode.md): File ▸ Connect to team library…,
/// and, on a PostgreSQL library, live changes — a colleague's committed change refreshes
/// the affected rows (and the shown study) within a second and the status bar says who
/// changed what ("Ann changed Garrison 2020").
///
/// The listening connection lives on a thread of its own with an event loop (the
/// session's I/O thread has none, and the GUI thread must never wait for the network).
class TeamUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        bool dialogs = true; ///< Off for --screenshot.
    };
    explicit TeamUi(const Parts &parts, QObject *parent = nullptr);
    ~TeamUi() override;

    QAction *connectAction() const { return m_connectAction; }
    /// Call once the library is open: starts listening on a team library.
    void libraryOpened();
    bool isListening() const { return m_listening; }
    /// The connected user's team role as the status bar shows it ("" until known).
    QString teamRole() const { return m_role; }

    /// "Ann changed Garrison 2020": who, and the study as the table names it.
    static QString changeMessage(const QString &author, const StudySummary *study, const QString &id);
    /// As changeMessage, for a change of `table` ("annotations": "Ann changed the notes of
    /// Garrison 2020", "pdf_attachments": "Ann changed the PDFs of …").
    static QString changeMessage(const QString &author, const QString &table, const StudySummary *study,
                                 const QString &id);
    /// Reads every row again (colleagues' changes, a save of one's own).
    void refreshRows();
    /// The last "who changed what" shown in the status bar.
    QString lastChangeMessage() const { return m_lastMessage; }

Q_SIGNALS:
    /// The rows were read again after colleagues' changes (for tests).
    void rowsRefreshed();
    void listeningChanged(bool listening);
    void teamRoleKnown(const QString &role);
    /// A colleague's change of annotations or PDFs of a study was read again (for tests).
    void notesRefreshed(const QString &studyId);
    void pdfsRefreshed(const QString &studyId);

private:
    void onStudyChanged(const QString &id, int version, const QString &author);
    void onRowChanged(const mgreview::RowChange &change);
    void showRole(const QString &role);
    bool isMine(const QString &author) const;
    const StudySummary *row(const QString &id) const;
    void stopListening();
    void showConnectDialog();

    Parts m_parts;
    QAction *m_connectAction;
    QThread *m_thread = nullptr;
    ChangeListener *m_listener = nullptr;
    bool m_listening = false;
    QTimer m_refreshTimer;
    QSet<QString> m_pendingIds;
    QString m_lastMessage;
    bool m_refreshing = false;
    QLabel *m_roleLabel = nullptr;
    QString m_role;
};

} // namespace mgreview::gui
