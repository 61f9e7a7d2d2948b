#include "duplicatecomparemodel.h"

#include <QColor>
#include <QFont>

#include <functional>

namespace mgreview::gui {

namespace {

using Extract = std::function<QString(const Study &)>;

QString joined(const QStringList &values)
{
    return values.join(QStringLiteral("; "));
}

/// The fields compared, in reading order, each as the text a person reads.
const QVector<QPair<QString, Extract>> &comparedFields()
{
    static const QVector<QPair<QString, Extract>> fields = {
        { QObject::tr("Title"), [](const Study &s) { return s.citation.title; } },
        { QObject::tr("Authors"), [](const Study &s) { return joined(s.citation.authors); } },
        { QObject::tr("Year"), [](const Study &s) { return s.citation.year > 0 ? QString::number(s.citation.year) : QString(); } },
        { QObject::tr("Journal"), [](const Study &s) { return s.citation.journal; } },
        { QObject::tr("Volume"), [](const Study &s) { return s.citation.volume; } },
        { QObject::tr("Issue"), [](const Study &s) { return s.citation.issue; } },
        { QObject::tr("Pages"), [](const Study &s) { return s.citation.pages; } },
        { QObject::tr("DOI"), [](const Study &s) { return s.ids.doi; } },
        { QObject::tr("PMID"), [](const Study &s) { return s.ids.pmid; } },
        { QObject::tr("PMCID"), [](const Study &s) { return s.ids.pmcid; } },
        { QObject::tr("Registration"), [](const Study &s) { return s.ids.registration; } },
        { QObject::tr("Citation"), [](const Study &s) { return s.citation.text; } },
        { QObject::tr("Publication types"), [](const Study &s) { return joined(s.publicationTypes); } },
        { QObject::tr("Design"), [](const Study &s) { return s.design; } },
        { QObject::tr("Abstract"), [](const Study &s) { return s.abstract; } },
        { QObject::tr("Keywords"), [](const Study &s) { return joined(s.keywords); } },
        { QObject::tr("Funding statement"), [](const Study &s) { return s.funding.statement; } },
        { QObject::tr("Conflict of interest"), [](const Study &s) { return s.funding.coiStatement; } },
        { QObject::tr("Funders"),
            [](const Study &s) {
                QStringList names;
                for (const Funder &f : s.funding.funders)
                    names.append(f.name);
                return joined(names);
            } },
        { QObject::tr("Independence"), [](const Study &s) { return s.independence.value; } },
        { QObject::tr("Conclusions"),
            [](const Study &s) {
                QStringList texts;
                for (const Conclusion &c : s.conclusions)
                    texts.append(c.text);
                return texts.join(QStringLiteral("\n"));
            } },
        { QObject::tr("Other facts"),
            [](const Study &s) {
                QStringList facts;
                for (const ExtraFact &f : s.extraFacts)
                    facts.append(QStringLiteral("%1: %2").arg(f.label, f.text));
                return facts.join(QStringLiteral("\n"));
            } },
    };
    return fields;
}

} // namespace

DuplicateCompareModel::DuplicateCompareModel(QObject *parent) : QAbstractTableModel(parent) {}

void DuplicateCompareModel::setStudies(const std::optional<Study> &left, const QString &leftId,
    const std::optional<Study> &right, const QString &rightId)
{
    beginResetModel();
    m_rows.clear();
    m_leftId = leftId;
    m_rightId = rightId;
    for (const auto &[label, extract] : comparedFields()) {
        Row row { label, left ? extract(*left) : QString(), right ? extract(*right) : QString(), false };
        if (row.left.isEmpty() && row.right.isEmpty())
            continue;
        row.differs = row.left != row.right;
        row.conflicts = row.differs && !row.left.isEmpty() && !row.right.isEmpty();
        m_rows.append(row);
    }
    endResetModel();
}

void DuplicateCompareModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_leftId.clear();
    m_rightId.clear();
    endResetModel();
}

QStringList DuplicateCompareModel::conflictingFields() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        if (row.conflicts)
            out.append(row.field);
    }
    return out;
}

QStringList DuplicateCompareModel::differingFields() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        if (row.differs)
            out.append(row.field);
    }
    return out;
}

int DuplicateCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DuplicateCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DuplicateCompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case DiffersRole: return row.differs;
    case Qt::FontRole:
        if (row.conflicts) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FieldColumn: return row.conflicts ? tr("%1 ≠").arg(row.field) : row.field;
        case LeftColumn: return row.left.isEmpty() && role == Qt::DisplayRole ? QStringLiteral("—") : row.left;
        case RightColumn: return row.right.isEmpty() && role == Qt::DisplayRole ? QStringLiteral("—") : row.right;
        }
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == LeftColumn && row.left.isEmpty()) || (index.column() == RightColumn && row.right.isEmpty()))
            return QColor(0x8a, 0x8a, 0x8a);
        return {};
    }
    return {};
}

QVariant DuplicateCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn: return tr("Field");
    case LeftColumn: return m_leftId.isEmpty() ? tr("Earlier record") : m_leftId;
    case RightColumn: return m_rightId.isEmpty() ? tr("Imported record") : m_rightId;
    }
    return {};
}

} // namespace mgreview::gui
