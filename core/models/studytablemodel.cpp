#include "models/studytablemodel.h"

#include "model/vocabulary.h"

#include <QCollator>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

namespace mgreview {

StudyTableModel::StudyTableModel(const Vocabularies &vocabularies, QObject *parent)
    : QAbstractTableModel(parent), m_vocabularies(vocabularies)
{
}

void StudyTableModel::setStudies(QVector<StudySummary> studies)
{
    beginResetModel();
    m_studies = std::move(studies);
    m_textMatches.reset();
    rebuildSortKeys();
    rebuildOrder();
    rebuildVisible();
    endResetModel();
    Q_EMIT visibleStudiesChanged();
}

QString StudyTableModel::displayText(const StudySummary &s, int column) const
{
    const auto labels = [](const Vocabulary &vocabulary, const QStringList &ids) {
        QStringList out;
        for (const QString &id : ids)
            out.append(vocabulary.shortLabel(id));
        return out.join(QStringLiteral(", "));
    };
    switch (column) {
    case FirstAuthor: return s.firstAuthor;
    case Year: return s.year > 0 ? QString::number(s.year) : QString();
    case Title: return s.title;
    case Design: return m_vocabularies.design.shortLabel(s.design);
    case Population: return labels(m_vocabularies.population, s.populations);
    case CrampType: return labels(m_vocabularies.crampType, s.crampTypes);
    case Direction:
        return s.direction.isEmpty() ? tr("not coded") : m_vocabularies.direction.shortLabel(s.direction);
    case Independence: {
        QString text = m_vocabularies.independence.shortLabel(s.independence);
        if (!s.independenceLink.isEmpty())
            text += QStringLiteral(" (") + s.independenceLink + u')';
        return text;
    }
    }
    return {};
}

void StudyTableModel::rebuildSortKeys()
{
    const int n = int(m_studies.size());
    // Columns are independent: rank them on all cores (each task has its own collator,
    // which is not thread-safe). At 100,000 studies this is most of a model reset.
    QVector<int> columns(ColumnCount);
    std::iota(columns.begin(), columns.end(), 0);
    QtConcurrent::blockingMap(columns, [&](int column) {
        QVector<int> &ranks = m_sortRanks[size_t(column)];
        ranks.resize(n);
        if (column == Year) {
            for (int i = 0; i < n; ++i)
                ranks[i] = m_studies.at(i).year;
            return;
        }
        if (column == Design) {
            // Evidence order, strongest first, rather than alphabetical.
            for (int i = 0; i < n; ++i) {
                const VocabularyTerm *term = m_vocabularies.design.term(m_studies.at(i).design);
                ranks[i] = term ? term->rank * 100 + m_vocabularies.design.indexOf(term->id) : 1'000'000;
            }
            return;
        }
        // Text columns: rank the distinct values once, then give every study its value's rank.
        QHash<QString, int> rankOf;
        QVector<QString> distinct;
        for (int i = 0; i < n; ++i) {
            const QString text = displayText(m_studies.at(i), column);
            const auto it = rankOf.constFind(text);
            if (it == rankOf.cend()) {
                rankOf.insert(text, int(distinct.size()));
                ranks[i] = int(distinct.size());
                distinct.append(text);
            } else {
                ranks[i] = it.value();
            }
        }
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        // Sort keys make each comparison a plain byte compare instead of a collation.
        std::vector<QCollatorSortKey> keys;
        keys.reserve(size_t(distinct.size()));
        for (const QString &text : std::as_const(distinct))
            keys.push_back(collator.sortKey(text));
        QVector<int> order(distinct.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            // Empty values last, whatever the collator thinks.
            if (distinct.at(a).isEmpty() != distinct.at(b).isEmpty())
                return distinct.at(b).isEmpty();
            const int c = keys[size_t(a)].compare(keys[size_t(b)]);
            return c != 0 ? c < 0 : distinct.at(a) < distinct.at(b);
        });
        QVector<int> rankOfDistinct(distinct.size());
        for (int r = 0; r < order.size(); ++r)
            rankOfDistinct[order.at(r)] = r;
        for (int i = 0; i < n; ++i)
            ranks[i] = rankOfDistinct.at(ranks.at(i));
    });
}

void StudyTableModel::rebuildOrder()
{
    m_order.resize(m_studies.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    const QVector<int> &primary = m_sortRanks[size_t(m_sortColumn)];
    const QVector<int> &byYear = m_sortRanks[Year];
    const QVector<int> &byTitle = m_sortRanks[Title];
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    // Ties broken by year then title, so equal keys keep a meaningful, stable order.
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        if (primary.at(a) != primary.at(b))
            return ascending ? primary.at(a) < primary.at(b) : primary.at(a) > primary.at(b);
        if (byYear.at(a) != byYear.at(b))
            return byYear.at(a) < byYear.at(b);
        return byTitle.at(a) < byTitle.at(b);
    });
}

bool StudyTableModel::passesText(int studyIndex) const
{
    return !m_textMatches || m_textMatches->testBit(studyIndex);
}

void StudyTableModel::rebuildVisible()
{
    m_visible.clear();
    m_visible.reserve(m_order.size());
    for (const int i : std::as_const(m_order)) {
        if (passesText(i) && m_filter.accepts(m_studies.at(i)))
            m_visible.append(i);
    }
}

void StudyTableModel::setTextMatches(std::optional<QBitArray> matches)
{
    if (matches && matches->size() != m_studies.size())
        return; // Stale result for an older study list: ignore it.
    beginResetModel();
    m_textMatches = std::move(matches);
    rebuildVisible();
    endResetModel();
    Q_EMIT visibleStudiesChanged();
}

void StudyTableModel::setFilter(const StudyFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    rebuildVisible();
    endResetModel();
    Q_EMIT visibleStudiesChanged();
}

StudyTableModel::IndependenceCounts StudyTableModel::independenceCounts() const
{
    IndependenceCounts counts;
    StudyFilter others = m_filter;
    others.independence = IndependenceFilter::All;
    for (int i = 0; i < m_studies.size(); ++i) {
        const StudySummary &s = m_studies.at(i);
        if (!passesText(i) || !others.accepts(s))
            continue;
        ++counts.all;
        if (s.independence == u"independent")
            ++counts.independent;
        else if (s.independence == u"industry-linked")
            ++counts.industryLinked;
        else
            ++counts.unclear;
    }
    return counts;
}

int StudyTableModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_visible.size(); ++row) {
        if (m_studies.at(m_visible.at(row)).id == id)
            return row;
    }
    return -1;
}

int StudyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int StudyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int studyIndex = m_visible.at(index.row());
    const StudySummary &s = m_studies.at(studyIndex);
    switch (role) {
    case Qt::DisplayRole: return displayText(s, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Independence)
            return tr("%1 — source: %2").arg(s.independenceReason, s.independenceSource);
        if (index.column() == Title)
            return s.title;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Year ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case StudyIdRole: return s.id;
    case StudyKeyRole: return s.key;
    case SortKeyRole: return m_sortRanks[size_t(index.column())].at(studyIndex);
    case IndependenceRole: return s.independence;
    case IndependenceReasonRole: return s.independenceReason;
    case IndependenceSourceRole: return s.independenceSource;
    default: return {};
    }
}

QVariant StudyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FirstAuthor: return tr("First author");
    case Year: return tr("Year");
    case Title: return tr("Title");
    case Design: return tr("Design");
    case Population: return tr("Population");
    case CrampType: return tr("Cramp type");
    case Direction: return tr("Direction");
    case Independence: return tr("Independence");
    }
    return {};
}

void StudyTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QVector<int> studyOfPersistent;
    for (const QModelIndex &index : before)
        studyOfPersistent.append(m_visible.at(index.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    rebuildOrder();
    rebuildVisible();
    // Keep selections and the current row on the same studies.
    QHash<int, int> rowOfStudy;
    for (int row = 0; row < m_visible.size(); ++row)
        rowOfStudy.insert(m_visible.at(row), row);
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i)
        after.append(index(rowOfStudy.value(studyOfPersistent.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace mgreview
