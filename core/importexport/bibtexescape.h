#pragma once

#include <QString>

namespace mgreview {

/// Escapes text for a BibTeX field value so that LaTeX prints it as written:
/// - the special characters { } % & $ # _ become \{ \} \% \& \$ \# \_, and \ ~ ^ < > become
///   \textbackslash{}, \textasciitilde{}, \textasciicircum{}, \textless{}, \textgreater{};
/// - accented Latin letters become accent commands in braces ("é" -> "{\'e}", "ç" -> "{\c{c}}",
///   "ï" -> "{\"\i}"), and letters such as ß, ø, æ, ł their commands ("{\ss}", "{\o}");
/// - typographic characters become their LaTeX spelling (en dash "--", em dash "---",
///   quotes `` '' ` ', "±" -> "{$\pm$}", "≥" -> "{$\geq$}", "µ" -> "{$\mu$}", no-break space "~").
/// Characters without a LaTeX spelling (CJK, most symbols) stay as UTF-8: the file is UTF-8
/// and biber / modern BibTeX read them.
QString bibtexEscape(const QString &text);

/// bibtexEscape() of a title, with every word that holds a capital letter protected by braces
/// so that bibliography styles do not lower-case it ("Magnesium for {ALS} in {Norway}"). The
/// first word is protected only when it has a capital after its first letter ("MRI", "McKay").
QString bibtexTitle(const QString &title);

} // namespace mgreview
