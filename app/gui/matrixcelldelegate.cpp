#include "matrixcelldelegate.h"

#include "matrixpaint.h"

#include "matrix/evidencematrixmodel.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QPainter>

#include <algorithm>

namespace mgreview::gui {

namespace {

constexpr qreal kPadX = 6;
constexpr qreal kPadTop = 3;
constexpr qreal kPadBottom = 4;

QFont scaled(const QFont &base, qreal factor, bool bold = false, bool italic = false)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else
        font.setPixelSize(qRound(base.pixelSize() * factor));
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

// The fonts of a cell, from the view's font: big count, small lines, bold chips.
struct CellFonts {
    QFont count, noun, small, smallBold, chip;
    explicit CellFonts(const QFont &base)
        : count(scaled(base, 1.45, true)),
          noun(scaled(base, 0.85)),
          small(scaled(base, 0.85)),
          smallBold(scaled(base, 0.85, true)),
          chip(scaled(base, 0.9, true))
    {
    }
};

/// The first candidate that fits the width, else the last one elided.
QString fitting(const QFontMetricsF &metrics, const QStringList &candidates, qreal width)
{
    for (const QString &text : candidates) {
        if (metrics.horizontalAdvance(text) <= width)
            return text;
    }
    return metrics.elidedText(candidates.constLast(), Qt::ElideRight, width);
}

} // namespace

MatrixCellDelegate::MatrixCellDelegate(
    const EvidenceMatrixModel *shown, const EvidenceMatrixModel *unfiltered, QObject *parent)
    : QStyledItemDelegate(parent), m_shown(shown), m_unfiltered(unfiltered)
{
}

int MatrixCellDelegate::hiddenByFilter(const QModelIndex &index) const
{
    // Without a funding filter nothing is hidden (and the unfiltered model may be stale).
    if (m_shown->filter().independence == IndependenceFilter::All)
        return 0;
    const MatrixCell *shown = m_shown->cellAt(index);
    // Both models have the same shape: the same index names the same cell.
    const MatrixCell *all
        = m_unfiltered ? m_unfiltered->cellAt(m_unfiltered->index(index.row(), index.column())) : nullptr;
    return shown && all ? std::max(0, all->count() - shown->count()) : 0;
}

QSize MatrixCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const CellFonts fonts(option.font);
    const qreal height = kPadTop + QFontMetricsF(fonts.count).height() + QFontMetricsF(fonts.chip).height() + 5
        + QFontMetricsF(fonts.small).height() + kPadBottom;
    const qreal width = QFontMetricsF(option.font).horizontalAdvance(u'M') * 7.5;
    return QSize(qCeil(width), qCeil(height));
}

void MatrixCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const MatrixCell *cell = m_shown->cellAt(index);
    if (!cell)
        return;
    painter->save();
    painter->setRenderHint(QPainter::TextAntialiasing);
    const bool total = index.data(EvidenceMatrixModel::IsTotalRole).toBool();
    const QRectF rect = option.rect;
    painter->fillRect(rect, total ? matrixpaint::totalBackground() : option.palette.color(QPalette::Base));
    if (option.state & QStyle::State_MouseOver) {
        QColor tint = option.palette.color(QPalette::Highlight);
        tint.setAlpha(22);
        painter->fillRect(rect, tint);
    }
    if (cell->isGap())
        paintGap(painter, rect, option.font, hiddenByFilter(index));
    else
        paintContents(painter, rect, option.font, *cell);
    paintFrame(painter, option, index);
    painter->restore();
}

void MatrixCellDelegate::paintGap(QPainter *painter, const QRectF &rect, const QFont &base, int hidden) const
{
    matrixpaint::paintHatching(painter, rect.adjusted(0, 0, -1, -1));
    const CellFonts fonts(base);
    const QFontMetricsF label(fonts.small);
    const QString text = tr("no studies");
    QStringList lines { text };
    if (hidden > 0)
        lines.append(
            fitting(label, { tr("%n hidden by the filter", nullptr, hidden), tr("%n hidden", nullptr, hidden) },
                rect.width() - 2 * kPadX));
    qreal width = 0;
    for (const QString &line : std::as_const(lines))
        width = std::max(width, label.horizontalAdvance(line));
    const qreal height = label.height() * lines.size();
    // A white plate under the words keeps them readable over the hatching.
    const QRectF plate(rect.center().x() - width / 2 - 4, rect.center().y() - height / 2 - 1, width + 8, height + 2);
    painter->fillRect(plate, Qt::white);
    painter->setPen(matrixpaint::mutedText());
    painter->setFont(scaled(base, 0.85, false, true));
    painter->drawText(
        QRectF(plate.left(), plate.top() + 1, plate.width(), label.height()), Qt::AlignCenter, lines.at(0));
    if (lines.size() > 1) {
        painter->setFont(fonts.smallBold);
        painter->setPen(QColor(0x20, 0x20, 0x20));
        painter->drawText(QRectF(plate.left(), plate.top() + 1 + label.height(), plate.width(), label.height()),
            Qt::AlignCenter, lines.at(1));
    }
}

void MatrixCellDelegate::paintContents(
    QPainter *painter, const QRectF &rect, const QFont &base, const MatrixCell &cell) const
{
    const Vocabularies &v = Vocabularies::builtin();
    const CellFonts fonts(base);
    const QRectF inner = rect.adjusted(kPadX, kPadTop, -kPadX, -kPadBottom);
    qreal y = inner.top();

    // First line: the count, large, and on the right what is known of the funding.
    const QFontMetricsF countMetrics(fonts.count);
    const QString count = QString::number(cell.count());
    const qreal countWidth = countMetrics.horizontalAdvance(count);
    painter->setFont(fonts.count);
    painter->setPen(Qt::black);
    painter->drawText(
        QRectF(inner.left(), y, countWidth + 2, countMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter, count);
    // Small text sits on the count's baseline.
    const qreal baseline = y + countMetrics.ascent();
    const int linked = cell.independenceCounts[MatrixIndustryLinked];
    const int independent = cell.independenceCounts[MatrixIndependent];
    const qreal fundingRoom = inner.width() - countWidth - 6;
    QString funding;
    QFont fundingFont = fonts.smallBold;
    if (linked == 0 && independent == 0) {
        fundingFont = scaled(base, 0.85, false, true);
        funding = fitting(QFontMetricsF(fundingFont), { tr("funding unclear"), tr("unclear") }, fundingRoom);
    } else {
        QStringList full, brief, shortest;
        if (linked > 0) {
            full.append(tr("%1 industry-linked").arg(linked));
            brief.append(tr("%1 ind.-linked").arg(linked));
            shortest.append(tr("%1 linked").arg(linked));
        }
        if (independent > 0) {
            full.append(tr("%1 independent").arg(independent));
            brief.append(tr("%1 indep.").arg(independent));
            shortest.append(tr("%1 indep.").arg(independent));
        }
        funding = fitting(QFontMetricsF(fundingFont),
            { full.join(QStringLiteral(", ")), brief.join(QStringLiteral(", ")), shortest.join(QStringLiteral(", ")) },
            fundingRoom);
    }
    const qreal fundingWidth = QFontMetricsF(fundingFont).horizontalAdvance(funding);
    painter->setFont(fundingFont);
    painter->setPen(linked == 0 && independent == 0 ? matrixpaint::mutedText() : QColor(Qt::black));
    painter->drawText(QPointF(inner.right() - fundingWidth, baseline), funding);
    const QFontMetricsF nounMetrics(fonts.noun);
    const QString noun = cell.count() == 1 ? tr("study") : tr("studies");
    if (countWidth + 4 + nounMetrics.horizontalAdvance(noun) + 8 + fundingWidth <= inner.width()) {
        painter->setFont(fonts.noun);
        painter->setPen(matrixpaint::mutedText());
        painter->drawText(QPointF(inner.left() + countWidth + 4, baseline), noun);
    }
    y += countMetrics.height();

    // Chips: studies per direction of conclusion, most first.
    const QFontMetricsF chipMetrics(fonts.chip);
    const QFontMetricsF smallMetrics(fonts.small);
    const qreal chipHeight = chipMetrics.height() + 3;
    painter->setFont(fonts.chip);
    qreal x = inner.left();
    for (const int slot : matrixtext::directionOrder(cell)) {
        const QString text = matrixpaint::chipText(cell.directionCounts.at(slot), matrixtext::directionSymbol(v, slot));
        const qreal width = matrixpaint::chipWidth(chipMetrics, text);
        if (x + width > inner.right() + 0.5 && x > inner.left()) {
            // Wrap only when a second row still leaves room for the design line.
            if (y + 2 * chipHeight + 2 + smallMetrics.height() > inner.bottom() + 1) {
                painter->setPen(Qt::black);
                painter->drawText(QRectF(x - 2, y, inner.right() - x + 2, chipHeight), Qt::AlignLeft | Qt::AlignVCenter,
                    QStringLiteral("…"));
                break;
            }
            x = inner.left();
            y += chipHeight + 2;
        }
        matrixpaint::paintChip(painter, QRectF(x, y, width, chipHeight), text,
            matrixtext::directionColour(matrixtext::directionId(v, slot)));
        x += width + 3;
    }
    y += chipHeight + 2;

    // The strongest design present (and the lead study's certainty where graded).
    if (y + smallMetrics.height() <= inner.bottom() + 2) {
        QString design = matrixtext::designLabel(v, cell.strongestDesign);
        if (matrixtext::isGradedCertainty(v, cell.leadCertainty))
            design += tr(", %1 certainty").arg(v.certainty.terms().at(cell.leadCertainty).label.toLower());
        painter->setFont(fonts.small);
        painter->setPen(Qt::black);
        painter->drawText(QRectF(inner.left(), y, inner.width(), smallMetrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            fitting(smallMetrics, { tr("Strongest: %1").arg(design), design }, inner.width()));
    }
}

void MatrixCellDelegate::paintFrame(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRectF rect = option.rect;
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(QColor(0xBD, 0xBD, 0xBD), 1));
    painter->drawLine(QPointF(rect.right(), rect.top()), QPointF(rect.right(), rect.bottom()));
    painter->drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()));
    // The totals stand apart from the grid with a heavier line.
    const bool totalColumn = index.data(EvidenceMatrixModel::CrampTypeIdRole).toString().isEmpty();
    const bool totalRow = index.data(EvidenceMatrixModel::PopulationIdRole).toString().isEmpty();
    painter->setPen(QPen(QColor(0x40, 0x40, 0x40), 2));
    if (totalColumn)
        painter->drawLine(QPointF(rect.left() + 1, rect.top()), QPointF(rect.left() + 1, rect.bottom() + 1));
    if (totalRow)
        painter->drawLine(QPointF(rect.left(), rect.top() + 1), QPointF(rect.right() + 1, rect.top() + 1));

    if (option.state & QStyle::State_Selected) {
        const bool active = option.state & QStyle::State_Active;
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(
            QPen(option.palette.color(active ? QPalette::Active : QPalette::Inactive, QPalette::Highlight), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5));
    }
}

} // namespace mgreview::gui
