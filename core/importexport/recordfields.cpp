#include "importexport/recordfields.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mgreview {

namespace {

bool isInitials(QStringView word)
{
    // "JA", "J.A.", "J", "J-P": upper-case letters, dots and hyphens only, short.
    if (word.isEmpty() || word.size() > 6)
        return false;
    int letters = 0;
    for (QChar c : word) {
        if (c.isLetter()) {
            if (!c.isUpper())
                return false;
            ++letters;
        } else if (c != u'.' && c != u'-') {
            return false;
        }
    }
    return letters > 0 && letters <= 4;
}

QString initialsOf(QStringView given)
{
    QString out;
    const QList<QStringView> parts = given.split(u' ', Qt::SkipEmptyParts);
    for (QStringView part : parts) {
        // "Jean-Pierre" -> "JP"; "J.A." -> "JA"
        bool take = true;
        for (QChar c : part) {
            if (c == u'-' || c == u'.') {
                take = true;
                continue;
            }
            if (take && c.isLetter())
                out += c.toUpper();
            take = false;
        }
    }
    return out;
}

// A group or corporate author ("Cochrane Neuromuscular Group", "Dialysate Magnesium (Dial-Mag)
// Investigators", "Centre for Reviews and Dissemination"), which must not be split into a
// surname and initials: a word that names a body, a bracket or digit, or a joining word.
bool looksLikeOrganisation(const QList<QStringView> &words)
{
    static const QSet<QString> bodies{
        u"group"_s, u"groups"_s, u"collaboration"_s, u"collaborative"_s, u"collaborators"_s,
        u"investigators"_s, u"investigator"_s, u"trialists"_s, u"consortium"_s, u"committee"_s,
        u"society"_s, u"association"_s, u"organization"_s, u"organisation"_s, u"institute"_s,
        u"institutes"_s, u"institution"_s, u"council"_s, u"network"_s, u"team"_s, u"foundation"_s,
        u"agency"_s, u"university"_s, u"college"_s, u"centre"_s, u"center"_s, u"department"_s,
        u"ministry"_s, u"board"_s, u"panel"_s, u"task"_s, u"programme"_s, u"program"_s, u"project"_s,
        u"study"_s, u"trial"_s, u"registry"_s, u"service"_s, u"services"_s, u"office"_s, u"authority"_s,
        u"commission"_s, u"federation"_s, u"academy"_s, u"alliance"_s, u"initiative"_s,
        u"corporation"_s, u"inc"_s, u"ltd"_s, u"llc"_s, u"gmbh"_s, u"company"_s, u"hospital"_s,
        u"clinic"_s, u"library"_s, u"unit"_s, u"partnership"_s, u"union"_s, u"writing"_s, u"steering"_s};
    static const QSet<QString> joining{u"of"_s, u"for"_s, u"and"_s, u"the"_s, u"on"_s, u"in"_s,
                                       u"at"_s, u"to"_s, u"&"_s};
    if (words.size() < 2)
        return false;
    for (QStringView word : words) {
        QString w = word.toString().toLower();
        if (joining.contains(w))
            return true;
        while (!w.isEmpty() && !w.back().isLetterOrNumber())
            w.chop(1);
        while (!w.isEmpty() && !w.front().isLetterOrNumber())
            w.remove(0, 1);
        if (bodies.contains(w) || word.contains(u'(')
            || std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); }))
            return true;
    }
    return false;
}

} // namespace

QString normaliseAuthorName(QStringView raw)
{
    QString name = raw.trimmed().toString();
    if (name.startsWith(u'{') && name.endsWith(u'}'))
        return name.mid(1, name.size() - 2).simplified(); // BibTeX: a corporate author, kept whole
    name.remove(u'{');
    name.remove(u'}');
    name = name.simplified();
    if (name.isEmpty())
        return name;
    if (name.endsWith(u',')) {
        name.chop(1); // RIS/EndNote: a corporate author ends with a comma and is kept whole
        return name.trimmed();
    }
    const qsizetype comma = name.indexOf(u',');
    if (comma > 0) {
        const QString surname = name.left(comma).trimmed();
        QString rest = name.mid(comma + 1).trimmed();
        // "Smith, Jr., John" (BibTeX von-last-jr-first) -> keep Jr. with the surname.
        const qsizetype second = rest.indexOf(u',');
        QString suffix;
        if (second >= 0) {
            suffix = rest.left(second).trimmed();
            rest = rest.mid(second + 1).trimmed();
        }
        QString compact = rest;
        compact.remove(u' ');
        const QString initials = isInitials(compact) ? compact.remove(u'.').remove(u'-') : initialsOf(rest);
        QString out = surname;
        if (!suffix.isEmpty())
            out += u' ' + suffix;
        if (!initials.isEmpty())
            out += u' ' + initials;
        return out;
    }
    const QList<QStringView> words = QStringView(name).split(u' ', Qt::SkipEmptyParts);
    if (words.size() == 1)
        return name;
    // Already "Surname Initials" (MEDLINE AU, Scopus "Smith J.A."): the common case, tested first.
    if (isInitials(words.constLast())) {
        QString initials = words.constLast().toString();
        initials.remove(u'.');
        initials.remove(u'-');
        return name.left(name.size() - words.constLast().size()) + initials;
    }
    if (words.size() > 4 || looksLikeOrganisation(words))
        return name; // an organisation
    // "John A. Smith": the last word is the surname (lower-case particles join it).
    qsizetype surnameStart = words.size() - 1;
    while (surnameStart > 1 && words.at(surnameStart - 1).at(0).isLower())
        --surnameStart;
    QStringList surname;
    for (qsizetype i = surnameStart; i < words.size(); ++i)
        surname.append(words.at(i).toString());
    QString given;
    for (qsizetype i = 0; i < surnameStart; ++i)
        given += words.at(i).toString() + u' ';
    const QString initials = initialsOf(given);
    return initials.isEmpty() ? surname.join(u' ') : surname.join(u' ') + u' ' + initials;
}

QString cleanDoi(QStringView raw)
{
    static const QRegularExpression doi(QStringLiteral("10\\.\\d{4,9}/\\S+"));
    const QRegularExpressionMatch m = doi.match(raw.toString());
    if (!m.hasMatch())
        return {};
    QString out = m.captured(0);
    while (!out.isEmpty() && QStringView(u".,;)]}>\"'").contains(out.back()))
        out.chop(1);
    return out;
}

int yearFromText(QStringView text)
{
    for (qsizetype i = 0; i + 4 <= text.size(); ++i) {
        if (!text.at(i).isDigit())
            continue;
        if (i > 0 && text.at(i - 1).isDigit())
            continue;
        if (text.at(i + 1).isDigit() && text.at(i + 2).isDigit() && text.at(i + 3).isDigit() &&
            (i + 4 == text.size() || !text.at(i + 4).isDigit())) {
            const int year = text.sliced(i, 4).toInt();
            if (year >= 1000 && year <= 2999)
                return year;
        }
    }
    return 0;
}

QString asciiKey(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (QChar c : text) {
            if (c.isLetterOrNumber())
                out += c.toLower();
        }
        return out;
    }
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    for (QChar c : decomposed) {
        if (!c.isLetterOrNumber())
            continue;
        const QChar lower = c.toLower();
        // Letters that do not decompose into a base letter and a mark.
        switch (lower.unicode()) {
        case 0x00DF: out += QStringLiteral("ss"); break;
        case 0x00F8: out += u'o'; break;
        case 0x00E6: out += QStringLiteral("ae"); break;
        case 0x0153: out += QStringLiteral("oe"); break;
        case 0x0142: out += u'l'; break;
        case 0x0111: out += u'd'; break;
        case 0x00F0: out += u'd'; break;
        case 0x00FE: out += QStringLiteral("th"); break;
        case 0x0131: out += u'i'; break;
        default: out += lower;
        }
    }
    return out;
}

QString composeCitationText(const Citation &c)
{
    QString text;
    if (!c.authors.isEmpty()) {
        text = c.authors.size() > 6 ? c.authors.mid(0, 6).join(QStringLiteral(", ")) + QStringLiteral(", et al")
                                    : c.authors.join(QStringLiteral(", "));
        text += QStringLiteral(". ");
    }
    if (!c.title.isEmpty()) {
        text += c.title;
        if (!c.title.endsWith(u'.') && !c.title.endsWith(u'?') && !c.title.endsWith(u'!'))
            text += u'.';
        text += u' ';
    }
    if (!c.journal.isEmpty())
        text += c.journal + QStringLiteral(". ");
    if (c.year > 0) {
        text += QString::number(c.year);
        if (!c.volume.isEmpty()) {
            text += u';' + c.volume;
            if (!c.issue.isEmpty())
                text += u'(' + c.issue + u')';
        }
        if (!c.pages.isEmpty())
            text += u':' + c.pages;
        text += u'.';
    }
    return text.trimmed();
}

void finishImportedStudy(Study &s)
{
    Citation &c = s.citation;
    c.title = c.title.simplified();
    while (c.title.endsWith(u'.') && !c.title.endsWith(QStringLiteral("..")))
        c.title.chop(1); // "Title." and "Title" are the same title
    c.journal = c.journal.simplified();
    c.volume = c.volume.trimmed();
    c.issue = c.issue.trimmed();
    c.pages = c.pages.trimmed();
    QStringList authors;
    for (const QString &a : std::as_const(c.authors)) {
        const QString name = a.simplified();
        if (!name.isEmpty())
            authors.append(name);
    }
    c.authors = authors;
    s.abstract = s.abstract.trimmed();
    if (!s.ids.doi.isEmpty())
        s.ids.doi = cleanDoi(s.ids.doi);
    s.ids.pmid = s.ids.pmid.trimmed();
    QStringList keywords;
    for (const QString &k : std::as_const(s.keywords)) {
        const QString word = k.simplified();
        if (!word.isEmpty() && !keywords.contains(word))
            keywords.append(word);
    }
    s.keywords = keywords;
    if (c.text.isEmpty())
        c.text = composeCitationText(c);
}

QString generatedStudyId(const Study &s)
{
    QString surname = asciiKey(s.firstAuthor());
    if (surname.isEmpty())
        surname = QStringLiteral("anon");
    surname.truncate(20);
    QByteArray key = s.ids.doi.toLower().toUtf8() + '|' + s.ids.pmid.toUtf8() + '|' +
                     asciiKey(s.citation.title).toUtf8() + '|' + asciiKey(s.citation.journal).toUtf8() + '|' +
                     QByteArray::number(s.citation.year);
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(6);
    return surname + (s.citation.year > 0 ? QString::number(s.citation.year) : QStringLiteral("nd")) + u'_' +
           QString::fromLatin1(hash);
}

} // namespace mgreview
