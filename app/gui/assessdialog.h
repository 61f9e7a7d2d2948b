#pragma once

#include "model/study.h"
#include "review/judgement.h"
#include "review/reviewservice.h"
#include "rules/rule.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mgreview::gui {

class ReviewValueFields;
struct AssessmentData;

/// "Assess funding…": the form in which a reviewer records a funding-independence judgement.
///
/// It shows the study's funding statement, conflict-of-interest statement and funding notes
/// (read only, selectable: "Use selection as evidence" copies the selected words into the
/// evidence quote exactly), what the record and the rules say, and the reviewer's own
/// previous judgement. Other reviewers' judgements stay hidden until the reviewer has
/// recorded one or chooses to look (revealRequested(); core logs it). The entries are checked
/// as they are typed with core's validateJudgement() and findEvidence(). The dialog saves
/// nothing itself: saveRequested() goes to the window, which saves on the I/O thread and
/// then closes it (or shows the error with showSaveError()).
class AssessDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AssessDialog(QWidget *parent = nullptr);

    /// Shows "Reading …" until setData().
    void setLoading(const QString &studyId);
    /// Fills the form for `reviewer` (the signed-in profile's name).
    void setData(const AssessmentData &assessment, const QString &reviewer);
    void showSaveError(const QString &error);
    QString studyId() const { return m_studyId; }
    bool isLoaded() const { return m_study.has_value(); }
    /// The read finished, with the study or with an error shown in the form.
    bool isAnswered() const { return m_answered; }

    /// The judgement as entered now.
    JudgementContent content() const;
    /// What validation says now: empty when the judgement can be saved.
    QString problem() const;

    // For tests and the screenshot runner.
    ReviewValueFields *valueFields() const { return m_value; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QPlainTextEdit *evidenceEdit() const { return m_evidence; }
    QSpinBox *pageBox() const { return m_page; }
    QPlainTextEdit *statementView(int index) const { return m_statements[index]; }
    QPushButton *useSelectionButton() const { return m_useSelection; }
    QPushButton *revealButton() const { return m_reveal; }
    QPushButton *saveButton() const { return m_save; }
    /// The text of the "other reviewers" part (what a blinded reviewer can see).
    QString othersText() const;
    QString evidenceStatus() const;

Q_SIGNALS:
    void saveRequested(const QString &studyId, const mgreview::JudgementContent &content);
    void revealRequested(const QString &studyId);

private:
    QWidget *buildStatements();
    QWidget *buildJudgement();
    QWidget *buildOthers();
    void fillStatements(const Study &study);
    void fillRecordLine(const Study &study, const QVector<Suggestion> &suggestions);
    void fillOthers(const VisibleJudgements &visible, const QString &reviewer);
    void useSelection();
    void centerOnWindow();
    void validate();

    QString m_studyId;
    std::optional<Study> m_study;
    QLabel *m_title;
    QPlainTextEdit *m_statements[3] = {};
    QLabel *m_statementLabels[3] = {};
    QPlainTextEdit *m_lastSelected = nullptr;
    QPushButton *m_useSelection;
    QLabel *m_record;
    QLabel *m_rules;
    QLabel *m_previous;
    ReviewValueFields *m_value;
    QPlainTextEdit *m_reason;
    QPlainTextEdit *m_evidence;
    QSpinBox *m_page;
    QLabel *m_evidenceStatus;
    QLabel *m_problem;
    QLabel *m_others;
    QPushButton *m_reveal;
    QPushButton *m_save;
    bool m_saving = false;
    bool m_answered = false;
};

} // namespace mgreview::gui
