#pragma once

#include "library/studyfilter.h"
#include "library/studysummary.h"
#include "matrix/evidencematrix.h"

#include <QColor>
#include <QString>
#include <QVector>

namespace mgreview {

struct Vocabularies;

/// The wording of the evidence matrix, shared by the model, the command line and every
/// export, so that a cell reads the same everywhere. Labels come from the vocabularies.
namespace matrixtext {

/// The id of a direction slot, "not_coded" for the last one.
QString directionId(const Vocabularies &vocabularies, int slot);
/// "no benefit", "benefit", …, "not coded" (the vocabulary label, first letter lowercase).
QString directionLabel(const Vocabularies &vocabularies, int slot);
/// The vocabulary symbol (+ − ± ? ∅), "○" for "not coded".
QString directionSymbol(const Vocabularies &vocabularies, int slot);
/// The id of a design slot, "not_coded" for the last one.
QString designId(const Vocabularies &vocabularies, int slot);
/// The design's short label, "design not coded" for the last slot.
QString designLabel(const Vocabularies &vocabularies, int slot);
/// The id of a certainty slot, empty for the last one (no certainty given).
QString certaintyId(const Vocabularies &vocabularies, int slot);
/// Whether a certainty slot holds a GRADE level (not "not graded", not empty).
bool isGradedCertainty(const Vocabularies &vocabularies, int slot);
/// The independence class's word: "independent", "industry-linked", "unclear".
QString independenceId(MatrixIndependence value);

/// The direction slots with studies in the cell: most studies first, on a tie the lead
/// study's direction first, then vocabulary order; "not coded" always last.
QVector<int> directionOrder(const MatrixCell &cell);

/// "1 study", "7 studies".
QString studyCount(int count);
/// "3 no benefit; 1 benefit; 3 not coded" (directionOrder, joined by `separator`).
QString directionSplit(const MatrixCell &cell, const Vocabularies &vocabularies,
                       const QString &separator = QStringLiteral("; "));
/// "3− 1+ 3○": counts with their symbols, for grids.
QString symbolSplit(const MatrixCell &cell, const Vocabularies &vocabularies);
/// "2 Cochrane/SR+MA, 3 RCT, 2 RCT (crossover)": designs present, strongest first.
QString designSplit(const MatrixCell &cell, const Vocabularies &vocabularies);
/// "1 independent, 1 industry-linked, 5 unclear" (classes with studies only).
QString independenceSplit(const MatrixCell &cell);
/// A CSV cell: the count first, then the split: "3 (2 no benefit; 1 benefit)",
/// "0 (no studies)".
QString csvCell(const MatrixCell &cell, const Vocabularies &vocabularies);

/// The cell's bottom line: the strongest-design study's conclusion first, then counts, e.g.
/// "No benefit (strongest study: Garrison SR 2020, Cochrane/SR+MA). 7 studies — 2
/// Cochrane/SR+MA, 3 RCT, 2 RCT (crossover): 3 no benefit, 1 benefit, 3 not coded (funding:
/// 1 industry-linked, 6 unclear)." An empty cell reads "No studies: evidence gap."
QString bottomLine(const MatrixCell &cell, const QVector<StudySummary> &studies, const Vocabularies &vocabularies);
/// "Garrison SR 2020" (first author and year, as the summary has them).
QString studyShortName(const StudySummary &study);

/// "all studies", "independent studies only", "industry-linked studies only", "studies
/// with unclear funding independence only".
QString filterDescription(IndependenceFilter filter);

/// The colour of a direction (a colour-blind-safe palette whose greys differ too), and
/// the text colour that reads on it. Colour is never the only cue: symbols go with it.
QColor directionColour(const QString &directionId);
QColor textColourOn(const QColor &background);

} // namespace matrixtext

} // namespace mgreview
