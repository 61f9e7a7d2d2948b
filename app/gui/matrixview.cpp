#include "matrixview.h"

#include "matrixcelldelegate.h"

#include "matrix/evidencematrixmodel.h"
#include "matrix/matrixtext.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QToolTip>

namespace mgreview::gui {

MatrixView::MatrixView(EvidenceMatrixModel *model, const EvidenceMatrixModel *unfiltered, QWidget *parent)
    : QTableView(parent),
      m_model(model),
      m_unfiltered(unfiltered),
      m_delegate(new MatrixCellDelegate(model, unfiltered, this))
{
    setModel(model);
    setItemDelegate(m_delegate);
    setObjectName(QStringLiteral("evidenceMatrix"));
    setAccessibleName(tr("Evidence matrix"));
    setAccessibleDescription(tr("Populations in rows, cramp types in columns; each cell counts the studies. "
                                "Press Enter to list a cell's studies."));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false); // The delegate draws the grid, with heavier lines before the totals.
    setWordWrap(false);
    // Tab leaves the grid; the arrows move inside it.
    setTabKeyNavigation(false);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setCornerButtonEnabled(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    QHeaderView *columns = horizontalHeader();
    columns->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    columns->setHighlightSections(true);
    columns->setSectionsClickable(false);
    columns->setSectionResizeMode(QHeaderView::Stretch);
    QFont bold = font();
    bold.setBold(true);
    columns->setFont(bold);
    // Two lines, for labels such as "Exercise (EAMC)" in a narrow column.
    columns->setFixedHeight(QFontMetrics(bold).height() * 2 + 12);
    QHeaderView *rows = verticalHeader();
    rows->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    rows->setHighlightSections(true);
    rows->setSectionsClickable(false);
    rows->setSectionResizeMode(QHeaderView::Stretch);
    rows->setFont(bold);

    connect(this, &QAbstractItemView::activated, this, &MatrixView::open);
    connect(this, &QAbstractItemView::clicked, this, &MatrixView::open);
    // New studies reset the model; the grid's shape (the vocabularies) stays, so the reader
    // keeps their cell.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_cellBeforeReset = { currentIndex().row(), currentIndex().column() };
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        const QModelIndex cell = m_model->index(m_cellBeforeReset.first, m_cellBeforeReset.second);
        if (cell.isValid())
            setCurrentCell(cell);
    });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { Q_EMIT currentCellChanged(current); });
    fitSections();
}

void MatrixView::fitSections()
{
    // Cells share the space; below their readable size the view scrolls instead.
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QSize cell = m_delegate->sizeHint(option, {});
    horizontalHeader()->setMinimumSectionSize(cell.width());
    verticalHeader()->setMinimumSectionSize(cell.height());
}

void MatrixView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitSections();
}

void MatrixView::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // A double click reports clicked and activated: open the cell once.
    if (m_lastOpened == index && m_lastOpenedAt.isValid()
        && m_lastOpenedAt.elapsed() < QApplication::doubleClickInterval())
        return;
    m_lastOpened = index;
    m_lastOpenedAt.start();
    Q_EMIT cellOpened(index);
}

void MatrixView::setCurrentCell(const QModelIndex &index)
{
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
}

QString MatrixView::cellName(const QModelIndex &index) const
{
    return tr("%1 × %2").arg(m_model->headerData(index.row(), Qt::Vertical).toString(),
        m_model->headerData(index.column(), Qt::Horizontal).toString());
}

QString MatrixView::describe(const QModelIndex &index) const
{
    const MatrixCell *cell = m_model->cellAt(index);
    if (!cell)
        return {};
    const auto fullLabel = [this, &index](Qt::Orientation orientation) {
        const int section = orientation == Qt::Vertical ? index.row() : index.column();
        const bool total = m_model->headerData(section, orientation, EvidenceMatrixModel::IsTotalRole).toBool();
        return m_model->headerData(section, orientation, total ? Qt::DisplayRole : Qt::ToolTipRole).toString();
    };
    QString text = QStringLiteral("<b>%1 × %2</b><br>")
                       .arg(fullLabel(Qt::Vertical).toHtmlEscaped(), fullLabel(Qt::Horizontal).toHtmlEscaped());
    text += index.data(EvidenceMatrixModel::BottomLineRole).toString().toHtmlEscaped();

    const int hidden = m_delegate->hiddenByFilter(index);
    const MatrixCell *all
        = m_unfiltered ? m_unfiltered->cellAt(m_unfiltered->index(index.row(), index.column())) : nullptr;
    if (hidden > 0 && all) {
        const IndependenceFilter filter = m_model->filter().independence;
        QStringList classes;
        for (int i = 0; i < MatrixIndependenceCount; ++i) {
            const int n = all->independenceCounts[size_t(i)];
            if (n > 0 && !acceptsMatrixIndependence(filter, MatrixIndependence(i)))
                classes.append(QStringLiteral("%1 %2").arg(n).arg(matrixtext::independenceId(MatrixIndependence(i))));
        }
        text += QStringLiteral("<br>")
            + tr("The funding filter (%1) hides %2 here: %3.")
                  .arg(matrixtext::filterDescription(filter), matrixtext::studyCount(hidden),
                      classes.join(QStringLiteral(", ")))
                  .toHtmlEscaped();
    }
    return text;
}

bool MatrixView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (index.isValid()) {
            QString text = describe(index);
            if (!index.data(EvidenceMatrixModel::IsGapRole).toBool())
                text += QStringLiteral("<br><i>%1</i>").arg(tr("Click or press Enter to list these studies."));
            // Rich text: the tooltip wraps a long bottom line instead of running off screen.
            QToolTip::showText(
                help->globalPos(), QStringLiteral("<qt>%1</qt>").arg(text), viewport(), visualRect(index));
            return true;
        }
    }
    return QTableView::viewportEvent(event);
}

} // namespace mgreview::gui
