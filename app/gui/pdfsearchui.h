#pragma once

#include "pdf/pdftextstore.h"

#include <QObject>
#include <QVector>

class QDockWidget;
class QListView;
class QStandardItemModel;

namespace mgreview::gui {

class LibrarySession;
class MainWindow;
class PdfStudyUi;

/// "Found in PDFs" (issue 6 §3): the study table searches the studies' own text; this dock
/// lists the PDF pages that hold every word of the same search (PdfTextStore, as
/// `mgreview-cli pdf-search`), each as study — PDF, page: snippet. Activating a hit selects
/// the study and opens its PDF at that page with the words found. The dock shows itself
/// when a search has PDF hits; View ▸ Found in PDFs toggles it.
class PdfSearchUi : public QObject
{
    Q_OBJECT

public:
    struct Hit {
        PdfPageHit hit;
        QString filePath;
    };
    PdfSearchUi(MainWindow *window, LibrarySession *session, PdfStudyUi *studies, QObject *parent = nullptr);

    QDockWidget *dock() const { return m_dock; }
    QListView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    /// Looks the query up in the PDFs' text on the I/O thread (empty: clears the list).
    void search(const QString &query);
    /// Selects the hit's study and opens its PDF at the hit's page.
    void openHit(int row);
    bool isSettled() const { return m_pending == 0; }

Q_SIGNALS:
    void hitsShown(int count);

private:
    MainWindow *m_window;
    LibrarySession *m_session;
    PdfStudyUi *m_studies;
    QDockWidget *m_dock;
    QListView *m_view;
    QStandardItemModel *m_model;
    QVector<Hit> m_hits;
    QString m_query;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace mgreview::gui
