#pragma once

#include "importexport/importplan.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QStringListModel;
class QTableView;

namespace mgreview::gui {

class ImportRecordsModel;

/// File ▸ Import… and dropped bibliography files: the preview of an import (the dry run)
/// and its confirmation. It shows the files and their format (detected, or one chosen for
/// all), the dry run's progress, then the counts, every record with its outcome and every
/// line that could not be read ("file:line: reason"). Import writes; Cancel stops whatever
/// runs (an import stopped this way writes nothing).
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(QWidget *parent = nullptr);

    void setFiles(const QStringList &files);
    /// The format chosen for every file, or nullopt: detect each file's own.
    std::optional<ImportFormat> format() const;
    void setFormat(std::optional<ImportFormat> format);

    /// Work under way (`what`: "Reading files…"): the preview is locked, Cancel stops it.
    void setBusy(const QString &what);
    void setProgress(int done, int total);
    /// The dry run is done: counts, records and errors; Import is enabled if something is new.
    void showPreview(std::shared_ptr<const ImportPlan> plan);
    /// Why the dry run or the import failed; the dialog stays open.
    void showError(const QString &message);
    bool isBusy() const { return m_busy; }

    // For tests and the screenshot.
    QString summaryText() const;
    ImportRecordsModel *recordsModel() const { return m_records; }
    QStringListModel *errorsModel() const { return m_errors; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *cancelButton() const { return m_cancel; }

    void reject() override;

Q_SIGNALS:
    /// Another format was chosen: the dry run must be made again.
    void formatChanged();
    void importRequested();
    /// Cancel (or Esc) while something runs.
    void cancelRequested();

private:
    QLabel *m_filesLabel;
    QComboBox *m_format;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_message;
    ImportRecordsModel *m_records;
    QTableView *m_table;
    QStringListModel *m_errors;
    QLabel *m_errorsLabel;
    QListView *m_errorList;
    QDialogButtonBox *m_buttons;
    QPushButton *m_import;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace mgreview::gui
