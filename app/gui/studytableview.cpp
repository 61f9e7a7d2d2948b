#include "studytableview.h"

#include "models/studytablemodel.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QToolTip>

namespace mgreview::gui {

StudyTableView::StudyTableView(StudyTableModel *model, QWidget *parent) : QTableView(parent), m_model(model)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setShowGrid(false);
    // Tab leaves the table for the pane instead of walking cells.
    setTabKeyNavigation(false);
    setAccessibleName(tr("Studies"));
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSortIndicatorShown(true);
    horizontalHeader()->setSectionsMovable(true);
    applyDefaultColumns();
    // The model sorts (cached integer keys); the header only tells it which column. By
    // default the strongest designs come first, as a clinician reads evidence.
    horizontalHeader()->setSortIndicator(StudyTableModel::Design, Qt::AscendingOrder);
    setSortingEnabled(true);

    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const QString id = current.isValid() ? current.data(StudyTableModel::StudyIdRole).toString() : QString();
        if (id.isEmpty() || id == m_current)
            return;
        m_current = id;
        Q_EMIT currentStudyChanged(id);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &StudyTableView::restoreCurrent);
}

void StudyTableView::applyDefaultColumns()
{
    QHeaderView *header = horizontalHeader();
    header->setMinimumSectionSize(40);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(StudyTableModel::Title, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(u'M');
    const auto width = [&](int column, double ems) { header->resizeSection(column, int(ems * em)); };
    // Independence is the column readers filter on: wide enough for "Industry-linked (funded)".
    width(StudyTableModel::FirstAuthor, 8);
    width(StudyTableModel::Year, 4);
    width(StudyTableModel::Design, 10);
    width(StudyTableModel::Population, 9);
    width(StudyTableModel::CrampType, 9);
    width(StudyTableModel::Direction, 7.5);
    width(StudyTableModel::Independence, 16);
}

bool StudyTableView::viewportEvent(QEvent *event)
{
    // Cells are elided to keep rows on one line; hovering shows the whole text.
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (index.isValid() && !index.data(Qt::ToolTipRole).isValid()) {
            const QString text = index.data().toString();
            const int needed = fontMetrics().horizontalAdvance(text) + 12;
            if (needed > visualRect(index).width()) {
                QToolTip::showText(help->globalPos(), text, viewport(), visualRect(index));
                return true;
            }
        }
    }
    return QTableView::viewportEvent(event);
}

QString StudyTableView::currentStudyId() const
{
    return m_current;
}

bool StudyTableView::selectStudy(const QString &id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
    if (m_current != id) {
        // currentRowChanged does not fire when the row number stays the same across a reset.
        m_current = id;
        Q_EMIT currentStudyChanged(id);
    }
    return true;
}

void StudyTableView::focusResults()
{
    setFocus(Qt::OtherFocusReason);
    if (!currentIndex().isValid() && m_model->rowCount() > 0)
        selectionModel()->setCurrentIndex(
            m_model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void StudyTableView::restoreCurrent()
{
    // A search or filter reset the rows: keep the study the reader is on selected if it is
    // still listed; otherwise the pane keeps showing it until another row is chosen.
    if (m_current.isEmpty())
        return;
    const int row = m_model->rowOfId(m_current);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    // Same id as before: the current-row handler sees no change and reloads nothing.
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace mgreview::gui
