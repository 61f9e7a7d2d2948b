#pragma once

#include "model/study.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mgreview::gui {

/// Study ▸ Edit study…: the bibliographic fields a person corrects by hand (title,
/// authors, year, DOI, PMID, abstract). Everything else of the record is kept as it was
/// read; the caller saves against the version it was read at (StudyEditUi).
class StudyEditDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StudyEditDialog(const Study &study, QWidget *parent = nullptr);

    /// The study as read, with the form's values.
    Study edited() const;

    // For tests.
    QLineEdit *titleField() const { return m_title; }
    QPlainTextEdit *authorsField() const { return m_authors; }
    QSpinBox *yearField() const { return m_year; }
    QLineEdit *doiField() const { return m_doi; }
    QLineEdit *pmidField() const { return m_pmid; }
    QPlainTextEdit *abstractField() const { return m_abstract; }
    QPushButton *saveButton() const { return m_save; }

private:
    Study m_study;
    QLineEdit *m_title;
    QPlainTextEdit *m_authors;
    QSpinBox *m_year;
    QLineEdit *m_doi;
    QLineEdit *m_pmid;
    QPlainTextEdit *m_abstract;
    QPushButton *m_save;
};

} // namespace mgreview::gui
