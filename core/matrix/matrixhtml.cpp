// The HTML export of the evidence matrix: one self-contained, well-formed XHTML file.
// No scripts and no external resources, so it opens offline and can be mailed or archived;
// links (DOIs) are plain anchors, never loads.

#include "matrix/matrixexport.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QUrl>

namespace mgreview {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString colourStyle(const QString &directionId)
{
    const QColor background = matrixtext::directionColour(directionId);
    return QStringLiteral("background:%1;color:%2").arg(background.name(), matrixtext::textColourOn(background).name());
}

QString chip(const QString &directionId, const QString &text)
{
    return QStringLiteral("<span class=\"chip\" style=\"%1\">%2</span>").arg(colourStyle(directionId), esc(text));
}

// Fragment ids from vocabulary ids, kept to characters that need no escaping anywhere.
QString cellAnchor(const Vocabularies &v, int row, int column)
{
    QString id = QStringLiteral("cell-") + v.population.terms().at(row).id + QStringLiteral("--")
                 + v.crampType.terms().at(column).id;
    for (QChar &ch : id) {
        if (!(ch.isLetterOrNumber() && ch.unicode() < 128) && ch != u'-' && ch != u'_')
            ch = u'_';
    }
    return id;
}

const char *kStyle = R"CSS(
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111; margin: 1.5em; line-height: 1.4; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
.meta { color: #444; margin-top: 0; }
table.matrix { border-collapse: collapse; margin: 1em 0; }
table.matrix th, table.matrix td { border: 1px solid #888; padding: 0.4em; vertical-align: top; }
table.matrix thead th { background: #f3f3f3; font-size: 0.85em; max-width: 11em; }
table.matrix tbody th { background: #f3f3f3; text-align: left; font-size: 0.9em; max-width: 13em; }
table.matrix td { min-width: 8em; }
table.matrix td a { color: inherit; text-decoration: none; display: block; }
table.matrix td.total, table.matrix tr.total th, table.matrix th.total { background: #e6e6e6; }
table.matrix tr.total td, table.matrix td.total { border-left-width: 2px; }
.count { font-size: 1.5em; font-weight: bold; }
.noun { color: #444; font-size: 0.8em; }
.chip { display: inline-block; border: 1px solid #333; border-radius: 4px; padding: 0 0.35em; margin: 0.1em 0.15em 0.1em 0;
        font-weight: bold; font-size: 0.85em; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.design, .funding { font-size: 0.78em; color: #222; }
td.gap { background: repeating-linear-gradient(135deg, #fff, #fff 6px, #e2e2e2 6px, #e2e2e2 8px); color: #444;
         font-style: italic; text-align: center; vertical-align: middle; }
ul.legend { list-style: none; padding: 0; }
ul.legend li { display: inline-block; margin-right: 1.2em; }
section.cell { border-top: 2px solid #999; margin-top: 1.5em; }
.bottom-line { font-weight: bold; }
ol.studies > li { margin-bottom: 1em; }
blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.8em; border-left: 3px solid #999; white-space: pre-wrap; }
.source, .missing, .reason { color: #555; font-size: 0.9em; }
.missing { font-style: italic; }
@media print { section.cell { break-inside: avoid-page; } a { color: inherit; } }
)CSS";

// "not verified (why)" when the record flags the field, "not reported" when it is merely absent.
QString missing(const Study &s, const char *field)
{
    const QString why = s.notVerified.value(QString::fromLatin1(field));
    return why.isEmpty() ? QStringLiteral("<span class=\"missing\">not reported</span>")
                         : QStringLiteral("<span class=\"missing\">not verified (%1)</span>").arg(esc(why));
}

QString gridCell(const MatrixCell &cell, const Vocabularies &v, const QString &anchor, bool total)
{
    if (cell.isGap())
        return QStringLiteral("<td class=\"gap%1\">no studies</td>").arg(total ? QStringLiteral(" total") : QString());
    QString inner = QStringLiteral("<span class=\"count\">%1</span> <span class=\"noun\">%2</span><br/>")
                        .arg(cell.count())
                        .arg(cell.count() == 1 ? QStringLiteral("study") : QStringLiteral("studies"));
    for (const int slot : matrixtext::directionOrder(cell))
        inner += chip(matrixtext::directionId(v, slot), QString::number(cell.directionCounts.at(slot)) + QChar(0x2009)
                                                            + matrixtext::directionSymbol(v, slot));
    inner += QStringLiteral("<br/><span class=\"design\">Strongest: %1</span>")
                 .arg(esc(matrixtext::designLabel(v, cell.strongestDesign)));
    QStringList funding;
    if (cell.independenceCounts[MatrixIndustryLinked] > 0)
        funding.append(QStringLiteral("%1 industry-linked").arg(cell.independenceCounts[MatrixIndustryLinked]));
    if (cell.independenceCounts[MatrixIndependent] > 0)
        funding.append(QStringLiteral("%1 independent").arg(cell.independenceCounts[MatrixIndependent]));
    if (!funding.isEmpty())
        inner += QStringLiteral("<br/><span class=\"funding\">%1</span>").arg(esc(funding.join(QStringLiteral(", "))));
    if (!anchor.isEmpty())
        inner = QStringLiteral("<a href=\"#%1\">%2</a>").arg(anchor, inner);
    return QStringLiteral("<td%1>%2</td>").arg(total ? QStringLiteral(" class=\"total\"") : QString(), inner);
}

QString studyItem(const StudySummary &summary, const Study *record, const Vocabularies &v)
{
    QString out = QStringLiteral("<li>");
    const QString year = summary.year > 0 ? QString::number(summary.year) : QStringLiteral("year not known");
    QString title = summary.title.trimmed();
    if (!title.isEmpty() && !title.endsWith(u'.') && !title.endsWith(u'?') && !title.endsWith(u'!'))
        title += u'.';
    out += QStringLiteral("<p><strong>%1</strong> (%2). %3").arg(esc(summary.firstAuthor.isEmpty() ? summary.id : summary.firstAuthor),
                                                               esc(year), esc(title));
    if (!summary.journal.isEmpty())
        out += QStringLiteral(" <em>%1</em>.").arg(esc(summary.journal));
    out += QStringLiteral("</p>\n<p>");

    const int directionSlot = v.direction.indexOf(summary.direction);
    const int slot = directionSlot < 0 ? int(v.direction.terms().size()) : directionSlot;
    out += chip(matrixtext::directionId(v, slot), matrixtext::directionSymbol(v, slot)) + u' ';
    out += QStringLiteral("Direction: %1").arg(esc(matrixtext::directionLabel(v, slot)));
    // Summaries carry the effective values: say when a rule, not a person, coded them.
    if (record && record->direction.isEmpty() && directionSlot >= 0)
        out += QStringLiteral(" <span class=\"source\">(suggested by a rule)</span>");
    out += QStringLiteral(" · Design: %1").arg(summary.design.isEmpty() ? QStringLiteral("not coded")
                                                                         : esc(v.design.label(summary.design)));
    if (record && record->design.isEmpty() && !summary.design.isEmpty())
        out += QStringLiteral(" <span class=\"source\">(suggested by a rule)</span>");
    if (record && !record->certainty.isEmpty())
        out += QStringLiteral(" · Certainty: %1").arg(esc(v.certainty.label(record->certainty)));
    out += QStringLiteral("</p>\n<p>Funding independence: <strong>%1</strong>")
               .arg(esc(v.independence.label(summary.independence.isEmpty() ? QStringLiteral("unclear")
                                                                            : summary.independence)));
    if (!summary.independenceLink.isEmpty())
        out += QStringLiteral(" (%1)").arg(esc(v.industryLink.label(summary.independenceLink)));
    if (!summary.independenceReason.isEmpty())
        out += QStringLiteral(" — <span class=\"reason\">%1</span>").arg(esc(summary.independenceReason));
    if (!summary.independenceSource.isEmpty())
        out += QStringLiteral(" <span class=\"source\">[source: %1]</span>").arg(esc(summary.independenceSource));
    out += QStringLiteral("</p>\n<p>DOI: ");
    if (!summary.doi.isEmpty()) {
        const QString url = QStringLiteral("https://doi.org/")
                            + QString::fromLatin1(QUrl::toPercentEncoding(summary.doi, "/:;()._-"));
        out += QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), esc(summary.doi));
    } else {
        out += record ? missing(*record, Field::Doi) : QStringLiteral("<span class=\"missing\">not reported</span>");
    }
    out += QStringLiteral("</p>\n");

    if (!record) {
        out += QStringLiteral("<p class=\"missing\">Full record not available: conclusions and funding not shown.</p></li>\n");
        return out;
    }
    if (!record->conclusions.isEmpty())
        out += QStringLiteral("<p>Authors' conclusions (verbatim):</p>\n");
    for (const Conclusion &c : record->conclusions) {
        QString where = v.conclusionSource.label(c.source);
        if (!c.where.isEmpty())
            where += QStringLiteral(" — ") + c.where;
        out += QStringLiteral("<blockquote class=\"conclusion\">%1</blockquote>\n<p class=\"source\">Source: %2</p>\n")
                   .arg(esc(c.text), esc(where));
    }
    if (record->conclusions.isEmpty() || !record->isVerified(Field::Conclusions))
        out += QStringLiteral("<p>Conclusion: %1</p>\n").arg(missing(*record, Field::Conclusions));
    for (const EffectEstimate &e : record->effects) {
        if (e.certainty.isEmpty() || e.text.isEmpty())
            continue;
        out += QStringLiteral("<p class=\"source\">Effect as reported (certainty: %1): %2</p>\n")
                   .arg(esc(v.certainty.label(e.certainty)), esc(e.text));
    }
    out += QStringLiteral("<p>Funding statement: %1</p>\n")
               .arg(record->funding.statement.isEmpty() ? missing(*record, Field::Funding)
                                                        : QStringLiteral("“%1”").arg(esc(record->funding.statement)));
    out += QStringLiteral("<p>Conflicts of interest: %1</p>\n")
               .arg(record->funding.coiStatement.isEmpty() ? missing(*record, Field::Funding)
                                                           : QStringLiteral("“%1”").arg(esc(record->funding.coiStatement)));
    if (!record->funding.funders.isEmpty()) {
        QStringList funders;
        for (const Funder &f : record->funding.funders)
            funders.append(QStringLiteral("%1 (%2)").arg(f.name, v.funderType.label(f.type)));
        out += QStringLiteral("<p>Funders: %1</p>\n").arg(esc(funders.join(QStringLiteral("; "))));
    }
    return out + QStringLiteral("</li>\n");
}

} // namespace

QString matrixToHtml(const MatrixExportInput &input)
{
    const EvidenceMatrix &m = input.matrix;
    const Vocabularies &v = input.vocabularies;
    const QString title = QStringLiteral("Magnesium for muscle cramps: evidence matrix");
    QString out = QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n"
                                 "<head>\n<meta charset=\"utf-8\"/>\n<title>%1</title>\n<style>")
                      .arg(esc(title));
    out += QString::fromUtf8(kStyle) + QStringLiteral("</style>\n</head>\n<body>\n");
    out += QStringLiteral("<h1>%1</h1>\n").arg(esc(title));
    QString meta = QStringLiteral("Populations (rows) × cramp types (columns). Funding filter: %1. %2 in the grid.")
                       .arg(matrixtext::filterDescription(m.independenceFilter()), matrixtext::studyCount(m.total().count()));
    if (m.unplacedCount() > 0)
        meta += QStringLiteral(" %1 without a coded population or cramp type are not shown.")
                    .arg(matrixtext::studyCount(m.unplacedCount()));
    if (m.isTextFiltered())
        meta += QStringLiteral(" Only studies matching the search text are counted.");
    out += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(esc(meta));

    // The grid.
    out += QStringLiteral("<table class=\"matrix\">\n<thead>\n<tr><th>Population ↓ / cramp type →</th>");
    for (const VocabularyTerm &t : v.crampType.terms())
        out += QStringLiteral("<th scope=\"col\">%1</th>").arg(esc(t.label));
    out += QStringLiteral("<th scope=\"col\" class=\"total\">All cramp types (distinct studies)</th></tr>\n</thead>\n<tbody>\n");
    for (int r = 0; r <= m.rowCount(); ++r) {
        const bool totalRow = r == m.rowCount();
        out += totalRow ? QStringLiteral("<tr class=\"total\"><th scope=\"row\">All populations (distinct studies)</th>")
                        : QStringLiteral("<tr><th scope=\"row\">%1</th>").arg(esc(v.population.terms().at(r).label));
        for (int c = 0; c < m.columnCount(); ++c)
            out += totalRow ? gridCell(m.columnTotal(c), v, QString(), true)
                            : gridCell(m.cell(r, c), v, cellAnchor(v, r, c), false);
        out += gridCell(totalRow ? m.total() : m.rowTotal(r), v, QString(), true);
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table>\n");

    // The legend: symbols and colours, and what the numbers mean.
    out += QStringLiteral("<h2>How to read a cell</h2>\n<ul class=\"legend\">\n");
    for (int slot = 0; slot <= v.direction.terms().size(); ++slot)
        out += QStringLiteral("<li>%1 %2</li>\n")
                   .arg(chip(matrixtext::directionId(v, slot), QStringLiteral("n") + QChar(0x2009) + matrixtext::directionSymbol(v, slot)),
                        esc(matrixtext::directionLabel(v, slot)));
    out += QStringLiteral("</ul>\n<p>The large number counts the studies in the cell; the chips split them by the "
                          "direction of the authors' own conclusion (symbol, count and colour). <em>Strongest</em> names "
                          "the strongest design present, in evidence order. A hatched cell has no studies: an evidence "
                          "gap. A study appears in every cell of its populations × cramp types, and its direction is "
                          "coded once per study, not per cell; totals count distinct studies. Select a cell to read its "
                          "studies and their verbatim conclusions below.</p>\n");

    // Per cell: the bottom line and every study with its own words.
    out += QStringLiteral("<h2>Studies per cell</h2>\n");
    QStringList gaps;
    for (int r = 0; r < m.rowCount(); ++r) {
        for (int c = 0; c < m.columnCount(); ++c) {
            const MatrixCell &cell = m.cell(r, c);
            const QString name = v.population.terms().at(r).label + QStringLiteral(" × ") + v.crampType.terms().at(c).label;
            if (cell.isGap()) {
                gaps.append(name);
                continue;
            }
            out += QStringLiteral("<section class=\"cell\" id=\"%1\">\n<h3>%2</h3>\n<p class=\"bottom-line\">%3</p>\n<ol class=\"studies\">\n")
                       .arg(cellAnchor(v, r, c), esc(name), esc(matrixtext::bottomLine(cell, input.studies, v)));
            for (const int i : cell.studies) {
                const StudySummary &s = input.studies.at(i);
                out += studyItem(s, input.records ? input.records(s.id) : nullptr, v);
            }
            out += QStringLiteral("</ol>\n</section>\n");
        }
    }
    out += QStringLiteral("<h2>Evidence gaps</h2>\n");
    if (gaps.isEmpty()) {
        out += QStringLiteral("<p>Every cell has at least one study.</p>\n");
    } else {
        out += QStringLiteral("<p>No studies (under this filter) for:</p>\n<ul>\n");
        for (const QString &gap : std::as_const(gaps))
            out += QStringLiteral("<li>%1</li>\n").arg(esc(gap));
        out += QStringLiteral("</ul>\n");
    }
    out += QStringLiteral("</body>\n</html>\n");
    return out;
}

} // namespace mgreview
