#pragma once

#include "library/studyfilter.h"
#include "library/studysummary.h"

#include <QBitArray>
#include <QStringList>
#include <QVector>

#include <array>
#include <optional>

namespace mgreview {

struct Vocabularies;

/// The three independence states the matrix counts, in this order.
enum MatrixIndependence { MatrixIndependent = 0, MatrixIndustryLinked = 1, MatrixUnclear = 2, MatrixIndependenceCount = 3 };

/// What the evidence matrix needs of each study, as small integers: computed once per study
/// list, so that a filter change costs one pass with no string work.
///
/// Codes that are not in the vocabularies are left out of the grid (a study whose
/// populations or cramp types are all unknown is "unplaced", and counted as such); an unknown
/// or empty direction counts as "not coded"; an unknown design ranks after every known one.
class MatrixStudyCodes
{
public:
    MatrixStudyCodes() = default;
    /// `certainties` (optional) holds each study's overall certainty id, aligned with
    /// `studies`; StudySummary carries none, so callers that have the records pass it here.
    MatrixStudyCodes(const QVector<StudySummary> &studies, const Vocabularies &vocabularies,
                     const QStringList &certainties = {});

    int studyCount() const { return int(m_direction.size()); }
    int rowCount() const { return m_rowCount; }       ///< Populations.
    int columnCount() const { return m_columnCount; } ///< Cramp types.
    int directionSlots() const { return m_directionSlots; } ///< Direction terms + "not coded".
    int designSlots() const { return m_designSlots; }       ///< Design terms + "not coded".
    int certaintySlots() const { return m_certaintySlots; } ///< Certainty terms + "none".

    /// Population (row) indices of a study, without duplicates, in vocabulary order.
    const quint16 *rowsBegin(int study) const { return m_rows.constData() + m_rowStart.at(study); }
    const quint16 *rowsEnd(int study) const { return m_rows.constData() + m_rowStart.at(study + 1); }
    const quint16 *columnsBegin(int study) const { return m_columns.constData() + m_columnStart.at(study); }
    const quint16 *columnsEnd(int study) const { return m_columns.constData() + m_columnStart.at(study + 1); }
    /// Direction slot: a direction vocabulary index, or directionSlots() - 1 for "not coded".
    int direction(int study) const { return m_direction.at(study); }
    /// Design slot: a design vocabulary index, or designSlots() - 1 for "not coded".
    int design(int study) const { return m_design.at(study); }
    /// Certainty slot: a certainty vocabulary index, or certaintySlots() - 1 for none.
    int certainty(int study) const { return m_certainty.at(study); }
    MatrixIndependence independence(int study) const { return MatrixIndependence(m_independence.at(study)); }
    /// Smaller is stronger evidence: design rank, then a coded direction, then the newer
    /// study, then the earlier position (so the choice is deterministic).
    quint64 leadKey(int study) const { return m_leadKey.at(study); }

private:
    int m_rowCount = 0;
    int m_columnCount = 0;
    int m_directionSlots = 1;
    int m_designSlots = 1;
    int m_certaintySlots = 1;
    QVector<int> m_rowStart{0}; ///< CSR offsets into m_rows, one more than studies.
    QVector<quint16> m_rows;
    QVector<int> m_columnStart{0};
    QVector<quint16> m_columns;
    QVector<quint8> m_direction;
    QVector<quint8> m_design;
    QVector<quint8> m_certainty;
    QVector<quint8> m_independence;
    QVector<quint64> m_leadKey;
};

/// One cell of the matrix (or a row, column or grand total): the studies in it and what
/// they conclude. Totals count distinct studies.
struct MatrixCell {
    QVector<int> studies;          ///< Indices into the study list, ascending.
    QVector<int> directionCounts;  ///< Per direction slot (vocabulary order, then "not coded").
    QVector<int> designCounts;     ///< Per design slot (vocabulary order, then "not coded").
    QVector<int> certaintyCounts;  ///< Per certainty slot (vocabulary order, then none).
    std::array<int, MatrixIndependenceCount> independenceCounts{};
    int leadStudy = -1;       ///< The study with the strongest design (see MatrixStudyCodes::leadKey).
    int strongestDesign = -1; ///< Design slot of the lead study; -1 for an empty cell.
    int leadCertainty = -1;   ///< Certainty slot of the lead study; -1 for an empty cell.
    int leadDirection = -1;   ///< Direction slot of the lead study; -1 for an empty cell.

    int count() const { return int(studies.size()); }
    /// No studies: an evidence gap.
    bool isGap() const { return studies.isEmpty(); }
};

/// The evidence matrix: populations (rows) × cramp types (columns), in vocabulary order.
/// A study is in every cell of its populations × cramp types.
class EvidenceMatrix
{
public:
    int rowCount() const { return m_rowCount; }
    int columnCount() const { return m_columnCount; }
    const MatrixCell &cell(int row, int column) const { return m_cells.at(row * m_columnCount + column); }
    /// Distinct studies in a population's cells.
    const MatrixCell &rowTotal(int row) const { return m_rowTotals.at(row); }
    /// Distinct studies in a cramp type's cells.
    const MatrixCell &columnTotal(int column) const { return m_columnTotals.at(column); }
    /// Distinct studies in any cell.
    const MatrixCell &total() const { return m_total; }

    /// Studies that passed the filter and the text matches.
    int consideredCount() const { return m_considered; }
    /// Of those, the ones in no cell (no known population or no known cramp type).
    int unplacedCount() const { return m_considered - m_total.count(); }
    IndependenceFilter independenceFilter() const { return m_filter; }
    bool isTextFiltered() const { return m_textFiltered; }

    /// Recomputes from precomputed codes: one pass over the studies, integers only.
    /// `textMatches` holds one bit per study (nullopt: no text filter); a study beyond its
    /// size does not match.
    static EvidenceMatrix compute(const MatrixStudyCodes &codes, IndependenceFilter filter,
                                  const std::optional<QBitArray> &textMatches = std::nullopt);
    /// Convenience for one-off use: builds the codes first. Only the independence part of
    /// `filter` applies: population and cramp type are the matrix's own axes.
    static EvidenceMatrix compute(const QVector<StudySummary> &studies, const StudyFilter &filter,
                                  const std::optional<QBitArray> &textMatches, const Vocabularies &vocabularies,
                                  const QStringList &certainties = {});

private:
    int m_rowCount = 0;
    int m_columnCount = 0;
    QVector<MatrixCell> m_cells;
    QVector<MatrixCell> m_rowTotals;
    QVector<MatrixCell> m_columnTotals;
    MatrixCell m_total;
    int m_considered = 0;
    IndependenceFilter m_filter = IndependenceFilter::All;
    bool m_textFiltered = false;
};

/// The independence class of an effective independence value: anything not positively
/// classified is unclear (as StudyFilter::acceptsIndependence reads it).
MatrixIndependence matrixIndependence(const QString &value);
/// Whether the filter lets a class through.
bool acceptsMatrixIndependence(IndependenceFilter filter, MatrixIndependence value);

} // namespace mgreview
