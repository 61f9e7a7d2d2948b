#include "matrix/matrixtext.h"

#include "model/vocabulary.h"

#include <algorithm>

namespace mgreview::matrixtext {

namespace {

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

QString upperFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

bool isLastSlot(const QVector<int> &counts, int slot)
{
    return slot == counts.size() - 1;
}

} // namespace

QString directionId(const Vocabularies &vocabularies, int slot)
{
    const auto &terms = vocabularies.direction.terms();
    return slot >= 0 && slot < terms.size() ? terms.at(slot).id : QStringLiteral("not_coded");
}

QString directionLabel(const Vocabularies &vocabularies, int slot)
{
    const auto &terms = vocabularies.direction.terms();
    return slot >= 0 && slot < terms.size() ? lowerFirst(terms.at(slot).label) : QStringLiteral("not coded");
}

QString directionSymbol(const Vocabularies &vocabularies, int slot)
{
    const auto &terms = vocabularies.direction.terms();
    if (slot >= 0 && slot < terms.size() && !terms.at(slot).symbol.isEmpty())
        return terms.at(slot).symbol;
    return slot >= 0 && slot < terms.size() ? QStringLiteral("•") : QStringLiteral("○");
}

QString designId(const Vocabularies &vocabularies, int slot)
{
    const auto &terms = vocabularies.design.terms();
    return slot >= 0 && slot < terms.size() ? terms.at(slot).id : QStringLiteral("not_coded");
}

QString designLabel(const Vocabularies &vocabularies, int slot)
{
    const auto &terms = vocabularies.design.terms();
    if (slot < 0 || slot >= terms.size())
        return QStringLiteral("design not coded");
    return terms.at(slot).shortLabel.isEmpty() ? terms.at(slot).label : terms.at(slot).shortLabel;
}

QString certaintyId(const Vocabularies &vocabularies, int slot)
{
    const auto &terms = vocabularies.certainty.terms();
    return slot >= 0 && slot < terms.size() ? terms.at(slot).id : QString();
}

bool isGradedCertainty(const Vocabularies &vocabularies, int slot)
{
    const QString id = certaintyId(vocabularies, slot);
    return !id.isEmpty() && id != u"not_graded";
}

QString independenceId(MatrixIndependence value)
{
    switch (value) {
    case MatrixIndependent: return QStringLiteral("independent");
    case MatrixIndustryLinked: return QStringLiteral("industry-linked");
    case MatrixUnclear:
    case MatrixIndependenceCount: break;
    }
    return QStringLiteral("unclear");
}

QVector<int> directionOrder(const MatrixCell &cell)
{
    const QVector<int> &counts = cell.directionCounts;
    QVector<int> order;
    for (int slot = 0; slot < counts.size(); ++slot) {
        if (counts.at(slot) > 0)
            order.append(slot);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (isLastSlot(counts, a) != isLastSlot(counts, b))
            return isLastSlot(counts, b);
        if (counts.at(a) != counts.at(b))
            return counts.at(a) > counts.at(b);
        // On a tie the strongest study's conclusion comes first.
        return a == cell.leadDirection && b != cell.leadDirection;
    });
    return order;
}

QString studyCount(int count)
{
    return count == 1 ? QStringLiteral("1 study") : QStringLiteral("%1 studies").arg(count);
}

QString directionSplit(const MatrixCell &cell, const Vocabularies &vocabularies, const QString &separator)
{
    QStringList parts;
    for (const int slot : directionOrder(cell))
        parts.append(QString::number(cell.directionCounts.at(slot)) + u' ' + directionLabel(vocabularies, slot));
    return parts.join(separator);
}

QString symbolSplit(const MatrixCell &cell, const Vocabularies &vocabularies)
{
    QStringList parts;
    for (const int slot : directionOrder(cell))
        parts.append(QString::number(cell.directionCounts.at(slot)) + directionSymbol(vocabularies, slot));
    return parts.join(u' ');
}

QString designSplit(const MatrixCell &cell, const Vocabularies &vocabularies)
{
    // Strongest first: by rank, then vocabulary order; "not coded" last.
    QVector<int> present;
    for (int slot = 0; slot < cell.designCounts.size(); ++slot) {
        if (cell.designCounts.at(slot) > 0)
            present.append(slot);
    }
    const auto &terms = vocabularies.design.terms();
    const auto rank = [&](int slot) { return slot < terms.size() ? terms.at(slot).rank : 1 << 20; };
    std::stable_sort(present.begin(), present.end(), [&](int a, int b) { return rank(a) < rank(b); });
    QStringList parts;
    for (const int slot : std::as_const(present))
        parts.append(QString::number(cell.designCounts.at(slot)) + u' ' + designLabel(vocabularies, slot));
    return parts.join(QStringLiteral(", "));
}

QString independenceSplit(const MatrixCell &cell)
{
    QStringList parts;
    for (int i = 0; i < MatrixIndependenceCount; ++i) {
        if (cell.independenceCounts[size_t(i)] > 0)
            parts.append(QString::number(cell.independenceCounts[size_t(i)]) + u' '
                         + independenceId(MatrixIndependence(i)));
    }
    return parts.join(QStringLiteral(", "));
}

QString csvCell(const MatrixCell &cell, const Vocabularies &vocabularies)
{
    if (cell.isGap())
        return QStringLiteral("0 (no studies)");
    return QString::number(cell.count()) + QStringLiteral(" (") + directionSplit(cell, vocabularies) + u')';
}

QString studyShortName(const StudySummary &study)
{
    QString name = study.firstAuthor.isEmpty() ? study.id : study.firstAuthor;
    if (study.year > 0)
        name += u' ' + QString::number(study.year);
    return name;
}

QString bottomLine(const MatrixCell &cell, const QVector<StudySummary> &studies, const Vocabularies &vocabularies)
{
    if (cell.isGap() || cell.leadStudy < 0 || cell.leadStudy >= studies.size())
        return QStringLiteral("No studies: evidence gap.");
    const StudySummary &lead = studies.at(cell.leadStudy);
    const int directionSlot = vocabularies.direction.indexOf(lead.direction);
    QString first = directionSlot < 0 ? QStringLiteral("Direction not coded")
                                      : upperFirst(directionLabel(vocabularies, directionSlot));
    // Only a certainty the source graded is named; an absent one is not "low".
    if (isGradedCertainty(vocabularies, cell.leadCertainty))
        first += QStringLiteral(", ") + lowerFirst(vocabularies.certainty.terms().at(cell.leadCertainty).label)
                 + QStringLiteral(" certainty");
    QString text = first + QStringLiteral(" (strongest study: ") + studyShortName(lead) + QStringLiteral(", ")
                   + designLabel(vocabularies, cell.strongestDesign) + QStringLiteral("). ");
    text += studyCount(cell.count()) + QStringLiteral(" — ") + designSplit(cell, vocabularies) + QStringLiteral(": ")
            + directionSplit(cell, vocabularies, QStringLiteral(", "));
    text += QStringLiteral(" (funding: ") + independenceSplit(cell) + QStringLiteral(").");
    return text;
}

QString filterDescription(IndependenceFilter filter)
{
    switch (filter) {
    case IndependenceFilter::Independent: return QStringLiteral("independent studies only");
    case IndependenceFilter::IndustryLinked: return QStringLiteral("industry-linked studies only");
    case IndependenceFilter::Unclear: return QStringLiteral("studies with unclear funding independence only");
    case IndependenceFilter::All: break;
    }
    return QStringLiteral("all studies");
}

QColor directionColour(const QString &directionId)
{
    // Colour-blind-safe hues (Okabe–Ito, Tol) whose grey values differ too: 51, 87, 108,
    // 162, 213 and 255 (not coded), so a greyscale print still separates them.
    if (directionId == u"benefit")
        return QColor(0x00, 0x72, 0xB2); // blue
    if (directionId == u"no_benefit")
        return QColor(0xE6, 0x9F, 0x00); // orange
    if (directionId == u"conflicting")
        return QColor(0xAA, 0x44, 0x99); // purple
    if (directionId == u"inconclusive")
        return QColor(0xF0, 0xE4, 0x42); // yellow
    if (directionId == u"not_about_intervention")
        return QColor(0x33, 0x33, 0x33); // dark grey
    return QColor(0xFF, 0xFF, 0xFF); // not coded (drawn with an outline)
}

QColor textColourOn(const QColor &background)
{
    return qGray(background.rgb()) < 140 ? QColor(Qt::white) : QColor(Qt::black);
}

} // namespace mgreview::matrixtext
