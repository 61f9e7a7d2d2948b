#pragma once

#include "review/reviewservice.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace mgreview::gui {

class ReviewValueFields;

/// "Resolve…": records how a disagreement was settled — a value (and link), a reason and a
/// method: consensus (any reviewer), or third reviewer (only one who has not judged the
/// study; core enforces it, the form says so first). It shows every reviewer's judgement.
/// Saving goes through resolveRequested(); the window saves on the I/O thread.
class ConflictsResolveDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictsResolveDialog(
        const Conflict &conflict, const QString &citation, const QString &resolver, QWidget *parent = nullptr);

    ResolutionContent content() const;
    QString problem() const;
    void showSaveError(const QString &error);

    // For tests.
    ReviewValueFields *valueFields() const { return m_value; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QRadioButton *thirdReviewerButton() const { return m_third; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void resolveRequested(const QString &studyId, const mgreview::ResolutionContent &content);

private:
    void validate();

    QString m_studyId;
    ReviewValueFields *m_value;
    QPlainTextEdit *m_reason;
    QButtonGroup *m_method;
    QRadioButton *m_consensus;
    QRadioButton *m_third;
    QLabel *m_problem;
    QPushButton *m_save;
    bool m_saving = false;
};

} // namespace mgreview::gui
