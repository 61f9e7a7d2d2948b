#include "pdfquotecheckui.h"

#include "librarysession.h"
#include "pdfindexui.h"
#include "pdfpasswordpanel.h"

#include "model/study.h"
#include "pdf/quotecheck.h"
#include "store/studystore.h"

#include <QDialog>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {

struct CheckRun {
    QString error;
    QString lockedFile;  ///< An encrypted PDF of the study that stayed locked.
    bool wrongPassword = false;
};

} // namespace

PdfQuoteCheckUi::PdfQuoteCheckUi(QWidget *window, LibrarySession *session, QObject *parent)
    : QObject(parent), m_window(window), m_session(session)
{
}

QDialog *PdfQuoteCheckUi::passwordDialog() const
{
    return m_dialog;
}

PdfPasswordPanel *PdfQuoteCheckUi::passwordPanel() const
{
    return m_panel;
}

void PdfQuoteCheckUi::check(const QString &studyId, const QString &password)
{
    if (studyId.isEmpty() || !m_session->isOpen())
        return;
    Q_EMIT message(tr("Checking the quotes of %1 against its PDFs…").arg(studyId), false);
    ++m_pending;
    const QuoteCheckOptions options { PdfIndexUi::extractionOptions(), password };
    m_session
        ->run([studyId, options](const Database &database) {
            CheckRun run;
            std::optional<Study> study = StudyStore(database).load(studyId, &run.error);
            if (!study)
                return run;
            const auto checks = QuoteCheckService(database, options).verify(*study, &run.error);
            if (!checks) {
                if (run.error.isEmpty())
                    run.error = tr("the quotes could not be checked");
                return run;
            }
            for (const QuoteCheck &check : *checks) {
                if (check.problemStatus == PdfOpenStatus::NeedsPassword
                    || check.problemStatus == PdfOpenStatus::WrongPassword) {
                    run.lockedFile = check.pdfFileName;
                    run.wrongPassword = check.problemStatus == PdfOpenStatus::WrongPassword;
                    break;
                }
            }
            return run;
        })
        .then(this, [this, studyId](const CheckRun &run) {
            --m_pending;
            if (!run.error.isEmpty()) {
                Q_EMIT message(tr("Quotes of %1 not checked: %2").arg(studyId, run.error), true);
                Q_EMIT finished(studyId, run.error);
                return;
            }
            if (!run.lockedFile.isEmpty()) {
                const QString note = tr("%1 is encrypted: its quotes are not checked until its password is given.")
                                         .arg(run.lockedFile);
                Q_EMIT message(note, true);
                Q_EMIT finished(studyId, note);
                askPassword(studyId, run.lockedFile, run.wrongPassword);
                return;
            }
            Q_EMIT message(tr("Quotes of %1 checked.").arg(studyId), false);
            Q_EMIT finished(studyId, QString());
        });
}

void PdfQuoteCheckUi::askPassword(const QString &studyId, const QString &fileName, bool wrong)
{
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("quoteCheckPasswordDialog"));
    dialog->setWindowTitle(tr("Password for %1").arg(fileName));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *panel = new PdfPasswordPanel(dialog);
    panel->ask(fileName, wrong);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(panel);
    connect(panel, &PdfPasswordPanel::passwordEntered, this, [this, dialog, studyId](const QString &password) {
        dialog->close();
        check(studyId, password);
    });
    connect(panel, &PdfPasswordPanel::cancelled, dialog, &QDialog::close);
    m_dialog = dialog;
    m_panel = panel;
    dialog->open();
}

} // namespace mgreview::gui
