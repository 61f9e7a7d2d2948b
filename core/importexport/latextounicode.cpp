#include "importexport/latextounicode.h"

#include <QHash>

namespace mgreview {

namespace {

// Accent command -> combining character.
char16_t combiningFor(QChar accent)
{
    switch (accent.unicode()) {
    case u'\'': return 0x0301;
    case u'`': return 0x0300;
    case u'^': return 0x0302;
    case u'"': return 0x0308;
    case u'~': return 0x0303;
    case u'=': return 0x0304;
    case u'.': return 0x0307;
    case u'u': return 0x0306;
    case u'v': return 0x030C;
    case u'H': return 0x030B;
    case u'c': return 0x0327;
    case u'k': return 0x0328;
    case u'r': return 0x030A;
    case u'd': return 0x0323;
    case u'b': return 0x0331;
    default: return 0;
    }
}

const QHash<QString, QString> &letterCommands()
{
    static const QHash<QString, QString> commands{
        {QStringLiteral("ss"), QStringLiteral("ß")},  {QStringLiteral("o"), QStringLiteral("ø")},
        {QStringLiteral("O"), QStringLiteral("Ø")},   {QStringLiteral("ae"), QStringLiteral("æ")},
        {QStringLiteral("AE"), QStringLiteral("Æ")},  {QStringLiteral("oe"), QStringLiteral("œ")},
        {QStringLiteral("OE"), QStringLiteral("Œ")},  {QStringLiteral("aa"), QStringLiteral("å")},
        {QStringLiteral("AA"), QStringLiteral("Å")},  {QStringLiteral("l"), QStringLiteral("ł")},
        {QStringLiteral("L"), QStringLiteral("Ł")},   {QStringLiteral("i"), QStringLiteral("ı")},
        {QStringLiteral("j"), QStringLiteral("ȷ")},   {QStringLiteral("dh"), QStringLiteral("ð")},
        {QStringLiteral("DH"), QStringLiteral("Ð")},  {QStringLiteral("th"), QStringLiteral("þ")},
        {QStringLiteral("TH"), QStringLiteral("Þ")},  {QStringLiteral("textendash"), QStringLiteral("–")},
        {QStringLiteral("textemdash"), QStringLiteral("—")}, {QStringLiteral("ldots"), QStringLiteral("…")},
        {QStringLiteral("dots"), QStringLiteral("…")}, {QStringLiteral("textregistered"), QStringLiteral("®")},
        {QStringLiteral("texttrademark"), QStringLiteral("™")}, {QStringLiteral("copyright"), QStringLiteral("©")},
        {QStringLiteral("textdegree"), QStringLiteral("°")}, {QStringLiteral("pounds"), QStringLiteral("£")},
        {QStringLiteral("euro"), QStringLiteral("€")}, {QStringLiteral("S"), QStringLiteral("§")},
        {QStringLiteral("P"), QStringLiteral("¶")},   {QStringLiteral("LaTeX"), QStringLiteral("LaTeX")},
        {QStringLiteral("TeX"), QStringLiteral("TeX")}, {QStringLiteral("alpha"), QStringLiteral("α")},
        {QStringLiteral("beta"), QStringLiteral("β")}, {QStringLiteral("gamma"), QStringLiteral("γ")},
        {QStringLiteral("delta"), QStringLiteral("δ")}, {QStringLiteral("mu"), QStringLiteral("μ")},
        {QStringLiteral("pm"), QStringLiteral("±")},  {QStringLiteral("times"), QStringLiteral("×")},
        {QStringLiteral("leq"), QStringLiteral("≤")}, {QStringLiteral("geq"), QStringLiteral("≥")},
        {QStringLiteral("textless"), QStringLiteral("<")}, {QStringLiteral("textgreater"), QStringLiteral(">")},
        {QStringLiteral("textquotedblleft"), QStringLiteral("“")}, {QStringLiteral("textquotedblright"), QStringLiteral("”")},
        {QStringLiteral("textquoteleft"), QStringLiteral("‘")}, {QStringLiteral("textquoteright"), QStringLiteral("’")},
        // Everything our BibTeX export writes (bibtexescape.cpp) reads back.
        {QStringLiteral("dj"), QStringLiteral("đ")},  {QStringLiteral("DJ"), QStringLiteral("Đ")},
        {QStringLiteral("kappa"), QStringLiteral("κ")}, {QStringLiteral("chi"), QStringLiteral("χ")},
        {QStringLiteral("textmu"), QStringLiteral("µ")}, {QStringLiteral("guillemotleft"), QStringLiteral("«")},
        {QStringLiteral("guillemotright"), QStringLiteral("»")}, {QStringLiteral("textperiodcentered"), QStringLiteral("·")},
        {QStringLiteral("textcopyright"), QStringLiteral("©")}, {QStringLiteral("texteuro"), QStringLiteral("€")},
        {QStringLiteral("textbackslash"), QStringLiteral("\\")}, {QStringLiteral("textasciitilde"), QStringLiteral("~")},
        {QStringLiteral("textasciicircum"), QStringLiteral("^")},
    };
    return commands;
}

// Runs of spaces, tabs and line breaks (how the file was laid out) become one space; a
// no-break space (from "~") is text and stays.
QString collapseSpaces(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c == u' ' || c == u'\n' || c == u'\r' || c == u'\t') {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += u' ';
        space = false;
        out += c;
    }
    return out;
}

class Converter
{
public:
    explicit Converter(QStringView in) : m_in(in) {}

    QString run()
    {
        QString out;
        out.reserve(m_in.size());
        convert(out, m_in.size());
        return collapseSpaces(out.normalized(QString::NormalizationForm_C));
    }

private:
    // The next "argument": a braced group (converted) or one character.
    QString argument()
    {
        while (m_pos < m_in.size() && m_in.at(m_pos) == u' ')
            ++m_pos;
        if (m_pos >= m_in.size())
            return {};
        if (m_in.at(m_pos) == u'{') {
            const qsizetype end = matchingBrace(m_pos);
            ++m_pos;
            QString inner;
            convert(inner, end);
            m_pos = std::min(end + 1, m_in.size());
            return inner;
        }
        if (m_in.at(m_pos) == u'\\') {
            QString inner;
            command(inner);
            return inner;
        }
        return QString(m_in.at(m_pos++));
    }

    qsizetype matchingBrace(qsizetype open) const
    {
        int depth = 0;
        for (qsizetype i = open; i < m_in.size(); ++i) {
            if (m_in.at(i) == u'\\') {
                ++i;
                continue;
            }
            if (m_in.at(i) == u'{')
                ++depth;
            else if (m_in.at(i) == u'}' && --depth == 0)
                return i;
        }
        return m_in.size();
    }

    void command(QString &out)
    {
        ++m_pos; // backslash
        if (m_pos >= m_in.size()) {
            out += u'\\';
            return;
        }
        const QChar c = m_in.at(m_pos);
        if (!c.isLetter()) {
            ++m_pos;
            if (const char16_t mark = combiningFor(c)) {
                QString base = argument();
                if (base.isEmpty()) {
                    out += c;
                    return;
                }
                if (base.at(0) == QChar(0x0131))
                    base[0] = u'i'; // \'{\i} -> í
                out += base.at(0);
                out += QChar(mark);
                out += QStringView(base).sliced(1);
                return;
            }
            if (c == u'\\') {
                out += u' '; // line break
                return;
            }
            if (c == u' ' || c == u',' || c == u';' || c == u':' || c == u'!')
                out += u' ';
            else
                out += c; // \& \% \$ \_ \# \{ \}
            return;
        }
        qsizetype end = m_pos;
        while (end < m_in.size() && m_in.at(end).isLetter())
            ++end;
        const QString name = m_in.sliced(m_pos, end - m_pos).toString();
        m_pos = end;
        if (name.size() == 1 && combiningFor(name.at(0))) {
            // \c{c}, \v s, \u{a}: letter accents take an argument.
            QString base = argument();
            if (base.isEmpty())
                return;
            out += base.at(0);
            out += QChar(combiningFor(name.at(0)));
            out += QStringView(base).sliced(1);
            return;
        }
        const auto it = letterCommands().constFind(name);
        if (it != letterCommands().cend()) {
            // "\ss{}" and "\o " end with an empty group or a space that belongs to the command.
            if (m_pos + 1 < m_in.size() && m_in.at(m_pos) == u'{' && m_in.at(m_pos + 1) == u'}')
                m_pos += 2;
            else if (m_pos < m_in.size() && m_in.at(m_pos) == u' ')
                ++m_pos;
            out += *it;
            return;
        }
        // \emph{x}, \textit{x}, \url{x}, \mbox{x}: keep the argument.
        while (m_pos < m_in.size() && m_in.at(m_pos) == u' ')
            ++m_pos;
        if (m_pos < m_in.size() && m_in.at(m_pos) == u'{')
            out += argument();
    }

    void convert(QString &out, qsizetype end)
    {
        while (m_pos < end) {
            const QChar c = m_in.at(m_pos);
            switch (c.unicode()) {
            case u'\\':
                command(out);
                break;
            case u'{':
            case u'}':
            case u'$':
                ++m_pos;
                break;
            case u'~':
                out += QChar(0x00A0); // a tie is a no-break space
                ++m_pos;
                break;
            case u'`':
            case u'\'':
                // ``quoted'' -> “quoted”; a single ` or ' stays as it is (an apostrophe).
                if (m_pos + 1 < end && m_in.at(m_pos + 1) == c) {
                    out += QChar(c == u'`' ? 0x201C : 0x201D);
                    m_pos += 2;
                } else {
                    out += c;
                    ++m_pos;
                }
                break;
            case u'-':
                if (m_pos + 2 < end && m_in.at(m_pos + 1) == u'-' && m_in.at(m_pos + 2) == u'-') {
                    out += QChar(0x2014);
                    m_pos += 3;
                } else if (m_pos + 1 < end && m_in.at(m_pos + 1) == u'-') {
                    out += QChar(0x2013);
                    m_pos += 2;
                } else {
                    out += c;
                    ++m_pos;
                }
                break;
            case u'\n':
            case u'\r':
            case u'\t':
                out += u' ';
                ++m_pos;
                break;
            default:
                out += c;
                ++m_pos;
            }
        }
    }

    QStringView m_in;
    qsizetype m_pos = 0;
};

} // namespace

QString latexToUnicode(QStringView latex)
{
    if (!latex.contains(u'\\') && !latex.contains(u'{') && !latex.contains(u'~') && !latex.contains(u'$') &&
        !latex.contains(QStringLiteral("--")) && !latex.contains(QStringLiteral("``")) &&
        !latex.contains(QStringLiteral("''")))
        return collapseSpaces(latex.toString());
    return Converter(latex).run();
}

} // namespace mgreview
