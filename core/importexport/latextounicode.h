#pragma once

#include <QString>
#include <QStringView>

namespace mgreview {

/// Turns a BibTeX field value's LaTeX into plain Unicode text: accents (\'e, {\"o}, \c{c},
/// \v{s}, …), special letters (\ss, \o, \ae, \l, …), escaped characters (\&, \%, \_),
/// dashes (-- and ---), ``quotes'' (to “quotes”), ties (~, a no-break space), text commands (\emph{x} -> x) and grouping braces.
/// Unknown commands keep their argument and lose the backslash name. Runs of spaces and line
/// breaks become one space; the result is trimmed.
QString latexToUnicode(QStringView latex);

} // namespace mgreview
