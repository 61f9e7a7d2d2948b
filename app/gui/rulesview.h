#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace mgreview::gui {

class RulesErrorBar;
class RulesTableModel;

/// The Rules view: every rule in force with what it suggests, its priority and how many
/// studies it matched; the errors of the user rules file above. Selecting a rule asks the
/// window to list the studies it matched.
class RulesView : public QWidget
{
    Q_OBJECT

public:
    explicit RulesView(RulesTableModel *model, QWidget *parent = nullptr);

    void setErrors(const QStringList &errors);
    /// One line above the table: which rules are in force.
    void setSummary(const QString &text);

    /// The selected rule's id, or empty.
    QString selectedRuleId() const;
    /// Selects a rule (and emits ruleSelected); false when no rule has that id.
    bool selectRule(const QString &id);
    void clearSelection();

    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *sortModel() const { return m_sorted; }
    RulesErrorBar *errorBar() const { return m_errors; }
    QString summary() const;

Q_SIGNALS:
    /// The user selected a rule; empty when the selection was cleared.
    void ruleSelected(const QString &id);

private:
    RulesTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    RulesErrorBar *m_errors;
    QLabel *m_summary;
    QTableView *m_table;
    QString m_selected;
};

} // namespace mgreview::gui
