#include "matrix/matrixfigure.h"

#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>

namespace mgreview {

namespace {

// Layout, in logical pixels.
constexpr qreal kMargin = 28;
constexpr qreal kTitleHeight = 74;
constexpr qreal kRowHeaderWidth = 200;
constexpr qreal kColumnWidth = 184;
constexpr qreal kHeaderHeight = 78;
constexpr qreal kRowHeight = 94;
constexpr qreal kPad = 9;
constexpr qreal kChipHeight = 22;
constexpr qreal kLegendHeight = 150;

const QColor kGridLine(0x80, 0x80, 0x80);
const QColor kTotalBackground(0xEE, 0xEE, 0xEE);
const QColor kHeaderBackground(0xF6, 0xF6, 0xF6);
const QColor kMutedText(0x44, 0x44, 0x44);

} // namespace

MatrixFigure::MatrixFigure(const MatrixExportInput &input) : m_input(input)
{
    const EvidenceMatrix &m = input.matrix;
    m_gridTop = kMargin + kTitleHeight;
    const qreal gridHeight = kHeaderHeight + (m.rowCount() + 1) * kRowHeight;
    m_legendTop = m_gridTop + gridHeight + 18;
    m_size = QSizeF(2 * kMargin + kRowHeaderWidth + (m.columnCount() + 1) * kColumnWidth,
                    m_legendTop + kLegendHeight + kMargin);
}

QFont MatrixFigure::font(qreal pixelSize, bool bold, bool italic) const
{
    // DejaVu Sans has every symbol the figure uses (− ± ∅ ○); pixel sizes keep the layout
    // the same on every device.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(qRound(pixelSize));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

QRectF MatrixFigure::cellRect(int row, int column) const
{
    return QRectF(kMargin + kRowHeaderWidth + column * kColumnWidth, m_gridTop + kHeaderHeight + row * kRowHeight,
                  kColumnWidth, kRowHeight);
}

void MatrixFigure::paint(QPainter *p) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);
    p->fillRect(QRectF(QPointF(0, 0), m_size), Qt::white);
    paintTitle(p);
    paintHeaders(p);
    const EvidenceMatrix &m = m_input.matrix;
    for (int r = 0; r <= m.rowCount(); ++r) {
        for (int c = 0; c <= m.columnCount(); ++c) {
            const bool totalRow = r == m.rowCount();
            const bool totalColumn = c == m.columnCount();
            const MatrixCell &cell = totalRow ? (totalColumn ? m.total() : m.columnTotal(c))
                                              : (totalColumn ? m.rowTotal(r) : m.cell(r, c));
            paintCell(p, cellRect(r, c), cell, totalRow || totalColumn);
        }
    }
    // The totals stand apart from the grid with a heavier line.
    p->setPen(QPen(Qt::black, 2));
    const qreal gridLeft = kMargin + kRowHeaderWidth;
    const qreal totalsX = cellRect(0, m.columnCount()).left();
    const qreal totalsY = cellRect(m.rowCount(), 0).top();
    const qreal bottom = cellRect(m.rowCount(), 0).bottom();
    const qreal right = cellRect(0, m.columnCount()).right();
    p->drawLine(QLineF(totalsX, m_gridTop, totalsX, bottom));
    p->drawLine(QLineF(kMargin, totalsY, right, totalsY));
    p->drawLine(QLineF(gridLeft, m_gridTop, gridLeft, bottom));
    p->drawLine(QLineF(kMargin, m_gridTop + kHeaderHeight, right, m_gridTop + kHeaderHeight));
    p->setPen(QPen(kGridLine, 1));
    p->setBrush(Qt::NoBrush);
    p->drawRect(QRectF(kMargin, m_gridTop, right - kMargin, bottom - m_gridTop));
    paintLegend(p);
    p->restore();
}

void MatrixFigure::paintTitle(QPainter *p) const
{
    const EvidenceMatrix &m = m_input.matrix;
    p->setPen(Qt::black);
    p->setFont(font(22, true));
    p->drawText(QRectF(kMargin, kMargin, m_size.width() - 2 * kMargin, 30), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("Magnesium for muscle cramps: evidence matrix"));
    QString subtitle = QStringLiteral("Populations (rows) × cramp types (columns). Funding filter: %1. %2 in the grid.")
                           .arg(matrixtext::filterDescription(m.independenceFilter()),
                                matrixtext::studyCount(m.total().count()));
    if (m.unplacedCount() > 0)
        subtitle += QStringLiteral(" %1 without a coded population or cramp type not shown.")
                        .arg(matrixtext::studyCount(m.unplacedCount()));
    if (m.isTextFiltered())
        subtitle += QStringLiteral(" Only studies matching the search text.");
    p->setFont(font(14));
    p->setPen(kMutedText);
    p->drawText(QRectF(kMargin, kMargin + 34, m_size.width() - 2 * kMargin, 24), Qt::AlignLeft | Qt::AlignVCenter,
                subtitle);
}

void MatrixFigure::paintHeaders(QPainter *p) const
{
    const EvidenceMatrix &m = m_input.matrix;
    const Vocabularies &v = m_input.vocabularies;
    p->setPen(Qt::NoPen);
    p->setBrush(kHeaderBackground);
    p->drawRect(QRectF(kMargin, m_gridTop, m_size.width() - 2 * kMargin, kHeaderHeight));
    p->drawRect(QRectF(kMargin, m_gridTop, kRowHeaderWidth, kHeaderHeight + (m.rowCount() + 1) * kRowHeight));

    p->setPen(Qt::black);
    p->setFont(font(12, true));
    const QRectF corner(kMargin + kPad, m_gridTop + kPad, kRowHeaderWidth - 2 * kPad, kHeaderHeight - 2 * kPad);
    p->drawText(corner, Qt::AlignRight | Qt::AlignTop, QStringLiteral("Cramp type →"));
    p->drawText(corner, Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("Population ↓"));
    for (int c = 0; c <= m.columnCount(); ++c) {
        const QRectF cell = cellRect(0, c);
        const QRectF rect(cell.left() + kPad / 2, m_gridTop + 4, kColumnWidth - kPad, kHeaderHeight - 8);
        const QString label = c == m.columnCount() ? QStringLiteral("All cramp types (distinct studies)")
                                                   : v.crampType.terms().at(c).label;
        p->setFont(font(12.5, true));
        p->drawText(rect, Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, label);
        p->setPen(QPen(kGridLine, 1));
        p->drawLine(QLineF(cell.left(), m_gridTop, cell.left(), m_gridTop + kHeaderHeight));
        p->setPen(Qt::black);
    }
    for (int r = 0; r <= m.rowCount(); ++r) {
        const QRectF cell = cellRect(r, 0);
        const QRectF rect(kMargin + kPad, cell.top() + 4, kRowHeaderWidth - 2 * kPad, kRowHeight - 8);
        const QString label = r == m.rowCount() ? QStringLiteral("All populations (distinct studies)")
                                                : v.population.terms().at(r).label;
        p->setFont(font(13, true));
        p->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, label);
        p->setPen(QPen(kGridLine, 1));
        p->drawLine(QLineF(kMargin, cell.top(), kMargin + kRowHeaderWidth, cell.top()));
        p->setPen(Qt::black);
    }
}

void MatrixFigure::paintGap(QPainter *p, const QRectF &rect) const
{
    // Diagonal hatching drawn as lines: pattern brushes do not survive SVG export.
    p->save();
    p->setClipRect(rect);
    p->setPen(QPen(QColor(0xC8, 0xC8, 0xC8), 1));
    for (qreal x = rect.left() - rect.height(); x < rect.right(); x += 12)
        p->drawLine(QLineF(x, rect.bottom(), x + rect.height(), rect.top()));
    p->restore();
    const QRectF label = rect.adjusted(rect.width() / 2 - 42, rect.height() / 2 - 12, -(rect.width() / 2 - 42),
                                       -(rect.height() / 2 - 12));
    p->setPen(Qt::NoPen);
    p->setBrush(Qt::white);
    p->drawRect(label);
    p->setPen(kMutedText);
    p->setFont(font(12.5, false, true));
    p->drawText(label, Qt::AlignCenter, QStringLiteral("no studies"));
}

void MatrixFigure::paintCell(QPainter *p, const QRectF &rect, const MatrixCell &cell, bool total) const
{
    const Vocabularies &v = m_input.vocabularies;
    p->setPen(QPen(kGridLine, 1));
    p->setBrush(total ? kTotalBackground : QColor(Qt::white));
    p->drawRect(rect);
    if (cell.isGap()) {
        paintGap(p, rect);
        return;
    }
    const QRectF inner = rect.adjusted(kPad, 6, -kPad, -6);

    // Funding in the corner: what is known either way (the rest is unclear).
    QStringList funding;
    if (cell.independenceCounts[MatrixIndustryLinked] > 0)
        funding.append(QStringLiteral("%1 industry-linked").arg(cell.independenceCounts[MatrixIndustryLinked]));
    if (cell.independenceCounts[MatrixIndependent] > 0)
        funding.append(QStringLiteral("%1 independent").arg(cell.independenceCounts[MatrixIndependent]));
    const QFont fundingFont = font(10.5, true);
    qreal fundingWidth = 0;
    for (const QString &line : std::as_const(funding))
        fundingWidth = std::max(fundingWidth, QFontMetricsF(fundingFont).horizontalAdvance(line));

    // The count, large, with its noun when there is room beside the funding.
    p->setPen(Qt::black);
    const QFont countFont = font(27, true);
    p->setFont(countFont);
    const QString count = QString::number(cell.count());
    const qreal countWidth = QFontMetricsF(countFont).horizontalAdvance(count);
    p->drawText(QRectF(inner.left(), inner.top(), countWidth + 2, 32), Qt::AlignLeft | Qt::AlignVCenter, count);
    const QFont nounFont = font(11);
    const QString noun = cell.count() == 1 ? QStringLiteral("study") : QStringLiteral("studies");
    const qreal nounWidth = QFontMetricsF(nounFont).horizontalAdvance(noun);
    if (countWidth + 4 + nounWidth + 8 + fundingWidth <= inner.width()) {
        p->setFont(nounFont);
        p->setPen(kMutedText);
        p->drawText(QRectF(inner.left() + countWidth + 4, inner.top() + 12, nounWidth + 2, 18),
                    Qt::AlignLeft | Qt::AlignVCenter, noun);
    }
    p->setPen(Qt::black);
    p->setFont(fundingFont);
    for (int i = 0; i < funding.size(); ++i)
        p->drawText(QRectF(inner.left(), inner.top() + i * 14, inner.width(), 14), Qt::AlignRight | Qt::AlignVCenter,
                    funding.at(i));

    // Chips: count and symbol on the direction's colour.
    const QFont chipFont = font(12.5, true);
    const QFontMetricsF chipMetrics(chipFont);
    p->setFont(chipFont);
    qreal x = inner.left();
    qreal y = inner.top() + 36;
    for (const int slot : matrixtext::directionOrder(cell)) {
        const QString text = QString::number(cell.directionCounts.at(slot)) + QChar(0x2009)
                             + matrixtext::directionSymbol(v, slot);
        const qreal width = std::max<qreal>(34, chipMetrics.horizontalAdvance(text) + 12);
        if (x + width > inner.right() + 0.5 && x > inner.left()) {
            x = inner.left();
            y += kChipHeight + 3;
        }
        const QColor colour = matrixtext::directionColour(matrixtext::directionId(v, slot));
        const QRectF chip(x, y, width, kChipHeight);
        p->setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
        p->setBrush(colour);
        p->drawRoundedRect(chip, 4, 4);
        p->setPen(matrixtext::textColourOn(colour));
        p->drawText(chip, Qt::AlignCenter, text);
        x += width + 4;
    }

    // The same split in proportion, then the strongest design.
    const qreal barY = y + kChipHeight + 4;
    qreal barX = inner.left();
    for (const int slot : matrixtext::directionOrder(cell)) {
        const qreal width = inner.width() * cell.directionCounts.at(slot) / cell.count();
        p->setPen(Qt::NoPen);
        p->setBrush(matrixtext::directionColour(matrixtext::directionId(v, slot)));
        p->drawRect(QRectF(barX, barY, width, 5));
        barX += width;
    }
    p->setPen(QPen(QColor(0x30, 0x30, 0x30), 0.75));
    p->setBrush(Qt::NoBrush);
    p->drawRect(QRectF(inner.left(), barY, inner.width(), 5));

    QString design = QStringLiteral("Strongest: ") + matrixtext::designLabel(v, cell.strongestDesign);
    if (matrixtext::isGradedCertainty(v, cell.leadCertainty))
        design += QStringLiteral(", ") + v.certainty.terms().at(cell.leadCertainty).label.toLower()
                  + QStringLiteral(" certainty");
    const QFont designFont = font(11);
    p->setFont(designFont);
    p->setPen(Qt::black);
    p->drawText(QRectF(inner.left(), inner.bottom() - 15, inner.width(), 15), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(designFont).elidedText(design, Qt::ElideRight, inner.width()));
}

void MatrixFigure::paintLegend(QPainter *p) const
{
    const Vocabularies &v = m_input.vocabularies;
    const qreal left = kMargin;
    qreal y = m_legendTop;
    p->setPen(Qt::black);
    p->setFont(font(14, true));
    p->drawText(QRectF(left, y, 400, 20), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("How to read a cell"));
    y += 26;

    // One chip per direction, as in the cells, then the gap sample.
    const QFont chipFont = font(12.5, true);
    const QFont labelFont = font(12.5);
    qreal x = left;
    for (int slot = 0; slot <= v.direction.terms().size(); ++slot) {
        const QColor colour = matrixtext::directionColour(matrixtext::directionId(v, slot));
        const QRectF chip(x, y, 34, kChipHeight);
        p->setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
        p->setBrush(colour);
        p->drawRoundedRect(chip, 4, 4);
        p->setPen(matrixtext::textColourOn(colour));
        p->setFont(chipFont);
        p->drawText(chip, Qt::AlignCenter, QStringLiteral("n") + QChar(0x2009) + matrixtext::directionSymbol(v, slot));
        const QString label = matrixtext::directionLabel(v, slot);
        p->setFont(labelFont);
        p->setPen(Qt::black);
        const qreal width = QFontMetricsF(labelFont).horizontalAdvance(label);
        p->drawText(QRectF(x + 40, y, width + 4, kChipHeight), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += 40 + width + 22;
    }
    const QRectF gap(x, y - 4, 110, kChipHeight + 8);
    p->setPen(QPen(kGridLine, 1));
    p->setBrush(Qt::white);
    p->drawRect(gap);
    paintGap(p, gap);
    p->setFont(labelFont);
    p->setPen(Qt::black);
    p->drawText(QRectF(gap.right() + 8, y, 260, kChipHeight), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("evidence gap"));
    y += kChipHeight + 14;

    p->setFont(font(12));
    p->setPen(kMutedText);
    const QString notes = QStringLiteral(
        "Large number: studies in the cell. Chips: studies per direction of the authors' own conclusion (symbol, "
        "count and colour); the bar below shows the same split in proportion. Strongest: the strongest design "
        "present, in evidence order (Cochrane / systematic review with meta-analysis first). Corner: studies "
        "classified industry-linked or independent; the others are unclear. A study appears in every cell of its "
        "populations × cramp types; totals count distinct studies. Directions are coded per study, not per cell.");
    p->drawText(QRectF(left, y, m_size.width() - 2 * kMargin, kLegendHeight - (y - m_legendTop)),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, notes);
}

// --- SVG, PNG, PDF ----------------------------------------------------------------------------

QByteArray matrixToSvg(const MatrixExportInput &input)
{
    const MatrixFigure figure(input);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(figure.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), figure.size()));
    generator.setResolution(96);
    generator.setTitle(QStringLiteral("Magnesium for muscle cramps: evidence matrix"));
    generator.setDescription(QStringLiteral("Populations × cramp types; funding filter: %1")
                                 .arg(matrixtext::filterDescription(input.matrix.independenceFilter())));
    QPainter painter;
    if (!painter.begin(&generator))
        return {};
    figure.paint(&painter);
    painter.end();
    return bytes;
}

QImage matrixToImage(const MatrixExportInput &input, qreal scale)
{
    const MatrixFigure figure(input);
    QImage image((figure.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.setDotsPerMeterX(qRound(3780 * scale));
    image.setDotsPerMeterY(qRound(3780 * scale));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    figure.paint(&painter);
    painter.end();
    return image;
}

QByteArray matrixToPng(const MatrixExportInput &input, qreal scale)
{
    const QImage image = matrixToImage(input, scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

QByteArray matrixToPdf(const MatrixExportInput &input)
{
    const MatrixFigure figure(input);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("Magnesium for muscle cramps: evidence matrix"));
        writer.setCreator(QStringLiteral("MgReview"));
        writer.setResolution(300);
        const bool landscape = figure.size().width() > figure.size().height();
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                         QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer))
            return {};
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        const qreal scale = std::min(page.width() / figure.size().width(), page.height() / figure.size().height());
        // Centred on the page.
        painter.translate((page.width() - figure.size().width() * scale) / 2,
                          (page.height() - figure.size().height() * scale) / 2);
        painter.scale(scale, scale);
        figure.paint(&painter);
        painter.end();
    }
    return bytes;
}

} // namespace mgreview
