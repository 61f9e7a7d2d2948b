#include "matrixlegend.h"

#include "matrixpaint.h"

#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <functional>

namespace mgreview::gui {

/// The chips and the gap sample, laid out in rows that wrap with the width.
class MatrixLegend::Swatches : public QWidget
{
public:
    explicit Swatches(QWidget *parent) : QWidget(parent)
    {
        const Vocabularies &v = Vocabularies::builtin();
        for (int slot = 0; slot <= v.direction.terms().size(); ++slot) {
            m_items.append({ matrixpaint::chipText(0, matrixtext::directionSymbol(v, slot)).replace(u'0', u'n'),
                matrixtext::directionLabel(v, slot), matrixtext::directionColour(matrixtext::directionId(v, slot)),
                false });
        }
        m_items.append({ tr("no studies"), tr("evidence gap"), Qt::white, true });
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    QString text() const
    {
        QStringList parts;
        for (const Item &item : m_items)
            parts.append(item.gap ? item.label : item.sample + u' ' + item.label);
        return parts.join(QStringLiteral(" · "));
    }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return qCeil(layout(width, {})); }
    QSize sizeHint() const override { return QSize(600, heightForWidth(600)); }
    QSize minimumSizeHint() const override { return QSize(200, heightForWidth(200)); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::TextAntialiasing);
        layout(width(), [&](const Item &item, const QRectF &sample, const QRectF &label) {
            painter.setFont(chipFont());
            if (item.gap) {
                painter.setPen(QColor(0xBD, 0xBD, 0xBD));
                painter.setBrush(Qt::white);
                painter.drawRect(sample.adjusted(0, 0, -1, -1));
                matrixpaint::paintHatching(&painter, sample.adjusted(1, 1, -1, -1));
                QFont italic = font();
                italic.setItalic(true);
                painter.setFont(italic);
                const QRectF plate = sample.adjusted(5, 3, -5, -3);
                painter.fillRect(plate, Qt::white);
                painter.setPen(matrixpaint::mutedText());
                painter.drawText(plate, Qt::AlignCenter, item.sample);
            } else {
                matrixpaint::paintChip(&painter, sample, item.sample, item.colour);
            }
            painter.setFont(font());
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, item.label);
        });
    }

private:
    struct Item {
        QString sample, label;
        QColor colour;
        bool gap;
    };

    QFont chipFont() const
    {
        QFont f = font();
        f.setBold(true);
        return f;
    }

    /// Places every item within `width`; calls `place` for each, returns the height used.
    qreal layout(int width, const std::function<void(const Item &, const QRectF &, const QRectF &)> &place) const
    {
        const QFontMetricsF chip(chipFont());
        const QFontMetricsF text(font());
        const qreal height = chip.height() + 4;
        QFont italic = font();
        italic.setItalic(true);
        qreal x = 0, y = 0;
        for (const Item &item : m_items) {
            const qreal sampleWidth = item.gap ? QFontMetricsF(italic).horizontalAdvance(item.sample) + 16
                                               : matrixpaint::chipWidth(chip, item.sample);
            const qreal itemWidth = sampleWidth + 5 + text.horizontalAdvance(item.label);
            if (x > 0 && x + itemWidth > width) {
                x = 0;
                y += height + 4;
            }
            if (place)
                place(item, QRectF(x, y, sampleWidth, height),
                    QRectF(x + sampleWidth + 5, y, text.horizontalAdvance(item.label) + 2, height));
            x += itemWidth + 16;
        }
        return y + height + 1;
    }

    QVector<Item> m_items;
};

MatrixLegend::MatrixLegend(QWidget *parent) : QWidget(parent), m_swatches(new Swatches(this)), m_notes(new QLabel(this))
{
    setObjectName(QStringLiteral("matrixLegend"));
    m_notes->setWordWrap(true);
    m_notes->setText(tr("In a cell: the number of studies and, top right, how many are industry-linked or "
                        "independent (the rest: funding unclear); chips — what their authors concluded; below, the "
                        "strongest design present. A study counts in every cell of its populations × cramp types; "
                        "totals count distinct studies."));
    QPalette muted = m_notes->palette();
    muted.setColor(QPalette::WindowText, matrixpaint::mutedText());
    m_notes->setPalette(muted);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(3);
    layout->addWidget(m_swatches);
    layout->addWidget(m_notes);
    setAccessibleName(tr("Legend"));
    setAccessibleDescription(text());
}

QString MatrixLegend::text() const
{
    return m_swatches->text() + u'\n' + m_notes->text();
}

} // namespace mgreview::gui
