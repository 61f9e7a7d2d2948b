#pragma once

#include "importexport/exportformat.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

class QAction;
class QMainWindow;

namespace mgreview::gui {

class ExportDialog;
class IndependenceCombo;
class LibrarySession;
class SearchController;

/// File ▸ Export studies…: RIS, BibTeX, CSV, JSON or a studies/ folder of the studies the
/// toolbar selects (funding filter and search), through core/importexport. The export runs on
/// the session's I/O thread (it reads the library one record at a time), with progress and
/// cancel in the dialog; the file appears only when complete.
class ExportUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        QMainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        IndependenceCombo *independence = nullptr;
        SearchController *search = nullptr;
    };
    explicit ExportUi(const Parts &parts, QObject *parent = nullptr);
    ~ExportUi() override;

    QAction *exportAction() const { return m_action; }
    /// Opens the Export dialog (window-modal, not blocking); it is dialog() until closed.
    void openDialog();
    ExportDialog *dialog() const;

    /// Exports what the toolbar selects now to `path` in the background; false (and nothing
    /// started) while another export runs or before the library is open.
    bool startExport(const QString &path, ExportFormat format, bool byteOrderMark = false);
    /// Asks a running export to stop; exportFinished() follows with cancelled set.
    void cancelExport();
    bool isExporting() const { return m_running != nullptr; }

Q_SIGNALS:
    void exportStarted();
    /// ok: the file or folder is complete. cancelled: stopped on request, nothing written.
    void exportFinished(bool ok, bool cancelled, const QString &message);

private:
    struct Running {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic_bool cancel{false};
    };
    void pollProgress();

    Parts m_parts;
    QAction *m_action;
    QPointer<ExportDialog> m_dialog;
    std::shared_ptr<Running> m_running;
    QTimer m_poll;
};

} // namespace mgreview::gui
