#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace mgreview::gui {

class ConflictsModel;

/// The Conflicts dock's content: a summary line, the list of studies whose reviewers
/// disagree, and "Resolve…" (for reviewers; others see why not in its tooltip).
class ConflictsView : public QWidget
{
    Q_OBJECT

public:
    explicit ConflictsView(ConflictsModel *model, QWidget *parent = nullptr);

    /// Whether the signed-in person may resolve, and if not why (the button's tooltip).
    void setMayResolve(bool may, const QString &refusal);
    void setSummary(const QString &text);
    /// The study of the selected row, or empty.
    QString selectedStudy() const;
    bool selectStudy(const QString &studyId);

    QTableView *table() const { return m_table; }
    QPushButton *resolveButton() const { return m_resolve; }
    QLabel *summary() const { return m_summary; }

Q_SIGNALS:
    void resolveRequested(const QString &studyId);
    /// Show this study in the table and pane.
    void studyActivated(const QString &studyId);

private:
    void updateButtons();

    ConflictsModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    QPushButton *m_resolve;
    bool m_mayResolve = false;
    QString m_refusal;
};

} // namespace mgreview::gui
