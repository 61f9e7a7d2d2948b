#include "matrixpaint.h"

#include "matrix/matrixtext.h"

#include <QPainter>

#include <algorithm>

namespace mgreview::gui::matrixpaint {

QString chipText(int count, const QString &symbol)
{
    return QString::number(count) + QChar(0x2009) + symbol;
}

qreal chipWidth(const QFontMetricsF &metrics, const QString &text)
{
    return std::max(metrics.height() * 1.6, metrics.horizontalAdvance(text) + metrics.height() * 0.6);
}

void paintChip(QPainter *painter, const QRectF &rect, const QString &text, const QColor &fill)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3.5, 3.5);
    painter->setPen(matrixtext::textColourOn(fill));
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

void paintHatching(QPainter *painter, const QRectF &rect)
{
    painter->save();
    painter->setClipRect(rect);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(QColor(0xD6, 0xD6, 0xD6), 1));
    for (qreal x = rect.left() - rect.height(); x < rect.right(); x += 10)
        painter->drawLine(QLineF(x, rect.bottom(), x + rect.height(), rect.top()));
    painter->restore();
}

QColor totalBackground()
{
    return QColor(0xEF, 0xEF, 0xEF);
}

QColor mutedText()
{
    return QColor(0x50, 0x50, 0x50);
}

} // namespace mgreview::gui::matrixpaint
