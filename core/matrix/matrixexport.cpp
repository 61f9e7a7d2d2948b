#include "matrix/matrixexport.h"

#include "format/studyoutput.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace mgreview {

namespace {

constexpr MatrixFormat kFormats[] = {MatrixFormat::Table, MatrixFormat::Csv, MatrixFormat::Json, MatrixFormat::Svg,
                                     MatrixFormat::Png,   MatrixFormat::Pdf, MatrixFormat::Html};

} // namespace

QString toString(MatrixFormat format)
{
    switch (format) {
    case MatrixFormat::Csv: return QStringLiteral("csv");
    case MatrixFormat::Json: return QStringLiteral("json");
    case MatrixFormat::Svg: return QStringLiteral("svg");
    case MatrixFormat::Png: return QStringLiteral("png");
    case MatrixFormat::Pdf: return QStringLiteral("pdf");
    case MatrixFormat::Html: return QStringLiteral("html");
    case MatrixFormat::Table: break;
    }
    return QStringLiteral("table");
}

std::optional<MatrixFormat> matrixFormatFromString(const QString &text)
{
    for (const MatrixFormat format : kFormats) {
        if (toString(format) == text)
            return format;
    }
    return std::nullopt;
}

bool isBinaryMatrixFormat(MatrixFormat format)
{
    return format == MatrixFormat::Png || format == MatrixFormat::Pdf;
}

// --- Table ---------------------------------------------------------------------------------

namespace {

QString gridCellText(const MatrixCell &cell, const Vocabularies &v)
{
    if (cell.isGap())
        return QStringLiteral("gap");
    return QString::number(cell.count()) + QStringLiteral(": ") + matrixtext::symbolSplit(cell, v);
}

// Words wrapped to `width`, continuation lines indented by `indent` spaces.
QString wrapped(const QString &text, int width, int indent)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QString out;
    QString line;
    for (const QString &word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            out += line + u'\n';
            line = QString(indent, u' ');
        } else if (!line.isEmpty() && !line.endsWith(u' ')) {
            line += u' ';
        }
        line += word;
    }
    return out + line + u'\n';
}

} // namespace

QString matrixToTable(const MatrixExportInput &input, int lineWidth)
{
    const EvidenceMatrix &m = input.matrix;
    const Vocabularies &v = input.vocabularies;
    const auto &populations = v.population.terms();
    const auto &crampTypes = v.crampType.terms();
    constexpr int kHeaderMax = 18;

    // Row labels, then one column per cramp type plus the totals column.
    QStringList rowLabels;
    for (const VocabularyTerm &t : populations)
        rowLabels.append(v.population.shortLabel(t.id));
    rowLabels.append(QStringLiteral("All populations"));
    int labelWidth = 0;
    for (const QString &label : std::as_const(rowLabels))
        labelWidth = std::max(labelWidth, int(label.size()));

    const int columns = m.columnCount() + 1;
    QVector<QStringList> texts(columns);
    QStringList headers;
    QVector<int> widths(columns, 0);
    for (int c = 0; c < columns; ++c) {
        const bool total = c == m.columnCount();
        headers.append(truncateText(total ? QStringLiteral("All cramp types") : v.crampType.shortLabel(crampTypes.at(c).id),
                                    kHeaderMax));
        widths[c] = int(headers.last().size());
        for (int r = 0; r <= m.rowCount(); ++r) {
            const bool totalRow = r == m.rowCount();
            const MatrixCell &cell = totalRow ? (total ? m.total() : m.columnTotal(c))
                                              : (total ? m.rowTotal(r) : m.cell(r, c));
            texts[c].append(gridCellText(cell, v));
            widths[c] = std::max(widths[c], int(texts[c].last().size()));
        }
    }

    QString out = QStringLiteral("Evidence matrix: populations × cramp types (%1)\n")
                      .arg(matrixtext::filterDescription(m.independenceFilter()));
    const auto row = [&](const QString &label, const QStringList &cells) -> QString {
        QString line = label.leftJustified(labelWidth, u' ');
        for (int c = 0; c < cells.size(); ++c)
            line += QStringLiteral("  ") + cells.at(c).leftJustified(widths.at(c), u' ');
        while (line.endsWith(u' '))
            line.chop(1);
        return line + u'\n';
    };
    out += row(QString(), headers);
    int totalWidth = labelWidth;
    for (const int w : std::as_const(widths))
        totalWidth += 2 + w;
    out += QString(totalWidth, u'-') + u'\n';
    for (int r = 0; r <= m.rowCount(); ++r) {
        if (r == m.rowCount())
            out += QString(totalWidth, u'-') + u'\n';
        QStringList cells;
        for (int c = 0; c < columns; ++c)
            cells.append(texts.at(c).at(r));
        out += row(rowLabels.at(r), cells);
    }

    QStringList legend;
    for (int slot = 0; slot < v.direction.terms().size() + 1; ++slot)
        legend.append(matrixtext::directionSymbol(v, slot) + u' ' + matrixtext::directionLabel(v, slot));
    out += u'\n'
           + wrapped(QStringLiteral("Legend: N: count of studies, then studies per direction of the authors' "
                                    "conclusion: ")
                         + legend.join(QStringLiteral(", "))
                         + QStringLiteral(". gap: no studies (evidence gap). A study is in every cell of its "
                                          "populations × cramp types; totals count distinct studies."),
                     lineWidth, 2);
    out += wrapped(QStringLiteral("%1 considered; %2 in the grid; %3 without a coded population or cramp type.")
                       .arg(matrixtext::studyCount(m.consideredCount()))
                       .arg(m.total().count())
                       .arg(m.unplacedCount()),
                   lineWidth, 2);
    if (m.isTextFiltered())
        out += QStringLiteral("Only studies matching the search text are counted.\n");

    out += QStringLiteral("\nBottom line per cell:\n");
    for (int r = 0; r < m.rowCount(); ++r) {
        for (int c = 0; c < m.columnCount(); ++c) {
            const MatrixCell &cell = m.cell(r, c);
            if (cell.isGap())
                continue;
            out += wrapped(QStringLiteral("%1 × %2: %3")
                               .arg(rowLabels.at(r), v.crampType.shortLabel(crampTypes.at(c).id),
                                    matrixtext::bottomLine(cell, input.studies, v)),
                           lineWidth, 4);
        }
    }
    return out;
}

// --- CSV -----------------------------------------------------------------------------------

QString matrixToCsv(const MatrixExportInput &input)
{
    const EvidenceMatrix &m = input.matrix;
    const Vocabularies &v = input.vocabularies;
    const auto line = [](const QStringList &fields) -> QString {
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(csvField(field));
        return quoted.join(u',') + QStringLiteral("\r\n");
    };
    QStringList header{QStringLiteral("Population \\ cramp type (%1)").arg(matrixtext::filterDescription(m.independenceFilter()))};
    for (const VocabularyTerm &t : v.crampType.terms())
        header.append(t.label);
    header.append(QStringLiteral("Total"));
    QString out = line(header);
    for (int r = 0; r <= m.rowCount(); ++r) {
        const bool totalRow = r == m.rowCount();
        QStringList fields{totalRow ? QStringLiteral("Total") : v.population.terms().at(r).label};
        for (int c = 0; c < m.columnCount(); ++c)
            fields.append(matrixtext::csvCell(totalRow ? m.columnTotal(c) : m.cell(r, c), v));
        fields.append(matrixtext::csvCell(totalRow ? m.total() : m.rowTotal(r), v));
        out += line(fields);
    }
    return out;
}

// --- JSON ----------------------------------------------------------------------------------

namespace {

QJsonObject countsObject(const QVector<int> &counts, const std::function<QString(int)> &idOf, bool keepZero)
{
    QJsonObject o;
    for (int slot = 0; slot < counts.size(); ++slot) {
        const QString id = idOf(slot);
        if (!id.isEmpty() && (keepZero || counts.at(slot) > 0))
            o.insert(id, counts.at(slot));
    }
    return o;
}

QJsonObject cellJson(const MatrixCell &cell, const MatrixExportInput &input)
{
    const Vocabularies &v = input.vocabularies;
    QJsonObject o;
    o.insert(QStringLiteral("count"), cell.count());
    o.insert(QStringLiteral("gap"), cell.isGap());
    QJsonArray ids;
    for (const int i : cell.studies)
        ids.append(input.studies.at(i).id);
    o.insert(QStringLiteral("study_ids"), ids);
    o.insert(QStringLiteral("direction_counts"),
             countsObject(cell.directionCounts, [&](int s) { return matrixtext::directionId(v, s); }, true));
    o.insert(QStringLiteral("design_counts"),
             countsObject(cell.designCounts, [&](int s) { return matrixtext::designId(v, s); }, false));
    o.insert(QStringLiteral("certainty_counts"), countsObject(cell.certaintyCounts, [&](int s) {
                 return matrixtext::isGradedCertainty(v, s) ? matrixtext::certaintyId(v, s) : QString();
             }, false));
    QJsonObject independence;
    for (int i = 0; i < MatrixIndependenceCount; ++i)
        independence.insert(matrixtext::independenceId(MatrixIndependence(i)), cell.independenceCounts[size_t(i)]);
    o.insert(QStringLiteral("independence_counts"), independence);
    o.insert(QStringLiteral("strongest_design"),
             cell.isGap() ? QJsonValue(QJsonValue::Null) : QJsonValue(matrixtext::designId(v, cell.strongestDesign)));
    o.insert(QStringLiteral("lead_study"),
             cell.isGap() ? QJsonValue(QJsonValue::Null) : QJsonValue(input.studies.at(cell.leadStudy).id));
    o.insert(QStringLiteral("bottom_line"), matrixtext::bottomLine(cell, input.studies, v));
    return o;
}

QJsonArray termsJson(const Vocabulary &vocabulary)
{
    QJsonArray out;
    for (const VocabularyTerm &t : vocabulary.terms())
        out.append(QJsonObject{{QStringLiteral("id"), t.id}, {QStringLiteral("label"), t.label}});
    return out;
}

} // namespace

QByteArray matrixToJson(const MatrixExportInput &input)
{
    const EvidenceMatrix &m = input.matrix;
    const Vocabularies &v = input.vocabularies;
    QJsonObject root;
    root.insert(QStringLiteral("filter"), toString(m.independenceFilter()));
    root.insert(QStringLiteral("text_filtered"), m.isTextFiltered());
    root.insert(QStringLiteral("studies_considered"), m.consideredCount());
    root.insert(QStringLiteral("studies_in_grid"), m.total().count());
    root.insert(QStringLiteral("studies_not_placed"), m.unplacedCount());
    root.insert(QStringLiteral("rows"), termsJson(v.population));
    root.insert(QStringLiteral("columns"), termsJson(v.crampType));
    QJsonArray directions;
    for (int slot = 0; slot <= v.direction.terms().size(); ++slot)
        directions.append(QJsonObject{{QStringLiteral("id"), matrixtext::directionId(v, slot)},
                                      {QStringLiteral("label"), matrixtext::directionLabel(v, slot)},
                                      {QStringLiteral("symbol"), matrixtext::directionSymbol(v, slot)}});
    root.insert(QStringLiteral("directions"), directions);

    QJsonArray cells;
    for (int r = 0; r < m.rowCount(); ++r) {
        for (int c = 0; c < m.columnCount(); ++c) {
            QJsonObject o = cellJson(m.cell(r, c), input);
            o.insert(QStringLiteral("population"), v.population.terms().at(r).id);
            o.insert(QStringLiteral("cramp_type"), v.crampType.terms().at(c).id);
            cells.append(o);
        }
    }
    root.insert(QStringLiteral("cells"), cells);
    QJsonArray rowTotals;
    for (int r = 0; r < m.rowCount(); ++r) {
        QJsonObject o = cellJson(m.rowTotal(r), input);
        o.insert(QStringLiteral("population"), v.population.terms().at(r).id);
        rowTotals.append(o);
    }
    root.insert(QStringLiteral("row_totals"), rowTotals);
    QJsonArray columnTotals;
    for (int c = 0; c < m.columnCount(); ++c) {
        QJsonObject o = cellJson(m.columnTotal(c), input);
        o.insert(QStringLiteral("cramp_type"), v.crampType.terms().at(c).id);
        columnTotals.append(o);
    }
    root.insert(QStringLiteral("column_totals"), columnTotals);
    root.insert(QStringLiteral("total"), cellJson(m.total(), input));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// --- Any format, files ------------------------------------------------------------------------

QByteArray exportMatrix(MatrixFormat format, const MatrixExportInput &input, int lineWidth)
{
    switch (format) {
    case MatrixFormat::Table: return matrixToTable(input, lineWidth).toUtf8();
    case MatrixFormat::Csv: return matrixToCsv(input).toUtf8();
    case MatrixFormat::Json: return matrixToJson(input);
    case MatrixFormat::Svg: return matrixToSvg(input);
    case MatrixFormat::Png: return matrixToPng(input);
    case MatrixFormat::Pdf: return matrixToPdf(input);
    case MatrixFormat::Html: return matrixToHtml(input).toUtf8();
    }
    return {};
}

bool writeExportFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mgreview
