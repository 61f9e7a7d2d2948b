#pragma once

#include "importexport/importtypes.h"

#include <QStringView>

namespace mgreview {

/// Reads BibTeX / BibLaTeX text (docs/formats/import.md#bibtex): @string macros (and the
/// month names), # concatenation, braced and quoted values, crossref inheritance, LaTeX
/// accents and commands to Unicode. @comment and @preamble are skipped, text between entries
/// is a comment. A broken entry is reported and skipped; reading goes on at the next '@'.
ReadResult readBibtex(QStringView text, const QString &file);

} // namespace mgreview
