#include "pdffolderlinkui.h"

#include "linkpdfsdialog.h"
#include "librarysession.h"
#include "mainwindow.h"
#include "pdfindexui.h"

#include "pdf/attachmentstore.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QProgressDialog>

#include <atomic>
#include <memory>

namespace mgreview::gui {

PdfFolderLinkUi::PdfFolderLinkUi(MainWindow *window, LibrarySession *session, PdfIndexUi *indexing, QObject *parent)
    : QObject(parent), m_window(window), m_session(session), m_indexing(indexing)
{
    m_link = new QAction(tr("&Link PDFs from Folder…"), this);
    m_link->setObjectName(QStringLiteral("linkPdfs"));
    m_link->setToolTip(tr("Attach the PDFs of a folder to the studies whose DOI or title they carry"));
    connect(m_link, &QAction::triggered, this, &PdfFolderLinkUi::chooseFolderAndLink);
}

LinkPdfsDialog *PdfFolderLinkUi::linkDialog() const
{
    return m_linkDialog;
}

void PdfFolderLinkUi::chooseFolderAndLink()
{
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Link PDFs from folder"));
    if (!folder.isEmpty())
        scanFolder(folder);
}

void PdfFolderLinkUi::scanFolder(const QString &folder)
{
    if (!m_session->isOpen())
        return;
    struct Scan {
        QVector<PdfLinkResult> results;
        QString error;
    };
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto *progress = new QProgressDialog(tr("Reading the PDFs of %1…").arg(QDir::toNativeSeparators(folder)),
        tr("Cancel"), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("linkPdfsProgress"));
    progress->setWindowTitle(tr("Link PDFs from folder"));
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
    QPointer<QProgressDialog> watcher(progress);
    Q_EMIT message(tr("Reading the PDFs of %1…").arg(QDir::toNativeSeparators(folder)), false);
    ++m_pending;
    m_session
        ->run([folder, cancel, watcher, options = PdfIndexUi::extractionOptions(), this](const Database &database) {
            Scan scan;
            auto report = [watcher, this](int done, int total) {
                QMetaObject::invokeMethod(this, [watcher, done, total] {
                    if (watcher) {
                        watcher->setMaximum(total);
                        watcher->setValue(done);
                    }
                });
            };
            if (auto results = PdfLinker(database, options).scan(folder, &scan.error, cancel.get(), report))
                scan.results = *results;
            else if (scan.error.isEmpty())
                scan.error = tr("the folder could not be read");
            if (*cancel)
                scan.error = tr("cancelled");
            return scan;
        })
        .then(this, [this, folder, progress](const Scan &scan) {
            --m_pending;
            progress->deleteLater();
            Q_EMIT scanFinished(scan.results, scan.error);
            if (!scan.error.isEmpty()) {
                Q_EMIT message(tr("Link PDFs from %1: %2").arg(QDir::toNativeSeparators(folder), scan.error), true);
                return;
            }
            Q_EMIT message(tr("%1 PDFs read in %2.").arg(scan.results.size()).arg(QDir::toNativeSeparators(folder)), false);
            if (m_linkDialog)
                m_linkDialog->close();
            m_linkDialog = new LinkPdfsDialog(folder, scan.results, m_window);
            m_linkDialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_linkDialog, &QDialog::accepted, this, [this, dialog = m_linkDialog] {
                applyLinks(dialog->model()->results(), dialog->storage());
            });
            m_linkDialog->open();
        });
}

void PdfFolderLinkUi::applyLinks(QVector<PdfLinkResult> results, AttachmentStorage storage)
{
    ++m_pending;
    m_session
        ->run([input = std::move(results), storage](const Database &database) {
            QVector<PdfLinkResult> linked = input;
            PdfLinker(database).apply(linked, storage);
            // The attachments made, to index them.
            QVector<Attachment> attached;
            QString error;
            for (const PdfLinkResult &r : std::as_const(linked)) {
                if (!r.attached)
                    continue;
                const QString sha = AttachmentStore::sha256OfFile(r.file, &error);
                if (auto list = AttachmentStore(database).attachments(r.studyId, &error))
                    for (const Attachment &a : *list)
                        if (a.sha256 == sha)
                            attached.append(a);
            }
            return std::make_pair(linked, attached);
        })
        .then(this, [this](const std::pair<QVector<PdfLinkResult>, QVector<Attachment>> &done) {
            --m_pending;
            Q_EMIT message(done.second.size() == 1 ? tr("Linked 1 PDF.") : tr("Linked %1 PDFs.").arg(done.second.size()), false);
            if (m_indexing && !done.second.isEmpty())
                m_indexing->index(done.second);
            Q_EMIT linkFinished(done.first);
        });
}

} // namespace mgreview::gui
