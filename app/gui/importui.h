#pragma once

#include "importexport/importplan.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMimeData;

namespace mgreview::gui {

class ImportDialog;
class LibrarySession;
class MainWindow;
class RulesController;
struct ImportCommit;
struct ImportPreview;
struct ImportProgress;

/// File ▸ Import… and bibliography files dropped on the window (issue 8): the import is
/// first a dry run, shown as a preview (ImportDialog); Import then writes it in one
/// transaction, the rules classify the new records and the table shows them.
///
/// Nothing here blocks the GUI thread: files are read on the import's own pool thread,
/// the dry run's comparison with the library and the write run on the session's I/O
/// thread. Both show progress and can be cancelled; a cancelled import writes nothing.
/// PDFs are not bibliographies: dropped on a study they are attached (PdfStudyUi), here
/// they are left alone.
class ImportUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        RulesController *rules = nullptr; ///< The rules in force classify the new records.
    };
    explicit ImportUi(const Parts &parts, QObject *parent = nullptr);
    ~ImportUi() override;

    QAction *importAction() const { return m_action; }
    /// File ▸ Import…: asks for files, then previews them.
    void chooseFiles();
    /// Opens the preview for these files and starts the dry run; false (nothing started)
    /// before the library is open or while another import is being previewed or written.
    bool preview(const QStringList &files, std::optional<ImportFormat> format = std::nullopt);
    /// Import pressed: writes the previewed plan; false when there is no plan or work runs.
    bool confirmImport();
    /// Stops the dry run (the preview closes) or the import (nothing is written).
    void cancel();

    bool isBusy() const { return m_running != nullptr; }
    ImportDialog *dialog() const;
    /// The plan the preview shows (null while none).
    std::shared_ptr<const ImportPlan> plan() const { return m_plan; }

    /// The bibliography files among dropped URLs (local files, not PDFs).
    static QStringList bibliographyPaths(const QMimeData *data);

    /// Tests: called on the I/O thread at each progress step of the write, inside its
    /// transaction (to hold the import there while a test cancels it).
    void setWriteStepHook(std::function<void()> hook) { m_writeStepHook = std::move(hook); }

Q_SIGNALS:
    /// The dry run ended: the preview shows the plan (ok), or it was cancelled or failed.
    void previewFinished(bool ok, bool cancelled, const QString &message);
    /// The import ended. ok: written and the table refreshed; cancelled: nothing written.
    void importFinished(bool ok, bool cancelled, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startDryRun();
    void finishDryRun(quint64 generation, const ImportPreview &preview);
    void finishImport(const ImportCommit &commit);
    void pollProgress();
    void showMessage(const QString &text, int timeoutMs = 0);

    Parts m_parts;
    QAction *m_action;
    QPointer<ImportDialog> m_dialog;
    QStringList m_files;
    std::shared_ptr<const ImportPlan> m_plan;
    std::shared_ptr<ImportProgress> m_running;
    bool m_writing = false;
    quint64 m_generation = 0;
    QThreadPool m_readers; ///< Parsing runs here, not on the I/O thread the library needs.
    QTimer m_poll;
    std::function<void()> m_writeStepHook;
};

} // namespace mgreview::gui
