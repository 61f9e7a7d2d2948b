#include "panehtml.h"

#include "models/studydetailmodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QUrl>

namespace mgreview::gui {

namespace {

using Model = StudyDetailModel;

// A printed-page palette: the pane reads like a document whatever the desktop theme.
constexpr auto kInk = "#1b1f24";
constexpr auto kMuted = "#5a6370";
constexpr auto kHeading = "#1d3b5a";
constexpr auto kQuoteBar = "#2f6db5";
constexpr auto kQuoteBack = "#eef4fb";
constexpr auto kClaimBar = "#8a8f96";
constexpr auto kClaimBack = "#f4f4f2";
constexpr auto kBadgeBack = "#f5c04a";
constexpr auto kBadgeInk = "#3b2800";
constexpr auto kReasonInk = "#7a4f00";
// A matched span: a background AND bold underlined text, so it shows in greyscale too.
constexpr auto kMatchBack = "#ffe27a";
constexpr auto kOutrankedInk = "#6b7380";

QString tr(const char *text)
{
    return QCoreApplication::translate("StudyPane", text);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString css(const char *value)
{
    return QString::fromLatin1(value);
}

struct EntryView {
    int kind = Model::Text;
    QString label, value, source, note, reason;
    QString matchBefore, matchText, matchAfter, matchField;
    QUrl url;
    bool notVerified = false;
    bool winning = true;
};

EntryView entryAt(const QAbstractItemModel &m, const QModelIndex &section, int row)
{
    const QModelIndex label = m.index(row, Model::LabelColumn, section);
    const QModelIndex value = m.index(row, Model::ValueColumn, section);
    EntryView e;
    e.kind = label.data(Model::KindRole).toInt();
    e.label = label.data().toString();
    e.value = value.data().toString();
    e.source = label.data(Model::SourceRole).toString();
    e.note = label.data(Model::NoteRole).toString();
    e.reason = label.data(Model::NotVerifiedReasonRole).toString();
    e.notVerified = label.data(Model::NotVerifiedRole).toBool();
    e.url = label.data(Model::UrlRole).toUrl();
    e.matchBefore = label.data(Model::MatchBeforeRole).toString();
    e.matchText = label.data(Model::MatchTextRole).toString();
    e.matchAfter = label.data(Model::MatchAfterRole).toString();
    e.matchField = label.data(Model::MatchFieldRole).toString();
    const QVariant winning = label.data(Model::WinningRole);
    e.winning = !winning.isValid() || winning.toBool();
    return e;
}

QString badge(const QString &text)
{
    return QStringLiteral(
        "<span style=\"background-color:%1; color:%2; font-weight:600;\">&nbsp;\u26A0 %3&nbsp;</span>")
        .arg(css(kBadgeBack), css(kBadgeInk), esc(text));
}

/// The reason, unless it only repeats what the badge already says.
QString reasonText(const EntryView &e)
{
    QString plain = e.reason.trimmed();
    while (plain.endsWith(u'.'))
        plain.chop(1);
    const QString folded = plain.toLower();
    if (folded.isEmpty() || folded == u"unverified" || folded == Model::tr("not verified")
        || folded == Model::tr("not reported") || folded == e.value.toLower())
        return {};
    return QStringLiteral(" <span style=\"color:%1;\">%2</span>").arg(css(kReasonInk), esc(e.reason));
}

QString small(const QString &html)
{
    return QStringLiteral("<div style=\"color:%1; font-size:small; margin-top:2px;\">%2</div>").arg(css(kMuted), html);
}

QString link(const QUrl &url, const QString &text)
{
    if (!url.isValid() || url.scheme().isEmpty())
        return esc(text);
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url.toString(QUrl::FullyEncoded)), esc(text));
}

/// A rule field ("funding_notes") in the reader's words.
QString fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        { QStringLiteral("title"), QT_TRANSLATE_NOOP("StudyPane", "the title") },
        { QStringLiteral("abstract"), QT_TRANSLATE_NOOP("StudyPane", "the abstract") },
        { QStringLiteral("conclusions"), QT_TRANSLATE_NOOP("StudyPane", "the conclusions") },
        { QStringLiteral("funding"), QT_TRANSLATE_NOOP("StudyPane", "the funding statement") },
        { QStringLiteral("coi"), QT_TRANSLATE_NOOP("StudyPane", "the conflict-of-interest statement") },
        { QStringLiteral("funding_notes"), QT_TRANSLATE_NOOP("StudyPane", "what is known about funding") },
        { QStringLiteral("funders"), QT_TRANSLATE_NOOP("StudyPane", "the funder names") },
        { QStringLiteral("funder_types"), QT_TRANSLATE_NOOP("StudyPane", "the funder types") },
        { QStringLiteral("publication_types"), QT_TRANSLATE_NOOP("StudyPane", "the publication types") },
        { QStringLiteral("keywords"), QT_TRANSLATE_NOOP("StudyPane", "the keywords") },
        { QStringLiteral("journal"), QT_TRANSLATE_NOOP("StudyPane", "the journal") },
        { QStringLiteral("design_text"), QT_TRANSLATE_NOOP("StudyPane", "the design as reported") },
        { QStringLiteral("population_text"), QT_TRANSLATE_NOOP("StudyPane", "the population as reported") },
        { QStringLiteral("cramp_type_text"), QT_TRANSLATE_NOOP("StudyPane", "the cramp type as reported") },
        { QStringLiteral("intervention"), QT_TRANSLATE_NOOP("StudyPane", "the intervention") },
        { QStringLiteral("design"), QT_TRANSLATE_NOOP("StudyPane", "the coded design") },
        { QStringLiteral("populations"), QT_TRANSLATE_NOOP("StudyPane", "the coded populations") },
        { QStringLiteral("cramp_types"), QT_TRANSLATE_NOOP("StudyPane", "the coded cramp types") },
    };
    const auto it = labels.constFind(field);
    return it != labels.cend() ? tr(*it) : QString(field).replace(u'_', u' ');
}

/// "Matched in the title: …randomised <match>controlled trial</match> of…", all escaped.
QString matchLine(const EntryView &e)
{
    if (e.matchText.isEmpty())
        return {};
    const QString mark = QStringLiteral("<span class=\"rule-match\" style=\"background-color:%1; font-weight:700; "
                                        "text-decoration:underline;\">%2</span>")
                             .arg(css(kMatchBack), esc(e.matchText));
    return QStringLiteral("<div style=\"margin-top:2px;\">%1 %2%3%4</div>")
        .arg(esc(tr("Matched in %1:").arg(fieldLabel(e.matchField))), esc(e.matchBefore), mark, esc(e.matchAfter));
}

/// The value cell of a label/value row: the value (linked where it has a URL), a badge
/// when not verified, then the source, note and reason in small print.
QString valueCell(const EntryView &e)
{
    QString html;
    if (e.kind == Model::Warning) {
        html = badge(e.value) + reasonText(e);
    } else {
        html = e.kind == Model::Link ? link(e.url, e.value) : esc(e.value);
        if (e.kind == Model::Classification && e.winning)
            html = QStringLiteral("<b>%1</b>").arg(html);
        else if (e.kind == Model::Classification)
            html += QStringLiteral(" <i>(%1)</i>").arg(esc(tr("outranked")));
        if (e.notVerified)
            html += QStringLiteral(" ") + badge(Model::tr("not verified")) + reasonText(e);
    }
    const bool showNote = !e.note.isEmpty() && e.note != e.reason && e.note != e.value;
    // A classification's reason is what the reader weighs: full size, not small print.
    if (e.kind == Model::Classification && showNote)
        html += QStringLiteral("<div style=\"margin-top:2px;\">%1 %2</div>").arg(tr("Reason:"), esc(e.note));
    if (e.kind == Model::Classification)
        html += matchLine(e);
    QStringList details;
    if (!e.source.isEmpty())
        details.append(tr("Source: %1").arg(esc(e.source)));
    if (e.kind != Model::Classification && showNote)
        details.append(esc(e.note));
    if (!details.isEmpty())
        html += small(details.join(QStringLiteral("<br>")));
    return html;
}

QString row(const EntryView &e)
{
    // An outranked rule suggestion stays readable but steps back: grey, not bold, and its
    // source says "outranked" in words.
    if (!e.winning)
        return QStringLiteral("<tr><td width=\"150\" valign=\"top\" style=\"color:%1;\">%2</td>"
                              "<td valign=\"top\" style=\"color:%1;\">%3</td></tr>")
            .arg(css(kOutrankedInk), esc(e.label), valueCell(e));
    return QStringLiteral("<tr><td width=\"150\" valign=\"top\" style=\"color:%1;\">%2</td>"
                          "<td valign=\"top\">%3</td></tr>")
        .arg(css(kMuted), esc(e.label), valueCell(e));
}

/// A quotation block: a coloured bar beside a tinted box (Qt's rich text has no border-left).
QString quoteBlock(
    const QString &bar, const QString &back, const QString &caption, const QString &body, const QString &after)
{
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top:6px;\">"
                          "<tr><td width=\"4\" bgcolor=\"%1\"></td>"
                          "<td bgcolor=\"%2\" style=\"padding:8px 10px 8px 10px;\">%3%4%5</td></tr></table>")
        .arg(bar, back, caption, body, after);
}

QString conclusion(const EntryView &e, int number)
{
    // The named anchor marks where the conclusion's text starts, so highlights and selections
    // can be mapped to character offsets of the verbatim text (annotationpane.cpp).
    const QString body = QStringLiteral("<div style=\"font-size:large; color:%1;\"><a name=\"%3\"></a>%2</div>")
                             .arg(css(kInk), esc(e.value), conclusionAnchor(number));
    QString after;
    if (!e.source.isEmpty())
        after += small(QStringLiteral("<b>%1</b> %2").arg(tr("Source:"), esc(e.source)));
    if (!e.note.isEmpty())
        after += small(esc(e.note));
    return quoteBlock(css(kQuoteBar), css(kQuoteBack), QString(), body, after);
}

QString capitalised(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

/// One claim; the document making it is the sub-heading above (claimsBy()).
QString claim(const EntryView &e)
{
    const QString head = e.source.isEmpty() ? QString()
                                            : QStringLiteral("<div style=\"color:%1; font-weight:600;\">%2</div>")
                                                  .arg(css(kMuted), esc(capitalised(e.source)));
    const QString body
        = QStringLiteral("<div style=\"color:%1; margin-top:2px;\">%2</div>").arg(css(kInk), esc(e.value));
    return quoteBlock(css(kClaimBar), css(kClaimBack), head, body, e.note.isEmpty() ? QString() : small(esc(e.note)));
}

QString claimsBy(const QString &document)
{
    return QStringLiteral("<div style=\"color:%1; font-weight:600; margin-top:10px;\">%2</div>")
        .arg(css(kInk), tr("%1 says:").arg(esc(document)));
}

/// An effect estimate: the outcome on its own line (they are long), then the estimate.
QString effect(const EntryView &e)
{
    QString estimate = e.value;
    // An estimate without a number starts with its certainty ("; very low certainty").
    while (estimate.startsWith(u';') || estimate.startsWith(u' '))
        estimate.remove(0, 1);
    QString html = QStringLiteral("<div style=\"margin-top:8px; font-weight:600;\">%1</div>").arg(esc(e.label));
    if (!estimate.isEmpty())
        html += QStringLiteral("<div>%1</div>").arg(esc(estimate));
    if (!e.note.isEmpty() && e.note != e.value)
        html += small(esc(e.note));
    return html;
}

QString sectionHeading(const QString &title, const QString &id)
{
    // The anchor lets the pane scroll to a section (ConclusionPane::scrollToSection).
    return QStringLiteral("<h3 style=\"color:%1; margin-top:16px; margin-bottom:4px;\"><a name=\"%3\"></a>%2</h3>")
        .arg(css(kHeading), esc(title), esc(sectionAnchor(id)));
}

/// Title, authors and journal as a reader expects them on top; identifiers in a table below.
QString citationSection(const QAbstractItemModel &m, const QModelIndex &section)
{
    QString title, authors, journal, year, full;
    QString rows;
    for (int r = 0; r < m.rowCount(section); ++r) {
        const EntryView e = entryAt(m, section, r);
        const bool plain = e.kind == Model::Text && !e.notVerified && e.note.isEmpty();
        if (e.label == Model::tr("Title") && plain && !e.value.isEmpty())
            title = e.value;
        else if (e.label == Model::tr("Authors") && plain)
            authors = e.value;
        else if (e.label == Model::tr("Journal") && plain)
            journal = e.value;
        else if (e.label == Model::tr("Year") && plain)
            year = e.value;
        else if (e.label == Model::tr("Citation") && plain)
            full = e.value;
        else
            rows += row(e);
    }
    QString html;
    html += QStringLiteral("<div style=\"font-size:x-large; font-weight:600; color:%1;\">%2</div>")
                .arg(css(kInk), esc(title.isEmpty() ? full : title));
    if (!authors.isEmpty())
        html += QStringLiteral("<div style=\"color:%1; margin-top:4px;\">%2</div>").arg(css(kInk), esc(authors));
    QStringList where;
    if (!journal.isEmpty())
        where.append(QStringLiteral("<i>%1</i>").arg(esc(journal)));
    if (!year.isEmpty())
        where.append(esc(year));
    if (!where.isEmpty())
        html += QStringLiteral("<div style=\"color:%1;\">%2</div>").arg(css(kMuted), where.join(QStringLiteral(" · ")));
    if (!full.isEmpty() && !title.isEmpty())
        html += small(esc(full));
    if (!rows.isEmpty())
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" style=\"margin-top:6px;\">%1</table>")
                    .arg(rows);
    return html;
}

QString genericSection(const QAbstractItemModel &m, const QModelIndex &section)
{
    QString html = sectionHeading(section.data().toString(), section.data(Model::SectionIdRole).toString());
    QString rows;
    const auto flushRows = [&] {
        if (!rows.isEmpty())
            html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">%1</table>").arg(rows);
        rows.clear();
    };
    QString claimDocument;
    int conclusionNumber = 0;
    for (int r = 0; r < m.rowCount(section); ++r) {
        const EntryView e = entryAt(m, section, r);
        if (e.kind == Model::Conclusion) {
            flushRows();
            html += conclusion(e, ++conclusionNumber);
        } else if (e.kind == Model::Claim) {
            flushRows();
            // Claims are grouped by the document making them, which is named once.
            if (e.label != claimDocument)
                html += claimsBy(e.label);
            claimDocument = e.label;
            html += claim(e);
        } else if (e.kind == Model::Effect) {
            flushRows();
            html += effect(e);
        } else if (e.kind == Model::Link && e.label.isEmpty()) {
            flushRows();
            html += QStringLiteral("<div style=\"margin-top:2px;\">%1</div>").arg(link(e.url, e.value));
        } else {
            rows += row(e);
        }
    }
    flushRows();
    return html;
}

QString page(const QString &body)
{
    return QStringLiteral("<html><body style=\"color:%1;\">%2</body></html>").arg(css(kInk), body);
}

} // namespace

QString studyDetailHtml(const QAbstractItemModel &model)
{
    if (model.rowCount() == 0)
        return emptyPaneHtml(tr("Select a study to read its conclusions."));
    // The authors' words and what others claim about them come right after the citation:
    // they are what the reader opened the study for. Everything else follows in model order.
    const QStringList first = { QStringLiteral("citation"), QStringLiteral("conclusions"), QStringLiteral("claims") };
    QVector<int> order;
    for (const QString &id : first) {
        for (int s = 0; s < model.rowCount(); ++s) {
            if (model.index(s, 0).data(Model::SectionIdRole).toString() == id)
                order.append(s);
        }
    }
    for (int s = 0; s < model.rowCount(); ++s) {
        if (!first.contains(model.index(s, 0).data(Model::SectionIdRole).toString()))
            order.append(s);
    }
    QString body;
    for (const int s : std::as_const(order)) {
        const QModelIndex section = model.index(s, 0);
        const QString id = section.data(Model::SectionIdRole).toString();
        body += id == u"citation" ? citationSection(model, section) : genericSection(model, section);
    }
    return page(body);
}

QString conclusionAnchor(int number)
{
    return QStringLiteral("mg-conclusion-%1").arg(number);
}

QString sectionAnchor(const QString &sectionId)
{
    return QStringLiteral("section-") + sectionId;
}

QString emptyPaneHtml(const QString &message)
{
    return page(QStringLiteral("<p style=\"color:%1; margin-top:24px;\" align=\"center\">%2</p>")
                    .arg(css(kMuted), esc(message)));
}

} // namespace mgreview::gui
