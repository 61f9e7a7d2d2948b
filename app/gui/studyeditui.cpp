#include "studyeditui.h"

#include "librarysession.h"
#include "mainwindow.h"
#include "profilecontroller.h"
#include "studyconflictdialog.h"
#include "studyeditdialog.h"
#include "teamui.h"

#include "store/studystore.h"

#include <QAction>
#include <QMessageBox>
#include <QStatusBar>

namespace mgreview::gui {

namespace {

struct ReadStudy {
    std::optional<VersionedStudy> study;
    QString error;
};

} // namespace

StudyEditUi::StudyEditUi(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    m_edit = new QAction(tr("&Edit study…"), this);
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_edit, &QAction::triggered, this, [this] { editStudy(m_shownStudy); });
    connect(m_parts.profiles, &ProfileController::profileChanged, this, &StudyEditUi::updateAction);
    connect(m_parts.session, &LibrarySession::opened, this, &StudyEditUi::updateAction);
    updateAction();
}

StudyEditDialog *StudyEditUi::editor() const
{
    return m_editor;
}

StudyConflictDialog *StudyEditUi::conflictDialog() const
{
    return m_conflict;
}

void StudyEditUi::setShownStudy(const QString &id)
{
    m_shownStudy = id;
    updateAction();
}

void StudyEditUi::updateAction()
{
    const bool may = m_parts.profiles->may(Action::EditStudies);
    m_edit->setEnabled(may && !m_busy && m_parts.session->isOpen() && !m_shownStudy.isEmpty());
    m_edit->setToolTip(may ? tr("Correct the shown study's title, authors, year, identifiers or abstract (Ctrl+E).")
                           : m_parts.profiles->refusal(Action::EditStudies));
}

QString StudyEditUi::studyName(const Study &study) const
{
    const QString author = study.firstAuthor().section(u' ', 0, 0);
    return author.isEmpty() ? study.id : QStringLiteral("%1 %2").arg(author).arg(study.citation.year);
}

void StudyEditUi::editStudy(const QString &id)
{
    if (id.isEmpty() || m_busy || !m_parts.session->isOpen())
        return;
    if (!m_parts.profiles->may(Action::EditStudies)) {
        finish(id, m_parts.profiles->refusal(Action::EditStudies), true);
        return;
    }
    m_busy = true;
    updateAction();
    m_parts.session
        ->run([id](const Database &database) {
            ReadStudy out;
            out.study = StudyStore(database).loadVersioned(id, &out.error);
            if (!out.study && out.error.isEmpty())
                out.error = QStringLiteral("no study with id '%1'").arg(id);
            return out;
        })
        .then(this, [this, id](const ReadStudy &read) {
            if (!read.study) {
                finish(id, read.error, true);
                return;
            }
            auto *dialog = new StudyEditDialog(read.study->study, m_parts.window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            m_editor = dialog;
            const Study base = read.study->study;
            const int version = read.study->version;
            connect(dialog, &QDialog::finished, this, [this, dialog, base, version](int result) {
                if (result == QDialog::Accepted)
                    save(base, dialog->edited(), version);
                else
                    finish(base.id, QString(), false);
            });
            dialog->open();
            Q_EMIT editorShown(dialog);
        });
}

void StudyEditUi::save(const Study &base, const Study &mine, int expectedVersion)
{
    m_parts.window->statusBar()->showMessage(tr("Saving %1…").arg(studyName(mine)));
    m_parts.session
        ->run([mine, expectedVersion](const Database &database) {
            return StudyStore(database).update(mine, expectedVersion);
        })
        .then(this, [this, base, mine](const SaveResult &result) {
            switch (result.status) {
            case SaveResult::Status::Saved:
                m_busy = false;
                updateAction();
                m_parts.window->statusBar()->showMessage(tr("Saved %1.").arg(studyName(mine)), 8000);
                m_parts.team->refreshRows();
                Q_EMIT saved(mine.id, result.version);
                return;
            case SaveResult::Status::Conflict:
                if (result.current) {
                    showConflict(base, mine, *result.current, result.version);
                    return;
                }
                finish(mine.id, result.error, true); // Removed meanwhile: nothing to save into.
                return;
            case SaveResult::Status::Failed:
                finish(mine.id, result.error, true);
                return;
            }
        });
}

void StudyEditUi::showConflict(const Study &base, const Study &mine, const Study &theirs, int theirVersion)
{
    auto *dialog = new StudyConflictDialog(studyName(theirs), base, mine, theirs, theirVersion, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_conflict = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, mine, theirs, theirVersion] {
        const std::optional<Study> result = dialog->result();
        if (!result) {
            // Keep theirs: nothing to write; show what is saved.
            finish(mine.id, dialog->error(), !dialog->error().isEmpty());
            m_parts.team->refreshRows();
            return;
        }
        // Against their version: whatever I keep now is measured against what they saved.
        save(theirs, *result, theirVersion);
    });
    dialog->open();
    Q_EMIT conflictShown(dialog);
}

void StudyEditUi::finish(const QString &id, const QString &message, bool error)
{
    m_busy = false;
    updateAction();
    if (error) {
        m_parts.window->statusBar()->showMessage(tr("Not saved: %1").arg(message));
        if (m_parts.dialogs)
            QMessageBox::warning(m_parts.window, tr("Edit study"), message);
    }
    Q_EMIT notSaved(id, message);
}

} // namespace mgreview::gui
