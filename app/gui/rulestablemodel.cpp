#include "rulestablemodel.h"

#include "model/vocabulary.h"

#include <QColor>

namespace mgreview::gui {

RulesTableModel::RulesTableModel(const Vocabularies &vocabularies, QObject *parent)
    : QAbstractTableModel(parent), m_vocabularies(vocabularies)
{
}

void RulesTableModel::setRules(const QVector<Rule> &rules)
{
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

void RulesTableModel::setHitCounts(const QHash<QString, int> &hits)
{
    m_hits = hits;
    m_hitsKnown = true;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, Hits), index(int(m_rules.size()) - 1, Hits));
}

int RulesTableModel::rowOf(const QString &ruleId) const
{
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).id == ruleId)
            return row;
    }
    return -1;
}

int RulesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RulesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RulesTableModel::targetText(const Rule &rule) const
{
    switch (rule.target) {
    case RuleTarget::Independence:
        return tr("Independence");
    case RuleTarget::Design:
        return tr("Design");
    case RuleTarget::Direction:
        return tr("Direction");
    case RuleTarget::Population:
        return tr("Population");
    case RuleTarget::CrampType:
        return tr("Cramp type");
    }
    return {};
}

QString RulesTableModel::valueText(const Rule &rule) const
{
    const Vocabularies &v = m_vocabularies;
    const Vocabulary *vocabulary = &v.independence;
    switch (rule.target) {
    case RuleTarget::Independence:
        break;
    case RuleTarget::Design:
        vocabulary = &v.design;
        break;
    case RuleTarget::Direction:
        vocabulary = &v.direction;
        break;
    case RuleTarget::Population:
        vocabulary = &v.population;
        break;
    case RuleTarget::CrampType:
        vocabulary = &v.crampType;
        break;
    }
    QString text = vocabulary->label(rule.value);
    if (!rule.link.isEmpty())
        text += QStringLiteral(" — ") + v.industryLink.label(rule.link);
    return text;
}

QVariant RulesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Rule &rule = m_rules.at(index.row());
    // A switched-off rule is not evaluated: it has no hits, not zero hits.
    const bool hitsShown = m_hitsKnown && rule.enabled;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return rule.id;
        case Target:
            return targetText(rule);
        case Value:
            return valueText(rule);
        case Priority:
            return rule.priority;
        case Hits:
            return hitsShown ? QVariant(m_hits.value(rule.id)) : QVariant(QStringLiteral("–"));
        case Enabled:
            return rule.enabled ? tr("yes") : tr("off");
        case Description:
            return rule.description;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Priority:
            return rule.priority;
        case Hits:
            return hitsShown ? m_hits.value(rule.id) : -1;
        case Enabled:
            return rule.enabled ? 1 : 0;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ToolTipRole: {
        // Built-in rules come from a Qt resource (":/rules/…"): name them as the reader knows them.
        const QString file = rule.file.startsWith(u":/") ? tr("the default rules") : rule.file;
        const QString where = rule.line > 0 ? tr("%1, line %2").arg(file).arg(rule.line) : file;
        QStringList lines { tr("%1 — defined in %2").arg(rule.id, where) };
        if (!rule.description.isEmpty())
            lines.append(rule.description);
        lines.append(tr("Reason shown: %1").arg(rule.reason));
        if (!rule.enabled)
            lines.append(tr("Switched off (enabled = false): not evaluated."));
        return lines.join(u'\n');
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Priority || index.column() == Hits)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Not colour alone: the Enabled column says "off" in words.
        return rule.enabled ? QVariant() : QVariant(QColor(0x80, 0x80, 0x80));
    case RuleIdRole:
        return rule.id;
    case EnabledRole:
        return rule.enabled;
    default:
        return {};
    }
}

QVariant RulesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Id:
            return tr("Rule");
        case Target:
            return tr("Target");
        case Value:
            return tr("Suggests");
        case Priority:
            return tr("Priority");
        case Hits:
            return tr("Hits");
        case Enabled:
            return tr("Enabled");
        case Description:
            return tr("Description");
        }
    }
    if (role == Qt::ToolTipRole && section == Hits)
        return tr("How many studies the rule matched in the last classification");
    return {};
}

} // namespace mgreview::gui
