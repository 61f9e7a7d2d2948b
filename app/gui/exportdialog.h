#pragma once

#include "importexport/exportformat.h"
#include "library/studyfilter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace mgreview::gui {

/// File ▸ Export studies…: the format, where to write, and what will be written (the
/// toolbar's funding filter and search). While the export runs the dialog shows its
/// progress, and Cancel stops it (nothing is written then).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(IndependenceFilter filter, const QString &search, const QString &folder, QWidget *parent = nullptr);

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    QString path() const;
    void setPath(const QString &path);
    bool byteOrderMark() const;

    /// Switches to "exporting": fields locked, progress shown, Cancel stops the export.
    void setRunning(bool running);
    void setProgress(qint64 done, qint64 total);
    /// Shows why the export failed, keeping the dialog open to try again.
    void showError(const QString &message);

Q_SIGNALS:
    /// Export pressed with a path.
    void exportRequested();
    /// Cancel pressed while exporting.
    void cancelRequested();

public:
    void reject() override;

private:
    void chooseFile();
    void updateForFormat();

    QComboBox *m_format;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QCheckBox *m_bom;
    QLabel *m_scope;
    QLabel *m_error;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
    bool m_running = false;
};

} // namespace mgreview::gui
