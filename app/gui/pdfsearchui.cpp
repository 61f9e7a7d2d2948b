#include "pdfsearchui.h"

#include "librarysession.h"
#include "mainwindow.h"
#include "pdfstudyui.h"
#include "pdfui.h"

#include "pdf/attachmentstore.h"

#include <QDockWidget>
#include <QHash>
#include <QListView>
#include <QStandardItemModel>

namespace mgreview::gui {

PdfSearchUi::PdfSearchUi(MainWindow *window, LibrarySession *session, PdfStudyUi *studies, QObject *parent)
    : QObject(parent), m_window(window), m_session(session), m_studies(studies)
{
    m_model = new QStandardItemModel(this);
    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("pdfSearchHits"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->setAccessibleName(tr("PDF pages that hold the search words"));
    m_dock = new QDockWidget(tr("Found in PDFs"), window);
    m_dock->setObjectName(QStringLiteral("pdfSearchDock"));
    m_dock->setWidget(m_view);
    m_dock->toggleViewAction()->setText(tr("Found in &PDFs"));
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) { openHit(index.row()); });
}

void PdfSearchUi::search(const QString &query)
{
    const quint64 generation = ++m_generation;
    m_query = query.simplified();
    if (m_query.size() < 2 || !m_session->isOpen()) {
        m_hits.clear();
        m_model->clear();
        return;
    }
    ++m_pending;
    m_session
        ->run([q = m_query](const Database &database) {
            QVector<Hit> hits;
            QString error;
            const auto found = PdfTextStore(database).search(q, &error, 200);
            if (!found)
                return hits;
            QHash<QString, QVector<Attachment>> byStudy;
            AttachmentStore store(database);
            for (const PdfPageHit &h : *found) {
                if (!byStudy.contains(h.studyId))
                    byStudy.insert(h.studyId, store.attachments(h.studyId, &error).value_or(QVector<Attachment>()));
                Hit hit { h, {} };
                for (const Attachment &a : byStudy.value(h.studyId))
                    if (a.sha256 == h.sha256)
                        hit.filePath = a.filePath;
                hits.append(hit);
            }
            return hits;
        })
        .then(this, [this, generation](const QVector<Hit> &hits) {
            --m_pending;
            if (generation != m_generation)
                return;
            m_hits = hits;
            m_model->clear();
            for (const Hit &h : hits) {
                auto *item = new QStandardItem(tr("%1 — %2 (%3), p. %4: %5")
                                                   .arg(h.hit.studyId, h.hit.label, h.hit.fileName)
                                                   .arg(h.hit.page)
                                                   .arg(h.hit.snippet.simplified()));
                item->setToolTip(tr("Open %1 at page %2").arg(h.hit.fileName).arg(h.hit.page));
                m_model->appendRow(item);
            }
            if (!hits.isEmpty())
                m_dock->show();
            Q_EMIT hitsShown(int(hits.size()));
        });
}

void PdfSearchUi::openHit(int row)
{
    if (row < 0 || row >= m_hits.size() || m_hits[row].filePath.isEmpty())
        return;
    const Hit hit = m_hits[row];
    m_window->selectStudy(hit.hit.studyId);
    m_window->pdf()->openPdf(hit.filePath, hit.hit.page, m_query);
}

} // namespace mgreview::gui
