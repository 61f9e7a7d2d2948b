#include "matrixpage.h"

#include "matrixlegend.h"
#include "matrixpaint.h"
#include "matrixview.h"

#include "matrix/evidencematrixmodel.h"
#include "matrix/matrixtext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {
constexpr IndependenceFilter kFilters[] = { IndependenceFilter::All, IndependenceFilter::Independent,
    IndependenceFilter::IndustryLinked, IndependenceFilter::Unclear };
}

MatrixPage::MatrixPage(EvidenceMatrixModel *model, const EvidenceMatrixModel *unfiltered, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_unfiltered(unfiltered),
      m_view(new MatrixView(model, unfiltered, this)),
      m_filter(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_details(new QLabel(this)),
      m_legend(new MatrixLegend(this))
{
    setObjectName(QStringLiteral("matrixPage"));

    auto *title = new QLabel(tr("<b>Evidence matrix</b>: populations × cramp types"), this);
    m_filter->setObjectName(QStringLiteral("matrixFundingFilter"));
    for (const IndependenceFilter filter : kFilters)
        m_filter->addItem(QString(), int(filter));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->setAccessibleName(tr("Funding independence filter of the matrix"));
    m_filter->setToolTip(tr("The same funding filter as the toolbar's: it applies to the matrix and the table.\n"
                            "The numbers count the studies in the grid."));
    auto *filterLabel = new QLabel(tr("Funding:"), this);
    filterLabel->setBuddy(m_filter);
    m_summary->setObjectName(QStringLiteral("matrixSummary"));
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, matrixpaint::mutedText());
    m_summary->setPalette(muted);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 0);
    header->setSpacing(6);
    header->addWidget(title);
    header->addSpacing(8);
    header->addWidget(m_summary, 1);
    header->addWidget(filterLabel);
    header->addWidget(m_filter);

    m_details->setObjectName(QStringLiteral("matrixCellDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setMinimumHeight(fontMetrics().lineSpacing() * 2 + 12);
    m_details->setMargin(5);
    m_details->setAutoFillBackground(true);
    QPalette plate = m_details->palette();
    plate.setColor(QPalette::Window, QColor(0xF4, 0xF6, 0xF9));
    m_details->setPalette(plate);
    m_details->setFrameShape(QFrame::StyledPanel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_legend);

    connect(m_filter, &QComboBox::activated, this,
        [this] { Q_EMIT filterChosen(IndependenceFilter(m_filter->currentData().toInt())); });
    connect(m_model, &EvidenceMatrixModel::matrixChanged, this, [this] {
        updateCounts();
        updateSummary();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MatrixPage::updateDetails);
    connect(m_unfiltered, &EvidenceMatrixModel::matrixChanged, this, [this] {
        updateCounts();
        updateSummary(); // "1 of 20": the second number is the unfiltered grid's.
    });
    connect(m_view, &MatrixView::currentCellChanged, this, &MatrixPage::updateDetails);
    updateCounts();
    updateSummary();
    updateDetails();
}

const EvidenceMatrix &MatrixPage::unfilteredMatrix() const
{
    return m_model->filter().independence == IndependenceFilter::All ? m_model->matrix() : m_unfiltered->matrix();
}

void MatrixPage::setFilter(IndependenceFilter filter)
{
    m_filter->setCurrentIndex(m_filter->findData(int(filter)));
}

void MatrixPage::setScope(const QString &scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    updateSummary();
}

QString MatrixPage::summary() const
{
    return m_summary->text();
}

QString MatrixPage::details() const
{
    return QTextDocumentFragment::fromHtml(m_details->text()).toPlainText();
}

void MatrixPage::updateCounts()
{
    // Distinct studies in the grid per class, under the search: what each choice would show.
    const auto &counts = unfilteredMatrix().total().independenceCounts;
    const int all = unfilteredMatrix().total().count();
    for (int i = 0; i < m_filter->count(); ++i) {
        switch (IndependenceFilter(m_filter->itemData(i).toInt())) {
        case IndependenceFilter::All:
            m_filter->setItemText(i, tr("All studies (%1)").arg(all));
            break;
        case IndependenceFilter::Independent:
            m_filter->setItemText(i, tr("Independent only (%1)").arg(counts[MatrixIndependent]));
            break;
        case IndependenceFilter::IndustryLinked:
            m_filter->setItemText(i, tr("Industry-linked only (%1)").arg(counts[MatrixIndustryLinked]));
            break;
        case IndependenceFilter::Unclear:
            m_filter->setItemText(i, tr("Unclear (%1)").arg(counts[MatrixUnclear]));
            break;
        }
    }
}

void MatrixPage::updateSummary()
{
    const EvidenceMatrix &shown = m_model->matrix();
    const int inGrid = shown.total().count();
    QString text;
    if (shown.independenceFilter() == IndependenceFilter::All)
        text = tr("%1 in the grid.").arg(matrixtext::studyCount(inGrid));
    else
        text = tr("%1 of %2 in the grid: %3.")
                   .arg(QString::number(inGrid), matrixtext::studyCount(unfilteredMatrix().total().count()),
                       matrixtext::filterDescription(shown.independenceFilter()));
    if (shown.unplacedCount() > 0)
        text += u' '
            + tr("%1 without a coded population or cramp type not shown.")
                  .arg(matrixtext::studyCount(shown.unplacedCount()));
    if (!m_scope.isEmpty())
        text += u' ' + m_scope;
    m_summary->setText(text);
}

void MatrixPage::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->setText(tr("Move through the cells with the arrow keys or hover over one to read its bottom "
                              "line. <b>Enter</b> or a click lists the cell's studies in the study table."));
        return;
    }
    QString text = m_view->describe(current);
    if (!current.data(EvidenceMatrixModel::IsGapRole).toBool())
        text += QStringLiteral(" <i>%1</i>").arg(tr("Enter or a click lists these studies.").toHtmlEscaped());
    m_details->setText(text);
}

} // namespace mgreview::gui
