#include "teamui.h"

#include "librarysession.h"
#include "mainwindow.h"
#include "teamkeychain.h"

#include "annotationcontroller.h"
#include "annotationui.h"
#include "pdfstudyui.h"
#include "profilecontroller.h"
#include "reviewui.h"

#include "library/libraryloader.h"
#include "library/studysearchindex.h"
#include "models/studytablemodel.h"
#include "review/databaserights.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QThread>
#include <QUrlQuery>

namespace mgreview::gui {

namespace {

struct RefreshedRows {
    QVector<StudySummary> rows;
    std::shared_ptr<const StudySearchIndex> index;
    QString error;
};

} // namespace

TeamUi::TeamUi(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    m_connectAction = new QAction(tr("Connect to &team library…"), this);
    m_connectAction->setStatusTip(tr("Open a shared library on a PostgreSQL server in a new window"));
    connect(m_connectAction, &QAction::triggered, this, &TeamUi::showConnectDialog);
    // Several changes in a burst (an import, a merge) refresh the rows once.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(250);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TeamUi::refreshRows);
}

TeamUi::~TeamUi()
{
    stopListening();
}

void TeamUi::libraryOpened()
{
    const Database *database = m_parts.session->database();
    if (!database || database->dialect() != SqlDialect::Postgres || m_thread)
        return;
    // What the database lets this login do, read once: the window disables what the
    // database would refuse (whatever the local profile says) and names the role. Until
    // the answer comes, nothing that writes is offered.
    DatabaseRights unknown;
    unknown.limited = true;
    m_parts.window->review()->profiles()->setDatabaseRights(unknown);
    m_parts.session->run([](const Database &db) {
        QString error;
        std::optional<DatabaseRights> rights = readDatabaseRights(db, &error);
        return std::make_pair(rights, error);
    }).then(this, [this](const std::pair<std::optional<DatabaseRights>, QString> &read) {
        if (!read.first) {
            m_parts.window->statusBar()->showMessage(tr("Could not read your rights in the team library: %1")
                                                         .arg(read.second));
            return;
        }
        m_parts.window->review()->profiles()->setDatabaseRights(*read.first);
        showRole(read.first->role);
    });
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("mgreview-changes"));
    m_listener = new ChangeListener(*database);
    m_listener->moveToThread(m_thread);
    connect(m_listener, &ChangeListener::studyChanged, this, &TeamUi::onStudyChanged);
    connect(m_listener, &ChangeListener::changed, this, &TeamUi::onRowChanged);
    m_thread->start();
    ChangeListener *listener = m_listener;
    QMetaObject::invokeMethod(m_listener, [this, listener] {
        QString error;
        const bool ok = listener->start(&error);
        QMetaObject::invokeMethod(this, [this, ok, error] {
            m_listening = ok;
            if (!ok)
                m_parts.window->statusBar()->showMessage(
                    tr("Changes by others will not appear until you reopen the library: %1").arg(error));
            Q_EMIT listeningChanged(ok);
        });
    });
}

void TeamUi::showRole(const QString &role)
{
    static const QHash<QString, QString> rights = {
        {QStringLiteral("owner"), tr("owns the library: every right")},
        {QStringLiteral("editor"), tr("may edit studies, attach PDFs, record judgements and annotate")},
        {QStringLiteral("reviewer"), tr("may record judgements and resolutions, and annotate")},
        {QStringLiteral("student"), tr("may add annotations; reads everything else")},
        {QStringLiteral("clinician"), tr("reads; the database refuses any change")},
    };
    m_role = role;
    if (!m_roleLabel) {
        m_roleLabel = new QLabel(m_parts.window);
        m_roleLabel->setObjectName(QStringLiteral("teamRoleLabel"));
        m_parts.window->statusBar()->addPermanentWidget(m_roleLabel);
    }
    m_roleLabel->setText(role.isEmpty() ? tr("Team: no role (read only)")
                         : role == u"clinician" ? tr("Team: clinician (read only)")
                                                : tr("Team: %1").arg(role));
    m_roleLabel->setToolTip(role.isEmpty() ? tr("No team role: ask the library's administrator "
                                                "(mgreview-cli team grant)")
                                           : rights.value(role));
    Q_EMIT teamRoleKnown(role);
}

void TeamUi::stopListening()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_listener, &ChangeListener::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_listener; // its thread has ended: nothing else can touch it
    m_listener = nullptr;
    delete m_thread;
    m_thread = nullptr;
    m_listening = false;
}

QString TeamUi::changeMessage(const QString &author, const StudySummary *study, const QString &id)
{
    // As the table names a study: first author's surname and year ("Garrison 2020").
    const QString what = study && !study->firstAuthor.isEmpty()
        ? QStringLiteral("%1 %2").arg(study->firstAuthor.section(u' ', 0, 0)).arg(study->year)
        : id;
    return tr("%1 changed %2").arg(author, what);
}

QString TeamUi::changeMessage(const QString &author, const QString &table, const StudySummary *study,
                              const QString &id)
{
    if (table == u"annotations" || table == u"pdf_attachments") {
        const QString what = study && !study->firstAuthor.isEmpty()
            ? QStringLiteral("%1 %2").arg(study->firstAuthor.section(u' ', 0, 0)).arg(study->year)
            : id;
        return table == u"annotations" ? tr("%1 changed the notes of %2").arg(author, what)
                                       : tr("%1 changed the PDFs of %2").arg(author, what);
    }
    return changeMessage(author, study, id);
}

bool TeamUi::isMine(const QString &author) const
{
    const QString me = m_parts.session->database() ? m_parts.session->database()->author() : QString();
    return author == me || author == m_parts.session->location().url.userName();
}

const StudySummary *TeamUi::row(const QString &id) const
{
    for (const StudySummary &s : m_parts.window->tableModel()->allStudies()) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

void TeamUi::onStudyChanged(const QString &id, int, const QString &author)
{
    if (!isMine(author)) {
        m_lastMessage = changeMessage(author, row(id), id);
        m_parts.window->statusBar()->showMessage(m_lastMessage, 15000);
    }
    m_pendingIds.insert(id);
    m_refreshTimer.start();
}

void TeamUi::onRowChanged(const RowChange &change)
{
    const bool notes = change.table == u"annotations";
    if (!notes && change.table != u"pdf_attachments")
        return; // studies: onStudyChanged
    if (!isMine(change.author)) {
        m_lastMessage = changeMessage(change.author, change.table, row(change.key), change.key);
        m_parts.window->statusBar()->showMessage(m_lastMessage, 15000);
    }
    if (notes) {
        // The Notes view and the pane's highlights read every annotation again.
        m_parts.window->annotations()->controller()->reload();
        Q_EMIT notesRefreshed(change.key);
    } else if (change.key == m_parts.window->shownStudyId()) {
        m_parts.window->pdfStudy()->refresh();
        Q_EMIT pdfsRefreshed(change.key);
    }
}

void TeamUi::refreshRows()
{
    if (m_refreshing) {
        m_refreshTimer.start(); // once the running refresh is done
        return;
    }
    m_refreshing = true;
    m_pendingIds.clear();
    m_parts.session
        ->run([](const Database &database) {
            RefreshedRows out;
            StudySearchIndex index;
            if (readLibrary(database, &out.rows, &index, &out.error))
                out.index = std::make_shared<const StudySearchIndex>(std::move(index));
            return out;
        })
        .then(this, [this](const RefreshedRows &refreshed) {
            m_refreshing = false;
            if (!refreshed.index) {
                m_parts.window->statusBar()->showMessage(
                    tr("Could not read the colleagues' changes: %1").arg(refreshed.error));
                return;
            }
            m_parts.window->replaceStudies(refreshed.rows, refreshed.index);
            Q_EMIT rowsRefreshed();
        });
}

void TeamUi::showConnectDialog()
{
    QDialog dialog(m_parts.window);
    dialog.setWindowTitle(tr("Connect to team library"));
    auto *form = new QFormLayout(&dialog);
    auto *host = new QLineEdit(QStringLiteral("localhost"), &dialog);
    auto *port = new QSpinBox(&dialog);
    port->setRange(1, 65535);
    port->setValue(5432);
    auto *database = new QLineEdit(QStringLiteral("mgreview"), &dialog);
    auto *user = new QLineEdit(qEnvironmentVariable("USER"), &dialog);
    auto *password = new QLineEdit(&dialog);
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("from the system keychain"));
    auto *remember = new QCheckBox(tr("Remember the password in the system keychain"), &dialog);
    remember->setChecked(true);
    auto *ssl = new QComboBox(&dialog);
    ssl->addItems({QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-full"),
                   QStringLiteral("disable")});
    ssl->setToolTip(tr("verify-full checks the server's certificate and name: use it on any network you do not control"));
    form->addRow(tr("&Server:"), host);
    form->addRow(tr("&Port:"), port);
    form->addRow(tr("&Database:"), database);
    form->addRow(tr("&User:"), user);
    form->addRow(tr("Pass&word:"), password);
    form->addRow(remember);
    form->addRow(tr("&SSL:"), ssl);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;

    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host->text().trimmed());
    url.setPort(port->value());
    url.setUserName(user->text().trimmed());
    url.setPath(u'/' + database->text().trimmed());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), ssl->currentText());
    url.setQuery(query);
    LibraryLocation location;
    location.kind = LibraryLocation::Kind::Postgres;
    location.url = url;
    if (!password->text().isEmpty() && remember->isChecked()) {
        // A short D-Bus round trip; the password never goes on the new window's command line.
        QString error;
        if (!storeTeamPassword(location, password->text(), &error)) {
            QMessageBox::warning(m_parts.window, tr("Keychain"),
                                 tr("The password could not be kept in the system keychain (%1); the new "
                                    "window will ask for it.")
                                     .arg(error));
        }
    }
    // A window of its own: the team library and this one stay open side by side.
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                 {QStringLiteral("--library"), url.toString()})) {
        QMessageBox::warning(m_parts.window, tr("Connect to team library"),
                             tr("Could not start a new window for %1.").arg(location.displayName()));
    }
}

} // namespace mgreview::gui
