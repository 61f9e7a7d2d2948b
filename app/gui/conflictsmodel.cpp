#include "conflictsmodel.h"

#include "model/vocabulary.h"

namespace mgreview::gui {

namespace {

QString valueText(const JudgementContent &c)
{
    const Vocabularies &v = Vocabularies::builtin();
    QString text = v.independence.label(c.value);
    if (!c.link.isEmpty())
        text += QStringLiteral(" (%1)").arg(v.industryLink.label(c.link));
    return text;
}

} // namespace

ConflictsModel::ConflictsModel(QObject *parent) : QAbstractTableModel(parent) { }

void ConflictsModel::setConflicts(
    const QVector<Conflict> &conflicts, const QHash<QString, QString> &citations, const QSet<QString> &blinded)
{
    beginResetModel();
    m_conflicts = conflicts;
    m_citations = citations;
    m_blinded = blinded;
    endResetModel();
}

int ConflictsModel::rowOf(const QString &studyId) const
{
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).studyId == studyId)
            return row;
    }
    return -1;
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conflict &c = m_conflicts.at(index.row());
    if (role == StudyIdRole)
        return c.studyId;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StudyColumn: {
            const QString citation = m_citations.value(c.studyId);
            return citation.isEmpty() ? c.studyId : QStringLiteral("%1 (%2)").arg(citation, c.studyId);
        }
        case ReviewersColumn: {
            QStringList names;
            for (const Judgement &j : c.judgements)
                names.append(j.reviewer);
            return names.join(QStringLiteral(", "));
        }
        case JudgementsColumn: {
            if (m_blinded.contains(c.studyId))
                return tr("hidden until you record your own judgement (or choose to look)");
            QStringList parts;
            for (const Judgement &j : c.judgements)
                parts.append(QStringLiteral("%1: %2").arg(j.reviewer, valueText(j.content)));
            return parts.join(QStringLiteral(" · "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == JudgementsColumn && !m_blinded.contains(c.studyId)) {
        // The reasons, so the disagreement can be understood before opening the form.
        QStringList lines;
        for (const Judgement &j : c.judgements)
            lines.append(tr("%1: %2 — %3").arg(j.reviewer, valueText(j.content), j.content.reason));
        return lines.join(u'\n');
    }
    return {};
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StudyColumn:
        return tr("Study");
    case ReviewersColumn:
        return tr("Reviewers");
    case JudgementsColumn:
        return tr("What each said");
    default:
        return {};
    }
}

} // namespace mgreview::gui
