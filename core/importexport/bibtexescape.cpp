#include "importexport/bibtexescape.h"

#include <QHash>

namespace mgreview {

namespace {

// LaTeX accent command of a Unicode combining mark. Commands made of a letter (\c, \v, …)
// need their argument in braces; symbol commands (\', \", …) do not.
QString accentCommand(char16_t mark)
{
    switch (mark) {
    case 0x0300: return QStringLiteral("\\`");
    case 0x0301: return QStringLiteral("\\'");
    case 0x0302: return QStringLiteral("\\^");
    case 0x0303: return QStringLiteral("\\~");
    case 0x0304: return QStringLiteral("\\=");
    case 0x0306: return QStringLiteral("\\u");
    case 0x0307: return QStringLiteral("\\.");
    case 0x0308: return QStringLiteral("\\\"");
    case 0x030A: return QStringLiteral("\\r");
    case 0x030B: return QStringLiteral("\\H");
    case 0x030C: return QStringLiteral("\\v");
    case 0x0323: return QStringLiteral("\\d");
    case 0x0327: return QStringLiteral("\\c");
    case 0x0328: return QStringLiteral("\\k");
    default: break;
    }
    return {};
}

const QHash<char16_t, QString> &specialCharacters()
{
    static const QHash<char16_t, QString> table{
        {u'ß', QStringLiteral("{\\ss}")},
        {u'æ', QStringLiteral("{\\ae}")},
        {u'Æ', QStringLiteral("{\\AE}")},
        {u'ø', QStringLiteral("{\\o}")},
        {u'Ø', QStringLiteral("{\\O}")},
        {u'œ', QStringLiteral("{\\oe}")},
        {u'Œ', QStringLiteral("{\\OE}")},
        {u'ł', QStringLiteral("{\\l}")},
        {u'Ł', QStringLiteral("{\\L}")},
        {u'ı', QStringLiteral("{\\i}")},
        {u'å', QStringLiteral("{\\aa}")},
        {u'Å', QStringLiteral("{\\AA}")},
        {u'đ', QStringLiteral("{\\dj}")},
        {u'Đ', QStringLiteral("{\\DJ}")},
        {u'þ', QStringLiteral("{\\th}")},
        {u'Þ', QStringLiteral("{\\TH}")},
        {u'ð', QStringLiteral("{\\dh}")},
        {u'Ð', QStringLiteral("{\\DH}")},
        {0x2013, QStringLiteral("--")},
        {0x2014, QStringLiteral("---")},
        {0x2018, QStringLiteral("{\\textquoteleft}")},  // not ` and ': a reader could not tell ’ from '
        {0x2019, QStringLiteral("{\\textquoteright}")},
        {0x201C, QStringLiteral("``")},
        {0x201D, QStringLiteral("''")},
        {0x00AB, QStringLiteral("{\\guillemotleft}")},
        {0x00BB, QStringLiteral("{\\guillemotright}")},
        {0x2026, QStringLiteral("{\\ldots}")},
        {0x00A0, QStringLiteral("~")},
        {0x00B1, QStringLiteral("{$\\pm$}")},
        {0x00D7, QStringLiteral("{$\\times$}")},
        {0x2264, QStringLiteral("{$\\leq$}")},
        {0x2265, QStringLiteral("{$\\geq$}")},
        {0x00B5, QStringLiteral("{\\textmu}")}, // the micro sign, not the Greek letter below
        {0x03BC, QStringLiteral("{$\\mu$}")},
        {0x03B1, QStringLiteral("{$\\alpha$}")},
        {0x03B2, QStringLiteral("{$\\beta$}")},
        {0x03B3, QStringLiteral("{$\\gamma$}")},
        {0x03B4, QStringLiteral("{$\\delta$}")},
        {0x03BA, QStringLiteral("{$\\kappa$}")},
        {0x03C7, QStringLiteral("{$\\chi$}")},
        {0x00B0, QStringLiteral("{\\textdegree}")},
        {0x00B7, QStringLiteral("{\\textperiodcentered}")},
        {0x00A9, QStringLiteral("{\\textcopyright}")},
        {0x00AE, QStringLiteral("{\\textregistered}")},
        {0x2122, QStringLiteral("{\\texttrademark}")},
        {0x20AC, QStringLiteral("{\\texteuro}")},
        {0x00A3, QStringLiteral("{\\pounds}")},
        {0x00A7, QStringLiteral("{\\S}")},
        {0x00B6, QStringLiteral("{\\P}")},
    };
    return table;
}

QString escapeAscii(char16_t c)
{
    switch (c) {
    case u'{': return QStringLiteral("\\{");
    case u'}': return QStringLiteral("\\}");
    case u'%': return QStringLiteral("\\%");
    case u'&': return QStringLiteral("\\&");
    case u'$': return QStringLiteral("\\$");
    case u'#': return QStringLiteral("\\#");
    case u'_': return QStringLiteral("\\_");
    case u'\\': return QStringLiteral("\\textbackslash{}");
    case u'~': return QStringLiteral("\\textasciitilde{}");
    case u'^': return QStringLiteral("\\textasciicircum{}");
    case u'<': return QStringLiteral("\\textless{}");
    case u'>': return QStringLiteral("\\textgreater{}");
    default: break;
    }
    return QString(QChar(c));
}

// "é" -> "{\'e}", "ǘ" -> "{\'{\"u}}", "ï" -> "{\"\i}"; empty when there is no spelling.
QString accentedLetter(QChar c)
{
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_D);
    if (decomposed.size() < 2 || decomposed.at(0).unicode() >= 128 || !decomposed.at(0).isLetter())
        return {};
    QString inner = decomposed.at(0);
    // Dotless i and j under accents above, as LaTeX expects.
    const bool above = decomposed.at(1).unicode() != 0x0327 && decomposed.at(1).unicode() != 0x0328
                       && decomposed.at(1).unicode() != 0x0323;
    if (above && (inner == u"i" || inner == u"j"))
        inner = u'\\' + inner;
    for (qsizetype i = 1; i < decomposed.size(); ++i) {
        const QString command = accentCommand(decomposed.at(i).unicode());
        if (command.isEmpty())
            return {};
        // \c{c}, \v{s}: letter commands take a braced argument; \'e and \"\i need none.
        const bool letterCommand = command.at(1).isLetter();
        const bool bare = inner.size() == 1 || inner == u"\\i" || inner == u"\\j";
        inner = command + (letterCommand || !bare ? QString(u'{' + inner + u'}') : inner);
    }
    return u'{' + inner + u'}';
}

} // namespace

QString bibtexEscape(const QString &text)
{
    // Most text is plain ASCII with nothing to escape: return it as it is (a 100,000-study
    // export escapes millions of fields).
    bool plain = true;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 128 || u == u'{' || u == u'}' || u == u'%' || u == u'&' || u == u'$' || u == u'#' || u == u'_'
            || u == u'\\' || u == u'~' || u == u'^' || u == u'<' || u == u'>') {
            plain = false;
            break;
        }
    }
    // "--", "``" and "''" are a dash and curly quotes to LaTeX: plain text keeps them apart.
    if (plain && !text.contains(QStringLiteral("--")) && !text.contains(QStringLiteral("``"))
        && !text.contains(QStringLiteral("''")))
        return text;
    const QString nfc = text.normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(nfc.size() + nfc.size() / 8);
    for (qsizetype i = 0; i < nfc.size(); ++i) {
        const QChar c = nfc.at(i);
        if (c.isHighSurrogate() && i + 1 < nfc.size()) {
            out += c;
            out += nfc.at(++i);
            continue;
        }
        if (c.unicode() < 128) {
            out += escapeAscii(c.unicode());
            if ((c == u'-' || c == u'`' || c == u'\'') && i + 1 < nfc.size() && nfc.at(i + 1) == c)
                out += QStringLiteral("{}"); // "-{}-": two hyphens, not an en dash
            continue;
        }
        if (const auto it = specialCharacters().constFind(c.unicode()); it != specialCharacters().cend()) {
            out += *it;
            continue;
        }
        const QString accented = accentedLetter(c);
        out += accented.isEmpty() ? QString(c) : accented;
    }
    return out;
}

QString bibtexTitle(const QString &title)
{
    QString out;
    QString word;
    bool first = true;
    const auto flush = [&] {
        if (word.isEmpty())
            return;
        // Braces go around the letters and digits: "(ALS):" becomes "({ALS}):".
        qsizetype begin = 0;
        qsizetype end = word.size();
        while (begin < end && !word.at(begin).isLetterOrNumber())
            ++begin;
        while (end > begin && !word.at(end - 1).isLetterOrNumber())
            --end;
        bool capital = false;
        for (qsizetype i = begin + (first ? 1 : 0); i < end && !capital; ++i)
            capital = word.at(i).isUpper();
        if (capital)
            out += bibtexEscape(word.left(begin)) + u'{' + bibtexEscape(word.mid(begin, end - begin)) + u'}'
                   + bibtexEscape(word.mid(end));
        else
            out += bibtexEscape(word);
        word.clear();
        first = false;
    };
    for (const QChar c : title) {
        if (c.isSpace()) {
            flush();
            out += bibtexEscape(QString(c));
        } else {
            word += c;
        }
    }
    flush();
    return out;
}

} // namespace mgreview
