#include "pdfstudyui.h"

#include "annotationcontroller.h"
#include "annotationui.h"
#include "conclusionpane.h"
#include "librarysession.h"
#include "mainwindow.h"
#include "pdffolderlinkui.h"
#include "pdfindexui.h"
#include "pdfquotecheckui.h"
#include "pdfui.h"
#include "pdfviewer.h"
#include "profilecontroller.h"
#include "reviewui.h"
#include "studytableview.h"

#include "models/studytablemodel.h"
#include "pdf/attachmentstore.h"
#include "pdf/pdftextstore.h"
#include "pdf/quotecheck.h"
#include "review/permissions.h"
#include "store/studystore.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {

/// Reads what the PDF section shows; on the I/O thread.
StudyPdfState readState(const Database &database, const QString &studyId)
{
    StudyPdfState state;
    state.studyId = studyId;
    QString error;
    if (auto attachments = AttachmentStore(database).attachments(studyId, &error))
        state.attachments = *attachments;
    else
        state.error = error;
    if (auto checks = QuoteCheckService(database).stored(studyId, &error))
        state.checks = *checks;
    if (auto study = StudyStore(database).load(studyId, &error)) {
        for (const Conclusion &c : study->conclusions)
            state.conclusions.append(c.text);
    }
    return state;
}

struct AttachTask {
    QVector<Attachment> attached;
    QStringList errors;
    QStringList notes;
};

/// Where a selection of a PDF page starts in that page's extracted text: exactly, or with
/// any white space between its words (the viewer joins lines differently).
std::pair<int, int> locate(const QString &pageText, const QString &selection)
{
    if (const int at = int(pageText.indexOf(selection)); at >= 0)
        return { at, at + int(selection.size()) };
    const QStringList words = selection.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return { -1, -1 };
    QStringList parts;
    for (const QString &w : words)
        parts.append(QRegularExpression::escape(w));
    const QRegularExpression re(parts.join(QStringLiteral("\\s+")));
    const QRegularExpressionMatch m = re.match(pageText);
    if (!m.hasMatch())
        return { -1, -1 };
    return { int(m.capturedStart()), int(m.capturedEnd()) };
}

} // namespace

PdfStudyUi::PdfStudyUi(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_section(new PanePdfSection)
{
    m_attach = new QAction(tr("Attach &PDF…"), this);
    m_attach->setObjectName(QStringLiteral("attachPdf"));
    m_attach->setToolTip(tr("Attach a PDF (full text, supplement…) to the selected study"));
    connect(m_attach, &QAction::triggered, this, &PdfStudyUi::chooseAndAttach);
    connect(m_parts.review->profiles(), &ProfileController::profileChanged, this, &PdfStudyUi::updateActions);
    m_openAtConclusion = new QAction(tr("Open PDF at its &Conclusion"), this);
    m_openAtConclusion->setObjectName(QStringLiteral("openPdfAtConclusion"));
    m_openAtConclusion->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_openAtConclusion->setToolTip(
        tr("Open the study's PDF at the page of its verified conclusion (page 1 when none is verified)"));
    connect(m_openAtConclusion, &QAction::triggered, this, &PdfStudyUi::openAtConclusion);
    m_folderLink = new PdfFolderLinkUi(m_parts.window, m_parts.session, m_parts.indexing, this);
    connect(m_folderLink, &PdfFolderLinkUi::message, this, &PdfStudyUi::message);
    connect(m_folderLink, &PdfFolderLinkUi::scanFinished, this, &PdfStudyUi::scanFinished);
    connect(m_folderLink, &PdfFolderLinkUi::linkFinished, this, [this](const QVector<PdfLinkResult> &results) {
        refresh();
        Q_EMIT linkFinished(results);
    });
    m_quoteCheck = new PdfQuoteCheckUi(m_parts.window, m_parts.session, this);
    connect(m_quoteCheck, &PdfQuoteCheckUi::message, this, [this](const QString &text, bool error) {
        message(text, error);
    });
    connect(m_quoteCheck, &PdfQuoteCheckUi::finished, this, [this](const QString &studyId) {
        if (studyId == m_shownStudy)
            refresh();
    });
    updateActions();

    connect(m_section, &PanePdfSection::openRequested, this, &PdfStudyUi::openPdfAt);
    connect(m_section, &PanePdfSection::detachRequested, this,
        [this](const Attachment &attachment) { detach(attachment, true); });
    connect(m_section, &PanePdfSection::checkRequested, this, &PdfStudyUi::checkQuotes);
    connect(m_section, &PanePdfSection::filesDropped, this,
        [this](const QStringList &paths) { attachFiles(m_shownStudy, paths); });
    connect(m_parts.pdf, &PdfUi::evidenceSelected, this, &PdfStudyUi::onEvidence);
    connect(m_parts.pdf, &PdfUi::annotateRequested, this,
        [this](const QString &path, const QString &text, int page, const QVector<QRectF> &) {
            onAnnotate(path, text, page);
        });
    if (m_parts.indexing)
        connect(m_parts.indexing, &PdfIndexUi::finished, this, &PdfStudyUi::refresh);

    // Drops on a table row attach to that study; drops on the pane to the shown one.
    m_parts.table->setAcceptDrops(true);
    m_parts.table->viewport()->setAcceptDrops(true);
    m_parts.table->viewport()->installEventFilter(this);
    m_parts.pane->setAcceptDrops(true);
    m_parts.pane->viewport()->setAcceptDrops(true);
    m_parts.pane->viewport()->installEventFilter(this);
}

namespace {

/// A team login without INSERT on the PDF tables: the database would refuse the attach.
QString attachRefusal(ReviewUi *review)
{
    const DatabaseRights &rights = review->profiles()->databaseRights();
    if (!rights.limited || rights.attachPdfs)
        return {};
    return PdfStudyUi::tr("The database role %1 may not attach PDFs.")
        .arg(rights.role.isEmpty() ? PdfStudyUi::tr("of this login") : rights.role);
}

} // namespace

void PdfStudyUi::updateActions()
{
    const bool study = !m_shownStudy.isEmpty();
    const QString refused = attachRefusal(m_parts.review);
    m_attach->setEnabled(study && refused.isEmpty());
    m_attach->setToolTip(refused.isEmpty() ? tr("Attach a PDF (full text, supplement…) to the selected study") : refused);
    m_openAtConclusion->setEnabled(study && !m_section->state().attachments.isEmpty());
}

void PdfStudyUi::setShownStudy(const QString &studyId)
{
    if (m_pendingOpen && m_pendingOpen->studyId != studyId)
        m_pendingOpen.reset();
    if (studyId != m_shownStudy)
        m_section->clear();
    m_shownStudy = studyId;
    updateActions();
    refresh();
}

void PdfStudyUi::refresh()
{
    if (m_shownStudy.isEmpty() || !m_parts.session->isOpen()) {
        m_section->clear();
        return;
    }
    const quint64 generation = ++m_generation;
    const QString id = m_shownStudy;
    ++m_pending;
    m_parts.session->run([id](const Database &database) { return readState(database, id); })
        .then(this, [this, generation](const StudyPdfState &state) {
            --m_pending;
            if (generation != m_generation || state.studyId != m_shownStudy)
                return;
            m_section->setState(state);
            updateActions();
            openPending();
            Q_EMIT stateChanged();
        });
}

void PdfStudyUi::openAttachmentAt(const QString &studyId, const QString &sha256, int page, const QString &text)
{
    m_pendingOpen = PendingOpen { studyId, sha256, text, page };
    if (m_section->state().studyId == studyId && studyId == m_shownStudy)
        openPending();
}

void PdfStudyUi::openPending()
{
    if (!m_pendingOpen || m_section->state().studyId != m_pendingOpen->studyId)
        return;
    const PendingOpen request = *m_pendingOpen;
    m_pendingOpen.reset();
    for (const Attachment &attachment : m_section->state().attachments) {
        if (attachment.sha256.compare(request.sha256, Qt::CaseInsensitive) == 0) {
            openPdfAt(attachment.filePath, request.page, request.text);
            return;
        }
    }
    message(tr("The PDF this note was made on (%1…) is no longer attached to %2.")
                .arg(request.sha256.left(8), request.studyId),
        true);
}

void PdfStudyUi::message(const QString &text, bool error)
{
    m_lastMessage = text;
    m_parts.window->statusBar()->showMessage(text, error ? 20000 : 8000);
    m_section->setNotice(text, error);
}

void PdfStudyUi::attachFiles(const QString &studyId, const QStringList &paths, const QString &label,
    AttachmentStorage storage)
{
    if (studyId.isEmpty() || paths.isEmpty() || !m_parts.session->isOpen())
        return;
    if (const QString refused = attachRefusal(m_parts.review); !refused.isEmpty()) {
        message(refused, true); // Drops arrive here too: say why nothing happens.
        return;
    }
    message(paths.size() == 1 ? tr("Attaching %1…").arg(QFileInfo(paths.first()).fileName())
                              : tr("Attaching %1 PDFs…").arg(paths.size()));
    ++m_pending;
    m_parts.session
        ->run([studyId, paths, label, storage](const Database &database) {
            AttachTask task;
            AttachmentStore store(database);
            for (const QString &path : paths) {
                QString error;
                std::optional<AttachmentStore::AttachResult> result;
                try {
                    result = store.attach(studyId, path, label, storage, &error);
                } catch (const std::exception &e) {
                    error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(e.what()));
                }
                if (!result) {
                    task.errors.append(error.isEmpty() ? tr("%1: could not be attached").arg(path) : error);
                    continue;
                }
                const QString name = QFileInfo(path).fileName();
                if (result->alreadyAttached)
                    task.notes.append(tr("%1: the study already has this PDF").arg(name));
                else
                    task.attached.append(result->attachment);
                if (!result->warning.isEmpty())
                    task.notes.append(QStringLiteral("%1: %2").arg(name, result->warning));
            }
            return task;
        })
        .then(this, [this, studyId](const AttachTask &task) {
            --m_pending;
            QStringList lines;
            if (!task.attached.isEmpty())
                lines.append(task.attached.size() == 1
                        ? tr("Attached %1 to %2.").arg(task.attached.first().originalName, studyId)
                        : tr("Attached %1 PDFs to %2.").arg(task.attached.size()).arg(studyId));
            lines += task.notes;
            if (!task.errors.isEmpty())
                lines.append(tr("Not attached — %1").arg(task.errors.join(QStringLiteral("; "))));
            message(lines.join(u' '), !task.errors.isEmpty());
            if (!task.errors.isEmpty() && m_parts.errorDialogs) {
                auto *box = new QMessageBox(QMessageBox::Warning, tr("PDF not attached"),
                    tr("The study is unchanged for these files:\n\n%1").arg(task.errors.join(u'\n')), QMessageBox::Ok,
                    m_parts.window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            if (!task.attached.isEmpty() && m_parts.indexing)
                m_parts.indexing->index(task.attached);
            if (studyId == m_shownStudy)
                refresh();
            Q_EMIT attachFinished(task.attached, task.errors);
        });
}

void PdfStudyUi::chooseAndAttach()
{
    if (m_shownStudy.isEmpty())
        return;
    const QString studyId = m_shownStudy;
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_parts.window, tr("Attach PDF to %1").arg(studyId), QString(), tr("PDF files (*.pdf);;All files (*)"));
    if (paths.isEmpty())
        return;
    QDialog dialog(m_parts.window);
    dialog.setWindowTitle(tr("Attach PDF to %1").arg(studyId));
    auto *form = new QFormLayout;
    auto *label = new QComboBox(&dialog);
    label->setEditable(true);
    label->addItems({ tr("full text"), tr("supplement"), tr("protocol"), tr("other") });
    form->addRow(tr("&Label:"), label);
    auto *copy = new QRadioButton(tr("&Copy into the library (safe if the original moves)"), &dialog);
    auto *link = new QRadioButton(tr("&Link in place (the file stays where it is)"), &dialog);
    copy->setChecked(true);
    form->addRow(tr("Keep:"), copy);
    form->addRow(QString(), link);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString chosen = label->currentText().trimmed();
    attachFiles(studyId, paths, chosen.isEmpty() ? QStringLiteral("full text") : chosen,
        link->isChecked() ? AttachmentStorage::Linked : AttachmentStorage::Stored);
}

void PdfStudyUi::detach(const Attachment &attachment, bool confirm)
{
    if (confirm) {
        const auto answer = QMessageBox::question(m_parts.window, tr("Detach PDF"),
            tr("Detach “%1” (%2) from %3?\n\nThe study stays as it is; a copy stored in the library is "
               "removed unless another study uses it. A linked file is never deleted.")
                .arg(attachment.originalName, attachment.label, attachment.studyId));
        if (answer != QMessageBox::Yes)
            return;
    }
    ++m_pending;
    const QString studyId = attachment.studyId;
    const QString sha = attachment.sha256;
    m_parts.session
        ->run([studyId, sha](const Database &database) {
            QString error;
            const bool ok = AttachmentStore(database).detach(studyId, sha, &error).has_value();
            return ok ? QString() : (error.isEmpty() ? tr("could not detach") : error);
        })
        .then(this, [this, attachment](const QString &error) {
            --m_pending;
            if (error.isEmpty())
                message(tr("Detached %1 from %2.").arg(attachment.originalName, attachment.studyId));
            else
                message(tr("Could not detach %1: %2").arg(attachment.originalName, error), true);
            refresh();
        });
}

void PdfStudyUi::checkQuotes()
{
    m_quoteCheck->check(m_shownStudy);
}

QAction *PdfStudyUi::linkAction() const
{
    return m_folderLink->linkAction();
}

LinkPdfsDialog *PdfStudyUi::linkDialog() const
{
    return m_folderLink->linkDialog();
}

void PdfStudyUi::chooseFolderAndLink()
{
    m_folderLink->chooseFolderAndLink();
}

void PdfStudyUi::scanFolder(const QString &folder)
{
    m_folderLink->scanFolder(folder);
}

bool PdfStudyUi::isSettled() const
{
    return m_pending == 0 && m_folderLink->isSettled() && m_quoteCheck->isSettled();
}

void PdfStudyUi::openPdfAt(const QString &path, int page, const QString &text)
{
    m_parts.pdf->openPdf(path, page);
    if (!text.isEmpty() && page > 0)
        m_parts.pdf->viewer()->highlight(page, text);
}

void PdfStudyUi::openAtConclusion()
{
    const PdfTarget target = conclusionTarget(m_section->state());
    if (target.path.isEmpty() || m_section->state().studyId != m_shownStudy) {
        message(tr("%1 has no PDF attached.").arg(m_shownStudy));
        return;
    }
    openPdfAt(target.path, target.page, target.highlight);
}

void PdfStudyUi::onEvidence(const QString &path, const QString &text, int page)
{
    Q_UNUSED(path);
    if (m_shownStudy.isEmpty()) {
        message(tr("Select the study this PDF belongs to, then send the evidence again."), true);
        return;
    }
    // ReviewUi refuses in words when the profile may not assess funding.
    m_parts.review->openAssessForm(m_shownStudy, text, page);
}

void PdfStudyUi::onAnnotate(const QString &path, const QString &text, int page)
{
    ProfileController *profiles = m_parts.review->profiles();
    if (!profiles->may(Action::Annotate)) {
        message(profiles->refusal(Action::Annotate), true);
        return;
    }
    if (m_shownStudy.isEmpty()) {
        message(tr("Select the study this PDF belongs to, then annotate again."), true);
        return;
    }
    const QString studyId = m_shownStudy;
    struct Located {
        QString sha;
        QString pageText;
        int start = -1;
        int end = -1;
        QString error;
    };
    ++m_pending;
    m_parts.session
        ->run([studyId, path, text, page](const Database &database) {
            Located l;
            QString error;
            const QString canonical = QFileInfo(path).canonicalFilePath();
            if (auto attachments = AttachmentStore(database).attachments(studyId, &error)) {
                for (const Attachment &a : *attachments)
                    if (QFileInfo(a.filePath).canonicalFilePath() == canonical)
                        l.sha = a.sha256;
            }
            if (l.sha.isEmpty()) {
                l.error = tr("%1 is not attached to %2: attach it first").arg(QFileInfo(path).fileName(), studyId);
                return l;
            }
            const auto pages = PdfTextStore(database).pages(l.sha, &error);
            if (!pages || page < 1 || page > pages->size()) {
                l.error = tr("the text of %1 is not indexed yet (File ▸ Index PDFs)").arg(QFileInfo(path).fileName());
                return l;
            }
            l.pageText = pages->at(page - 1);
            std::tie(l.start, l.end) = locate(l.pageText, text);
            if (l.start < 0)
                l.error = tr("the selection was not found in the text of page %1").arg(page);
            return l;
        })
        .then(this, [this, studyId, page](const Located &l) {
            --m_pending;
            if (!l.error.isEmpty()) {
                message(tr("Not annotated: %1.").arg(l.error), true);
                return;
            }
            // The same form as "Highlight…" in the pane; nothing is saved before its Save.
            m_parts.annotations->annotatePdfSpan({ studyId, l.sha, page, l.pageText, l.start, l.end },
                [this, page](const Annotation &) { message(tr("Annotation saved on page %1 of the PDF.").arg(page)); });
        });
}

bool PdfStudyUi::eventFilter(QObject *watched, QEvent *event)
{
    const bool onTable = watched == m_parts.table->viewport();
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QObject::eventFilter(watched, event);
    auto *drop = static_cast<QDropEvent *>(event);
    const QStringList paths = PanePdfSection::pdfPaths(drop->mimeData());
    if (paths.isEmpty())
        return QObject::eventFilter(watched, event);
    QString studyId = m_shownStudy;
    if (onTable) {
        const QModelIndex index = m_parts.table->indexAt(drop->position().toPoint());
        studyId = index.data(StudyTableModel::StudyIdRole).toString();
    }
    if (studyId.isEmpty() || !m_parts.session->isOpen()) {
        drop->ignore();
        return true;
    }
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    if (type == QEvent::Drop) {
        attachFiles(studyId, paths);
        if (onTable && studyId != m_shownStudy)
            m_parts.window->selectStudy(studyId);
    }
    return true;
}

} // namespace mgreview::gui
