#pragma once

#include "rules/rule.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace mgreview {
struct Vocabularies;
}

namespace mgreview::gui {

/// The active classification rules, one row per rule, with how many studies each matched.
///
/// Widget-free (it could live in core/models); the Rules view sorts it through a
/// QSortFilterProxyModel on SortRole, which is cheap at a few hundred rules.
class RulesTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Target, Value, Priority, Hits, Enabled, Description, ColumnCount };
    enum Role {
        RuleIdRole = Qt::UserRole + 1, ///< QString: the rule id (every column).
        SortRole, ///< What sorting compares: numbers for Priority and Hits.
        EnabledRole, ///< bool
    };

    explicit RulesTableModel(const Vocabularies &vocabularies, QObject *parent = nullptr);

    /// Replaces the rules (resets the model); hit counts are kept by rule id.
    void setRules(const QVector<Rule> &rules);
    /// Studies matched per rule id; rules missing from `hits` matched none.
    void setHitCounts(const QHash<QString, int> &hits);
    bool hitCountsKnown() const { return m_hitsKnown; }
    /// Hits of a rule (0 when unknown or none).
    int hits(const QString &ruleId) const { return m_hits.value(ruleId); }
    /// Row of a rule id, or -1.
    int rowOf(const QString &ruleId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString valueText(const Rule &rule) const;
    QString targetText(const Rule &rule) const;

    const Vocabularies &m_vocabularies;
    QVector<Rule> m_rules;
    QHash<QString, int> m_hits;
    bool m_hitsKnown = false;
};

} // namespace mgreview::gui
