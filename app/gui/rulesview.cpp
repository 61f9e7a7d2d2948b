#include "rulesview.h"

#include "ruleserrorbar.h"
#include "rulestablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mgreview::gui {

RulesView::RulesView(RulesTableModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_sorted(new QSortFilterProxyModel(this)),
      m_errors(new RulesErrorBar(false, this)),
      m_summary(new QLabel(this)),
      m_table(new QTableView(this))
{
    m_sorted->setSourceModel(model);
    m_sorted->setSortRole(RulesTableModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(2, 2, 2, 2);

    m_table->setModel(m_sorted);
    m_table->setAccessibleName(tr("Rules"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RulesTableModel::Description, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(u'M');
    // Wide enough for the longest default ids and values; the description takes the rest.
    const auto width = [&](int column, double ems) { header->resizeSection(column, int(ems * em)); };
    width(RulesTableModel::Id, 22);
    width(RulesTableModel::Target, 8);
    width(RulesTableModel::Value, 22);
    width(RulesTableModel::Priority, 5.5);
    width(RulesTableModel::Hits, 4.5);
    width(RulesTableModel::Enabled, 5.5);
    m_table->setSortingEnabled(true);
    // The rules that matched most come first: they explain most of the table.
    m_table->sortByColumn(RulesTableModel::Hits, Qt::DescendingOrder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_errors);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        const QString id = rows.isEmpty() ? QString() : rows.constFirst().data(RulesTableModel::RuleIdRole).toString();
        if (id == m_selected)
            return;
        m_selected = id;
        Q_EMIT ruleSelected(id);
    });
    // New hit counts re-sort the rows: keep the selected rule in sight.
    connect(m_sorted, &QAbstractItemModel::layoutChanged, this, [this] {
        if (!m_selected.isEmpty() && m_table->currentIndex().isValid())
            m_table->scrollTo(m_table->currentIndex());
    });
    // New rules reset the model and drop the selection; keep the rule selected if it still exists.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const QString previous = m_selected;
        m_selected.clear();
        if (previous.isEmpty())
            return;
        if (!selectRule(previous))
            Q_EMIT ruleSelected(QString());
    });
}

void RulesView::setErrors(const QStringList &errors)
{
    m_errors->setErrors(errors);
}

void RulesView::setSummary(const QString &text)
{
    m_summary->setText(text);
}

QString RulesView::summary() const
{
    return m_summary->text();
}

QString RulesView::selectedRuleId() const
{
    return m_selected;
}

bool RulesView::selectRule(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void RulesView::clearSelection()
{
    m_table->selectionModel()->clearSelection();
}

} // namespace mgreview::gui
