#include "matrix/evidencematrix.h"

#include "model/vocabulary.h"

#include <algorithm>

namespace mgreview {

MatrixIndependence matrixIndependence(const QString &value)
{
    if (value == u"independent")
        return MatrixIndependent;
    if (value == u"industry-linked")
        return MatrixIndustryLinked;
    return MatrixUnclear;
}

bool acceptsMatrixIndependence(IndependenceFilter filter, MatrixIndependence value)
{
    switch (filter) {
    case IndependenceFilter::All: return true;
    case IndependenceFilter::Independent: return value == MatrixIndependent;
    case IndependenceFilter::IndustryLinked: return value == MatrixIndustryLinked;
    case IndependenceFilter::Unclear: return value == MatrixUnclear;
    }
    return true;
}

namespace {

// Slots are stored in a byte; a vocabulary of more than 254 terms would not fit.
int slotOf(const Vocabulary &vocabulary, const QString &id)
{
    const int index = vocabulary.indexOf(id);
    return index < 0 || index > 254 ? int(std::min<qsizetype>(vocabulary.terms().size(), 255)) : index;
}

void appendIndices(const Vocabulary &vocabulary, const QStringList &ids, QVector<quint16> *out)
{
    const qsizetype first = out->size();
    for (const QString &id : ids) {
        const int index = vocabulary.indexOf(id);
        if (index >= 0)
            out->append(quint16(index));
    }
    // A study listing a code twice must still be counted once per cell.
    std::sort(out->begin() + first, out->end());
    out->erase(std::unique(out->begin() + first, out->end()), out->end());
}

} // namespace

MatrixStudyCodes::MatrixStudyCodes(const QVector<StudySummary> &studies, const Vocabularies &vocabularies,
                                   const QStringList &certainties)
    : m_rowCount(int(vocabularies.population.terms().size())),
      m_columnCount(int(vocabularies.crampType.terms().size())),
      m_directionSlots(int(std::min<qsizetype>(vocabularies.direction.terms().size(), 255)) + 1),
      m_designSlots(int(std::min<qsizetype>(vocabularies.design.terms().size(), 255)) + 1),
      m_certaintySlots(int(std::min<qsizetype>(vocabularies.certainty.terms().size(), 255)) + 1)
{
    const qsizetype n = studies.size();
    m_rowStart.reserve(n + 1);
    m_columnStart.reserve(n + 1);
    m_rows.reserve(n * 2);
    m_columns.reserve(n * 2);
    m_direction.reserve(n);
    m_design.reserve(n);
    m_certainty.reserve(n);
    m_independence.reserve(n);
    m_leadKey.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const StudySummary &s = studies.at(i);
        appendIndices(vocabularies.population, s.populations, &m_rows);
        m_rowStart.append(int(m_rows.size()));
        appendIndices(vocabularies.crampType, s.crampTypes, &m_columns);
        m_columnStart.append(int(m_columns.size()));
        const int direction = slotOf(vocabularies.direction, s.direction);
        m_direction.append(quint8(direction));
        m_design.append(quint8(slotOf(vocabularies.design, s.design)));
        m_certainty.append(quint8(i < certainties.size() ? slotOf(vocabularies.certainty, certainties.at(i))
                                                         : m_certaintySlots - 1));
        m_independence.append(quint8(matrixIndependence(s.independence)));

        const VocabularyTerm *design = vocabularies.design.term(s.design);
        const quint64 rank = design ? quint64(std::clamp(design->rank, 0, 0xFFFE)) : 0xFFFFu;
        const quint64 uncoded = direction == m_directionSlots - 1 ? 1 : 0;
        const quint64 age = quint64(0xFFFF - std::clamp(s.year, 0, 0xFFFF));
        m_leadKey.append(rank << 48 | uncoded << 47 | age << 31 | quint64(i & 0x7FFFFFFF));
    }
}

namespace {

// The per-cell running state of the pass, kept apart from MatrixCell so that the loop
// touches plain arrays (no implicit-sharing checks per increment).
struct Accumulator {
    std::vector<int> direction;
    std::vector<int> design;
    std::vector<int> certainty;
    std::vector<int> independence;
    std::vector<quint64> lead;
    std::vector<std::vector<int>> studies;
    int directionSlots, designSlots, certaintySlots;

    Accumulator(int cells, const MatrixStudyCodes &codes)
        : direction(size_t(cells) * codes.directionSlots()), design(size_t(cells) * codes.designSlots()),
          certainty(size_t(cells) * codes.certaintySlots()), independence(size_t(cells) * MatrixIndependenceCount),
          lead(size_t(cells), ~quint64(0)), studies(size_t(cells)), directionSlots(codes.directionSlots()),
          designSlots(codes.designSlots()), certaintySlots(codes.certaintySlots())
    {
    }

    void add(int cell, int study, int dir, int des, int cert, int ind, quint64 key)
    {
        ++direction[size_t(cell * directionSlots + dir)];
        ++design[size_t(cell * designSlots + des)];
        ++certainty[size_t(cell * certaintySlots + cert)];
        ++independence[size_t(cell * MatrixIndependenceCount + ind)];
        if (key < lead[size_t(cell)])
            lead[size_t(cell)] = key;
        studies[size_t(cell)].push_back(study);
    }

    MatrixCell take(int cell, const MatrixStudyCodes &codes)
    {
        MatrixCell out;
        const std::vector<int> &ids = studies[size_t(cell)];
        out.studies = QVector<int>(ids.begin(), ids.end());
        const auto slice = [](const std::vector<int> &v, int from, int n) {
            return QVector<int>(v.begin() + from, v.begin() + from + n);
        };
        out.directionCounts = slice(direction, cell * directionSlots, directionSlots);
        out.designCounts = slice(design, cell * designSlots, designSlots);
        out.certaintyCounts = slice(certainty, cell * certaintySlots, certaintySlots);
        for (int i = 0; i < MatrixIndependenceCount; ++i)
            out.independenceCounts[size_t(i)] = independence[size_t(cell * MatrixIndependenceCount + i)];
        if (!out.studies.isEmpty()) {
            out.leadStudy = int(lead[size_t(cell)] & 0x7FFFFFFF);
            out.strongestDesign = codes.design(out.leadStudy);
            out.leadCertainty = codes.certainty(out.leadStudy);
            out.leadDirection = codes.direction(out.leadStudy);
        }
        return out;
    }
};

} // namespace

EvidenceMatrix EvidenceMatrix::compute(const MatrixStudyCodes &codes, IndependenceFilter filter,
                                       const std::optional<QBitArray> &textMatches)
{
    EvidenceMatrix m;
    m.m_rowCount = codes.rowCount();
    m.m_columnCount = codes.columnCount();
    m.m_filter = filter;
    m.m_textFiltered = textMatches.has_value();

    // Cells first, then row totals, column totals and the grand total, in one accumulator.
    const int cellCount = m.m_rowCount * m.m_columnCount;
    const int rowTotalBase = cellCount;
    const int columnTotalBase = rowTotalBase + m.m_rowCount;
    const int grandTotal = columnTotalBase + m.m_columnCount;
    Accumulator acc(grandTotal + 1, codes);
    acc.studies[size_t(grandTotal)].reserve(size_t(codes.studyCount()));

    const int n = codes.studyCount();
    const qsizetype bits = textMatches ? textMatches->size() : 0;
    for (int i = 0; i < n; ++i) {
        if (textMatches && (i >= bits || !textMatches->testBit(i)))
            continue;
        const int ind = codes.independence(i);
        if (!acceptsMatrixIndependence(filter, MatrixIndependence(ind)))
            continue;
        ++m.m_considered;
        const quint16 *rowsBegin = codes.rowsBegin(i);
        const quint16 *rowsEnd = codes.rowsEnd(i);
        const quint16 *columnsBegin = codes.columnsBegin(i);
        const quint16 *columnsEnd = codes.columnsEnd(i);
        if (rowsBegin == rowsEnd || columnsBegin == columnsEnd)
            continue; // In no cell: counted as unplaced.
        const int dir = codes.direction(i);
        const int des = codes.design(i);
        const int cert = codes.certainty(i);
        const quint64 key = codes.leadKey(i);
        for (const quint16 *r = rowsBegin; r != rowsEnd; ++r) {
            for (const quint16 *c = columnsBegin; c != columnsEnd; ++c)
                acc.add(*r * m.m_columnCount + *c, i, dir, des, cert, ind, key);
            acc.add(rowTotalBase + *r, i, dir, des, cert, ind, key);
        }
        for (const quint16 *c = columnsBegin; c != columnsEnd; ++c)
            acc.add(columnTotalBase + *c, i, dir, des, cert, ind, key);
        acc.add(grandTotal, i, dir, des, cert, ind, key);
    }

    m.m_cells.reserve(cellCount);
    for (int k = 0; k < cellCount; ++k)
        m.m_cells.append(acc.take(k, codes));
    m.m_rowTotals.reserve(m.m_rowCount);
    for (int r = 0; r < m.m_rowCount; ++r)
        m.m_rowTotals.append(acc.take(rowTotalBase + r, codes));
    m.m_columnTotals.reserve(m.m_columnCount);
    for (int c = 0; c < m.m_columnCount; ++c)
        m.m_columnTotals.append(acc.take(columnTotalBase + c, codes));
    m.m_total = acc.take(grandTotal, codes);
    return m;
}

EvidenceMatrix EvidenceMatrix::compute(const QVector<StudySummary> &studies, const StudyFilter &filter,
                                       const std::optional<QBitArray> &textMatches, const Vocabularies &vocabularies,
                                       const QStringList &certainties)
{
    return compute(MatrixStudyCodes(studies, vocabularies, certainties), filter.independence, textMatches);
}

} // namespace mgreview
